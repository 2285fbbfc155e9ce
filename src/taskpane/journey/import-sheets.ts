import { Cell, isBlank, showCell } from "../../core/data/cells";
import { DataTable } from "../../core/data/data-table";
import { normalizeProvince } from "../../core/data/provinces";
import { importYearbook } from "../../core/data/yearbook/import-yearbook";
import { tidyPanelTable } from "../../core/data/yearbook/panel-grid";
import type { YearbookLayout, ImportReport } from "../../core/data/yearbook/types";

/**
 * The Data step: yearbook sheets → the tidy long panel (province, code, year, indicators…) by
 * the core importer (src/core/data/yearbook: layout detection per sheet, province names,
 * national totals and footnotes skipped, missing tokens, interpolation within province), plus
 * the few lists the pane shows (layouts, renamed provinces, skipped rows, missing cells).
 */
export type Layout = YearbookLayout | "mixed";

export interface SheetInput {
  name: string;
  values: Cell[][];
}

export interface ImportOptions {
  /** Linear interpolation of interior gaps within province. */
  interpolate?: boolean;
}

export interface MissingCell {
  indicator: string;
  province: string;
  year: number;
  /** Filled by interpolation. */
  filled: boolean;
}

export interface ImportResult {
  layout: Layout;
  table: DataTable;
  indicators: string[];
  years: number[];
  provinces: string[];
  renamed: { from: string; to: string }[];
  /** National totals and other non-data rows, as "Sheet row n: text". */
  skipped: string[];
  missing: MissingCell[];
  /** The importer's full report (sheets, units, notes). */
  report: ImportReport;
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Reads the chosen sheets with the core importer and shapes its report for the pane. */
export function importSheets(sheets: readonly SheetInput[], options: ImportOptions = {}): ImportResult {
  const { panel, report } = importYearbook(sheets.map((s) => ({ name: s.name, grid: s.values })), { interpolate: options.interpolate });
  const layouts = [...new Set(report.sheets.map((s) => s.layout))];
  const renamed = new Map<string, string>();
  for (const sr of report.sheets) {
    const sheet = sheets.find((s) => s.name === sr.sheet);
    const j = letterIndex(sr.idColumn);
    for (const row of sheet?.values.slice(sr.headerRow) ?? []) {
      const c = row[j];
      if (isBlank(c)) continue;
      const text = showCell(c).trim();
      const p = normalizeProvince(text);
      if (p && p.name !== text) renamed.set(text, p.name);
    }
  }
  const missing: MissingCell[] = report.indicators.flatMap((ind) =>
    ind.missing.map((m) => ({ indicator: ind.name, province: m.province, year: m.year, filled: ind.filled.some((f) => f.province === m.province && f.year === m.year) })),
  );
  return {
    layout: layouts.length === 1 ? layouts[0] : "mixed",
    table: tidyPanelTable(panel),
    indicators: panel.indicators.map((i) => i.name),
    years: [...new Set(panel.times)].sort((a, b) => a - b),
    provinces: [...new Set(panel.ids)],
    renamed: [...renamed].map(([from, to]) => ({ from, to })),
    skipped: report.skippedRows.filter((r) => r.reason === "national-total").map((r) => `${r.sheet} ${r.row}: ${r.text}`),
    missing,
    report,
  };
}

/** The table as a grid with its header row (what gets written to the panel sheet). */
export function tableGrid(table: DataTable): (string | number | null)[][] {
  return [[...table.names], ...table.rows.map((r) => r.map((c) => (c === undefined || c === null || c === "" ? null : c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === "boolean" ? String(c) : c)))];
}
