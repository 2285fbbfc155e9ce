import { Lang } from "../core/errors";
import { DescribeResult, VariableSummary } from "../core/descriptive/describe";
import { TableModel, cell, headerRow } from "./table-model";
import { label, LabelKey } from "./labels";

const BASE: (keyof VariableSummary & LabelKey)[] = ["n", "mean", "sd", "min", "max"];
const DETAIL: (keyof VariableSummary & LabelKey)[] = ["median", "p25", "p75", "skewness", "kurtosis"];
const PANEL: (keyof VariableSummary & LabelKey)[] = ["sdBetween", "sdWithin"];

/**
 * Descriptive statistics as a table (the paper's Table 4): one row per variable; optional
 * columns appear when any variable has them. A statistic that cannot be computed (SD of one
 * observation) is an empty cell, never NaN.
 */
export function describeTable(result: DescribeResult, lang: Lang = "en", labels: Readonly<Record<string, string>> = {}, digits?: number): TableModel {
  const cols = [...BASE];
  for (const k of [...DETAIL, ...PANEL]) if (result.variables.some((v) => v[k] !== undefined)) cols.push(k);
  return {
    header: [headerRow([label("variable", lang), ...cols.map((k) => label(k, lang))])],
    body: result.variables.map((v) => [cell(labels[v.name] ?? v.name, "label"), ...cols.map((k) => cell(v[k] as number | undefined, "value", digits === undefined ? undefined : k === "n" || k === "nMissing" ? 0 : digits))]),
    notes: lang === "zh" && result.notesZh ? result.notesZh : result.notes,
  };
}
