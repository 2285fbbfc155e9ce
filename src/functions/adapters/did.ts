import { excelGrid } from "../excel-grid";
import { tableFromGrid } from "../../core/data/data-table";
import { did, placebo, DidSpec } from "../../core/did/did";
import { eventStudy } from "../../core/did/event-study";
import { didTable, eventStudyTable } from "../../render/did-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText, parseVarList } from "../options";
import { inputError } from "../../core/errors";
import type { HostRun } from "../host-run";

/** Placebo permutations allowed inside a custom function (each is a full re-estimation). */
export const MAX_FUNCTION_PLACEBO = 200;

const KEYS = ["controls", "vcov", "cluster", "where", "units", "first", "firstcol", "leads", "lags", "reference", "placebo", "seed", "lang"];

function specFrom(y: unknown, treat: unknown, id: unknown, time: unknown, opts: Map<string, string>, fn: string): DidSpec {
  const need = (v: unknown, what: string, zh: string) => {
    const s = optionalText(v);
    if (!s) throw inputError(`${fn}: ${what} is missing.`, `${fn}：缺少${zh}。`);
    return s;
  };
  const spec: DidSpec = { y: need(y, "the outcome", "被解释变量"), id: need(id, "the id column", "个体列"), time: need(time, "the time column", "时间列"), controls: parseVarList(opts.get("controls")), vcov: opts.get("vcov"), cluster: opts.get("cluster"), where: opts.get("where") };
  const t = optionalText(treat);
  if (t) spec.treat = t;
  else if (opts.get("firstcol")) spec.firstYearColumn = opts.get("firstcol");
  else if (opts.get("units")) {
    spec.treatedUnits = parseVarList(opts.get("units"));
    spec.firstYear = Number(opts.get("first"));
    if (!Number.isFinite(spec.firstYear)) throw inputError(`${fn}: option 'first' (the first treated year) is missing or not a year.`, `${fn}：选项 'first'（首次处理年份）缺失或不是年份。`);
  } else throw inputError(`${fn}: give the treatment column, or options "firstcol=COLUMN" or "units=a,b; first=2010".`, `${fn}：请给出处理变量列，或选项 "firstcol=列名"、"units=a,b; first=2010"。`);
  return spec;
}

/** ECON.DID(data, y, [treat], id, time, [options]) */
export function didRange(data: unknown[][], y: unknown, treat: unknown, id: unknown, time: unknown, options: OptionsArg, run: HostRun = { preview: false }): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, KEYS, "ECON.DID");
  const table = tableFromGrid(excelGrid(data));
  const spec = specFrom(y, treat, id, time, opts, "ECON.DID");
  const n = opts.has("placebo") ? Number(opts.get("placebo")) : 0;
  if (!(Number.isInteger(n) && n >= 0)) throw inputError(`Option 'placebo': '${opts.get("placebo")}' is not a whole number.`, `选项 'placebo'：'${opts.get("placebo")}' 不是整数。`);
  if (n > MAX_FUNCTION_PLACEBO) throw inputError(`ECON.DID runs at most ${MAX_FUNCTION_PLACEBO} placebo permutations so Excel stays responsive; use 'econsheet did --placebo ${n}' for more.`, `为保证 Excel 响应，ECON.DID 最多运行 ${MAX_FUNCTION_PLACEBO} 次安慰剂置换；更多次数请使用 'econsheet did --placebo ${n}'。`);
  const lang = opts.get("lang") === "zh" ? "zh" : "en";
  // While Excel previews the formula's value (run.preview) the permutations are skipped.
  return toGrid(didTable(did(table, spec), lang, n > 0 && !run.preview ? placebo(table, spec, n, opts.get("seed") ?? 20240601) : undefined));
}

/** ECON.EVENTSTUDY(data, y, id, time, [options]) — treatment by "firstcol=COLUMN" or "units=…; first=YEAR". */
export function eventStudyRange(data: unknown[][], y: unknown, id: unknown, time: unknown, options: OptionsArg): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, KEYS, "ECON.EVENTSTUDY");
  const spec = specFrom(y, null, id, time, opts, "ECON.EVENTSTUDY");
  const num = (k: string) => (opts.has(k) ? Number(opts.get(k)) : undefined);
  const r = eventStudy(tableFromGrid(excelGrid(data)), { ...spec, leads: num("leads"), lags: num("lags"), reference: num("reference") });
  return toGrid(eventStudyTable(r, opts.get("lang") === "zh" ? "zh" : "en"));
}
