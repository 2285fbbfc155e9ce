import { Lang } from "../core/errors";
import { EntropyResult, AboveMeanResult } from "../core/indices/entropy-index";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { entropyLabel } from "./entropy-labels";

const PCT = { en: "Weight/%", zh: "权重/%" };
const PERIOD = { en: "Period", zh: "时期" };
const DIR = { en: "Direction", zh: "方向" };
const pct = (w: number | undefined): TableCell => cell(w === undefined || !Number.isFinite(w) ? null : w * 100, "value", 2);

function groupsOf(r: EntropyResult): string[] {
  if (r.groups) return Object.keys(r.groups);
  return [""];
}

function members(r: EntropyResult, g: string): string[] {
  return r.groups ? r.indicators.filter((i) => r.indicatorGroups?.[i] === g) : r.indicators;
}

/**
 * The paper's Table 1: 一级指标 | 二级指标 | 权重/% | 时期 | 权重/% | 三级指标 | one weight column per
 * period. Each level-2 group takes as many rows as it has periods or indicators (whichever is
 * more): its pooled weight, then its weight in each period beside the level-3 indicators and their
 * weights per period. Weights are percentages (numbers, two decimals).
 */
export function weightsByPeriodTable(pooled: EntropyResult, byPeriod: EntropyResult, level1: string, lang: Lang = "en"): TableModel {
  const periods = byPeriod.periods;
  const body: TableCell[][] = [];
  const rulesAfter: number[] = [];
  groupsOf(pooled).forEach((g, gi) => {
    const inds = members(pooled, g);
    const rows = Math.max(periods.length, inds.length);
    for (let i = 0; i < rows; i++) {
      const p = periods[i];
      const ind = inds[i];
      body.push([
        cell(gi === 0 && i === 0 ? level1 : "", "label"),
        cell(i === 0 ? g : "", "label"),
        i === 0 ? pct(pooled.groups?.[g] ?? 1) : cell(null),
        cell(p ? p.label : "", "label"),
        p ? pct(p.groups?.[g] ?? 1) : cell(null),
        cell(ind ?? "", "label"),
        ...periods.map((q) => (ind ? pct(q.weights[ind]) : cell(null))),
      ]);
    }
    rulesAfter.push(body.length - 1);
  });
  rulesAfter.pop();
  return {
    header: [headerRow([entropyLabel("level1", lang), entropyLabel("level2", lang), PCT[lang], PERIOD[lang], PCT[lang], entropyLabel("level3", lang), ...periods.map((p) => p.label)])],
    body,
    notes: notesOf(byPeriod, lang),
  };
}

/** The pooled weights in the same style: 一级指标 | 二级指标 | 权重/% | 三级指标 | 方向 | 权重/%. */
export function pooledWeightsTable(r: EntropyResult, level1: string, lang: Lang = "en"): TableModel {
  const body: TableCell[][] = [];
  const dir = (n: string) => entropyLabel(r.directions[n] === "negative" ? "neg" : "pos", lang);
  groupsOf(r).forEach((g, gi) => {
    members(r, g).forEach((ind, i) => {
      body.push([
        cell(gi === 0 && i === 0 ? level1 : "", "label"),
        cell(i === 0 ? g : "", "label"),
        i === 0 ? pct(r.groups?.[g] ?? 1) : cell(null),
        cell(ind, "label"),
        cell(dir(ind), "label"),
        pct(r.weights[ind]),
      ]);
    });
  });
  return {
    header: [headerRow([entropyLabel("level1", lang), entropyLabel("level2", lang), PCT[lang], entropyLabel("level3", lang), DIR[lang], PCT[lang]])],
    body,
    notes: notesOf(r, lang),
  };
}

/** The index's notes, without the ones that report nothing ("0 missing values interpolated"). */
function notesOf(r: EntropyResult, lang: Lang): string[] {
  return (lang === "zh" ? r.notesZh : r.notes).filter((n) => !/^0 (个|missing)/.test(n));
}

/**
 * Scores as the yearbook lays them out: one row per province, one column per year, scores with
 * three decimals, and a national-mean row (the unweighted mean of the provinces scored that year).
 */
export function scoresGridTable(ids: readonly string[], years: readonly number[], scoreOf: (id: string, year: number) => number | undefined, lang: Lang = "en", meanLabel = lang === "zh" ? "全国均值" : "National mean"): TableModel {
  const body: TableCell[][] = ids.map((id) => [cell(id, "label"), ...years.map((t) => cell(scoreOf(id, t) ?? null, "value", 3))]);
  const means = years.map((t) => {
    const v = ids.map((id) => scoreOf(id, t)).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  });
  body.push([cell(meanLabel, "label"), ...means.map((m) => cell(m, "value", 3))]);
  return {
    header: [headerRow([entropyLabel("entity", lang), ...years.map(String)])],
    body,
    notes: [],
    rulesAfter: [ids.length - 1],
  };
}

/**
 * Provinces above the national mean: one row per year (year, mean, count, the provinces joined by
 * "、"), then the provinces above the mean in every year.
 */
export function aboveMeanByYearTable(a: AboveMeanResult, lang: Lang = "en"): TableModel {
  const join = lang === "zh" ? "、" : ", ";
  const L = {
    year: { en: "Year", zh: "年份" }, mean: { en: "National mean", zh: "全国均值" }, count: { en: "Count", zh: "个数" }, list: { en: "Provinces above the mean", zh: "高于均值的地区" },
  };
  const body: TableCell[][] = a.years.map((y) => [cell(String(y.time), "label"), cell(y.mean, "value", 3), cell(y.above.length, "value", 0), cell(y.above.join(join), "label")]);
  const rulesAfter: number[] = [];
  if (a.years.length > 1) {
    rulesAfter.push(body.length - 1);
    body.push([cell(entropyLabel("every", lang), "label"), cell(null), cell(a.alwaysAbove.length, "value", 0), cell(a.alwaysAbove.join(join), "label")]);
  }
  return { header: [headerRow([L.year[lang], L.mean[lang], L.count[lang], L.list[lang]])], body, notes: [], rulesAfter };
}
