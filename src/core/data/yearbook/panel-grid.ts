import { DataTable, tableFromGrid } from "../data-table";
import { TidyPanel } from "./types";

/**
 * The tidy panel as a grid with a header row — province, code, year, then one column per
 * indicator — numbers as numbers and missing values as "" (never NaN). This is what the task
 * pane writes to a sheet, what the CSV writer takes, and (through tidyPanelTable) what the
 * estimators read.
 */
export function tidyPanelGrid(panel: TidyPanel): (string | number)[][] {
  const header = [panel.columns.id, panel.columns.code, panel.columns.time, ...panel.indicators.map((c) => c.name)];
  const rows = panel.ids.map((id, r) => [
    id,
    panel.codes[r],
    panel.times[r],
    ...panel.indicators.map((c) => (Number.isFinite(c.values[r]) ? c.values[r] : "")),
  ]);
  return [header, ...rows];
}

/** The tidy panel as a DataTable for the estimators (blank = missing). */
export function tidyPanelTable(panel: TidyPanel): DataTable {
  return tableFromGrid(tidyPanelGrid(panel));
}
