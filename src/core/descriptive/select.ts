import { quantileSorted } from "./quantile";

/**
 * Puts the k-th smallest value of a[left..right] at a[k], smaller-or-equal values before it and
 * larger-or-equal after it (quickselect: Hoare partition around a median of three), in place.
 * Expected O(n). Values must not be NaN.
 */
function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    if (a[mid] < a[left]) swap(a, left, mid);
    if (a[right] < a[left]) swap(a, left, right);
    if (a[right] < a[mid]) swap(a, mid, right);
    const pivot = a[mid];
    let i = left, j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // a[left..j] ≤ pivot ≤ a[i..right]; anything between j and i equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Type-7 quantiles (R's default, Excel PERCENTILE.INC) of `values` at each p, the same numbers as
 * quantileSorted on the sorted values, by selecting only the order statistics they need (a
 * million rows: a few linear passes instead of a sort). `values` is not modified.
 */
export function quantilesType7(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n <= 1) return ps.map((p) => quantileSorted(values, p, 7));
  const ranks = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    ranks.add(Math.min(lo + 1, n - 1));
  }
  const a = values.slice();
  let from = 0;
  for (const r of [...ranks].sort((x, y) => x - y)) {
    selectInPlace(a, r, from, n - 1);
    from = r + 1;
  }
  // a[r] now holds the r-th order statistic for every needed r: the sorted-array formula applies.
  return ps.map((p) => quantileSorted(a, p, 7));
}
