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

export function leastSquares(columns: readonly Float64Array[], y: Float64Array, tol = COLLINEARITY_TOLERANCE): LeastSquaresFit {
  const n = y.length;
  const k = columns.length;
  const work = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  const kept: number[] = [];
  const omitted: number[] = [];
  const vs: Float64Array[] = []; // Householder vectors, v[r..n)
  const betas: number[] = [];
  const rCols: Float64Array[] = []; // column j of R (length rank after processing)
  const norms0 = columns.map((c) => Math.sqrt(dot(c, c, 0, n)));

  for (let j = 0; j < k; j++) {
    const a = work[j];
    const r = kept.length;
    // Apply previous reflectors to column j.
    for (let p = 0; p < r; p++) applyReflector(vs[p], betas[p], p, a, n);
    let sub = 0;
    for (let i = r; i < n; i++) sub += a[i] * a[i];
    sub = Math.sqrt(sub);
    if (r >= n || norms0[j] === 0 || sub <= tol * norms0[j]) {
      omitted.push(j);
      continue;
    }
    // Reflector that maps a[r..n) to (∓sub, 0, …).
    const alpha = a[r] >= 0 ? -sub : sub;
    const v = new Float64Array(n);
    v[r] = a[r] - alpha;
    for (let i = r + 1; i < n; i++) v[i] = a[i];
    const vtv = dot(v, v, r, n);
    const beta = vtv === 0 ? 0 : 2 / vtv;
    vs.push(v);
    betas.push(beta);
    a[r] = alpha;
    for (let i = r + 1; i < n; i++) a[i] = 0;
    applyReflector(v, beta, r, qty, n);
    kept.push(j);
    rCols.push(a.slice(0, r + 1));
  }

  const m = kept.length;
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
  const resid = Float64Array.from(y);
  for (let c = 0; c < m; c++) {
    const col = columns[kept[c]];
    const b = coef[c];
    for (let i = 0; i < n; i++) resid[i] -= b * col[i];
  }
  return { kept, omitted, coef, xtxInv, resid, ssr: dot(resid, resid, 0, n) };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * b[i];
  return s;
}

/** x ← (I − β v vᵀ) x on rows from..n. */
function applyReflector(v: Float64Array, beta: number, from: number, x: Float64Array, n: number): void {
  if (beta === 0) return;
  let s = 0;
  for (let i = from; i < n; i++) s += v[i] * x[i];
  s *= beta;
  if (s === 0) return;
  for (let i = from; i < n; i++) x[i] -= s * v[i];
}
