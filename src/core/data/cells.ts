/**
 * Cell values as they arrive from Excel ranges, CSV files or xlsx sheets, and their
 * conversion to numbers. Blank cells are missing data; text in a numeric column is an error
 * that the caller reports with its place.
 */
export type Cell = string | number | boolean | null | undefined | Date;

/** True for null, undefined, "" and whitespace-only text: a missing value. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads one cell as a number.
 * - a finite number -> itself
 * - blank (or a text listed in `missingTokens`) -> null (missing)
 * - text that spells a plain number ("12.5", " 3e4 ") -> the number
 * - anything else (other text, booleans, dates) -> undefined: the caller reports it
 */
export function parseNumberCell(cell: Cell, missingTokens: readonly string[] = []): number | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string") {
    const s = cell.trim();
    if (missingTokens.includes(s)) return null;
    if (NUMERIC_TEXT.test(s)) return Number(s);
  }
  return undefined;
}

/** How a cell is shown inside an error message. */
export function showCell(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
