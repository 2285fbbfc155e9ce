/**
 * Linear interpolation within each entity over the time value (NaN = missing). Only interior
 * gaps are filled: a missing value before an entity's first or after its last observation stays
 * missing (no extrapolation) and is listed in `leftMissing`. Rows may be in any order.
 * Complexity O(n log n).
 */
export function interpolateWithinEntity(
  ids: readonly (string | null)[],
  times: readonly number[],
  values: Float64Array,
): { values: Float64Array; filled: number[]; leftMissing: number[] } {
  const out = Float64Array.from(values);
  const byEntity = new Map<string, number[]>();
  ids.forEach((id, i) => {
    if (id === null) return;
    const rows = byEntity.get(id) ?? [];
    rows.push(i);
    byEntity.set(id, rows);
  });
  const filled: number[] = [];
  const leftMissing: number[] = [];
  for (const rows of byEntity.values()) {
    rows.sort((a, b) => times[a] - times[b]);
    let prev = -1;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      if (!Number.isNaN(values[i])) {
        prev = r;
        continue;
      }
      let next = r + 1;
      while (next < rows.length && Number.isNaN(values[rows[next]])) next++;
      if (prev < 0 || next >= rows.length) {
        leftMissing.push(i);
        continue;
      }
      const i0 = rows[prev], i1 = rows[next];
      const w = (times[i] - times[i0]) / (times[i1] - times[i0]);
      out[i] = values[i0] + w * (values[i1] - values[i0]);
      filled.push(i);
    }
  }
  filled.sort((a, b) => a - b);
  leftMissing.sort((a, b) => a - b);
  return { values: out, filled, leftMissing };
}
