import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagString, ParsedArgs } from "../args";
import { readDataTable } from "../read-data";
import { hausman, mundlakTest } from "../../core/inference/hausman";
import { hausmanTable } from "../../render/coef-table";
import { toText } from "../../render/text";
import { inputError } from "../../core/errors";
import { PanelSpec } from "../../core/estimators/fit-panel";

const FLAGS = ["data", "sheet", "formula", "id", "time", "where", "json", "lang", "effect", "method", "cluster"];

function specFrom(args: ParsedArgs): PanelSpec {
  return {
    formula: flagString(args, "formula", true),
    id: flagString(args, "id", true),
    time: flagString(args, "time", true),
    effect: flagString(args, "effect") as PanelSpec["effect"],
    cluster: flagString(args, "cluster"),
    where: flagString(args, "where"),
  };
}

/** `econsheet hausman --data F --formula … --id ID --time T [--effect …] [--method classical|mundlak] --json` */
export const hausmanCommand: Command = {
  name: "hausman",
  summary: "Hausman test FE vs RE (classical, or the robust Mundlak version)",
  usage: "econsheet hausman --data FILE --formula \"y ~ x1 + x2\" --id ID --time T [--effect individual|twoways] [--method classical|mundlak] [--cluster VAR] [--where …] [--json] [--lang zh]",
  async run(args, io) {
    checkFlags(args, FLAGS);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const spec = specFrom(args);
    const method = (flagString(args, "method") ?? "classical").toLowerCase();
    if (method !== "classical" && method !== "mundlak") {
      throw inputError(`--method '${method}' is unknown. Allowed: classical, mundlak.`, `--method '${method}' 未知。可选：classical、mundlak。`);
    }
    const h = method === "mundlak" ? mundlakTest(table, spec) : hausman(table, spec);
    if (flagBool(args, "json")) {
      const { fe: _fe, re: _re, ...rest } = h;
      printJson(io, rest);
    } else {
      io.stdout(toText(hausmanTable(h, flagString(args, "lang") === "zh" ? "zh" : "en")));
    }
    return 0;
  },
};
