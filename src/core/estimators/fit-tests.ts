import { waldForm } from "../inference/quad-form";
import { pF, pChi2 } from "../inference/distributions";
import { TestStat, ModelKind, VcovKind } from "../results/panel-result";
import { centeredCrossProducts, columnMeans } from "../linalg/column-passes";

/**
 * b' V⁻¹ b for a small symmetric V (row-major k×k), or undefined when V is not positive definite
 * (e.g. a cluster covariance with fewer clusters than slopes, where Stata reports no F). Decided on
 * the correlation matrix, so the answer does not depend on the regressors' units (see waldForm).
 */
export function quadForm(b: readonly number[], V: readonly number[], k: number): number | undefined {
  return waldForm(b.slice(0, k), V).value;
}

export interface ModelTestResult {
  test?: TestStat;
  /** The rank of the slopes' covariance when no test could be formed. */
  rank?: number;
  reason?: "rank" | "indefinite" | "not-finite";
}

/** Joint test of the slopes: Wald χ²(k) for RE, F(k, df2) otherwise (df2 = G − 1 when clustering). */
export function modelTest(b: readonly number[], V: readonly number[], model: ModelKind, vcov: VcovKind, dfResid: number, nclusters: number): ModelTestResult {
  const k = b.length;
  if (k === 0) return {};
  const w = waldForm(b, V);
  if (w.value === undefined) return { rank: w.rank, reason: w.reason };
  const wald = w.value;
  if (model === "re") return { test: { value: wald, df1: k, p: pChi2(wald, k), dist: "chi2" } };
  const df2 = vcov === "cluster" ? nclusters - 1 : dfResid;
  return { test: { value: wald / k, df1: k, df2, p: pF(wald / k, k, df2), dist: "F" } };
}

/**
 * F test that all fixed effects are zero (plm pFtest): pooled OLS of y on [1, X] on the same sample.
 * `means` (optional): the means of X's columns and then of y, as `mean` gives them, when known.
 */
export function effectsFTest(X: Float64Array[], y: Float64Array, ssr: number, absorbed: number, dfResid: number, means?: ArrayLike<number>): TestStat | undefined {
  const df1 = absorbed - 1;
  if (!(df1 > 0 && ssr > 0)) return undefined;
  const pooledSsr = centeredSsr(X, y, means);
  const F = ((pooledSsr - ssr) / df1) / (ssr / dfResid);
  return { value: F, df1, df2: dfResid, p: pF(F, df1, dfResid), dist: "F" };
}

/**
 * SSR of pooled OLS of y on [1, X] from centered cross-products (one blocked pass for all pairs,
 * each sum in row order; Cholesky on k×k); used only for the F test that all fixed effects are zero.
 */
function centeredSsr(X: Float64Array[], y: Float64Array, means?: ArrayLike<number>): number {
  const k = X.length;
  const n = y.length;
  const cols = X.concat([y]);
  const m = means ?? columnMeans(cols, n);
  // P[a, b] for a, b ≤ k (index k is y): S = X'X part, c = X'y, yy = y'y, all centered.
  const P = centeredCrossProducts(cols, m, n);
  const S = new Float64Array(k * k);
  const c = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    c[a] = P[a * (k + 1) + k];
    for (let b = 0; b < k; b++) S[a * k + b] = P[a * (k + 1) + b];
  }
  const yy = P[k * (k + 1) + k];
  // Cholesky with skipping of (near-)dependent columns, then SSR = yy − c' S⁻¹ c.
  const L = new Float64Array(k * k);
  const keep: boolean[] = [];
  for (let j = 0; j < k; j++) {
    let d = S[j * k + j];
    for (let p = 0; p < j; p++) if (keep[p]) d -= L[j * k + p] * L[j * k + p];
    keep[j] = d > 1e-12 * Math.max(S[j * k + j], 1e-300);
    if (!keep[j]) continue;
    L[j * k + j] = Math.sqrt(d);
    for (let i = j + 1; i < k; i++) {
      let v = S[i * k + j];
      for (let p = 0; p < j; p++) if (keep[p]) v -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = v / L[j * k + j];
    }
  }
  const z = new Float64Array(k);
  let explained = 0;
  for (let j = 0; j < k; j++) {
    if (!keep[j]) continue;
    let v = c[j];
    for (let p = 0; p < j; p++) if (keep[p]) v -= L[j * k + p] * z[p];
    z[j] = v / L[j * k + j];
    explained += z[j] * z[j];
  }
  return yy - explained;
}
