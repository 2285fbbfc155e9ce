/*
 * The @stdlib distributions are loaded on first use, not when the module is imported: a
 * command that computes no p-value (describe, entropy, import, --help) never pays for them
 * (0.2–0.7 s of module loading on a cold start). webpack bundles these require() calls for the
 * add-in and leaves them as run-time requires in dist/cli.js.
 */
/* eslint-disable no-restricted-globals */
type Cdf2 = (x: number, a: number) => number;
type Cdf3 = (x: number, a: number, b: number) => number;
const lazy = <T>(load: () => T): (() => T) => {
  let f: T | undefined;
  return () => (f ??= load());
};
const tcdfFn = lazy<Cdf2>(() => require("@stdlib/stats-base-dists-t-cdf"));
const tquantileFn = lazy<Cdf2>(() => require("@stdlib/stats-base-dists-t-quantile"));
const ncdfFn = lazy<Cdf3>(() => require("@stdlib/stats-base-dists-normal-cdf"));
const nquantileFn = lazy<Cdf3>(() => require("@stdlib/stats-base-dists-normal-quantile"));
const chi2cdfFn = lazy<Cdf2>(() => require("@stdlib/stats-base-dists-chisquare-cdf"));
const fcdfFn = lazy<Cdf3>(() => require("@stdlib/stats-base-dists-f-cdf"));
/* eslint-enable no-restricted-globals */
const tcdf: Cdf2 = (x, df) => tcdfFn()(x, df);
const tquantile: Cdf2 = (p, df) => tquantileFn()(p, df);
const ncdf: Cdf3 = (x, m, s) => ncdfFn()(x, m, s);
const nquantile: Cdf3 = (p, m, s) => nquantileFn()(p, m, s);
const chi2cdf: Cdf2 = (x, df) => chi2cdfFn()(x, df);
const fcdf: Cdf3 = (x, a, b) => fcdfFn()(x, a, b);

/** Standard normal cdf Φ(x) (mean 0, SD 1 with the defaults). */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return ncdf(x, mean, sd);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  return nquantile(p, mean, sd);
}

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
