import { Lang } from "../core/errors";
import { CouplingResult } from "../core/regional/coupling";
import { COUPLING_LEVELS } from "../core/regional/coupling-levels";
import { couplingLevel } from "../core/regional/coupling-levels";
import { TopsisResult } from "../core/regional/topsis";
import { DagumResult, DagumYear } from "../core/regional/dagum-gini";
import { TheilResult } from "../core/regional/theil";
import { DensityResult } from "../core/regional/kernel-density";
import { TableModel, TableCell, cell, headerRow } from "./table-model";
import { regionalLabel as L } from "./regional-labels";

const timeCell = (t: number | null | undefined) => cell(t ?? null, "label");

/** One row per entity-year: C, T, D, level and its name. */
export function couplingTable(r: CouplingResult, lang: Lang = "en"): TableModel {
  return {
    header: [headerRow([L("entity", lang), L("year", lang), L("C", lang), L("T", lang), L("D", lang), L("level", lang), L("levelName", lang)])],
    body: r.rows.map((x) => [cell(x.id ?? null, "label"), timeCell(x.time), cell(x.C, "value", 4), cell(x.T, "value", 4), cell(x.D, "value", 4), cell(x.level, "value", 0), cell(COUPLING_LEVELS[x.level - 1][lang], "label")]),
    notes: [L("couplingNote", lang, { alpha: r.alpha.map((a) => +a.toFixed(4)).join(", ") }), ...(lang === "zh" ? r.notesZh : r.notes)],
  };
}

/**
 * The coupling-level distribution by region and year: per year and region (then all rows) the
 * number of entities, the mean D, the level of that mean, and how many entities fall in each
 * level (only the levels that occur). `regionOf` gives the region of an input row.
 */
export function couplingDistributionTable(r: CouplingResult, regionOf: (row: number) => string | null, regionOrder: readonly string[], lang: Lang = "en"): TableModel {
  const levels = [...new Set(r.rows.map((x) => x.level))].sort((a, b) => a - b);
  const times = [...new Set(r.rows.map((x) => x.time ?? null))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const present = new Set(r.rows.map((x) => regionOf(x.row)).filter((g): g is string => g !== null));
  const regions = [...regionOrder.filter((g) => present.has(g)), ...[...present].filter((g) => !regionOrder.includes(g))];
  const body: TableCell[][] = [];
  const rules: number[] = [];
  for (const t of times) {
    const inYear = r.rows.filter((x) => (x.time ?? null) === t);
    for (const g of [...regions, null]) {
      const rows = g === null ? inYear : inYear.filter((x) => regionOf(x.row) === g);
      if (rows.length === 0) continue;
      const mean = rows.reduce((s, x) => s + x.D, 0) / rows.length;
      body.push([
        cell(g === regions[0] || (regions.length === 0 && g === null) ? t : null, "label"), cell(g ?? L("national", lang), "label"), cell(rows.length, "value", 0),
        cell(mean, "value", 4), cell(COUPLING_LEVELS[couplingLevel(mean) - 1][lang], "label"),
        ...levels.map((k) => cell(rows.filter((x) => x.level === k).length, "value", 0)),
      ]);
    }
    rules.push(body.length - 1);
  }
  rules.pop();
  return {
    header: [headerRow([L("year", lang), L("group", lang), L("n", lang), L("meanD", lang), L("levelOfMean", lang), ...levels.map((k) => `${k} ${COUPLING_LEVELS[k - 1][lang]}`)])],
    body, rulesAfter: rules,
    notes: [L("couplingNote", lang, { alpha: r.alpha.map((a) => +a.toFixed(4)).join(", ") }), ...(lang === "zh" ? r.notesZh : r.notes)],
  };
}

/** One row per entity-year: D⁺, D⁻, closeness, rank within the year. */
export function topsisTable(r: TopsisResult, lang: Lang = "en"): TableModel {
  return {
    header: [headerRow([L("entity", lang), L("year", lang), L("dPlus", lang), L("dMinus", lang), L("closeness", lang), L("rank", lang)])],
    body: r.rows.map((x) => [cell(x.id ?? null, "label"), timeCell(x.time), cell(x.dPlus, "value", 4), cell(x.dMinus, "value", 4), cell(x.closeness, "value", 4), cell(x.rank, "value", 0)]),
    notes: [L("topsisNote", lang, { mode: r.entropy.mode }), ...(lang === "zh" ? r.notesZh : r.notes)],
  };
}

/** Pairs (a, b) of groups in result order, a before b; `between` keys put the higher mean first. */
export function groupPairs(groups: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let a = 0; a < groups.length; a++) for (let b = a + 1; b < groups.length; b++) out.push([groups[a], groups[b]]);
  return out;
}

/** G_jh of a pair whichever group has the higher mean that year (undefined when a group is absent). */
export function betweenOf(y: DagumYear, a: string, b: string): number | undefined {
  return y.between[`${a}|${b}`] ?? y.between[`${b}|${a}`];
}

const pct = (x: number | null) => cell(x === null ? null : 100 * x, "value", 2);

/**
 * The Dagum table as papers print it: per year the overall G, the within-group G of each group,
 * the between-group G of each pair and the contribution shares (%) of within, net between and
 * transvariation; two header rows.
 */
export function dagumTable(r: DagumResult, lang: Lang = "en"): TableModel {
  const pairs = groupPairs(r.groups);
  const top: TableCell[] = [cell("", "header"), cell("", "header"), ...r.groups.map((_, k) => cell(k === 0 ? L("within", lang) : "", "header")), ...pairs.map((_, k) => cell(k === 0 ? L("between", lang) : "", "header")), cell(L("shares", lang), "header"), cell("", "header"), cell("", "header")];
  const second = headerRow([L("year", lang), L("G", lang), ...r.groups, ...pairs.map(([a, b]) => `${a}–${b}`), L("Gw", lang), L("Gnb", lang), L("Gt", lang)]);
  return {
    header: [top, second],
    body: r.years.map((y) => [
      timeCell(y.time), cell(y.G, "value", 4),
      ...r.groups.map((g) => cell(y.within[g] ?? null, "value", 4)),
      ...pairs.map(([a, b]) => cell(betweenOf(y, a, b) ?? null, "value", 4)),
      pct(y.shares.Gw), pct(y.shares.Gnb), pct(y.shares.Gt),
    ]),
    notes: [L("dagumNote", lang, { variable: r.variable }), ...(lang === "zh" ? r.notesZh : r.notes)],
  };
}

/** Per year: Theil T, its within and between parts and their shares (%). */
export function theilTable(r: TheilResult, lang: Lang = "en"): TableModel {
  return {
    header: [headerRow([L("year", lang), L("theilTotal", lang), L("theilWithin", lang), L("theilBetween", lang), L("theilWithinShare", lang), L("theilBetweenShare", lang)])],
    body: r.years.map((y) => [timeCell(y.time), cell(y.total, "value", 4), cell(y.within ?? null, "value", 4), cell(y.between ?? null, "value", 4), pct(y.shares?.within ?? null), pct(y.shares?.between ?? null)]),
    notes: lang === "zh" ? r.notesZh : r.notes,
  };
}

/** The density curves side by side: for each year its grid x and f(x); the bandwidths in the notes. */
export function densityTable(r: DensityResult, lang: Lang = "en"): TableModel {
  const points = r.years[0]?.x.length ?? 0;
  const name = (t: number | null) => (t === null ? "" : `${t} `);
  return {
    header: [headerRow(r.years.flatMap((y) => [`${name(y.time)}${L("x", lang)}`, `${name(y.time)}${L("density", lang)}`]))],
    body: Array.from({ length: points }, (_, k) => r.years.flatMap((y) => [cell(y.x[k]), cell(y.y[k])])),
    notes: [
      L("densityNote", lang, { points }),
      `${L("bandwidth", lang)}${lang === "zh" ? "：" : ": "}${r.years.map((y) => `${y.time ?? ""} h = ${Number(y.bandwidth.toPrecision(6))} (n = ${y.n})`).join("; ")}`,
      ...(lang === "zh" ? r.notesZh : r.notes),
    ],
  };
}
