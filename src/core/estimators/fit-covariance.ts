import { classicalVcov, whiteVcov, clusterVcov } from "../covariance/sandwich";
import { clusterFactor } from "../covariance/small-sample";
import { RefDist } from "../inference/distributions";
import { PanelSample } from "./panel-sample";
import { ClusterAdjustment } from "../results/panel-result";
import { inputError } from "../errors";
import { Estimation, FitOptions } from "./fit-estimate";

export interface FitCovariance {
  /** Covariance of the kept coefficients (row-major K×K) used for the reported SEs. */
  vcovMain: Float64Array;
  /** The classical covariance σ²(X'X)⁻¹ (for Hausman). */
  classical: Float64Array;
  /** Variance of the FE `_cons`. */
  vcovCons?: number;
  refDist: RefDist;
  adjustment: ClusterAdjustment;
  /** Number of clusters (the entities when not clustering). */
  nclusters: number;
}

/** Classical, White (HC1) or cluster-robust covariance of a fit, with its reference distribution. */
export function fitCovariance(s: PanelSample, o: FitOptions, e: Estimation): FitCovariance {
  const { N, G, T, fit, K, k, design, keptCols, xbars, sigma2, dfResid, note } = e;
  const consRow = o.lean ? undefined : e.consRow;
  const G_cl = s.nclusters ?? G;
  const adjustment: ClusterAdjustment = o.clusterAdjustment ?? "stata";
  const classical = classicalVcov(fit.xtxInv, K, sigma2);
  if (o.vcov === "classical") {
    return {
      vcovMain: classical, classical, vcovCons: consRow ? consRow[0] * sigma2 : undefined,
      refDist: o.model === "re" ? { kind: "normal" } : { kind: "t", df: dfResid }, adjustment, nclusters: G_cl,
    };
  }
  if (o.vcov === "robust") {
    const factor = N / (N - K - design.absorbed);
    if (o.model === "fe") note("Robust SEs are White (HC1) on the dummy-variable regression; Stata's xtreg, fe vce(robust) is the cluster-by-entity estimator (vcov = cluster).", "稳健标准误为 LSDV 回归上的 White（HC1）标准误；Stata 的 xtreg, fe vce(robust) 实为按个体聚类（vcov = cluster）。");
    return {
      vcovMain: whiteVcov(keptCols, fit.resid, fit.xtxInv, factor), classical,
      vcovCons: consRow ? constantVariance(consRow, keptCols, xbars, fit.resid, undefined, 0, factor) : undefined,
      refDist: o.model === "re" ? { kind: "normal" } : { kind: "t", df: dfResid }, adjustment, nclusters: G_cl,
    };
  }
  if (G_cl < 2) {
    throw inputError(`Cluster-robust SEs need at least 2 clusters; the sample has ${G_cl}.`, `聚类稳健标准误至少需要 2 个聚类，样本中只有 ${G_cl} 个。`);
  }
  const factor = clusterFactor(adjustment, o.model, o.effect, G_cl, N, k, T);
  if (G_cl < (o.fewClusters ?? 20)) {
    note(`Only ${G_cl} clusters: cluster-robust SEs can be unreliable with fewer than about 20 (consider a wild cluster bootstrap).`, `仅有 ${G_cl} 个聚类：聚类数少于约 20 时聚类稳健标准误可能不可靠（可考虑 wild cluster bootstrap）。`);
  }
  return {
    vcovMain: clusterVcov(keptCols, fit.resid, fit.xtxInv, s.cluster!, G_cl, factor), classical,
    vcovCons: consRow ? constantVariance(consRow, keptCols, xbars, fit.resid, s.cluster!, G_cl, factor) : undefined,
    refDist: o.model === "re" ? { kind: "normal" } : { kind: "t", df: G_cl - 1 }, adjustment, nclusters: G_cl,
  };
}

/**
 * Sandwich variance of the FE constant: a0' M a0 with a0 the first row of (Z'Z)⁻¹ and M the
 * cluster (or, without clusters, White) meat of Z = [1, X̃ + x̄]; one pass over the data.
 */
function constantVariance(a0: Float64Array, cols: Float64Array[], xbar: number[], resid: Float64Array, clusters: Int32Array | undefined, G: number, factor: number): number {
  const k = cols.length;
  const n = resid.length;
  // zᵢ = a0[0] + Σⱼ a0[j+1]·(x̃ᵢⱼ + x̄ⱼ), built column by column (sequential passes, cache-friendly).
  let c0 = a0[0];
  for (let j = 0; j < k; j++) c0 += a0[j + 1] * xbar[j];
  const z = new Float64Array(n).fill(c0);
  for (let j = 0; j < k; j++) {
    const a = a0[j + 1], col = cols[j];
    if (a !== 0) for (let i = 0; i < n; i++) z[i] += a * col[i];
  }
  if (!clusters) {
    let v = 0;
    for (let i = 0; i < n; i++) v += z[i] * z[i] * resid[i] * resid[i];
    return v * factor;
  }
  const score = new Float64Array(G);
  for (let i = 0; i < n; i++) score[clusters[i]] += z[i] * resid[i];
  let v = 0;
  for (let g = 0; g < G; g++) v += score[g] * score[g];
  return v * factor;
}
