/* global Excel, Office */
import { EconError, inputError } from "../core/errors";
import type { ChartModel } from "../render/charts/chart-model";
import {
  CellRect, CellValue, cleanSheetName, columnLetter, FinishOutcome, protectText, queueFinish, queueThreeLine, rectangular, rectsOverlap,
  SheetFinish, ThreeLineFormat, uniqueSheetName, usedRect, WriteOptions, writeChunks,
} from "./excel-sheets";

// Sheet writing lives in excel-sheets.ts; its names stay importable from here.
export type { CellRect, CellValue, FinishOutcome, MergedBlock, SheetFinish, ThreeLineFormat, WriteOptions } from "./excel-sheets";
export { chunkRows, cleanSheetName, columnLetter, formulaLike, textRuns, uniqueSheetName } from "./excel-sheets";
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

export interface SheetInfo {
  name: string;
  /** True when EconSheet created the sheet (and may replace it with the user's consent). */
  ownedByEconSheet: boolean;
}

export interface SelectionValues {
  sheet: string;
  /** A1 address of the selection, e.g. "Sheet1!A1:D20". */
  address: string;
  values: CellValue[][];
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
  /**
   * After a table sheet's values are written: merges (title, notes, spanning headers), row
   * heights, and the print setup where the host has ExcelApi 1.9 (`printSetup` says whether).
   */
  finishSheet(sheet: string, finish: SheetFinish): Promise<FinishOutcome>;
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
      await Excel.run(async (context) => {
        const ws = await sheetOrFail(context, sheet);
        const u = await usedRect(context, ws);
        if (u && rectsOverlap(u, target)) {
          throw inputError(
            `EconSheet will not write into cells that hold data: sheet '${sheet}' ${columnLetter(col)}${row + 1} is inside its used range. Choose an empty place or a new sheet.`,
            `EconSheet 不会覆盖已有数据：工作表 '${sheet}' 的 ${columnLetter(col)}${row + 1} 位于已使用区域内。请选择空白位置或新工作表。`,
          );
        }
        await writeChunks(context, ws, row, col, grid, options);
      });
    },

    async formatThreeLine(sheet, f) {
      await Excel.run(async (context) => {
        const ws = await sheetOrFail(context, sheet);
        queueThreeLine(ws, f);
        await context.sync();
      });
    },

    async finishSheet(sheet, f) {
      return Excel.run(async (context) => {
        const ws = await sheetOrFail(context, sheet);
        const outcome = queueFinish(ws, f);
        await context.sync();
        return outcome;
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
