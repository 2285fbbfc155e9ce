import { entropyIndex, EntropyInput, EntropyOptions, EntropyResult } from "../indices/entropy-index";
import { entropyBlock, standardized } from "../indices/entropy-weights";
import { parsePeriods } from "../indices/periods";
import { interpolateWithinEntity } from "../data/interpolate";

export interface TopsisRow {
  row: number;
  id?: string | null;
  time?: number;
  dPlus: number;
  dMinus: number;
  closeness: number;
  /** Rank of the closeness within the row's year (1 = best; ties share the lower rank). */
  rank: number;
}

export interface TopsisResult {
  /** The entropy weights (whole sample; per block in `periods`). */
  entropy: EntropyResult;
  weights: Record<string, number>;
  rows: TopsisRow[];
  /** Per block (year or sub-period) in those modes: label, weights, and the ideal solutions V⁺, V⁻. */
  periods?: { label: string; weights: Record<string, number>; idealPlus: Record<string, number>; idealMinus: Record<string, number> }[];
  idealPlus?: Record<string, number>;
  idealMinus?: Record<string, number>;
  notes: string[];
  notesZh: string[];
}

/**
 * Entropy-weighted TOPSIS (熵权TOPSIS). In each block of the entropy mode (all rows; a year; a
 * sub-period) the indicators are standardised exactly as the entropy method's eq. (1)–(2)
 * (x′ = (x − min)/(max − min), or (max − x)/(max − min) for negative indicators, unshifted),
 * weighted by that block's entropy weights w (same mode and shift): v_ij = w_j x′_ij;
 * V⁺_j = max_i v_ij, V⁻_j = min_i v_ij over the block's rows; D±_i = √Σ_j (v_ij − V±_j)²;
 * closeness C_i = D⁻/(D⁺ + D⁻) in [0, 1]. Ranks are within each year (1 = best, ties share the
 * lower rank, as R's rank(ties.method = "min") on −C). The validation, missing-value handling
 * and notes are the entropy method's own. Complexity O(m·k).
 */
export function entropyTopsis(input: EntropyInput, options: EntropyOptions = {}): TopsisResult {
  const entropy = entropyIndex(input, options);
  const mode = entropy.mode;
  const shift = entropy.shift;
  const n = input.indicators[0].values.length;
  let cols = input.indicators.map((d) => d.values);
  if ((options.missing ?? "error") === "interpolate" && input.ids && input.times) {
    cols = cols.map((c) => interpolateWithinEntity(input.ids!, input.times!, c).values);
  }
  const directions = input.indicators.map((d) => d.direction);
  const names = entropy.indicators;
  // The rows the entropy method scored are exactly the rows it used.
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (entropy.scores[i] !== null) used.push(i);
  const sets: { label: string; rows: number[] }[] = [];
  if (mode === "pooled") sets.push({ label: "pooled", rows: used });
  else if (mode === "year") {
    const times = input.times!;
    for (const t of [...new Set(used.map((i) => times[i]))].sort((a, b) => a - b)) sets.push({ label: String(t), rows: used.filter((i) => times[i] === t) });
  } else {
    const times = input.times!;
    for (const p of parsePeriods(options.periods!)) sets.push({ label: p.label, rows: used.filter((i) => times[i] >= p.from && times[i] <= p.to) });
  }
  const rows: TopsisRow[] = [];
  const periods: NonNullable<TopsisResult["periods"]> = [];
  const rec = (v: number[]) => Object.fromEntries(names.map((nm, j) => [nm, v[j]]));
  let idealPlus: number[] = [], idealMinus: number[] = [];
  for (const s of sets) {
    const b = entropyBlock(cols, directions, Int32Array.from(s.rows), shift);
    const k = cols.length;
    const v = s.rows.map((i) => cols.map((c, j) => b.weights[j] * standardized(c[i], j, b, directions[j])));
    const vp = new Array<number>(k).fill(-Infinity), vm = new Array<number>(k).fill(Infinity);
    for (const r of v) for (let j = 0; j < k; j++) { if (r[j] > vp[j]) vp[j] = r[j]; if (r[j] < vm[j]) vm[j] = r[j]; }
    s.rows.forEach((i, q) => {
      let sp = 0, sm = 0;
      for (let j = 0; j < k; j++) { sp += (v[q][j] - vp[j]) ** 2; sm += (v[q][j] - vm[j]) ** 2; }
      const dPlus = Math.sqrt(sp), dMinus = Math.sqrt(sm);
      rows.push({ row: i, id: input.ids?.[i], time: input.times?.[i], dPlus, dMinus, closeness: dMinus / (dPlus + dMinus), rank: 0 });
    });
    if (mode === "pooled") { idealPlus = vp; idealMinus = vm; }
    else periods.push({ label: s.label, weights: rec(b.weights), idealPlus: rec(vp), idealMinus: rec(vm) });
  }
  rows.sort((a, b) => a.row - b.row);
  // Ranks within each year (the whole sample when there is no time column).
  const byYear = new Map<number | undefined, TopsisRow[]>();
  for (const r of rows) { const list = byYear.get(r.time); if (list) list.push(r); else byYear.set(r.time, [r]); }
  for (const list of byYear.values()) {
    const sorted = [...list].sort((a, b) => b.closeness - a.closeness);
    sorted.forEach((r, q) => (r.rank = q > 0 && sorted[q - 1].closeness === r.closeness ? sorted[q - 1].rank : q + 1));
  }
  return {
    entropy, weights: entropy.weights, rows,
    periods: mode === "pooled" ? undefined : periods,
    idealPlus: mode === "pooled" ? rec(idealPlus) : undefined,
    idealMinus: mode === "pooled" ? rec(idealMinus) : undefined,
    notes: entropy.notes, notesZh: entropy.notesZh,
  };
}
