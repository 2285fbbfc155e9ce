import { LARGEST_SQUARABLE } from "../data/number-range";

/** The complete rows of a sample within a row mask, with the missing counts per variable. */
export interface CompleteRows {
  /** Rows (ascending) in the mask with every variable present. */
  keep: Int32Array;
  /** Rows in the mask. */
  inSubset: number;
  /**
   * Missing values per variable among the masked rows, keys in the order a row-by-row scan meets
   * them (the row of a variable's first missing value, then the variables' order).
   */
  byVariable: Record<string, number>;
  /** Whether a present value in the mask may have a square that overflows (check those rows in order). */
  huge: boolean;
}

/**
 * Scans variable by variable (one tight loop per column rather than all columns per row); the
 * same rows, counts and key order as the row-by-row scan
 *   for each masked row: for each variable in order: if missing, count it (first time: a new key).
 * `labels`: a label column (the cluster) whose null cells are missing.
 */
export function completeRows(mask: Uint8Array, vars: readonly { name: string; values: Float64Array }[], labels?: { name: string; values: readonly (string | null)[] }): CompleteRows {
  const n = mask.length;
  let inSubset = 0;
  for (let i = 0; i < n; i++) if (mask[i]) inSubset++;
  const bad = new Uint8Array(n);
  const found: { name: string; order: number; first: number; count: number }[] = [];
  let huge = false;
  vars.forEach(({ name, values }, order) => {
    let first = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const v = values[i];
      if (v !== v) {
        bad[i] = 1;
        if (count++ === 0) first = i;
      } else if (v > LARGEST_SQUARABLE || v < -LARGEST_SQUARABLE) huge = true;
    }
    if (count > 0) found.push({ name, order, first, count });
  });
  if (labels) {
    let first = -1;
    let count = 0;
    const lv = labels.values;
    for (let i = 0; i < n; i++) {
      if (mask[i] && lv[i] === null) {
        bad[i] = 1;
        if (count++ === 0) first = i;
      }
    }
    if (count > 0) found.push({ name: labels.name, order: vars.length, first, count });
  }
  found.sort((a, b) => a.first - b.first || a.order - b.order);
  const byVariable: Record<string, number> = {};
  for (const f of found) byVariable[f.name] = (byVariable[f.name] ?? 0) + f.count;
  const keep = new Int32Array(n);
  let nkeep = 0;
  for (let i = 0; i < n; i++) if (mask[i] && !bad[i]) keep[nkeep++] = i;
  return { keep: keep.slice(0, nkeep), inSubset, byVariable, huge };
}
