/* global Excel, Office */
import { EconError, inputError } from "../core/errors";
import type { ChartModel } from "../render/charts/chart-model";
import { maxOf } from "../core/data/extent";
import { apiSupported } from "./office-api";
import { drawChartObject } from "./excel-charts";
import type { ChartOutcome } from "./excel-charts";

export { CHART_ROWS } from "./excel-charts";
export type { ChartOutcome } from "./excel-charts";

/**
 * The task pane's only door to the workbook. Everything the wizard reads or writes goes through
 * `WorkbookIO`; `officeWorkbookIO()` is the one implementation that calls `Excel.run`, and the
 * browser test runs the same code against an in-memory test double of the Excel API
 * (test/browser/excel-double.js).
 *
 * Rules it enforces ("nothing is lost"):
 * - `addSheet` never reuses a sheet the user made: an existing name gets a suffix ("Table 5 (2)");
 *   a sheet that EconSheet created earlier (its worksheet id is recorded in the workbook
 *   settings) is replaced only when the caller passes `replaceOwn` (the user agreed).
 * - `writeValues` refuses to write into a sheet's used range.
 * - Large writes go in chunks of at most ~4 MB of cell text per request (Excel on the web caps a
 *   request at 5 MB), one `context.sync` per chunk.
 */
export type CellValue = string | number | boolean | null;

export interface SheetInfo {
  name: string;
  /** True when EconSheet created the sheet (and may replace it with the user's consent). */
  ownedByEconSheet: boolean;
}

/** A rectangle in 0-based row/column indexes. */
export interface CellRect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface SelectionValues {
  sheet: string;
  /** A1 address of the selection, e.g. "Sheet1!A1:D20". */
  address: string;
  values: CellValue[][];
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
}

export interface WriteOptions {
  /** Called after each chunk with rows written so far. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Largest chunk, in bytes of cell text (default 4 MB). */
  maxChunkBytes?: number;
}

export interface FreezeResult {
  address: string;
  /** Cells whose ECON.* formula (or the cells it spilled into) were replaced by their values. */
  frozenCells: number;
}

export interface WorkbookIO {
  listSheets(): Promise<SheetInfo[]>;
  /** Values of a sheet from A1 to the end of its used range ([] for an empty sheet). */
  readSheetValues(name: string): Promise<CellValue[][]>;
  readSelection(): Promise<SelectionValues>;
  /** The used range, or null for an empty sheet. */
  usedRange(name: string): Promise<CellRect | null>;
  /**
   * Creates a worksheet and returns its actual name: `desiredName` when free, the same with a
   * suffix when a sheet of that name exists, or the old name when `replaceOwn` is set and the
   * existing sheet was created by EconSheet (it is deleted and recreated).
   */
  addSheet(desiredName: string, options?: { replaceOwn?: boolean }): Promise<string>;
  /** Writes a grid at a 0-based position, in chunks. Refuses to write into the used range. */
  writeValues(sheet: string, row: number, col: number, values: CellValue[][], options?: WriteOptions): Promise<void>;
  /** Three-line table borders (top/bottom rules, rule under the header) and number formats. */
  formatThreeLine(sheet: string, format: ThreeLineFormat): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** The analysis spec saved in the workbook (settings), or null. */
  saveSpec(json: string): Promise<void>;
  loadSpec(): Promise<string | null>;
  /** Replaces ECON.* formulas in the selection (and their spilled cells) by their current values. */
  freezeSelectionAsValues(): Promise<FreezeResult>;
  /**
   * Draws an Excel chart object from a chart model whose data block is already written at
   * (row, col) of `sheet` (number formats are applied to the block), placed to the right of the
   * data. A region map the host cannot draw is replaced by the model's fallback chart.
   */
  drawChart(sheet: string, model: ChartModel, origin?: { row: number; col: number }): Promise<ChartOutcome>;
}

export const SETTINGS_SPEC_KEY = "econsheet.spec";
export const SETTINGS_OWNED_KEY = "econsheet.ownedSheets";
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

function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** Pads ragged rows with null so Excel gets a rectangle. */
function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
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
function protectText(ws: Excel.Worksheet, row: number, col: number, grid: readonly (readonly CellValue[])[]): void {
  for (const [i, j, n] of textRuns(grid)) ws.getRangeByIndexes(row + i, col + j, 1, n).numberFormat = [new Array<string>(n).fill("@")];
}

function isEconFormula(f: unknown): boolean {
  return typeof f === "string" && f.startsWith("=") && /\bECON\./i.test(f);
}

/* ---------------- workbook settings (Office.context.document.settings) ---------------- */

function settings(): Office.Settings | undefined {
  return typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
}

function saveSettings(): Promise<void> {
  const s = settings();
  if (!s) return Promise.resolve();
  return new Promise((resolve, reject) =>
    s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(new Error(r.error?.message ?? "settings.saveAsync failed")) : resolve())),
  );
}

function ownedIds(): string[] {
  const v = settings()?.get(SETTINGS_OWNED_KEY);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

async function setOwnedIds(ids: string[]): Promise<void> {
  const s = settings();
  if (!s) return;
  s.set(SETTINGS_OWNED_KEY, ids);
  await saveSettings();
}

/** A sheet's used range (values only) as a rectangle, or null for an empty sheet; one sync. */
async function usedRect(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<CellRect | null> {
  const r = ws.getUsedRangeOrNullObject(true);
  // isNullObject is known after the sync without a load (loading it is a navigational load).
  r.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (r.isNullObject) return null;
  return { row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount };
}

function notFound(name: string): EconError {
  return inputError(`There is no sheet named '${name}' in this workbook.`, `工作簿中没有名为 '${name}' 的工作表。`);
}

/** The real implementation, on Office.js (`Excel.run`). */
export function officeWorkbookIO(): WorkbookIO {
  const sheetOrFail = async (context: Excel.RequestContext, name: string) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (ws.isNullObject) throw notFound(name);
    return ws;
  };

  return {
    async listSheets() {
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id");
        await context.sync();
        const owned = new Set(ownedIds());
        return sheets.items.map((s) => ({ name: s.name, ownedByEconSheet: owned.has(s.id) }));
      });
    },

    async readSheetValues(name) {
      return Excel.run(async (context) => {
        const ws = await sheetOrFail(context, name);
        const used = await usedRect(context, ws);
        if (!used) return [];
        // From A1, so row and column numbers in messages are the sheet's own.
        const whole = ws.getRangeByIndexes(0, 0, used.row + used.rowCount, used.col + used.colCount);
        whole.load("values");
        await context.sync();
        return whole.values as CellValue[][];
      });
    },

    async readSelection() {
      return Excel.run(async (context) => {
        const sel = context.workbook.getSelectedRange();
        // A navigation, not a property read: the rules take `sel.worksheet` before the sync for one.
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
        const ws = sel.worksheet;
        sel.load("address,values");
        ws.load("name");
        await context.sync();
        return { sheet: ws.name, address: sel.address, values: sel.values as CellValue[][] };
      });
    },

    async usedRange(name) {
      return Excel.run(async (context) => {
        const ws = await sheetOrFail(context, name);
        return usedRect(context, ws);
      });
    },

    async addSheet(desiredName, options = {}) {
      const wanted = cleanSheetName(desiredName);
      return Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id");
        await context.sync();
        let owned = ownedIds();
        const existing = sheets.items.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
        let name = wanted;
        if (existing && options.replaceOwn && owned.includes(existing.id)) {
          // Only a sheet EconSheet made, and only with the user's consent.
          if (sheets.items.length === 1) sheets.add(uniqueSheetName(`${wanted}~`, sheets.items.map((s) => s.name)));
          existing.delete();
          owned = owned.filter((id) => id !== existing.id);
          await context.sync();
        } else if (existing) {
          name = uniqueSheetName(wanted, sheets.items.map((s) => s.name));
        }
        const ws = sheets.add(name);
        ws.load("id,name");
        await context.sync();
        await setOwnedIds([...owned, ws.id]);
        return ws.name;
      });
    },

    async writeValues(sheet, row, col, values, options = {}) {
      if (values.length === 0) return;
      const grid = rectangular(values);
      const target: CellRect = { row, col, rowCount: grid.length, colCount: grid[0].length };
      const chunks = chunkRows(grid, options.maxChunkBytes);
      await Excel.run(async (context) => {
        const ws = await sheetOrFail(context, sheet);
        const u = await usedRect(context, ws);
        if (u && rectsOverlap(u, target)) {
          throw inputError(
            `EconSheet will not write into cells that hold data: sheet '${sheet}' ${columnLetter(col)}${row + 1} is inside its used range. Choose an empty place or a new sheet.`,
            `EconSheet 不会覆盖已有数据：工作表 '${sheet}' 的 ${columnLetter(col)}${row + 1} 位于已使用区域内。请选择空白位置或新工作表。`,
          );
        }
        for (const c of chunks) {
          const part = grid.slice(c.start, c.end);
          protectText(ws, row + c.start, col, part);
          ws.getRangeByIndexes(row + c.start, col, part.length, part[0].length).values = part.map((r) => r.map((v) => (v === null ? "" : v)));
          // One request per chunk is the point: Excel on the web refuses a request over 5 MB.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          options.onProgress?.(c.end, grid.length);
        }
      });
    },

    async formatThreeLine(sheet, f) {
      await Excel.run(async (context) => {
        const ws = await sheetOrFail(context, sheet);
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
        for (const nf of f.numberFormats) ws.getRangeByIndexes(f.row + nf.row, f.col + nf.col, 1, 1).numberFormat = [[nf.format]];
        f.columnWidths?.forEach((w, j) => {
          ws.getRangeByIndexes(f.row, f.col + j, 1, 1).format.columnWidth = Math.round(w * 7 + 10);
        });
        if (f.font) {
          const all = ws.getRangeByIndexes(f.row, f.col, f.bodyEnd + 1, f.width).format.font;
          all.name = f.font.latin;
          all.size = f.font.size;
          for (const c of f.font.cjkCells) ws.getRangeByIndexes(f.row + c.row, f.col + c.col, 1, 1).format.font.name = f.font.cjk;
        }
        if (f.centreFrom !== undefined && f.width > f.centreFrom) {
          ws.getRangeByIndexes(f.row + f.headerStart, f.col + f.centreFrom, f.bodyEnd - f.headerStart + 1, f.width - f.centreFrom).format.horizontalAlignment = "Center";
        }
        await context.sync();
      });
    },

    async activateSheet(name) {
      await Excel.run(async (context) => {
        (await sheetOrFail(context, name)).activate();
        await context.sync();
      });
    },

    async saveSpec(json) {
      const s = settings();
      if (!s) throw inputError("This Office host has no workbook settings; the spec cannot be saved in the workbook.", "当前 Office 环境没有工作簿设置，无法在工作簿中保存分析设定。");
      s.set(SETTINGS_SPEC_KEY, json);
      await saveSettings();
    },

    async loadSpec() {
      const v = settings()?.get(SETTINGS_SPEC_KEY);
      return typeof v === "string" ? v : null;
    },

    async freezeSelectionAsValues() {
      return Excel.run(async (context) => {
        const sel = context.workbook.getSelectedRange();
        sel.load("address,formulas,rowIndex,columnIndex,rowCount,columnCount");
        // A navigation, not a property read: the rules take `sel.worksheet` before the sync for one.
        // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
        const ws = sel.worksheet;
        await context.sync();
        const formulas = sel.formulas as unknown[][];
        const anchors: { cell: Excel.Range; spill: Excel.Range | null }[] = [];
        const spills = apiSupported("1.12");
        formulas.forEach((row, i) =>
          row.forEach((f, j) => {
            if (!isEconFormula(f)) return;
            const cell = ws.getRangeByIndexes(sel.rowIndex + i, sel.columnIndex + j, 1, 1);
            // Spills (dynamic arrays) exist from ExcelApi 1.12; an older host has none to follow.
            const spill = spills ? cell.getSpillingToRangeOrNullObject() : null;
            spill?.load("values,rowIndex,columnIndex,rowCount,columnCount");
            cell.load("values,rowIndex,columnIndex");
            anchors.push({ cell, spill });
          }),
        );
        await context.sync();
        let frozen = 0;
        for (const a of anchors) {
          if (!a.spill || a.spill.isNullObject) {
            protectText(ws, a.cell.rowIndex, a.cell.columnIndex, [[a.cell.values[0][0] as CellValue]]);
            a.cell.values = [[a.cell.values[0][0]]];
            frozen += 1;
          } else {
            const vals = a.spill.values;
            protectText(ws, a.spill.rowIndex, a.spill.columnIndex, vals as CellValue[][]);
            ws.getRangeByIndexes(a.spill.rowIndex, a.spill.columnIndex, a.spill.rowCount, a.spill.columnCount).values = vals;
            frozen += a.spill.rowCount * a.spill.columnCount;
          }
        }
        await context.sync();
        return { address: sel.address, frozenCells: frozen };
      });
    },

    async drawChart(sheet, model, origin = { row: 0, col: 0 }) {
      return drawChartObject(sheet, model, origin, sheetOrFail);
    },
  };
}
