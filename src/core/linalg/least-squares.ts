import { residualsAndSsr } from "./column-passes";

/**
 * Least squares by Householder QR with rank detection in the given column order.
 *
 * Columns are processed left to right; a column whose part orthogonal to the columns already
 * kept has norm ≤ tol·‖column‖ is dropped as collinear — the later variable is omitted, as
 * Stata does ("x3 omitted because of collinearity"), never a 1e14 coefficient. Complexity
 * O(n·k²) time, O(n·k) memory for n rows and k columns.
 *
 * Reference: Golub & Van Loan, Matrix Computations (4th ed.), §5.2 and §5.4.1.
 */
export interface LeastSquaresFit {
  /** Indices (into the input columns) of the kept columns, in input order. */
  kept: number[];
  /** Indices of the columns dropped as collinear. */
  omitted: number[];
  /** Coefficients of the kept columns, aligned with `kept`. */
  coef: Float64Array;
  /** (X'X)⁻¹ of the kept columns, row-major kept.length². */
  xtxInv: Float64Array;
  /** y − Xb. */
  resid: Float64Array;
  /** Σ resid². */
  ssr: number;
}

export const COLLINEARITY_TOLERANCE = 1e-9;

/**
 * `norms2` (optional): each column's Σ x[i]² in row order, when the caller already has it (the
 * within transformation sums it while writing the column); the same value the QR would compute.
 */
export function leastSquares(columns: readonly Float64Array[], y: Float64Array, tol = COLLINEARITY_TOLERANCE, norms2?: ArrayLike<number>): LeastSquaresFit {
  const n = y.length;
  const k = columns.length;
  // Working copies (typed-array slice is a memcpy). After processing, a kept column holds R's
  // column in rows 0..r and the Householder vector v in rows r+1..n−1 (v[r] kept in vHead).
  const work = columns.map((c) => c.slice());
  const qty = y.slice();
  const kept: number[] = [];
  const omitted: number[] = [];
  const vCols: Float64Array[] = []; // the working column holding reflector p's vector
  const vHead: number[] = [];
  const betas: number[] = [];
  const rCols: Float64Array[] = []; // column j of R (length rank after processing)

  for (let j = 0; j < k; j++) {
    const a = work[j];
    const r = kept.length;
    const norm0 = Math.sqrt(norms2 ? norms2[j] : dot(columns[j], columns[j], 0, n));
    // Apply previous reflectors to column j; the squared norm of a[r..n) comes with the last one.
    const sub = Math.sqrt(reflectAll(a, r, vCols, vHead, betas, n));
    if (r >= n || norm0 === 0 || sub <= tol * norm0) {
      omitted.push(j);
      continue;
    }
    // Reflector that maps a[r..n) to (alpha, 0, …): v = a − alpha·e_r, stored in place.
    const alpha = a[r] >= 0 ? -sub : sub;
    const head = a[r] - alpha;
    const vtv = 2 * sub * (sub + Math.abs(a[r])); // = ‖v‖², without cancellation
    const beta = vtv === 0 ? 0 : 2 / vtv;
    vCols.push(a);
    vHead.push(head);
    betas.push(beta);
    kept.push(j);
    const rc = a.slice(0, r + 1);
    rc[r] = alpha;
    rCols.push(rc);
  }

  const m = kept.length;
  // Q'y: the reflectors applied to y in order, as each one would be when formed (the reflectors
  // never change once formed), with the fused passes of reflectAll.
  if (m > 0) reflectAll(qty, m, vCols, vHead, betas, n);
  // R is m×m upper triangular: R[i][c] = rCols[c][i] for i ≤ c.
  const R = (i: number, c: number) => rCols[c][i];
  const coef = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = qty[i];
    for (let c = i + 1; c < m; c++) s -= R(i, c) * coef[c];
    coef[i] = s / R(i, i);
  }
  // Rinv (upper triangular), then (X'X)⁻¹ = Rinv Rinvᵀ.
  const Rinv = new Float64Array(m * m);
  for (let c = 0; c < m; c++) {
    Rinv[c * m + c] = 1 / R(c, c);
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= c; l++) s += R(i, l) * Rinv[l * m + c];
      Rinv[i * m + c] = -s / R(i, i);
    }
  }
  const xtxInv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let c = i; c < m; c++) {
      let s = 0;
      for (let l = c; l < m; l++) s += Rinv[i * m + l] * Rinv[c * m + l];
      xtxInv[i * m + c] = s;
      xtxInv[c * m + i] = s;
    }
  }
  const { resid, ssr } = residualsAndSsr(kept.map((j) => columns[j]), coef, y);
  return { kept, omitted, coef, xtxInv, resid, ssr };
}

function dot(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * b[i];
  return s;
}

/**
 * Applies reflectors 0..r−1 to x in turn (each x ← (I − β v vᵀ) x on rows p..n, v[p] = head and
 * v[i] = col[i] below; skipped when β·v'x = 0) and returns Σ_{i≥r} x[i]²,
 * fusing passes: the update loop of reflector p also accumulates the dot product that reflector
 * p + 1 needs (or, after the last one, the sum of squares), term by term in the same order as
 * the separate loops would, so every result is bit-identical — with about half the passes over
 * the column.
 */
function reflectAll(x: Float64Array, r: number, vCols: Float64Array[], vHead: number[], betas: number[], n: number): number {
  let pending = 0;
  let havePending = false;
  for (let p = 0; p < r; p++) {
    const beta = betas[p];
    if (beta === 0) {
      havePending = false;
      continue;
    }
    const col = vCols[p];
    const head = vHead[p];
    let s = havePending ? pending : reflectorDot(col, head, p, x, n);
    havePending = false;
    s *= beta;
    if (s === 0) continue;
    x[p] -= s * head;
    const q = p + 1;
    if (q < r && betas[q] !== 0) {
      pending = updateThenDot(col, s, q, x, n, vCols[q], vHead[q]);
      havePending = true;
    } else if (q === r) {
      return updateThenSumSq(col, s, q, x, n);
    } else {
      for (let i = q; i < n; i++) x[i] -= s * col[i];
    }
  }
  let sub = 0;
  for (let i = r; i < n; i++) sub += x[i] * x[i];
  return sub;
}

/** head·x[from] + Σ_{i>from} col[i]·x[i], in that order (a reflector's dot product). */
function reflectorDot(col: Float64Array, head: number, from: number, x: Float64Array, n: number): number {
  let s = head * x[from];
  for (let i = from + 1; i < n; i++) s += col[i] * x[i];
  return s;
}

/** x[i] −= s·col[i] for i ≥ q, returning the next reflector's dot product on the updated x (q < n). */
function updateThenDot(col: Float64Array, s: number, q: number, x: Float64Array, n: number, next: Float64Array, nextHead: number): number {
  x[q] -= s * col[q];
  let t = nextHead * x[q];
  for (let i = q + 1; i < n; i++) {
    const v = x[i] - s * col[i];
    x[i] = v;
    t += next[i] * v;
  }
  return t;
}

/** x[i] −= s·col[i] for i ≥ q, returning Σ_{i≥q} x[i]² of the updated x. */
function updateThenSumSq(col: Float64Array, s: number, q: number, x: Float64Array, n: number): number {
  let sub = 0;
  for (let i = q; i < n; i++) {
    const v = x[i] - s * col[i];
    x[i] = v;
    sub += v * v;
  }
  return sub;
}
