import { Lang } from "../core/errors";
import { Cell, parseNumberCell } from "../core/data/cells";
import { AnalysisRun, IndexRun } from "../core/spec/run-analysis";
import { TableModel, cell, headerRow } from "./table-model";
import { describeTable } from "./describe-table";
import { regressionTable } from "./regression-table";
import { panelColumn } from "./panel-columns";
import { mediationRegressionTable, mediationSummaryTable } from "./mediation-table";
import { pooledWeightsTable, weightsByPeriodTable, scoresGridTable, aboveMeanByYearTable } from "./weights-table";
import { tableLabel, columnTitle, termLabel, clusterName, VariableLabels } from "./table-labels";
import { fixed, pText } from "./format";
import { labelColumn } from "../core/data/data-table";
import { PanelResult } from "../core/results/panel-result";
import { didMeansTable, didRegressionTable, eventStudyTable, placeboSummaryTable } from "./did-table";
import { regionalTables } from "./regional-sheets";
import { pushAll } from "../core/data/extent";

export interface Sheet {
  /** Worksheet name (≤ 31 characters, unique, no []:*?/\). */
  name: string;
  /** Tables written one under the other. */
  tables: TableModel[];
  /** What the sheet holds: the tidy panel, an index's weights or scores, or a results table. */
  role?: "panel" | "index" | "table";
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 3)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The panel (with index scores) as one plain table; numbers read from text (CSV) become numbers. */
export function panelTable(run: AnalysisRun): TableModel {
  const value = (c: Cell): string | number | null => {
    if (c === undefined || c === null) return null;
    if (typeof c === "number") return c;
    const n = parseNumberCell(c);
    return typeof n === "number" ? n : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  };
  return { header: [headerRow([...run.panel.names])], body: run.panel.rows.map((r) => r.map((c) => cell(value(c)))), notes: [] };
}

/**
 * Every output of a run as sheets: the tidy panel with scores; per index its weights (the
 * paper's Table 1 layout, pooled and by sub-period, in %) and its scores (provinces × years with
 * a national-mean row, and the provinces above the mean year by year); then one sheet per table.
 * Variable labels (index display names, renames) name every variable in every table; the
 * runner's built-in column titles and region names follow the table's language.
 */
export function analysisSheets(run: AnalysisRun, lang: Lang = "en", options: PublicationOptions = {}): Sheet[] {
  const taken = new Set<string>();
  const labels = runLabels(run);
  const ids = labelColumn(run.panel, run.id);
  const sheets: Sheet[] = [{ name: sheetName(tableLabel("panelSheet", lang), taken), tables: [{ ...panelTable(run), data: true }], role: "panel" }];
  for (const ix of run.indices) pushAll(sheets, indexSheets(run, ix, lang, taken));
  for (const t of run.tables) {
    const tlang = t.spec.lang ?? lang;
    const tl: VariableLabels = { ...labels, ...(t.spec.rename ?? {}) };
    const cn = (r: PanelResult) => (r.cluster ? { en: clusterName(r.cluster, ids, tl, "en", run.id), zh: clusterName(r.cluster, ids, tl, "zh", run.id) } : undefined);
    const common = { lang: tlang, labels: tl, depVarRow: true, digits: options.digits, constant: options.constant };
    let tables: TableModel[];
    if (t.kind === "descriptive") tables = [describeTable(t.describe, tlang, tl, options.digits ?? 3)];
    else if (t.kind === "regression") {
      const title = (s: string) => columnTitle(s, tlang) ?? s;
      const diffNotes = (t.differences ?? []).map((d) =>
        tableLabel("groupDiff", tlang, { term: termLabel(d.term, tl, tlang), b: title(d.groupB), a: title(d.groupA), diff: fixed(d.difference, 3), se: fixed(d.se, 3), p: pText(d.p) }),
      );
      tables = [regressionTable(t.models.map((m, k) => panelColumn(m, columnTitle(t.titles[k], tlang), cn(m), t.wild?.[k])), { ...common, terms: "terms" in t.spec ? t.spec.terms : undefined, notes: diffNotes })];
    } else if (t.kind === "did") {
      const y = (t.spec as { y: string }).y;
      tables = [didRegressionTable(t.did, tl[y] ?? y, tlang, tl, t.wild), didMeansTable(t.did[t.did.length - 1], tl[y] ?? y, tlang)];
      if (t.eventStudy) tables.push({ ...eventStudyTable(t.eventStudy, tlang), title: tlang === "zh" ? "事件研究" : "Event study" });
      if (t.placebo) tables.push(placeboSummaryTable(t.placebo, tlang));
    } else if (t.kind === "coupling" || t.kind === "dagum" || t.kind === "density") {
      // Variable labels (index display names) in the titles, header cells and notes, as in every other table.
      tables = regionalTables(t, tlang).map((m) => ({
        ...m,
        title: m.title ? relabel(m.title, tl) : m.title,
        header: m.header.map((row) => row.map((c) => (typeof c.value === "string" ? { ...c, value: relabel(c.value, tl) } : c))),
      }));
    } else {
      const first = t.mediation.mediators[0]?.models.total ?? t.mediation.mediators[0]?.models.a;
      tables = [mediationRegressionTable(t.mediation, common, first ? cn(first) : undefined), mediationSummaryTable(t.mediation, tlang, options.digits ?? 3, tl)];
      tables[1].title = tableLabel("mediationTitle", tlang, { title: t.spec.title });
    }
    tables[0].title = t.spec.title;
    for (const m of tables) m.notes = m.notes.map((n) => relabel(n, tl));
    sheets.push({ name: sheetName(t.spec.title, taken), tables, role: "table" });
  }
  return sheets;
}

/**
 * A note with the variables' codes replaced by their labels ("fi、dig" → "要素创新、产业数字化"):
 * the estimators' notes name columns as the data do. Only codes that are identifiers (letters,
 * digits, _) are replaced, and only as whole words.
 */
export function relabel(note: string, labels: VariableLabels): string {
  let out = note;
  for (const [code, lab] of Object.entries(labels)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(code) || code === lab) continue;
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_])${code}(?![A-Za-z0-9_])`, "g"), lab);
  }
  return out;
}

/** Table options that hold across a workbook (the spec's `digits` and `constant`). */
export interface PublicationOptions {
  digits?: number;
  constant?: boolean;
}

/**
 * Display names of the run's variables: each index's label, then every table's renames (a
 * rename given in one table names the variable in all of them; a table's own renames win there).
 */
export function runLabels(run: AnalysisRun): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const ix of run.indices) if (ix.spec.label) labels[ix.spec.name] = ix.spec.label;
  for (const t of run.tables) for (const [k, v] of Object.entries(t.spec.rename ?? {})) if (!(k in labels)) labels[k] = v;
  return labels;
}

function indexSheets(run: AnalysisRun, ix: IndexRun, lang: Lang, taken: Set<string>): Sheet[] {
  const label = ix.spec.label ?? ix.spec.name;
  const pooled = pooledWeightsTable(ix.result, label, lang);
  pooled.title = tableLabel("weightsTitle", lang, { index: label });
  const weights = [pooled];
  if (ix.periods) {
    const byPeriod = weightsByPeriodTable(ix.result, ix.periods, label, lang);
    byPeriod.title = tableLabel("weightsByPeriodTitle", lang, { index: label });
    weights.push(byPeriod);
  }
  const out: Sheet[] = [{ name: sheetName(tableLabel("weightsSheet", lang, { index: label }), taken), tables: weights, role: "index" }];
  const idj = run.panel.names.indexOf(run.id), tj = run.panel.names.indexOf(run.time), sj = run.panel.names.indexOf(ix.spec.name);
  const scores = new Map<string, number>();
  const ids: string[] = [];
  const years = new Set<number>();
  for (const r of run.panel.rows) {
    const e = String(r[idj]);
    const t = Number(String(r[tj]).replace(/年$/, ""));
    if (!ids.includes(e)) ids.push(e);
    if (Number.isFinite(t)) years.add(t);
    if (typeof r[sj] === "number") scores.set(`${e}\u0000${t}`, r[sj] as number);
  }
  const grid = scoresGridTable(ids, [...years].sort((a, b) => a - b), (e, t) => scores.get(`${e}\u0000${t}`), lang, tableLabel("nationalMean", lang));
  grid.title = tableLabel("scoresTitle", lang, { index: label });
  out.push({ name: sheetName(tableLabel("scoresSheet", lang, { index: label }), taken), tables: [grid], role: "index" });
  // Its own sheet: the list's wide last column would otherwise widen a year column of the grid.
  if (ix.aboveMean) {
    const a = aboveMeanByYearTable(ix.aboveMean, lang);
    a.title = tableLabel("aboveTitle", lang, { index: label });
    out.push({ name: sheetName(tableLabel("aboveSheet", lang, { index: label }), taken), tables: [a], role: "index" });
  }
  return out;
}
