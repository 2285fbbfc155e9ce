import { excelGrid } from "../excel-grid";
import { parseDigits } from "../../core/options/parse-option";
import { tableFromGrid } from "../../core/data/data-table";
import { fitModels, parseModelCell, expandBy, ModelColumnSpec } from "../../core/estimators/model-list";
import { regressionTable } from "../../render/regression-table";
import { panelColumn } from "../../render/panel-columns";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText, parseVarList } from "../options";
import { inputError } from "../../core/errors";
import { parseFormula } from "../../core/data/formula";
import { groupDifference } from "../../core/estimators/group-difference";
import { fitModelsWild } from "../../core/inference/wild-models";
import { WildBootstrapResult } from "../../core/inference/wild-panel";
import { WILD_OPTION_KEYS, wildFromOptions } from "./wild";

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
export function regTableRange(data: unknown[][], id: unknown, time: unknown, models: unknown, options: OptionsArg, invocation?: { isInValuePreview?: unknown } | null): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["model", "effect", "vcov", "cluster", "adjust", "by", "terms", "rename", "lang", "digits", "under", "title", "constant", "compare", "term", ...WILD_OPTION_KEYS], "ECON.REGTABLE");
  const table = tableFromGrid(excelGrid(data));
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
  const lang = opts.get("lang") === "zh" ? "zh" : "en";
  const { wild, notes: wildNotes } = wildFromOptions(opts, "ECON.REGTABLE", invocation);
  let results;
  let wilds: (WildBootstrapResult | undefined)[] = [];
  // The table prints only the bootstrap p, so the intervals are not computed (Excel stays responsive).
  if (wild) ({ results, wild: wilds } = fitModelsWild(table, i, t, specs, { ...wild, interval: false }));
  else results = fitModels(table, i, t, specs);
  const diffNotes: string[] = [];
  const compare = parseVarList(opts.get("compare"));
  if (compare.length) {
    if (compare.length !== 2) throw inputError("Option 'compare': name two column titles, e.g. compare=South,North.", "选项 'compare'：请给出两个列标题，例如 compare=South,North。");
    const [a, b] = compare.map((title) => {
      const s = specs.find((x) => x.title === title);
      if (!s || !s.where) throw inputError(`Option 'compare': no subgroup column titled '${title}' (titles: ${specs.map((x) => x.title ?? "").join(", ")}).`, `选项 'compare'：没有标题为 '${title}' 的分组列（现有：${specs.map((x) => x.title ?? "").join("、")}）。`);
      return s;
    });
    const term = opts.get("term") ?? parseFormula(a.formula).regressors[0].name;
    const d = groupDifference(table, { ...a, where: undefined, id: i, time: t }, { label: a.title!, where: a.where! }, { label: b.title!, where: b.where! }, term);
    diffNotes.push(opts.get("lang") === "zh"
      ? `组间系数差异检验（${d.term}，${d.groupB} − ${d.groupA}）：${d.difference.toFixed(3)}（标准误 ${d.se.toFixed(3)}），p = ${d.p.toFixed(3)}；方法：全交互混合模型`
      : `Group difference in ${d.term} (${d.groupB} − ${d.groupA}): ${d.difference.toFixed(3)} (SE ${d.se.toFixed(3)}), p = ${d.p.toFixed(3)}; fully interacted pooled model`);
  }
  const terms = parseVarList(opts.get("terms"));
  const under = opts.get("under");
  if (under && under !== "se" && under !== "t") throw inputError(`Option 'under': '${under}' is not se or t.`, `选项 'under'：'${under}' 不是 se 或 t。`);
  const model = regressionTable(results.map((r, k) => panelColumn(r, specs[k].title, undefined, wilds[k])), {
    lang,
    terms: terms.length ? terms : undefined,
    rename: parseRename(opts.get("rename")),
    digits: parseDigits(opts.get("digits"), "ECON.REGTABLE: option 'digits'"),
    under: under as "se" | "t" | undefined,
    title: opts.get("title"),
    constant: opts.get("constant") === undefined ? undefined : !["false", "0", "no"].includes(opts.get("constant")!.toLowerCase()),
    notes: [...wildNotes.map((n) => n[lang]), ...diffNotes, ...results.flatMap((r, k) => (r.omitted.length ? [`(${k + 1}) ${r.notes.filter((n) => n.includes("omitted")).join(" ")}`] : []))],
  });
  return toGrid(model, { title: !!opts.get("title") });
}
