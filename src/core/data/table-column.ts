import { Cell } from "./cells";

/**
 * One column of a DataTable.
 * - `number`: every cell a number or missing; NaN marks a missing value (blank, "NA", ".").
 * - `text`: interned text, `codes[i]` indexes `levels`, −1 for a blank cell.
 * - `cells`: the cells of an Excel range or xlsx sheet as they came (numbers, text, dates…).
 * Arrays may be longer than the table (a parser's spare capacity); only the first nrows count.
 */
export type Column =
  | {
      readonly kind: "number";
      readonly values: Float64Array;
      /** Every value is finite or NaN (missing): set by a reader that guarantees it (the CSV reader keeps "1e309" as text), so numericColumn skips its ±Infinity pass. */
      readonly finite?: boolean;
    }
  | { readonly kind: "text"; readonly codes: Int32Array; readonly levels: readonly string[] }
  | { readonly kind: "cells"; readonly cells: readonly Cell[] };

/** The cell at row i: numbers as numbers, text as text, missing as null. */
export function cellOf(col: Column, i: number): Cell {
  if (col.kind === "number") {
    const v = col.values[i];
    return Number.isNaN(v) ? null : v;
  }
  if (col.kind === "text") {
    const c = col.codes[i];
    return c < 0 ? null : col.levels[c];
  }
  return col.cells[i];
}

/** A column over cells: stored as numbers when every cell is a number or null/undefined. */
export function columnFromCells(cells: Cell[]): Column {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== null && c !== undefined && typeof c !== "number") return { kind: "cells", cells };
  }
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    values[i] = typeof c === "number" ? c : NaN;
  }
  return { kind: "number", values };
}
