import { TableModel } from "./table-model";
import { toGrid } from "./grid";

function quote(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (RFC 4180, CRLF line ends) of a grid of values. */
export function gridCsv(grid: readonly (readonly (string | number)[])[]): string {
  return grid.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** CSV (RFC 4180) of the table, header first, notes as single-cell rows at the end. */
export function toCsv(model: TableModel): string {
  return gridCsv(toGrid(model, { title: true }));
}
