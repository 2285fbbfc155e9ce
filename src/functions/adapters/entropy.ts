import { tableFromGrid, DataTable, isNumericColumn } from "../../core/data/data-table";
import { entropyIndex, aboveMean, EntropyResult, EntropyMode, MissingChoice } from "../../core/indices/entropy-index";
import { entropyInputFromTable, parseGroups } from "../../core/indices/entropy-input";
import { parseDirection, Direction } from "../../core/indices/direction";
import { entropyWeightsTable, entropyScoreColumn, aboveMeanTable } from "../../render/entropy-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText } from "../options";
import { inputError, Lang } from "../../core/errors";
import { parseVarList } from "../../core/descriptive/describe";

const ENTROPY_OPTIONS = ["id", "time", "mode", "periods", "shift", "missing", "groups", "level1", "lang", "indicators"];

function resolveMode(v: string | undefined): EntropyMode {
  if (!v) return "pooled";
  const m = ({ pooled: "pooled", panel: "pooled", year: "year", peryear: "year", "per-year": "year", periods: "periods", period: "periods" } as Record<string, EntropyMode>)[v.toLowerCase()];
  if (!m) throw inputError(`Option 'mode': '${v}' is not one of pooled, year, periods.`, `选项 'mode'：'${v}' 不是 pooled、year、periods 之一。`);
  return m;
}

function resolveMissing(v: string | undefined): MissingChoice {
  if (!v) return "error";
  const m = ({ error: "error", drop: "drop", interpolate: "interpolate", linear: "interpolate" } as Record<string, MissingChoice>)[v.toLowerCase()];
  if (!m) throw inputError(`Option 'missing': '${v}' is not one of error, drop, interpolate.`, `选项 'missing'：'${v}' 不是 error、drop、interpolate 之一。`);
  return m;
}

/** Parses the [directions] argument: one row (or column) of +1/−1, "+"/"-", "正向"/"负向", aligned with the indicators. */
export function directionsFrom(arg: unknown, indicators: string[]): Direction[] {
  if (arg === null || arg === undefined || arg === "") return indicators.map(() => "positive");
  const cells = Array.isArray(arg) ? (arg as unknown[][]).flat() : [arg];
  if (cells.length !== indicators.length) {
    throw inputError(
      `Directions: ${cells.length} value(s) given for ${indicators.length} indicator(s) (${indicators.join(", ")}). Give one +1/−1 per indicator, in column order.`,
      `方向：给出了 ${cells.length} 个值，但有 ${indicators.length} 个指标（${indicators.join("、")}）。请按列顺序为每个指标给出 +1/−1。`,
    );
  }
  return cells.map((c, j) => parseDirection(c, `indicator '${indicators[j]}'`));
}

interface Prepared {
  table: DataTable;
  result: EntropyResult;
  lang: Lang;
  level1?: string;
  ids?: readonly (string | null)[];
  times?: readonly number[];
}

function prepare(data: unknown[][], directions: unknown, options: OptionsArg, fn: string): Prepared {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ENTROPY_OPTIONS, fn);
  const table = tableFromGrid(data as never);
  const id = opts.get("id") || undefined;
  const time = opts.get("time") || undefined;
  const listed = parseVarList(opts.get("indicators"));
  const indicators = listed.length ? listed : table.names.filter((n) => n !== id && n !== time && isNumericColumn(table, n));
  if (!listed.length) {
    // Every non-id/time column is an indicator: a text column is an error naming the cell.
    for (const n of table.names) if (n !== id && n !== time && !indicators.includes(n)) indicators.push(n);
  }
  const shiftText = opts.get("shift");
  const shift = shiftText === undefined ? undefined : Number(shiftText);
  if (shift !== undefined && !Number.isFinite(shift)) throw inputError(`Option 'shift': '${shiftText}' is not a number.`, `选项 'shift'：'${shiftText}' 不是数值。`);
  const input = entropyInputFromTable(table, { indicators, directions: directionsFrom(directions, indicators), id, time, groups: parseGroups(opts.get("groups")) });
  const result = entropyIndex(input, { mode: resolveMode(opts.get("mode")), periods: opts.get("periods"), shift, missing: resolveMissing(opts.get("missing")) });
  return { table, result, lang: opts.get("lang") === "zh" ? "zh" : "en", level1: opts.get("level1"), ids: input.ids, times: input.times };
}

/** ECON.ENTROPYWEIGHTS */
export function entropyWeightsRange(data: unknown[][], directions: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ENTROPYWEIGHTS");
  return toGrid(entropyWeightsTable(p.result, { lang: p.lang, level1: p.level1 }));
}

/** ECON.ENTROPYSCORE: a column aligned with the input rows (header row included). */
export function entropyScoreRange(data: unknown[][], directions: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ENTROPYSCORE");
  return toGrid(entropyScoreColumn(p.result, p.lang), { notes: false });
}

/** ECON.ABOVEMEAN */
export function aboveMeanRange(data: unknown[][], directions: unknown, year: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ABOVEMEAN");
  if (!p.ids || !p.times) throw inputError("ECON.ABOVEMEAN needs id and time columns: options \"id=province; time=year\".", "ECON.ABOVEMEAN 需要个体列和时间列：选项 \"id=province; time=year\"。");
  const y = optionalText(year);
  const a = aboveMean(p.result.scores, p.ids, p.times, y === undefined ? undefined : Number(y));
  const scoreOf = (t: number, e: string) => {
    const i = p.ids!.findIndex((id, k) => id === e && p.times![k] === t);
    return i >= 0 ? (p.result.scores[i] ?? undefined) : undefined;
  };
  return toGrid(aboveMeanTable(a, scoreOf, p.lang), { notes: false });
}
