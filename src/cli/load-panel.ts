import { Cell } from "../core/data/cells";
import { DataTable, tableFromGrid } from "../core/data/data-table";
import { DataSpec } from "../core/spec/analysis-spec";
import { importYearbook } from "../core/data/yearbook/import-yearbook";
import { tidyPanelTable } from "../core/data/yearbook/panel-grid";
import { readWorkbookGrids } from "./xlsx-io";
import { inputError } from "../core/errors";

/**
 * Loads the panel of an analysis from a workbook. A sheet whose header holds the id and time
 * columns is read as an already-tidy panel; otherwise the yearbook importer turns the sheets
 * (one per indicator, one per year, or long tables) into one tidy panel.
 */
export async function loadPanel(path: string, data: DataSpec): Promise<{ table: DataTable; report: string[] }> {
  const sheets = await readWorkbookGrids(path);
  const id = data.id ?? "province";
  const time = data.time ?? "year";
  const missing = (data.sheets ?? []).filter((n) => !sheets.some((s) => s.name === n));
  if (missing.length > 0) {
    throw inputError(
      `${path}: no sheet named '${missing.join("', '")}' (data.sheets or --sheet). Sheets: ${sheets.map((s) => s.name).join(", ")}.`,
      `${path}：没有名为 '${missing.join("'、'")}' 的工作表（data.sheets 或 --sheet）。现有工作表：${sheets.map((s) => s.name).join("、")}。`,
    );
  }
  const wanted = data.sheets?.length ? sheets.filter((s) => data.sheets!.includes(s.name)) : sheets;
  const tidy = wanted.find((s) => s.grid.length > 0 && s.grid[0].some((c: Cell) => c === id) && s.grid[0].some((c: Cell) => c === time));
  if (tidy) return { table: tableFromGrid(tidy.grid), report: [`sheet '${tidy.name}': tidy panel (${tidy.grid.length - 1} rows)`] };
  const imported = importYearbook(wanted, { interpolate: data.interpolate ?? false, idName: id, timeName: time });
  const r = imported.report;
  const report = [
    `yearbook import: ${r.sheets.length} sheet(s), ${r.nprovinces} provinces × ${r.years.count} years (${r.years.first}–${r.years.last}), ${r.indicators.length} indicators`,
    ...r.indicators
      .filter((ind) => ind.missing.length > 0)
      .map((ind) => `${ind.name}: ${ind.missing.length} missing cell(s), ${ind.action === "interpolated" ? `${ind.filled.length} interpolated, ${ind.leftMissing.length} left missing` : "left missing"}`),
    ...(r.skippedRows.length ? [`${r.skippedRows.length} row(s) skipped (national totals, notes, units)`] : []),
  ];
  return { table: tidyPanelTable(imported.panel), report };
}
