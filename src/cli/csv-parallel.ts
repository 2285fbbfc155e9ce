import { closeSync, fstatSync, openSync, readSync } from "fs";
import { MessageChannel, Worker, receiveMessageOnPort } from "worker_threads";
import { POW10 } from "../core/data/csv/number-text";
import { fastNumericBytes } from "../core/data/csv/fast-bytes";
import { CsvSplitReader, SplitRun } from "../core/data/csv/parse-bytes";

/*
 * The CLI's second thread for large CSV files (parse-bytes.ts decides when its rows are used):
 * a worker thread runs the byte lane (fast-bytes.ts, from its own source text, so the same code
 * runs from the webpack bundle, ts-jest and tsx) over the second half of the file's bytes, in
 * shared memory: the file is read into a SharedArrayBuffer and the worker writes its rows into
 * SharedArrayBuffer-backed columns of its own, so nothing is copied to or from the thread (the
 * main thread appends the rows to its columns). The main thread waits for it with Atomics.wait, so
 * reading a file stays synchronous.
 */

/** Files with at least this many data bytes are read on two threads: below it the worker's start (tens of ms) is not won back. */
export const SPLIT_MIN_BYTES = 8 << 20;
/** How long the main thread waits for the worker's rows before reading the file on its own, and for a sign that the worker started at all. */
const WAIT_MS = 60_000;
const START_MS = 5_000;

/*
 * The worker's program: the byte lane's source, a warm-up on a few made-up rows (so V8 has
 * optimised the lane before the file's rows arrive), then one job. It is started before the file
 * is read, so its start overlaps the read; the job comes through a MessagePort, taken
 * synchronously (receiveMessageOnPort) when flag[0] says it is there; it makes its columns
 * (shared memory, so the main thread allocates nothing for them) and sends them back the same
 * way, with where it stopped, before flag[1] says it is done.
 */
const WORKER_SOURCE = `"use strict";
const { workerData: w, receiveMessageOnPort } = require("worker_threads");
const flag = w.flag;
Atomics.store(flag, 2, 1);
try {
  const lane = (${String(fastNumericBytes)});
  const row = "12,2001,-1.25,3e-2,0.5,17,4.125,-0.0625\\n";
  const bytes = new Uint8Array(row.length * 4000);
  for (let k = 0; k < bytes.length; k++) bytes[k] = row.charCodeAt(k % row.length);
  const warm = [];
  for (let j = 0; j < 8; j++) warm.push(new Float64Array(4000));
  lane(bytes, 0, bytes.length, 44, warm, 0, 4000, { pos: 0, rows: 0 }, w.P10);
  Atomics.wait(flag, 0, 0);
  const job = Atomics.load(flag, 0) === 1 ? receiveMessageOnPort(w.port) : undefined;
  if (job !== undefined) {
    const j = job.message;
    const vals = [];
    for (let k = 0; k < j.width; k++) vals.push(new Float64Array(new SharedArrayBuffer(j.cap * 8)));
    const out = { pos: j.from, rows: 0 };
    lane(j.bytes, j.from, j.bytes.length, j.D, vals, 0, j.cap, out, w.P10);
    w.port.postMessage({ pos: out.pos, rows: out.rows, vals });
    Atomics.store(flag, 1, 1);
  }
} catch (e) {
  // e.g. the lane's source made unrunnable by a code-coverage tool: the main thread reads on alone.
  Atomics.store(flag, 1, 2);
}
Atomics.notify(flag, 1);
w.port.close();
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

/** A split reader that owns a worker thread: `close` lets it go when the file has been read (used or not). */
export interface WorkerSplitReader extends CsvSplitReader {
  close(): void;
}

/**
 * The split reader of parse-bytes.ts over a worker thread, for files of `minBytes` and more
 * (one file per reader); the worker starts now, so create it before reading the file. Undefined
 * where workers or SharedArrayBuffer are not available.
 */
export function workerSplitReader(minBytes = SPLIT_MIN_BYTES): WorkerSplitReader | undefined {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") return undefined;
  // flag[0]: the job is posted (1) or there is none (2); flag[1]: the job is done (1) or failed (2); flag[2]: the worker runs.
  const flag = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { flag, port: port2, P10: Float64Array.from(POW10) }, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  // An error event cannot reach a main thread blocked in Atomics.wait: a worker that dies before reporting is caught by the time-out.
  worker.on("error", () => undefined);
  let started = false;
  const release = (): void => {
    if (Atomics.load(flag, 0) === 0) {
      Atomics.store(flag, 0, 2);
      Atomics.notify(flag, 0);
    }
    port1.close();
  };
  return {
    minBytes,
    close: release,
    start(bytes, from, D, width, cap) {
      if (started || !(bytes.buffer instanceof SharedArrayBuffer)) return undefined;
      started = true;
      port1.postMessage({ bytes, from, D, width, cap });
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      return (): SplitRun | undefined => {
        // A worker whose program never ran (it could not start) gives no sign: give up after START_MS.
        if (Atomics.wait(flag, 1, 0, START_MS) === "timed-out" && Atomics.load(flag, 2) === 1) Atomics.wait(flag, 1, 0, WAIT_MS);
        if (Atomics.load(flag, 1) !== 1) {
          void worker.terminate();
          return undefined;
        }
        const got = receiveMessageOnPort(port1);
        port1.close();
        return got?.message as SplitRun | undefined;
      };
    },
  };
}
