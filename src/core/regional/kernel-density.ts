import { inputError } from "../errors";
import { quantileSorted } from "../descriptive/quantile";
import { yearBlocks } from "./year-groups";

export interface DensityYear {
  time: number | null;
  n: number;
  bandwidth: number;
  x: number[];
  y: number[];
}

export interface DensityResult {
  variable: string;
  years: DensityYear[];
  notes: string[];
  notesZh: string[];
}

export interface DensityOptions {
  /** Years to estimate (default every year). */
  years?: readonly number[];
  /** Grid points (default 512, as R's density()). */
  points?: number;
}

/**
 * Silverman's rule of thumb as R's bw.nrd0: 0.9·min(sd, IQR/1.34)·n^(−1/5), sd with n − 1 and
 * the IQR from type-7 quantiles; when that minimum is 0 R falls back to sd, then |x_1|, then 1.
 */
export function bandwidthNrd0(x: readonly number[]): number {
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (n - 1));
  const sorted = [...x].sort((a, b) => a - b);
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let lo = Math.min(sd, iqr / 1.34);
  if (!lo) lo = sd || Math.abs(x[0]) || 1;
  return 0.9 * lo * Math.pow(n, -0.2);
}

/**
 * Gaussian kernel density per year: f(x) = (1/(n h)) Σ_i φ((x − x_i)/h), h = bw.nrd0, evaluated
 * exactly (no FFT binning, so it differs from R's density() by its binning error, ~1e-4) on
 * `points` equally spaced x from min − 3h to max + 3h of that year. Complexity O(n·points) per year.
 */
export function kernelDensity(name: string, values: ArrayLike<number>, times: readonly number[] | undefined, options: DensityOptions = {}): DensityResult {
  const points = options.points ?? 512;
  if (!(Number.isInteger(points) && points >= 2 && points <= 100000)) {
    throw inputError(`points = ${points}: give a whole number of grid points from 2 to 100000 (default 512).`, `points = ${points}：网格点数应为 2 到 100000 之间的整数（默认 512）。`);
  }
  const b = yearBlocks({ name, values, times });
  let blocks = b.blocks;
  if (options.years && options.years.length) {
    const have = blocks.map((k) => k.time);
    const absent = options.years.filter((t) => !have.includes(t));
    if (absent.length) {
      throw inputError(
        `years: ${absent.join(", ")} ${absent.length > 1 ? "are" : "is"} not in the data of '${name}' (years present: ${have.join(", ")}). Choose years from that list.`,
        `years：${absent.join("、")} 不在 '${name}' 的数据中（现有年份：${have.join("、")}）。请从中选择年份。`,
      );
    }
    blocks = options.years.map((t) => blocks.find((k) => k.time === t)!);
  }
  const years = blocks.map((blk) => {
    const x = blk.rows.map((i) => values[i]);
    if (x.length < 2) {
      throw inputError(`'${name}'${blk.time === null ? "" : ` in ${blk.time}`} has ${x.length} value: a kernel density needs at least 2. Choose other years.`, `'${name}'${blk.time === null ? "" : `在 ${blk.time} 年`}只有 ${x.length} 个值：核密度估计至少需要 2 个。请选择其他年份。`);
    }
    const h = bandwidthNrd0(x);
    let min = Infinity, max = -Infinity;
    for (const v of x) { if (v < min) min = v; if (v > max) max = v; }
    const lo = min - 3 * h, hi = max + 3 * h;
    const gx = new Array<number>(points), gy = new Array<number>(points);
    const c = 1 / (x.length * h * Math.sqrt(2 * Math.PI));
    const step = (hi - lo) / (points - 1); // as R's seq(lo, hi, length.out = points)
    for (let k = 0; k < points; k++) {
      const at = k === points - 1 ? hi : lo + k * step;
      let s = 0;
      for (const v of x) { const z = (at - v) / h; s += Math.exp(-0.5 * z * z); }
      gx[k] = at;
      gy[k] = c * s;
    }
    return { time: blk.time, n: x.length, bandwidth: h, x: gx, y: gy };
  });
  const notes: string[] = [], notesZh: string[] = [];
  if (b.skippedMissing) { notes.push(`${b.skippedMissing} missing value(s) of '${name}' skipped.`); notesZh.push(`跳过 '${name}' 的 ${b.skippedMissing} 个缺失值。`); }
  return { variable: name, years, notes, notesZh };
}
