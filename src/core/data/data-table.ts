import { Cell, isBlank, parseNumberCell, showCell } from "./cells";
import { inputError, emptyError } from "../errors";

/**
 * A rectangular table with named columns, read once from a 2-D grid whose first row is the
 * header (an Excel range, a CSV file, an xlsx sheet). Row numbers in messages are 1-based and
 * count the header as row 1, so "row 37" is the 37th row of the range the user selected.
 */
export interface DataTable {
  readonly names: readonly string[];
  /** Data rows, without the header; each row has names.length cells. */
  readonly rows: readonly (readonly Cell[])[];
  /** Text tokens read as missing in numeric columns besides blanks (e.g. "NA" in R's CSV). */
  readonly missingTokens: readonly string[];
}

export interface TableOptions {
  missingTokens?: readonly string[];
}

/** Builds a table from a grid with a header row. Rows that are entirely blank at the end are dropped. */
export function tableFromGrid(grid: readonly (readonly Cell[])[], options: TableOptions = {}): DataTable {
  if (!grid || grid.length === 0) {
    throw emptyError("The range is empty: select a range whose first row holds column names.", "所选区域为空：请选择首行为变量名的区域。");
  }
  const width = Math.max(...grid.map((r) => r.length));
  const header = grid[0];
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let j = 0; j < width; j++) {
    const h = header[j];
    if (isBlank(h)) {
      throw inputError(
        `Header row, column ${j + 1}: the column has no name. The first row of the range must hold a name for every column.`,
        `表头第 ${j + 1} 列没有变量名：区域首行必须为每一列给出变量名。`,
      );
    }
    const name = showCell(h).trim();
    if (seen.has(name)) {
      throw inputError(
        `Header row: the name '${name}' appears twice (columns ${seen.get(name)! + 1} and ${j + 1}). Column names must be unique.`,
        `表头中变量名 '${name}' 重复出现（第 ${seen.get(name)! + 1} 列和第 ${j + 1} 列），变量名必须唯一。`,
      );
    }
    seen.set(name, j);
    names.push(name);
  }
  let last = grid.length - 1;
  while (last >= 1 && grid[last].every(isBlank)) last--;
  const rows: Cell[][] = [];
  for (let i = 1; i <= last; i++) {
    const r = grid[i];
    const row: Cell[] = new Array(width);
    for (let j = 0; j < width; j++) row[j] = j < r.length ? r[j] : null;
    rows.push(row);
  }
  return { names, rows, missingTokens: options.missingTokens ?? [] };
}

/** The 0-based index of a column, or an error listing the available names. */
export function columnIndex(table: DataTable, name: string): number {
  const j = table.names.indexOf(name);
  if (j < 0) {
    throw inputError(
      `Unknown variable '${name}'. Available columns: ${table.names.join(", ")}.`,
      `找不到变量 '${name}'。可用的列：${table.names.join("、")}。`,
    );
  }
  return j;
}

/** Range row number (header = 1) of data row i (0-based). */
export function rangeRow(i: number): number {
  return i + 2;
}

/**
 * A numeric column: NaN marks a missing value (blank or a missing token). Text that is not a
 * number is an error naming the column, the row and the text; `describeRow` may add the
 * province-year of that row to the message.
 */
export function numericColumn(
  table: DataTable,
  name: string,
  describeRow?: (i: number) => string | undefined,
): Float64Array {
  const j = columnIndex(table, name);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const cell = table.rows[i][j];
    const v = parseNumberCell(cell, table.missingTokens);
    if (v === undefined) {
      const place = describeRow?.(i);
      const where = place ? ` (${place})` : "";
      throw inputError(
        `Column '${name}' row ${rangeRow(i)}${where}: text '${showCell(cell)}' is not a number. Enter a number or leave the cell blank for a missing value.`,
        `列 '${name}' 第 ${rangeRow(i)} 行${where}：文本 '${showCell(cell)}' 不是数值。请填入数值，缺失值请留空。`,
      );
    }
    out[i] = v === null ? NaN : v;
  }
  return out;
}

/** True when every non-blank cell of the column reads as a number (and at least one does). */
export function isNumericColumn(table: DataTable, name: string): boolean {
  const j = columnIndex(table, name);
  let any = false;
  for (const row of table.rows) {
    const v = parseNumberCell(row[j], table.missingTokens);
    if (v === undefined) return false;
    if (v !== null) any = true;
  }
  return any;
}

/** A column as display labels (ids, times, group names); blanks become null. */
export function labelColumn(table: DataTable, name: string): (string | null)[] {
  const j = columnIndex(table, name);
  return table.rows.map((r) => (isBlank(r[j]) ? null : showCell(r[j]).trim()));
}

/**
 * The table with extra columns on the right (scores, treatment indicators, group dummies);
 * a name that already exists is refused, so user data are never overwritten. Values are
 * aligned with the rows; NaN and null become blank cells.
 */
export function appendColumns(table: DataTable, columns: readonly { name: string; values: ArrayLike<number | string | null> }[]): DataTable {
  for (const c of columns) {
    if (table.names.includes(c.name)) {
      throw inputError(`The data already have a column '${c.name}'; rename that column or choose another name.`, `数据中已有列 '${c.name}'，请重命名该列或换一个名称。`);
    }
  }
  const value = (v: number | string | null): Cell => (typeof v === "number" && Number.isNaN(v) ? null : v);
  return {
    names: [...table.names, ...columns.map((c) => c.name)],
    rows: table.rows.map((r, i) => [...r, ...columns.map((c) => value(c.values[i]))]),
    missingTokens: table.missingTokens,
  };
}
