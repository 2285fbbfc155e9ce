import { inputError } from "../errors";
import { maxOf, minOf } from "../data/extent";

/** Equal-width bins: counts[k] holds values in [edges[k], edges[k+1]) (the last bin is closed). */
export interface Histogram {
  edges: number[];
  counts: number[];
  width: number;
  /** Number of finite values binned. */
  n: number;
}

export interface HistogramOptions {
  /** Number of bins; default Stata's `histogram` rule min(√N, 10·log10 N), rounded, at least 1. */
  bins?: number;
  /** Values the range must cover (e.g. the real estimate beside a placebo distribution). */
  include?: readonly number[];
}

/** Stata's default number of bins for N observations: min(√N, 10·ln N / ln 10). */
export function defaultBins(n: number): number {
  if (n < 2) return 1;
  return Math.max(1, Math.round(Math.min(Math.sqrt(n), (10 * Math.log(n)) / Math.LN10)));
}

/**
 * Histogram of the finite values. The range runs from the smallest to the largest of the values
 * and `include`; when they are all equal, one bin of width 1 (or 10% of |value|) centred on them.
 */
export function histogram(values: readonly number[], options: HistogramOptions = {}): Histogram {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) throw inputError("There are no values to draw a histogram of.", "没有可绘制直方图的数值。");
  const bins = options.bins ?? defaultBins(finite.length);
  if (!Number.isInteger(bins) || bins < 1) throw inputError(`The number of bins must be a whole number ≥ 1 (got ${bins}).`, `分组数应为 ≥ 1 的整数（实际为 ${bins}）。`);
  const span = [...finite, ...(options.include ?? []).filter((v) => Number.isFinite(v))];
  let lo = minOf(span);
  let hi = maxOf(span);
  let k = bins;
  if (hi === lo) {
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.05;
    lo -= half;
    hi += half;
    k = 1;
  }
  const width = (hi - lo) / k;
  const edges = Array.from({ length: k + 1 }, (_, j) => (j === k ? hi : lo + j * width));
  const counts = new Array<number>(k).fill(0);
  for (const v of finite) counts[binOf(v, lo, width, k)]++;
  return { edges, counts, width, n: finite.length };
}

/** Index of the bin holding v (values at the top edge go to the last bin). */
export function binOf(v: number, lo: number, width: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
}
