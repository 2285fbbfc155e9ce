import { DataTable, columnIndex, labelColumn } from "../data/data-table";

/** An entity column as dense codes: 0..n−1 for each distinct id, −1 for a blank id. */
export interface EntityCodes {
  codes: Int32Array;
  n: number;
  /** Whether some row has a blank id. */
  anyBlank: boolean;
}

/**
 * The id column of `table` as entity codes, without building a string per row for numeric or
 * text columns (a 1M-row panel's ids): numbers are keyed by value (1 and 1.0 are one entity, as
 * their labels are), text by its interned code; other cells by their label.
 */
export function entityCodes(table: DataTable, id: string): EntityCodes {
  const col = table.columns[columnIndex(table, id)];
  const nrows = table.nrows;
  const codes = new Int32Array(nrows);
  let anyBlank = false;
  if (col.kind === "text") {
    // Interned codes are already dense over the levels; renumber to the levels that occur.
    const remap = new Int32Array(col.levels.length).fill(-1);
    let n = 0;
    for (let i = 0; i < nrows; i++) {
      const c = col.codes[i];
      if (c < 0) {
        codes[i] = -1;
        anyBlank = true;
        continue;
      }
      if (remap[c] < 0) remap[c] = n++;
      codes[i] = remap[c];
    }
    return { codes, n, anyBlank };
  }
  const keys: ArrayLike<number | string | null> = col.kind === "number" ? col.values : labelColumn(table, id);
  const map = new Map<number | string, number>();
  for (let i = 0; i < nrows; i++) {
    const v = keys[i];
    if (v === null || (typeof v === "number" && Number.isNaN(v))) {
      codes[i] = -1;
      anyBlank = true;
      continue;
    }
    let c = map.get(v);
    if (c === undefined) {
      c = map.size;
      map.set(v, c);
    }
    codes[i] = c;
  }
  return { codes, n: map.size, anyBlank };
}

/**
 * Stata `xtsum` between and within SD over the rows where both x and the id are present:
 * between = SD of the entity means (G − 1 denominator, means summed in order of first
 * appearance), within = SD of x_it − x̄_i + x̄ (N − 1 denominator).
 */
export function xtsum(x: Float64Array, groups: EntityCodes): { sdBetween?: number; sdWithin?: number; nGroups: number } {
  const { codes, n } = groups;
  const sums = new Float64Array(n);
  const counts = new Int32Array(n);
  const order: number[] = [];
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || Number.isNaN(v)) continue;
    if (counts[g] === 0) order.push(g);
    sums[g] += v;
    counts[g] += 1;
    count += 1;
  }
  const G = order.length;
  const means = new Float64Array(n);
  for (const g of order) means[g] = sums[g] / counts[g];
  const out: { sdBetween?: number; sdWithin?: number; nGroups: number } = { nGroups: G };
  if (G >= 2) {
    let mb = 0;
    for (const g of order) mb += means[g];
    mb /= G;
    let ss = 0;
    for (const g of order) ss += (means[g] - mb) * (means[g] - mb);
    out.sdBetween = Math.sqrt(ss / (G - 1));
  }
  if (count >= 2) {
    let ss = 0;
    for (let i = 0; i < codes.length; i++) {
      const g = codes[i];
      const v = x[i];
      if (g < 0 || Number.isNaN(v)) continue;
      const w = v - means[g]; // (x_it − x̄_i + x̄) − x̄: the overall mean of x_it − x̄_i + x̄ is x̄
      ss += w * w;
    }
    out.sdWithin = Math.sqrt(ss / (count - 1));
  }
  return out;
}
