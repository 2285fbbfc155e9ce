/* global Worker, window */
import { DataTable } from "../../core/data/data-table";
import { AnalysisSpec } from "../../core/spec/analysis-spec";
import { AnalysisRun } from "../../core/spec/run-analysis";
import { DidSpec, PlaceboResult } from "../../core/did/did";
import { EconError } from "../../core/errors";
import { WorkerMessage, WorkerRequest, WorkerResults } from "./worker-protocol";
import { runWorkerRequest } from "./worker-jobs";

/**
 * Runs a long job (a bootstrap analysis, placebo permutations) in the analysis worker when the
 * browser has workers (the pane stays responsive; `isCancelled` is polled and the worker
 * terminated), else on this thread. Returns null when cancelled.
 */
function offThread<K extends WorkerRequest["kind"]>(
  request: Extract<WorkerRequest, { kind: K }>,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<WorkerResults[K] | null> {
  if (typeof Worker === "undefined" || typeof window === "undefined") {
    return Promise.resolve(runWorkerRequest(request, (d, t) => { onProgress(d, t); return !isCancelled(); }) as WorkerResults[K]);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("analysis-worker.js", window.location.href).toString());
    const poll = window.setInterval(() => {
      if (isCancelled()) {
        window.clearInterval(poll);
        worker.terminate();
        resolve(null);
      }
    }, 100);
    const finish = () => {
      window.clearInterval(poll);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === "progress") onProgress(m.done, m.total);
      else if (m.type === "done") {
        finish();
        resolve(m.result as WorkerResults[K]);
      } else {
        finish();
        reject(new EconError(m.kind, m.text));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || "analysis worker failed"));
    };
    worker.postMessage(request);
  });
}

export function runAnalysisOffThread(panel: DataTable, spec: AnalysisSpec, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Promise<AnalysisRun | null> {
  return offThread({ kind: "analysis", panel, spec }, onProgress, isCancelled);
}

export function placeboOffThread(
  panel: DataTable, spec: DidSpec, permutations: number, seed: number, onProgress: (done: number, total: number) => void, isCancelled: () => boolean,
): Promise<PlaceboResult | null> {
  return offThread({ kind: "placebo", panel, spec, permutations, seed }, onProgress, isCancelled);
}
