/**
 * Covariance estimators for least squares on a design X (n × k, columns), residuals e and
 * A = (X'X)⁻¹:
 * - classical: s²A with s² = SSR/df;
 * - White (HC0 meat): A [Σᵢ eᵢ² xᵢxᵢ'] A, times a small-sample factor;
 * - cluster (HC0 meat): A [Σ_g (X_g'e_g)(X_g'e_g)'] A, times a factor.
 * Returned row-major k×k. The small-sample factors live in small-sample.ts.
 */
export function classicalVcov(xtxInv: Float64Array, k: number, sigma2: number): Float64Array {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k * k; i++) v[i] = xtxInv[i] * sigma2;
  return v;
}

export function whiteVcov(columns: readonly Float64Array[], resid: Float64Array, xtxInv: Float64Array, factor: number): Float64Array {
  const k = columns.length;
  const n = resid.length;
  const meat = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const ca = columns[a];
    for (let b = a; b < k; b++) {
      const cb = columns[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += resid[i] * resid[i] * ca[i] * cb[i];
      meat[a * k + b] = s;
      meat[b * k + a] = s;
    }
  }
  return sandwich(xtxInv, meat, k, factor);
}

/** Rows per block in the score passes: a block's residuals and cluster codes stay in cache while every column passes over it. */
const ROW_BLOCK = 2048;

export function clusterVcov(
  columns: readonly Float64Array[],
  resid: Float64Array,
  xtxInv: Float64Array,
  clusters: Int32Array,
  nclusters: number,
  factor: number,
): Float64Array {
  const k = columns.length;
  const n = resid.length;
  // Scores S[g, a] = Σ_{i∈g} x_ia·e_i (G × k, row-major), each summed in row order, rows in blocks.
  const S = new Float64Array(nclusters * k);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let a = 0; a < k; a++) {
      const ca = columns[a];
      for (let i = from; i < to; i++) S[clusters[i] * k + a] += ca[i] * resid[i];
    }
  }
  // Meat Σ_g s_g s_g' by rank-one updates of the upper triangle, clusters in order: the same sums,
  // in the same order, as dot products of score columns, but over contiguous rows of S.
  const meat = new Float64Array(k * k);
  for (let g = 0; g < nclusters; g++) {
    const off = g * k;
    for (let a = 0; a < k; a++) {
      const sa = S[off + a];
      const row = a * k;
      for (let b = a; b < k; b++) meat[row + b] += sa * S[off + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) meat[b * k + a] = meat[a * k + b];
  return sandwich(xtxInv, meat, k, factor);
}

function sandwich(A: Float64Array, meat: Float64Array, k: number, factor: number): Float64Array {
  const tmp = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += A[i * k + l] * meat[l * k + j];
      tmp[i * k + j] = s;
    }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += tmp[i * k + l] * A[l * k + j];
      out[i * k + j] = s * factor;
    }
  return out;
}
