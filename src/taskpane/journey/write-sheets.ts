import type { TableModel } from "../../render/table-model";
import { toGrid } from "../../render/grid";
import { cellNumberFormat, looksLikeFormula, displayWidth, shownNumber, WIDE_CHAR } from "../../render/format";
import type { CellValue, MergedBlock, SheetFinish, ThreeLineFormat, WorkbookIO } from "../excel-io";
import { maxOf } from "../../core/data/extent";

/** A sheet to write: tables one under the other (a blank row between), or a plain data grid. */
export interface OutputSheet {
  name: string;
  tables?: TableModel[];
  /** Plain data (a panel, scores): header row + rows, no table formatting. */
  data?: CellValue[][];
}

export interface WriteProgress {
  done: number;
  total: number;
  /** The sheet being written. */
  label: string;
}

export interface WriteOutputsOptions {
  /** Replace sheets EconSheet created earlier (the user agreed); otherwise add a suffix. */
  replaceOwn?: boolean;
  onProgress?: (p: WriteProgress) => void;
  /** Checked between sheets: true stops the run (nothing more is written). */
  isCancelled?: () => boolean;
  /** Called for a table sheet whose print setup the host could not apply (no ExcelApi 1.9). */
  onPrintSkipped?: (sheet: string) => void;
}

/** Notes are 9 pt (小五) under a 10.5 pt table, as in the xlsx and Word writers. */
export const NOTE_SIZE = 9;
/** A4 portrait holds about 90 width units between its margins (the xlsx writer's rule). */
export const PORTRAIT_WIDTH = 90;

/** Excel number format for `digits` decimals: 0 → "0", 3 → "0.000". */
export function fixedFormat(digits: number): string {
  return digits > 0 ? `0.${"0".repeat(digits)}` : "0";
}

/**
 * Where the three rules and number formats of a table go, when its grid (from
 * `toGrid(model, { title: true })`) starts at (row, col). The rules follow the three-line table
 * of Chinese journals: a thick rule above the header, a thin one under it and a thick one under
 * the last body row (plus thin rules at `model.rulesAfter`). Every number gets the format the
 * xlsx writer gives it (its own, its `digits`, else "0" / "0.000"); text starting with -, + or =
 * gets "@"; column widths fit the content (CJK characters count double); columns after the first
 * are centred.
 */
export function threeLineFormat(model: TableModel, row: number, col: number): ThreeLineFormat {
  const titleRows = model.title ? 1 : 0;
  const headerStart = titleRows;
  const headerEnd = titleRows + Math.max(model.header.length, 1) - 1;
  const bodyEnd = headerEnd + model.body.length;
  const width = maxOf([...model.header, ...model.body].map((r) => r.length), 1);
  const numberFormats: ThreeLineFormat["numberFormats"] = [];
  // Every number gets the table's format (as the xlsx writer); text that Range.values would read
  // as a formula ("-0.307***", "+") is formatted as text ("@") before the values are written.
  const columnWidths = new Array<number>(width).fill(6);
  const cjkCells: { row: number; col: number }[] = model.title && WIDE_CHAR.test(model.title) ? [{ row: 0, col: 0 }] : [];
  model.notes.forEach((n, k) => {
    if (WIDE_CHAR.test(n)) cjkCells.push({ row: bodyEnd + 1 + k, col: 0 });
  });
  [...model.header, ...model.body].forEach((r, i) =>
    r.forEach((c, j) => {
      const at = headerStart + i;
      const fmt = typeof c.value === "number" && !Number.isFinite(c.value) ? undefined : cellNumberFormat(c);
      if (fmt) numberFormats.push({ row: at, col: j, format: fmt });
      else if (looksLikeFormula(c.value)) numberFormats.push({ row: at, col: j, format: "@" });
      if (typeof c.value === "string" && WIDE_CHAR.test(c.value)) cjkCells.push({ row: at, col: j });
      const shown = typeof c.value === "number" ? (Number.isFinite(c.value) ? shownNumber(c.value, c.digits, fmt) : "") : (c.value ?? "");
      columnWidths[j] = Math.max(columnWidths[j], Math.min(56, displayWidth(shown) + 2));
    }),
  );
  const thinRulesAfter = (model.rulesAfter ?? []).map((i) => headerEnd + 1 + i).filter((r) => r < bodyEnd);
  // 宋体 for cells with Chinese text, Times New Roman for the rest (Latin letters and digits), 10.5 pt.
  const font = { latin: "Times New Roman", cjk: "SimSun", size: 10.5, cjkCells };
  // A thin rule under a dependent variable spanning its models (as \cmidrule; the xlsx writer's rule).
  const spanRules = spanRuns(model).map((r) => ({ row: headerStart + r.row, col: r.col, colCount: r.colCount }));
  return { row, col, width, headerStart, headerEnd, bodyEnd, thinRulesAfter, numberFormats, columnWidths, centreFrom: 1, font, notes: { count: model.notes.length, size: NOTE_SIZE }, boldTitle: !!model.title, spanRules };
}

/** Runs of equal labels (after the first column) in a table's spanning header rows: header row, first column, columns spanned. */
export function spanRuns(model: TableModel): { row: number; col: number; colCount: number }[] {
  const runs: { row: number; col: number; colCount: number }[] = [];
  for (const h of model.spanHeaderRows ?? []) {
    const cells = model.header[h] ?? [];
    for (let j = 1; j < cells.length; j++) {
      let k = j;
      while (k + 1 < cells.length && cells[k + 1].value === cells[j].value && cells[j].value) k++;
      if (k > j) runs.push({ row: h, col: j, colCount: k - j + 1 });
      j = k;
    }
  }
  return runs;
}

/** Lines a text of `size` pt takes in a block `chars` width units wide (10% slack for word breaks, as the xlsx writer). */
export function wrappedLines(text: string, size: number, chars: number): number {
  return Math.max(1, Math.ceil((1.1 * displayWidth(text) * (size / 10.5)) / Math.max(chars - 1, 1)));
}

/**
 * The finish of a table sheet once its values are in (tables at the rows `formats` give, with
 * the sheet's column widths in characters): the title and each note merged across its table's
 * width and wrapped, with the row height its lines need (Excel does not fit merged rows); a
 * dependent variable merged over the columns it spans; print area over every table, one page
 * wide, landscape when the tables are wider than a portrait A4 page. A data block (`model.data`)
 * is neither merged nor printed.
 */
export function sheetFinish(tables: readonly { model: TableModel; format: ThreeLineFormat }[], widths: readonly number[]): SheetFinish {
  const merges: MergedBlock[] = [];
  const rowHeights: SheetFinish["rowHeights"] = [];
  let lastRow = 0;
  let lastCol = 0;
  for (const { model, format: f } of tables) {
    const notes = model.notes.length;
    lastRow = Math.max(lastRow, f.row + f.bodyEnd + 1 + notes);
    lastCol = Math.max(lastCol, f.col + f.width);
    if (model.data || f.width < 2) continue;
    const span = widths.slice(f.col, f.col + f.width).reduce((a, b) => a + b, 0);
    const block = (row: number, text: string, size: number, align: MergedBlock["align"]) => {
      merges.push({ row, col: f.col, rowCount: 1, colCount: f.width, align, wrap: true });
      // Excel's tallest row is 409 pt.
      rowHeights.push({ row, height: Math.min(409, Math.round((wrappedLines(text, size, span) * size * 1.45 + 2) * 4) / 4) });
    };
    if (model.title) block(f.row, model.title, 10.5, "Center");
    model.notes.forEach((n, k) => block(f.row + f.bodyEnd + 1 + k, n, NOTE_SIZE, "Left"));
    for (const r of spanRuns(model)) merges.push({ row: f.row + f.headerStart + r.row, col: f.col + r.col, rowCount: 1, colCount: r.colCount, align: "Center", wrap: false });
  }
  const printed = tables.some((t) => !t.model.data);
  const total = widths.slice(0, lastCol).reduce((a, b) => a + b, 0);
  return { merges, rowHeights, print: printed && lastRow > 0 ? { rowCount: lastRow, colCount: lastCol, landscape: total > PORTRAIT_WIDTH } : undefined };
}

/** The value grid of a table model with its title, as written to the sheet. */
export function tableValues(model: TableModel): CellValue[][] {
  return toGrid(model, { title: true });
}

/**
 * Writes every sheet through the workbook boundary: a new sheet each (suffix or replacement as
 * `addSheet` decides), values in chunks, then the three-line formats. Returns the names used.
 * Yields to the event loop between sheets so the pane repaints and Cancel can be clicked.
 */
export async function writeOutputs(io: WorkbookIO, sheets: readonly OutputSheet[], options: WriteOutputsOptions = {}): Promise<string[]> {
  const names: string[] = [];
  for (let k = 0; k < sheets.length; k++) {
    if (options.isCancelled?.()) break;
    const s = sheets[k];
    options.onProgress?.({ done: k, total: sheets.length, label: s.name });
    const name = await io.addSheet(s.name, { replaceOwn: options.replaceOwn });
    if (s.data) await io.writeValues(name, 0, 0, s.data);
    let row = 0;
    const tables = (s.tables ?? []).map((model) => {
      const values = tableValues(model);
      const at = row;
      row += values.length + 1;
      return { model, values, format: threeLineFormat(model, at, 0) };
    });
    // One width per column for the whole sheet (tables one under the other share their columns).
    const widths: number[] = [];
    for (const t of tables) t.format.columnWidths?.forEach((w, j) => (widths[j] = Math.max(widths[j] ?? 0, w)));
    for (const t of tables) {
      // Formats first: a cell formatted as text ("@") takes "-0.307***" as text, not as a formula.
      await io.formatThreeLine(name, { ...t.format, columnWidths: widths.slice(0, t.format.width) });
      await io.writeValues(name, t.format.row, 0, t.values);
    }
    if (tables.length) {
      // Merges after the values (a merge keeps only its upper-left value), then the print setup.
      const done = await io.finishSheet(name, sheetFinish(tables, widths));
      if (!done.printSetup && tables.some((t) => !t.model.data)) options.onPrintSkipped?.(name);
    }
    names.push(name);
    await new Promise((r) => setTimeout(r, 0));
  }
  options.onProgress?.({ done: names.length, total: sheets.length, label: "" });
  return names;
}
