import type { DataTable } from "../../core/data/data-table";
import type { AnalysisSpec } from "../../core/spec/analysis-spec";
import type { AnalysisRun } from "../../core/spec/run-analysis";
import type { ErrorKind, Localized } from "../../core/errors";

/** Messages between the task pane and analysis-worker.js (structured-clone friendly). */
export interface WorkerRequest {
  panel: DataTable;
  spec: AnalysisSpec;
}

export type WorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; run: AnalysisRun }
  | { type: "error"; kind: ErrorKind; text: Localized };
