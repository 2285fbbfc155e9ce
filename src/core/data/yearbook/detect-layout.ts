import { Cell, isBlank, showCell } from "../cells";
import { inputError } from "../../errors";
import { isNationalTotal, normalizeProvince } from "../provinces";
import { classifyRow, RowClass } from "./classify-row";
import { cellAddress, columnLetters } from "./cell-address";
import { parseYear } from "./parse-year";
import { parseYearbookNumber } from "./parse-number";
import { IgnoredColumn, SheetInput, SheetLayout } from "./types";
import { maxOf } from "../extent";

const TIME_HEADER = /^(year|years|time|period|t|年|时间|.*年份|.*年度)$/i;
const CODE_HEADER = /^(code|nbs ?code|province ?code|adcode|代码|行政区划代码|区划代码|地区代码|省份代码)$/i;

/** A province name or a national total written as text (numbers are never taken for names). */
export function isPlaceName(cell: Cell): boolean {
  if (typeof cell !== "string" || cell.trim() === "" || parseYearbookNumber(cell) !== undefined) return false;
  return normalizeProvince(cell) !== undefined || isNationalTotal(cell);
}

function headerText(cell: Cell): string {
  return isBlank(cell) ? "" : showCell(cell).normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** "地区生产总值(亿元)" → name "地区生产总值", unit "亿元" (the label and unit of the column 地区生产总值(亿元)). */
export function splitUnit(header: string): { name: string; unit?: string } {
  const m = /^(.*\S)\s*[(（]([^()（）]+)[)）]$/.exec(header);
  return m ? { name: m[1].trim(), unit: m[2].trim() } : { name: header };
}

/**
 * Finds the layout of one sheet: the province column (the column with the most province names),
 * the first province row, the header (the nearest content row above it with two or more
 * filled cells), title and "单位：…" rows above the header, and then
 * - per-indicator when the header cells are mostly years ("2003", "2003年", 2003);
 * - long when a column is headed year/年份/time or holds only years;
 * - per-year otherwise, with the year taken from the sheet name ("2003", "2003年") or,
 *   failing that, from a single year in the title.
 * Returns undefined for a sheet without any province name (a README or notes sheet).
 * Throws EconError (sheet and row named) when a header or year cannot be found.
 */
export function detectLayout(sheet: SheetInput, rows: readonly RowClass[] = sheet.grid.map(classifyRow)): SheetLayout | undefined {
  const grid = sheet.grid;
  const width = maxOf(grid.map((r) => r.length), 0);
  const counts = new Array<number>(width).fill(0);
  grid.forEach((r, i) => {
    if (rows[i].kind !== "content") return;
    r.forEach((c, j) => {
      if (isPlaceName(c)) counts[j]++;
    });
  });
  const best = maxOf(counts, 0);
  if (best === 0) return undefined;
  const idColumn = counts.indexOf(best);
  const firstData = grid.findIndex((r, i) => rows[i].kind === "content" && isPlaceName(r[idColumn]));
  let headerRow = -1;
  for (let i = firstData - 1; i >= 0; i--) {
    if (rows[i].kind !== "content") continue;
    if (grid[i].filter((c) => !isBlank(c)).length >= 2) {
      headerRow = i;
      break;
    }
  }
  if (headerRow < 0) {
    throw inputError(
      `Sheet '${sheet.name}': no header row above the first province (row ${firstData + 1}, '${showCell(grid[firstData][idColumn])}'). Put a row of years (2003, 2004, …) or indicator names above the data.`,
      `工作表 '${sheet.name}'：第一个省份（第 ${firstData + 1} 行，'${showCell(grid[firstData][idColumn])}'）上方没有表头行。请在数据上方加一行年份（2003、2004…）或指标名称。`,
    );
  }
  let title: string | undefined;
  let unit: string | undefined;
  for (let i = 0; i < headerRow; i++) {
    if (rows[i].kind === "unit" && unit === undefined) unit = rows[i].text || undefined;
    if (rows[i].kind === "content" && title === undefined) title = grid[i].filter((c) => !isBlank(c)).map((c) => showCell(c).trim()).join(" ");
  }
  const header = grid[headerRow];
  const dataRows: number[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) if (rows[i].kind === "content" && isPlaceName(grid[i][idColumn])) dataRows.push(i);

  const yearColumns: { column: number; year: number }[] = [];
  const others: number[] = [];
  for (let j = 0; j < width; j++) {
    if (j === idColumn || isBlank(header[j])) continue;
    const y = parseYear(header[j]);
    if (y !== undefined) yearColumns.push({ column: j, year: y });
    else others.push(j);
  }
  const base = { sheet: sheet.name, headerRow, idColumn, title, unit };
  const ignoredColumns: IgnoredColumn[] = [];
  const blankHeaded = (kind: string) => {
    for (let j = 0; j < width; j++) {
      if (j === idColumn || !isBlank(header[j])) continue;
      const i = dataRows.find((r) => !isBlank(grid[r][j]));
      if (i !== undefined) {
        throw inputError(
          `Sheet '${sheet.name}' cell ${cellAddress(i, j)}: column ${columnLetters(j)} holds values but its header (row ${headerRow + 1}) is empty. Give it ${kind} or delete the column.`,
          `工作表 '${sheet.name}' 单元格 ${cellAddress(i, j)}：第 ${columnLetters(j)} 列有数据，但表头（第 ${headerRow + 1} 行）为空。请填上${kind === "a year" ? "年份" : "指标名称"}或删除该列。`,
        );
      }
    }
  };

  if (yearColumns.length > 0 && yearColumns.length >= others.length) {
    const seen = new Map<number, number>();
    for (const { column, year } of yearColumns) {
      if (seen.has(year)) {
        throw inputError(
          `Sheet '${sheet.name}': year ${year} heads two columns (${cellAddress(headerRow, seen.get(year)!)} and ${cellAddress(headerRow, column)}). Each year may appear once.`,
          `工作表 '${sheet.name}'：年份 ${year} 出现在两列表头（${cellAddress(headerRow, seen.get(year)!)} 和 ${cellAddress(headerRow, column)}），每个年份只能出现一次。`,
        );
      }
      seen.set(year, column);
    }
    for (const j of others) {
      ignoredColumns.push({
        column: columnLetters(j),
        header: headerText(header[j]),
        reason: { en: "not a year in a sheet of years (provinces × years)", zh: "按年份排列的表中该列表头不是年份" },
      });
    }
    blankHeaded("a year");
    return { ...base, layout: "per-indicator", yearColumns, indicatorColumns: [], ignoredColumns };
  }

  // Long or per-year: find a time column.
  const allYears = (j: number) => {
    const filled = dataRows.filter((i) => !isBlank(grid[i][j]));
    return filled.length > 0 && filled.every((i) => parseYear(grid[i][j]) !== undefined);
  };
  let timeColumn = others.find((j) => TIME_HEADER.test(headerText(header[j])));
  if (timeColumn === undefined) timeColumn = others.find((j) => allYears(j) && dataRows.some((i) => typeof grid[i][j] === "string"));
  const indicatorColumns: SheetLayout["indicatorColumns"] = [];
  for (const j of others) {
    if (j === timeColumn) continue;
    const h = headerText(header[j]);
    if (CODE_HEADER.test(h)) {
      ignoredColumns.push({ column: columnLetters(j), header: h, reason: { en: "province code column (codes come from the province names)", zh: "省份代码列（代码由省份名称确定）" } });
      continue;
    }
    const filled = dataRows.filter((i) => parseYearbookNumber(grid[i][j]) !== null);
    if (filled.length > 0 && filled.every((i) => parseYearbookNumber(grid[i][j]) === undefined)) {
      ignoredColumns.push({ column: columnLetters(j), header: h, reason: { en: "text column (no numbers)", zh: "文本列（没有数值）" } });
      continue;
    }
    // The full header is the variable's name (as R's readxl keeps it; `地区生产总值(亿元)` in a formula);
    // a unit in parentheses also goes to `unit`, the rest to `label`.
    const { name: label, unit } = splitUnit(h);
    indicatorColumns.push(unit ? { column: j, name: h, label, unit } : { column: j, name: h });
  }
  blankHeaded("an indicator name");
  if (timeColumn !== undefined) {
    return { ...base, layout: "long", timeColumn, yearColumns: [], indicatorColumns, ignoredColumns };
  }
  let year = parseYear(sheet.name);
  let yearSource: SheetLayout["yearSource"] = "sheet name";
  if (year === undefined && title) {
    const found = [...new Set([...title.normalize("NFKC").matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1])))];
    if (found.length === 1) {
      year = found[0];
      yearSource = "title";
    }
  }
  if (year === undefined) {
    throw inputError(
      `Sheet '${sheet.name}': provinces are in rows and indicators in columns (header row ${headerRow + 1}), but the sheet has no year. Name the sheet by its year (e.g. '2003' or '2003年'), or add a year column headed 'year' / '年份'.`,
      `工作表 '${sheet.name}'：省份在行、指标在列（表头第 ${headerRow + 1} 行），但无法确定年份。请把工作表命名为年份（如 '2003' 或 '2003年'），或加一列表头为 '年份' 的年份列。`,
    );
  }
  return { ...base, layout: "per-year", year, yearSource, yearColumns: [], indicatorColumns, ignoredColumns };
}
