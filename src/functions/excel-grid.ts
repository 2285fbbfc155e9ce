import { Cell } from "../core/data/cells";

/**
 * A range as Excel hands it to a custom function (`any[][]`), as cells the core reads: numbers,
 * text, booleans and blanks pass through; anything else (an entity or linked data type value)
 * becomes its text, so the core reports it as "text in a numeric column" with its place.
 */
export function excelGrid(data: unknown[][] | unknown): Cell[][] {
  if (!Array.isArray(data)) return [[toCell(data)]];
  return (data as unknown[]).map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object" && v !== null && "basicValue" in v) return toCell((v as { basicValue: unknown }).basicValue);
  return String(v);
}
