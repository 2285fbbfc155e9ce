import { excelGrid } from "../excel-grid";
import { tableFromGrid, DataTable, numericColumn, labelColumn } from "../../core/data/data-table";
import { buildPanelFrame } from "../../core/data/panel-frame";
import { couplingCoordination } from "../../core/regional/coupling";
import { entropyTopsis } from "../../core/regional/topsis";
import { dagumGini } from "../../core/regional/dagum-gini";
import { theilIndex } from "../../core/regional/theil";
import { kernelDensity } from "../../core/regional/kernel-density";
import { groupColumn, timeColumn } from "../../core/regional/group-column";
import { entropyInputFromTable } from "../../core/indices/entropy-input";
import { resolveEntropyMode, resolveMissingChoice } from "../../core/indices/entropy-options";
import { couplingTable, couplingDistributionTable, topsisTable, dagumTable, theilTable, densityTable } from "../../render/regional-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText, optionBool, parseVarList, listArg } from "../options";
import { directionsFrom } from "./entropy";
import { inputError, Lang } from "../../core/errors";

const langOf = (opts: Map<string, string>): Lang => (opts.get("lang") === "zh" ? "zh" : "en");

function need(v: unknown, fn: string, en: string, zh: string): string {
  const s = optionalText(v);
  if (!s) throw inputError(`${fn}: ${en} is missing.`, `${fn}：缺少${zh}。`);
  return s;
}

/** ids, times and row places ("北京, 2009, row 9") from optional id and time columns. */
function rowsOf(table: DataTable, id?: string, time?: string) {
  if (id && time) {
    const frame = buildPanelFrame(table, id, time);
    return { ids: labelColumn(table, id), times: Array.from(frame.timeValue), rowLabel: (i: number) => `${frame.rowLabel(i)}, row ${i + 2}` };
  }
  return { ids: id ? labelColumn(table, id) : undefined, times: time ? timeColumn(table, time) : undefined, rowLabel: (i: number) => `row ${i + 2}` };
}

function numbers(text: string | undefined, fn: string, key: string): number[] | undefined {
  if (text === undefined || text === "") return undefined;
  return text.split(/[,，\s]+/).filter(Boolean).map((a) => {
    const v = Number(a);
    if (!Number.isFinite(v)) throw inputError(`${fn}: option '${key}': '${a}' is not a number.`, `${fn}：选项 '${key}'：'${a}' 不是数值。`);
    return v;
  });
}

/** ECON.COUPLING(data, systems, [options]): C, T, D and level per row; with by=GROUP the level distribution by region and year. */
export function couplingRange(data: unknown[][], systems: unknown, options: OptionsArg): SpillGrid {
  const fn = "ECON.COUPLING";
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["id", "time", "alpha", "by", "lang"], fn);
  const table = tableFromGrid(excelGrid(data));
  const names = listArg(systems);
  if (names.length === 0) throw inputError(`${fn}: name the systems (index columns), e.g. "fi,rcd,dig".`, `${fn}：请给出各系统（指数列），例如 "fi,rcd,dig"。`);
  const lang = langOf(opts);
  const id = opts.get("id") || undefined;
  const rows = rowsOf(table, id, opts.get("time") || undefined);
  const r = couplingCoordination({ systems: names.map((n) => ({ name: n, values: numericColumn(table, n) })), ...rows }, { alpha: numbers(opts.get("alpha"), fn, "alpha"), lang });
  const by = opts.get("by");
  if (!by) return toGrid(couplingTable(r, lang));
  const g = groupColumn(table, by, id, lang);
  return toGrid(couplingDistributionTable(r, (i) => g.groups[i], g.order ?? [], lang));
}

/** ECON.TOPSIS(data, [directions], [options]): D⁺, D⁻, closeness and rank per row, with the entropy method's weights. */
export function topsisRange(data: unknown[][], directions: unknown, options: OptionsArg): SpillGrid {
  const fn = "ECON.TOPSIS";
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["id", "time", "mode", "periods", "shift", "missing", "indicators", "lang"], fn);
  const table = tableFromGrid(excelGrid(data));
  const id = opts.get("id") || undefined;
  const time = opts.get("time") || undefined;
  const listed = parseVarList(opts.get("indicators"));
  const indicators = listed.length ? listed : table.names.filter((n) => n !== id && n !== time);
  if (indicators.length === 0) throw inputError(`${fn}: the range has no indicator columns besides id and time.`, `${fn}：除个体列和时间列外，区域中没有指标列。`);
  const shift = numbers(opts.get("shift"), fn, "shift")?.[0];
  const input = entropyInputFromTable(table, { indicators, directions: directionsFrom(directions, indicators, table.names), id, time });
  const r = entropyTopsis(input, { mode: resolveEntropyMode(opts.get("mode")), periods: opts.get("periods"), shift, missing: resolveMissingChoice(opts.get("missing")) });
  return toGrid(topsisTable(r, langOf(opts)));
}

/** ECON.DAGUMGINI(data, variable, group, id, time, [options]): the Dagum table per year; theil=TRUE appends the Theil split. */
export function dagumGiniRange(data: unknown[][], variable: unknown, group: unknown, id: unknown, time: unknown, options: OptionsArg): SpillGrid {
  const fn = "ECON.DAGUMGINI";
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["theil", "lang"], fn);
  const table = tableFromGrid(excelGrid(data));
  const name = need(variable, fn, "the variable", "变量");
  const lang = langOf(opts);
  const idName = optionalText(id);
  const g = groupColumn(table, need(group, fn, "the group (a column, region4 or southnorth)", "分组（列名、region4 或 southnorth）"), idName, lang);
  const rows = rowsOf(table, idName, need(time, fn, "the time column", "时间列"));
  const input = { name, values: numericColumn(table, name), groups: g.groups, groupOrder: g.order, times: rows.times, rowLabel: rows.rowLabel };
  const grid = toGrid(dagumTable(dagumGini(input), lang));
  if (!optionBool(opts, "theil")) return grid;
  const theil = toGrid(theilTable(theilIndex(input), lang));
  const width = Math.max(grid[0].length, theil[0].length);
  const pad = (r: (string | number)[]) => [...r, ...new Array<string>(width - r.length).fill("")];
  return [...grid.map(pad), pad([]), ...theil.map(pad)];
}

/** ECON.KDENSITY(data, variable, [time], [options]): x and f(x) per chosen year, side by side. */
export function kernelDensityRange(data: unknown[][], variable: unknown, time: unknown, options: OptionsArg): SpillGrid {
  const fn = "ECON.KDENSITY";
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["years", "points", "lang"], fn);
  const table = tableFromGrid(excelGrid(data));
  const name = need(variable, fn, "the variable", "变量");
  const t = optionalText(time);
  const years = numbers(opts.get("years"), fn, "years");
  if (years && !t) throw inputError(`${fn}: option 'years' needs the time column (third argument).`, `${fn}：选项 'years' 需要时间列（第三个参数）。`);
  const points = numbers(opts.get("points"), fn, "points")?.[0];
  return toGrid(densityTable(kernelDensity(name, numericColumn(table, name), t ? timeColumn(table, t) : undefined, { years, points }), langOf(opts)));
}
