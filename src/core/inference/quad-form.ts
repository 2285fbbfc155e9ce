import { Matrix, EigenvalueDecomposition } from "ml-matrix";

/** Relative eigenvalue tolerance on the scaled matrix: λ ≤ RANK_TOL·max|λ| counts as zero. */
export const RANK_TOL = 1e-12;

export interface ScaledQuadForm {
  /** d̃' C⁺ d̃ with C = S⁻¹ V S⁻¹ and d̃ = S⁻¹ d (= d' V⁻¹ d when V is non-singular). */
  value: number;
  /** Number of eigenvalues of C with |λ| > RANK_TOL·max|λ|. */
  rank: number;
  /** Eigenvalues of the scaled matrix C (unit-free), ascending. */
  eigenvalues: number[];
  /** The tolerance applied to them. */
  tol: number;
  /** Largest |λ| of C: on the scale given (e.g. V_FE's variances), how large V is at all. */
  top: number;
}

/**
 * Quadratic form d' V⁻ d decided on the scaled matrix C = S⁻¹ V S⁻¹, S = diag(scale) (default
 * sqrt|Vᵢᵢ|, i.e. the correlation matrix), so that the rank and definiteness decisions and the value
 * do not depend on the units of the variables: rescaling variable i by c multiplies dᵢ by 1/c and
 * row and column i of V by 1/c, and leaves d̃ and C unchanged. V⁻ is the Moore–Penrose inverse of C
 * (eigenvalues with |λ| ≤ 1e-12·max|λ| count as zero); for a non-singular V this is d' V⁻¹ d, also
 * when V is indefinite (the sign is kept — never abs()). A variable with scale 0 contributes a zero
 * row and column (a direction of rank 0).
 */
export function scaledQuadForm(V: Matrix | readonly number[], d: readonly number[], scale?: readonly number[]): ScaledQuadForm {
  const k = d.length;
  const at = (i: number, j: number) => (V instanceof Matrix ? V.get(i, j) : V[i * k + j]);
  const s = scale ?? Array.from({ length: k }, (_, i) => Math.sqrt(Math.abs(at(i, i))));
  const inv = s.map((v) => (v > 0 && Number.isFinite(v) ? 1 / v : 0));
  const C = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) C.set(i, j, at(i, j) * inv[i] * inv[j]);
  const dt = d.map((v, i) => v * inv[i]);
  const eig = new EigenvalueDecomposition(C, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  let top = 0;
  for (const v of values) if (Math.abs(v) > top) top = Math.abs(v);
  const tol = RANK_TOL * top;
  const Q = eig.eigenvectorMatrix;
  let value = 0, rank = 0;
  for (let c = 0; c < k; c++) {
    if (!(Math.abs(values[c]) > tol)) continue;
    rank++;
    let proj = 0;
    for (let i = 0; i < k; i++) proj += Q.get(i, c) * dt[i];
    value += (proj * proj) / values[c];
  }
  return { value, rank, eigenvalues: [...values].sort((a, b) => a - b), tol, top };
}

export interface WaldForm {
  /** b' V⁻¹ b, when V is positive definite. */
  value?: number;
  /** Rank of V (on the correlation scale). */
  rank: number;
  k: number;
  /** Why there is no value: V has rank < k (e.g. fewer clusters than coefficients), or is not positive semi-definite. */
  reason?: "rank" | "indefinite" | "not-finite";
}

/**
 * b' V⁻¹ b for a covariance V (row-major k×k or a Matrix), decided on the correlation matrix
 * (scale-invariant). No value when V is not positive definite — e.g. a cluster covariance with
 * fewer clusters than coefficients, where Stata reports no F.
 */
export function waldForm(b: readonly number[], V: Matrix | readonly number[]): WaldForm {
  const k = b.length;
  // A covariance with NaN/±Infinity (degenerate or overflowing data) has no test; ml-matrix would throw a TypeError.
  const entries = V instanceof Matrix ? V.to1DArray() : V;
  if (!b.every(Number.isFinite) || !entries.every(Number.isFinite)) return { rank: 0, k, reason: "not-finite" };
  const g = scaledQuadForm(V, b);
  if (g.eigenvalues.some((v) => v < -g.tol)) return { rank: g.rank, k, reason: "indefinite" };
  if (g.rank < k) return { rank: g.rank, k, reason: "rank" };
  return { value: g.value, rank: g.rank, k };
}
