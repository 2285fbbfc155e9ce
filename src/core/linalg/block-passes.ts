/**
 * Passes over a sample's columns in row blocks, with every sum carried across the blocks term by
 * term in row order — so each result is bit-identical to the plain one-column loop it replaces
 * (the same additions in the same order), while a block of every column stays in cache and the
 * sums of several pairs run side by side instead of one full pass over memory each.
 */

/** Rows per block: 6 columns of 1024 rows are 48 KB, cache-resident. */
const ROW_BLOCK = 1024;

/**
 * Centered cross-products Σᵢ (a_i − ma)(b_i − mb) of every pair b ≤ a of `cols` (means `means`):
 * out[a·k + b] = out[b·k + a], each equal to the plain loop
 *   let s = 0; for (i = 0..n) s += (a[i] − ma) * (b[i] − mb);
 * Four pairs share a block pass (four independent running sums).
 */
export function centeredCrossProducts(cols: readonly Float64Array[], means: ArrayLike<number>, n: number): Float64Array {
  const k = cols.length;
  const pa: number[] = [];
  const pb: number[] = [];
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) {
    pa.push(a);
    pb.push(b);
  }
  const np = pa.length;
  const acc = new Float64Array(np);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let p = 0; p < np; p += 4) {
      // Groups of four pairs; a short last group repeats its first pair (the repeats are dropped).
      const p1 = p + 1 < np ? p + 1 : p, p2 = p + 2 < np ? p + 2 : p, p3 = p + 3 < np ? p + 3 : p;
      const a0 = cols[pa[p]], b0 = cols[pb[p]], a1 = cols[pa[p1]], b1 = cols[pb[p1]];
      const a2 = cols[pa[p2]], b2 = cols[pb[p2]], a3 = cols[pa[p3]], b3 = cols[pb[p3]];
      const ma0 = means[pa[p]], mb0 = means[pb[p]], ma1 = means[pa[p1]], mb1 = means[pb[p1]];
      const ma2 = means[pa[p2]], mb2 = means[pb[p2]], ma3 = means[pa[p3]], mb3 = means[pb[p3]];
      let s0 = acc[p], s1 = acc[p1], s2 = acc[p2], s3 = acc[p3];
      for (let i = from; i < to; i++) {
        s0 += (a0[i] - ma0) * (b0[i] - mb0);
        s1 += (a1[i] - ma1) * (b1[i] - mb1);
        s2 += (a2[i] - ma2) * (b2[i] - mb2);
        s3 += (a3[i] - ma3) * (b3[i] - mb3);
      }
      // Write the repeats first so the group's own first pair wins.
      acc[p3] = s3;
      acc[p2] = s2;
      acc[p1] = s1;
      acc[p] = s0;
    }
  }
  const out = new Float64Array(k * k);
  for (let p = 0; p < np; p++) out[pa[p] * k + pb[p]] = out[pb[p] * k + pa[p]] = acc[p];
  return out;
}

/**
 * Means of several columns (each as `mean` in fit-stats: Σ in row order, then / n), one block pass.
 */
export function columnMeans(cols: readonly Float64Array[], n: number): Float64Array {
  const k = cols.length;
  const acc = new Float64Array(k);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let j = 0; j < k; j++) {
      const x = cols[j];
      let s = acc[j];
      for (let i = from; i < to; i++) s += x[i];
      acc[j] = s;
    }
  }
  for (let j = 0; j < k; j++) acc[j] /= n;
  return acc;
}

/**
 * Σⱼ b[j]·cols[j] into `out` (zeroed first), per row in column order — the values of
 *   out.fill(0); for (j) for (i) out[i] += b[j] * cols[j][i];
 */
export function linearCombination(cols: readonly Float64Array[], b: ArrayLike<number>, n: number, out = new Float64Array(n)): Float64Array {
  const k = cols.length;
  out.fill(0, 0, n);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let j = 0; j < k; j++) {
      const x = cols[j];
      const bj = b[j];
      for (let i = from; i < to; i++) out[i] += bj * x[i];
    }
  }
  return out;
}

/**
 * Residuals y − Σⱼ b[j]·cols[j] (subtracted per row in column order) and their sum of squares in
 * row order — the values of `r = y.slice(); for (j) for (i) r[i] −= b[j]·x_j[i]; ssr = Σ r[i]²`.
 */
export function residualsAndSsr(cols: readonly Float64Array[], b: ArrayLike<number>, y: Float64Array): { resid: Float64Array; ssr: number } {
  const n = y.length;
  const k = cols.length;
  const resid = y.slice();
  let ssr = 0;
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let j = 0; j < k; j++) {
      const x = cols[j];
      const bj = b[j];
      for (let i = from; i < to; i++) resid[i] -= bj * x[i];
    }
    for (let i = from; i < to; i++) ssr += resid[i] * resid[i];
  }
  return { resid, ssr };
}
