import type { Lang } from "../../core/errors";
import type { IndexSpec } from "../../core/spec/analysis-spec";
import { t } from "../i18n";
import type { ImportResult } from "./import-sheets";

/**
 * Indices set to "Stop and list them" whose indicators still have missing cells after import:
 * one message per index (by position), naming indicator, province, year and the sheet cell, in
 * the UI's language — shown beside that index's missing-value choice (the core's own message
 * speaks the spec's keywords, `missing = "drop"`).
 */
export function indexMissingErrors(indices: readonly IndexSpec[], defaultMissing: NonNullable<IndexSpec["missing"]>, imported: ImportResult, lang: Lang): Record<number, string> {
  const out: Record<number, string> = {};
  indices.forEach((ix, k) => {
    if ((ix.missing ?? defaultMissing) !== "error") return;
    const names = new Set(ix.groups.flatMap((g) => g.indicators.map((i) => i.name)));
    const cells = imported.report.indicators.filter((r) => names.has(r.name)).flatMap((r) => r.leftMissing.map((m) => ({ ...m, indicator: r.name })));
    if (cells.length === 0) return;
    const list = cells.slice(0, 5).map((m) => `${m.indicator} · ${m.province} ${m.year}${m.place ? ` (${m.place})` : ""}`).join(lang === "zh" ? "；" : "; ") + (cells.length > 5 ? " …" : "");
    out[k] = t(lang, "indexMissingCells", { n: cells.length, list });
  });
  return out;
}
