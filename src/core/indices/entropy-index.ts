import { Direction } from "./direction";
import { entropyBlock, EntropyBlock } from "./entropy-weights";
import { parsePeriods } from "./periods";
import { interpolateWithinEntity } from "../data/interpolate";
import { inputError } from "../errors";

export type EntropyMode = "pooled" | "year" | "periods";
export type MissingChoice = "error" | "drop" | "interpolate";

export interface IndicatorInput {
  name: string;
  /** NaN = missing. */
  values: Float64Array;
  direction: Direction;
  /** Level-2 dimension. */
  group?: string;
}

export interface EntropyInput {
  ids?: readonly (string | null)[];
  times?: readonly number[];
  indicators: IndicatorInput[];
  /** Order of the level-2 groups in tables and results (default: order of first appearance among the indicators). */
  groupOrder?: readonly string[];
  /** Place of row i for messages ("北京, 2009"); default "row i+2". */
  rowLabel?: (i: number) => string;
}

export interface EntropyOptions {
  mode?: EntropyMode;
  /** Sub-periods, e.g. "2003;2004-2012;2013-2022;2023" (mode "periods"). */
  periods?: string;
  /** h added to every standardized value (default 0.0001; 0 means p ln p = 0 at p = 0). */
  shift?: number;
  missing?: MissingChoice;
}

export interface WeightBlock {
  label: string;
  m: number;
  entropy: Record<string, number>;
  redundancy: Record<string, number>;
  weights: Record<string, number>;
  /** Level-2 weights (sum of their indicators' weights). */
  groups?: Record<string, number>;
}

export interface EntropyResult {
  mode: EntropyMode;
  shift: number;
  indicators: string[];
  directions: Record<string, Direction>;
  /** Rows used (m of the whole-sample block). */
  m: number;
  /** Whole-sample pooled weights (the default for panels). */
  entropy: Record<string, number>;
  redundancy: Record<string, number>;
  weights: Record<string, number>;
  groups?: Record<string, number>;
  /** Level-2 group of each indicator (when groups are given). */
  indicatorGroups?: Record<string, string>;
  min: Record<string, number>;
  max: Record<string, number>;
  /** Per year (mode "year") or per sub-period (mode "periods"). */
  periods: WeightBlock[];
  /** Score S = Σ w_j x′_ij per input row (null for a row not used); per-year / per-period weights in those modes. */
  scores: (number | null)[];
  /** Sub-index score per level-2 group (same weights, summing to the score). */
  groupScores?: Record<string, (number | null)[]>;
  notes: string[];
  notesZh: string[];
}

function toRecord<T>(names: readonly string[], values: readonly T[]): Record<string, T> {
  const r: Record<string, T> = {};
  names.forEach((n, j) => (r[n] = values[j]));
  return r;
}

/**
 * Composite index by the entropy weight method (equations 1–7), pooled over all rows (the
 * "time-variable" method: one min/max over the panel, so years are comparable), per year, or
 * per sub-period, with a three-level hierarchy (level-2 weight = sum of its indicators').
 */
export function entropyIndex(input: EntropyInput, options: EntropyOptions = {}): EntropyResult {
  const mode = options.mode ?? "pooled";
  const shift = options.shift ?? 0.0001;
  if (!(shift >= 0)) throw inputError(`The shift must be 0 or a small positive number, not ${shift}.`, `平移量应为 0 或较小的正数，而不是 ${shift}。`);
  const missing = options.missing ?? "error";
  const inds = input.indicators;
  if (inds.length === 0) throw inputError("No indicators given.", "未给出指标。");
  if (!["pooled", "year", "periods"].includes(mode)) throw inputError(`Mode '${String(mode)}' is not one of pooled, year, periods.`, `模式 '${String(mode)}' 不是 pooled、year、periods 之一。`);
  const n = inds[0].values.length;
  for (const d of inds) {
    if (d.values.length !== n) throw inputError(`Indicator '${d.name}' has ${d.values.length} values, '${inds[0].name}' has ${n}: every indicator needs one value per row.`, `指标 '${d.name}' 有 ${d.values.length} 个值，'${inds[0].name}' 有 ${n} 个：每个指标每行应有一个值。`);
  }
  if ((input.ids && input.ids.length !== n) || (input.times && input.times.length !== n)) {
    throw inputError(`The id and time columns must have one value per row (${n}).`, `个体列与时间列必须每行一个值（${n} 行）。`);
  }
  const dup = inds.map((d) => d.name).find((nm, j, all) => all.indexOf(nm) !== j);
  if (dup !== undefined) throw inputError(`Indicator '${dup}' is listed twice.`, `指标 '${dup}' 重复出现。`);
  const label = input.rowLabel ?? ((i: number) => `row ${i + 2}`);
  const names = inds.map((d) => d.name);
  const notes: string[] = [];
  const notesZh: string[] = [];
  let cols = inds.map((d) => d.values);

  const missingCells = () => {
    const cells: [number, number][] = [];
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      for (let i = 0; i < n; i++) {
        const v = c[i];
        if (v !== v) cells.push([i, j]); // NaN
        else if (v === Infinity || v === -Infinity) {
          throw inputError(`${names[j]} (${label(i)}): the value is infinite. Enter a finite number.`, `${names[j]}（${label(i)}）：数值为无穷大，请填入有限数值。`);
        }
      }
    }
    return cells;
  };
  let cells = missingCells();
  if (cells.length > 0) {
    const list = (cs: [number, number][]) => cs.slice(0, 8).map(([i, j]) => `${names[j]} (${label(i)})`).join("; ") + (cs.length > 8 ? `; … (${cs.length} in all)` : "");
    if (missing === "error") {
      throw inputError(
        `${cells.length} missing value(s): ${list(cells)}. Fill them, or choose missing = "drop" (drop those rows) or "interpolate" (linear within entity).`,
        `${cells.length} 个缺失值：${list(cells)}。请补全，或选择 missing = "drop"（删除这些行）或 "interpolate"（个体内线性插值）。`,
      );
    }
    if (missing === "interpolate") {
      if (!input.ids || !input.times) throw inputError("Interpolation needs the id and time columns.", "插值需要个体列与时间列。");
      let filled = 0;
      cols = cols.map((c) => {
        const r = interpolateWithinEntity(input.ids!, input.times!, c);
        filled += r.filled.length;
        return r.values;
      });
      if (filled > 0) {
        notes.push(`${filled} missing value(s) filled by linear interpolation within entity.`);
        notesZh.push(`${filled} 个缺失值以个体内线性插值补齐。`);
      }
      cells = missingCells();
    }
    if (cells.length > 0) {
      const rowsOut = new Set(cells.map(([i]) => i));
      notes.push(`${rowsOut.size} row(s) dropped for missing values: ${list(cells)}.`);
      const listZh = list(cells).replace(/ \((.*?)\)/g, "（$1）").replace(/\brow (\d+)/g, "第 $1 行").replace(/; /g, "；").replace(/… \((\d+) in all\)/, "……（共 $1 个）");
      notesZh.push(`因缺失值删除 ${rowsOut.size} 行：${listZh}。`);
    }
  }
  let used: number[];
  if (cells.length === 0) {
    used = Array.from({ length: n }, (_, i) => i);
  } else {
    const out = new Uint8Array(n);
    for (const [i] of cells) out[i] = 1;
    used = [];
    for (let i = 0; i < n; i++) if (!out[i]) used.push(i);
  }
  if (used.length < 2) {
    throw inputError(`The entropy method needs at least 2 rows with every indicator; there are ${used.length}.`, `熵值法至少需要 2 行完整数据，现有 ${used.length} 行。`);
  }
  const directions = inds.map((d) => d.direction);
  const present = new Set(inds.map((d) => d.group).filter((g): g is string => !!g));
  const groupNames = [...new Set([...(input.groupOrder ?? []).filter((g) => present.has(g)), ...present])];
  const groupWeights = (w: number[]) => {
    if (groupNames.length === 0) return undefined;
    const out: Record<string, number> = {};
    for (const g of groupNames) out[g] = inds.reduce((s, d, j) => s + (d.group === g ? w[j] : 0), 0);
    return out;
  };
  const blockOf = (rows: number[], lbl: string): [WeightBlock, EntropyBlock] => {
    const b = entropyBlock(cols, directions, Int32Array.from(rows), shift);
    if (b.redundancy.every((d) => d === 0)) {
      throw inputError(`${lbl}: no indicator varies (every indicator has max = min), so there are no weights.`, `${lbl}：所有指标的最大值都等于最小值，无法计算权重。`);
    }
    for (const j of b.zeroVariance) {
      notes.push(`${lbl}: indicator '${names[j]}' does not vary (max = min = ${b.min[j]}): weight 0.`);
      notesZh.push(`${lbl}：指标 '${names[j]}' 没有变化（最大值 = 最小值 = ${b.min[j]}），权重为 0。`);
    }
    return [{ label: lbl, m: b.m, entropy: toRecord(names, b.entropy), redundancy: toRecord(names, b.redundancy), weights: toRecord(names, b.weights), groups: groupWeights(b.weights) }, b];
  };

  const [whole, wholeBlock] = blockOf(used, mode === "pooled" ? "pooled" : "all rows");
  const scores: (number | null)[] = new Array(n).fill(null);
  const groupScores: Record<string, (number | null)[]> | undefined = groupNames.length ? Object.fromEntries(groupNames.map((g) => [g, new Array(n).fill(null)])) : undefined;
  // S_i = Σ_j w_j x′_ij, column by column (x′ unshifted, with the block's own min/max); the
  // level-2 sub-index of group g sums the same terms over g's indicators.
  const groupIndex = inds.map((d) => (d.group ? groupNames.indexOf(d.group) : -1));
  const score = (rows: number[], b: EntropyBlock) => {
    const acc = new Float64Array(rows.length);
    const gacc = groupNames.map(() => new Float64Array(rows.length));
    for (let j = 0; j < cols.length; j++) {
      const w = b.weights[j];
      const sc = Number.isFinite(b.max[j] - b.min[j]) ? 1 : 0.5; // as in entropyWeights: halve a span beyond double range
      const range = b.max[j] * sc - b.min[j] * sc;
      if (!(range > 0) || w === 0) continue;
      const c = cols[j], lo = b.min[j] * sc, hi = b.max[j] * sc, neg = directions[j] === "negative";
      const ga = groupIndex[j] >= 0 ? gacc[groupIndex[j]] : undefined;
      for (let r = 0; r < rows.length; r++) {
        const v = c[rows[r]];
        const t = (w * (neg ? hi - v * sc : v * sc - lo)) / range;
        acc[r] += t;
        if (ga) ga[r] += t;
      }
    }
    for (let r = 0; r < rows.length; r++) scores[rows[r]] = acc[r];
    if (groupScores) groupNames.forEach((g, k) => { for (let r = 0; r < rows.length; r++) groupScores[g][rows[r]] = gacc[k][r]; });
  };
  const periods: WeightBlock[] = [];
  if (mode === "pooled") {
    score(used, wholeBlock);
  } else {
    if (!input.times) throw inputError(`Mode '${mode}' needs the time column.`, `模式 '${mode}' 需要时间列。`);
    const times = input.times;
    const badTime = used.find((i) => !Number.isFinite(times[i]));
    if (badTime !== undefined) throw inputError(`Mode '${mode}': ${label(badTime)} has no time value.`, `模式 '${mode}'：${label(badTime)} 没有时间值。`);
    const sets: { label: string; rows: number[] }[] = [];
    if (mode === "year") {
      const byYear = new Map<number, number[]>();
      for (const i of used) {
        const rows = byYear.get(times[i]);
        if (rows) rows.push(i);
        else byYear.set(times[i], [i]);
      }
      for (const y of [...byYear.keys()].sort((a, b) => a - b)) sets.push({ label: String(y), rows: byYear.get(y)! });
    } else {
      if (!options.periods) throw inputError('Mode "periods" needs the periods, e.g. "2003;2004-2012;2013-2022;2023".', '模式 "periods" 需要给出时期，例如 "2003;2004-2012;2013-2022;2023"。');
      const ps = parsePeriods(options.periods);
      for (const p of ps) sets.push({ label: p.label, rows: used.filter((i) => times[i] >= p.from && times[i] <= p.to) });
      const outside = used.filter((i) => !ps.some((p) => times[i] >= p.from && times[i] <= p.to));
      if (outside.length) {
        notes.push(`${outside.length} row(s) fall in no period and get no score.`);
        notesZh.push(`${outside.length} 行不属于任何时期，没有得分。`);
      }
    }
    for (const s of sets) {
      if (s.rows.length < 2) throw inputError(`${mode === "year" ? "Year" : "Period"} ${s.label} has ${s.rows.length} row(s); the entropy method needs at least 2.`, `${mode === "year" ? "年份" : "时期"} ${s.label} 只有 ${s.rows.length} 行，熵值法至少需要 2 行。`);
      const [wb, b] = blockOf(s.rows, s.label);
      periods.push(wb);
      score(s.rows, b);
    }
  }
  return {
    mode, shift, indicators: names, directions: toRecord(names, directions),
    m: whole.m, entropy: whole.entropy, redundancy: whole.redundancy, weights: whole.weights, groups: whole.groups,
    indicatorGroups: groupNames.length ? Object.fromEntries(inds.map((d) => [d.name, d.group ?? ""])) : undefined,
    min: toRecord(names, wholeBlock.min), max: toRecord(names, wholeBlock.max),
    periods, scores, groupScores, notes, notesZh,
  };
}

export interface AboveMeanResult {
  /** Per year: the cross-section mean and the entities above it (input order). */
  years: { time: number; mean: number; above: string[] }[];
  /** Entities above the mean in every year in which they are scored ("持续高于全国均值"). */
  alwaysAbove: string[];
}

/** Which entities score above the cross-section mean, year by year. */
export function aboveMean(scores: readonly (number | null)[], ids: readonly (string | null)[], times: readonly number[], year?: number): AboveMeanResult {
  if (ids.length !== scores.length || times.length !== scores.length) {
    throw inputError(`Above the mean: ${scores.length} scores but ${ids.length} ids and ${times.length} times.`, `高于均值：有 ${scores.length} 个得分，但个体 ${ids.length} 个、时间 ${times.length} 个。`);
  }
  const byYear = new Map<number, number[]>();
  scores.forEach((s, i) => {
    if (s === null || ids[i] === null) return;
    if (year !== undefined && times[i] !== year) return;
    const rows = byYear.get(times[i]) ?? [];
    rows.push(i);
    byYear.set(times[i], rows);
  });
  if (byYear.size === 0) {
    throw inputError(year !== undefined ? `No scores for ${year}.` : "No scores.", year !== undefined ? `${year} 年没有得分。` : "没有得分。");
  }
  const years = [...byYear.keys()].sort((a, b) => a - b).map((t) => {
    const rows = byYear.get(t)!;
    const mean = rows.reduce((s, i) => s + (scores[i] as number), 0) / rows.length;
    return { time: t, mean, above: rows.filter((i) => (scores[i] as number) > mean).map((i) => ids[i] as string) };
  });
  // An entity is "always above" when it is above the mean in every year in which it is scored.
  const seen = new Map<string, number>(), above = new Map<string, number>();
  for (const y of years) {
    for (const i of byYear.get(y.time)!) seen.set(ids[i] as string, (seen.get(ids[i] as string) ?? 0) + 1);
    for (const e of y.above) above.set(e, (above.get(e) ?? 0) + 1);
  }
  const alwaysAbove = [...seen.keys()].filter((e) => above.get(e) === seen.get(e));
  return { years, alwaysAbove };
}
