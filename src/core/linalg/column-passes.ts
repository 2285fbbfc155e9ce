/**
 * Passes over a sample's columns that several statistics share, each sum taken term by term in
 * row order — bit-identical to the one-column loops they replace. Plain loops, one column (or one
 * pair) at a time: measured on this code base's benchmark machine, short single-accumulator
 * loops are the fastest both cold (a 20,000-row run, where V8 has not optimised anything yet)
 * and warm (1M rows); row-blocked loops with four running sums were no faster at 1M and 2–4×
 * slower cold.
 */

/**
 * Σᵢ (a_i − ma)(b_i − mb) over the first n rows, in row order. With ma = mb = 0 it is the plain
 * dot product Σ aᵢbᵢ bit for bit (x − 0 = x exactly), so one warm function serves both.
 */
export function centeredDot(a: Float64Array, ma: number, b: Float64Array, mb: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb);
  return s;
}

/**
 * Centered cross-products of every pair b ≤ a of `cols` (means `means`), symmetric k × k:
 * out[a·k + b] = out[b·k + a] = centeredDot(cols[a], means[a], cols[b], means[b], n).
 */
export function centeredCrossProducts(cols: readonly Float64Array[], means: ArrayLike<number>, n: number): Float64Array {
  const k = cols.length;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) out[a * k + b] = out[b * k + a] = centeredDot(cols[a], means[a], cols[b], means[b], n);
  }
  return out;
}

/** Means of several columns over the first n rows (each Σ in row order, then / n, as `mean` in fit-stats). */
export function columnMeans(cols: readonly Float64Array[], n: number): Float64Array {
  const out = new Float64Array(cols.length);
  for (let j = 0; j < cols.length; j++) {
    const x = cols[j];
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    out[j] = s / n;
  }
  return out;
}

/**
 * out[i] += c·x[i] over the first n rows. One function for every such pass (the linear
 * combinations and residuals below), so V8 optimises it once and every later pass runs warm.
 */
export function addScaled(out: Float64Array, c: number, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] += c * x[i];
}

/** Σⱼ b[j]·cols[j] per row, the columns added in order to a zeroed `out`. */
export function linearCombination(cols: readonly Float64Array[], b: ArrayLike<number>, n: number, out = new Float64Array(n)): Float64Array {
  out.fill(0, 0, n);
  for (let j = 0; j < cols.length; j++) addScaled(out, b[j], cols[j], n);
  return out;
}

/**
 * Residuals y − Σⱼ b[j]·cols[j] (column by column) and their sum of squares in row order. Adding
 * (−b)·x is the same floating-point operation as subtracting b·x, so these are the values of
 * `r[i] −= b[j]·x[i]`.
 */
export function residualsAndSsr(cols: readonly Float64Array[], b: ArrayLike<number>, y: Float64Array): { resid: Float64Array; ssr: number } {
  const n = y.length;
  const resid = y.slice();
  for (let j = 0; j < cols.length; j++) addScaled(resid, -b[j], cols[j], n);
  return { resid, ssr: centeredDot(resid, 0, resid, 0, n) };
}
