import { Cell, isBlank, parseNumberCell } from "../cells";
import { isMissingToken } from "./missing-tokens";

/** "1,234.5", "-12,000", "１２，３４５" (after NFKC): digits grouped by commas in threes. */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads one yearbook data cell as a number.
 * - a finite number → itself
 * - blank or a missing token ("—", "...", "NA", "#N/A", see missing-tokens.ts) → null
 * - text spelling a number, also with thousands separators ("1,234.5") or in full-width
 *   digits → the number
 * - anything else (other text, booleans, dates, "12%") → undefined: the caller reports the
 *   cell with its sheet, address and province-year rather than guessing.
 */
export function parseYearbookNumber(cell: Cell): number | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  if (isMissingToken(cell)) return null;
  const s = cell.normalize("NFKC").trim();
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  const v = parseNumberCell(s);
  return v === null ? undefined : v;
}
