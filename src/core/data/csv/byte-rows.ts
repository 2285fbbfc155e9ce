import { POW10 } from "./number-text";
import { RowState, tookFastRows } from "./csv-rows";
import { fastNumericBytes } from "./fast-bytes";

/*
 * The plain numeric rows of a file read from its bytes (parse-bytes.ts): into columns sized by
 * an estimate of the rows (no pass over the file to count its lines; the columns grow when the
 * estimate is short), and for a large file in two halves at once, the second on a helper thread.
 */

/** 10^0 … 10^22 for the byte lane. */
const P10 = Float64Array.from(POW10);

/** What a helper read: the byte of the first row it did not read, the rows, their values (one array per column). */
export interface SplitRun {
  pos: number;
  rows: number;
  vals: readonly Float64Array[];
}

/**
 * Reads the second part of a large file's plain numeric rows on another thread (the CLI's
 * worker, src/cli/csv-parallel.ts); the browser has none and passes nothing. `start` begins
 * reading bytes[from, end of bytes) into `width` columns of `cap` rows it makes and returns a
 * function that waits for it, or undefined when it cannot run; the wait gives undefined when
 * the helper failed. Either way the file is then read on this thread.
 */
export interface CsvSplitReader {
  /** Files with fewer data bytes are read on one thread. */
  minBytes: number;
  start(bytes: Uint8Array, from: number, D: number, width: number, cap: number): (() => SplitRun | undefined) | undefined;
}

/** Rows per byte in bytes[from, to) (line ends counted as parseCsvTable counts them), with a margin for longer estimates. */
export function rowsPerByte(bytes: Uint8Array, from: number, to: number): number {
  let rows = 0;
  for (let k = bytes.indexOf(10, from); k >= 0 && k < to; k = bytes.indexOf(10, k + 1)) rows++;
  if (rows === 0) for (let k = bytes.indexOf(13, from); k >= 0 && k < to; k = bytes.indexOf(13, k + 1)) rows++;
  return to > from ? (Math.max(rows, 1) / (to - from)) * 1.02 : 0;
}

/** Rows to allocate for `bytes` bytes at `rate` rows per byte. */
export function rowsFor(bytes: number, rate: number): number {
  return Math.ceil(bytes * rate) + 64;
}

/** Enlarges the state's columns and row lines to `cap` rows, keeping what they hold (every column is numeric here). */
function growTo(s: RowState, cap: number): void {
  for (let j = 0; j < s.cols.length; j++) {
    const col = s.cols[j];
    const v = new Float64Array(cap);
    v.set(col.values!);
    col.values = v;
    s.vals[j] = v;
  }
  const lines = new Int32Array(cap);
  lines.set(s.lines);
  s.lines = lines;
  s.cap = cap;
}

/**
 * The byte lane over bytes[pos, end) into the state, the columns grown when they fill: it
 * reads on from where a full column stopped it, as if the columns had been that long from the
 * start. Returns the byte where it stopped (a row start).
 */
export function laneOn(bytes: Uint8Array, pos: number, end: number, s: RowState, rate: number): number {
  const out = { pos, rows: 0 };
  for (;;) {
    fastNumericBytes(bytes, pos, end, s.D, s.vals, s.row, s.cap, out, P10);
    if (out.rows > 0) tookFastRows(s, out.rows);
    pos = out.pos;
    if (s.row < s.cap || pos >= end) return pos;
    growTo(s, s.row + rowsFor(end - pos, rate));
  }
}

/** A helper started on bytes[at, end): the wait for its rows. */
export interface SplitStart {
  at: number;
  wait: () => SplitRun | undefined;
}

/**
 * Starts the helper on the bytes after the first LF past the middle of bytes[from, end), with
 * columns for the rows `rate` predicts there; undefined when it does not run. Called before this
 * thread allocates its own columns, so the helper starts as early as it can.
 */
export function startSplit(bytes: Uint8Array, from: number, D: number, width: number, split: CsvSplitReader, rate: number): SplitStart | undefined {
  const n = bytes.length;
  const at = bytes.indexOf(10, from + ((n - from) >> 1)) + 1;
  const wait = at > 0 && at < n ? split.start(bytes, at, D, width, rowsFor(n - at, rate)) : undefined;
  return wait && { at, wait };
}

/**
 * The byte lane in two halves, the second on the helper started by startSplit (none: on this thread alone): from the first LF past the middle on the helper thread, the first
 * half here. The helper's rows follow this half's only when this half was read to the split
 * (every row before it a plain numeric row, so the split is a row start the sequential read
 * reaches with the same rows): the sequential read would then read on from the split exactly as
 * the helper did. Otherwise its rows are dropped and the read goes on from where this half
 * stopped. Returns the byte where the fast rows end.
 */
export function splitLane(bytes: Uint8Array, from: number, s: RowState, started: SplitStart | undefined, rate: number): number {
  const n = bytes.length;
  if (started === undefined) return laneOn(bytes, from, n, s, rate);
  const { at, wait } = started;
  const pos = laneOn(bytes, from, at, s, rate);
  // Stopped before the split: the helper's rows are not used (it writes only its own columns, so it is not waited for).
  if (pos < at) return pos;
  const second = wait();
  if (second === undefined) return laneOn(bytes, at, n, s, rate);
  if (s.row + second.rows > s.cap) growTo(s, s.row + second.rows + rowsFor(n - second.pos, rate));
  for (let j = 0; j < s.vals.length; j++) s.vals[j].set(second.vals[j].subarray(0, second.rows), s.row);
  if (second.rows > 0) tookFastRows(s, second.rows);
  // The helper stops at a row it does not read, or when its columns are full: read on from there.
  return laneOn(bytes, second.pos, n, s, rate);
}
