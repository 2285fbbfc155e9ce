import type { Cell } from "../../core/data/cells";
import { isBlank, showCell } from "../../core/data/cells";
import { normalizeProvince } from "../../core/data/provinces";

/**
 * Which sheets of a workbook hold yearbook data, so "Select all" ticks only those: a sheet named
 * like a read-me or notes page (说明, notes, readme, 目录, 封面…) or holding an indicator
 * hierarchy is not data, and at import a sheet whose first columns name fewer than three
 * provinces is skipped with a note instead of failing the whole import.
 */
const NON_DATA_NAMES = [/^说明/, /^注释?$/, /^备注/, /^目录/, /^封面/, /^notes?\b/i, /^read ?me/i, /^contents?$/i, /^about$/i, /^指标体系/, /^hierarchy/i, /^indicator system/i];

export function nonDataName(name: string): boolean {
  const n = name.trim();
  return NON_DATA_NAMES.some((re) => re.test(n));
}

/** True when a sheet's first three columns name at least three distinct provinces (any layout but a per-year sheet has them there). */
export function looksLikeData(values: readonly (readonly Cell[])[]): boolean {
  const seen = new Set<string>();
  for (const row of values) {
    for (const c of row.slice(0, 3)) {
      if (isBlank(c) || typeof c === "number") continue;
      const p = normalizeProvince(showCell(c).trim());
      if (p) seen.add(p.name);
      if (seen.size >= 3) return true;
    }
  }
  return false;
}

/** A name pattern as users type it: plain text matches anywhere (case-insensitive), `*` any run, `?` one character. */
export function matchesPattern(pattern: string, name: string): boolean {
  const p = pattern.trim();
  if (!p) return false;
  if (!/[*?]/.test(p)) return name.toLowerCase().includes(p.toLowerCase());
  const re = new RegExp(`^${p.split("").map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`, "i");
  return re.test(name);
}
