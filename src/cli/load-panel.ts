import { Cell } from "../core/data/cells";
import { DataTable, tableFromGrid } from "../core/data/data-table";
import { DataSpec } from "../core/spec/analysis-spec";
import { readWorkbookGrids } from "./xlsx-io";
import { inputError } from "../core/errors";

/**
 * Loads the panel of an analysis from a workbook. A sheet whose header holds the id and time
 * columns is read as an already-tidy panel.
 */
export async function loadPanel(path: string, data: DataSpec): Promise<{ table: DataTable; report: string[] }> {
  const sheets = await readWorkbookGrids(path);
  const id = data.id ?? "province";
  const time = data.time ?? "year";
  const wanted = data.sheets?.length ? sheets.filter((s) => data.sheets!.includes(s.name)) : sheets;
  const tidy = wanted.find((s) => s.grid.length > 0 && s.grid[0].some((c: Cell) => c === id) && s.grid[0].some((c: Cell) => c === time));
  if (tidy) return { table: tableFromGrid(tidy.grid), report: [`sheet '${tidy.name}': tidy panel (${tidy.grid.length - 1} rows)`] };
  throw inputError(
    `${path}: no sheet has '${id}' and '${time}' columns. Import yearbook sheets first (econsheet import) or name the columns in data.id / data.time.`,
    `${path}：没有包含 '${id}' 与 '${time}' 列的工作表。请先导入年鉴表格（econsheet import），或在 data.id / data.time 中指定列名。`,
  );
}
