import { tableFromGrid } from "../../core/data/data-table";
import { fitModels, parseModelCell, expandBy, ModelColumnSpec } from "../../core/estimators/model-list";
import { regressionTable } from "../../render/regression-table";
import { panelColumn } from "../../render/panel-columns";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText } from "../options";
import { inputError } from "../../core/errors";
import { parseVarList } from "../../core/descriptive/describe";

/** "x=要素创新, z=产业数字化" → rename map. */
export function parseRename(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? "").split(/[,，]/)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf("=");
    if (eq <= 0) throw inputError(`Option 'rename': write "term=label, term2=label2", not '${p}'.`, `选项 'rename'：请写成 "变量=标签, 变量2=标签2"，而不是 '${p}'。`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/**
 * ECON.REGTABLE(data, id, time, models, [options]): one column per model; `models` is a cell or
 * range of formulas, each optionally with settings after "|" ("y ~ x | effect=twoways; where=region=East").
 * Option `by=COLUMN` turns each formula into one column per group (heterogeneity).
 */
export function regTableRange(data: unknown[][], id: unknown, time: unknown, models: unknown, options: OptionsArg): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["model", "effect", "vcov", "cluster", "adjust", "by", "terms", "rename", "lang", "digits", "under", "title", "constant"], "ECON.REGTABLE");
  const table = tableFromGrid(data as never);
  const i = optionalText(id), t = optionalText(time);
  if (!i || !t) throw inputError("ECON.REGTABLE: name the id and time columns.", "ECON.REGTABLE：请指定个体列与时间列。");
  const cells = (Array.isArray(models) ? (models as unknown[][]).flat() : [models]).map(optionalText).filter((c): c is string => !!c);
  if (cells.length === 0) throw inputError("ECON.REGTABLE: give at least one model formula.", "ECON.REGTABLE：请至少给出一个模型公式。");
  const defaults: Partial<ModelColumnSpec> = {
    model: (opts.get("model") ?? "fe") as ModelColumnSpec["model"],
    effect: opts.get("effect") as ModelColumnSpec["effect"],
    vcov: opts.get("vcov") as ModelColumnSpec["vcov"],
    cluster: opts.get("cluster"),
    clusterAdjustment: opts.get("adjust") as ModelColumnSpec["clusterAdjustment"],
  };
  let specs = cells.map((c) => parseModelCell(c, defaults));
  const by = opts.get("by");
  if (by) specs = specs.flatMap((s) => expandBy(table, s, by));
  const results = fitModels(table, i, t, specs);
  const terms = parseVarList(opts.get("terms"));
  const under = opts.get("under");
  if (under && under !== "se" && under !== "t") throw inputError(`Option 'under': '${under}' is not se or t.`, `选项 'under'：'${under}' 不是 se 或 t。`);
  const model = regressionTable(results.map((r, k) => panelColumn(r, specs[k].title)), {
    lang: opts.get("lang") === "zh" ? "zh" : "en",
    terms: terms.length ? terms : undefined,
    rename: parseRename(opts.get("rename")),
    digits: opts.has("digits") ? Number(opts.get("digits")) : undefined,
    under: under as "se" | "t" | undefined,
    title: opts.get("title"),
    constant: opts.get("constant") === undefined ? undefined : !["false", "0", "no"].includes(opts.get("constant")!.toLowerCase()),
    notes: results.flatMap((r, k) => r.omitted.length ? [`(${k + 1}) ${r.notes.filter((n) => n.includes("omitted")).join(" ")}`] : []),
  });
  return toGrid(model, { title: !!opts.get("title") });
}
