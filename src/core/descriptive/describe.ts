import { LARGEST_SQUARABLE } from "../data/number-range";
import { DataTable, isNumericColumn, numericColumn, columnIndex } from "../data/data-table";
import { EntityCodes, entityCodes, xtsum } from "./xtsum";
import { emptyError } from "../errors";
import { quantilesType7 } from "./select";

/** Summary of one numeric variable. Optional fields are present when asked for and computable. */
export interface VariableSummary {
  name: string;
  /** Non-missing observations. */
  n: number;
  /** Blank / missing cells, counted and skipped. */
  nMissing: number;
  /** Absent (undefined) when n = 0. */
  mean?: number;
  /** Sample SD, n − 1 denominator (Stata `summarize`, Excel STDEV.S); absent when n < 2. */
  sd?: number;
  min?: number;
  max?: number;
  median?: number;
  /** PERCENTILE.INC convention (R type 7). */
  p25?: number;
  p75?: number;
  /** m3 / m2^1.5 with population moments (Stata `summarize, detail`). */
  skewness?: number;
  /** m4 / m2², not excess (Stata). */
  kurtosis?: number;
  /** Stata `xtsum`: SD of the entity means (G − 1 denominator). */
  sdBetween?: number;
  /** Stata `xtsum`: SD of x_it − x̄_i + x̄ over observations (N − 1 denominator). */
  sdWithin?: number;
  /** Entities with at least one observation (with an id). */
  nGroups?: number;
}

export interface DescribeOptions {
  /** Variables to summarise; default every numeric column other than `id` and `time`. */
  vars?: readonly string[];
  /** Add median, p25, p75, skewness and kurtosis. */
  detail?: boolean;
  /** Entity column: adds Stata `xtsum` between/within SD. */
  id?: string;
  /** Time column: excluded from the default variable list. */
  time?: string;
}

export interface DescribeResult {
  variables: VariableSummary[];
  notes: string[];
  /** The same notes in Chinese. */
  notesZh?: string[];
}

/**
 * Descriptive statistics per variable (the paper's Table 4): N, mean, SD (n − 1), min, max,
 * optionally median, quartiles (PERCENTILE.INC), skewness and kurtosis (Stata convention), and
 * `xtsum` between/within SD when an id column is named. Blank cells are missing and skipped.
 * Text in a numeric column is an error naming column, row and text.
 * Complexity O(n log n) per variable (sorting for quantiles), O(n) otherwise.
 */
export function describe(table: DataTable, options: DescribeOptions = {}): DescribeResult {
  if (table.nrows === 0) {
    throw emptyError(
      "The range has a header row but no data rows: nothing to describe.",
      "所选区域只有表头、没有数据行：无可描述的数据。",
    );
  }
  const excluded = new Set([options.id, options.time].filter((x): x is string => !!x));
  for (const c of excluded) columnIndex(table, c);
  let vars: string[];
  if (options.vars && options.vars.length > 0) {
    vars = [...options.vars];
    for (const v of vars) columnIndex(table, v);
  } else {
    vars = table.names.filter((n) => !excluded.has(n) && isNumericColumn(table, n));
    if (vars.length === 0) {
      // Report the first offending cell of the first non-id column, so the user sees why.
      const candidates = table.names.filter((n) => !excluded.has(n));
      for (const c of candidates) numericColumn(table, c);
      throw emptyError(
        "No numeric column to describe: every column is blank.",
        "没有可描述的数值列：所有列均为空。",
      );
    }
  }
  const ids = options.id ? entityCodes(table, options.id) : undefined;
  const notes: string[] = [];
  const notesZh: string[] = [];
  const variables = vars.map((name) => {
    const x = numericColumn(table, name);
    // Values whose squares overflow (|x| > 1e150): summarise x / 2^k and scale back (exact powers of two), with a note.
    let top = 0;
    for (const v of x) if (Math.abs(v) > top) top = Math.abs(v);
    if (!(top > LARGEST_SQUARABLE)) return summarise(name, x, ids, !!options.detail);
    const k = Math.ceil(Math.log2(top));
    const down = Math.pow(2, -k), up = Math.pow(2, k);
    const s = summarise(name, x.map((v) => v * down), ids, !!options.detail);
    for (const key of ["mean", "sd", "min", "max", "median", "p25", "p75", "sdBetween", "sdWithin"] as const) if (s[key] !== undefined) s[key] = s[key]! * up;
    notes.push(`${name}: values up to ${top.toPrecision(3)}; the statistics were computed on ${name} / 2^${k} and scaled back, since squares of values above 1e150 overflow double precision.`);
    notesZh.push(`${name}：最大值达 ${top.toPrecision(3)}；统计量按 ${name} / 2^${k} 计算后换算回原单位（大于 1e150 的数值平方会超出双精度范围）。`);
    return s;
  });
  for (const v of variables) {
    if (v.n === 0) {
      notes.push(`${v.name}: every cell is blank (N = 0).`);
      notesZh.push(`${v.name}：所有单元格均为空（样本量为 0）。`);
    } else if (v.n === 1) {
      notes.push(`${v.name}: one observation, so no SD (N = 1).`);
      notesZh.push(`${v.name}：只有一个观测值，无法计算标准差（样本量为 1）。`);
    }
  }
  if (ids?.anyBlank) {
    notes.push(`Rows with a blank '${options.id}' are left out of the between/within SD.`);
    notesZh.push(`'${options.id}' 为空的行不计入组间/组内标准差。`);
  }
  return { variables, notes, notesZh };
}

function summarise(name: string, x: Float64Array, ids: EntityCodes | undefined, detail: boolean): VariableSummary {
  // The non-missing values, in a typed array (a million rows: no boxed or growing array).
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) n++;
  const values = new Float64Array(n);
  for (let i = 0, k = 0; i < x.length; i++) if (!Number.isNaN(x[i])) values[k++] = x[i];
  const out: VariableSummary = { name, n, nMissing: x.length - n };
  if (n === 0) return out;
  const mean = kahanSum(values) / n;
  let m2 = 0, m3 = 0, m4 = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const d = v - mean;
    const d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  out.mean = mean;
  out.min = min;
  out.max = max;
  if (n >= 2) out.sd = Math.sqrt(m2 / (n - 1));
  if (detail) {
    [out.median, out.p25, out.p75] = quantilesType7(values, [0.5, 0.25, 0.75]);
    const pm2 = m2 / n;
    if (pm2 > 0) {
      out.skewness = m3 / n / Math.pow(pm2, 1.5);
      out.kurtosis = m4 / n / (pm2 * pm2);
    }
  }
  if (ids) Object.assign(out, xtsum(x, ids));
  return out;
}

function kahanSum(values: Float64Array): number {
  let s = 0, c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const y = v - c;
    const t = s + y;
    c = t - s - y;
    s = t;
  }
  return s;
}
