/**
 * Significance stars. Default levels are the economics convention: * p < 0.10, ** p < 0.05,
 * *** p < 0.01 (Stata esttab's `star(* 0.10 ** 0.05 *** 0.01)`). Levels are given loosest first.
 */
export const DEFAULT_STAR_LEVELS: readonly number[] = [0.1, 0.05, 0.01];

export function stars(p: number | undefined, levels: readonly number[] = DEFAULT_STAR_LEVELS): string {
  if (p === undefined || !Number.isFinite(p)) return "";
  let n = 0;
  for (const level of levels) if (p < level) n++;
  return "*".repeat(n);
}

/** "* p<0.1, ** p<0.05, *** p<0.01" */
export function starNote(levels: readonly number[] = DEFAULT_STAR_LEVELS): string {
  return levels.map((l, i) => `${"*".repeat(i + 1)} p<${l}`).join(", ");
}
