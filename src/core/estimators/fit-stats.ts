/** Small numeric helpers shared by the panel estimators (one pass over typed arrays each). */

export function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Squared correlation; undefined when either side does not vary (e.g. between R² with one entity). */
export function corr2(a: ArrayLike<number>, b: ArrayLike<number>): number | undefined {
  const ma = mean(a), mb = mean(b);
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db; saa += da * da; sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : undefined;
}

export function sumSq(x: ArrayLike<number>, centre = 0): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - centre) * (x[i] - centre);
  return s;
}

/** 1 − SSR/TSS, undefined when the dependent variable does not vary (TSS = 0). */
export function r2(ssr: number, tss: number): number | undefined {
  return tss > 0 ? 1 - ssr / tss : undefined;
}

export function adjust(r: number | undefined, N: number, dfResid: number): number | undefined {
  return r === undefined ? undefined : 1 - (1 - r) * (N - 1) / dfResid;
}

export function minOf(x: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}

export function maxOf(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

export function groupCounts(codes: Int32Array, n: number): Float64Array {
  const c = new Float64Array(n);
  for (let i = 0; i < codes.length; i++) c[codes[i]] += 1;
  return c;
}

export function pick<T>(obj: Record<string, T>, keys: string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

/** Disjoint 0/1 indicator columns given by row codes (codes[i] = the column that is 1 in row i, −1 none). */
export interface Indicators {
  codes: Int32Array;
  count: number;
}

/** Column j of the indicators as a dense 0/1 vector (into `out` when given). */
export function indicatorColumn(ind: Indicators, j: number, out = new Float64Array(ind.codes.length)): Float64Array {
  const c = ind.codes;
  for (let i = 0; i < c.length; i++) out[i] = c[i] === j ? 1 : 0;
  return out;
}

/** Rows per indicator column. */
export function indicatorCounts(ind: Indicators): Float64Array {
  const n = new Float64Array(ind.count);
  for (const c of ind.codes) if (c >= 0) n[c]++;
  return n;
}

/** The rows of each indicator column, ascending (a counting sort of the codes): rows[start[j] .. start[j+1]). */
export function indicatorRows(ind: Indicators): { rows: Int32Array; start: Int32Array } {
  const start = new Int32Array(ind.count + 1);
  for (const c of ind.codes) if (c >= 0) start[c + 1]++;
  for (let j = 0; j < ind.count; j++) start[j + 1] += start[j];
  const pos = start.slice(0, ind.count);
  const rows = new Int32Array(start[ind.count]);
  const codes = ind.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) rows[pos[codes[i]]++] = i;
  return { rows, start };
}
