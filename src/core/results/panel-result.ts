/** Result of a panel regression: plain data carrying everything a table or JSON needs. */
export type ModelKind = "pooled" | "fe" | "re";
export type EffectKind = "individual" | "time" | "twoways";
export type VcovKind = "classical" | "robust" | "cluster";
/** Small-sample factor for cluster SEs: Stata's (default), plm's "sss", or none (HC0). */
export type ClusterAdjustment = "stata" | "plm" | "none";

export interface TestStat {
  value: number;
  df1: number;
  df2?: number;
  p: number;
  /** "F" or "chi2". */
  dist: "F" | "chi2";
}

export interface PanelResult {
  model: ModelKind;
  effect: EffectKind;
  vcov: VcovKind;
  /** Cluster variable name (vcov = cluster). */
  cluster?: string;
  clusterAdjustment?: ClusterAdjustment;
  formula: string;
  dependent: string;
  /** Terms in output order (slopes, then `_cons` when reported). */
  terms: string[];
  params: Record<string, number>;
  stdErrors: Record<string, number>;
  tstats: Record<string, number>;
  pvalues: Record<string, number>;
  confInt: Record<string, [number, number]>;
  stars: Record<string, string>;
  /** Distribution of t/p: "t(df)" or "normal". */
  pDistribution: string;
  nobs: number;
  ngroups: number;
  nperiods: number;
  nclusters?: number;
  balanced: boolean;
  obsPerGroup: { min: number; mean: number; max: number };
  dfResid: number;
  dfModel: number;
  ssr: number;
  rsquared: {
    /** Stata `R-sq within`: 1 − SSR/Σ(y − ȳᵢ)² (ȳₜ for effect = time). */
    within?: number;
    /** R² of the dummy-variable regression (Stata areg / reghdfe). */
    lsdv?: number;
    between?: number;
    overall?: number;
    /** Pooled OLS R² (pooled) or R² on the quasi-demeaned data (RE, as plm prints). */
    ols?: number;
    adjusted?: number;
    lsdvAdjusted?: number;
  };
  /** Joint test of the slopes: F (pooled, FE) or Wald χ² (RE). */
  modelTest?: TestStat;
  /** FE: F test that all entity (and time) effects are zero. */
  effectsTest?: TestStat;
  sigmaE?: number;
  sigmaU?: number;
  rho?: number;
  /** RE: θ (balanced) or its range across entities (unbalanced). */
  theta?: number | { min: number; median: number; max: number };
  /** Regressors dropped (collinear or absorbed). */
  omitted: string[];
  /** Rows dropped for missing values, with the breakdown by variable. */
  dropped: { rows: number; byVariable: Record<string, number> };
  /** Two-way FE on unbalanced data: alternating-projection sweeps used. */
  demeanIterations?: number;
  /** Two-way FE: how the within transformation was done ("balanced" closed form, "exact" projection, or "alternating" projections). */
  demeanMethod?: "balanced" | "exact" | "alternating";
  /** The residuals are at rounding level (SSR ≤ (1000ε)²·Σy²): coefficients only, no SEs, p, stars or tests. */
  exactFit?: boolean;
  /** Messages for the user (English). */
  notes: string[];
  /** The same notes in Chinese. */
  notesZh: string[];
  /** Classical covariance of the slopes (for Hausman), row-major over `slopes`. */
  slopes: string[];
  vcovSlopesClassical: number[];
  /** Covariance used for the reported SEs, over `slopes`. */
  vcovSlopes: number[];
}
