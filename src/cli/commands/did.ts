import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagInteger, flagList, flagString, flagValue } from "../args";
import { checkReplicationLimit, parseReference, parseReplicationCount, parseWindow } from "../../core/options/parse-option";
import { measurePerReplication, progressReporter } from "../progress";
import { readDataTable } from "../read-data";
import { did, placebo, DidSpec } from "../../core/did/did";
import { eventStudy } from "../../core/did/event-study";
import { didTable, eventStudyTable } from "../../render/did-table";
import { toText } from "../../render/text";
import { inputError } from "../../core/errors";
import { writeOutputFile, checkOutputPath, realPathOf } from "../output-file";
import { eventStudyChart } from "../../render/charts/event-study-chart";
import { placeboChart } from "../../render/charts/placebo-chart";
import { chartSvg } from "../../render/charts/chart-svg";
import { didWildBootstrap } from "../../core/did/did-wild";
import { WILD_FLAGS, checkWildLimit, wildFromArgs } from "../wild-flags";

/**
 * `econsheet did --data F --y Y --id ID --time T (--treat D | --first-col C | --units a,b --first YEAR)
 *  [--event-study] [--placebo N --seed S] [--event-study-svg FILE] [--placebo-svg FILE] --json`
 * The SVG files are the task pane's charts drawn without Excel (src/render/charts/chart-svg.ts).
 */
export const didCommand: Command = {
  name: "did",
  summary: "Difference-in-differences, event study (TWFE and Sun–Abraham), placebo test",
  usage:
    "econsheet did --data FILE --y Y --id ID --time T (--treat D | --first-col FIRST | --units a,b --first YEAR) [--controls x1,x2]\n" +
    "              [--event-study --leads 4 --lags 4 --reference -1] [--placebo N --seed S] [--vcov cluster] [--json] [--lang zh]\n" +
    "              [--event-study-svg FILE.svg] [--placebo-svg FILE.svg] [--force]   (the charts as SVG figures)\n" +
    "              [--wild-bootstrap B [--weights rademacher|webb] [--seed S] [--wild-terms d,x1]]   (wild cluster bootstrap of the treatment term)",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "y", "id", "time", "treat", "first-col", "units", "first", "controls", "vcov", "cluster", "where", "event-study", "leads", "lags", "reference", "placebo", "seed", "json", "lang", "event-study-svg", "placebo-svg", "force", ...WILD_FLAGS]);
    const wild = wildFromArgs(args);
    const dataPath = flagString(args, "data", true);
    const guard = { force: flagBool(args, "force"), inputs: [dataPath] };
    const esSvg = flagString(args, "event-study-svg");
    const plSvg = flagString(args, "placebo-svg");
    if (esSvg) checkOutputPath(esSvg, "--event-study-svg", guard);
    if (plSvg) checkOutputPath(plSvg, "--placebo-svg", guard);
    if (esSvg && plSvg && realPathOf(esSvg) === realPathOf(plSvg)) throw inputError(`--event-study-svg and --placebo-svg name the same file (${esSvg}); give two names.`, `--event-study-svg 与 --placebo-svg 指向同一文件（${esSvg}）；请给出两个文件名。`);
    const table = await readDataTable(dataPath, flagString(args, "sheet"));
    const spec: DidSpec = {
      y: flagString(args, "y", true), id: flagString(args, "id", true), time: flagString(args, "time", true),
      treat: flagString(args, "treat"), firstYearColumn: flagString(args, "first-col"), treatedUnits: flagList(args, "units"), firstYear: flagInteger(args, "first", { min: -100000, max: 100000 }),
      controls: flagList(args, "controls"), vcov: flagString(args, "vcov"), cluster: flagString(args, "cluster"), where: flagString(args, "where"),
    };
    if (!spec.treat && !spec.firstYearColumn && !spec.treatedUnits) throw inputError("Give --treat, --first-col or --units with --first.", "请给出 --treat、--first-col 或 --units 与 --first。");
    const lang = flagString(args, "lang") === "zh" ? "zh" : "en";
    const n = parseReplicationCount(flagValue(args, "placebo"), "--placebo") ?? 0;
    const leads = parseWindow(flagValue(args, "leads"), "--leads", 1);
    const lags = parseWindow(flagValue(args, "lags"), "--lags", 0);
    const reference = parseReference(flagValue(args, "reference"), "--reference");
    if (plSvg && n === 0) throw inputError("--placebo-svg needs --placebo N (the number of permutations).", "--placebo-svg 需要同时给出 --placebo N（置换次数）。");
    const r = did(table, spec);
    // Over the limit: a few permutations of the real loop measure what one costs, for the estimate.
    checkReplicationLimit("--placebo", n, () => measurePerReplication((onProgress) => placebo(table, spec, n, flagString(args, "seed") ?? 20240601, { onProgress })));
    const wildBootstrap = wild ? didWildBootstrap(table, spec, checkWildLimit(wild, (w) => didWildBootstrap(table, spec, w), io, lang)) : undefined;
    const pl = n > 0 ? placebo(table, spec, n, flagString(args, "seed") ?? 20240601, { onProgress: progressReporter(io, lang === "zh" ? "安慰剂置换" : "placebo", lang) }) : undefined;
    const es = flagBool(args, "event-study") || esSvg ? eventStudy(table, { ...spec, leads, lags, reference }) : undefined;
    if (esSvg && es) writeOutputFile(esSvg, chartSvg(eventStudyChart(es, lang, { y: spec.y, controls: spec.controls })), "--event-study-svg", guard);
    if (plSvg && pl) writeOutputFile(plSvg, chartSvg(placeboChart(pl, lang)), "--placebo-svg", guard);
    if (flagBool(args, "json")) {
      const { vcovSlopesClassical: _v, ...model } = r.model;
      const esOut = es ? (({ model: _m, ...rest }) => rest)(es) : undefined;
      printJson(io, { ...model, did: { term: r.term, estimate: r.estimate, se: r.se, p: r.p, confInt: r.confInt }, means: r.means, staggered: r.staggered, cohorts: r.cohorts, didNotes: r.notes, placebo: pl ? (({ estimates: _e, ...rest }) => rest)(pl) : undefined, eventStudy: esOut, ...(wildBootstrap ? { wildBootstrap } : {}) });
    } else {
      io.stdout(toText(didTable(r, lang, pl, wildBootstrap)));
      if (es) io.stdout("\n" + toText(eventStudyTable(es, lang)));
    }
    return 0;
  },
};
