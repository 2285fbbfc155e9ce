import { Matrix, EigenvalueDecomposition } from "ml-matrix";
import { leastSquares } from "../linalg/least-squares";
import { demeanOneWay, twoWayProjector, groupMeans, TwoWayProjector } from "./demean";
import { classicalVcov, whiteVcov, clusterVcov } from "../covariance/sandwich";
import { clusterFactor } from "../covariance/small-sample";
import { pTwoSided, critical, pF, pChi2, RefDist } from "../inference/distributions";
import { PanelSample } from "./panel-sample";
import { PanelResult, ModelKind, EffectKind, VcovKind, ClusterAdjustment, TestStat } from "../results/panel-result";
import { inputError } from "../errors";
import { stars as starsFor, DEFAULT_STAR_LEVELS } from "../inference/stars";

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
  /** Internal: skip notes that only matter for a full result. */
  estimatesOnly?: boolean;
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

const ABSORBED_TOL = 1e-9;

interface Design {
  /** Regression columns (transformed), with names. */
  cols: Float64Array[];
  names: string[];
  yT: Float64Array;
  /** Parameters absorbed by the fixed effects (G, T or G + T − 1). */
  absorbed: number;
  /** Whether names[0] is the constant. */
  hasConstant: boolean;
  /** The two-way within transformation (two-way FE), for the entity effects behind sigma_u. */
  projector?: TwoWayProjector;
}

function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Squared correlation; undefined when either side does not vary (e.g. between R² with one entity). */
function corr2(a: ArrayLike<number>, b: ArrayLike<number>): number | undefined {
  const ma = mean(a), mb = mean(b);
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : undefined;
}

function sumSq(x: ArrayLike<number>, centre = 0): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - centre) * (x[i] - centre);
  return s;
}

function isBalanced(s: PanelSample): boolean {
  return s.y.length === s.ngroups * s.nperiods;
}

/**
 * Fits pooled OLS, fixed effects (individual / time / two-way) or random effects
 * (Swamy–Arora; Baltagi–Chang on unbalanced panels, as plm `swar` and gretl `--unbalanced=bc`)
 * on a prepared sample, with classical, White (HC1) or cluster-robust covariance.
 */
/** Everything up to the coefficients: design, within/quasi-demeaning, QR fit, FE `_cons`. */
function estimate(s: PanelSample, o: FitOptions) {
  const N = s.y.length;
  const G = s.ngroups;
  const T = s.nperiods;
  const balanced = isBalanced(s);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const omitted: string[] = [];
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

  let design: Design;
  let demeanIterations: number | undefined;
  let demeanMethod: PanelResult["demeanMethod"];
  let sigma: { e2: number; u2: number; thetaByGroup?: Float64Array } | undefined;
  // Regressors that vary in the sample at all (a constant regressor is collinear with the intercept or absorbed).
  if (o.model === "pooled") {
    design = { cols: [ones(N), ...s.X], names: ["_cons", ...s.names], yT: s.y, absorbed: 0, hasConstant: true };
  } else if (o.model === "fe") {
    let yT: Float64Array;
    let XT: Float64Array[];
    let absorbed: number;
    let projector: TwoWayProjector | undefined;
    if (o.effect === "individual" || o.effect === "time") {
      const codes = o.effect === "individual" ? s.entity : s.period;
      const n = o.effect === "individual" ? G : T;
      yT = demeanOneWay(s.y, codes, n);
      XT = s.X.map((x) => demeanOneWay(x, codes, n));
      absorbed = n;
    } else {
      const proj = twoWayProjector(s.entity, G, s.period, T, { balanced, method: o.demeanMethod });
      projector = proj;
      yT = proj.apply(s.y);
      XT = s.X.map((x) => proj.apply(x));
      absorbed = proj.absorbed;
      demeanMethod = proj.method;
      if (proj.method === "alternating") {
        demeanIterations = proj.iterations;
        if (proj.converged) note(`Two-way demeaning on an unbalanced panel: alternating projections converged in ${proj.iterations} sweeps (tolerance 1e-14).`, `非平衡面板的双向去均值：交替投影 ${proj.iterations} 次迭代收敛（容差 1e-14）。`);
        else note(`Two-way demeaning did not reach the 1e-14 tolerance in ${proj.iterations} sweeps; the estimates may be inexact.`, `双向去均值在 ${proj.iterations} 次迭代内未达到 1e-14 的容差，估计可能不精确。`);
      } else if (proj.method === "exact") {
        demeanIterations = 0;
        if (!o.estimatesOnly) note("Two-way fixed effects on an unbalanced panel: exact within transformation (entity demeaning, then projection on the demeaned period dummies; no iterations).", "非平衡面板的双向固定效应：精确组内变换（先按个体去均值，再对去均值后的时期虚拟变量投影；无需迭代）。");
      }
      if (proj.absorbed < G + T - 1) note(`The entity–period structure falls into ${G + T - proj.absorbed} disconnected pieces, so only ${proj.absorbed} effects are identified (degrees of freedom adjusted).`, `个体—时期结构分成 ${G + T - proj.absorbed} 个互不相连的部分，仅能识别 ${proj.absorbed} 个效应（自由度已相应调整）。`);
    }
    const keepCols: Float64Array[] = [];
    const keepNames: string[] = [];
    XT.forEach((xt, j) => {
      const scale = Math.sqrt(sumSq(s.X[j])) || 1;
      if (Math.sqrt(sumSq(xt)) <= ABSORBED_TOL * scale) {
        omitted.push(s.names[j]);
        const by = o.effect === "individual" ? "entity" : o.effect === "time" ? "period" : "entity and period";
        const byZh = o.effect === "individual" ? "个体" : o.effect === "time" ? "时期" : "个体与时期";
        note(`${s.names[j]} omitted: it does not vary within ${by}, so the fixed effects absorb it.`, `${s.names[j]} 被省略：它在${byZh}内不变，被固定效应吸收。`);
      } else {
        keepCols.push(xt);
        keepNames.push(s.names[j]);
      }
    });
    design = { cols: keepCols, names: keepNames, yT, absorbed, hasConstant: false, projector };
  } else {
    // Random effects: variance components from the within and between regressions.
    const ew = withinSigma2(s);
    if (ew.df <= 0) {
      throw inputError(
        "Random effects need entities observed in more than one period (the within regression has no degrees of freedom).",
        "随机效应模型要求个体至少被观测两期（组内回归没有自由度）。",
      );
    }
    const between = betweenSigma2u(s, ew.sigma2);
    let u2 = between.sigma2u;
    if (u2 < 0) {
      note(`The between-entity variance estimate is negative (${u2.toPrecision(4)}); it is set to 0 and RE equals pooled OLS.`, `组间方差估计为负（${u2.toPrecision(4)}），按 0 处理，随机效应退化为混合 OLS。`);
      u2 = 0;
    }
    const Ti = groupCounts(s.entity, G);
    const theta = new Float64Array(G);
    for (let g = 0; g < G; g++) theta[g] = 1 - Math.sqrt(ew.sigma2 / (Ti[g] * u2 + ew.sigma2));
    const quasi = (x: Float64Array) => {
      const m = groupMeans(x, s.entity, G);
      const out = new Float64Array(N);
      for (let i = 0; i < N; i++) out[i] = x[i] - theta[s.entity[i]] * m[s.entity[i]];
      return out;
    };
    const c = new Float64Array(N);
    for (let i = 0; i < N; i++) c[i] = 1 - theta[s.entity[i]];
    design = { cols: [c, ...s.X.map(quasi)], names: ["_cons", ...s.names], yT: quasi(s.y), absorbed: 0, hasConstant: true };
    sigma = { e2: ew.sigma2, u2, thetaByGroup: theta };
    if (!balanced) note("Unbalanced panel: Swamy–Arora variance components in the Baltagi–Chang form (as plm 'swar' and gretl --unbalanced=bc).", "非平衡面板：Swamy–Arora 方差分量采用 Baltagi–Chang 形式（同 plm 'swar'、gretl --unbalanced=bc）。");
  }

  const fit = leastSquares(design.cols, design.yT);
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

  // Stata-style constant for FE: _cons = ȳ − x̄'b, SE from [1, x̃ + x̄] (see test/fixtures/README.md).
  let consRow: Float64Array | undefined;
  let xbars: number[] = [];
  const params: Record<string, number> = {};
  fit.kept.forEach((j, c) => (params[design.names[j]] = fit.coef[c]));
  if (o.model === "fe") {
    const ybar = mean(s.y);
    xbars = slopeNames.map((nm) => mean(s.X[s.names.indexOf(nm)]));
    let cons = ybar;
    slopeNames.forEach((nm, c) => (cons -= xbars[c] * params[nm]));
    params["_cons"] = cons;
    consRow = constantRow(fit.xtxInv, xbars, N);
  }

  return { N, G, T, balanced, notes, notesZh, omitted, note, design, demeanIterations, demeanMethod, sigma, fit, keptNames, keptCols, slopeNames, k, K, dfResid, sigma2, consRow, xbars, params };
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

export function fitSample(s: PanelSample, o: FitOptions): PanelResult {
  const { N, G, T, balanced, notes, notesZh, omitted, note, design, demeanIterations, demeanMethod, sigma, fit, keptNames, keptCols, slopeNames, k, K, dfResid, sigma2, consRow, xbars, params } = estimate(s, o);
  // Covariance.
  const G_cl = s.nclusters ?? G;
  let vcovMain: Float64Array;
  let vcovCons: number | undefined;
  let refDist: RefDist;
  let factor = 1;
  const adjustment: ClusterAdjustment = o.clusterAdjustment ?? "stata";
  const classical = classicalVcov(fit.xtxInv, K, sigma2);
  if (o.vcov === "classical") {
    vcovMain = classical;
    if (consRow) vcovCons = consRow[0] * sigma2;
    refDist = o.model === "re" ? { kind: "normal" } : { kind: "t", df: dfResid };
  } else if (o.vcov === "robust") {
    factor = N / (N - K - design.absorbed);
    vcovMain = whiteVcov(keptCols, fit.resid, fit.xtxInv, factor);
    if (consRow) vcovCons = constantVariance(consRow, keptCols, xbars, fit.resid, undefined, 0, factor);
    refDist = o.model === "re" ? { kind: "normal" } : { kind: "t", df: dfResid };
    if (o.model === "fe") note("Robust SEs are White (HC1) on the dummy-variable regression; Stata's xtreg, fe vce(robust) is the cluster-by-entity estimator (vcov = cluster).", "稳健标准误为 LSDV 回归上的 White（HC1）标准误；Stata 的 xtreg, fe vce(robust) 实为按个体聚类（vcov = cluster）。");
  } else {
    if (G_cl < 2) {
      throw inputError(`Cluster-robust SEs need at least 2 clusters; the sample has ${G_cl}.`, `聚类稳健标准误至少需要 2 个聚类，样本中只有 ${G_cl} 个。`);
    }
    factor = clusterFactor(adjustment, o.model, o.effect, G_cl, N, k, T);
    vcovMain = clusterVcov(keptCols, fit.resid, fit.xtxInv, s.cluster!, G_cl, factor);
    if (consRow) vcovCons = constantVariance(consRow, keptCols, xbars, fit.resid, s.cluster!, G_cl, factor);
    refDist = o.model === "re" ? { kind: "normal" } : { kind: "t", df: G_cl - 1 };
    if (G_cl < (o.fewClusters ?? 20)) {
      note(`Only ${G_cl} clusters: cluster-robust SEs can be unreliable with fewer than about 20 (consider a wild cluster bootstrap).`, `仅有 ${G_cl} 个聚类：聚类数少于约 20 时聚类稳健标准误可能不可靠（可考虑 wild cluster bootstrap）。`);
    }
  }

  const level = o.level ?? 0.95;
  const q = critical(level, refDist);
  const levels = o.starLevels ?? DEFAULT_STAR_LEVELS;
  const stdErrors: Record<string, number> = {};
  const tstats: Record<string, number> = {};
  const pvalues: Record<string, number> = {};
  const confInt: Record<string, [number, number]> = {};
  const stars: Record<string, string> = {};
  const setInference = (name: string, b: number, v: number) => {
    const se = Math.sqrt(Math.max(v, 0));
    stdErrors[name] = se;
    confInt[name] = [b - q * se, b + q * se];
    if (!(se > 0)) return; // exact fit: no t, p or stars (Stata prints ".")
    tstats[name] = b / se;
    pvalues[name] = pTwoSided(b / se, refDist);
    stars[name] = starsFor(pvalues[name], levels);
  };
  keptNames.forEach((nm, c) => setInference(nm, params[nm], vcovMain[c * K + c]));
  if (vcovCons !== undefined) setInference("_cons", params["_cons"], vcovCons);

  // Slope blocks of the covariances (for Hausman and Wald tests).
  const slopeIdx = keptNames.map((nm, c) => (nm === "_cons" ? -1 : c)).filter((c) => c >= 0);
  const block = (v: Float64Array) => slopeIdx.flatMap((a) => slopeIdx.map((b) => v[a * K + b]));
  const vcovSlopes = block(vcovMain);
  const vcovSlopesClassical = block(classical);

  // Fit statistics.
  const rsquared: PanelResult["rsquared"] = {};
  const bSlopes = slopeNames.map((nm) => params[nm]);
  const xb = new Float64Array(N);
  slopeNames.forEach((nm, c) => {
    const x = s.X[s.names.indexOf(nm)];
    for (let i = 0; i < N; i++) xb[i] += bSlopes[c] * x[i];
  });
  const tss = sumSq(s.y, mean(s.y));
  let modelTest: TestStat | undefined;
  let effectsTest: TestStat | undefined;
  let sigmaU: number | undefined;
  let theta: PanelResult["theta"];
  const wald = k > 0 ? quadForm(bSlopes, vcovSlopes, k) : undefined;
  if (o.model === "pooled") {
    rsquared.ols = r2(fit.ssr, tss);
    rsquared.adjusted = adjust(rsquared.ols, N, dfResid);
    // Without effects the LSDV R² is the OLS R²; within/between/overall as Stata's corr(xb, y)².
    rsquared.lsdv = rsquared.ols;
    rsquared.within = corr2(demeanOneWay(xb, s.entity, G), demeanOneWay(s.y, s.entity, G));
    rsquared.between = corr2(groupMeans(xb, s.entity, G), groupMeans(s.y, s.entity, G));
    rsquared.overall = corr2(xb, s.y);
  } else if (o.model === "fe") {
    const codes = o.effect === "time" ? s.period : s.entity;
    const ng = o.effect === "time" ? T : G;
    const yWithin = demeanOneWay(s.y, codes, ng);
    rsquared.within = r2(fit.ssr, sumSq(yWithin));
    rsquared.adjusted = adjust(rsquared.within, N, dfResid);
    rsquared.lsdv = r2(fit.ssr, tss);
    rsquared.lsdvAdjusted = adjust(rsquared.lsdv, N, dfResid);
    rsquared.between = corr2(groupMeans(xb, s.entity, G), groupMeans(s.y, s.entity, G));
    rsquared.overall = corr2(xb, s.y);
    // F test that all fixed effects are zero (plm pFtest): pooled OLS on the same sample.
    const df1 = design.absorbed - 1;
    if (df1 > 0 && fit.ssr > 0) {
      const pooledSsr = centeredSsr(slopeNames.map((nm) => s.X[s.names.indexOf(nm)]), s.y);
      const F = ((pooledSsr - fit.ssr) / df1) / (fit.ssr / dfResid);
      effectsTest = { value: F, df1, df2: dfResid, p: pF(F, df1, dfResid), dist: "F" };
    }
    if (o.effect === "individual") {
      const ybarG = groupMeans(s.y, s.entity, G);
      const xbG = groupMeans(xb, s.entity, G);
      const u = new Float64Array(G);
      for (let g = 0; g < G; g++) u[g] = ybarG[g] - xbG[g] - params["_cons"];
      if (G > 1) sigmaU = Math.sqrt(sumSq(u, mean(u)) / (G - 1));
    } else if (o.effect === "twoways" && design.projector && design.absorbed === G + T - 1 && G > 1) {
      // Stata `xtreg y x i.year, fe`: u_i = ȳ_i − x̄_i'b − d̄_i'γ − _cons, i.e. the entity effects of
      // the dummy-variable regression up to one constant; sigma_u is their SD over the G entities.
      // (Not reported when the panel falls into disconnected pieces: the effects are not comparable.)
      const r = new Float64Array(N);
      for (let i = 0; i < N; i++) r[i] = s.y[i] - xb[i];
      const u = design.projector.effects(r).a;
      sigmaU = Math.sqrt(sumSq(u, mean(u)) / (G - 1));
    }
  } else {
    rsquared.ols = r2(fit.ssr, sumSq(design.yT, mean(design.yT)));
    rsquared.adjusted = adjust(rsquared.ols, N, dfResid);
    rsquared.within = corr2(demeanOneWay(xb, s.entity, G), demeanOneWay(s.y, s.entity, G));
    rsquared.between = corr2(groupMeans(xb, s.entity, G), groupMeans(s.y, s.entity, G));
    rsquared.overall = corr2(xb, s.y);
    sigmaU = Math.sqrt(sigma!.u2);
    const th = Array.from(sigma!.thetaByGroup!).sort((a, b) => a - b);
    theta = balanced ? th[0] : { min: th[0], median: th.length % 2 ? th[(th.length - 1) / 2] : (th[th.length / 2 - 1] + th[th.length / 2]) / 2, max: th[th.length - 1] };
  }
  if (wald !== undefined) {
    if (o.model === "re") modelTest = { value: wald, df1: k, p: pChi2(wald, k), dist: "chi2" };
    else {
      const df2 = o.vcov === "cluster" ? G_cl - 1 : dfResid;
      modelTest = { value: wald / k, df1: k, df2, p: pF(wald / k, k, df2), dist: "F" };
    }
  }
  const sigmaE = o.model === "re" ? Math.sqrt(sigma!.e2) : Math.sqrt(sigma2);
  const rho = sigmaU !== undefined ? (sigmaU * sigmaU) / (sigmaU * sigmaU + sigmaE * sigmaE) : undefined;
  const Ti = groupCounts(s.entity, G);
  const terms = [...slopeNames, ...("_cons" in params ? ["_cons"] : [])];
  return {
    model: o.model,
    effect: o.effect,
    vcov: o.vcov,
    cluster: o.vcov === "cluster" ? o.cluster : undefined,
    clusterAdjustment: o.vcov === "cluster" ? adjustment : undefined,
    formula: o.formula ?? `${s.dependent} ~ ${s.names.join(" + ")}`,
    dependent: s.dependent,
    terms,
    params: pick(params, terms),
    stdErrors: pick(stdErrors, terms),
    tstats: pick(tstats, terms),
    pvalues: pick(pvalues, terms),
    confInt: pick(confInt, terms),
    stars: pick(stars, terms),
    pDistribution: refDist.kind === "t" ? `t(${refDist.df})` : "normal",
    nobs: N,
    ngroups: G,
    nperiods: T,
    nclusters: o.vcov === "cluster" ? G_cl : undefined,
    balanced,
    obsPerGroup: { min: minOf(Ti), mean: N / G, max: maxOf(Ti) },
    dfResid,
    dfModel: k,
    ssr: fit.ssr,
    rsquared,
    modelTest,
    effectsTest,
    sigmaE,
    sigmaU,
    rho,
    theta,
    omitted,
    dropped: s.dropped,
    demeanIterations,
    demeanMethod,
    notes,
    notesZh,
    slopes: slopeNames,
    vcovSlopesClassical,
    vcovSlopes,
  };
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

/**
 * Sandwich variance of the FE constant: a0' M a0 with a0 the first row of (Z'Z)⁻¹ and M the
 * cluster (or, without clusters, White) meat of Z = [1, X̃ + x̄]; one pass over the data.
 */
function constantVariance(a0: Float64Array, cols: Float64Array[], xbar: number[], resid: Float64Array, clusters: Int32Array | undefined, G: number, factor: number): number {
  const k = cols.length;
  const n = resid.length;
  if (!clusters) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      let z = a0[0];
      for (let j = 0; j < k; j++) z += a0[j + 1] * (cols[j][i] + xbar[j]);
      v += z * z * resid[i] * resid[i];
    }
    return v * factor;
  }
  const score = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    let z = a0[0];
    for (let j = 0; j < k; j++) z += a0[j + 1] * (cols[j][i] + xbar[j]);
    score[clusters[i]] += z * resid[i];
  }
  let v = 0;
  for (let g = 0; g < G; g++) v += score[g] * score[g];
  return v * factor;
}

/**
 * SSR of pooled OLS of y on [1, X] from centered cross-products (column-pair passes, Cholesky
 * on k×k); used only for the F test that all fixed effects are zero.
 */
function centeredSsr(X: Float64Array[], y: Float64Array): number {
  const k = X.length;
  const my = mean(y);
  // Centered cross-products by column pairs (no temporaries): k(k+1)/2 + k + 1 passes.
  const mx = X.map((x) => mean(x));
  const S = new Float64Array(k * k);
  const c = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    c[a] = centeredDot(X[a], mx[a], y, my);
    for (let b = 0; b <= a; b++) S[a * k + b] = S[b * k + a] = centeredDot(X[a], mx[a], X[b], mx[b]);
  }
  const yy = centeredDot(y, my, y, my);
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

function centeredDot(a: Float64Array, ma: number, b: Float64Array, mb: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
  return s;
}

function pick<T>(obj: Record<string, T>, keys: string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

/** 1 − SSR/TSS, undefined when the dependent variable does not vary (TSS = 0). */
function r2(ssr: number, tss: number): number | undefined {
  return tss > 0 ? 1 - ssr / tss : undefined;
}

function adjust(r: number | undefined, N: number, dfResid: number): number | undefined {
  return r === undefined ? undefined : 1 - (1 - r) * (N - 1) / dfResid;
}

function minOf(x: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}

function maxOf(x: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

function groupCounts(codes: Int32Array, n: number): Float64Array {
  const c = new Float64Array(n);
  for (let i = 0; i < codes.length; i++) c[codes[i]] += 1;
  return c;
}

/**
 * b' V⁻¹ b for a small symmetric V (row-major k×k), or undefined when V is not positive definite
 * (e.g. a cluster covariance with fewer clusters than slopes, where Stata reports no F).
 */
export function quadForm(b: readonly number[], V: readonly number[], k: number): number | undefined {
  // A covariance with NaN/±Infinity (degenerate or overflowing data) has no F either; ml-matrix would throw a TypeError.
  if (!b.every(Number.isFinite) || !V.every(Number.isFinite)) return undefined;
  const m = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) m.set(i, j, V[i * k + j]);
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const top = Math.max(...values.map(Math.abs));
  if (!(top > 0) || values.some((v) => !(v > 1e-12 * top))) return undefined;
  const Q = eig.eigenvectorMatrix;
  let s = 0;
  for (let c = 0; c < k; c++) {
    let proj = 0;
    for (let i = 0; i < k; i++) proj += Q.get(i, c) * b[i];
    s += (proj * proj) / values[c];
  }
  return s;
}

/** σₑ² of the one-way within regression: SSR/(N − G − k). */
function withinSigma2(s: PanelSample): { sigma2: number; df: number } {
  const yT = demeanOneWay(s.y, s.entity, s.ngroups);
  const cols = s.X.map((x) => demeanOneWay(x, s.entity, s.ngroups)).filter((c, j) => Math.sqrt(sumSq(c)) > ABSORBED_TOL * (Math.sqrt(sumSq(s.X[j])) || 1));
  const fit = leastSquares(cols, yT);
  const df = s.y.length - s.ngroups - fit.kept.length;
  return { sigma2: df > 0 ? fit.ssr / df : NaN, df };
}

/**
 * σᵤ² from the between regression (Swamy–Arora; Baltagi–Chang trace form for unbalanced
 * panels): ȳᵢ on [1, x̄ᵢ] weighted by Tᵢ, quadB = Σ Tᵢ ûᵢ²,
 * σᵤ² = (quadB − (G − K)σₑ²) / (N − tr[(Σ Tᵢ zᵢzᵢ')⁻¹ Σ Tᵢ² zᵢzᵢ']). Balanced: SSR_b/(G − K) − σₑ²/T.
 */
function betweenSigma2u(s: PanelSample, sigma2e: number): { sigma2u: number } {
  const G = s.ngroups;
  const N = s.y.length;
  const Ti = groupCounts(s.entity, G);
  const w = Ti.map(Math.sqrt);
  const zs = [ones(G), ...s.X.map((x) => groupMeans(x, s.entity, G))];
  const yb = groupMeans(s.y, s.entity, G);
  const fit = leastSquares(zs.map((z) => z.map((v, g) => v * w[g])), yb.map((v, g) => v * w[g]));
  const KB = fit.kept.length;
  if (G - KB <= 0) {
    throw inputError(
      `Random effects need more entities than coefficients: ${G} entities for ${KB} between-regression coefficients.`,
      `随机效应要求个体数多于系数个数：${G} 个个体，组间回归有 ${KB} 个系数。`,
    );
  }
  const kept = fit.kept.map((j) => zs[j]);
  // tr(A M2) with A = (Σ Tᵢ zᵢzᵢ')⁻¹ = fit.xtxInv and M2 = Σ Tᵢ² zᵢzᵢ'.
  let tr = 0;
  for (let a = 0; a < KB; a++)
    for (let b = 0; b < KB; b++) {
      let m2 = 0;
      for (let g = 0; g < G; g++) m2 += Ti[g] * Ti[g] * kept[b][g] * kept[a][g];
      tr += fit.xtxInv[a * KB + b] * m2;
    }
  return { sigma2u: (fit.ssr - (G - KB) * sigma2e) / (N - tr) };
}
