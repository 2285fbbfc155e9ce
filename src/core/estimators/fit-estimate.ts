import { leastSquares } from "../linalg/least-squares";
import { normalEquationsFit } from "../linalg/normal-equations";
import { projectedLeastSquares } from "../linalg/projected-least-squares";
import { PanelSample } from "./panel-sample";
import { ModelKind, EffectKind, VcovKind, ClusterAdjustment } from "../results/panel-result";
import { inputError } from "../errors";
import { minOf, maxOf, pick, Indicators, indicatorColumn, indicatorCounts } from "./fit-stats";
import { buildDesign, isBalanced } from "./fit-design";
import { columnMeans } from "../linalg/column-passes";

export interface FitOptions {
  model: ModelKind;
  effect: EffectKind;
  vcov: VcovKind;
  /** Name of the cluster variable (for labels); codes come with the sample. */
  cluster?: string;
  clusterAdjustment?: ClusterAdjustment;
  starLevels?: readonly number[];
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  formula?: string;
  /** Warn when there are fewer clusters than this (default 20). */
  fewClusters?: number;
  /** Two-way FE on unbalanced panels: force the exact or the alternating-projection method. */
  demeanMethod?: "exact" | "alternating";
  /**
   * Always solve by the Householder QR, never by the guarded normal-equations fast path (which
   * agrees with it to rounding; for tests and comparisons).
   */
  qrOnly?: boolean;
  /** Internal: skip notes that only matter for a full result. */
  estimatesOnly?: boolean;
  /** Skip the F test that all fixed effects are zero (callers that do not report it, e.g. event studies). */
  skipEffectsTest?: boolean;
  /**
   * FE only: the first `count` regressors are disjoint 0/1 indicators (codes[i] = which one is 1 in
   * sample row i, −1 none), e.g. event-study cells. The fit then uses projectedLeastSquares
   * (O(n·k) cross-products through the indicators, Cholesky) instead of the dense QR.
   */
  indicators?: Indicators;
  /**
   * Only the slopes, their covariance and inference: no R², σᵤ, FE `_cons` SE or model test — for
   * internal fits whose result is not shown as a model (the Sun–Abraham regression).
   */
  lean?: boolean;
}

/** Coefficients of a fit without inference (see fitEstimates). */
export interface PanelEstimates {
  params: Record<string, number>;
  terms: string[];
  omitted: string[];
  nobs: number;
  ngroups: number;
  dfResid: number;
  notes: string[];
}

/**
 * A fit is exact when the residual sum of squares is at rounding level relative to the total
 * (uncentered) sum of squares of y: SSR ≤ (1000·ε)²·Σyᵢ², i.e. residuals below about 2e-13 of
 * y's root mean square — the size double-precision QR and demeaning leave behind on a perfect fit.
 */
export const EXACT_FIT_TOL = (1000 * Number.EPSILON) ** 2;

export function isExactFit(ssr: number, y: ArrayLike<number>): boolean {
  return ssr <= EXACT_FIT_TOL * sumOfSquares(y);
}

function sumOfSquares(y: ArrayLike<number>): number {
  let yy = 0;
  for (let i = 0; i < y.length; i++) yy += y[i] * y[i];
  return yy;
}

/**
 * The normal-equations fast path (linalg/normal-equations.ts) leaves fits whose SSR is within this
 * factor of the exact-fit tolerance to the QR, so the exact-fit decision is always the QR's.
 */
const NEAR_EXACT = 1e6;

export type Estimation = ReturnType<typeof estimate>;

/** Everything up to the coefficients: sample checks, design (within/quasi-demeaning), QR fit, FE `_cons`. */
export function estimate(s0: PanelSample, o0: FitOptions) {
  // Indicators are used by the FE path only; otherwise they are materialised as ordinary columns.
  const s = o0.indicators && o0.model !== "fe" ? { ...s0, X: s0.X.map((x, j) => (j < o0.indicators!.count ? indicatorColumn(o0.indicators!, j) : x)) } : s0;
  const o = o0.indicators && o0.model !== "fe" ? { ...o0, indicators: undefined } : o0;
  const N = s.y.length;
  const G = s.ngroups;
  const T = s.nperiods;
  const balanced = isBalanced(s);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const note = (en: string, zh: string) => {
    notes.push(en);
    notesZh.push(zh);
  };
  if (s.dropped.rows > 0) {
    const parts = Object.entries(s.dropped.byVariable).map(([k, v]) => `${k}: ${v}`).join(", ");
    note(`${s.dropped.rows} observations removed because of missing values (${parts}).`, `因缺失值删除 ${s.dropped.rows} 个观测（${parts}）。`);
  }
  if ((o.vcov === "cluster") && (s.cluster === undefined || s.nclusters === undefined)) {
    throw inputError("Cluster-robust SEs need a cluster variable.", "聚类稳健标准误需要指定聚类变量。");
  }
  if (N > 0 && minOf(s.y) === maxOf(s.y)) {
    // Every coefficient would be 0 with SE 0 and no p-value: a mistake in the data, not a result.
    throw inputError(
      `The dependent variable '${s.dependent}' does not vary in the estimation sample (every one of the ${N} values is ${s.y[0]}); there is nothing to explain.`,
      `被解释变量 '${s.dependent}' 在估计样本中没有变化（${N} 个取值均为 ${s.y[0]}），无法估计。`,
    );
  }

  const built = buildDesign(s, o.model, o.effect, note, o);
  const { design, demeanIterations, demeanMethod, sigma } = built;
  const omitted = [...built.absorbedNames];
  const fit = o.indicators && o.model === "fe"
    ? projectedLeastSquares(design.cols, design.yT, {
        codes: o.indicators.codes,
        raw: design.names.map((nm) => {
          const j = s.names.indexOf(nm);
          return j < o.indicators!.count ? { indicator: j } : { dense: s.X[j] };
        }),
        cross: design.cross,
        residualOf: design.projector ? { y: s.y, project: (x, out) => design.projector!.applyInto(x, out) } : undefined,
      })
    : (!o.qrOnly && normalEquationsFit(design.cols, design.yT, (ssr) => ssr <= NEAR_EXACT * EXACT_FIT_TOL * sumOfSquares(s.y), design.norms2)) ||
      leastSquares(design.cols, design.yT, undefined, design.norms2);
  for (const j of fit.omitted) {
    const name = design.names[j];
    if (name === "_cons") continue;
    omitted.push(name);
    note(`${name} omitted because of collinearity.`, `${name} 因共线性被省略。`);
  }
  const keptNames = fit.kept.map((j) => design.names[j]);
  const keptCols = fit.kept.map((j) => design.cols[j]);
  const slopeNames = keptNames.filter((n) => n !== "_cons");
  const k = slopeNames.length;
  const K = fit.kept.length; // estimated coefficients in this regression
  const dfResid = N - design.absorbed - K;
  if (dfResid <= 0) {
    if (o.model === "fe" && (o.effect === "individual" || o.effect === "twoways") && G === N) {
      throw inputError(
        "Fixed effects cannot be estimated: every entity has a single observation, so the entity effects absorb all the data. Use pooled OLS or more periods.",
        "无法估计固定效应：每个个体只有一个观测，个体效应吸收了全部数据。请使用混合 OLS 或增加时期。",
      );
    }
    throw inputError(
      `Not enough observations: ${N} rows for ${K + design.absorbed} parameters (no residual degrees of freedom).`,
      `观测不足：${N} 个观测、${K + design.absorbed} 个参数，没有剩余自由度。`,
    );
  }
  const sigma2 = fit.ssr / dfResid;
  // An exact fit: the residuals are rounding error, so every SE, t, p and test would be noise.
  const exactFit = isExactFit(fit.ssr, s.y);

  // Stata-style constant for FE: _cons = ȳ − x̄'b, SE from [1, x̃ + x̄] (see test/fixtures/README.md).
  let consRow: Float64Array | undefined;
  let xbars: number[] = [];
  const params: Record<string, number> = {};
  fit.kept.forEach((j, c) => (params[design.names[j]] = fit.coef[c]));
  let ybar = NaN;
  if (o.model === "fe") {
    const counts = o.indicators ? indicatorCounts(o.indicators) : undefined;
    const slopeIdx = slopeNames.map((nm) => s.names.indexOf(nm));
    const isInd = (j: number) => counts !== undefined && j < counts.length;
    // The means of y and of the dense slopes in one blocked pass (each as `mean` gives it).
    const denseIdx = slopeIdx.filter((j) => !isInd(j));
    const m = columnMeans([s.y].concat(denseIdx.map((j) => s.X[j])), N);
    ybar = m[0];
    let d = 0;
    xbars = slopeIdx.map((j) => (isInd(j) ? counts![j] / N : m[++d]));
    let cons = ybar;
    slopeNames.forEach((nm, c) => (cons -= xbars[c] * params[nm]));
    params["_cons"] = cons;
    consRow = constantRow(fit.xtxInv, xbars, N);
  }

  return { N, G, T, balanced, notes, notesZh, omitted, note, design, demeanIterations, demeanMethod, sigma, fit, keptNames, keptCols, slopeNames, k, K, dfResid, sigma2, consRow, xbars, ybar, params, exactFit, sample: s, options: o };
}

/**
 * Coefficients only — the fast path for resampling (cluster bootstrap): the same design, demeaning
 * and QR as fitSample, without covariance, tests or fit statistics.
 */
export function fitEstimates(s: PanelSample, o: FitOptions): PanelEstimates {
  const e = estimate(s, { ...o, estimatesOnly: true });
  const terms = [...e.slopeNames, ...("_cons" in e.params ? ["_cons"] : [])];
  return { params: pick(e.params, terms), terms, omitted: e.omitted, nobs: e.N, ngroups: e.G, dfResid: e.dfResid, notes: e.notes };
}

/**
 * First row of (Z'Z)⁻¹ for Z = [1, X̃ + x̄] (X̃ demeaned, so its columns sum to zero), from A = (X̃'X̃)⁻¹
 * by the partitioned inverse: [1/N + x̄'Ax̄, −(Ax̄)']. This is the row that gives Stata's FE `_cons` SE.
 */
function constantRow(A: Float64Array, xbar: number[], N: number): Float64Array {
  const k = xbar.length;
  const Ax = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) Ax[i] += A[i * k + j] * xbar[j];
  const row = new Float64Array(k + 1);
  row[0] = 1 / N + xbar.reduce((acc, v, i) => acc + v * Ax[i], 0);
  for (let i = 0; i < k; i++) row[i + 1] = -Ax[i];
  return row;
}
