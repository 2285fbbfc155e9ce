/**
 * Texts that statistical yearbooks print for a value that is not available. Read as missing
 * (never as zero): "—" / "——" (em dash), "–" (en dash), "-" / "--", "..." / "……" / "…"
 * (after NFKC normalisation "…" is "..."), "NA", "N/A", "#N/A" (Excel's error value as
 * exceljs and Office.js hand it over) and blank cells. Matching ignores case and surrounding
 * spaces; full-width forms ("－", "ＮＡ") are folded by NFKC first.
 */
export const YEARBOOK_MISSING_TOKENS: readonly string[] = ["—", "——", "–", "-", "--", "...", "......", "…", "……", "na", "n/a", "#n/a"];

/** True when a text cell is one of the yearbook missing-value tokens. */
export function isMissingToken(text: string): boolean {
  return YEARBOOK_MISSING_TOKENS.includes(text.normalize("NFKC").trim().toLowerCase());
}
