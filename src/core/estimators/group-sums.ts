/** Group means and counts over integer codes (one pass each). */
export function groupMeans(x: ArrayLike<number>, codes: Int32Array, ngroups: number): Float64Array {
  const sum = new Float64Array(ngroups);
  const cnt = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) {
    sum[codes[i]] += x[i];
    cnt[codes[i]] += 1;
  }
  for (let g = 0; g < ngroups; g++) sum[g] = cnt[g] > 0 ? sum[g] / cnt[g] : 0;
  return sum;
}

export function counts(codes: Int32Array, ngroups: number): Float64Array {
  const c = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) c[codes[i]] += 1;
  return c;
}


/** groupMeans of two columns over the same codes in one pass (the same sums, in the same order). */
export function groupMeansOfTwo(x: ArrayLike<number>, y: ArrayLike<number>, codes: Int32Array, ngroups: number): [Float64Array, Float64Array] {
  const sx = new Float64Array(ngroups);
  const sy = new Float64Array(ngroups);
  const cnt = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    sx[g] += x[i];
    sy[g] += y[i];
    cnt[g] += 1;
  }
  for (let g = 0; g < ngroups; g++) {
    sx[g] = cnt[g] > 0 ? sx[g] / cnt[g] : 0;
    sy[g] = cnt[g] > 0 ? sy[g] / cnt[g] : 0;
  }
  return [sx, sy];
}

/** Σᵢ (x_i − means[codes_i])², in row order: sumSq of demeanOneWay(x, codes, ·) without the demeaned copy. */
export function withinSumSq(x: ArrayLike<number>, codes: Int32Array, means: Float64Array): number {
  let s = 0;
  for (let i = 0; i < codes.length; i++) {
    const v = x[i] - means[codes[i]];
    s += v * v;
  }
  return s;
}
