import type { TableCommon } from "./analysis-spec";

/** Table types written from the Index step (regional analysis of the indices; docs/regional.md). */
export const REGIONAL_TABLE_TYPES = ["coupling", "dagum", "density"] as const;

/**
 * Coupling coordination of two or more indices (docs/regional.md): the coupling-level
 * distribution by region and year (entities per level, mean D and its level).
 */
export interface CouplingTableSpec extends TableCommon {
  type: "coupling";
  /** Index columns (U in [0, 1]), e.g. ["fi", "rcd", "dig"]. */
  systems: string[];
  /** Contribution weights to T (default equal); must sum to 1. */
  alpha?: number[];
  /** "region4" (default), "southnorth" or a column of group labels. */
  groups?: string;
}

/** The Dagum (1997) Gini decomposition per year by groups, as papers print it; optionally Theil's split. */
export interface DagumTableSpec extends TableCommon {
  type: "dagum";
  /** The variable decomposed (values ≥ 0), e.g. an index. */
  var: string;
  /** "region4" (default), "southnorth" or a column of group labels. */
  groups?: string;
  /** Also the Theil index with its within/between split (values > 0). */
  theil?: boolean;
}

/** Gaussian kernel densities of a variable for chosen years (bandwidth bw.nrd0): the curves' table and figure. */
export interface DensityTableSpec extends TableCommon {
  type: "density";
  var: string;
  /** Years drawn (default the first, middle and last year). */
  years?: number[];
  points?: number;
}

export type RegionalTableSpec = CouplingTableSpec | DagumTableSpec | DensityTableSpec;

const isNames = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === "string" && c !== "");

/** The schema helpers of analysis-spec.ts (errors naming the path in en and zh). */
export interface SpecCheckers {
  fail(path: string, en: string, zh: string): never;
  checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void;
  isInt(v: unknown): boolean;
}

/** Checks a coupling / dagum / density entry of `tables` (path `p`, e.g. "tables[8]"). */
export function checkRegional(t: Record<string, unknown>, p: string, common: string[], { fail, checkKeys, isInt }: SpecCheckers): void {
  if (t.groups !== undefined && (typeof t.groups !== "string" || !t.groups)) fail(`${p}.groups`, 'must be "region4", "southnorth" or a column name.', '应为 "region4"、"southnorth" 或列名。');
  if (t.type === "coupling") {
    checkKeys(t, [...common, "systems", "alpha", "groups"], p);
    if (!isNames(t.systems) || (t.systems as string[]).length < 2) fail(`${p}.systems`, 'must list two or more index columns, e.g. ["fi", "rcd"].', '应列出两个及以上指数列，例如 ["fi", "rcd"]。');
    if (t.alpha !== undefined && !(Array.isArray(t.alpha) && t.alpha.every((a) => typeof a === "number"))) fail(`${p}.alpha`, "must be a list of numbers summing to 1, one per system.", "应为数值列表（每个系统一个，之和为 1）。");
  } else if (t.type === "dagum") {
    checkKeys(t, [...common, "var", "groups", "theil"], p);
    if (typeof t.var !== "string" || !t.var) fail(`${p}.var`, "is required (the variable decomposed, e.g. an index).", "必填（被分解的变量，例如某个指数）。");
    if (t.theil !== undefined && typeof t.theil !== "boolean") fail(`${p}.theil`, "must be true or false.", "应为 true 或 false。");
  } else {
    checkKeys(t, [...common, "var", "years", "points"], p);
    if (typeof t.var !== "string" || !t.var) fail(`${p}.var`, "is required (the variable whose density is drawn).", "必填（估计核密度的变量）。");
    if (t.years !== undefined && !(Array.isArray(t.years) && t.years.length > 0 && t.years.every(isInt))) fail(`${p}.years`, "must be a list of years, e.g. [2003, 2013, 2023].", "应为年份列表，例如 [2003, 2013, 2023]。");
    if (t.points !== undefined && !(isInt(t.points) && (t.points as number) >= 2)) fail(`${p}.points`, `'${String(t.points)}' must be a whole number ≥ 2.`, `'${String(t.points)}' 应为 ≥ 2 的整数。`);
  }
}

