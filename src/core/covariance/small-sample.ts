import { ModelKind, EffectKind, ClusterAdjustment } from "../results/panel-result";

/**
 * Small-sample factors for cluster-robust SEs (multiply the HC0 sandwich). See
 * test/fixtures/README.md for where each one comes from.
 *
 * stata (default):
 * - pooled OLS (`regress, vce(cluster)`): G/(G−1)·(N−1)/(N−K), K with the intercept;
 * - FE (`xtreg, fe vce(cluster)`): G/(G−1)·(N−1)/(N−K), K = slopes + 1; with time effects
 *   (`xtreg y x i.year, fe`) K also counts the T−1 year dummies; for time effects only, K = slopes + T;
 * - RE (`xtreg, re vce(cluster)`): G/(G−1). (Not verified against Stata itself; gretl and plm
 *   use the `plm` factor below — choose it with clusterAdjustment = "plm".)
 * plm (`vcovHC(type = "sss")`): G/(G−1)·(N−1)/(N−k), k = slopes only for FE, K with the
 *   intercept for pooled and RE.
 * none: 1 (HC0).
 */
export function clusterFactor(
  adjustment: ClusterAdjustment,
  model: ModelKind,
  effect: EffectKind,
  G: number,
  N: number,
  slopes: number,
  nperiods: number,
): number {
  if (adjustment === "none") return 1;
  const g = G / (G - 1);
  if (adjustment === "plm") {
    const k = model === "fe" ? slopes : slopes + 1;
    return g * (N - 1) / (N - k);
  }
  if (model === "re") return g;
  if (model === "pooled") return g * (N - 1) / (N - (slopes + 1));
  const K = effect === "individual" ? slopes + 1 : effect === "twoways" ? slopes + nperiods : slopes + nperiods;
  return g * (N - 1) / (N - K);
}
