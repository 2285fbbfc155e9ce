import { clusterFactor } from "../../../src/core/covariance/small-sample";
import { classicalVcov, clusterVcov, whiteVcov } from "../../../src/core/covariance/sandwich";

/** Factors from test/fixtures/README.md (Stata xtreg / regress, plm sss). */
describe("cluster small-sample factors", () => {
  const G = 10, N = 200, k = 2, T = 20;
  test("Stata xtreg, fe: K = slopes + 1; two-way adds T − 1 year dummies", () => {
    expect(clusterFactor("stata", "fe", "individual", G, N, k, T)).toBeCloseTo((10 / 9) * (199 / (200 - 3)), 14);
    expect(clusterFactor("stata", "fe", "twoways", G, N, k, T)).toBeCloseTo((10 / 9) * (199 / (200 - 2 - 19 - 1)), 14);
  });
  test("Stata regress (pooled): K with the intercept; plm sss: k = slopes for FE; none = 1", () => {
    expect(clusterFactor("stata", "pooled", "individual", G, N, k, T)).toBeCloseTo((10 / 9) * (199 / 197), 14);
    expect(clusterFactor("plm", "fe", "individual", G, N, k, T)).toBeCloseTo((10 / 9) * (199 / 198), 14);
    expect(clusterFactor("none", "fe", "twoways", G, N, k, T)).toBe(1);
  });
});

describe("sandwich covariances on a hand-checked design", () => {
  // One regressor x = (1, 2, 3, 4) without intercept: X'X = 30, A = 1/30; residuals e = (1, −1, 2, −2).
  const x = Float64Array.from([1, 2, 3, 4]);
  const e = Float64Array.from([1, -1, 2, -2]);
  const A = Float64Array.from([1 / 30]);
  test("classical s²A", () => {
    expect(classicalVcov(A, 1, 3)[0]).toBeCloseTo(0.1, 15);
  });
  test("White: A Σ e²x² A = (1 + 4 + 36 + 64)/900", () => {
    expect(whiteVcov([x], e, A, 1)[0]).toBeCloseTo(105 / 900, 15);
  });
  test("cluster {1,2}, {3,4}: scores 1−2 = −1 and 6−8 = −2 → (1 + 4)/900, times the factor", () => {
    expect(clusterVcov([x], e, A, Int32Array.from([0, 0, 1, 1]), 2, 2)[0]).toBeCloseTo((2 * 5) / 900, 15);
  });
});
