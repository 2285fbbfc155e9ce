import type ExcelJS from "exceljs";
import { Cell } from "../core/data/cells";
import { loadWorkbook } from "./workbook-file";

export interface SheetGrid {
  name: string;
  grid: Cell[][];
}

/** Reads every worksheet of an xlsx file as a grid of plain values (formulas give their cached results). */
export async function readWorkbookGrids(path: string): Promise<SheetGrid[]> {
  // exceljs is loaded by the commands that read workbooks only (it takes ~0.3 s or more to load).
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  // Checked first: a file that is not a workbook is refused with the reason (workbook-file.ts).
  const originalNames = await loadWorkbook(wb, path);
  const out: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const grid: Cell[][] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r: Cell[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        r[col - 1] = plainValue(cell.value);
      });
      grid[rowNumber - 1] = r;
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = new Array(width).fill(null);
    out.push({ name: originalNames.get(ws.name) ?? ws.name, grid });
  });
  return out;
}

function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("result" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return (v as ExcelJS.CellErrorValue).error;
  }
  return String(v);
}
