import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagList, flagNumber, flagString } from "../args";
import { readDataTable } from "../read-data";
import { entropyIndex, EntropyMode } from "../../core/indices/entropy-index";
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
    "                  [--periods \"2003;2004-2012;2013-2022;2023\"] [--shift 0.0001] [--groups \"input:a,b;output:c\"] [--missing error|drop|interpolate] [--json | --csv] [--lang zh]",
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
    const by = (flagString(args, "by") ?? "pooled") as EntropyMode;
    if (!["pooled", "year", "periods"].includes(by)) throw inputError(`--by '${by}' is not one of pooled, year, periods.`, `--by '${by}' 不是 pooled、year、periods 之一。`);
    const result = entropyIndex(input, { mode: by, periods: flagString(args, "periods"), shift: flagNumber(args, "shift"), missing: flagString(args, "missing") as never });
    if (flagBool(args, "json")) {
      const scores = result.scores.flatMap((score, i) => (score === null ? [] : [{ id: input.ids ? input.ids[i] : undefined, time: input.times ? input.times[i] : undefined, score }]));
      const { scores: _s, groupScores: _g, ...rest } = result;
      printJson(io, { ...rest, scores });
    } else {
      const model = entropyWeightsTable(result, { lang: flagString(args, "lang") === "zh" ? "zh" : "en", level1: flagString(args, "level1") });
      io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    }
    return 0;
  },
};
