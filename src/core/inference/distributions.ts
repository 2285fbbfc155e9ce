import tcdf from "@stdlib/stats-base-dists-t-cdf";
import tquantile from "@stdlib/stats-base-dists-t-quantile";
import ncdf from "@stdlib/stats-base-dists-normal-cdf";
import nquantile from "@stdlib/stats-base-dists-normal-quantile";
import chi2cdf from "@stdlib/stats-base-dists-chisquare-cdf";
import fcdf from "@stdlib/stats-base-dists-f-cdf";

/**
 * The reference distribution of a test statistic: Student t with `df`, or the standard normal.
 * Tail probabilities use the complementary form (cdf of −|t|) so tiny p-values keep their digits.
 */
export type RefDist = { kind: "t"; df: number } | { kind: "normal" };

/** Two-sided p-value of a t or z statistic. */
export function pTwoSided(stat: number, dist: RefDist): number {
  if (!Number.isFinite(stat)) return NaN;
  const a = -Math.abs(stat);
  return 2 * (dist.kind === "t" ? tcdf(a, dist.df) : ncdf(a, 0, 1));
}

/** Critical value for a two-sided (1 − level) interval, e.g. 1.96 for the normal at 95%. */
export function critical(level: number, dist: RefDist): number {
  const q = 1 - (1 - level) / 2;
  return dist.kind === "t" ? tquantile(q, dist.df) : nquantile(q, 0, 1);
}

/** Upper tail of χ²(df). */
export function pChi2(stat: number, df: number): number {
  return stat <= 0 ? 1 : 1 - chi2cdf(stat, df);
}

/** Upper tail of F(df1, df2). */
export function pF(stat: number, df1: number, df2: number): number {
  return stat <= 0 ? 1 : 1 - fcdf(stat, df1, df2);
}
