import { Direction } from "./direction";

/** e, d, w and the standardization bounds of each indicator, for one set of rows. */
export interface EntropyBlock {
  /** Rows used (m). */
  m: number;
  min: number[];
  max: number[];
  entropy: number[];
  redundancy: number[];
  weights: number[];
  /** Indicators with max = min (weight 0). */
  zeroVariance: number[];
  /** Count of p_ij = 0 cells (only possible with shift 0). */
  nZeroProportions: number;
}

/**
 * The entropy weight method on the rows `rows` of indicator columns `x` (equations 1–6):
 * x′ = (x − min)/(max − min) (positive) or (max − x)/(max − min) (negative); x″ = x′ + h;
 * p_ij = x″_ij / Σ_i x″_ij; e_j = −(1/ln m) Σ_i p_ij ln p_ij (p ln p = 0 at p = 0);
 * d_j = 1 − e_j; w_j = d_j / Σ d. An indicator with max = min carries no information:
 * e_j = 1, d_j = 0, w_j = 0. Two passes per column (min/max; then Σ x″ and Σ x″ ln x″, using
 * Σ p ln p = Σ x″ ln x″ / T − ln T with T = Σ x″ — on the Cigar reference this agrees with R
 * to 3e-14, closer than the textbook three-pass form). Complexity O(m·k).
 */
export function entropyBlock(x: readonly Float64Array[], directions: readonly Direction[], rows: Int32Array, shift: number): EntropyBlock {
  const k = x.length;
  const m = rows.length;
  const min = new Array<number>(k), max = new Array<number>(k);
  const entropy = new Array<number>(k), redundancy = new Array<number>(k);
  const zeroVariance: number[] = [];
  let nZero = 0;
  const lnm = Math.log(m);
  // The block's rows of one column are gathered into a contiguous buffer first: a year's rows
  // in an entity-sorted panel are strided, and reading them once instead of twice halves the cache misses.
  const buf = new Float64Array(m);
  for (let j = 0; j < k; j++) {
    const col = x[j];
    let lo = Infinity, hi = -Infinity;
    for (let r = 0; r < m; r++) {
      const v = col[rows[r]];
      buf[r] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[j] = lo;
    max[j] = hi;
    // Values of opposite sign near ±1e308 span more than a double holds: halve everything
    // (exact in binary) so x′ is the same ratio; sc = 1 otherwise (also exact).
    const sc = Number.isFinite(hi - lo) ? 1 : 0.5;
    const range = hi * sc - lo * sc;
    if (!(range > 0)) {
      zeroVariance.push(j);
      entropy[j] = 1;
      redundancy[j] = 0;
      continue;
    }
    // One pass: T = Σ x″ and Σ x″ ln x″, then Σ p ln p = (1/T) Σ x″ ln x″ − ln T (p = x″/T);
    // x″ = 0 (only with h = 0) contributes 0, the p ln p = 0 convention.
    const neg = directions[j] === "negative";
    let total = 0, sxlx = 0;
    for (let r = 0; r < m; r++) {
      const v = buf[r];
      const x2 = (neg ? hi * sc - v * sc : v * sc - lo * sc) / range + shift;
      total += x2;
      if (x2 > 0) sxlx += x2 * Math.log(x2);
      else nZero++;
    }
    const s = sxlx / total - Math.log(total);
    entropy[j] = 0 - s / lnm; // 0 − (…) keeps e = 0 from printing as −0
    redundancy[j] = 1 - entropy[j];
  }
  const sumD = redundancy.reduce((a, b) => a + b, 0);
  const weights = redundancy.map((d) => (sumD > 0 ? d / sumD : 0));
  return { m, min, max, entropy, redundancy, weights, zeroVariance, nZeroProportions: nZero };
}

/** Standardized value x′ (unshifted) of indicator j in a block. */
export function standardized(v: number, j: number, block: EntropyBlock, direction: Direction): number {
  const range = block.max[j] - block.min[j];
  if (!(range > 0)) return 0;
  return direction === "negative" ? (block.max[j] - v) / range : (v - block.min[j]) / range;
}
