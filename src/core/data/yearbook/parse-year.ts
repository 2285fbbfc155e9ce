import { Cell } from "../cells";

const YEAR_TEXT = /^(\d{4})(年|年度)?$/;

/** Smallest and largest year accepted (guards against reading a data value as a year). */
export const YEAR_RANGE: readonly [number, number] = [1900, 2100];

/**
 * A year from a header or time cell: 2003, "2003", "2003年", "2003 年", "2003年度",
 * full-width "２００３年". Undefined for anything else (including years outside 1900–2100
 * and non-integers).
 */
export function parseYear(cell: Cell): number | undefined {
  let y: number | undefined;
  if (typeof cell === "number") y = cell;
  else if (typeof cell === "string") {
    const m = YEAR_TEXT.exec(cell.normalize("NFKC").replace(/\s/g, ""));
    if (m) y = Number(m[1]);
  }
  if (y === undefined || !Number.isInteger(y) || y < YEAR_RANGE[0] || y > YEAR_RANGE[1]) return undefined;
  return y;
}
