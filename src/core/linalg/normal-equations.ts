/**
 * A guarded fast path for least squares: the normal equations X'X b = X'y by Cholesky, used only
 * when they are certain to keep every column the Householder QR (least-squares.ts) keeps and the
 * problem is well conditioned; otherwise `undefined`, and the caller runs the QR.
 *
 * Cost: k(k+1)/2 + k column-pair passes instead of the QR's reflector passes (about half the work
 * for k = 5 at 1M rows). The numbers agree with the QR to rounding (last digits), not bit for bit.
 *
 * The guard, on the equilibrated Gram matrix C = D X'X D, D = diag(1/‖xⱼ‖) (unit diagonal, so the
 * decisions do not depend on the regressors' units):
 * - every Cholesky pivot dⱼ (the squared share of column j orthogonal to the columns before it,
 *   which is what the QR's collinearity rule compares with tol² = 1e-18) is at least MIN_PIVOT — far
 *   above any rounding error of the Gram matrix, so the QR keeps every column too;
 * - trace(C⁻¹) ≤ MAX_INVERSE_TRACE, i.e. the smallest eigenvalue of C is at least 1/MAX_INVERSE_TRACE and
 *   cond(C) ≤ k·MAX_INVERSE_TRACE: the normal equations lose at most that factor over ε (≈ 1e-11 relative at worst);
 * - the fit is not near exact (SSR above FAR_FROM_EXACT·Σy² times the exact-fit tolerance), so the
 *   exact-fit decision (fit-estimate.ts) is the same as on the QR's residuals.
 * Reference: Golub & Van Loan, Matrix Computations (4th ed.), §5.3 (normal equations, their
 * sensitivity cond(X)²·ε), §4.2 (Cholesky).
 */
import { LeastSquaresFit } from "./least-squares";
import { residualsAndSsr, centeredDot } from "./column-passes";

export const MIN_PIVOT = 1e-3;
export const MAX_INVERSE_TRACE = 1e4;

/** Σ aᵢbᵢ in row order (centeredDot with zero means: the same function the effects F test warms up). */
const dot = (a: Float64Array, b: Float64Array, n: number) => centeredDot(a, 0, b, 0, n);

/**
 * Least squares of y on `columns` by the normal equations when the guard holds (then every column
 * is kept), else undefined. `norms2`: each column's Σ x², when known. `nearExact(ssr)`: whether an
 * SSR is within a margin of the caller's exact-fit tolerance (then undefined too).
 */
export function normalEquationsFit(columns: readonly Float64Array[], y: Float64Array, nearExact: (ssr: number) => boolean, norms2?: ArrayLike<number>): LeastSquaresFit | undefined {
  const k = columns.length;
  const n = y.length;
  if (k === 0 || n <= k) return undefined;
  // Scales: 1/‖xⱼ‖ (a zero or non-finite column goes to the QR).
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const nn = norms2 ? norms2[j] : dot(columns[j], columns[j], n);
    if (!(nn > 0 && nn < Infinity)) return undefined;
    s[j] = 1 / Math.sqrt(nn);
  }
  // Equilibrated Gram matrix C (unit diagonal) and right-hand side D X'y.
  const C = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    C[a * k + a] = 1;
    for (let b = 0; b < a; b++) C[a * k + b] = C[b * k + a] = dot(columns[a], columns[b], n) * s[a] * s[b];
    rhs[a] = dot(columns[a], y, n) * s[a];
  }
  // Cholesky C = L L' in column order; every pivot must clear the guard.
  const L = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = C[j * k + j];
    for (let p = 0; p < j; p++) d -= L[j * k + p] * L[j * k + p];
    if (!(d >= MIN_PIVOT)) return undefined;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let v = C[i * k + j];
      for (let p = 0; p < j; p++) v -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = v / ljj;
    }
  }
  // Linv (lower triangular), then C⁻¹ = Linv' Linv.
  const Li = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    Li[j * k + j] = 1 / L[j * k + j];
    for (let i = j + 1; i < k; i++) {
      let v = 0;
      for (let p = j; p < i; p++) v -= L[i * k + p] * Li[p * k + j];
      Li[i * k + j] = v / L[i * k + i];
    }
  }
  const Ci = new Float64Array(k * k);
  let trace = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let v = 0;
      for (let p = b; p < k; p++) v += Li[p * k + a] * Li[p * k + b];
      Ci[a * k + b] = Ci[b * k + a] = v;
    }
    trace += Ci[a * k + a];
  }
  if (!(trace <= MAX_INVERSE_TRACE)) return undefined;
  // b = D C⁻¹ D X'y; (X'X)⁻¹ = D C⁻¹ D.
  const coef = new Float64Array(k);
  const xtxInv = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    let v = 0;
    for (let b = 0; b < k; b++) {
      v += Ci[a * k + b] * rhs[b];
      xtxInv[a * k + b] = Ci[a * k + b] * s[a] * s[b];
    }
    coef[a] = v * s[a];
  }
  const { resid, ssr } = residualsAndSsr(columns, coef, y);
  if (!Number.isFinite(ssr) || nearExact(ssr)) return undefined;
  return { kept: Array.from({ length: k }, (_, j) => j), omitted: [], coef, xtxInv, resid, ssr };
}
