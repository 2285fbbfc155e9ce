import type { TableModel } from "../../render/table-model";
import { toGrid } from "../../render/grid";
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
 * the last body row (plus thin rules at `model.rulesAfter`). Numbers with `digits` get a fixed
 * format; other non-integers get four decimals.
 */
export function threeLineFormat(model: TableModel, row: number, col: number): ThreeLineFormat {
  const titleRows = model.title ? 1 : 0;
  const headerStart = titleRows;
  const headerEnd = titleRows + Math.max(model.header.length, 1) - 1;
  const bodyEnd = headerEnd + model.body.length;
  const width = maxOf([...model.header, ...model.body].map((r) => r.length), 1);
  const numberFormats: ThreeLineFormat["numberFormats"] = [];
  model.body.forEach((r, i) =>
    r.forEach((c, j) => {
      if (typeof c.value !== "number" || !Number.isFinite(c.value)) return;
      if (c.digits !== undefined) numberFormats.push({ row: headerEnd + 1 + i, col: j, format: fixedFormat(c.digits) });
      else if (!Number.isInteger(c.value)) numberFormats.push({ row: headerEnd + 1 + i, col: j, format: "0.0000" });
    }),
  );
  const thinRulesAfter = (model.rulesAfter ?? []).map((i) => headerEnd + 1 + i).filter((r) => r < bodyEnd);
  return { row, col, width, headerStart, headerEnd, bodyEnd, thinRulesAfter, numberFormats };
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
    for (const model of s.tables ?? []) {
      const values = tableValues(model);
      await io.writeValues(name, row, 0, values);
      await io.formatThreeLine(name, threeLineFormat(model, row, 0));
      row += values.length + 1;
    }
    names.push(name);
    await new Promise((r) => setTimeout(r, 0));
  }
  options.onProgress?.({ done: names.length, total: sheets.length, label: "" });
  return names;
}
