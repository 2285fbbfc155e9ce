import { TableModel } from "./table-model";
import { toGrid } from "./grid";

/** A number written as text, optionally with significance stars ("-0.123", "-0.123***", "1e-5"). */
const NUMERIC_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\**$/;

/**
 * OWASP's rule against formula injection (CSV injection): a text cell that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is written with a leading single quote, so a
 * spreadsheet opening the file shows it as text instead of evaluating it ("=HYPERLINK(…)" in a
 * province name or a variable label). Numbers stay numbers, negative numbers included, and so
 * does text that is only a number with significance stars ("-0.123***"), which no spreadsheet
 * evaluates as a formula.
 */
export function neutralizeCell(v: string | number): string | number {
  if (typeof v !== "string") return v;
  return /^[=+\-@\t\r]/.test(v) && !NUMERIC_TEXT.test(v) ? "'" + v : v;
}

function quote(v: string | number): string {
  const s = String(neutralizeCell(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (RFC 4180, CRLF line ends) of a grid of values; formula-like text neutralised (neutralizeCell). */
export function gridCsv(grid: readonly (readonly (string | number)[])[]): string {
  return grid.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** CSV (RFC 4180) of the table, header first, notes as single-cell rows at the end. */
export function toCsv(model: TableModel): string {
  return gridCsv(toGrid(model, { title: true }));
}
