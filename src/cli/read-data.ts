import { closeSync, openSync, readFileSync, readSync, statSync } from "fs";
import { extname, resolve } from "path";
import { Cell } from "../core/data/cells";
import { DataTable, tableFromGrid } from "../core/data/data-table";
import { decodeText } from "../core/data/csv/decode-text";
import { parseCsvBytes } from "../core/data/csv/parse-bytes";
import { SPLIT_MIN_BYTES, readFileBytes, workerSplitReader } from "./csv-parallel";
import { delimiterOption } from "../core/data/csv/dialect";
import { DecimalMark, decimalOption } from "../core/data/csv/decimal";
import { emptyError, inputError } from "../core/errors";
import { workbookSignature } from "./workbook-file";

/**
 * Text read as missing in CSV files besides empty fields: R's `NA` and Stata's `.`, so files
 * written by `write.csv` or `export delimited` read as they were meant.
 */
export const CSV_MISSING_TOKENS = ["NA", "."] as const;

/** How CSV files are read: `--encoding` and `--delimiter` of any command (set by main.ts). */
export interface CsvReadOptions {
  encoding?: string;
  delimiter?: string;
  /** "," or "." (--decimal); detected when absent. */
  decimal?: string;
}

let csvOptions: CsvReadOptions = {};

/** Sets the CSV options of this command line (validated here, so a bad value is reported before any work). */
export function setCsvReadOptions(options: CsvReadOptions): void {
  csvOptions = {
    ...options,
    delimiter: options.delimiter === undefined ? undefined : delimiterOption(options.delimiter),
    decimal: options.decimal === undefined ? undefined : decimalOption(options.decimal),
  };
}

/**
 * Reads a CSV file into a table in one pass: bytes → text (encoding detected: UTF-8 with or
 * without BOM, UTF-16, GB18030/GBK; or --encoding) → typed columns (delimiter detected: comma,
 * semicolon, tab; or --delimiter). A header with no data rows is refused, naming the file.
 * Plain numeric rows are read from the bytes without decoding them, a large file's second half
 * on a worker thread (parse-bytes.ts, csv-parallel.ts): the same table as the text path.
 */
export function readCsvTable(path: string): DataTable {
  const stat = statSync(path);
  if (stat.isDirectory()) throw inputError(`${path} is a folder, not a data file. Give the path of a .csv or .xlsx file.`, `${path} 是文件夹，不是数据文件。请给出 .csv 或 .xlsx 文件的路径。`);
  const encoding = csvOptions.encoding === "gbk" ? "gb18030" : csvOptions.encoding;
  // A large file: the worker thread starts while the file is read.
  const split = stat.size >= SPLIT_MIN_BYTES ? workerSplitReader() : undefined;
  let table: DataTable;
  try {
    table = parseCsvBytes(
      readFileBytes(path),
      { delimiter: csvOptions.delimiter, decimal: csvOptions.decimal as DecimalMark | undefined, missingTokens: CSV_MISSING_TOKENS, file: path, encoding },
      split,
    );
  } finally {
    split?.close();
  }
  if (table.nrows === 0) {
    throw emptyError(
      `${path} has a header (${table.names.slice(0, 8).join(", ")}${table.names.length > 8 ? ", …" : ""}) but no data rows. Add one line per observation below the header.`,
      `${path} 只有表头（${table.names.slice(0, 8).join("、")}${table.names.length > 8 ? "、…" : ""}），没有数据行。请在表头下方每行填入一条观测。`,
    );
  }
  return table;
}

/**
 * A CSV file as a grid of strings (header row first). For tests and previews only: the data
 * path reads files with readCsvTable, which never builds a grid.
 */
export function readCsvGrid(path: string): Cell[][] {
  const { parse } = require("csv-parse/sync") as typeof import("csv-parse/sync");
  return parse(decodeText(readFileSync(path), path).text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** Reads the first (or the named) sheet of an xlsx file into a grid of cell values. */
export async function readXlsxGrid(path: string, sheet?: string): Promise<Cell[][]> {
  const { readWorkbookGrids } = await import("./xlsx-io");
  const sheets = await readWorkbookGrids(path);
  if (sheets.length === 0) throw inputError(`${path}: the workbook has no sheets.`, `${path}：工作簿中没有工作表。`);
  const found = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!found) {
    throw inputError(
      `${path}: no sheet named '${sheet}'. Sheets: ${sheets.map((s) => s.name).join(", ")}.`,
      `${path}：没有名为 '${sheet}' 的工作表。现有工作表：${sheets.map((s) => s.name).join("、")}。`,
    );
  }
  return found.grid;
}

/** Reads `--data` (CSV or XLSX) into a table. */
export async function readDataTable(path: string, sheet?: string): Promise<DataTable> {
  const ext = extname(path).toLowerCase();
  // A workbook under another name (data.xls that is really .xlsx, an old .xls, an .ods) goes to the workbook reader, which reads it or says what it is.
  if (ext === ".xlsx" || ext === ".xlsm" || startsLikeWorkbook(path)) return tableFromGrid(await readXlsxGrid(path, sheet));
  if (sheet !== undefined) refuseSheetOnText(path, sheet);
  return readCsvTable(path);
}

/** Whether the file begins as a zip archive (every .xlsx/.ods) or an OLE2 compound file (old .xls, WPS .et): not a CSV. */
function startsLikeWorkbook(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(8);
    return workbookSignature(head.subarray(0, readSync(fd, head, 0, 8, 0))) !== undefined;
  } catch {
    return false; // a folder or a missing file: the CSV reader names the problem
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A JSON file (an analysis or table spec); an unreadable or malformed file is an error naming it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw inputError(`${path}: spec file not found (looked for ${resolve(path)}); check the name and folder, or start from sample/table.json or sample/spec.json.`, `${path}：找不到设定文件（查找位置 ${resolve(path)}）；请检查文件名和文件夹，或以 sample/table.json、sample/spec.json 为模板。`);
    if (code === "EISDIR") throw inputError(`${path} is a folder; give the spec's .json file.`, `${path} 是文件夹；请给出设定的 .json 文件。`);
    throw inputError(`${path}: cannot read the spec file (${code}).`, `${path}：无法读取设定文件（${code}）。`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw inputError(`${path}: not valid JSON (${(e as Error).message}).`, `${path}：不是有效的 JSON（${(e as Error).message}）。`);
  }
}

/** `--sheet` names a sheet of a workbook; a CSV has none, so the option is refused rather than ignored. */
function refuseSheetOnText(path: string, sheet: string): never {
  throw inputError(
    `--sheet '${sheet}': ${path} is a CSV/text file with a single table, not a workbook; drop --sheet (it applies to .xlsx/.xlsm files).`,
    `--sheet '${sheet}'：${path} 是只有一张表的 CSV/文本文件，不是工作簿；请去掉 --sheet（它只用于 .xlsx/.xlsm 文件）。`,
  );
}
