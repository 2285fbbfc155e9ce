/**
 * Sample quantiles of sorted data.
 *
 * - `type7`: R quantile type 7 = Excel PERCENTILE.INC / QUARTILE.INC:
 *   h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) (0-based).
 * - `type2`: R quantile type 2 = Stata `summarize, detail`: inverse of the empirical CDF,
 *   averaging at discontinuities: with np integer, Q = (x[np] + x[np+1])/2 (1-based), else x[⌈np⌉].
 *
 * Complexity O(1) on sorted input.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number, type: 7 | 2 = 7): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  if (type === 7) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
  const np = n * p;
  const j = Math.floor(np + 1e-12);
  if (Math.abs(np - j) < 1e-12) {
    if (j <= 0) return sorted[0];
    if (j >= n) return sorted[n - 1];
    return (sorted[j - 1] + sorted[j]) / 2;
  }
  return sorted[Math.min(n - 1, Math.ceil(np) - 1)];
}
