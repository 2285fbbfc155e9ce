import type ExcelJS from "exceljs";
import { TableModel } from "../render/table-model";
import { maxOf } from "../core/data/extent";

const RULE_HEAVY: Partial<ExcelJS.Border> = { style: "medium", color: { argb: "FF000000" } };
const RULE_THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** Excel number format for a number cell with `digits` decimals (General when unspecified). */
function numFmt(digits: number | undefined): string | undefined {
  if (digits === undefined) return undefined;
  return digits === 0 ? "0" : "0." + "0".repeat(digits);
}

/**
 * Writes a table model as a three-line table (三线表) starting at `startRow`: a heavy rule above
 * the header, a thin rule under it, a heavy rule under the last body row; notes below in a
 * smaller font. Numbers stay numbers (with a number format); returns the next free row.
 */
export function writeThreeLineTable(ws: ExcelJS.Worksheet, model: TableModel, startRow = 1): number {
  let r = startRow;
  const width = maxOf([...model.header, ...model.body].map((row) => row.length), 1);
  if (model.title) {
    ws.getCell(r, 1).value = model.title;
    ws.getCell(r, 1).font = { bold: true };
    r += 1;
  }
  const firstHeader = r;
  const rows = [...model.header, ...model.body];
  rows.forEach((row, i) => {
    for (let j = 0; j < width; j++) {
      const c = row[j];
      const cellRef = ws.getCell(r, j + 1);
      const v = c?.value ?? null;
      cellRef.value = typeof v === "number" && !Number.isFinite(v) ? null : v;
      const fmt = typeof v === "number" ? numFmt(c?.digits) : undefined;
      if (fmt) cellRef.numFmt = fmt;
      cellRef.alignment = { horizontal: j === 0 ? "left" : "center", vertical: "middle" };
      if (c?.role === "header") cellRef.font = { bold: false };
      const border: Partial<ExcelJS.Borders> = {};
      if (r === firstHeader) border.top = RULE_HEAVY;
      if (i === model.header.length - 1) border.bottom = RULE_THIN;
      if (i === rows.length - 1) border.bottom = RULE_HEAVY;
      if (border.top || border.bottom) cellRef.border = border;
    }
    r += 1;
  });
  for (const note of model.notes) {
    const c = ws.getCell(r, 1);
    c.value = note;
    c.font = { size: 9 };
    r += 1;
  }
  ws.getColumn(1).width = maxOf(rows.map((row) => String(row[0]?.value ?? "").length * 1.6), 12);
  for (let j = 2; j <= width; j++) ws.getColumn(j).width = 14;
  return r;
}
