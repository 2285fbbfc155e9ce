import { inputError } from "../errors";
import type { EntropyMode, MissingChoice } from "./entropy-index";

const MODES: Record<string, EntropyMode> = {
  pooled: "pooled", pool: "pooled", panel: "pooled", all: "pooled", 混合: "pooled", 面板: "pooled",
  year: "year", years: "year", yearly: "year", peryear: "year", "per-year": "year", byyear: "year", 逐年: "year", 分年: "year",
  periods: "periods", period: "periods", subperiods: "periods", "sub-periods": "periods", 分时期: "periods", 分阶段: "periods",
};

const MISSING: Record<string, MissingChoice> = {
  error: "error", stop: "error", 报错: "error",
  drop: "drop", listwise: "drop", delete: "drop", 删除: "drop",
  interpolate: "interpolate", linear: "interpolate", ipolate: "interpolate", 插值: "interpolate", 线性插值: "interpolate",
};

/**
 * The one place where the spellings of the entropy options are resolved (custom functions, CLI,
 * task pane): mode pooled | year | periods (Stata-ish aliases and Chinese), missing error | drop |
 * interpolate (also Stata's "ipolate"). Blank means the default (pooled, error). `where` names the
 * option as the user typed it ("mode", "--by").
 */
export function resolveEntropyMode(value: string | undefined, where = "mode"): EntropyMode {
  if (value === undefined || value.trim() === "") return "pooled";
  const m = MODES[value.trim().toLowerCase()];
  if (!m) throw inputError(`Option '${where}': '${value}' is not one of pooled, year, periods.`, `选项 '${where}'：'${value}' 不是 pooled、year、periods 之一。`);
  return m;
}

/** See resolveEntropyMode. */
export function resolveMissingChoice(value: string | undefined, where = "missing"): MissingChoice {
  if (value === undefined || value.trim() === "") return "error";
  const m = MISSING[value.trim().toLowerCase()];
  if (!m) throw inputError(`Option '${where}': '${value}' is not one of error, drop, interpolate.`, `选项 '${where}'：'${value}' 不是 error、drop、interpolate 之一。`);
  return m;
}
