/* global Excel */
import { maxOf } from "../core/data/extent";
import { apiSupported } from "./office-api";

/**
 * Sheet writing on Office.js, used by the task pane's workbook door (excel-io.ts): sheet names,
 * chunked value writes that keep formula-like text as text, three-line table formats, and the
 * finish of a table sheet (merged and wrapped notes, row heights, print setup). The functions
 * that take an `Excel.Worksheet` queue requests; the caller syncs.
 *
 * Requirement sets: everything here is ExcelApi ≤ 1.7 (the manifest's set) except the print
 * setup (`worksheet.pageLayout`, ExcelApi 1.9), which runs only when the host supports it and
 * reports when it was skipped.
 */
export type CellValue = string | number | boolean | null;

/** A rectangle in 0-based row/column indexes. */
export interface CellRect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** Borders and number formats of a three-line table at a position (see tableLayout). */
export interface ThreeLineFormat {
  /** Top-left cell of the table grid (0-based). */
  row: number;
  col: number;
  width: number;
  /** Grid rows (relative to `row`) holding the header: from headerStart to headerEnd inclusive. */
  headerStart: number;
  headerEnd: number;
  /** Last body row (relative). */
  bodyEnd: number;
  /** Thin rules under these relative rows (inside the body). */
  thinRulesAfter: number[];
  /** Excel number format per cell (relative rows), null = leave General. Only body rows need entries. */
  numberFormats: { row: number; col: number; format: string }[];
  /** Column widths in characters (optional). */
  columnWidths?: number[];
  /** Columns from this one on (relative) are centred (numbers, coefficients); optional. */
  centreFrom?: number;
  /** Fonts: the whole table in `latin` at `size` pt, the cells listed in `cjkCells` (relative) in `cjk`. */
  font?: { latin: string; cjk: string; size: number; cjkCells: { row: number; col: number }[] };
  /** Note rows under the body (relative rows bodyEnd+1 …): written at `size` pt (optional). */
  notes?: { count: number; size: number };
  /** The title (relative row 0) in bold (optional). */
  boldTitle?: boolean;
  /** Thin rules under a label spanning columns (a dependent variable over its models), relative; optional. */
  spanRules?: { row: number; col: number; colCount: number }[];
}

/** A merged block: cells merged into one, aligned, optionally wrapped. */
export interface MergedBlock extends CellRect {
  align: "Left" | "Center";
  wrap: boolean;
}

/**
 * What is done to a table sheet once its values are in: merges (title and notes across the
 * table's width, a dependent variable over its models), row heights for wrapped notes (Excel
 * does not fit the height of merged cells itself), and the print setup.
 */
export interface SheetFinish {
  merges: MergedBlock[];
  /** Row heights in points (0-based rows). */
  rowHeights: { row: number; height: number }[];
  /** Print area from A1 over `rowCount` × `colCount`, one page wide, landscape when `landscape`. */
  print?: { rowCount: number; colCount: number; landscape: boolean };
}

/** What finishing a sheet did: whether the print setup could be applied (ExcelApi 1.9). */
export interface FinishOutcome {
  printSetup: boolean;
}

export interface WriteOptions {
  /** Called after each chunk with rows written so far. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Largest chunk, in bytes of cell text (default 4 MB). */
  maxChunkBytes?: number;
}

const MAX_SHEET_NAME = 31;

/** Excel's sheet-name rules: ≤ 31 characters, none of : \ / ? * [ ], not blank, no leading/trailing apostrophe. */
export function cleanSheetName(name: string): string {
  let s = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  if (s === "") s = "EconSheet";
  if (s.toLowerCase() === "history") s = "History 1";
  return s.slice(0, MAX_SHEET_NAME);
}

/** The first of "name", "name (2)", "name (3)" … (trimmed to 31 characters) not in `taken` (case-insensitive, as Excel compares). */
export function uniqueSheetName(desired: string, taken: readonly string[]): string {
  const base = cleanSheetName(desired);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Bytes a value occupies in a request (JSON text, UTF-8 upper bound for CJK = 3 bytes a character). */
function cellBytes(v: CellValue): number {
  if (v === null) return 4;
  if (typeof v === "number") return 24;
  if (typeof v === "boolean") return 5;
  return 3 * v.length + 2;
}

/**
 * Splits a grid into row chunks of at most `maxBytes` (at least one row each). Pure, exported
 * for the unit test.
 */
export function chunkRows(values: readonly (readonly CellValue[])[], maxBytes = 4_000_000): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const rowBytes = values[i].reduce<number>((s, v) => s + cellBytes(v) + 1, 2);
    if (i > start && bytes + rowBytes > maxBytes) {
      chunks.push({ start, end: i });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (values.length > start) chunks.push({ start, end: values.length });
  return chunks;
}

/** "A", "B", … "AA" for a 0-based column. */
export function columnLetter(col: number): string {
  let s = "";
  let c = col + 1;
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** Pads ragged rows with null so Excel gets a rectangle. */
export function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = maxOf(values.map((r) => r.length), 1);
  return values.map((r) => (r.length === width ? [...r] : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
}

/**
 * Excel reads a string written through Range.values that starts with "=", "+" or "-" as a
 * formula (Office.js: "If the returned value starts with a plus, minus, or equal sign, Excel
 * interprets this value as a formula"): a coefficient "-0.307***" or a direction "+" would become
 * #NAME?. Such cells are formatted as text ("@") in the same request, before their values.
 */
export function formulaLike(v: unknown): v is string {
  return typeof v === "string" && /^[=+-]/.test(v);
}

/** Runs of formula-like text cells per row of a grid: [row, firstCol, count] (pure, for the unit test). */
export function textRuns(grid: readonly (readonly CellValue[])[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  grid.forEach((r, i) => {
    for (let j = 0; j < r.length; j++) {
      if (!formulaLike(r[j])) continue;
      let k = j;
      while (k + 1 < r.length && formulaLike(r[k + 1])) k++;
      runs.push([i, j, k - j + 1]);
      j = k;
    }
  });
  return runs;
}

/** Queues numberFormat "@" on the formula-like text cells of a block at (row, col). */
export function protectText(ws: Excel.Worksheet, row: number, col: number, grid: readonly (readonly CellValue[])[]): void {
  for (const [i, j, n] of textRuns(grid)) ws.getRangeByIndexes(row + i, col + j, 1, n).numberFormat = [new Array<string>(n).fill("@")];
}

/** A sheet's used range (values only) as a rectangle, or null for an empty sheet; one sync. */
export async function usedRect(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<CellRect | null> {
  const r = ws.getUsedRangeOrNullObject(true);
  // isNullObject is known after the sync without a load (loading it is a navigational load).
  r.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (r.isNullObject) return null;
  return { row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount };
}

/**
 * Writes a rectangular grid at (row, col) in chunks of rows, one request each (Excel on the web
 * refuses a request over 5 MB); formula-like text is formatted as text in the same request.
 */
export async function writeChunks(context: Excel.RequestContext, ws: Excel.Worksheet, row: number, col: number, grid: CellValue[][], options: WriteOptions = {}): Promise<void> {
  for (const c of chunkRows(grid, options.maxChunkBytes)) {
    const part = grid.slice(c.start, c.end);
    protectText(ws, row + c.start, col, part);
    ws.getRangeByIndexes(row + c.start, col, part.length, part[0].length).values = part.map((r) => r.map((v) => (v === null ? "" : v)));
    // One request per chunk is the point: Excel on the web refuses a request over 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    options.onProgress?.(c.end, grid.length);
  }
}

/** Queues the rules, number formats, widths, fonts and alignment of a three-line table. */
export function queueThreeLine(ws: Excel.Worksheet, f: ThreeLineFormat): void {
  const rule = (r: number, edge: "EdgeTop" | "EdgeBottom", weight: "Thin" | "Medium") => {
    const b = ws.getRangeByIndexes(f.row + r, f.col, 1, f.width).format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = weight;
    b.color = "#000000";
  };
  rule(f.headerStart, "EdgeTop", "Medium");
  rule(f.headerEnd, "EdgeBottom", "Thin");
  rule(f.bodyEnd, "EdgeBottom", "Medium");
  for (const r of f.thinRulesAfter) if (r !== f.bodyEnd) rule(r, "EdgeBottom", "Thin");
  for (const u of f.spanRules ?? []) {
    const b = ws.getRangeByIndexes(f.row + u.row, f.col + u.col, 1, u.colCount).format.borders.getItem("EdgeBottom");
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
  for (const nf of f.numberFormats) ws.getRangeByIndexes(f.row + nf.row, f.col + nf.col, 1, 1).numberFormat = [[nf.format]];
  f.columnWidths?.forEach((w, j) => {
    ws.getRangeByIndexes(f.row, f.col + j, 1, 1).format.columnWidth = Math.round(w * 7 + 10);
  });
  const noteRows = f.notes?.count ?? 0;
  if (f.font) {
    const all = ws.getRangeByIndexes(f.row, f.col, f.bodyEnd + 1 + noteRows, f.width).format.font;
    all.name = f.font.latin;
    all.size = f.font.size;
    if (noteRows && f.notes) ws.getRangeByIndexes(f.row + f.bodyEnd + 1, f.col, noteRows, f.width).format.font.size = f.notes.size;
    for (const c of f.font.cjkCells) ws.getRangeByIndexes(f.row + c.row, f.col + c.col, 1, 1).format.font.name = f.font.cjk;
  }
  if (f.boldTitle && f.headerStart > 0) ws.getRangeByIndexes(f.row, f.col, 1, 1).format.font.bold = true;
  if (f.centreFrom !== undefined && f.width > f.centreFrom) {
    ws.getRangeByIndexes(f.row + f.headerStart, f.col + f.centreFrom, f.bodyEnd - f.headerStart + 1, f.width - f.centreFrom).format.horizontalAlignment = "Center";
  }
}

/**
 * Queues the merges and row heights of a table sheet and, where the host has ExcelApi 1.9, its
 * print setup (print area, A4, one page wide, landscape when wide, centred). Returns whether the
 * print setup was queued.
 */
export function queueFinish(ws: Excel.Worksheet, f: SheetFinish): FinishOutcome {
  for (const m of f.merges) {
    const range = ws.getRangeByIndexes(m.row, m.col, m.rowCount, m.colCount);
    range.merge(false);
    range.format.horizontalAlignment = m.align;
    range.format.verticalAlignment = m.wrap ? "Top" : "Center";
    if (m.wrap) range.format.wrapText = true;
  }
  for (const h of f.rowHeights) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
  if (!f.print || f.print.rowCount < 1 || f.print.colCount < 1) return { printSetup: false };
  // worksheet.pageLayout is ExcelApi 1.9 (Excel 2019 and later); the manifest asks for 1.7.
  if (!apiSupported("1.9")) return { printSetup: false };
  const layout = ws.pageLayout;
  layout.setPrintArea(ws.getRangeByIndexes(0, 0, f.print.rowCount, f.print.colCount));
  layout.paperSize = "A4";
  layout.orientation = f.print.landscape ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: 1 };
  layout.centerHorizontally = true;
  return { printSetup: true };
}
