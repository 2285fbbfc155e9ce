import { Lang } from "../core/errors";
import { MediationResult, Path } from "../core/mediation/mediation";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { fixed, pText } from "./format";
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
export function mediationSummaryTable(r: MediationResult, lang: Lang = "en", digits = 3, labels?: Readonly<Record<string, string>>): TableModel {
  const lb = (v: string) => labels?.[v] ?? v;
  const ms = r.mediators;
  const body: TableCell[][] = [];
  const pathRows = (key: keyof typeof L, get: (i: number) => Path | undefined) => {
    if (ms.every((_, i) => !get(i))) return;
    body.push([cell(L[key][lang], "label"), ...ms.map((_, i) => { const p = get(i); return cell(p ? fixed(p.estimate, digits) + p.stars : null, "coef"); })]);
    body.push([cell("", "label"), ...ms.map((_, i) => { const p = get(i); return cell(p ? `(${fixed(p.se, digits)})` : null, "se"); })]);
  };
  const numRow = (key: keyof typeof L, get: (i: number) => number | string | undefined) => {
    if (ms.every((_, i) => get(i) === undefined)) return;
    body.push([cell(L[key][lang], "label"), ...ms.map((_, i) => { const v = get(i); return cell(v ?? null, "stat", typeof v === "number" ? (Number.isInteger(v) ? 0 : digits) : undefined); })]);
  };
  pathRows("c", (i) => ms[i].total);
  pathRows("a", (i) => ms[i].a);
  pathRows("b", (i) => ms[i].b);
  pathRows("cp", (i) => ms[i].direct);
  numRow("ab", (i) => ms[i].indirect?.estimate);
  numRow("sobelSe", (i) => ms[i].indirect?.sobelSe);
  numRow("sobelZ", (i) => ms[i].indirect?.sobelZ);
  numRow("sobelP", (i) => (labels && ms[i].indirect ? pText(ms[i].indirect!.sobelP) : ms[i].indirect?.sobelP));
  numRow("aroianZ", (i) => ms[i].indirect?.aroianZ);
  numRow("aroianP", (i) => (labels && ms[i].indirect ? pText(ms[i].indirect!.aroianP) : ms[i].indirect?.aroianP));
  numRow("pctLo", (i) => ms[i].indirect?.bootCi?.percentile[0]);
  numRow("pctHi", (i) => ms[i].indirect?.bootCi?.percentile[1]);
  numRow("bcLo", (i) => ms[i].indirect?.bootCi?.biasCorrected[0]);
  numRow("bcHi", (i) => ms[i].indirect?.bootCi?.biasCorrected[1]);
  numRow("reps", (i) => (ms[i].indirect?.replications !== undefined ? `${ms[i].indirect!.replications} (${ms[i].indirect!.failed})` : undefined));
  numRow("prop", (i) => ms[i].proportionMediated);
  numRow("n", (i) => ms[i].nobs);
  numRow("groups", (i) => ms[i].ngroups);
  const se = r.vcov === "cluster" ? (lang === "zh" ? "聚类稳健标准误" : "cluster-robust SEs") : r.vcov === "robust" ? (lang === "zh" ? "稳健标准误" : "robust SEs") : lang === "zh" ? "普通标准误" : "classical SEs";
  const head = lang === "zh" ? `X = ${lb(r.x)}，Y = ${lb(r.y)}；括号内为${se}；* p<0.1, ** p<0.05, *** p<0.01` : `X = ${lb(r.x)}, Y = ${lb(r.y)}; ${se} in parentheses; * p<0.1, ** p<0.05, *** p<0.01`;
  const notes = [head, ...ms.flatMap((m) => (lang === "zh" ? m.notesZh : m.notes).map((n) => `${lb(m.mediator)}${lang === "zh" ? "：" : ": "}${n}`))];
  return { header: [headerRow([L.quantity[lang], ...ms.map((m) => `M = ${lb(m.mediator)}`)])], body, notes };
}

/** The three Baron–Kenny equations per mediator as regression-table columns (the paper's Table 6). */
export function mediationRegressionTable(r: MediationResult, options: RegressionTableOptions = {}, clusterName?: { en: string; zh: string }): TableModel {
  // With a dependent-variable header row the equations are named there, not again as titles.
  const t = (name: string) => (options.depVarRow ? undefined : name);
  const cols = r.mediators.flatMap((m) => [
    ...(m.models.total ? [panelColumn(m.models.total, t(r.y), clusterName)] : []),
    panelColumn(m.models.a, t(m.mediator), clusterName),
    ...(m.models.b ? [panelColumn(m.models.b, t(r.y), clusterName)] : []),
  ]);
  return regressionTable(cols, { ...options, terms: options.terms ?? [r.x, ...r.mediators.map((m) => m.mediator), ...r.controls, "_cons"] });
}
