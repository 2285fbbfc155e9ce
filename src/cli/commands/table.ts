import { dirname, resolve } from "path";
import { Command, printJson } from "./command";
import { checkFlags, flagBool, flagString } from "../args";
import { readDataTable, readJsonFile } from "../read-data";
import { fitModels, ModelColumnSpec, expandBy } from "../../core/estimators/model-list";
import { regressionTable, RegressionTableOptions } from "../../render/regression-table";
import { panelColumn } from "../../render/panel-columns";
import { toText } from "../../render/text";
import { clusterName, columnTitle } from "../../render/table-labels";
import { labelColumn } from "../../core/data/data-table";
import { toCsv } from "../../render/csv";
import { toGrid } from "../../render/grid";
import { inputError } from "../../core/errors";
import { validateSpec } from "../../core/spec/validate-spec";
import { fitModelsWild } from "../../core/inference/wild-models";
import { WildBootstrapResult, WildOptions } from "../../core/inference/wild-panel";
import { WILD_FLAGS, checkWildLimit, wildFromArgs } from "../wild-flags";

/**
 * A regression-table spec (JSON):
 * `{ "data": "panel.csv", "id": "province", "time": "year", "title": "Table 5",
 *    "models": [{ "formula": "y ~ x + c", "model": "fe", "effect": "twoways", "vcov": "cluster", "where": "…", "title": "(East)" }],
 *    "by": "region", "terms": ["x", "c"], "rename": {"x": "要素创新"}, "lang": "zh", "digits": 3, "under": "se",
 *    "wild": { "reps": 9999, "weights": "webb", "seed": 1 } }`   (wild: bootstrap p in brackets, every column clustered)
 */
interface TableSpecFile extends RegressionTableOptions {
  data: string;
  sheet?: string;
  id: string;
  time: string;
  models: ModelColumnSpec[];
  by?: string;
  /** Wild cluster bootstrap of every column: {reps, weights, seed, terms} (or --wild-bootstrap B). */
  wild?: WildOptions;
}

export const tableCommand: Command = {
  name: "table",
  summary: "Multi-column regression table from a JSON spec, as text, CSV or JSON",
  usage: "econsheet table SPEC.json [--data FILE] [--csv | --json] [--wild-bootstrap B [--weights rademacher|webb] [--seed S] [--wild-terms x]]",
  async run(args, io) {
    checkFlags(args, ["data", "sheet", "csv", "json", "lang", ...WILD_FLAGS]);
    const specPath = args.positional[0];
    if (!specPath) throw inputError("Give the table spec: econsheet table SPEC.json.", "请给出表格设定文件：econsheet table SPEC.json。");
    const json = readJsonFile(specPath);
    validateSpec(json, "table", specPath);
    const spec = json as TableSpecFile;
    if (!Array.isArray(spec.models) || spec.models.length === 0) throw inputError(`${specPath}: "models" must list at least one model.`, `${specPath}："models" 至少需要一个模型。`);
    const dataPath = flagString(args, "data") ?? (spec.data ? resolve(dirname(specPath), spec.data) : undefined);
    if (!dataPath) throw inputError(`${specPath}: no "data" file and no --data.`, `${specPath}：没有 "data" 文件，也没有 --data。`);
    io.stderr(`reading ${dataPath}${flagString(args, "data") ? "" : ` ("data" of ${specPath})`}\n`);
    const table = await readDataTable(dataPath, flagString(args, "sheet") ?? spec.sheet);
    const specs = spec.by ? spec.models.flatMap((m) => expandBy(table, m, spec.by!)) : spec.models;
    const flagWild = wildFromArgs(args);
    const lang0 = (flagString(args, "lang") ?? spec.lang) === "zh" ? "zh" : "en";
    const asked = flagWild ?? (spec.wild ? { ...spec.wild } : undefined);
    const wild = asked && checkWildLimit(asked, (w) => fitModelsWild(table, spec.id, spec.time, specs.slice(0, 1), w), io, lang0, specs.length);
    let results;
    let wilds: (WildBootstrapResult | undefined)[] = [];
    if (wild) ({ results, wild: wilds } = fitModelsWild(table, spec.id, spec.time, specs, wild));
    else results = fitModels(table, spec.id, spec.time, specs);
    // The dependent variable named over each column, the cluster variable by its name ("省份" for provinces).
    const ids = labelColumn(table, spec.id);
    const labels = spec.rename ?? {};
    const cn = (c?: string) => (c ? { en: clusterName(c, ids, labels, "en", spec.id), zh: clusterName(c, ids, labels, "zh", spec.id) } : undefined);
    const lang = (flagString(args, "lang") as "zh" | undefined) ?? spec.lang;
    const model = regressionTable(results.map((r, k) => panelColumn(r, columnTitle(specs[k].title, lang ?? "en"), cn(r.cluster), wilds[k])), { depVarRow: true, ...spec, lang });
    if (flagBool(args, "json")) printJson(io, { grid: toGrid(model, { title: true }), models: results.map(({ vcovSlopesClassical: _v, ...r }) => r), ...(wild ? { wildBootstrap: wilds } : {}) });
    else io.stdout(flagBool(args, "csv") ? toCsv(model) : toText(model));
    return 0;
  },
};
