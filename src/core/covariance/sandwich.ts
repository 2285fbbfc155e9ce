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
  // Scores S[g, a] = Σ_{i∈g} x_ia·e_i (G × k, row-major), rows in blocks. Within a column the sum
  // runs in a register while the cluster stays the same (rows are usually sorted by cluster: then
  // each score is the plain row-order sum), and is added to S when it changes.
  const S = new Float64Array(nclusters * k);
  const cur = new Int32Array(k).fill(-1);
  const acc = new Float64Array(k);
  for (let from = 0; from < n; from += ROW_BLOCK) {
    const to = Math.min(n, from + ROW_BLOCK);
    for (let a = 0; a < k; a++) {
      const ca = columns[a];
      let c = cur[a], v = acc[a];
      for (let i = from; i < to; i++) {
        const g = clusters[i];
        if (g !== c) {
          if (c >= 0) S[c * k + a] += v;
          c = g;
          v = 0;
        }
        v += ca[i] * resid[i];
      }
      cur[a] = c;
      acc[a] = v;
    }
  }
  for (let a = 0; a < k; a++) if (cur[a] >= 0) S[cur[a] * k + a] += acc[a];
  const meat = crossProduct(S, nclusters, k);
  return sandwich(xtxInv, meat, k, factor);
}

/** Rows of S per block of crossProduct: 64 rows of 80 columns are 40 KB, cache-resident. */
const G_BLOCK = 64;

/**
 * S'S for S (G × k, row-major), symmetric k × k: 4 × 4 tiles of the upper triangle accumulate in
 * registers over a block of rows that stays in cache. Each entry is Σ_g S[g,a]·S[g,b] summed with
 * g ascending, as a plain dot product would.
 */
export function crossProduct(S: Float64Array, G: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  const k4 = k - (k % 4);
  for (let g0 = 0; g0 < G; g0 += G_BLOCK) {
    const g1 = Math.min(G, g0 + G_BLOCK);
    for (let a = 0; a < k4; a += 4) {
      for (let b = a; b < k4; b += 4) {
        const r0 = a * k + b, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
        let s00 = out[r0], s01 = out[r0 + 1], s02 = out[r0 + 2], s03 = out[r0 + 3];
        let s10 = out[r1], s11 = out[r1 + 1], s12 = out[r1 + 2], s13 = out[r1 + 3];
        let s20 = out[r2], s21 = out[r2 + 1], s22 = out[r2 + 2], s23 = out[r2 + 3];
        let s30 = out[r3], s31 = out[r3 + 1], s32 = out[r3 + 2], s33 = out[r3 + 3];
        for (let g = g0; g < g1; g++) {
          const o = g * k;
          const x0 = S[o + a], x1 = S[o + a + 1], x2 = S[o + a + 2], x3 = S[o + a + 3];
          const y0 = S[o + b], y1 = S[o + b + 1], y2 = S[o + b + 2], y3 = S[o + b + 3];
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
          s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        out[r0] = s00; out[r0 + 1] = s01; out[r0 + 2] = s02; out[r0 + 3] = s03;
        out[r1] = s10; out[r1 + 1] = s11; out[r1 + 2] = s12; out[r1 + 3] = s13;
        out[r2] = s20; out[r2 + 1] = s21; out[r2 + 2] = s22; out[r2 + 3] = s23;
        out[r3] = s30; out[r3 + 1] = s31; out[r3 + 2] = s32; out[r3 + 3] = s33;
      }
    }
    // The last k mod 4 columns against every column before or at them.
    for (let b = k4; b < k; b++) {
      for (let a = 0; a <= b; a++) {
        let v = out[a * k + b];
        for (let g = g0; g < g1; g++) v += S[g * k + a] * S[g * k + b];
        out[a * k + b] = v;
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) out[b * k + a] = out[a * k + b];
  return out;
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
