import { DataTable, labelColumn, numericColumn, rangeRow } from "../data/data-table";
import { inputError } from "../errors";

/** Mean of a variable per period, overall and per group (index trends by region group). */
export interface GroupTrend {
  variable: string;
  times: number[];
  /** Group names in order of first appearance; the overall mean is `overall`. */
  groups: string[];
  /** means[g][t]: mean over the group's non-missing observations in period t (null when none). */
  means: (number | null)[][];
  counts: number[][];
  overall: (number | null)[];
  overallCounts: number[];
}

export interface GroupTrendSpec {
  value: string;
  time: string;
  /** Column of group labels; omit for the overall mean only. */
  group?: string;
  /** Preferred order of the groups (others follow in order of appearance). */
  order?: readonly string[];
}

/**
 * Averages `value` by period (and group): the series of an index-trend chart. Missing values
 * are skipped; a row without a time or group label is an error naming the row.
 */
export function groupTrend(table: DataTable, spec: GroupTrendSpec): GroupTrend {
  const y = numericColumn(table, spec.value);
  const time = numericColumn(table, spec.time);
  const group = spec.group ? labelColumn(table, spec.group) : undefined;
  const times = [...new Set(Array.from(time).filter((t) => !Number.isNaN(t)))].sort((a, b) => a - b);
  const groups: string[] = [];
  if (group) for (const g of group) if (g !== null && !groups.includes(g)) groups.push(g);
  if (spec.order) {
    const rank = (g: string) => (spec.order!.includes(g) ? spec.order!.indexOf(g) : spec.order!.length);
    groups.sort((a, b) => rank(a) - rank(b));
  }
  const tIndex = new Map(times.map((t, k) => [t, k]));
  const sums = groups.map(() => new Array<number>(times.length).fill(0));
  const counts = groups.map(() => new Array<number>(times.length).fill(0));
  const allSum = new Array<number>(times.length).fill(0);
  const allCount = new Array<number>(times.length).fill(0);
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(time[i])) throw inputError(`Row ${rangeRow(i, table)}: the period in column '${spec.time}' is blank.`, `第 ${rangeRow(i, table)} 行：列 '${spec.time}' 的时期为空。`);
    if (group && group[i] === null) throw inputError(`Row ${rangeRow(i, table)}: the group in column '${spec.group}' is blank.`, `第 ${rangeRow(i, table)} 行：列 '${spec.group}' 的分组为空。`);
    if (Number.isNaN(y[i])) continue;
    const k = tIndex.get(time[i])!;
    allSum[k] += y[i];
    allCount[k]++;
    if (group) {
      const g = groups.indexOf(group[i]!);
      sums[g][k] += y[i];
      counts[g][k]++;
    }
  }
  const mean = (s: number, c: number) => (c > 0 ? s / c : null);
  return {
    variable: spec.value,
    times,
    groups,
    means: sums.map((row, g) => row.map((s, k) => mean(s, counts[g][k]))),
    counts,
    overall: allSum.map((s, k) => mean(s, allCount[k])),
    overallCounts: allCount,
  };
}
