import { inputError, Lang } from "../errors";
import { COUPLING_LEVELS, couplingLevel } from "./coupling-levels";

export interface CouplingSystem {
  name: string;
  /** Evaluation index U_i of the system per row, in [0, 1] (NaN = missing). */
  values: ArrayLike<number>;
}

export interface CouplingInput {
  systems: CouplingSystem[];
  ids?: readonly (string | null)[];
  times?: readonly number[];
  /** Place of row i for messages ("北京, 2009"); default "row i+2". */
  rowLabel?: (i: number) => string;
}

export interface CouplingOptions {
  /** Contribution weights α_i of the systems to T (default equal); must be ≥ 0 and sum to 1. */
  alpha?: readonly number[];
  /** Language of `levelName` (default en). */
  lang?: Lang;
}

export interface CouplingRow {
  /** Input row (0-based). */
  row: number;
  id?: string | null;
  time?: number;
  /** Coupling degree; null when every U_i is 0 (0/0). */
  C: number | null;
  T: number;
  D: number;
  level: number;
  levelName: string;
}

export interface CouplingResult {
  systems: string[];
  alpha: number[];
  rows: CouplingRow[];
  notes: string[];
  notesZh: string[];
}

/** An entropy score of a province at the maximum of every indicator can exceed 1 by a rounding ulp: such values count as on the bound. */
const BOUND_SLACK = 1e-12;

/** Accepted tolerance of Σα = 1 (typed weights such as 0.333, 0.333, 0.334 pass; 0.3, 0.3 do not). */
const ALPHA_TOLERANCE = 1e-9;

/**
 * Coupling coordination degree (耦合协调度) of n ≥ 2 systems:
 * C = n·(∏U_i)^{1/n} / ΣU_i (geometric over arithmetic mean, in [0, 1], 1 when all U_i are equal),
 * T = Σ α_i U_i, D = √(C·T), and the ten levels of D (coupling-levels.ts).
 * Only this form is offered: variants in circulation that drop the factor n, such as
 * C = {U_1U_2/(U_1 + U_2)²}^{1/2} (maximum 1/2), C = {∏U_i/(ΣU_i)^n}^{1/n} (maximum 1/n) or
 * C = {U_1U_2U_3/[(U_1+U_2)(U_1+U_3)(U_2+U_3)]}^{1/3} (maximum 1/2), cannot reach the upper
 * levels, so their D is not comparable with the ten bands (王淑佳 等 2021; docs/regional.md).
 * Rows with a missing U are skipped (reported in a note). Complexity O(rows·n).
 */
export function couplingCoordination(input: CouplingInput, options: CouplingOptions = {}): CouplingResult {
  const systems = input.systems;
  const n = systems.length;
  if (n < 2) {
    throw inputError(
      `Coupling coordination needs at least two systems (indices); ${n === 0 ? "none was" : `only '${systems[0].name}' is`} given. Name two or more columns, e.g. systems = fi,rcd.`,
      `耦合协调度至少需要两个系统（指数）；${n === 0 ? "未给出任何系统" : `只给出了 '${systems[0].name}'`}。请给出两列或更多，例如 systems = fi,rcd。`,
    );
  }
  const dup = systems.map((s) => s.name).find((nm, j, all) => all.indexOf(nm) !== j);
  if (dup !== undefined) throw inputError(`System '${dup}' is listed twice; name each system once.`, `系统 '${dup}' 重复出现；每个系统只需列出一次。`);
  const m = systems[0].values.length;
  for (const s of systems) {
    if (s.values.length !== m) throw inputError(`System '${s.name}' has ${s.values.length} values, '${systems[0].name}' has ${m}: every system needs one value per row.`, `系统 '${s.name}' 有 ${s.values.length} 个值，'${systems[0].name}' 有 ${m} 个：每个系统每行应有一个值。`);
  }
  const alpha = resolveAlpha(options.alpha, systems.map((s) => s.name));
  const label = input.rowLabel ?? ((i: number) => `row ${i + 2}`);
  const lang = options.lang ?? "en";
  const rows: CouplingRow[] = [];
  let skipped = 0;
  let allZero = 0;
  const u = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let missing = false;
    for (let k = 0; k < n; k++) {
      const v = systems[k].values[i];
      if (v !== v) { missing = true; continue; }
      if (!(v >= -BOUND_SLACK && v <= 1 + BOUND_SLACK)) {
        throw inputError(
          `System '${systems[k].name}' (${label(i)}): U = ${v} is outside [0, 1]. Coupling coordination needs evaluation indices in [0, 1] — use entropy scores (they lie in [0, 1]) or rescale the column by min–max first.`,
          `系统 '${systems[k].name}'（${label(i)}）：U = ${v} 不在 [0, 1] 内。耦合协调度要求评价指数在 [0, 1] 之间——请使用熵值法得分（位于 [0, 1]），或先对该列做极差标准化。`,
        );
      }
      u[k] = Math.min(1, Math.max(0, v));
    }
    if (missing) { skipped++; continue; }
    let sum = 0, logSum = 0, anyZero = false, t = 0;
    for (let k = 0; k < n; k++) {
      sum += u[k];
      t += alpha[k] * u[k];
      if (u[k] === 0) anyZero = true;
      else logSum += Math.log(u[k]);
    }
    let c: number | null;
    if (sum === 0) { c = null; allZero++; }
    else if (anyZero) c = 0;
    else c = Math.min(1, (n * Math.exp(logSum / n)) / sum); // AM ≥ GM; min() clips the last-ulp excess when all U are equal
    const d = c === null ? 0 : Math.sqrt(c * t);
    const level = couplingLevel(d);
    rows.push({ row: i, id: input.ids?.[i], time: input.times?.[i], C: c, T: t, D: d, level, levelName: COUPLING_LEVELS[level - 1][lang] });
  }
  if (rows.length === 0) {
    throw inputError(`Coupling coordination: no row has a value for every system (${systems.map((s) => s.name).join(", ")}). Fill the missing values.`, `耦合协调度：没有一行同时具备所有系统（${systems.map((s) => s.name).join("、")}）的值，请补全缺失值。`);
  }
  const notes: string[] = [], notesZh: string[] = [];
  if (skipped) { notes.push(`${skipped} row(s) skipped: a system's value is missing.`); notesZh.push(`${skipped} 行因某个系统的值缺失而跳过。`); }
  if (allZero) { notes.push(`${allZero} row(s) have U = 0 in every system: C is undefined (0/0), D = 0.`); notesZh.push(`${allZero} 行所有系统的 U 均为 0：C 无定义（0/0），D = 0。`); }
  return { systems: systems.map((s) => s.name), alpha, rows, notes, notesZh };
}

/** α from the user (default equal): one per system, each ≥ 0, summing to 1. */
export function resolveAlpha(alpha: readonly number[] | undefined, names: readonly string[]): number[] {
  const n = names.length;
  if (alpha === undefined || alpha.length === 0) return names.map(() => 1 / n);
  const equal = names.map((_, k) => (k < n - 1 ? (1 / n).toFixed(4) : (1 - (n - 1) * Number((1 / n).toFixed(4))).toFixed(4))).join(",");
  if (alpha.length !== n) {
    throw inputError(
      `alpha has ${alpha.length} weight(s) but there are ${n} systems (${names.join(", ")}): give one weight per system, e.g. alpha = ${equal}.`,
      `alpha 有 ${alpha.length} 个权重，但系统有 ${n} 个（${names.join("、")}）：请为每个系统给出一个权重，例如 alpha = ${equal}。`,
    );
  }
  alpha.forEach((a, k) => {
    if (!(a >= 0 && Number.isFinite(a))) throw inputError(`alpha for '${names[k]}' is ${a}: weights must be numbers ≥ 0.`, `'${names[k]}' 的 alpha 为 ${a}：权重应为 ≥ 0 的数。`);
  });
  const s = alpha.reduce((x, y) => x + y, 0);
  if (Math.abs(s - 1) > ALPHA_TOLERANCE) {
    throw inputError(
      `alpha (${alpha.join(", ")}) sums to ${s}, not 1: the contribution weights of the systems must sum to 1, e.g. alpha = ${alpha.map((a) => +(a / s).toFixed(4)).join(",")}.`,
      `alpha（${alpha.join("、")}）之和为 ${s}，不是 1：各系统的贡献系数之和必须为 1，例如 alpha = ${alpha.map((a) => +(a / s).toFixed(4)).join(",")}。`,
    );
  }
  return [...alpha];
}
