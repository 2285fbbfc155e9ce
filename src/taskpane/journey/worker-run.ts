/* global Worker, window */
import { DataTable } from "../../core/data/data-table";
import { AnalysisSpec } from "../../core/spec/analysis-spec";
import { AnalysisRun, runAnalysis } from "../../core/spec/run-analysis";
import { EconError } from "../../core/errors";
import { WorkerMessage } from "./worker-protocol";

/**
 * Runs an analysis in the analysis worker when the browser has workers (the pane stays
 * responsive; `isCancelled` is polled and the worker terminated), else on this thread.
 * Returns null when cancelled.
 */
export function runAnalysisOffThread(
  panel: DataTable,
  spec: AnalysisSpec,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<AnalysisRun | null> {
  if (typeof Worker === "undefined" || typeof window === "undefined") {
    return Promise.resolve(runAnalysis(panel, spec, { onBootstrap: (d, t) => { onProgress(d, t); return !isCancelled(); } }));
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
        resolve(m.run);
      } else {
        finish();
        reject(new EconError(m.kind, m.text));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || "analysis worker failed"));
    };
    worker.postMessage({ panel, spec });
  });
}
