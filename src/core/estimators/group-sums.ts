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

