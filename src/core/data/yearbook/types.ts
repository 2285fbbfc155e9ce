import { Cell } from "../cells";
import { Localized } from "../../errors";

/** One worksheet as plain values (from src/cli/xlsx-io.ts readWorkbookGrids or Excel range values). */
export interface SheetInput {
  name: string;
  grid: Cell[][];
}

/**
 * - per-indicator: one sheet per indicator, provinces in rows, years in columns (indicator = sheet name)
 * - per-year: one sheet per year, provinces in rows, indicators in columns (year from the sheet name or title)
 * - long: an already long table with a province column, a year column and indicator columns
 */
export type YearbookLayout = "per-indicator" | "per-year" | "long";

export interface IgnoredColumn {
  /** Column letter (e.g. "B"). */
  column: string;
  header: string;
  reason: Localized;
}

/** What the detector found in one sheet. Row and column numbers are 0-based grid indices. */
export interface SheetLayout {
  sheet: string;
  layout: YearbookLayout;
  headerRow: number;
  idColumn: number;
  title?: string;
  /** Unit from a "单位：…" row above the header. */
  unit?: string;
  /** per-indicator: the year of each data column. */
  yearColumns: { column: number; year: number }[];
  /** per-year: the sheet's year and where it was read. */
  year?: number;
  yearSource?: "sheet name" | "title";
  /** long: the column holding the year. */
  timeColumn?: number;
  /**
   * per-year and long: indicator columns. `name` is the full header ("地区生产总值(亿元)", after
   * NFKC: full-width brackets become ASCII); a trailing "(unit)" is also split into `unit` and
   * `label` (the name without the unit, "地区生产总值").
   */
  indicatorColumns: { column: number; name: string; label?: string; unit?: string }[];
  ignoredColumns: IgnoredColumn[];
}

/** One data cell read from a sheet. */
export interface Observation {
  indicator: string;
  /** The indicator's name without its unit, when the header had one in parentheses. */
  label?: string;
  unit?: string;
  province: string;
  code: number;
  year: number;
  /** null = missing (blank or a missing token). */
  value: number | null;
  /** The cell's text when it was a missing token ("—", "..."); undefined for a blank cell. */
  token?: string;
  /** "Sheet!B7" */
  place: string;
}

export type SkipReason = "national-total" | "note" | "unit" | "text";

/** A row that is not data (national total, footnote, unit row, stray text), reported so nothing is dropped silently. */
export interface SkippedRow {
  sheet: string;
  /** 1-based sheet row number. */
  row: number;
  reason: SkipReason;
  text: string;
}

/** A missing province-year of one indicator. `place` is undefined when the sheets have no cell for it at all. */
export interface MissingCell {
  province: string;
  code: number;
  year: number;
  place?: string;
  token?: string;
}

export type MissingAction = "none" | "left-missing" | "interpolated";

export interface IndicatorReport {
  /** The column's name in the tidy panel: the header or sheet name as written. */
  name: string;
  /** The name without its unit, for table labels ("地区生产总值" of "地区生产总值(亿元)"). */
  label?: string;
  unit?: string;
  /** Sheets the values came from. */
  sheets: string[];
  /** Rows of the tidy panel (province-years). */
  rows: number;
  observed: number;
  /** Every missing province-year before any interpolation, in panel order. */
  missing: MissingCell[];
  /** What was done: nothing missing, left missing, or linear interpolation within province. */
  action: MissingAction;
  filled: (MissingCell & { value: number })[];
  /** Still missing after the action (all of `missing` when left missing; gaps at the ends when interpolating). */
  leftMissing: MissingCell[];
}

export interface SheetReport {
  sheet: string;
  layout: YearbookLayout;
  /** 1-based row number of the header. */
  headerRow: number;
  idColumn: string;
  title?: string;
  unit?: string;
  year?: number;
  indicators: string[];
  /** Data cells read. */
  cells: number;
  ignoredColumns: IgnoredColumn[];
}

export interface ImportReport {
  nobs: number;
  nprovinces: number;
  years: { first: number; last: number; count: number };
  interpolate: boolean;
  sheets: SheetReport[];
  /** Sheets without any province name (a README, a chart sheet), or not selected. */
  skippedSheets: { sheet: string; reason: Localized }[];
  skippedRows: SkippedRow[];
  indicators: IndicatorReport[];
  notes: Localized[];
}

export interface PanelIndicator {
  name: string;
  /** The name without its unit ("地区生产总值" of "地区生产总值(亿元)"). */
  label?: string;
  unit?: string;
  /** One value per panel row; NaN = missing. */
  values: Float64Array;
}

/** Tidy long panel: one row per province-year, sorted by NBS code then year. */
export interface TidyPanel {
  /** Column names of the id (canonical province name), code and time columns. */
  columns: { id: string; code: string; time: string };
  ids: string[];
  codes: number[];
  times: number[];
  indicators: PanelIndicator[];
}

export interface YearbookImport {
  panel: TidyPanel;
  report: ImportReport;
}

export interface ImportOptions {
  /** Fill interior gaps by linear interpolation within province (default false: leave missing). */
  interpolate?: boolean;
  /** Sheets to import (default: every sheet with province names). */
  sheets?: readonly string[];
  /** Output column names (default "province", "code", "year"). */
  idName?: string;
  codeName?: string;
  timeName?: string;
}
