import { Cell, isBlank, showCell } from "../cells";
import { inputError } from "../../errors";
import { isNationalTotal, normalizeProvince } from "../provinces";
import { classifyRow } from "./classify-row";
import { cellAddress } from "./cell-address";
import { isMissingToken } from "./missing-tokens";
import { parseYear } from "./parse-year";
import { parseYearbookNumber } from "./parse-number";
import { Observation, SheetLayout, SkippedRow, SheetInput } from "./types";

export interface SheetRead {
  observations: Observation[];
  skippedRows: SkippedRow[];
}

/**
 * Reads the data cells of a sheet whose layout is known. Rows below the header: blank rows
 * are passed over; footnotes, unit rows, national totals (全国, National, Total) and rows of
 * text without values are skipped and reported; a row with values needs a province name the
 * importer knows, otherwise an error names the sheet, the row and the text (it never guesses).
 * A data cell that is neither a number, a number with thousands separators, blank nor a
 * missing token is an error naming the sheet, the cell address and the province-year.
 */
export function readSheet(sheet: SheetInput, layout: SheetLayout): SheetRead {
  const grid = sheet.grid;
  const observations: Observation[] = [];
  const skippedRows: SkippedRow[] = [];
  const dataColumns =
    layout.layout === "per-indicator" ? layout.yearColumns.map((c) => c.column) : layout.indicatorColumns.map((c) => c.column);
  for (let i = layout.headerRow + 1; i < grid.length; i++) {
    const row = grid[i] ?? [];
    const cls = classifyRow(row);
    const rowText = () => row.filter((c) => !isBlank(c)).map(showCell).join(" ").trim();
    if (cls.kind === "blank") continue;
    if (cls.kind === "note" || cls.kind === "unit") {
      const j = dataColumns.find((c) => c !== layout.idColumn && typeof parseYearbookNumber(row[c]) === "number");
      if (j !== undefined) {
        throw inputError(
          `Sheet '${sheet.name}' row ${i + 1}: the row starts like a ${cls.kind === "note" ? "footnote" : "unit line"} ('${rowText().slice(0, 40)}') but cell ${cellAddress(i, j)} holds the value ${showCell(row[j])}. Write the province name without markers, or delete the row.`,
          `工作表 '${sheet.name}' 第 ${i + 1} 行：该行看起来是${cls.kind === "note" ? "脚注" : "单位行"}（'${rowText().slice(0, 40)}'），但单元格 ${cellAddress(i, j)} 有数值 ${showCell(row[j])}。请写不带标记的省份名称，或删除该行。`,
        );
      }
      skippedRows.push({ sheet: sheet.name, row: i + 1, reason: cls.kind, text: rowText() });
      continue;
    }
    const idCell: Cell = row[layout.idColumn];
    if (isBlank(idCell)) {
      const j = [...dataColumns, ...(layout.timeColumn !== undefined ? [layout.timeColumn] : [])].find((c) => typeof parseYearbookNumber(row[c]) === "number");
      if (j !== undefined) {
        throw inputError(
          `Sheet '${sheet.name}' row ${i + 1}: cell ${cellAddress(i, j)} holds '${showCell(row[j])}' but the province cell ${cellAddress(i, layout.idColumn)} is empty. Fill in the province name or delete the row.`,
          `工作表 '${sheet.name}' 第 ${i + 1} 行：单元格 ${cellAddress(i, j)} 有值 '${showCell(row[j])}'，但省份单元格 ${cellAddress(i, layout.idColumn)} 为空。请填写省份名称或删除该行。`,
        );
      }
      skippedRows.push({ sheet: sheet.name, row: i + 1, reason: "text", text: rowText() });
      continue;
    }
    if (isNationalTotal(idCell)) {
      skippedRows.push({ sheet: sheet.name, row: i + 1, reason: "national-total", text: rowText() });
      continue;
    }
    const p = typeof idCell === "string" ? normalizeProvince(idCell) : undefined;
    if (!p) {
      const name = showCell(idCell);
      throw inputError(
        `Sheet '${sheet.name}' row ${i + 1} (cell ${cellAddress(i, layout.idColumn)}): '${name}' is not one of the 31 mainland provinces. Write the province name (e.g. 北京, 内蒙古自治区, Guangxi), or delete the row if it is a subtotal such as 东部地区 or a footnote.`,
        `工作表 '${sheet.name}' 第 ${i + 1} 行（单元格 ${cellAddress(i, layout.idColumn)}）：'${name}' 不是 31 个大陆省份之一。请写省份名称（如 北京、内蒙古自治区、Guangxi）；若是“东部地区”之类的小计或脚注，请删除该行。`,
      );
    }
    let rowYear: number | undefined = layout.year;
    if (layout.layout === "long") {
      const t = layout.timeColumn!;
      rowYear = parseYear(row[t]);
      if (rowYear === undefined) {
        throw inputError(
          `Sheet '${sheet.name}' cell ${cellAddress(i, t)} (${p.name}): '${showCell(row[t] ?? "")}' is not a year. Write the year as 2003 or 2003年.`,
          `工作表 '${sheet.name}' 单元格 ${cellAddress(i, t)}（${p.name}）：'${showCell(row[t] ?? "")}' 不是年份。请写成 2003 或 2003年。`,
        );
      }
    }
    const cells =
      layout.layout === "per-indicator"
        ? layout.yearColumns.map((c) => ({ column: c.column, year: c.year, indicator: sheet.name, label: undefined as string | undefined, unit: layout.unit }))
        : layout.indicatorColumns.map((c) => ({ column: c.column, year: rowYear!, indicator: c.name, label: c.label, unit: c.unit ?? layout.unit }));
    for (const c of cells) {
      const cell = row[c.column];
      const value = parseYearbookNumber(cell);
      const address = cellAddress(i, c.column);
      if (value === undefined) {
        throw inputError(
          `Sheet '${sheet.name}' cell ${address} (${p.name}, ${c.year}), indicator '${c.indicator}': '${showCell(cell)}' is not a number. Enter a number (1234.5 or 1,234.5), or leave it blank or write — / ... / NA for a missing value.`,
          `工作表 '${sheet.name}' 单元格 ${address}（${p.name}，${c.year}），指标 '${c.indicator}'：'${showCell(cell)}' 不是数值。请填入数值（1234.5 或 1,234.5）；缺失值请留空或写 — / ... / NA。`,
        );
      }
      const obs: Observation = { indicator: c.indicator, province: p.name, code: p.code, year: c.year, value, place: `${sheet.name}!${address}` };
      if (c.unit) obs.unit = c.unit;
      if (c.label) obs.label = c.label;
      if (value === null && typeof cell === "string" && isMissingToken(cell)) obs.token = cell.trim();
      observations.push(obs);
    }
  }
  return { observations, skippedRows };
}
