import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagList, flagString, ParsedArgs } from "../args";
import { readDataTable } from "../read-data";
import { describe } from "../../core/descriptive/describe";
import { describeTable } from "../../render/describe-table";
import { toText } from "../../render/text";
import { toCsv } from "../../render/csv";

const FLAGS = ["data", "sheet", "vars", "id", "time", "detail", "json", "csv", "lang"];

/** `econsheet describe --data F [--vars a,b] [--id ID] [--time T] [--detail] --json` */
export const describeCommand: Command = {
  name: "describe",
  summary: "Descriptive statistics (N, mean, SD, min, max; --detail, xtsum with --id)",
  usage: "econsheet describe --data FILE [--sheet NAME] [--vars a,b] [--id ID] [--time T] [--detail] [--json | --csv] [--lang zh]",
  async run(args: ParsedArgs, io) {
    checkFlags(args, FLAGS);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const id = flagString(args, "id");
    const result = describe(table, {
      vars: flagList(args, "vars"),
      id,
      time: flagString(args, "time"),
      detail: flagBool(args, "detail") || flagBool(args, "json"),
    });
    if (flagBool(args, "json")) {
      printJson(io, result);
    } else {
      const model = describeTable(result, flagString(args, "lang") === "zh" ? "zh" : "en");
      io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    }
    return 0;
  },
};
