import { Lang } from "../core/errors";
import { PanelResult } from "../core/results/panel-result";
import { HausmanResult } from "../core/inference/hausman";
import { TableModel, cell, headerRow, TableCell } from "./table-model";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { stars as starsFor } from "../core/inference/stars";
import { wildNote } from "./wild-labels";
import { termLabel } from "./table-labels";
import { pushAll } from "../core/data/extent";

const L = {
  term: { en: "Term", zh: "变量" },
  coef: { en: "Coef.", zh: "系数" },
  se: { en: "Std. err.", zh: "标准误" },
  t: { en: "t", zh: "t 值" },
  z: { en: "z", zh: "z 值" },
  p: { en: "P>|t|", zh: "P 值" },
  lo: { en: "CI low", zh: "置信区间下限" },
  hi: { en: "CI high", zh: "置信区间上限" },
  stars: { en: "Sig.", zh: "显著性" },
  nobs: { en: "N", zh: "样本量" },
  ngroups: { en: "Groups", zh: "个体数" },
  nperiods: { en: "Periods", zh: "时期数" },
  nclusters: { en: "Clusters", zh: "聚类数" },
  dfResid: { en: "Residual df", zh: "残差自由度" },
  r2within: { en: "R² within", zh: "组内 R²" },
  r2between: { en: "R² between", zh: "组间 R²" },
  r2overall: { en: "R² overall", zh: "整体 R²" },
  r2lsdv: { en: "R² (LSDV)", zh: "R²（LSDV）" },
  r2: { en: "R²", zh: "R²" },
  r2adj: { en: "Adjusted R²", zh: "调整 R²" },
  F: { en: "F (slopes)", zh: "F 统计量（斜率）" },
  Fp: { en: "Prob > F", zh: "F 检验 P 值" },
  chi2: { en: "Wald chi2 (slopes)", zh: "Wald 卡方（斜率）" },
  chi2p: { en: "Prob > chi2", zh: "卡方检验 P 值" },
  Fu: { en: "F test all u_i = 0", zh: "个体效应联合 F 检验" },
  Fup: { en: "Prob > F (u_i)", zh: "个体效应 F 检验 P 值" },
  sigmaU: { en: "sigma_u", zh: "sigma_u" },
  sigmaE: { en: "sigma_e", zh: "sigma_e" },
  rho: { en: "rho", zh: "rho" },
  theta: { en: "theta", zh: "theta" },
  hausChi2: { en: "Hausman chi2", zh: "Hausman 卡方" },
  df: { en: "df", zh: "自由度" },
  pval: { en: "Prob > chi2", zh: "P 值" },
  pd: { en: "V_FE − V_RE positive definite", zh: "V_FE − V_RE 是否正定" },
  yes: { en: "Yes", zh: "是" },
  no: { en: "No", zh: "否" },
  method: { en: "Method", zh: "方法" },
  diff: { en: "b_FE − b_RE", zh: "系数差" },
  wildP: { en: "Wild p", zh: "Wild bootstrap P 值" },
  wildLo: { en: "Wild CI low", zh: "Wild 置信区间下限" },
  wildHi: { en: "Wild CI high", zh: "Wild 置信区间上限" },
} as const;

export interface CoefTableOptions {
  lang?: Lang;
  /** Coefficients only (like LINEST's compact mode): no statistics rows, no notes. */
  compact?: boolean;
  /** A wild cluster bootstrap of this fit: adds its p and interval columns; stars of tested terms from it. */
  wild?: WildBootstrapResult;
}

/**
 * The spill of ECON.PANELFE / ECON.PANELRE: one row per term (coef, SE, t or z, p, CI, stars),
 * then statistic rows (label in column 1, value in column 2), then notes.
 */
export function coefTable(r: PanelResult, options: CoefTableOptions = {}): TableModel {
  const lang = options.lang ?? "en";
  const z = r.pDistribution === "normal";
  const header = [headerRow([L.term[lang], L.coef[lang], L.se[lang], z ? L.z[lang] : L.t[lang], z ? "P>|z|" : L.p[lang], L.lo[lang], L.hi[lang], L.stars[lang]])];
  // Chinese tables name the constant 常数项 and lags L.x (English keeps Stata's term names).
  const body: TableCell[][] = r.terms.map((t) => [
    cell(lang === "zh" ? termLabel(t, {}, lang) : t, "label"),
    cell(r.params[t], "value"),
    cell(r.stdErrors[t], "value"),
    cell(r.tstats[t], "value"),
    cell(r.pvalues[t], "value"),
    cell(r.confInt[t]?.[0], "value"),
    cell(r.confInt[t]?.[1], "value"),
    cell((options.wild?.terms[t] ? starsFor(options.wild.terms[t].p) : r.stars[t]) ?? "", "value"),
  ]);
  const w = options.wild;
  if (w) {
    pushAll(header[0], headerRow([L.wildP[lang], L.wildLo[lang], L.wildHi[lang]]));
    r.terms.forEach((t, i) => body[i].push(cell(w.terms[t]?.p, "value"), cell(w.terms[t]?.confInt[0], "value"), cell(w.terms[t]?.confInt[1], "value")));
  }
  if (options.compact) return { header, body, notes: [] };
  const stat = (key: keyof typeof L, v: number | string | undefined) => {
    if (v === undefined || (typeof v === "number" && !Number.isFinite(v))) return;
    body.push([cell(L[key][lang], "label"), cell(v, "stat")]);
  };
  stat("nobs", r.nobs);
  stat("ngroups", r.ngroups);
  stat("nperiods", r.nperiods);
  stat("nclusters", r.nclusters);
  stat("dfResid", r.dfResid);
  if (r.model === "pooled") {
    stat("r2", r.rsquared.ols);
    stat("r2adj", r.rsquared.adjusted);
  } else {
    stat("r2within", r.rsquared.within);
    stat("r2between", r.rsquared.between);
    stat("r2overall", r.rsquared.overall);
    if (r.model === "fe") stat("r2lsdv", r.rsquared.lsdv);
  }
  if (r.modelTest) {
    if (r.modelTest.dist === "F") {
      stat("F", r.modelTest.value);
      stat("Fp", r.modelTest.p);
    } else {
      stat("chi2", r.modelTest.value);
      stat("chi2p", r.modelTest.p);
    }
  }
  if (r.effectsTest) {
    stat("Fu", r.effectsTest.value);
    stat("Fup", r.effectsTest.p);
  }
  stat("sigmaU", r.sigmaU);
  stat("sigmaE", r.sigmaE);
  stat("rho", r.rho);
  if (typeof r.theta === "number") stat("theta", r.theta);
  else if (r.theta) stat("theta", `${r.theta.min.toFixed(4)}–${r.theta.max.toFixed(4)}`);
  const wildNotes = w ? [wildNote(w, lang, false), ...(lang === "zh" ? w.notesZh : w.notes).slice(1)] : [];
  return { header, body, notes: [...describeVcov(r, lang), ...wildNotes, ...(lang === "zh" ? r.notesZh : r.notes)] };
}

function describeVcov(r: PanelResult, lang: Lang): string[] {
  const model = { pooled: { en: "Pooled OLS", zh: "混合 OLS" }, fe: { en: "Fixed effects", zh: "固定效应" }, re: { en: "Random effects (Swamy–Arora)", zh: "随机效应（Swamy–Arora）" } }[r.model][lang];
  const eff = r.model !== "fe" ? "" : { individual: { en: " (entity)", zh: "（个体）" }, time: { en: " (time)", zh: "（时间）" }, twoways: { en: " (entity and time)", zh: "（个体与时间）" } }[r.effect][lang];
  const se =
    r.vcov === "classical" ? { en: "classical SEs", zh: "普通标准误" }[lang]
    : r.vcov === "robust" ? { en: "robust (HC1) SEs", zh: "稳健（HC1）标准误" }[lang]
    : { en: `SEs clustered by ${r.cluster} (${r.nclusters} clusters, ${r.clusterAdjustment} small-sample factor)`, zh: `按 ${r.cluster} 聚类的标准误（${r.nclusters} 个聚类，${r.clusterAdjustment} 小样本调整）` }[lang];
  const dist = r.pDistribution === "normal" ? "z" : r.pDistribution;
  return [lang === "zh" ? `${model}${eff}；${se}；p 值基于 ${dist}；* p<0.1, ** p<0.05, *** p<0.01` : `${model}${eff}; ${se}; p-values from ${dist}; * p<0.1, ** p<0.05, *** p<0.01`];
}

/** The spill of ECON.HAUSMAN. */
export function hausmanTable(h: HausmanResult, lang: Lang = "en"): TableModel {
  const body: TableCell[][] = [
    [cell(L.method[lang], "label"), cell(h.method === "classical" ? "Hausman (FE vs RE)" : "Mundlak (robust)", "stat")],
    [cell(L.hausChi2[lang], "label"), cell(Number.isFinite(h.chi2) ? h.chi2 : null, "stat")],
    [cell(L.df[lang], "label"), cell(h.df, "stat")],
    [cell(L.pval[lang], "label"), cell(Number.isFinite(h.p) ? h.p : null, "stat")],
  ];
  if (h.positiveDefinite !== undefined) body.push([cell(L.pd[lang], "label"), cell(h.positiveDefinite ? L.yes[lang] : L.no[lang], "stat")]);
  if (h.bDiff) for (const t of h.terms) body.push([cell(`${L.diff[lang]}: ${t}`, "label"), cell(h.bDiff[t], "stat")]);
  return { header: [headerRow([lang === "zh" ? "统计量" : "Statistic", lang === "zh" ? "值" : "Value"])], body, notes: lang === "zh" ? h.notesZh : h.notes };
}
