import { LeastSquaresFit } from "./least-squares";

/**
 * Cholesky drop rule: column j is collinear when the part of ‖x̃ⱼ‖² not explained by the columns
 * kept before it is ≤ this share of ‖x̃ⱼ‖² (its part orthogonal to them below 1e-6 of its norm).
 * Looser than the QR's 1e-9 on the norm because the normal equations see rounding of order ε·κ.
 */
export const PROJECTED_COLLINEARITY_TOL = 1e-12;

const ROW_BLOCK = 4096;

/** Raw columns behind the transformed design: the first are disjoint 0/1 indicators given by row codes. */
export interface RawColumns {
  /** Per row, the raw indicator column that is 1 there (index into `raw`), or −1. */
  codes: Int32Array;
  /** For each design column, its raw column: an indicator index (codes' values) or a dense column. */
  raw: ({ indicator: number } | { dense: Float64Array })[];
  /**
   * Optional: cross[b] = X'x̃_b (entry a: the sum of x̃_b over indicator a's rows, or raw dense
   * column a · x̃_b), already gathered while x̃_b was formed; such columns are not passed over again.
   */
  cross?: readonly (Float64Array | undefined)[];
  /**
   * Optional: the untransformed y and the transformation M (in place allowed). The residuals are
   * then M(y − Xb) — equal to ỹ − X̃b, formed from the raw columns (codes, dense) and one pass of M
   * instead of one pass per transformed column.
   */
  residualOf?: { y: Float64Array; project: (x: Float64Array, out: Float64Array) => Float64Array };
}

/**
 * Least squares of ỹ = My on X̃ = MX, with M a symmetric idempotent projector (the within
 * transformation), when most raw columns of X are disjoint 0/1 indicators — the cohort ×
 * relative-time cells of an event study. Because M = M'M, X̃'X̃ = X'X̃ and X̃'ỹ = X'ỹ: the rows of
 * the cross-product matrix that belong to indicators are sums of X̃ over the indicator's rows,
 * O(n) per column instead of the QR's O(n·k) (O(n·k) in all instead of O(n·k²)). The k×k normal
 * equations are solved by Cholesky in column order, dropping a column whose unexplained share is
 * ≤ PROJECTED_COLLINEARITY_TOL (the later column goes, as in the QR). Residuals are formed
 * explicitly from X̃. Same result shape as leastSquares.
 *
 * Reference: Frisch–Waugh–Lovell; Golub & Van Loan, Matrix Computations (4th ed.), §4.2 (Cholesky).
 */
export function projectedLeastSquares(cols: readonly Float64Array[], y: Float64Array, rc: RawColumns, tol = PROJECTED_COLLINEARITY_TOL): LeastSquaresFit {
  const n = y.length;
  const k = cols.length;
  const A = new Float64Array(k * k);
  const c = new Float64Array(k);
  // Which design column each indicator feeds (−1: absorbed or not in the design).
  let nInd = 0;
  for (const r of rc.raw) if ("indicator" in r) nInd = Math.max(nInd, r.indicator + 1);
  const toDesign = new Int32Array(nInd).fill(-1);
  rc.raw.forEach((r, a) => "indicator" in r && (toDesign[r.indicator] = a));
  const codes = rc.codes;
  const byIndicator = new Float64Array(k);
  const rowsOf = (v: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const ci = codes[i];
      if (ci >= 0) {
        const a = toDesign[ci];
        if (a >= 0) out[a] += v[i];
      }
    }
  };
  const dense = rc.raw.map((r, a) => ("dense" in r ? a : -1)).filter((a) => a >= 0);
  for (let b = 0; b < k; b++) {
    const given = rc.cross?.[b];
    if (given) {
      for (let a = 0; a < k; a++) A[a * k + b] = given[a];
      continue;
    }
    rowsOf(cols[b], byIndicator);
    for (let a = 0; a < k; a++) if ("indicator" in rc.raw[a]) A[a * k + b] = byIndicator[a];
    for (const a of dense) A[a * k + b] = dot((rc.raw[a] as { dense: Float64Array }).dense, cols[b], n);
  }
  rowsOf(y, byIndicator);
  for (let a = 0; a < k; a++) c[a] = "indicator" in rc.raw[a] ? byIndicator[a] : dot((rc.raw[a] as { dense: Float64Array }).dense, y, n);
  // Symmetrize (equal in exact arithmetic).
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) A[a * k + b] = A[b * k + a] = 0.5 * (A[a * k + b] + A[b * k + a]);

  // Cholesky A = LL' over the kept columns, in column order.
  const kept: number[] = [];
  const omitted: number[] = [];
  const L = new Float64Array(k * k); // row-major over kept positions
  for (let j = 0; j < k; j++) {
    const m = kept.length;
    const row = new Float64Array(m);
    for (let p = 0; p < m; p++) {
      let v = A[kept[p] * k + j];
      for (let q = 0; q < p; q++) v -= L[p * k + q] * row[q];
      row[p] = v / L[p * k + p];
    }
    let d = A[j * k + j];
    for (let p = 0; p < m; p++) d -= row[p] * row[p];
    if (!(A[j * k + j] > 0) || d <= tol * A[j * k + j] || m >= n) {
      omitted.push(j);
      continue;
    }
    for (let p = 0; p < m; p++) L[m * k + p] = row[p];
    L[m * k + m] = Math.sqrt(d);
    kept.push(j);
  }
  const m = kept.length;
  // Solve L z = c, L' b = z.
  const z = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    let v = c[kept[p]];
    for (let q = 0; q < p; q++) v -= L[p * k + q] * z[q];
    z[p] = v / L[p * k + p];
  }
  const coef = new Float64Array(m);
  for (let p = m - 1; p >= 0; p--) {
    let v = z[p];
    for (let q = p + 1; q < m; q++) v -= L[q * k + p] * coef[q];
    coef[p] = v / L[p * k + p];
  }
  // (X̃'X̃)⁻¹ = L⁻ᵀ L⁻¹ from the lower-triangular inverse.
  const Li = new Float64Array(m * m);
  for (let col = 0; col < m; col++) {
    Li[col * m + col] = 1 / L[col * k + col];
    for (let r = col + 1; r < m; r++) {
      let s = 0;
      for (let q = col; q < r; q++) s += L[r * k + q] * Li[q * m + col];
      Li[r * m + col] = -s / L[r * k + r];
    }
  }
  const xtxInv = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let r = b; r < m; r++) s += Li[r * m + a] * Li[r * m + b];
      xtxInv[a * m + b] = xtxInv[b * m + a] = s;
    }
  // Residuals in row blocks (the block of resid stays in cache while every column passes over it);
  // each element gets the same subtractions in the same order as column-by-column passes.
  if (rc.residualOf) {
    const bOf = new Float64Array(k); // coefficient per design column (0 when omitted)
    for (let p = 0; p < m; p++) bOf[kept[p]] = coef[p];
    const r = rc.residualOf.y.slice();
    for (let i = 0; i < n; i++) {
      const ci = codes[i];
      if (ci >= 0) {
        const a = toDesign[ci];
        if (a >= 0) r[i] -= bOf[a];
      }
    }
    for (const a of dense) {
      const b = bOf[a];
      if (b === 0) continue;
      const x = (rc.raw[a] as { dense: Float64Array }).dense;
      for (let i = 0; i < n; i++) r[i] -= b * x[i];
    }
    const e = rc.residualOf.project(r, r);
    return { kept, omitted, coef, xtxInv, resid: e, ssr: dot(e, e, n) };
  }
  const resid = y.slice();
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let p = 0; p < m; p++) {
      const col = cols[kept[p]];
      const b = coef[p];
      for (let i = from; i < to; i++) resid[i] -= b * col[i];
    }
  }
  return { kept, omitted, coef, xtxInv, resid, ssr: dot(resid, resid, n) };
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
