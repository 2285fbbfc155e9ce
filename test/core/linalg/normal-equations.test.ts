import { normalEquationsFit, MIN_PIVOT } from "../../../src/core/linalg/normal-equations";
import { leastSquares } from "../../../src/core/linalg/least-squares";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { Cell } from "../../../src/core/data/cells";
import { SyntheticPanelOptions, syntheticFePanel } from "../../helpers/synthetic-fe-panel";

const col = (...v: number[]) => Float64Array.from(v);
const never = () => false;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("normal-equations fast path (guarded Cholesky)", () => {
  test("by hand: x = 0,1,2,3 with a constant, y = 1,3,2,5 → b = (1.1, 1.1), (X'X)⁻¹ = [[0.7, −0.3], [−0.3, 0.2]], SSR 2.7", () => {
    const fit = normalEquationsFit([col(1, 1, 1, 1), col(0, 1, 2, 3)], col(1, 3, 2, 5), never)!;
    expect(fit).toBeDefined();
    expect(fit.kept).toEqual([0, 1]);
    expect(fit.omitted).toEqual([]);
    expect(Array.from(fit.coef).map((v) => +v.toFixed(12))).toEqual([1.1, 1.1]);
    expect(Array.from(fit.xtxInv).map((v) => +v.toFixed(12))).toEqual([0.7, -0.3, -0.3, 0.2]);
    expect(fit.ssr).toBeCloseTo(2.7, 12);
  });

  const n = 3000;
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + 2);
  const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7) * 3);
  const x3 = Float64Array.from({ length: n }, (_, i) => (i % 11) - 5);
  const y = Float64Array.from({ length: n }, (_, i) => 1 + 2 * x1[i] - x2[i] + 0.3 * x3[i] + Math.sin(i * 13.1));

  test("agrees with the QR to rounding on a well-conditioned design (coefficients, (X'X)⁻¹, SSR within 1e-12)", () => {
    const cols = [new Float64Array(n).fill(1), x1, x2, x3];
    const fast = normalEquationsFit(cols, y, never)!;
    const qr = leastSquares(cols, y);
    expect(fast.kept).toEqual(qr.kept);
    fast.coef.forEach((b, j) => expect(rel(b, qr.coef[j])).toBeLessThan(1e-12));
    fast.xtxInv.forEach((v, j) => expect(rel(v, qr.xtxInv[j])).toBeLessThan(1e-12));
    expect(rel(fast.ssr, qr.ssr)).toBeLessThan(1e-12);
  });

  test("leaves to the QR: a collinear column, a nearly collinear one, a zero column, a near-exact fit", () => {
    const sum = Float64Array.from(x1, (v, i) => v + 2 * x2[i]);
    expect(normalEquationsFit([x1, x2, sum], y, never)).toBeUndefined();
    // x2 + 0.003·w (w independent of x2): its orthogonal share of the squared norm is about 1e-5,
    // below MIN_PIVOT and far above the QR's 1e-18
    const near = Float64Array.from(x2, (v, i) => v + 0.003 * ((i % 7) - 3));
    expect(MIN_PIVOT).toBeGreaterThan(1e-5);
    expect(normalEquationsFit([x2, near], y, never)).toBeUndefined();
    expect(leastSquares([x2, near], y).kept).toEqual([0, 1]); // the QR still keeps it
    expect(normalEquationsFit([x1, new Float64Array(n)], y, never)).toBeUndefined();
    expect(normalEquationsFit([x1, x2], y, () => true)).toBeUndefined();
    expect(normalEquationsFit([], y, never)).toBeUndefined();
  });

  test("the decision does not depend on units: columns rescaled by 1e6 and 1e-6 take the same path with the same t ratios", () => {
    const cols = [new Float64Array(n).fill(1), x1, x2, x3];
    const scaled = [cols[0], x1.map((v) => v * 1e6), x2.map((v) => v * 1e-6), x3];
    const a = normalEquationsFit(cols, y, never)!;
    const b = normalEquationsFit(scaled, y, never)!;
    expect(b).toBeDefined();
    const t = (f: typeof a, j: number) => f.coef[j] / Math.sqrt(f.xtxInv[j * 4 + j]);
    for (let j = 0; j < 4; j++) expect(rel(t(a, j), t(b, j))).toBeLessThan(1e-12);
    const sum = Float64Array.from(x1, (v, i) => v + 2 * x2[i]);
    expect(normalEquationsFit([x1.map((v) => v * 1e6), x2, sum.map((v) => v * 1e-6)], y, never)).toBeUndefined();
  });
});

/** The shared synthetic panel (test/helpers/synthetic-fe-panel.ts) as this file uses it. */
const panel = (G: number, T: number, opts: SyntheticPanelOptions = {}): Cell[][] => syntheticFePanel(G, T, { blankY: [2, 1], ...opts });

describe("panel fits: the fast path agrees with the QR-only fit", () => {
  const cases: [string, Cell[][]][] = [
    ["balanced (one blank y)", panel(15, 6)],
    ["unbalanced", panel(15, 6, { skip: (g, t) => (g * 3 + t) % 7 === 0 })],
  ];
  const specs = [
    { model: "fe", effect: "twoways", vcov: "cluster" },
    { model: "fe", effect: "individual", vcov: "robust" },
    { model: "fe", effect: "time", vcov: "classical" },
    { model: "pooled", vcov: "cluster" },
    { model: "re", vcov: "classical" },
  ] as const;
  for (const [name, grid] of cases) {
    for (const s of specs) {
      test(`${name}, ${s.model} ${"effect" in s ? s.effect : ""} ${s.vcov}: every number within 1e-10`, () => {
        const table = tableFromGrid(grid);
        const spec = { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", ...s };
        const fast = fitPanel(table, spec);
        const qr = fitPanel(table, { ...spec, qrOnly: true });
        expect(fast.terms).toEqual(qr.terms);
        expect(fast.omitted).toEqual(qr.omitted);
        for (const k of fast.terms) {
          expect(rel(fast.params[k], qr.params[k])).toBeLessThan(1e-10);
          expect(rel(fast.stdErrors[k], qr.stdErrors[k])).toBeLessThan(1e-10);
        }
        expect(rel(fast.ssr, qr.ssr)).toBeLessThan(1e-10);
        expect(rel(fast.modelTest!.value, qr.modelTest!.value)).toBeLessThan(1e-10);
      });
    }
  }

  test("collinear x3 and an exact fit go to the QR: identical results, x3 omitted, the exact fit flagged", () => {
    for (const grid of [panel(10, 5, { collinear: true }), panel(8, 5, { exact: true })]) {
      const table = tableFromGrid(grid);
      const spec = { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", effect: "twoways" as const, vcov: "cluster" as const };
      expect(fitPanel(table, spec)).toEqual(fitPanel(table, { ...spec, qrOnly: true }));
    }
    expect(fitPanel(tableFromGrid(panel(10, 5, { collinear: true })), { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", effect: "twoways" }).omitted).toEqual(["x3"]);
    expect(fitPanel(tableFromGrid(panel(8, 5, { exact: true })), { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", effect: "twoways" }).exactFit).toBe(true);
  });
});
