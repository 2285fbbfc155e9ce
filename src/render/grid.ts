import { TableModel } from "./table-model";
import { maxOf } from "../core/data/extent";

/** A rectangular array of values for an Excel spill: numbers stay numbers, empties are "". */
export type SpillGrid = (string | number)[][];

export interface GridOptions {
  /** Include the note lines under the table (default true). */
  notes?: boolean;
  /** Include the title row (default false: a spill starts with the header). */
  title?: boolean;
}

/**
 * Turns a table model into a rectangular value grid. Non-finite numbers never reach Excel:
 * they become "" (a renderer bug elsewhere would otherwise show as #NUM!).
 */
export function toGrid(model: TableModel, options: GridOptions = {}): SpillGrid {
  const rows: (string | number)[][] = [];
  if (options.title && model.title) rows.push([model.title]);
  for (const r of [...model.header, ...model.body]) {
    rows.push(r.map((c) => (c.value === null || (typeof c.value === "number" && !Number.isFinite(c.value)) ? "" : c.value)));
  }
  if (options.notes !== false) for (const n of model.notes) rows.push([n]);
  const width = maxOf(rows.map((r) => r.length), 1);
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill("")] : r));
}
