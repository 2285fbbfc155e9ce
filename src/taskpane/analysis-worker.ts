/// <reference lib="webworker" />
/*
 * Runs one long job (runAnalysis with a bootstrap, or placebo permutations) off the task pane's
 * thread, so it never freezes the pane: it posts progress messages, and the pane cancels by
 * terminating it. Built by webpack as its own entry (analysis-worker.js), loaded by
 * journey/worker-run.ts.
 */
import { EconError } from "../core/errors";
import type { WorkerRequest, WorkerMessage } from "./journey/worker-protocol";
import { runWorkerRequest } from "./journey/worker-jobs";

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  try {
    let last = 0;
    const result = runWorkerRequest(e.data, (done, total) => {
      if (done === total || done - last >= Math.max(1, Math.floor(total / 100))) {
        last = done;
        post({ type: "progress", done, total });
      }
    });
    post({ type: "done", result });
  } catch (err) {
    if (err instanceof EconError) post({ type: "error", kind: err.kind, text: err.text });
    else post({ type: "error", kind: "value", text: { en: String((err as Error)?.message ?? err), zh: String((err as Error)?.message ?? err) } });
  }
};
