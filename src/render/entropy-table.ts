import { Lang } from "../core/errors";
import { EntropyResult, AboveMeanResult } from "../core/indices/entropy-index";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { entropyLabel as L } from "./entropy-labels";


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
  const dir = (n: string) => (r.directions[n] === "negative" ? L("neg", lang) : L("pos", lang));
  const blocks = r.periods.length > 0 ? r.periods : [{ label: L("w", lang), weights: r.weights, groups: r.groups }];
  const notes = lang === "zh" ? r.notesZh : r.notes;
  if (!r.groups) {
    if (r.periods.length === 0) {
      return {
        header: [headerRow([L("indicator", lang), L("direction", lang), L("e", lang), L("d", lang), L("w", lang)])],
        body: r.indicators.map((n) => [cell(n, "label"), cell(dir(n)), cell(r.entropy[n]), cell(r.redundancy[n]), cell(r.weights[n])]),
        notes,
      };
    }
    return {
      header: [headerRow([L("indicator", lang), L("direction", lang), ...blocks.map((b) => b.label)])],
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
  return { header: [headerRow([L("level1", lang), L("level2", lang), L("level3", lang), L("direction", lang), ...blocks.map((b) => b.label)])], body, notes };
}

/** Level-2 group of an indicator (carried on the result when groups are given). */
function groupOf(r: EntropyResult, indicator: string): string | undefined {
  return r.indicatorGroups?.[indicator];
}

/**
 * One score per input row (header "Score"), blank for rows not scored. With `subindices` and
 * level-2 groups, one more column per group holding its sub-index (they add up to the score).
 */
export function entropyScoreColumn(r: EntropyResult, lang: Lang = "en", subindices = false): TableModel {
  const groups = subindices && r.groupScores ? Object.keys(r.groupScores) : [];
  return {
    header: [headerRow([L("score", lang), ...groups])],
    body: r.scores.map((s, i) => [cell(s), ...groups.map((g) => cell(r.groupScores![g][i]))]),
    notes: [],
  };
}

/** Entities above the cross-section mean, per year, then those above it in every year. */
export function aboveMeanTable(a: AboveMeanResult, scoreOf: (year: number, entity: string) => number | undefined, lang: Lang = "en"): TableModel {
  const body: TableCell[][] = [];
  for (const y of a.years) for (const e of y.above) body.push([cell(y.time), cell(e, "label"), cell(scoreOf(y.time, e)), cell(y.mean)]);
  if (a.years.length > 1) for (const e of a.alwaysAbove) body.push([cell(L("every", lang)), cell(e, "label"), cell(null), cell(null)]);
  return { header: [headerRow([L("year", lang), L("entity", lang), L("score", lang), L("mean", lang)])], body, notes: [] };
}
