import type { TableModel } from "../../render/table-model";
import { toGrid } from "../../render/grid";
import { cellNumberFormat, looksLikeFormula, displayWidth, shownNumber, WIDE_CHAR } from "../../render/format";
import type { CellValue, ThreeLineFormat, WorkbookIO } from "../excel-io";
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
}

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
  return { row, col, width, headerStart, headerEnd, bodyEnd, thinRulesAfter, numberFormats, columnWidths, centreFrom: 1, font };
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
      return { values, format: threeLineFormat(model, at, 0) };
    });
    // One width per column for the whole sheet (tables one under the other share their columns).
    const widths: number[] = [];
    for (const t of tables) t.format.columnWidths?.forEach((w, j) => (widths[j] = Math.max(widths[j] ?? 0, w)));
    for (const t of tables) {
      // Formats first: a cell formatted as text ("@") takes "-0.307***" as text, not as a formula.
      await io.formatThreeLine(name, { ...t.format, columnWidths: widths.slice(0, t.format.width) });
      await io.writeValues(name, t.format.row, 0, t.values);
    }
    names.push(name);
    await new Promise((r) => setTimeout(r, 0));
  }
  options.onProgress?.({ done: names.length, total: sheets.length, label: "" });
  return names;
}
