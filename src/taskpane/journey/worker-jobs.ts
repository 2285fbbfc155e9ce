import { runAnalysis, AnalysisRun } from "../../core/spec/run-analysis";
import { placebo, PlaceboResult } from "../../core/did/did";
import type { WorkerRequest } from "./worker-protocol";

/**
 * The work behind a worker request, on whichever thread calls it: the analysis worker, or the
 * pane itself where there are no workers. `onProgress` returning false stops early.
 */
export function runWorkerRequest(request: WorkerRequest, onProgress: (done: number, total: number) => boolean | void): AnalysisRun | PlaceboResult {
  if (request.kind === "placebo") return placebo(request.panel, request.spec, request.permutations, request.seed, { onProgress });
  return runAnalysis(request.panel, request.spec, { onBootstrap: onProgress });
}
