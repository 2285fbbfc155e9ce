import type ExcelJS from "exceljs";
import { maxOf } from "../core/data/extent";
import { TableModel, TableCell } from "../render/table-model";
import { displayWidth, shownNumber, WIDE_CHAR, cellNumberFormat, looksLikeFormula } from "../render/format";

const RULE_HEAVY: Partial<ExcelJS.Border> = { style: "medium", color: { argb: "FF000000" } };
const RULE_THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
/** Chinese tables: 宋体 for Chinese, Times New Roman for Latin letters and digits, 10.5 pt (五号). */
export const LATIN_FONT = "Times New Roman";
export const CJK_FONT = "SimSun";
export const FONT_SIZE = 10.5;
const NOTE_SIZE = 9;
/** Widest a column grows before its text wraps (in Excel width units, about one Latin digit each). */
const MAX_WIDTH = 56;

type Font = Partial<ExcelJS.Font>;

/** Runs of Chinese and of Latin text, each in its font (rich text), or one font for the whole cell. */
export function fontedText(s: string, size = FONT_SIZE, bold = false): { value: ExcelJS.CellValue; font: Font } {
  const latin: Font = { name: LATIN_FONT, size, bold };
  const cjk: Font = { name: CJK_FONT, size, bold };
  const runs: { text: string; wide: boolean }[] = [];
  for (const ch of s) {
    const wide = WIDE_CHAR.test(ch);
    const last = runs[runs.length - 1];
    if (last && last.wide === wide) last.text += ch;
    else runs.push({ text: ch, wide });
  }
  if (runs.length <= 1) return { value: s, font: runs[0]?.wide ? cjk : latin };
  return { value: { richText: runs.map((r) => ({ text: r.text, font: r.wide ? cjk : latin })) }, font: latin };
}

/** The number format a number cell is written with: its own, its decimals, or a table default. */
export const cellFormat = cellNumberFormat;

function shown(c: TableCell | undefined, data: boolean): string {
  if (!c || c.value === null) return "";
  if (typeof c.value === "number") return Number.isFinite(c.value) ? shownNumber(c.value, c.digits, cellFormat(c, data)) : "";
  return c.value;
}

/** What the sheet writer measured: content width per column (1-based) and the last row used. */
export interface SheetLayout {
  widths: number[];
  lastRow: number;
  lastCol: number;
  /** Rows holding a note or title merged across the table, with its text (heights set at the end). */
  merged: { row: number; text: string; size: number; cols: number }[];
  /** Cells whose text is wider than MAX_WIDTH: wrapped, row height raised. */
  wrapped: { row: number; col: number; text: string }[];
}

export function newLayout(): SheetLayout {
  return { widths: [], lastRow: 0, lastCol: 0, merged: [], wrapped: [] };
}

function put(ws: ExcelJS.Worksheet, r: number, col: number, text: string, size: number, bold = false): ExcelJS.Cell {
  const cellRef = ws.getCell(r, col);
  const f = fontedText(text, size, bold);
  cellRef.value = f.value;
  cellRef.font = f.font;
  return cellRef;
}

/**
 * Writes a table model as a three-line table (三线表) starting at `startRow`: a heavy rule above
 * the header, a thin rule under it, a heavy rule under the last body row; the title above and
 * the notes below merged across the table and wrapped. Numbers stay numbers with a number format
 * (a table's decimals, weights "0.00", scores "0.000"); text that Excel would read as a formula
 * (starting with -, + or =) is marked as text ("@"). Numbers and coefficients are centred,
 * labels left-aligned; 宋体 / Times New Roman 10.5 pt. Returns the next free row.
 */
export function writeThreeLineTable(ws: ExcelJS.Worksheet, model: TableModel, startRow = 1, layout: SheetLayout = newLayout()): number {
  let r = startRow;
  const rows = [...model.header, ...model.body];
  const width = maxOf(rows.map((row) => row.length), 1);
  const data = model.data === true;
  if (model.title) {
    put(ws, r, 1, model.title, FONT_SIZE, true).alignment = { horizontal: data ? "left" : "center", vertical: "middle" };
    if (width > 1 && !data) {
      ws.mergeCells(r, 1, r, width);
      layout.merged.push({ row: r, text: model.title, size: FONT_SIZE, cols: width });
    }
    r += 1;
  }
  const firstHeader = r;
  rows.forEach((row, i) => {
    const isHeader = i < model.header.length;
    for (let j = 0; j < width; j++) {
      const c = row[j];
      const cellRef = ws.getCell(r, j + 1);
      const v = c?.value ?? null;
      if (typeof v === "number") {
        cellRef.value = Number.isFinite(v) ? v : null;
        cellRef.font = { name: LATIN_FONT, size: FONT_SIZE };
        const fmt = cellFormat(c!, data);
        if (fmt) cellRef.numFmt = fmt;
      } else if (typeof v === "string" && v !== "") {
        const f = fontedText(v);
        cellRef.value = f.value;
        cellRef.font = f.font;
        if (looksLikeFormula(v)) cellRef.numFmt = "@";
      }
      const text = shown(c, data);
      const left = j === 0 || (!isHeader && c?.role === "label");
      const wide = displayWidth(text) + 2 > MAX_WIDTH;
      cellRef.alignment = { horizontal: left ? "left" : "center", vertical: "middle", ...(wide ? { wrapText: true } : {}) };
      if (wide) layout.wrapped.push({ row: r, col: j + 1, text });
      const border: Partial<ExcelJS.Borders> = {};
      if (r === firstHeader) border.top = RULE_HEAVY;
      if (i === model.header.length - 1) border.bottom = RULE_THIN;
      if (i === rows.length - 1) border.bottom = RULE_HEAVY;
      if (border.top || border.bottom) cellRef.border = border;
    }
    r += 1;
  });
  // A dependent variable over its models: merge runs of equal labels in the spanning header rows.
  for (const h of model.spanHeaderRows ?? []) {
    const row = model.header[h];
    let j = 1;
    while (j < row.length) {
      let k = j;
      while (k + 1 < row.length && row[k + 1].value === row[j].value && row[j].value) k++;
      if (k > j) {
        ws.mergeCells(firstHeader + h, j + 1, firstHeader + h, k + 1);
        // The merged cell's bottom edge: a thin rule under the spanned label (as \cmidrule).
        ws.getCell(firstHeader + h, j + 1).border = { ...(h === 0 ? { top: RULE_HEAVY } : {}), bottom: RULE_THIN };
      }
      j = k + 1;
    }
  }
  // Content widths (merged title, notes and spanning header cells excluded).
  rows.forEach((row, i) => {
    const spanning = (model.spanHeaderRows ?? []).includes(i) && i < model.header.length;
    row.forEach((c, j) => {
      // A label spanning several columns is spread over them; one over a single column counts in full.
      const same = (k: number) => row[k] !== undefined && row[k].value === c.value && !!c.value;
      if (spanning && j > 0 && (same(j - 1) || same(j + 1))) return;
      const w = Math.min(MAX_WIDTH, displayWidth(shown(c, data)) + 2);
      layout.widths[j + 1] = Math.max(layout.widths[j + 1] ?? 0, w);
    });
  });
  for (const note of model.notes) {
    put(ws, r, 1, note, NOTE_SIZE).alignment = { horizontal: "left", vertical: "top", wrapText: !data };
    if (width > 1 && !data) {
      ws.mergeCells(r, 1, r, width);
      layout.merged.push({ row: r, text: note, size: NOTE_SIZE, cols: width });
    }
    r += 1;
  }
  layout.lastRow = Math.max(layout.lastRow, r - 1);
  layout.lastCol = Math.max(layout.lastCol, width);
  return r;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Column widths fitted to the content (CJK characters count double), row heights for merged
 * notes and wrapped cells, and print setup: the used area, one page wide, landscape when the
 * table is wider than a portrait A4 page.
 */
export function finishSheet(ws: ExcelJS.Worksheet, layout: SheetLayout, options: { print?: boolean } = {}): void {
  for (let j = 1; j <= layout.lastCol; j++) ws.getColumn(j).width = Math.max(6, layout.widths[j] ?? 6);
  const total = Array.from({ length: layout.lastCol }, (_, j) => ws.getColumn(j + 1).width ?? 8).reduce((a, b) => a + b, 0);
  const lineHeight = (size: number) => size * 1.45;
  for (const m of layout.merged) {
    // The merge's own width (a narrow table under a wide one wraps its notes sooner); 10% slack for word breaks.
    const span = Array.from({ length: m.cols }, (_, j) => ws.getColumn(j + 1).width ?? 8).reduce((a, b) => a + b, 0);
    const lines = Math.max(1, Math.ceil((1.1 * displayWidth(m.text) * (m.size / FONT_SIZE)) / Math.max(span - 1, 1)));
    ws.getRow(m.row).height = Math.max(ws.getRow(m.row).height ?? 0, lines * lineHeight(m.size) + 2);
  }
  for (const w of layout.wrapped) {
    const colWidth = ws.getColumn(w.col).width ?? MAX_WIDTH;
    const lines = Math.ceil(displayWidth(w.text) / Math.max(colWidth - 2, 1));
    ws.getRow(w.row).height = Math.max(ws.getRow(w.row).height ?? 0, lines * lineHeight(FONT_SIZE) + 2);
  }
  if (options.print === false || layout.lastRow === 0) return;
  ws.pageSetup.printArea = `A1:${columnLetter(layout.lastCol)}${layout.lastRow}`;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.paperSize = 9;
  // A4 portrait holds about 90 width units between 1.8 cm margins.
  ws.pageSetup.orientation = total > 90 ? "landscape" : "portrait";
  ws.pageSetup.horizontalCentered = true;
  ws.pageSetup.margins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
}

/** Writes a sheet's tables one under the other (a blank row between) and finishes its layout. */
export function writeTablesSheet(ws: ExcelJS.Worksheet, tables: readonly TableModel[]): SheetLayout {
  const layout = newLayout();
  let row = 1;
  for (const t of tables) row = writeThreeLineTable(ws, t, row, layout) + 1;
  finishSheet(ws, layout, { print: !tables.every((t) => t.data) });
  return layout;
}
