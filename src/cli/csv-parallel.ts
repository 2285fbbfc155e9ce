import { closeSync, fstatSync, openSync, readSync } from "fs";
import { Worker } from "worker_threads";
import { POW10 } from "../core/data/csv/number-text";
import { fastNumericBytes } from "../core/data/csv/fast-bytes";
import { CsvSplitReader, SplitRun } from "../core/data/csv/parse-bytes";

/*
 * The CLI's second thread for large CSV files (parse-bytes.ts decides when its rows are used):
 * a worker thread runs the byte lane (fast-bytes.ts, from its own source text, so the same code
 * runs from the webpack bundle, ts-jest and tsx) over the second half of the file's bytes, in
 * shared memory: the file is read into a SharedArrayBuffer and the worker writes its rows into
 * SharedArrayBuffer-backed columns, so nothing is copied to or from the thread (the main thread
 * appends the rows to its own columns). The main thread waits for it with Atomics.wait, so
 * reading a file stays synchronous.
 */

/** Files with at least this many data bytes are read on two threads: below it the worker's start (tens of ms) is not won back. */
export const SPLIT_MIN_BYTES = 8 << 20;
/** How long the main thread waits for the worker before reading the file on its own. */
const WAIT_MS = 60_000;

/** The worker's program: the byte lane's source and a few lines that run it and report where it stopped. */
const WORKER_SOURCE = `"use strict";
const { workerData: w } = require("worker_threads");
const lane = (${String(fastNumericBytes)});
const out = { pos: w.from, rows: 0 };
try {
  lane(w.bytes, w.from, w.bytes.length, w.D, w.vals, 0, w.cap, out, w.P10);
  w.result[0] = out.pos;
  w.result[1] = out.rows;
  Atomics.store(w.flag, 0, 1);
} catch (e) {
  Atomics.store(w.flag, 0, 2);
}
Atomics.notify(w.flag, 0);
`;

/** A file's bytes, in shared memory when it is large enough to be split (as readFileSync would read them). */
export function readFileBytes(path: string, sharedFrom = SPLIT_MIN_BYTES): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const bytes = size >= sharedFrom ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
    let got = 0;
    while (got < size) {
      const k = readSync(fd, bytes, got, size - got, got);
      if (k === 0) break;
      got += k;
    }
    return got === size ? bytes : bytes.slice(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The split reader of parse-bytes.ts over a worker thread for files of `minBytes` and more; undefined where SharedArrayBuffer is not available. */
export function workerSplitReader(minBytes = SPLIT_MIN_BYTES): CsvSplitReader | undefined {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") return undefined;
  return {
    minBytes,
    start(bytes, from, D, width, cap) {
      if (!(bytes.buffer instanceof SharedArrayBuffer)) return undefined;
      const vals: Float64Array[] = [];
      for (let j = 0; j < width; j++) vals.push(new Float64Array(new SharedArrayBuffer(cap * 8)));
      const flag = new Int32Array(new SharedArrayBuffer(4));
      const result = new Float64Array(new SharedArrayBuffer(16));
      let worker: Worker;
      try {
        worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes, from, D, vals, cap, flag, result, P10: Float64Array.from(POW10) } });
      } catch {
        return undefined;
      }
      worker.unref();
      // An error event cannot reach a main thread blocked in Atomics.wait: a worker that dies before reporting is caught by the time-out.
      worker.on("error", () => undefined);
      return (): SplitRun | undefined => {
        const state = Atomics.wait(flag, 0, 0, WAIT_MS);
        if (state === "timed-out" || Atomics.load(flag, 0) !== 1) {
          void worker.terminate();
          return undefined;
        }
        return { pos: result[0], rows: result[1], vals };
      };
    },
  };
}
