import { demeanOneWay, twoWayProjector } from "../../../src/core/estimators/demean";
import { leastSquares } from "../../../src/core/linalg/least-squares";

/**
 * Two-way within transformation on unbalanced panels: the exact (FWL) method and alternating
 * projections must both equal the residual of x on explicit entity and period dummies (LSDV).
 */
const ent = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3]);
const per = Int32Array.from([0, 1, 3, 1, 2, 0, 1, 2, 3, 2, 3]);
const x = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);

function lsdvResidual(v: Float64Array, a: Int32Array, na: number, b: Int32Array, nb: number): { resid: Float64Array; rank: number } {
  const cols: Float64Array[] = [];
  for (let g = 0; g < na; g++) cols.push(Float64Array.from(a, (c) => (c === g ? 1 : 0)));
  for (let t = 0; t < nb; t++) cols.push(Float64Array.from(b, (c) => (c === t ? 1 : 0)));
  const fit = leastSquares(cols, v);
  return { resid: fit.resid, rank: fit.kept.length };
}

describe("two-way demeaning on an unbalanced panel", () => {
  const ref = lsdvResidual(x, ent, 4, per, 4);
  test.each(["exact", "alternating"] as const)("%s method: the effects rebuild x − apply(x) and differ from the LSDV entity effects by one constant", (method) => {
    const p = twoWayProjector(ent, 4, per, 4, { method });
    const { a, b } = p.effects(x);
    const out = p.apply(x);
    out.forEach((v, i) => expect(Math.abs(x[i] - a[ent[i]] - b[per[i]] - v)).toBeLessThan(1e-10));
    // LSDV with entity dummies and periods 1..3 (period 0 the base): a_g − a_0 equals the entity dummies' differences.
    const cols = [0, 1, 2, 3].map((g) => Float64Array.from(ent, (c) => (c === g ? 1 : 0))).concat([1, 2, 3].map((t) => Float64Array.from(per, (c) => (c === t ? 1 : 0))));
    const lsdv = leastSquares(cols, x).coef;
    for (let g = 1; g < 4; g++) expect(Math.abs(a[g] - a[0] - (lsdv[g] - lsdv[0]))).toBeLessThan(1e-10);
  });
  test("balanced panel: the effects are the entity means and the period means less the grand mean", () => {
    const e = Int32Array.from([0, 0, 1, 1]), t = Int32Array.from([0, 1, 0, 1]);
    const v = Float64Array.from([1, 3, 5, 11]);
    const { a, b } = twoWayProjector(e, 2, t, 2).effects(v);
    expect(Array.from(a)).toEqual([2, 8]);
    expect(Array.from(b)).toEqual([3 - 5, 7 - 5]);
  });
  test.each(["exact", "alternating"] as const)("%s method equals the LSDV residual to 1e-12", (method) => {
    const p = twoWayProjector(ent, 4, per, 4, { method });
    const out = p.apply(x);
    out.forEach((v, i) => expect(Math.abs(v - ref.resid[i])).toBeLessThan(1e-12));
    expect(p.absorbed).toBe(ref.rank); // G + T − 1 = 7
    expect(p.absorbed).toBe(7);
  });

  test("alternating projections report the sweeps used; exact reports none", () => {
    const alt = twoWayProjector(ent, 4, per, 4, { method: "alternating" });
    alt.apply(x);
    expect(alt.iterations).toBeGreaterThan(1);
    expect(alt.converged).toBe(true);
    const ex = twoWayProjector(ent, 4, per, 4);
    expect(ex.method).toBe("exact");
    expect(ex.iterations).toBe(0);
  });

  test("the exact method works whichever factor has fewer levels", () => {
    // Swap roles: 4 "entities" as periods and vice versa gives the same residual.
    const p = twoWayProjector(per, 4, ent, 4, { method: "exact" });
    p.apply(x).forEach((v, i) => expect(Math.abs(v - ref.resid[i])).toBeLessThan(1e-12));
    const wide = twoWayProjector(Int32Array.from([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]), 5, Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]), 2);
    expect(wide.method).toBe("balanced");
  });

  test("a disconnected panel: fewer effects are identified, as the dummy regression finds", () => {
    // Entities 0,1 only in periods 0,1; entities 2,3 only in periods 2,3 → two pieces.
    const a = Int32Array.from([0, 0, 1, 1, 1, 2, 2, 3, 3]);
    const bb = Int32Array.from([0, 1, 0, 1, 0, 2, 3, 2, 3]);
    const v = Float64Array.from([1, 4, 2, 8, 5, 7, 1, 3, 6]);
    const lsdv = lsdvResidual(v, a, 4, bb, 4);
    for (const method of ["exact", "alternating"] as const) {
      const p = twoWayProjector(a, 4, bb, 4, { method, balanced: false });
      expect(p.absorbed).toBe(lsdv.rank); // 4 + 4 − 2 = 6
      p.apply(v).forEach((r, i) => expect(Math.abs(r - lsdv.resid[i])).toBeLessThan(1e-10));
    }
    expect(lsdv.rank).toBe(6);
  });

  test("one-way demeaning subtracts the group mean", () => {
    expect(Array.from(demeanOneWay(Float64Array.from([1, 3, 10, 20]), Int32Array.from([0, 0, 1, 1]), 2))).toEqual([-1, 1, -5, 5]);
  });

  test("applyInto writes into a view of a larger block the values apply returns, for every method", () => {
    const block = new Float64Array(3 * x.length).fill(7);
    for (const [k, method] of (["exact", "alternating"] as const).entries()) {
      const p = twoWayProjector(ent, 4, per, 4, { method });
      const view = block.subarray((k + 1) * x.length, (k + 2) * x.length);
      expect(p.applyInto(x, view)).toBe(view);
      expect(Array.from(view)).toEqual(Array.from(p.apply(x)));
    }
    expect(Array.from(block.subarray(0, x.length))).toEqual(new Array(x.length).fill(7)); // nothing written outside the view
  });

  test("balanced panel: indicatorInto equals applyInto on the dense 0/1 column, bit for bit, and returns its squared norm", () => {
    // 3 entities × 4 periods; codes: a cell per (entity 1, periods 2–3) and (entity 2, period 3).
    const a = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    const b = Int32Array.from([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    const codes = Int32Array.from([-1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, 1]);
    const p = twoWayProjector(a, 3, b, 4);
    expect(p.method).toBe("balanced");
    for (const j of [0, 1]) {
      const rows = Int32Array.from(Array.from(codes).flatMap((c, i) => (c === j ? [i] : [])));
      const dense = Float64Array.from(codes, (c) => (c === j ? 1 : 0));
      const out = new Float64Array(12);
      const ss = p.indicatorInto!(codes, j, rows, out);
      const want = p.apply(dense);
      expect(Array.from(out)).toEqual(Array.from(want));
      expect(ss).toBe(want.reduce((s, v) => s + v * v, 0));
      // and it is the two-way residual of the indicator (LSDV)
      const lsdv = lsdvResidual(dense, a, 3, b, 4);
      out.forEach((v, i) => expect(Math.abs(v - lsdv.resid[i])).toBeLessThan(1e-12));
    }
  });
});

test("exact method (unbalanced): indicatorInto equals applyInto on the dense 0/1 column bit for bit, with X'x̃ gathered as row-order sums", () => {
  const a = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3]);
  const b = Int32Array.from([0, 1, 3, 1, 2, 0, 1, 2, 3, 2, 3]);
  const codes = Int32Array.from([-1, 0, 0, -1, 1, -1, 0, 1, 1, -1, 2]);
  const dense = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
  const p = twoWayProjector(a, 4, b, 4, { method: "exact" });
  for (const j of [0, 1, 2]) {
    const rows = Int32Array.from(Array.from(codes).flatMap((c, i) => (c === j ? [i] : [])));
    const want = p.apply(Float64Array.from(codes, (c) => (c === j ? 1 : 0)));
    const out = new Float64Array(11);
    const cross = { byCode: new Float64Array(3), dense: [dense], dots: new Float64Array(1) };
    const ss = p.indicatorInto!(codes, j, rows, out, cross);
    expect(Array.from(out)).toEqual(Array.from(want));
    expect(ss).toBe(want.reduce((s, v) => s + v * v, 0));
    for (const c of [0, 1, 2]) expect(cross.byCode[c]).toBe(want.reduce((s, v, i) => (codes[i] === c ? s + v : s), 0));
    expect(cross.dots[0]).toBe(want.reduce((s, v, i) => s + dense[i] * v, 0));
  }
  expect(twoWayProjector(a, 4, b, 4, { method: "alternating" }).indicatorInto).toBeUndefined();
});
