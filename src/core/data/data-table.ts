import { Cell, isBlank, parseNumberCell, showCell } from "./cells";
import { inputError, emptyError } from "../errors";
import { Column, cellOf, columnFromCells } from "./table-column";
import { outOfRangeError } from "./number-range";
import { csvTextNumber, decimalHint, hasDecimalPoint } from "./csv/decimal";

export type { Column } from "./table-column";

/**
 * A rectangular table with named columns, stored column by column: numeric columns as
 * Float64Array (NaN = missing), text columns as interned codes, or the cells of an Excel range
 * as they came. Built from a 2-D grid whose first row is the header (an Excel range, an xlsx
 * sheet) or straight from a CSV file (csv/parse-csv.ts). Row numbers in messages are 1-based
 * and count the header as row 1, so "row 37" is the 37th row of the range the user selected.
 */
export interface DataTable {
  readonly names: readonly string[];
  /** Number of data rows (the header not counted). */
  readonly nrows: number;
  /** One column per name, each of length nrows. */
  readonly columns: readonly Column[];
  /**
   * Data rows as cells, without the header; each row has names.length cells. Built on first
   * use and kept: only for display and writing back to sheets — estimators read `columns`.
   */
  readonly rows: readonly (readonly Cell[])[];
  /** Text tokens read as missing in numeric columns besides blanks (e.g. "NA" in R's CSV). */
  readonly missingTokens: readonly string[];
  /**
   * A CSV file's line of each data row (1-based, the header's line counted; blank lines and line
   * breaks inside quotes too), so messages name the line a text editor shows. Absent for grids
   * (an Excel range or sheet): row = data row + 2 there.
   */
  readonly rowNumbers?: Int32Array;
  /** How a CSV file was read (for the hints of messages). */
  readonly csv?: CsvSource;
}

/** The file, decimal mark and field separator a CSV table was read with. */
export interface CsvSource {
  file: string;
  decimal: "." | ",";
  delimiter: string;
}

/** Where a table's rows came from, kept by tables derived from it (appendColumns). */
export interface TableSource {
  rowNumbers?: Int32Array;
  csv?: CsvSource;
}

export interface TableOptions {
  missingTokens?: readonly string[];
}

/** A table from its columns (all of length nrows); `rows` is materialised only when asked for. */
export function makeTable(names: readonly string[], columns: readonly Column[], nrows: number, missingTokens: readonly string[] = [], source: TableSource = {}): DataTable {
  let rows: Cell[][] | undefined;
  return {
    names,
    nrows,
    columns,
    missingTokens,
    ...(source.rowNumbers ? { rowNumbers: source.rowNumbers } : {}),
    ...(source.csv ? { csv: source.csv } : {}),
    get rows() {
      if (!rows) {
        rows = new Array(nrows);
        for (let i = 0; i < nrows; i++) {
          const r: Cell[] = new Array(columns.length);
          for (let j = 0; j < columns.length; j++) r[j] = cellOf(columns[j], i);
          rows[i] = r;
        }
      }
      return rows;
    },
  };
}

/** The cell at data row i (0-based), column j. */
export function cellAt(table: DataTable, i: number, j: number): Cell {
  return cellOf(table.columns[j], i);
}

/** The header check shared by grids and CSV files: every name present, trimmed and unique. */
export function checkHeader(header: readonly Cell[], width: number): string[] {
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
  return names;
}

/**
 * Builds a table from a grid with a header row (an Excel range of any height, up to Excel's
 * 1,048,576 rows). Rows that are entirely blank at the end are dropped; so are columns at the
 * right with neither a name nor a value (Excel's used range often includes them).
 */
export function tableFromGrid(grid: readonly (readonly Cell[])[], options: TableOptions = {}): DataTable {
  if (!grid || grid.length === 0) {
    throw emptyError("The range is empty: select a range whose first row holds column names.", "所选区域为空：请选择首行为变量名的区域。");
  }
  let last = grid.length - 1;
  while (last >= 1 && grid[last].every(isBlank)) last--;
  let width = 0;
  for (let i = 0; i <= last; i++) if (grid[i].length > width) width = grid[i].length;
  const header = grid[0];
  const usedWidth = (j: number) => {
    for (let i = 1; i <= last; i++) if (!isBlank(grid[i][j])) return true;
    return false;
  };
  while (width > 0 && isBlank(header[width - 1]) && !usedWidth(width - 1)) width--;
  for (let j = 0; j < width; j++) {
    if (!isBlank(header[j])) continue;
    // A column without a name but with values: name the first row that has one (a stray or ragged row).
    let first = -1;
    for (let i = 1; i <= last && first < 0; i++) if (!isBlank(grid[i][j])) first = i;
    if (first < 0) continue;
    throw inputError(
      `Column ${j + 1} has no name in the header row, but row ${first + 1} has a value there ('${showCell(grid[first][j])}'). Give the column a name in the first row, or remove the stray values.`,
      `第 ${j + 1} 列在表头行中没有变量名，但第 ${first + 1} 行在该列有值（'${showCell(grid[first][j])}'）。请在首行为该列命名，或删除多余的值。`,
    );
  }
  const names = checkHeader(header, width);
  const nrows = last;
  const columns: Column[] = [];
  for (let j = 0; j < width; j++) {
    const cells: Cell[] = new Array(nrows);
    for (let i = 0; i < nrows; i++) {
      const r = grid[i + 1];
      cells[i] = j < r.length ? r[j] : null;
    }
    columns.push(columnFromCells(cells));
  }
  return makeTable(names, columns, nrows, options.missingTokens ?? []);
}

/** The 0-based index of a column, or an error listing the available names. */
export function columnIndex(table: DataTable, name: string): number {
  const j = table.names.indexOf(name);
  if (j < 0) {
    // Imported yearbook columns keep their unit in the name: '地区生产总值' → '地区生产总值(亿元)'.
    const withUnit = table.names.filter((n) => n.startsWith(name) && /^\s*[(（][^()（）]+[)）]$/.test(n.slice(name.length)));
    const hint = withUnit.length === 1 ? { en: ` Did you mean '${withUnit[0]}' (the name with its unit)?`, zh: `您是想用 '${withUnit[0]}'（带单位的名称）吗？` } : { en: "", zh: "" };
    throw inputError(
      `Unknown variable '${name}'.${hint.en} Available columns: ${table.names.join(", ")}.`,
      `找不到变量 '${name}'。${hint.zh}可用的列：${table.names.join("、")}。`,
    );
  }
  return j;
}

/**
 * The row number users see for data row i (0-based): in a CSV file its line (`rowNumbers`),
 * in a range or sheet the range row (header = 1, so i + 2).
 */
export function rangeRow(i: number, table?: Pick<DataTable, "rowNumbers">): number {
  const lines = table?.rowNumbers;
  return lines && i >= 0 && i < lines.length ? lines[i] : i + 2;
}

function notANumber(table: DataTable, name: string, i: number, cell: Cell, place: string | undefined) {
  const where = place ? ` (${place})` : "";
  const hint = typeof cell === "string" ? decimalHint(cell, table.csv) : { en: "", zh: "" };
  return inputError(
    `Column '${name}' row ${rangeRow(i, table)}${where}: text '${showCell(cell)}' is not a number.${hint.en || " Enter a number or leave the cell blank for a missing value."}`,
    `列 '${name}' 第 ${rangeRow(i, table)} 行${where}：文本 '${showCell(cell)}' 不是数值。${hint.zh || "请填入数值，缺失值请留空。"}`,
  );
}

/**
 * A numeric column (a fresh array the caller may change): NaN marks a missing value (blank or
 * a missing token). Text that is not a number, or a number outside double precision (1e309),
 * is an error naming the column, the row and the text; `describeRow` may add the
 * province-year of that row to the message. With `shared`, a number column comes back as a
 * view of the table's own values (no copy: 8 MB per million rows), which the caller must only read.
 */
export function numericColumn(table: DataTable, name: string, describeRow?: (i: number) => string | undefined, shared = false): Float64Array {
  const j = columnIndex(table, name);
  const col = table.columns[j];
  const n = table.nrows;
  let out: Float64Array;
  if (col.kind === "number") {
    out = shared ? col.values.subarray(0, n) : col.values.slice(0, n);
  } else if (col.kind === "text") {
    const levelValue = new Float64Array(col.levels.length);
    const bad = new Uint8Array(col.levels.length);
    const csv = table.csv;
    col.levels.forEach((s, k) => {
      // A CSV file's text cells are numbers by its decimal mark ("1,5" with ',', "1,234" with '.').
      const read = csv ? csvTextNumber(s, csv.decimal) : undefined;
      const v = read !== undefined ? read : csv?.decimal === "," && hasDecimalPoint(s) ? undefined : parseNumberCell(s, table.missingTokens);
      if (v === undefined) bad[k] = 1;
      levelValue[k] = v === null || v === undefined ? NaN : v;
    });
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0) out[i] = NaN;
      else if (bad[c]) throw notANumber(table, name, i, col.levels[c], describeRow?.(i));
      else out[i] = levelValue[c];
    }
  } else {
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const cell = col.cells[i];
      const v = parseNumberCell(cell, table.missingTokens);
      if (v === undefined) throw notANumber(table, name, i, cell, describeRow?.(i));
      out[i] = v === null ? NaN : v;
    }
  }
  // A reader's finite column (CSV) holds no ±Infinity: its pass is skipped.
  if (!(col.kind === "number" && col.finite)) for (let i = 0; i < n; i++) {
    const v = out[i];
    if (v === Infinity || v === -Infinity) throw outOfRangeError(name, rangeRow(i, table), describeRow?.(i), showCell(cellAt(table, i, j)));
  }
  return out;
}

/** True when every non-blank cell of the column reads as a number (and at least one does). */
export function isNumericColumn(table: DataTable, name: string): boolean {
  const col = table.columns[columnIndex(table, name)];
  if (col.kind === "number") {
    for (let i = 0; i < table.nrows; i++) if (!Number.isNaN(col.values[i])) return true;
    return false;
  }
  if (col.kind === "text") {
    let any = false;
    const used = new Uint8Array(col.levels.length);
    for (let i = 0; i < table.nrows; i++) if (col.codes[i] >= 0) used[col.codes[i]] = 1;
    const csv = table.csv;
    for (let k = 0; k < col.levels.length; k++) {
      if (!used[k]) continue;
      const s = col.levels[k];
      const read = csv ? csvTextNumber(s, csv.decimal) : undefined;
      const v = read !== undefined ? read : csv?.decimal === "," && hasDecimalPoint(s) ? undefined : parseNumberCell(s, table.missingTokens);
      if (v === undefined) return false;
      if (v !== null) any = true;
    }
    return any;
  }
  let any = false;
  for (const cell of col.cells) {
    const v = parseNumberCell(cell, table.missingTokens);
    if (v === undefined) return false;
    if (v !== null) any = true;
  }
  return any;
}

/** A column as display labels (ids, times, group names); blanks become null. */
export function labelColumn(table: DataTable, name: string): (string | null)[] {
  const col = table.columns[columnIndex(table, name)];
  const out: (string | null)[] = new Array(table.nrows);
  if (col.kind === "text") {
    const trimmed = col.levels.map((s) => (isBlank(s) ? null : s.trim()));
    for (let i = 0; i < table.nrows; i++) out[i] = col.codes[i] < 0 ? null : trimmed[col.codes[i]];
  } else {
    for (let i = 0; i < table.nrows; i++) {
      const c = cellOf(col, i);
      out[i] = isBlank(c) ? null : showCell(c).trim();
    }
  }
  return out;
}

/**
 * The table with extra columns on the right (scores, treatment indicators, group dummies);
 * a name that already exists is refused, so user data are never overwritten. Values are
 * aligned with the rows; NaN and null become blank cells. The existing columns are shared, not copied.
 */
export function appendColumns(table: DataTable, columns: readonly { name: string; values: ArrayLike<number | string | null> }[]): DataTable {
  for (const c of columns) {
    if (table.names.includes(c.name)) {
      throw inputError(`The data already have a column '${c.name}'; rename that column or choose another name.`, `数据中已有列 '${c.name}'，请重命名该列或换一个名称。`);
    }
  }
  const added = columns.map((c) => {
    const cells: Cell[] = new Array(table.nrows);
    for (let i = 0; i < table.nrows; i++) {
      const v = c.values[i];
      cells[i] = typeof v === "number" && Number.isNaN(v) ? null : v;
    }
    return columnFromCells(cells);
  });
  return makeTable([...table.names, ...columns.map((c) => c.name)], [...table.columns, ...added], table.nrows, table.missingTokens, { rowNumbers: table.rowNumbers, csv: table.csv });
}
