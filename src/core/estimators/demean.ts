/**
 * Fixed-effect demeaning (the within transformation).
 *
 * One-way: x − x̄_g over the groups of `codes`. Two-way on a balanced panel: x − x̄ᵢ − x̄ₜ + x̄,
 * exact. Two-way on an unbalanced panel: alternating projections (Gauss–Seidel on the two sets
 * of dummies; Guimarães & Portugal 2010, Gaure 2013) until the largest change is below
 * `tol`·max|x|; the number of sweeps is returned so it can be reported.
 * Complexity O(n) per sweep.
 */
export function demeanOneWay(x: Float64Array, codes: Int32Array, ngroups: number): Float64Array {
  const sum = new Float64Array(ngroups);
  const cnt = new Float64Array(ngroups);
  for (let i = 0; i < x.length; i++) {
    sum[codes[i]] += x[i];
    cnt[codes[i]] += 1;
  }
  for (let g = 0; g < ngroups; g++) sum[g] = cnt[g] > 0 ? sum[g] / cnt[g] : 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - sum[codes[i]];
  return out;
}

export interface TwoWayDemeaned {
  values: Float64Array;
  iterations: number;
}

export function demeanTwoWay(
  x: Float64Array,
  a: Int32Array,
  na: number,
  b: Int32Array,
  nb: number,
  balanced: boolean,
  tol = 1e-14,
  maxIter = 10000,
): TwoWayDemeaned {
  const n = x.length;
  if (balanced) {
    const ma = groupMeans(x, a, na);
    const mb = groupMeans(x, b, nb);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i];
    mean /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] - ma[a[i]] - mb[b[i]] + mean;
    return { values: out, iterations: 0 };
  }
  const cntA = counts(a, na);
  const cntB = counts(b, nb);
  const r = Float64Array.from(x);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
  const sa = new Float64Array(na);
  const sb = new Float64Array(nb);
  let it = 0;
  for (; it < maxIter; ) {
    it++;
    sa.fill(0);
    for (let i = 0; i < n; i++) sa[a[i]] += r[i];
    for (let i = 0; i < n; i++) r[i] -= sa[a[i]] / cntA[a[i]];
    sb.fill(0);
    for (let i = 0; i < n; i++) sb[b[i]] += r[i];
    let change = 0;
    for (let g = 0; g < nb; g++) change = Math.max(change, Math.abs(sb[g] / cntB[g]));
    for (let i = 0; i < n; i++) r[i] -= sb[b[i]] / cntB[b[i]];
    if (change <= tol * Math.max(scale, 1e-300)) break;
  }
  return { values: r, iterations: it };
}

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

function counts(codes: Int32Array, ngroups: number): Float64Array {
  const c = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) c[codes[i]] += 1;
  return c;
}
