/* global Office */
import type { Lang } from "../../core/errors";
import type { DataTable } from "../../core/data/data-table";
import type { AnalysisSpec } from "../../core/spec/analysis-spec";
import type { AnalysisRun } from "../../core/spec/run-analysis";
import type { TaskProgress } from "../use-long-task";
import { t } from "../i18n";
import { runTablesStepwise, specJson } from "./pipeline";

/** A finished Word file the user saves through a download link. */
export interface WordLink {
  url: string;
  file: string;
  /** What it holds and what was left out, in the UI's language. */
  message: string;
}

/** The last run the pane made for a spec (by its JSON), so "Word file" after "Write tables" does not rerun a bootstrap. */
export interface RunCache {
  key: string;
  run: AnalysisRun;
}

export interface WordActionOptions {
  /** Table language (of the file) and UI language (of the messages). */
  tableLang: Lang;
  lang: Lang;
  cache?: RunCache;
  report: (p: TaskProgress) => void;
  isCancelled: () => boolean;
  describe?: (title: string, kind: "bootstrap" | "placebo", done: number, total: number) => string;
}

/**
 * The "Word file" button: runs the spec's tables (or reuses the run "Write tables" just made),
 * then loads the Word writer (a separate chunk, with the `docx` library) and builds the file.
 * Returns the link to save it, the run (for the cache), or null when cancelled.
 */
export async function makeWordFile(panel: DataTable, spec: AnalysisSpec, o: WordActionOptions): Promise<{ link: WordLink; cache: RunCache } | null> {
  const key = specJson(spec);
  const run = o.cache?.key === key ? o.cache.run : await runTablesStepwise(panel, spec, { lang: o.tableLang, onProgress: (p) => o.report({ ...p, label: p.label || t(o.lang, "wordProgressTables") }), isCancelled: o.isCancelled, describe: o.describe });
  if (!run) return null;
  const { wordFile } = await import(/* webpackChunkName: "word-file" */ "./word-file");
  const file = await wordFile(run, o.tableLang, {
    title: spec.title,
    isCancelled: o.isCancelled,
    onProgress: (done, total, phase) => o.report({ done: phase === "writing" ? total : done, total: Math.max(total, 1), label: phase === "writing" ? t(o.lang, "wordProgressWriting") : t(o.lang, "wordProgressFigures", { done: done + 1, total }) }),
  });
  if (!file) return null;
  const name = t(o.tableLang, "wordFileName");
  const notes = [
    t(o.lang, "wordReady", { tables: file.tables, figures: file.figures, size: Math.max(1, Math.round(file.blob.size / 1024)) }),
    ...file.failed.map((f) => t(o.lang, "wordFigureFailed", { name: f.name, reason: f.reason })),
  ];
  return { link: { url: URL.createObjectURL(file.blob), file: name, message: notes.join(" ") }, cache: { key, run } };
}

/** Excel for Mac (desktop): its WKWebView does not save files from download links (office-js issues 2700, 4681). */
export function isMacDesktop(): boolean {
  return typeof Office !== "undefined" && String(Office.context?.platform ?? "") === "Mac";
}
