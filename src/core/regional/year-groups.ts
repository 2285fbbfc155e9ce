import { inputError } from "../errors";

/** The input of the inequality measures: one value and one group label per row, and its time. */
export interface GroupedValues {
  /** Variable name, for messages. */
  name: string;
  values: ArrayLike<number>;
  /** Group label per row (null = no group: the row is skipped with a note). Omit for no groups (Theil total, densities). */
  groups?: readonly (string | null)[];
  /** Time per row; omit for one cross-section. */
  times?: readonly number[];
  /** Preferred order of the groups in results (others follow in order of appearance). */
  groupOrder?: readonly string[];
  /** Place of row i for messages ("北京, 2009"); default "row i+2". */
  rowLabel?: (i: number) => string;
}

export interface YearBlock {
  time: number | null;
  /** Rows (0-based input rows) of the block with a value (and a group when groups are given). */
  rows: number[];
}

export interface Blocks {
  blocks: YearBlock[];
  /** Group names in result order. */
  groups: string[];
  skippedMissing: number;
  skippedNoGroup: number;
}

/** Splits the rows by time (ascending), dropping missing values and rows without a group. */
export function yearBlocks(input: GroupedValues): Blocks {
  const n = input.values.length;
  if (input.groups && input.groups.length !== n) throw inputError(`The group column has ${input.groups.length} values but '${input.name}' has ${n}: give one group per row.`, `分组列有 ${input.groups.length} 个值，而 '${input.name}' 有 ${n} 个：每行需要一个分组。`);
  if (input.times && input.times.length !== n) throw inputError(`The time column has ${input.times.length} values but '${input.name}' has ${n}: give one time per row.`, `时间列有 ${input.times.length} 个值，而 '${input.name}' 有 ${n} 个：每行需要一个时间。`);
  const label = input.rowLabel ?? ((i: number) => `row ${i + 2}`);
  const byTime = new Map<number | null, number[]>();
  let skippedMissing = 0, skippedNoGroup = 0;
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = input.values[i];
    if (v !== v) { skippedMissing++; continue; }
    if (!Number.isFinite(v)) throw inputError(`'${input.name}' (${label(i)}): the value is infinite. Enter a finite number.`, `'${input.name}'（${label(i)}）：数值为无穷大，请填入有限数值。`);
    const g = input.groups?.[i];
    if (input.groups && (g === null || g === undefined || g === "")) { skippedNoGroup++; continue; }
    const t = input.times ? input.times[i] : null;
    if (t !== null && !Number.isFinite(t)) throw inputError(`'${input.name}' (${label(i)}): the row has no time value. Fill the time column.`, `'${input.name}'（${label(i)}）：该行没有时间值，请补全时间列。`);
    const rows = byTime.get(t);
    if (rows) rows.push(i);
    else byTime.set(t, [i]);
    if (g && !seen.includes(g)) seen.push(g);
  }
  const order = input.groupOrder ?? [];
  const groups = [...order.filter((g) => seen.includes(g)), ...seen.filter((g) => !order.includes(g))];
  const times = [...byTime.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
  if (times.length === 0) throw inputError(`'${input.name}' has no values${input.groups ? " with a group" : ""}. Check the column and its group column.`, `'${input.name}' 没有${input.groups ? "带分组的" : ""}数值，请检查该列及分组列。`);
  return { blocks: times.map((t) => ({ time: t, rows: byTime.get(t)! })), groups, skippedMissing, skippedNoGroup };
}

/** "2009" or "" — a block's time for messages. */
export function timeText(time: number | null, lang: "en" | "zh"): string {
  if (time === null) return "";
  return lang === "en" ? ` in ${time}` : `${time} 年`;
}

/** Notes on skipped rows, in both languages. */
export function skipNotes(b: Blocks, name: string): { notes: string[]; notesZh: string[] } {
  const notes: string[] = [], notesZh: string[] = [];
  if (b.skippedMissing) { notes.push(`${b.skippedMissing} row(s) skipped: '${name}' is missing.`); notesZh.push(`${b.skippedMissing} 行因 '${name}' 缺失而跳过。`); }
  if (b.skippedNoGroup) { notes.push(`${b.skippedNoGroup} row(s) skipped: no group.`); notesZh.push(`${b.skippedNoGroup} 行因没有分组而跳过。`); }
  return { notes, notesZh };
}
