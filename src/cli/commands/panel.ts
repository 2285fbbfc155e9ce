import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagString, ParsedArgs } from "../args";
import { readDataTable } from "../read-data";
import { fitPanel, PanelSpec } from "../../core/estimators/fit-panel";
import { coefTable } from "../../render/coef-table";
import { toText } from "../../render/text";
import { toCsv } from "../../render/csv";
import { wildBootstrapPanel, WildBootstrapResult } from "../../core/inference/wild-panel";
import { WILD_FLAGS, checkWildLimit, wildFromArgs } from "../wild-flags";

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
    "                [--vcov classical|robust|cluster] [--cluster VAR] [--adjust stata|plm|none] [--where \"region=East\"] [--json | --csv] [--lang zh]\n" +
    "                [--wild-bootstrap B [--weights rademacher|webb] [--seed S] [--wild-terms x1,x2]]   (with --vcov cluster)",
  async run(args, io) {
    checkFlags(args, [...COMMON, "model", "effect", "vcov", "cluster", "adjust", ...WILD_FLAGS]);
    const wild = wildFromArgs(args);
    const table = await readDataTable(flagString(args, "data", true), flagString(args, "sheet"));
    const spec = specFrom(args);
    let result;
    let wildBootstrap: WildBootstrapResult | undefined;
    if (wild) {
      const panelSpec = { ...spec, model: spec.model ?? "fe" };
      const checked = checkWildLimit(wild, (w) => wildBootstrapPanel(table, panelSpec, w), io, flagString(args, "lang") === "zh" ? "zh" : "en");
      ({ model: result, wildBootstrap } = wildBootstrapPanel(table, panelSpec, checked));
    }
    else result = fitPanel(table, { ...spec, model: spec.model ?? "fe" });
    if (flagBool(args, "json")) {
      const { vcovSlopesClassical: _c, ...rest } = result;
      // Every key of the DESIGN.md §5 contract is present; null where it does not apply (e.g. theta for FE).
      const r2 = result.rsquared;
      printJson(io, {
        ...rest,
        rsquared: { ...r2, within: r2.within ?? null, lsdv: r2.lsdv ?? null, between: r2.between ?? null, overall: r2.overall ?? null },
        sigmaE: result.sigmaE ?? null,
        sigmaU: result.sigmaU ?? null,
        theta: result.theta ?? null,
        ...(wildBootstrap ? { wildBootstrap } : {}),
      });
    } else {
      const model = coefTable(result, { lang: flagString(args, "lang") === "zh" ? "zh" : "en", wild: wildBootstrap });
      io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    }
    return 0;
  },
};

export { hausmanCommand } from "./hausman";
