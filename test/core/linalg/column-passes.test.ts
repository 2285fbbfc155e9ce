import fc from "fast-check";
import { centeredCrossProducts, columnMeans, linearCombination, residualsAndSsr } from "../../../src/core/linalg/column-passes";
import { leastSquares } from "../../../src/core/linalg/least-squares";
import { groupMeans } from "../../../src/core/estimators/demean";
import { groupMeansOfTwo, withinSumSq } from "../../../src/core/estimators/group-sums";

/*
 * The shared column passes must give exactly (bit for bit) what the plain one-column loops give:
 * the same additions in the same order.
 */
const plainMean = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};
const plainCentered = (a: Float64Array, ma: number, b: Float64Array, mb: number) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
  return s;
};
const value = fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: -3, max: 3 }));
const columns = fc.record({ n: fc.integer({ min: 1, max: 2600 }), k: fc.integer({ min: 0, max: 7 }), seed: fc.array(value, { minLength: 7, maxLength: 7 }) }).map(({ n, k, seed }) =>
  Array.from({ length: k }, (_, j) => Float64Array.from({ length: n }, (_, i) => seed[j] * Math.sin(i * (j + 1) + j) + (i % (j + 2)))),
);

describe("column passes equal the plain loops bit for bit", () => {
  test("centeredCrossProducts and columnMeans (property, 0–7 columns, 1–2600 rows)", () => {
    fc.assert(
      fc.property(columns, fc.integer({ min: 1, max: 2600 }), (cols, n0) => {
        if (cols.length === 0) cols = [Float64Array.from({ length: n0 }, (_, i) => i)];
        const n = cols[0].length;
        const m = columnMeans(cols, n);
        expect(Array.from(m)).toEqual(cols.map(plainMean));
        const P = centeredCrossProducts(cols, m, n);
        const k = cols.length;
        for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) expect(P[a * k + b]).toBe(plainCentered(cols[a], m[a], cols[b], m[b]));
      }),
      { numRuns: 60 },
    );
  });

  test("linearCombination and residualsAndSsr (property)", () => {
    fc.assert(
      fc.property(columns, fc.array(value, { minLength: 7, maxLength: 7 }), (cols, b) => {
        if (cols.length === 0) return;
        const n = cols[0].length;
        const xb = new Float64Array(n);
        cols.forEach((x, j) => {
          for (let i = 0; i < n; i++) xb[i] += b[j] * x[i];
        });
        expect(linearCombination(cols, b, n)).toEqual(xb);
        const y = Float64Array.from(cols[0], (v, i) => v * 0.5 + i);
        const r = y.slice();
        cols.forEach((x, j) => {
          for (let i = 0; i < n; i++) r[i] -= b[j] * x[i];
        });
        let ssr = 0;
        for (let i = 0; i < n; i++) ssr += r[i] * r[i];
        const got = residualsAndSsr(cols, b, y);
        expect(got.resid).toEqual(r);
        expect(got.ssr).toBe(ssr);
      }),
      { numRuns: 60 },
    );
  });

  test("by hand: centered cross-products of x = 1,2,3 and y = 2,4,9", () => {
    // means 2 and 5; centered x = −1, 0, 1; centered y = −3, −1, 4 → Sxx 2, Sxy 7, Syy 26
    const P = centeredCrossProducts([Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 9)], [2, 5], 3);
    expect(Array.from(P)).toEqual([2, 7, 7, 26]);
  });

  test("groupMeansOfTwo equals groupMeans twice; withinSumSq equals the sum of squares of the demeaned copy", () => {
    const codes = Int32Array.from({ length: 3001 }, (_, i) => (i * 7919) % 37);
    const x = Float64Array.from({ length: 3001 }, (_, i) => Math.cos(i) * 1e3);
    const y = Float64Array.from({ length: 3001 }, (_, i) => Math.sin(i * 3) + 0.1 * i);
    const [mx, my] = groupMeansOfTwo(x, y, codes, 40); // 3 empty groups: mean 0
    expect(mx).toEqual(groupMeans(x, codes, 40));
    expect(my).toEqual(groupMeans(y, codes, 40));
    let ss = 0;
    for (let i = 0; i < y.length; i++) {
      const d = y[i] - my[codes[i]];
      ss += (d - 0) * (d - 0);
    }
    expect(withinSumSq(y, codes, my)).toBe(ss);
  });
});

/**
 * Textbook Householder QR with rank detection, one loop per step (no fused passes, y reflected as
 * each reflector is formed): the unfused form the fused leastSquares must reproduce bit for bit.
 */
function plainQR(columns: Float64Array[], y: Float64Array, tol = 1e-9) {
  const n = y.length;
  const work = columns.map((c) => c.slice());
  const qty = y.slice();
  const kept: number[] = [], omitted: number[] = [];
  const refl: { v: Float64Array; head: number; beta: number; from: number }[] = [];
  const rCols: Float64Array[] = [];
  const apply = (R: (typeof refl)[number], x: Float64Array) => {
    if (R.beta === 0) return;
    let s = R.head * x[R.from];
    for (let i = R.from + 1; i < n; i++) s += R.v[i] * x[i];
    s *= R.beta;
    if (s === 0) return;
    x[R.from] -= s * R.head;
    for (let i = R.from + 1; i < n; i++) x[i] -= s * R.v[i];
  };
  for (let j = 0; j < columns.length; j++) {
    const a = work[j];
    const r = kept.length;
    let nn = 0;
    for (let i = 0; i < n; i++) nn += columns[j][i] * columns[j][i];
    const norm0 = Math.sqrt(nn);
    for (const R of refl) apply(R, a);
    let ss = 0;
    for (let i = r; i < n; i++) ss += a[i] * a[i];
    const sub = Math.sqrt(ss);
    if (r >= n || norm0 === 0 || sub <= tol * norm0) {
      omitted.push(j);
      continue;
    }
    const alpha = a[r] >= 0 ? -sub : sub;
    const vtv = 2 * sub * (sub + Math.abs(a[r]));
    const R = { v: a, head: a[r] - alpha, beta: vtv === 0 ? 0 : 2 / vtv, from: r };
    refl.push(R);
    apply(R, qty);
    kept.push(j);
    const rc = a.slice(0, r + 1);
    rc[r] = alpha;
    rCols.push(rc);
  }
  const m = kept.length;
  const coef = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = qty[i];
    for (let c = i + 1; c < m; c++) s -= rCols[c][i] * coef[c];
    coef[i] = s / rCols[i][i];
  }
  const resid = y.slice();
  for (let c = 0; c < m; c++) for (let i = 0; i < n; i++) resid[i] -= coef[c] * columns[kept[c]][i];
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += resid[i] * resid[i];
  return { kept, omitted, coef, resid, ssr };
}

describe("leastSquares (fused passes, Q'y after the factorisation) equals the unfused QR bit for bit", () => {
  const cases: [string, Float64Array[], Float64Array][] = [];
  const n = 2500;
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + 2);
  const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7) * 3);
  const x3 = Float64Array.from({ length: n }, (_, i) => (i % 11) - 5);
  const one = new Float64Array(n).fill(1);
  const y = Float64Array.from({ length: n }, (_, i) => 1 + 2 * x1[i] - x2[i] + 0.3 * x3[i] + Math.sin(i * 13.1));
  cases.push(["full rank with a constant", [one, x1, x2, x3], y]);
  cases.push(["a collinear column (x1 + 2·x2) and a zero column", [x1, x2, Float64Array.from(x1, (v, i) => v + 2 * x2[i]), new Float64Array(n), x3], y]);
  cases.push(["an exact fit", [one, x1, x2], Float64Array.from(x1, (v, i) => 3 - v + 0.5 * x2[i])]);
  cases.push(["one column", [x3], y]);
  cases.push(["hand-sized: 4 rows", [Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 1, 2, 3)], Float64Array.of(1, 3, 2, 5)]);
  test.each(cases)("%s", (_name, cols, yy) => {
    const want = plainQR(cols, yy);
    for (const norms of [undefined, cols.map((c) => c.reduce((s, v) => s + v * v, 0))]) {
      const got = leastSquares(cols, yy, undefined, norms);
      expect(got.kept).toEqual(want.kept);
      expect(got.omitted).toEqual(want.omitted);
      expect(got.coef).toEqual(want.coef);
      expect(got.resid).toEqual(want.resid);
      expect(got.ssr).toBe(want.ssr);
    }
  });
});
