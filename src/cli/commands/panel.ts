import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagString, ParsedArgs } from "../args";
import { readDataTable } from "../read-data";
import { fitPanel, PanelSpec } from "../../core/estimators/fit-panel";
import { hausman, mundlakTest } from "../../core/inference/hausman";
import { coefTable, hausmanTable } from "../../render/coef-table";
import { toText } from "../../render/text";
import { toCsv } from "../../render/csv";

const COMMON = ["data", "sheet", "formula", "id", "time", "where", "json", "csv", "lang"];

function specFrom(args: ParsedArgs): PanelSpec {
  return {
    formula: flagString(args, "formula", true),
    id: flagString(args, "id", true),
    time: flagString(args, "time", true),
    model: flagString(args, "model") as PanelSpec["model"],
    effect: flagString(args, "effect") as PanelSpec["effect"],
    vcov: flagString(args, "vcov") as PanelSpec["vcov"],
    cluster: flagString(args, "cluster"),
    clusterAdjustment: flagString(args, "adjust") as PanelSpec["clusterAdjustment"],
    where: flagString(args, "where"),
  };
}

/** `econsheet panel --data F --formula "y ~ x" --id ID --time T [--model fe] [--effect …] [--vcov …] [--cluster V] [--where …] --json` */
export const panelCommand: Command = {
  name: "panel",
  summary: "Panel regression: pooled OLS, fixed effects (entity/time/two-way), random effects",
  usage:
    "econsheet panel --data FILE --formula \"y ~ x1 + x2 + lag(x1,1)\" --id ID --time T [--model pooled|fe|re] [--effect individual|time|twoways]\n" +
    "                [--vcov classical|robust|cluster] [--cluster VAR] [--adjust stata|plm|none] [--where \"region=East\"] [--json | --csv] [--lang zh]",
  async run(args, io) {
    checkFlags(args, [...COMMON, "model", "effect", "vcov", "cluster", "adjust"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const spec = specFrom(args);
    const result = fitPanel(table, { ...spec, model: spec.model ?? "fe" });
    if (flagBool(args, "json")) {
      const { vcovSlopesClassical: _c, ...rest } = result;
      printJson(io, rest);
    } else {
      const model = coefTable(result, { lang: flagString(args, "lang") === "zh" ? "zh" : "en" });
      io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    }
    return 0;
  },
};

/** `econsheet hausman --data F --formula … --id ID --time T [--effect …] [--method classical|mundlak] --json` */
export const hausmanCommand: Command = {
  name: "hausman",
  summary: "Hausman test FE vs RE (classical, or the robust Mundlak version)",
  usage: "econsheet hausman --data FILE --formula \"y ~ x1 + x2\" --id ID --time T [--method classical|mundlak] [--where …] [--json] [--lang zh]",
  async run(args, io) {
    checkFlags(args, [...COMMON, "effect", "method", "cluster"]);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const spec = specFrom(args);
    const method = flagString(args, "method") ?? "classical";
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
