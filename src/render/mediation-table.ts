import { Lang } from "../core/errors";
import { MediationResult, Path } from "../core/mediation/mediation";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { fixed } from "./format";
import { regressionTable, RegressionTableOptions } from "./regression-table";
import { panelColumn } from "./panel-columns";

const L = {
  quantity: { en: "Effect", zh: "效应" },
  c: { en: "Total effect c (X → Y)", zh: "总效应 c（X → Y）" },
  a: { en: "a (X → M)", zh: "a（X → M）" },
  b: { en: "b (M → Y | X)", zh: "b（M → Y | X）" },
  cp: { en: "Direct effect c′", zh: "直接效应 c′" },
  ab: { en: "Indirect effect a·b", zh: "间接效应 a·b" },
  sobelSe: { en: "Sobel SE", zh: "Sobel 标准误" },
  sobelZ: { en: "Sobel z", zh: "Sobel z 值" },
  sobelP: { en: "Sobel p", zh: "Sobel p 值" },
  aroianZ: { en: "Aroian z", zh: "Aroian z 值" },
  aroianP: { en: "Aroian p", zh: "Aroian p 值" },
  pctLo: { en: "Bootstrap CI low (percentile)", zh: "Bootstrap 置信区间下限（百分位）" },
  pctHi: { en: "Bootstrap CI high (percentile)", zh: "Bootstrap 置信区间上限（百分位）" },
  bcLo: { en: "Bootstrap CI low (bias-corrected)", zh: "Bootstrap 置信区间下限（偏差校正）" },
  bcHi: { en: "Bootstrap CI high (bias-corrected)", zh: "Bootstrap 置信区间上限（偏差校正）" },
  reps: { en: "Bootstrap replications (failed)", zh: "Bootstrap 次数（失败）" },
  prop: { en: "Proportion mediated a·b/c", zh: "中介效应占比 a·b/c" },
  n: { en: "N", zh: "样本量" },
  groups: { en: "Groups", zh: "个体数" },
} as const;

/**
 * The ECON.MEDIATION spill: one column per mediator; each path as "coef***" over "(SE)";
 * indirect effect with Sobel / Aroian tests and bootstrap intervals; proportion mediated.
 */
export function mediationSummaryTable(r: MediationResult, lang: Lang = "en", digits = 3): TableModel {
  const ms = r.mediators;
  const body: TableCell[][] = [];
  const pathRows = (key: keyof typeof L, get: (i: number) => Path | undefined) => {
    if (ms.every((_, i) => !get(i))) return;
    body.push([cell(L[key][lang], "label"), ...ms.map((_, i) => { const p = get(i); return cell(p ? fixed(p.estimate, digits) + p.stars : null, "coef"); })]);
    body.push([cell("", "label"), ...ms.map((_, i) => { const p = get(i); return cell(p ? `(${fixed(p.se, digits)})` : null, "se"); })]);
  };
  const numRow = (key: keyof typeof L, get: (i: number) => number | string | undefined) => {
    if (ms.every((_, i) => get(i) === undefined)) return;
    body.push([cell(L[key][lang], "label"), ...ms.map((_, i) => cell(get(i) ?? null, "stat"))]);
  };
  pathRows("c", (i) => ms[i].total);
  pathRows("a", (i) => ms[i].a);
  pathRows("b", (i) => ms[i].b);
  pathRows("cp", (i) => ms[i].direct);
  numRow("ab", (i) => ms[i].indirect?.estimate);
  numRow("sobelSe", (i) => ms[i].indirect?.sobelSe);
  numRow("sobelZ", (i) => ms[i].indirect?.sobelZ);
  numRow("sobelP", (i) => ms[i].indirect?.sobelP);
  numRow("aroianZ", (i) => ms[i].indirect?.aroianZ);
  numRow("aroianP", (i) => ms[i].indirect?.aroianP);
  numRow("pctLo", (i) => ms[i].indirect?.bootCi?.percentile[0]);
  numRow("pctHi", (i) => ms[i].indirect?.bootCi?.percentile[1]);
  numRow("bcLo", (i) => ms[i].indirect?.bootCi?.biasCorrected[0]);
  numRow("bcHi", (i) => ms[i].indirect?.bootCi?.biasCorrected[1]);
  numRow("reps", (i) => (ms[i].indirect?.replications !== undefined ? `${ms[i].indirect!.replications} (${ms[i].indirect!.failed})` : undefined));
  numRow("prop", (i) => ms[i].proportionMediated);
  numRow("n", (i) => ms[i].nobs);
  numRow("groups", (i) => ms[i].ngroups);
  const se = r.vcov === "cluster" ? (lang === "zh" ? "聚类稳健标准误" : "cluster-robust SEs") : r.vcov === "robust" ? (lang === "zh" ? "稳健标准误" : "robust SEs") : lang === "zh" ? "普通标准误" : "classical SEs";
  const head = lang === "zh" ? `X = ${r.x}，Y = ${r.y}；括号内为${se}；* p<0.1, ** p<0.05, *** p<0.01` : `X = ${r.x}, Y = ${r.y}; ${se} in parentheses; * p<0.1, ** p<0.05, *** p<0.01`;
  const notes = [head, ...ms.flatMap((m) => (lang === "zh" ? m.notesZh : m.notes).map((n) => `${m.mediator}: ${n}`))];
  return { header: [headerRow([L.quantity[lang], ...ms.map((m) => `M = ${m.mediator}`)])], body, notes };
}

/** The three Baron–Kenny equations per mediator as regression-table columns (the paper's Table 6). */
export function mediationRegressionTable(r: MediationResult, options: RegressionTableOptions = {}): TableModel {
  const cols = r.mediators.flatMap((m) => [
    ...(m.models.total ? [panelColumn(m.models.total, r.y)] : []),
    panelColumn(m.models.a, m.mediator),
    ...(m.models.b ? [panelColumn(m.models.b, r.y)] : []),
  ]);
  return regressionTable(cols, { ...options, terms: options.terms ?? [r.x, ...r.mediators.map((m) => m.mediator), ...r.controls, "_cons"] });
}
