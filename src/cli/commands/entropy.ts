import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagList, flagNumber, flagString } from "../args";
import { readDataTable } from "../read-data";
import { entropyIndex, aboveMean } from "../../core/indices/entropy-index";
import { resolveEntropyMode, resolveMissingChoice } from "../../core/indices/entropy-options";
import { entropyInputFromTable, parseGroups } from "../../core/indices/entropy-input";
import { entropyWeightsTable } from "../../render/entropy-table";
import { toText } from "../../render/text";
import { toCsv } from "../../render/csv";
import { inputError } from "../../core/errors";

/** `econsheet entropy --data F --indicators a,b,c [--negative c] --id ID --time T [--by pooled|year|periods] [--periods …] [--shift h] [--groups "g:a,b;h:c"] --json` */
export const entropyCommand: Command = {
  name: "entropy",
  summary: "Entropy weight method: weights (pooled, per year, sub-periods), level-2 weights, scores",
  usage:
    "econsheet entropy --data FILE --indicators a,b,c [--negative c] --id ID --time T [--by pooled|year|periods]\n" +
    "                  [--periods \"2003;2004-2012;2013-2022;2023\"] [--shift 0.0001] [--groups \"input:a,b;output:c\"] [--missing error|drop|interpolate] [--json | --csv] [--lang zh]\n" +
    "JSON: {m, weights, entropy, redundancy, scores:[{id, time, score, groups?}], periods:[{label, weights, …}], groups, aboveMean:{years, alwaysAbove}, notes}",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "indicators", "negative", "id", "time", "by", "periods", "shift", "groups", "missing", "json", "csv", "lang", "level1"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const indicators = flagList(args, "indicators") ?? [];
    if (indicators.length === 0) throw inputError("Missing option --indicators a,b,c.", "缺少选项 --indicators a,b,c。");
    const negative = flagList(args, "negative") ?? [];
    for (const n of negative) if (!indicators.includes(n)) throw inputError(`--negative names '${n}', which is not in --indicators.`, `--negative 中的 '${n}' 不在 --indicators 中。`);
    const id = flagString(args, "id");
    const time = flagString(args, "time");
    const input = entropyInputFromTable(table, {
      indicators,
      directions: indicators.map((n) => (negative.includes(n) ? "negative" : "positive")),
      id,
      time,
      groups: parseGroups(flagString(args, "groups")),
    });
    const result = entropyIndex(input, {
      mode: resolveEntropyMode(flagString(args, "by"), "--by"),
      periods: flagString(args, "periods"),
      shift: flagNumber(args, "shift", { min: 0 }),
      missing: resolveMissingChoice(flagString(args, "missing"), "--missing"),
    });
    if (flagBool(args, "json")) {
      // One entry per scored row; with --groups each carries its level-2 sub-indices too.
      const scores = result.scores.flatMap((score, i) => {
        if (score === null) return [];
        const entry: { id?: string | null; time?: number; score: number; groups?: Record<string, number> } = { id: input.ids?.[i], time: input.times?.[i], score };
        if (result.groupScores) entry.groups = Object.fromEntries(Object.entries(result.groupScores).map(([g, v]) => [g, v[i] as number]));
        return [entry];
      });
      const { scores: _s, groupScores: _g, ...rest } = result;
      const above = input.ids && input.times ? aboveMean(result.scores, input.ids, input.times) : undefined;
      printJson(io, { ...rest, scores, aboveMean: above });
    } else {
      const model = entropyWeightsTable(result, { lang: flagString(args, "lang") === "zh" ? "zh" : "en", level1: flagString(args, "level1") });
      io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    }
    return 0;
  },
};
