import type { Lang } from "../../core/errors";
import { inputError } from "../../core/errors";
import type { DataTable } from "../../core/data/data-table";
import type { AnalysisSpec, TableSpec } from "../../core/spec/analysis-spec";
import { parseAnalysisSpec } from "../../core/spec/analysis-spec";
import { runAnalysis, AnalysisRun } from "../../core/spec/run-analysis";
import { runAnalysisOffThread } from "./worker-run";
import { analysisSheets } from "../../render/analysis-sheets";
import type { WorkbookIO, CellValue } from "../excel-io";
import { importSheets, ImportResult, tableGrid } from "./import-sheets";
import { OutputSheet, writeOutputs, WriteProgress } from "./write-sheets";
import { pushAll } from "../../core/data/extent";

/**
 * The journey's steps as plain functions over the workbook boundary, shared by the wizard and
 * "Re-run": read the chosen sheets, import them into a tidy panel, run the spec's indices and
 * tables with the core (`runAnalysis`), render sheets (`analysisSheets`) and write them.
 */

export const PANEL_SHEET = { en: "Panel", zh: "面板数据" } as const;
export const SCORES_SHEET = { en: "Index scores", zh: "指数得分" } as const;

export async function readInputSheets(io: WorkbookIO, names: readonly string[]): Promise<{ name: string; values: CellValue[][] }[]> {
  const out = [];
  for (const name of names) out.push({ name, values: await io.readSheetValues(name) });
  return out;
}

export async function importFromWorkbook(io: WorkbookIO, spec: AnalysisSpec): Promise<ImportResult> {
  const names = spec.data.sheets ?? [];
  if (names.length === 0) throw inputError("The spec names no data sheets (data.sheets).", "分析设定没有指定数据工作表（data.sheets）。");
  return importSheets(await readInputSheets(io, names), { interpolate: spec.data.interpolate });
}

export function panelSheet(imported: ImportResult, lang: Lang): OutputSheet {
  return { name: PANEL_SHEET[lang], data: tableGrid(imported.table) };
}

/** Weights sheets of each index and one sheet of scores (province, year, one column per index). */
export function indexSheets(run: AnalysisRun, lang: Lang): OutputSheet[] {
  const sheets = analysisSheets(run, lang).filter((s) => s.role === "index").map((s) => ({ name: s.name, tables: s.tables }));
  if (run.indices.length === 0) return sheets;
  const cols = [run.id, run.time, ...run.indices.map((ix) => ix.spec.name)];
  const idx = cols.map((c) => run.panel.names.indexOf(c));
  const data: CellValue[][] = [cols, ...run.panel.rows.map((r) => idx.map((j) => { const v = r[j]; return v === undefined || v instanceof Date || typeof v === "boolean" ? null : v; }))];
  return [...sheets, { name: SCORES_SHEET[lang], data }];
}

/** One sheet per table of the run. */
export function tableSheets(run: AnalysisRun, lang: Lang): OutputSheet[] {
  return analysisSheets(run, lang).filter((s) => s.role === "table").map((s) => ({ name: s.name, tables: s.tables }));
}

export interface LongRunOptions {
  lang: Lang;
  replaceOwn?: boolean;
  onProgress?: (p: WriteProgress) => void;
  isCancelled?: () => boolean;
  /** A table sheet whose print setup the host could not apply (no ExcelApi 1.9). */
  onPrintSkipped?: (sheet: string) => void;
  /** The progress line of a resampling table (bootstrap or placebo), in the UI's language. */
  describe?: (title: string, kind: "bootstrap" | "placebo", done: number, total: number) => string;
}

const yieldToUi = () => new Promise((r) => setTimeout(r, 0));

/**
 * Runs the spec's tables one at a time (yielding between them so the pane repaints and Cancel
 * works), then renders them. Returns null when cancelled.
 */
export async function runTablesStepwise(panel: DataTable, spec: AnalysisSpec, options: LongRunOptions): Promise<AnalysisRun | null> {
  const tables = spec.tables ?? [];
  const base = runAnalysis(panel, { ...spec, tables: [] });
  const results: AnalysisRun["tables"] = [];
  let panelOut = base.panel;
  for (let k = 0; k < tables.length; k++) {
    if (options.isCancelled?.()) return null;
    options.onProgress?.({ done: k, total: tables.length, label: tables[k].title });
    await yieldToUi();
    const table = tables[k] as TableSpec;
    let one: AnalysisRun;
    const resampled = (table.type === "mediation" && (table.bootstrap ?? 0) > 0) || (table.type === "did" && (table.placebo?.permutations ?? 0) > 0);
    if (resampled) {
      // A bootstrap or placebo runs in the analysis worker: the pane keeps repainting and Cancel stops it at once.
      const kind = table.type === "did" ? "placebo" : "bootstrap";
      const describe = options.describe ?? ((title: string, what: string, d: number, n: number) => `${title} — ${what} ${d}/${n}`);
      const off = await runAnalysisOffThread(panel, { ...spec, tables: [table] }, (done, total) => options.onProgress?.({ done: k, total: tables.length, label: describe(table.title, kind, done, total) }), () => !!options.isCancelled?.());
      if (!off) return null;
      one = off;
    } else {
      one = runAnalysis(panel, { ...spec, tables: [table] });
    }
    pushAll(results, one.tables);
    if (one.panel.names.length > panelOut.names.length) panelOut = one.panel;
  }
  return { ...base, panel: panelOut, tables: results };
}

/** "Re-run": re-import the data sheets named in the saved spec and rebuild every sheet. */
export async function rerunSavedSpec(io: WorkbookIO, options: LongRunOptions): Promise<{ written: string[]; spec: AnalysisSpec | null } | null> {
  const text = await io.loadSpec();
  if (!text) return { written: [], spec: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw inputError(`The spec saved in this workbook is not valid JSON (${(e as Error).message}).`, `工作簿中保存的分析设定不是有效的 JSON（${(e as Error).message}）。`);
  }
  const spec = parseAnalysisSpec(json);
  const imported = await importFromWorkbook(io, spec);
  const run = await runTablesStepwise(imported.table, spec, options);
  if (!run) return null;
  const sheets = [panelSheet(imported, options.lang), ...indexSheets(run, options.lang), ...tableSheets(run, options.lang)];
  const written = await writeOutputs(io, sheets, { replaceOwn: options.replaceOwn, onProgress: options.onProgress, isCancelled: options.isCancelled, onPrintSkipped: options.onPrintSkipped });
  return { written, spec };
}

/** The spec as the headless runner reads it (pretty JSON). */
export function specJson(spec: AnalysisSpec): string {
  return JSON.stringify(spec, null, 2);
}
