import { Lang } from "../core/errors";
import { EntropyResult, AboveMeanResult } from "../core/indices/entropy-index";
import { TableModel, TableCell, cell, headerRow } from "./table-model";

const T = {
  indicator: { en: "Indicator", zh: "指标" },
  direction: { en: "Direction", zh: "方向" },
  e: { en: "Entropy e", zh: "信息熵 e" },
  d: { en: "Redundancy d", zh: "冗余度 d" },
  w: { en: "Weight w", zh: "权重 w" },
  level1: { en: "Level 1", zh: "一级指标" },
  level2: { en: "Level 2", zh: "二级指标" },
  level3: { en: "Level 3", zh: "三级指标" },
  pos: { en: "+", zh: "正向" },
  neg: { en: "−", zh: "负向" },
  score: { en: "Score", zh: "得分" },
  year: { en: "Year", zh: "年份" },
  entity: { en: "Entity", zh: "地区" },
  mean: { en: "Year mean", zh: "当年均值" },
  every: { en: "Every year", zh: "各年均高于均值" },
} as const;

export interface EntropyTableOptions {
  lang?: Lang;
  /** Name of the level-1 index, shown in the first column of the hierarchy layout. */
  level1?: string;
}

/**
 * The weights table. Without periods: indicator, direction, e, d, w. With per-year or
 * sub-period weights: one weight column per period. With level-2 groups: the paper's Table 1
 * layout (level 1 | level 2 with its weight | level 3 with its weight per period).
 */
export function entropyWeightsTable(r: EntropyResult, options: EntropyTableOptions = {}): TableModel {
  const lang = options.lang ?? "en";
  const dir = (n: string) => (r.directions[n] === "negative" ? T.neg[lang] : T.pos[lang]);
  const blocks = r.periods.length > 0 ? r.periods : [{ label: T.w[lang], weights: r.weights, groups: r.groups }];
  const notes = lang === "zh" ? r.notesZh : r.notes;
  if (!r.groups) {
    if (r.periods.length === 0) {
      return {
        header: [headerRow([T.indicator[lang], T.direction[lang], T.e[lang], T.d[lang], T.w[lang]])],
        body: r.indicators.map((n) => [cell(n, "label"), cell(dir(n)), cell(r.entropy[n]), cell(r.redundancy[n]), cell(r.weights[n])]),
        notes,
      };
    }
    return {
      header: [headerRow([T.indicator[lang], T.direction[lang], ...blocks.map((b) => b.label)])],
      body: r.indicators.map((n) => [cell(n, "label"), cell(dir(n)), ...blocks.map((b) => cell(b.weights[n]))]),
      notes,
    };
  }
  const body: TableCell[][] = [];
  const groups = Object.keys(r.groups);
  groups.forEach((g, gi) => {
    body.push([cell(gi === 0 ? options.level1 ?? "" : "", "label"), cell(g, "label"), cell(""), cell(""), ...blocks.map((b) => cell(b.groups?.[g]))]);
    for (const n of r.indicators.filter((i) => groupOf(r, i) === g)) body.push([cell(""), cell(""), cell(n, "label"), cell(dir(n)), ...blocks.map((b) => cell(b.weights[n]))]);
  });
  return { header: [headerRow([T.level1[lang], T.level2[lang], T.level3[lang], T.direction[lang], ...blocks.map((b) => b.label)])], body, notes };
}

function groupOf(r: EntropyResult, indicator: string): string | undefined {
  // A row's group: the group whose sub-index score is non-null with this indicator's weight; carried on the result.
  return r.indicatorGroups?.[indicator];
}

/** One score per input row (header "Score"), blank for rows not scored. */
export function entropyScoreColumn(r: EntropyResult, lang: Lang = "en"): TableModel {
  return { header: [headerRow([T.score[lang]])], body: r.scores.map((s) => [cell(s)]), notes: [] };
}

/** Entities above the cross-section mean, per year, then those above it in every year. */
export function aboveMeanTable(a: AboveMeanResult, scoreOf: (year: number, entity: string) => number | undefined, lang: Lang = "en"): TableModel {
  const body: TableCell[][] = [];
  for (const y of a.years) for (const e of y.above) body.push([cell(y.time), cell(e, "label"), cell(scoreOf(y.time, e)), cell(y.mean)]);
  if (a.years.length > 1) for (const e of a.alwaysAbove) body.push([cell(T.every[lang]), cell(e, "label"), cell(null), cell(null)]);
  return { header: [headerRow([T.year[lang], T.entity[lang], T.score[lang], T.mean[lang]])], body, notes: [] };
}
