/**
 * Largest / smallest of a list of any length, as Math.max / Math.min would give (NaN if any
 * value is NaN, −Infinity / +Infinity for an empty list) — without spreading the list into
 * call arguments, which overflows the call stack near 125,000 values. `start` plays the role
 * of Math.max's extra leading arguments: Math.max(1, ...xs) is maxOf(xs, 1).
 */
export function maxOf(values: ArrayLike<number> | Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const v of values as Iterable<number>) {
    if (Number.isNaN(v)) return NaN;
    if (v > m) m = v;
  }
  return m;
}

export function minOf(values: ArrayLike<number> | Iterable<number>, start = Infinity): number {
  let m = start;
  for (const v of values as Iterable<number>) {
    if (Number.isNaN(v)) return NaN;
    if (v < m) m = v;
  }
  return m;
}

/** Appends every item to `target` (spreading the items into push overflows the call stack for long lists). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
