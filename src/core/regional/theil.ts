import { inputError } from "../errors";
import { GroupedValues, yearBlocks, skipNotes } from "./year-groups";

export interface TheilYear {
  time: number | null;
  n: number;
  /** T = (1/n) Σ (y/μ) ln(y/μ). */
  total: number;
  /** Σ_j s_j T_j, s_j = n_j μ_j/(nμ) (absent without groups). */
  within?: number;
  /** Σ_j s_j ln(μ_j/μ). */
  between?: number;
  /** T_j per group. */
  groups?: Record<string, number>;
  /** Shares within/total and between/total (null when T = 0). */
  shares?: { within: number | null; between: number | null };
}

export interface TheilResult {
  variable: string;
  groups: string[];
  years: TheilYear[];
  notes: string[];
  notesZh: string[];
}

/**
 * Theil's T index per year and its exact within/between split by groups:
 * T = (1/n) Σ_i (y_i/μ) ln(y_i/μ) = Σ_j s_j T_j + Σ_j s_j ln(μ_j/μ), with T_j the Theil index of
 * group j and s_j = n_j μ_j/(nμ) its share of the total. Values must be > 0 (ln 0 is undefined).
 * Reference: Theil, H. (1967). Economics and Information Theory; Shorrocks (1980). Complexity O(n).
 */
export function theilIndex(input: GroupedValues): TheilResult {
  const b = yearBlocks(input);
  const label = input.rowLabel ?? ((i: number) => `row ${i + 2}`);
  const y = input.values;
  const theil = (rows: readonly number[]) => {
    const mu = accurateMean(rows, y);
    let t = 0;
    for (const i of rows) { const q = y[i] / mu; t += q * Math.log(q); }
    return { mu, t: t / rows.length };
  };
  const years: TheilYear[] = [];
  for (const blk of b.blocks) {
    for (const i of blk.rows) {
      if (!(y[i] > 0)) {
        throw inputError(
          `'${input.name}' (${label(i)}) is ${y[i]}: the Theil index takes logarithms and needs values > 0. Use a positive variable, or shift it (e.g. add 0.0001 to index scores of 0) before the decomposition.`,
          `'${input.name}'（${label(i)}）为 ${y[i]}：泰尔指数要取对数，要求数值 > 0。请使用正值变量，或先平移（例如给为 0 的指数得分加 0.0001）再分解。`,
        );
      }
    }
    const all = theil(blk.rows);
    const year: TheilYear = { time: blk.time, n: blk.rows.length, total: all.t };
    if (input.groups) {
      const g = input.groups;
      let within = 0, between = 0;
      const per: Record<string, number> = {};
      for (const name of b.groups) {
        const rows = blk.rows.filter((i) => g[i] === name);
        if (rows.length === 0) continue;
        const tj = theil(rows);
        const sj = (rows.length * tj.mu) / (blk.rows.length * all.mu);
        per[name] = tj.t;
        within += sj * tj.t;
        between += sj * Math.log1p((tj.mu - all.mu) / all.mu); // ln(μ_j/μ) without the rounding of a ratio near 1
      }
      year.within = within;
      year.between = between;
      year.groups = per;
      year.shares = { within: all.t > 0 ? within / all.t : null, between: all.t > 0 ? between / all.t : null };
    }
    years.push(year);
  }
  return { variable: input.name, groups: b.groups, years, ...skipNotes(b, input.name) };
}

/**
 * Mean by compensated (Neumaier) summation plus one correction pass, as R's mean() does in
 * long double: the between-group term Σ s_j ln(μ_j/μ) is a sum of terms much larger than itself
 * when the group means are close, so a last-bit error in μ would show in its ninth digit.
 */
function accurateMean(rows: readonly number[], y: ArrayLike<number>): number {
  const sum = (f: (v: number) => number) => {
    let s = 0, c = 0;
    for (const i of rows) {
      const v = f(y[i]);
      const t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      s = t;
    }
    return s + c;
  };
  const m = sum((v) => v) / rows.length;
  return m + sum((v) => v - m) / rows.length;
}
