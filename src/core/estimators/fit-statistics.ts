import { demeanOneWay, groupMeans } from "./demean";
import { PanelSample } from "./panel-sample";
import { PanelResult, TestStat } from "../results/panel-result";
import { corr2, sumSq, mean, r2, adjust } from "./fit-stats";
import { Estimation, FitOptions } from "./fit-estimate";
import { effectsFTest } from "./fit-tests";
import { linearCombination } from "../linalg/column-passes";
import { groupMeansOfTwo, withinSumSq } from "./group-sums";

export interface FitStatistics {
  rsquared: PanelResult["rsquared"];
  effectsTest?: TestStat;
  sigmaU?: number;
  theta?: PanelResult["theta"];
  /** x'b over the sample (slopes only). */
  xb: Float64Array;
  tss: number;
}

/** R² (within / LSDV / between / overall / OLS), σᵤ and θ, and the FE effects F test. */
export function fitStatistics(s0: PanelSample, o0: FitOptions, e: Estimation): FitStatistics {
  const { N, G, T, fit, slopeNames, params, dfResid, design, sigma, balanced } = e;
  const s = e.sample ?? s0;
  const o = e.options ?? o0;
  const ind = o.indicators;
  const rsquared: PanelResult["rsquared"] = {};
  const bInd = ind ? new Float64Array(ind.count) : undefined;
  const denseCols: Float64Array[] = [];
  const denseB: number[] = [];
  slopeNames.forEach((nm) => {
    const j = s.names.indexOf(nm);
    const b = params[nm];
    if (ind && j < ind.count) {
      bInd![j] = b;
      return;
    }
    denseCols.push(s.X[j]);
    denseB.push(b);
  });
  // Σ b·x per row in slope order (one blocked pass; the same sums as a pass per slope).
  const xb = linearCombination(denseCols, denseB, N);
  if (ind) for (let i = 0; i < N; i++) if (ind.codes[i] >= 0) xb[i] += bInd![ind.codes[i]];
  const tss = sumSq(s.y, mean(s.y));
  let effectsTest: TestStat | undefined;
  let sigmaU: number | undefined;
  let theta: PanelResult["theta"];
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
    // Entity means of y and xb, taken once (between R², the within sum of squares, σᵤ).
    const [xbG, ybarG] = groupMeansOfTwo(xb, s.y, s.entity, G);
    rsquared.within = r2(fit.ssr, withinSumSq(s.y, codes, o.effect === "time" ? groupMeans(s.y, codes, ng) : ybarG));
    rsquared.adjusted = adjust(rsquared.within, N, dfResid);
    rsquared.lsdv = r2(fit.ssr, tss);
    rsquared.lsdvAdjusted = adjust(rsquared.lsdv, N, dfResid);
    rsquared.between = corr2(xbG, ybarG);
    rsquared.overall = corr2(xb, s.y);
    if (!o.skipEffectsTest && !e.exactFit && !ind) effectsTest = effectsFTest(slopeNames.map((nm) => s.X[s.names.indexOf(nm)]), s.y, fit.ssr, design.absorbed, dfResid, e.xbars.concat([e.ybar]));
    if (o.effect === "individual") {
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
    const th = Array.from(sigma!.thetaByGroup).sort((a, b) => a - b);
    theta = balanced ? th[0] : { min: th[0], median: th.length % 2 ? th[(th.length - 1) / 2] : (th[th.length / 2 - 1] + th[th.length / 2]) / 2, max: th[th.length - 1] };
  }
  return { rsquared, effectsTest, sigmaU, theta, xb, tss };
}
