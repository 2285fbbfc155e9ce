import { PanelFrame, buildPanelFrame } from "../data/panel-frame";
import { Formula, parseFormula, evaluate } from "../data/formula";
import { whereMask, Where } from "../data/where";
import { DataTable, labelColumn, rangeRow } from "../data/data-table";
import { LARGEST_SQUARABLE, hugeValueError } from "../data/number-range";
import { emptyError } from "../errors";
import { completeRows } from "./complete-rows";

/**
 * The estimation sample: complete rows of the response and regressors (after lags), restricted
 * to the `where` subset, with dense entity / period / cluster codes. Built once per model; the
 * cluster bootstrap builds new samples by resampling whole entities.
 */
export interface PanelSample {
  dependent: string;
  names: string[];
  y: Float64Array;
  X: Float64Array[];
  entity: Int32Array;
  ngroups: number;
  period: Int32Array;
  nperiods: number;
  cluster?: Int32Array;
  nclusters?: number;
  /** Original frame rows (for messages and for putting results back next to the data). */
  rows: Int32Array;
  dropped: { rows: number; byVariable: Record<string, number> };
  entityNames: string[];
}

export interface SampleSpec {
  formula: string | Formula;
  id: string;
  time: string;
  where?: Where;
  /** Cluster variable (any column); the entity when it equals `id`. */
  cluster?: string;
  /** Extra row restriction over the frame's rows (1 = may be used), e.g. a common sample. */
  rowMask?: Uint8Array;
}

/** Dense codes 0..n−1 in order of first appearance. */
export function denseCodes(values: ArrayLike<number | string>, rows: Int32Array): { codes: Int32Array; n: number; labels: (number | string)[] } {
  if (values instanceof Int32Array || values instanceof Float64Array) {
    const fast = denseSmallIntegerCodes(values, rows);
    if (fast) return fast;
  }
  const map = new Map<number | string, number>();
  const codes = new Int32Array(rows.length);
  const labels: (number | string)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const v = values[rows[r]];
    let c = map.get(v);
    if (c === undefined) {
      c = labels.length;
      map.set(v, c);
      labels.push(v);
    }
    codes[r] = c;
  }
  return { codes, n: labels.length, labels };
}

/**
 * denseCodes for typed values that are all integers in [0, 4·rows + 1024) (entity codes, years):
 * a lookup array instead of a hash map, same codes and labels. Undefined when a value is not.
 */
function denseSmallIntegerCodes(values: Int32Array | Float64Array, rows: Int32Array): { codes: Int32Array; n: number; labels: number[] } | undefined {
  const top = 4 * rows.length + 1024;
  let max = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = values[rows[r]];
    if (!(v >= 0 && v < top) || v !== Math.floor(v)) return undefined;
    if (v > max) max = v;
  }
  const byValue = new Int32Array(max + 1).fill(-1);
  const codes = new Int32Array(rows.length);
  const labels: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const v = values[rows[r]];
    let c = byValue[v];
    if (c < 0) {
      c = labels.length;
      byValue[v] = c;
      labels.push(v);
    }
    codes[r] = c;
  }
  return { codes, n: labels.length, labels };
}

/**
 * denseCodes(values, every row) when the values already are dense codes in order of first
 * appearance (the frame's entity codes): one checking pass, then the codes as they are.
 */
export function firstAppearanceCodes(values: Int32Array): { codes: Int32Array; n: number; labels: number[] } | undefined {
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === next) next++;
    else if (!(v >= 0 && v < next)) return undefined;
  }
  const labels = new Array<number>(next);
  for (let c = 0; c < next; c++) labels[c] = c;
  return { codes: values.slice(), n: next, labels };
}

export function buildSample(frame: PanelFrame, spec: SampleSpec): PanelSample {
  const formula = typeof spec.formula === "string" ? parseFormula(spec.formula) : spec.formula;
  const mask = whereMask(frame.table, spec.where);
  if (spec.rowMask) for (let i = 0; i < mask.length; i++) mask[i] &= spec.rowMask[i];
  const y = evaluate(formula.response.expr, frame);
  const X = formula.regressors.map((t) => evaluate(t.expr, frame));
  const names = formula.regressors.map((t) => t.name);
  const clusterLabels = spec.cluster && spec.cluster !== spec.id ? labelColumn(frame.table, spec.cluster) : undefined;
  const vars = [{ name: formula.response.name, values: y }].concat(X.map((values, j) => ({ name: names[j], values })));
  const complete = completeRows(mask, vars, clusterLabels ? { name: spec.cluster!, values: clusterLabels } : undefined);
  const { byVariable, inSubset, huge } = complete;
  const nkeep = complete.keep.length;
  if (frame.nrows === 0) {
    throw emptyError("The data have a header row but no data rows: add one row per observation below the column names.", "数据只有表头、没有数据行：请在列名下方每行填入一条观测。");
  }
  if (inSubset === 0) {
    const w = typeof spec.where === "function" ? "given by the row filter" : `'${spec.where}'`;
    const wZh = typeof spec.where === "function" ? "（行筛选条件）" : `'${spec.where}' `;
    throw emptyError(`The subsample ${w} has no rows.`, `子样本${wZh}中没有观测。`);
  }
  if (nkeep === 0) {
    throw emptyError(
      `No complete rows: every row misses a value of ${Object.keys(byVariable).join(", ")}.`,
      `没有完整的观测：每一行都缺少 ${Object.keys(byVariable).join("、")} 中的值。`,
    );
  }
  const rows = complete.keep;
  // Values whose squares overflow would turn sums of squares into Infinity and variables into
  // false "does not vary" drops: refused here, naming the cell and the rescaling.
  if (huge) [y, ...X].forEach((v, j) => {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      if (v[i] > LARGEST_SQUARABLE || v[i] < -LARGEST_SQUARABLE) throw hugeValueError(j === 0 ? formula.response.name : names[j - 1], rangeRow(i, frame.table), frame.rowLabel(i), v[i]);
    }
  });
  // Every row kept (the usual case): the frame's columns as they are, read only like the frame's cache.
  const allRows = rows.length === frame.nrows;
  const pick = (v: Float64Array) => {
    if (allRows) return v;
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = v[rows[r]];
    return out;
  };
  const ent = (allRows && firstAppearanceCodes(frame.entity)) || denseCodes(frame.entity, rows);
  const per = denseCodes(frame.timeValue, rows);
  let cluster: Int32Array | undefined;
  let nclusters: number | undefined;
  if (spec.cluster) {
    if (clusterLabels) {
      const c = denseCodes(clusterLabels as string[], rows);
      cluster = c.codes;
      nclusters = c.n;
    } else {
      cluster = ent.codes;
      nclusters = ent.n;
    }
  }
  return {
    dependent: formula.response.name,
    names,
    y: pick(y),
    X: X.map(pick),
    entity: ent.codes,
    ngroups: ent.n,
    period: per.codes,
    nperiods: per.n,
    cluster,
    nclusters,
    rows,
    dropped: { rows: inSubset - nkeep, byVariable },
    entityNames: ent.labels.map((c) => frame.entityNames[c as number]),
  };
}

export function sampleFromTable(table: DataTable, spec: SampleSpec): PanelSample {
  return buildSample(buildPanelFrame(table, spec.id, spec.time), spec);
}

/**
 * A cluster-bootstrap replicate: whole entities drawn with replacement (`draws[k]` = the entity
 * code of draw k); each draw becomes its own entity and cluster, periods keep their codes.
 * O(n) with typed arrays; pair with fitEstimates for ~1000 re-fits.
 */
export function resampleEntities(s: PanelSample, draws: Int32Array): PanelSample {
  const G = s.ngroups;
  const n = s.entity.length;
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) start[s.entity[i] + 1]++;
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const pos = start.slice(0, G);
  const byEntity = new Int32Array(n);
  for (let i = 0; i < n; i++) byEntity[pos[s.entity[i]]++] = i;
  let m = 0;
  for (let k = 0; k < draws.length; k++) m += start[draws[k] + 1] - start[draws[k]];
  const idx = new Int32Array(m);
  const entity = new Int32Array(m);
  let r = 0;
  for (let k = 0; k < draws.length; k++) {
    for (let p = start[draws[k]]; p < start[draws[k] + 1]; p++) {
      idx[r] = byEntity[p];
      entity[r++] = k;
    }
  }
  const pick = (v: Float64Array) => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = v[idx[i]];
    return out;
  };
  const period = new Int32Array(m);
  const rows = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    period[i] = s.period[idx[i]];
    rows[i] = s.rows[idx[i]];
  }
  // Periods not drawn leave gaps in the codes; recode densely so T counts observed periods.
  const seen = new Int32Array(s.nperiods).fill(-1);
  let T = 0;
  for (let i = 0; i < m; i++) {
    const p = period[i];
    if (seen[p] < 0) seen[p] = T++;
    period[i] = seen[p];
  }
  return {
    ...s,
    y: pick(s.y),
    X: s.X.map(pick),
    entity,
    ngroups: draws.length,
    period,
    nperiods: T,
    cluster: entity,
    nclusters: draws.length,
    rows,
    dropped: { rows: 0, byVariable: {} },
    entityNames: Array.from(draws, (g) => s.entityNames[g]),
  };
}
