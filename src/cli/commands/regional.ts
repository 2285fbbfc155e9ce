import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagList, flagNumber, flagString, ParsedArgs } from "../args";
import { readDataTable } from "../read-data";
import { DataTable, numericColumn, labelColumn, rangeRow } from "../../core/data/data-table";
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
import { TableModel } from "../../render/table-model";
import { toText } from "../../render/text";
import { toCsv } from "../../render/csv";
import { inputError, Lang } from "../../core/errors";
import { checkOutputPath, writeOutputFile } from "../output-file";
import { chartSvg } from "../../render/charts/chart-svg";
import { ChartModel } from "../../render/charts/chart-model";
import { couplingTrendChart, dagumSharesChart, kernelDensityChart } from "../../render/charts/regional-charts";

const langOf = (args: ParsedArgs): Lang => (flagString(args, "lang") === "zh" ? "zh" : "en");

/** ids, times and the place of a row for messages ("北京, 2009, row 9") from optional id and time columns. */
function rowsOf(table: DataTable, id?: string, time?: string) {
  if (id && time) {
    const frame = buildPanelFrame(table, id, time);
    return { ids: labelColumn(table, id), times: Array.from(frame.timeValue), rowLabel: (i: number) => `${frame.rowLabel(i)}, row ${rangeRow(i, table)}` };
  }
  if (id) { const ids = labelColumn(table, id); return { ids, times: undefined, rowLabel: (i: number) => `${ids[i]}, row ${rangeRow(i, table)}` }; }
  if (time) return { ids: undefined, times: timeColumn(table, time), rowLabel: (i: number) => `row ${rangeRow(i, table)}` };
  return { ids: undefined, times: undefined, rowLabel: (i: number) => `row ${rangeRow(i, table)}` };
}

/**
 * --svg FILE: the chart as a standalone figure, through the shared output guard (output-file.ts):
 * an existing file is kept unless --force, and the data file is never overwritten, even with --force.
 */
function writeSvg(args: ParsedArgs, chart: () => ChartModel) {
  const file = flagString(args, "svg");
  if (!file) return;
  const guard = { force: flagBool(args, "force"), inputs: [flagString(args, "data")] };
  checkOutputPath(file, "--svg", guard);
  writeOutputFile(file, chartSvg(chart()), "--svg", guard);
}

function printTable(args: ParsedArgs, io: { stdout(t: string): void }, models: TableModel[]) {
  io.stdout(models.map((m) => (flagBool(args, "csv") ? toCsv(m) : toText(m))).join("\n"));
}

/** `econsheet coupling --data F --systems u1,u2[,u3…] [--alpha 0.5,0.5] [--id ID --time T] --json` */
export const couplingCommand: Command = {
  name: "coupling",
  summary: "Coupling coordination degree (C, T, D and the ten levels) of two or more indices",
  usage:
    "econsheet coupling --data FILE --systems u1,u2[,u3…] [--alpha 0.5,0.5] [--id ID --time T] [--group region4|southnorth|COLUMN] [--svg FILE [--force]] [--json | --csv] [--lang zh]\n" +
    "  --group: the text table is the level distribution by region and year; --svg draws mean D by region over time.\n" +
    "JSON: {systems, alpha, rows:[{id, time, C, T, D, level, levelName}], notes}",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "systems", "alpha", "id", "time", "group", "svg", "force", "json", "csv", "lang"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const names = flagList(args, "systems") ?? [];
    if (names.length === 0) throw inputError("Missing option --systems u1,u2 (the index columns).", "缺少选项 --systems u1,u2（各系统的指数列）。");
    const alpha = flagList(args, "alpha")?.map((a) => {
      const v = Number(a);
      if (!Number.isFinite(v)) throw inputError(`--alpha: '${a}' is not a number; write e.g. --alpha 0.5,0.5.`, `--alpha：'${a}' 不是数值；请写成例如 --alpha 0.5,0.5。`);
      return v;
    });
    const rows = rowsOf(table, flagString(args, "id"), flagString(args, "time"));
    const lang = langOf(args);
    const r = couplingCoordination({ systems: names.map((n) => ({ name: n, values: numericColumn(table, n) })), ...rows }, { alpha, lang });
    const group = flagString(args, "group");
    const g = group ? groupColumn(table, group, flagString(args, "id"), lang) : undefined;
    const regionOf = (i: number) => g?.groups[i] ?? null;
    writeSvg(args, () => couplingTrendChart(r, regionOf, g?.order ?? [], lang));
    if (flagBool(args, "json")) {
      printJson(io, { systems: r.systems, alpha: r.alpha, rows: r.rows.map(({ row, ...x }) => (g ? { ...x, group: g.groups[row] } : x)), notes: lang === "zh" ? r.notesZh : r.notes });
    } else printTable(args, io, [g ? couplingDistributionTable(r, regionOf, g.order ?? [], lang) : couplingTable(r, lang)]);
    return 0;
  },
};

/** `econsheet topsis --data F --indicators a,b,c [--negative c] --id ID --time T [--by pooled|year|periods] [--periods …] --json` */
export const topsisCommand: Command = {
  name: "topsis",
  summary: "Entropy-weighted TOPSIS: distances to the ideal solutions, closeness and ranks per year",
  usage:
    "econsheet topsis --data FILE --indicators a,b,c [--negative c] --id ID --time T [--by pooled|year|periods] [--periods \"2003;2004-2012\"]\n" +
    "                 [--shift 0.0001] [--missing error|drop|interpolate] [--json | --csv] [--lang zh]\n" +
    "JSON: {mode, shift, weights, rows:[{id, time, dPlus, dMinus, closeness, rank}], periods?:[{label, weights, idealPlus, idealMinus}], notes}",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "indicators", "negative", "id", "time", "by", "periods", "shift", "missing", "json", "csv", "lang"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const indicators = flagList(args, "indicators") ?? [];
    if (indicators.length === 0) throw inputError("Missing option --indicators a,b,c.", "缺少选项 --indicators a,b,c。");
    const negative = flagList(args, "negative") ?? [];
    for (const n of negative) if (!indicators.includes(n)) throw inputError(`--negative names '${n}', which is not in --indicators.`, `--negative 中的 '${n}' 不在 --indicators 中。`);
    const input = entropyInputFromTable(table, { indicators, directions: indicators.map((n) => (negative.includes(n) ? "negative" : "positive")), id: flagString(args, "id"), time: flagString(args, "time") });
    const r = entropyTopsis(input, { mode: resolveEntropyMode(flagString(args, "by"), "--by"), periods: flagString(args, "periods"), shift: flagNumber(args, "shift"), missing: resolveMissingChoice(flagString(args, "missing"), "--missing") });
    const lang = langOf(args);
    if (flagBool(args, "json")) {
      printJson(io, {
        mode: r.entropy.mode, shift: r.entropy.shift, m: r.entropy.m, weights: r.weights, idealPlus: r.idealPlus, idealMinus: r.idealMinus,
        rows: r.rows.map(({ row: _r, ...x }) => x), periods: r.periods, notes: lang === "zh" ? r.notesZh : r.notes,
      });
    } else printTable(args, io, [topsisTable(r, lang)]);
    return 0;
  },
};

/** `econsheet gini --data F --var score --group region4 --id ID --time T [--theil] --json` */
export const giniCommand: Command = {
  name: "gini",
  summary: "Dagum Gini decomposition by groups per year (within, net between, transvariation); --theil adds Theil's split",
  usage:
    "econsheet gini --data FILE --var SCORE --group COLUMN|region4|southnorth --id ID --time T [--theil] [--svg FILE [--force]] [--json | --csv] [--lang zh]\n" +
    "  --svg draws the contribution shares (within, net between, transvariation) over time.\n" +
    "  --group region4 / southnorth use the NBS four regions / South-North from the province names of --id unless the data have that column.\n" +
    "JSON: {variable, groups, years:[{time, n, G, Gw, Gnb, Gt, shares:{Gw, Gnb, Gt}, within:{group: G_jj}, between:{\"A|B\": G_jh}, affluence, groupMeans, theil?:{total, within, between}}], notes}",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "var", "group", "id", "time", "theil", "svg", "force", "json", "csv", "lang"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const name = flagString(args, "var", true);
    const lang = langOf(args);
    const id = flagString(args, "id");
    const time = flagString(args, "time");
    const g = groupColumn(table, flagString(args, "group", true), id, lang);
    const rows = rowsOf(table, id, time);
    const input = { name, values: numericColumn(table, name), groups: g.groups, groupOrder: g.order, times: rows.times, rowLabel: rows.rowLabel };
    const r = dagumGini(input);
    const th = flagBool(args, "theil") ? theilIndex(input) : undefined;
    writeSvg(args, () => dagumSharesChart(r, lang));
    if (flagBool(args, "json")) {
      printJson(io, {
        variable: r.variable, groups: r.groups,
        years: r.years.map((y, k) => ({ ...y, theil: th ? { total: th.years[k].total, within: th.years[k].within, between: th.years[k].between } : undefined })),
        notes: lang === "zh" ? r.notesZh : r.notes,
      });
    } else printTable(args, io, [dagumTable(r, lang), ...(th ? [theilTable(th, lang)] : [])]);
    return 0;
  },
};

/** `econsheet density --data F --var score --time T [--years 2003,2013,2023] [--points 512] --json` */
export const densityCommand: Command = {
  name: "density",
  summary: "Gaussian kernel densities of a variable per year (bandwidth bw.nrd0, exact evaluation)",
  usage:
    "econsheet density --data FILE --var SCORE --time T [--years 2003,2013,2023] [--points 512] [--svg FILE [--force]] [--json | --csv] [--lang zh]\n" +
    "JSON: {variable, years:[{time, n, bandwidth, x:[…], y:[…]}], notes}",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "var", "time", "years", "points", "svg", "force", "json", "csv", "lang"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const name = flagString(args, "var", true);
    const time = flagString(args, "time");
    const years = flagList(args, "years")?.map((y) => {
      const v = Number(y);
      if (!Number.isInteger(v)) throw inputError(`--years: '${y}' is not a year; write e.g. --years 2003,2013,2023.`, `--years：'${y}' 不是年份；请写成例如 --years 2003,2013,2023。`);
      return v;
    });
    if (years && !time) throw inputError("--years needs --time (the year column).", "--years 需要同时给出 --time（年份列）。");
    const lang = langOf(args);
    const r = kernelDensity(name, numericColumn(table, name), time ? timeColumn(table, time) : undefined, { years, points: flagNumber(args, "points") });
    writeSvg(args, () => kernelDensityChart(r, lang));
    if (flagBool(args, "json")) printJson(io, { variable: r.variable, years: r.years, notes: lang === "zh" ? r.notesZh : r.notes });
    else printTable(args, io, [densityTable(r, lang)]);
    return 0;
  },
};
