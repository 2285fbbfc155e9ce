import { excelGrid } from "../excel-grid";
import { parseInteger, parseReference, parseReplicationCount, parseWindow } from "../../core/options/parse-option";
import { tableFromGrid } from "../../core/data/data-table";
import { did, placebo, DidSpec } from "../../core/did/did";
import { eventStudy } from "../../core/did/event-study";
import { didTable, eventStudyTable } from "../../render/did-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText, parseVarList } from "../options";
import { inputError } from "../../core/errors";
import { didWildBootstrap } from "../../core/did/did-wild";
import { WILD_OPTION_KEYS, wildFromOptions } from "./wild";
import type { HostRun } from "../host-run";

/** Placebo permutations allowed inside a custom function (each is a full re-estimation). */
export const MAX_FUNCTION_PLACEBO = 200;

const KEYS = ["controls", "vcov", "cluster", "where", "units", "first", "firstcol", "leads", "lags", "reference", "placebo", "seed", "lang"];
const DID_KEYS = [...KEYS, ...WILD_OPTION_KEYS.filter((k) => !KEYS.includes(k))];

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
    const first = parseInteger(opts.get("first"), `${fn}: option 'first'`, { min: -100000, max: 100000 });
    if (first === undefined) throw inputError(`${fn}: option 'first' (the first treated year) is missing, e.g. "units=a,b; first=2010".`, `${fn}：缺少选项 'first'（首次处理年份），例如 "units=a,b; first=2010"。`);
    spec.firstYear = first;
  } else throw inputError(`${fn}: give the treatment column, or options "firstcol=COLUMN" or "units=a,b; first=2010".`, `${fn}：请给出处理变量列，或选项 "firstcol=列名"、"units=a,b; first=2010"。`);
  return spec;
}

/** ECON.DID(data, y, [treat], id, time, [options]) */
export function didRange(data: unknown[][], y: unknown, treat: unknown, id: unknown, time: unknown, options: OptionsArg, run: HostRun = { preview: false }): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, DID_KEYS, "ECON.DID");
  const table = tableFromGrid(excelGrid(data));
  const spec = specFrom(y, treat, id, time, opts, "ECON.DID");
  const n = parseReplicationCount(opts.get("placebo"), "ECON.DID: option 'placebo'") ?? 0;
  if (n > MAX_FUNCTION_PLACEBO) throw inputError(`ECON.DID runs at most ${MAX_FUNCTION_PLACEBO} placebo permutations so Excel stays responsive; use 'econsheet did --placebo ${n}' for more.`, `为保证 Excel 响应，ECON.DID 最多运行 ${MAX_FUNCTION_PLACEBO} 次安慰剂置换；更多次数请使用 'econsheet did --placebo ${n}'。`);
  const lang = opts.get("lang") === "zh" ? "zh" : "en";
  const { wild, notes } = wildFromOptions(opts, "ECON.DID", { isInValuePreview: run.preview });
  // While Excel previews the formula's value (run.preview) the permutations are skipped.
  const model = didTable(did(table, spec), lang, n > 0 && !run.preview ? placebo(table, spec, n, opts.get("seed") ?? 20240601) : undefined, wild ? didWildBootstrap(table, spec, wild) : undefined);
  return toGrid({ ...model, notes: [...notes.map((x) => x[lang]), ...model.notes] });
}

/** ECON.EVENTSTUDY(data, y, id, time, [options]) — treatment by "firstcol=COLUMN" or "units=…; first=YEAR". */
export function eventStudyRange(data: unknown[][], y: unknown, id: unknown, time: unknown, options: OptionsArg): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, KEYS, "ECON.EVENTSTUDY");
  const spec = specFrom(y, null, id, time, opts, "ECON.EVENTSTUDY");
  const where = (k: string) => `ECON.EVENTSTUDY: option '${k}'`;
  const r = eventStudy(tableFromGrid(excelGrid(data)), {
    ...spec,
    leads: parseWindow(opts.get("leads"), where("leads"), 1),
    lags: parseWindow(opts.get("lags"), where("lags"), 0),
    reference: parseReference(opts.get("reference"), where("reference")),
  });
  return toGrid(eventStudyTable(r, opts.get("lang") === "zh" ? "zh" : "en"));
}
