import { Lang } from "../core/errors";
import { DidResult, PlaceboResult } from "../core/did/did";
import { EventStudyResult } from "../core/did/event-study";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { regressionTable } from "./regression-table";
import { panelColumn } from "./panel-columns";
import { fillTemplate } from "./template";
import { pushAll } from "../core/data/extent";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { wildNote } from "./wild-labels";

const T = {
  stat: { en: "Statistic", zh: "统计量" },
  value: { en: "Value", zh: "值" },
  est: { en: "DID estimate", zh: "DID 估计值" },
  se: { en: "Std. err. (clustered)", zh: "标准误（聚类）" },
  p: { en: "p-value", zh: "p 值" },
  lo: { en: "CI low", zh: "置信区间下限" },
  hi: { en: "CI high", zh: "置信区间上限" },
  n: { en: "N", zh: "样本量" },
  groups: { en: "Groups", zh: "个体数" },
  cohorts: { en: "Treatment cohorts", zh: "处理批次" },
  means: { en: "Mean of y", zh: "y 的均值" },
  before: { en: "Before", zh: "处理前" },
  after: { en: "After", zh: "处理后" },
  diff: { en: "Difference", zh: "差值" },
  treated: { en: "Treated", zh: "处理组" },
  control: { en: "Control", zh: "对照组" },
  dd: { en: "Difference-in-differences", zh: "双重差分" },
  rel: { en: "Relative time", zh: "相对时间" },
  twfe: { en: "TWFE", zh: "TWFE" },
  sa: { en: "Sun–Abraham", zh: "Sun–Abraham" },
  pre: { en: "Pre-trend test (leads = 0)", zh: "平行趋势检验（前置期系数 = 0）" },
  placebo: { en: "Placebo permutations", zh: "安慰剂置换次数" },
  placeboP: { en: "Randomization p (two-sided)", zh: "随机化 p 值（双侧）" },
  placeboMean: { en: "Placebo mean", zh: "安慰剂均值" },
  placeboSd: { en: "Placebo SD", zh: "安慰剂标准差" },
  treatPost: { en: "Treated × Post", zh: "处理组 × 政策后" },
  wildP: { en: "Wild cluster bootstrap p", zh: "Wild cluster bootstrap p 值" },
  wildLo: { en: "Wild bootstrap CI low", zh: "Wild bootstrap 置信区间下限" },
  wildHi: { en: "Wild bootstrap CI high", zh: "Wild bootstrap 置信区间上限" },
  placeboTitle: { en: "Placebo test (random reassignment of treatment)", zh: "安慰剂检验（随机分配处理）" },
  placeboNote: { en: "Treatment paths permuted across entities (seed {seed}; {failed} failed); p = share of placebo estimates at least as large in absolute value, (1 + count)/(1 + N).", zh: "在个体间随机置换处理路径（种子 {seed}；失败 {failed} 次）；p = 绝对值不小于真实估计值的安慰剂估计比例，(1 + 个数)/(1 + N)。" },
  didTitle: { en: "Difference-in-differences: {y}", zh: "双重差分估计：{y}" },
  meansTitle: { en: "Mean of {y} by group and period", zh: "{y} 的分组均值" },
  meansNote: { en: "\"After\" is t ≥ the first treated year ({cut} for the control group). The difference-in-differences of means equals the DID coefficient only without controls in the 2×2 design.", zh: "“处理后”指 t ≥ 首次处理年份（对照组为 {cut}）。仅在无控制变量的 2×2 设计中，均值的双重差分等于 DID 系数。" },
} as const;


/** The ECON.DID spill: estimate, inference, sample, then the 2×2 table of means. */
export function didTable(r: DidResult, lang: Lang = "en", pl?: PlaceboResult, wild?: WildBootstrapResult): TableModel {
  const row = (k: keyof typeof T, v: number | string | undefined): TableCell[] => [cell(T[k][lang], "label"), cell(v ?? null, "stat"), cell(null), cell(null)];
  const m = r.means;
  const body: TableCell[][] = [
    row("est", r.estimate), row("se", r.se), row("p", r.p), row("lo", r.confInt[0]), row("hi", r.confInt[1]),
    row("n", r.model.nobs), row("groups", r.model.ngroups), row("cohorts", r.cohorts.join(", ")),
    [cell(T.means[lang], "label"), cell(T.before[lang], "header"), cell(T.after[lang], "header"), cell(T.diff[lang], "header")],
    [cell(T.treated[lang], "label"), cell(m.treatedBefore), cell(m.treatedAfter), cell(m.treatedAfter - m.treatedBefore)],
    [cell(T.control[lang], "label"), cell(m.controlBefore), cell(m.controlAfter), cell(m.controlAfter - m.controlBefore)],
    [cell(T.dd[lang], "label"), cell(null), cell(null), cell(m.diffInDiff)],
  ];
  if (pl) body.push(row("placebo", pl.permutations), row("placeboP", pl.pTwoSided), row("placeboMean", pl.mean), row("placeboSd", pl.sd));
  const w = wild?.terms[r.term];
  if (w) body.splice(5, 0, row("wildP", w.p), row("wildLo", w.confInt[0] ?? undefined), row("wildHi", w.confInt[1] ?? undefined));
  const wildNotes = wild ? [wildNote(wild, lang, false, false), ...(lang === "zh" ? wild.notesZh : wild.notes).slice(1)] : [];
  return { header: [headerRow([T.stat[lang], T.value[lang], "", ""])], body, notes: [...wildNotes, ...(lang === "zh" ? r.model.notesZh : r.model.notes), ...(lang === "zh" ? r.notesZh : r.notes)] };
}

/** The ECON.EVENTSTUDY spill: one row per relative time, TWFE beside Sun–Abraham. */
export function eventStudyTable(r: EventStudyResult, lang: Lang = "en"): TableModel {
  const sa = r.sunAbraham;
  const coef = lang === "zh" ? "系数" : "coef";
  const se = lang === "zh" ? "标准误" : "SE";
  const head = [T.rel[lang], `${T.twfe[lang]} ${coef}`, se, T.lo[lang], T.hi[lang], ...(sa ? [`${T.sa[lang]} ${coef}`, se, T.lo[lang], T.hi[lang]] : [])];
  const body: TableCell[][] = r.twfe.map((c) => {
    const s = sa?.find((x) => x.rel === c.rel);
    return [cell(c.rel), cell(c.estimate), cell(c.se), cell(c.ciLow), cell(c.ciHigh), ...(sa ? [cell(s?.estimate ?? null), cell(s?.se ?? null), cell(s?.ciLow ?? null), cell(s?.ciHigh ?? null)] : [])];
  });
  const notes: string[] = [];
  const fmt = (w?: { F: number; df1: number; df2: number; pF: number }) => (w ? `F(${w.df1}, ${w.df2}) = ${w.F.toFixed(3)}, p = ${w.pF.toFixed(3)}` : "n/a");
  notes.push(`${T.pre[lang]}: ${T.twfe[lang]} ${fmt(r.preTrend)}${sa ? `; ${T.sa[lang]} ${fmt(r.sunAbrahamPreTrend)}` : ""}`);
  notes.push(lang === "zh" ? `参照期系数为 0；端点分箱；对照组：${r.controlGroup === "never-treated" ? "从未处理个体" : "最晚处理批次"}` : `Reference period fixed at 0; endpoints binned; controls: ${r.controlGroup} units`);
  pushAll(notes, lang === "zh" ? r.notesZh : r.notes);
  return { header: [headerRow(head)], body, notes };
}

/**
 * The paper's DID table: one column per specification (typically without and with controls),
 * the treated × post coefficient first, entity and year FE rows, N, within R², clustered SEs.
 */
export function didRegressionTable(results: readonly DidResult[], y: string, lang: Lang = "en", renameTerms: Readonly<Record<string, string>> = {}, wild: readonly (WildBootstrapResult | undefined)[] = []): TableModel {
  const rename: Record<string, string> = { ...renameTerms };
  for (const r of results) if (r.term === "treat_post" && !(r.term in renameTerms)) rename[r.term] = T.treatPost[lang];
  const notes = [...new Set(results.flatMap((r) => (lang === "zh" ? r.notesZh : r.notes)))];
  return regressionTable(results.map((r, i) => panelColumn(r.model, undefined, undefined, wild[i])), { lang, title: fillTemplate(T.didTitle[lang], { y }), rename, depVarLabel: y, notes });
}

/** The 2×2 table of group means a reader checks by eye, with its difference-in-differences. */
export function didMeansTable(r: DidResult, y: string, lang: Lang = "en"): TableModel {
  const m = r.means;
  const body: TableCell[][] = [
    [cell(T.treated[lang], "label"), cell(m.treatedBefore, "value", 4), cell(m.treatedAfter, "value", 4), cell(m.treatedAfter - m.treatedBefore, "value", 4)],
    [cell(T.control[lang], "label"), cell(m.controlBefore, "value", 4), cell(m.controlAfter, "value", 4), cell(m.controlAfter - m.controlBefore, "value", 4)],
    [cell(T.dd[lang], "label"), cell(null), cell(null), cell(m.diffInDiff, "value", 4)],
  ];
  return {
    title: fillTemplate(T.meansTitle[lang], { y }),
    header: [headerRow(["", T.before[lang], T.after[lang], T.diff[lang]])],
    body,
    rulesAfter: [1],
    notes: [fillTemplate(T.meansNote[lang], { cut: m.cut })],
  };
}

/** Where the real DID estimate falls among the placebo estimates (randomization inference). */
export function placeboSummaryTable(pl: PlaceboResult, lang: Lang = "en"): TableModel {
  const row = (k: keyof typeof T, v: number, digits?: number): TableCell[] => [cell(T[k][lang], "label"), cell(v, "stat", digits)];
  return {
    title: T.placeboTitle[lang],
    header: [headerRow([T.stat[lang], T.value[lang]])],
    body: [row("est", pl.estimate, 4), row("placebo", pl.permutations), row("placeboMean", pl.mean, 4), row("placeboSd", pl.sd, 4), row("placeboP", pl.pTwoSided, 3)],
    notes: [fillTemplate(T.placeboNote[lang], { seed: pl.seed, failed: pl.failed })],
  };
}
