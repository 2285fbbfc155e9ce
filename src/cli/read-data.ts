import { readFileSync } from "fs";
import { extname, resolve } from "path";
import { parse } from "csv-parse/sync";
import { Cell } from "../core/data/cells";
import { DataTable, tableFromGrid } from "../core/data/data-table";
import { inputError } from "../core/errors";

/**
 * Text read as missing in CSV files besides empty fields: R's `NA` and Stata's `.`, so files
 * written by `write.csv` or `export delimited` read as they were meant.
 */
export const CSV_MISSING_TOKENS = ["NA", "."] as const;

/** Reads a CSV (UTF-8, header row) into a grid of strings (BOM stripped). */
export function readCsvGrid(path: string): Cell[][] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
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
  if (ext === ".xlsx" || ext === ".xlsm") return tableFromGrid(await readXlsxGrid(path, sheet));
  return tableFromGrid(readCsvGrid(path), { missingTokens: CSV_MISSING_TOKENS });
}

/** A JSON file (an analysis or table spec); an unreadable or malformed file is an error naming it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw inputError(`${path}: no such file (looked for ${resolve(path)}); check the name, or start from sample/table.json or sample/spec.json.`, `${path}：文件不存在（查找位置 ${resolve(path)}）；请检查文件名，或以 sample/table.json、sample/spec.json 为模板。`);
    if (code === "EISDIR") throw inputError(`${path}: is a folder; give the JSON file inside it.`, `${path}：这是一个文件夹；请给出其中的 JSON 文件。`);
    throw inputError(`${path}: cannot be read (${(e as Error).message}).`, `${path}：无法读取（${(e as Error).message}）。`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw inputError(`${path}: not valid JSON (${(e as Error).message}).`, `${path}：不是有效的 JSON（${(e as Error).message}）。`);
  }
}
