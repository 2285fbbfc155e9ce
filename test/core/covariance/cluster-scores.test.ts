/**
 * The blocked cluster sandwich (row-blocked scores summed per run of a cluster, S'S by 4 × 4
 * register tiles over blocks of 64 clusters) equals the textbook formula A [Σ_g s_g s_g'] A:
 * to rounding (1e-12), and S'S entry by entry exactly; widths that are and are not multiples
 * of 4, more rows than one block (2,048) and more clusters than one block (64).
 */
import seedrandom from "seedrandom";
import { clusterVcov, crossProduct } from "../../../src/core/covariance/sandwich";

function naive(cols: Float64Array[], e: Float64Array, A: Float64Array, cl: Int32Array, G: number, factor: number): Float64Array {
  const k = cols.length;
  const s = cols.map((c) => {
    const v = new Float64Array(G);
    for (let i = 0; i < e.length; i++) v[cl[i]] += c[i] * e[i];
    return v;
  });
  const M = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) { let v = 0; for (let g = 0; g < G; g++) v += s[a][g] * s[b][g]; M[a * k + b] = v; }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let v = 0;
    for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) v += A[i * k + p] * M[p * k + q] * A[q * k + j];
    out[i * k + j] = v * factor;
  }
  return out;
}

test.each([[5, 3], [9, 8], [11, 1]])("k = %i: equals the formula for sorted and unsorted clusters; S'S entries are exact dot products", (k, seedNo) => {
  const rng = seedrandom(`cl${seedNo}`);
  const G = 150, n = 5000;
  const sorted = Int32Array.from({ length: n }, (_, i) => Math.floor((i * G) / n));
  const shuffled = Int32Array.from({ length: n }, () => Math.floor(rng() * G));
  const cols = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => rng() - 0.5));
  const e = Float64Array.from({ length: n }, () => rng() - 0.5);
  const A = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) A[i * k + j] = i === j ? 1 + rng() : 0.1 * (rng() - 0.5);
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) A[i * k + j] = A[j * k + i];
  for (const cl of [sorted, shuffled]) {
    const got = clusterVcov(cols, e, A, cl, G, 1.25);
    const want = naive(cols, e, A, cl, G, 1.25);
    for (let c = 0; c < k * k; c++) expect(Math.abs(got[c] - want[c])).toBeLessThan(1e-12 * (Math.abs(want[c]) + 1e-3));
  }
  // crossProduct: each entry the plain g-ascending dot product, exactly.
  const S = Float64Array.from({ length: G * k }, () => rng() - 0.5);
  const P = crossProduct(S, G, k);
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) {
    let v = 0;
    for (let g = 0; g < G; g++) v += S[g * k + a] * S[g * k + b];
    expect(P[a * k + b]).toBe(v);
    expect(P[b * k + a]).toBe(v);
  }
});
