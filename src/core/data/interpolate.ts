import { inputError } from "../errors";

/**
 * Linear interpolation within each entity over the time value (NaN = missing). Only interior
 * gaps are filled: a missing value before an entity's first or after its last observation stays
 * missing (no extrapolation) and is listed in `leftMissing`, as is a missing value in a row
 * without an id or time, or one that cannot be placed between two distinct times (duplicate
 * entity-times). So every NaN of the output is in `leftMissing`. Rows may be in any order; the
 * input is not modified. As Stata's `ipolate y t, by(id)` without `epolate`. Complexity O(n log n).
 */
export function interpolateWithinEntity(
  ids: readonly (string | null)[],
  times: readonly number[],
  values: Float64Array,
): { values: Float64Array; filled: number[]; leftMissing: number[] } {
  if (ids.length !== values.length || times.length !== values.length) {
    throw inputError(
      `Interpolation: ${values.length} values but ${ids.length} ids and ${times.length} times; give one id and time per value.`,
      `插值：有 ${values.length} 个值，但个体 ${ids.length} 个、时间 ${times.length} 个；每个值需要一个个体和时间。`,
    );
  }
  const out = Float64Array.from(values);
  const byEntity = new Map<string, number[]>();
  const filled: number[] = [];
  const leftMissing: number[] = [];
  ids.forEach((id, i) => {
    if (id === null || !Number.isFinite(times[i])) {
      if (Number.isNaN(values[i])) leftMissing.push(i);
      return;
    }
    const rows = byEntity.get(id) ?? [];
    rows.push(i);
    byEntity.set(id, rows);
  });
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
      if (!(times[i1] > times[i0])) {
        leftMissing.push(i);
        continue;
      }
      const w = (times[i] - times[i0]) / (times[i1] - times[i0]);
      out[i] = values[i0] + w * (values[i1] - values[i0]);
      filled.push(i);
    }
  }
  filled.sort((a, b) => a - b);
  leftMissing.sort((a, b) => a - b);
  return { values: out, filled, leftMissing };
}
