import type { DataTable } from "../../core/data/data-table";
import type { AnalysisSpec } from "../../core/spec/analysis-spec";
import type { AnalysisRun } from "../../core/spec/run-analysis";
import type { DidSpec, PlaceboResult } from "../../core/did/did";
import type { ErrorKind, Localized } from "../../core/errors";

/** Messages between the task pane and analysis-worker.js (structured-clone friendly). */
export type WorkerRequest =
  | { kind: "analysis"; panel: DataTable; spec: AnalysisSpec }
  | { kind: "placebo"; panel: DataTable; spec: DidSpec; permutations: number; seed: number };

/** What each request kind returns. */
export interface WorkerResults {
  analysis: AnalysisRun;
  placebo: PlaceboResult;
}

export type WorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: AnalysisRun | PlaceboResult }
  | { type: "error"; kind: ErrorKind; text: Localized };
