import { pTwoSided, critical } from "../inference/distributions";
import { PanelSample } from "./panel-sample";
import { PanelResult } from "../results/panel-result";
import { stars as starsFor, DEFAULT_STAR_LEVELS } from "../inference/stars";
import { estimate, FitOptions } from "./fit-estimate";
import { fitCovariance } from "./fit-covariance";
import { fitStatistics } from "./fit-statistics";
import { modelTest } from "./fit-tests";
import { groupCounts, minOf, maxOf, pick } from "./fit-stats";

export { fitEstimates } from "./fit-estimate";
export type { FitOptions, PanelEstimates } from "./fit-estimate";
export { quadForm } from "./fit-tests";

/**
 * Fits pooled OLS, fixed effects (individual / time / two-way) or random effects
 * (Swamy–Arora; Baltagi–Chang on unbalanced panels, as plm `swar` and gretl `--unbalanced=bc`)
 * on a prepared sample, with classical, White (HC1) or cluster-robust covariance, and assembles
 * the result. The pieces: design (fit-design), estimation (fit-estimate), variance components
 * (variance-components), covariance (fit-covariance), tests (fit-tests), fit statistics
 * (fit-statistics).
 */
export function fitSample(s: PanelSample, o: FitOptions): PanelResult {
  const e = estimate(s, o);
  const { N, G, T, balanced, notes, notesZh, omitted, demeanIterations, demeanMethod, sigma, fit, keptNames, slopeNames, k, K, dfResid, sigma2, params } = e;
  const cov = fitCovariance(s, o, e);
  const { vcovMain, classical, vcovCons, refDist, adjustment } = cov;
  const G_cl = cov.nclusters;

  const level = o.level ?? 0.95;
  const q = critical(level, refDist);
  const levels = o.starLevels ?? DEFAULT_STAR_LEVELS;
  const stdErrors: Record<string, number> = {};
  const tstats: Record<string, number> = {};
  const pvalues: Record<string, number> = {};
  const confInt: Record<string, [number, number]> = {};
  const stars: Record<string, string> = {};
  const setInference = (name: string, b: number, v: number) => {
    if (e.exactFit) return; // the fit is reported, inference refused (see the note)
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

  const stats = o.lean ? { rsquared: {}, effectsTest: undefined, sigmaU: undefined, theta: undefined } : fitStatistics(s, o, e);
  const mt = e.exactFit || o.lean ? {} : modelTest(slopeNames.map((nm) => params[nm]), vcovSlopes, o.model, o.vcov, dfResid, G_cl);
  if (e.exactFit) {
    e.note(
      `Exact fit: the residual sum of squares (${fit.ssr.toPrecision(3)}) is at rounding level relative to the total sum of squares of ${s.dependent}; y is an exact linear function of the regressors${o.model === "fe" ? " and the fixed effects" : o.model === "re" ? " and the entity effects" : ""}. Coefficients are reported; standard errors, t, p, stars and tests are not (they would be rounding noise). Check that ${s.dependent} is not built from the regressors.`,
      `完全拟合：残差平方和（${fit.ssr.toPrecision(3)}）相对于 ${s.dependent} 的总平方和仅为舍入误差量级，被解释变量是解释变量${o.model === "fe" ? "与固定效应" : o.model === "re" ? "与个体效应" : ""}的精确线性函数。只报告系数，不报告标准误、t、p、星号与检验（它们只是舍入噪声）。请检查 ${s.dependent} 是否由解释变量构造。`,
    );
  } else if (mt.rank !== undefined) {
    const why = mt.reason === "not-finite" ? "has entries that are not finite numbers (rescale the variables)" : mt.reason === "indefinite" ? "is not positive semi-definite" : `has rank ${mt.rank} < ${k}${o.vcov === "cluster" ? ` (${G_cl} clusters for ${k} slopes: a cluster covariance has rank at most G − 1)` : ""}`;
    const whyZh = mt.reason === "not-finite" ? "含有非有限数值（请对变量做缩放）" : mt.reason === "indefinite" ? "不是半正定矩阵" : `的秩为 ${mt.rank} < ${k}${o.vcov === "cluster" ? `（${G_cl} 个聚类、${k} 个斜率：聚类协方差的秩至多为 G − 1）` : ""}`;
    e.note(
      `The joint ${o.model === "re" ? "Wald" : "F"} test of the ${k} slopes is not reported: their covariance matrix ${why} (decided on the correlation scale, independent of units), as Stata reports no F. Test fewer coefficients jointly.`,
      `未报告 ${k} 个斜率的联合${o.model === "re" ? " Wald " : " F "}检验：其协方差矩阵${whyZh}（在相关系数尺度上判断，与单位无关），与 Stata 不报告 F 相同。请减少联合检验的系数个数。`,
    );
  }
  const test = mt.test;
  const sigmaE = o.model === "re" ? Math.sqrt(sigma!.e2) : Math.sqrt(sigma2);
  const sigmaU = stats.sigmaU;
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
    rsquared: stats.rsquared,
    modelTest: test,
    effectsTest: stats.effectsTest,
    sigmaE,
    sigmaU,
    rho,
    theta: stats.theta,
    omitted,
    dropped: s.dropped,
    demeanIterations,
    demeanMethod,
    exactFit: e.exactFit || undefined,
    notes,
    notesZh,
    slopes: slopeNames,
    vcovSlopesClassical,
    vcovSlopes,
  };
}
