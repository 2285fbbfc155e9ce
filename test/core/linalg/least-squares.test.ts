import { leastSquares } from "../../../src/core/linalg/least-squares";

const col = (...v: number[]) => Float64Array.from(v);

describe("leastSquares (Householder QR, rank detection in column order)", () => {
  test("y = 1 + 2x exactly: coefficients, zero residuals", () => {
    const fit = leastSquares([col(1, 1, 1, 1), col(0, 1, 2, 3)], col(1, 3, 5, 7));
    expect(fit.kept).toEqual([0, 1]);
    expect(fit.coef[0]).toBeCloseTo(1, 12);
    expect(fit.coef[1]).toBeCloseTo(2, 12);
    expect(fit.ssr).toBeLessThan(1e-20);
  });

  test("hand-checked: x = 0,1,2,3, y = 1,3,2,5 → b = 1.1, intercept 1.1·… and (X'X)⁻¹", () => {
    // X'X = [[4, 6], [6, 14]], det 20, inverse [[0.7, -0.3], [-0.3, 0.2]]; X'y = [11, 22]
    // b = inv · X'y = [0.7·11 − 0.3·22, −0.3·11 + 0.2·22] = [1.1, 1.1]
    const fit = leastSquares([col(1, 1, 1, 1), col(0, 1, 2, 3)], col(1, 3, 2, 5));
    expect(Array.from(fit.coef).map((v) => +v.toFixed(12))).toEqual([1.1, 1.1]);
    expect(Array.from(fit.xtxInv).map((v) => +v.toFixed(12))).toEqual([0.7, -0.3, -0.3, 0.2]);
    // residuals: 1−1.1, 3−2.2, 2−3.3, 5−4.4 = −0.1, 0.8, −1.3, 0.6 → SSR 0.01+0.64+1.69+0.36 = 2.7
    expect(fit.ssr).toBeCloseTo(2.7, 12);
  });

  test("an exactly collinear later column is omitted, not a huge coefficient", () => {
    const x = col(1, 4, 2, 8, 5);
    const fit = leastSquares([col(1, 1, 1, 1, 1), x, x.map((v) => 2 * v - 3)], col(2, 5, 1, 9, 4));
    expect(fit.kept).toEqual([0, 1]);
    expect(fit.omitted).toEqual([2]);
    expect(Math.max(...Array.from(fit.coef).map(Math.abs))).toBeLessThan(10);
  });

  test("a zero column is omitted", () => {
    const fit = leastSquares([col(1, 1, 1), col(0, 0, 0)], col(1, 2, 3));
    expect(fit.omitted).toEqual([1]);
    expect(fit.coef[0]).toBeCloseTo(2, 12);
  });
});
