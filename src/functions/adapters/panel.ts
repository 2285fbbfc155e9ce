import { excelGrid } from "../excel-grid";
import { parseLevel } from "../../core/options/parse-option";
import { tableFromGrid } from "../../core/data/data-table";
import { fitPanel, PanelSpec } from "../../core/estimators/fit-panel";
import { hausman, mundlakTest } from "../../core/inference/hausman";
import { coefTable, hausmanTable } from "../../render/coef-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionBool, optionalText } from "../options";
import { inputError } from "../../core/errors";
import { ModelKind } from "../../core/results/panel-result";
import { wildBootstrapPanel } from "../../core/inference/wild-panel";
import { WILD_OPTION_KEYS, wildFromOptions } from "./wild";
import { TableModel } from "../../render/table-model";
import { DataTable } from "../../core/data/data-table";

const PANEL_OPTIONS = ["cluster", "where", "compact", "lang", "level", "stars", "adjust", "effect", "vcov", ...WILD_OPTION_KEYS];

function starLevels(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  const levels = text.split(/[\s/|]+/).map(Number);
  if (levels.some((l) => !(l > 0 && l < 1))) {
    throw inputError(`Option 'stars': '${text}' must list p-value levels between 0 and 1, e.g. "0.1 0.05 0.01".`, `选项 'stars'：'${text}' 应为 0 到 1 之间的显著性水平，例如 "0.1 0.05 0.01"。`);
  }
  return levels.sort((a, b) => b - a);
}

function specFrom(model: ModelKind, formula: unknown, id: unknown, time: unknown, effect: unknown, vcov: unknown, options: OptionsArg, fn: string) {
  const opts = parseOptions(options);
  checkOptionKeys(opts, PANEL_OPTIONS, fn);
  const f = optionalText(formula);
  const i = optionalText(id);
  const t = optionalText(time);
  if (!f) throw inputError(`${fn}: the formula is missing, e.g. "y ~ x1 + x2".`, `${fn}：缺少公式，例如 "y ~ x1 + x2"。`);
  if (!i || !t) throw inputError(`${fn}: name the entity and time columns (e.g. "province", "year").`, `${fn}：请指定个体列和时间列（如 "province"、"year"）。`);
  const level = opts.get("level");
  const spec: PanelSpec = {
    formula: f, id: i, time: t, model,
    effect: optionalText(effect) ?? opts.get("effect"),
    vcov: optionalText(vcov) ?? opts.get("vcov"),
    cluster: opts.get("cluster") || undefined,
    where: opts.get("where") || undefined,
    clusterAdjustment: opts.get("adjust") as PanelSpec["clusterAdjustment"],
    starLevels: starLevels(opts.get("stars")),
    level: parseLevel(level, `${fn}: option 'level'`),
  } as PanelSpec;
  return { spec, opts, lang: opts.get("lang") === "zh" ? ("zh" as const) : ("en" as const), compact: optionBool(opts, "compact") };
}

/** The coefficient table of a fit, with the wild cluster bootstrap when `wild=B` asks for it. */
function fitTable(table: DataTable, spec: PanelSpec, opts: Map<string, string>, fn: string, lang: "en" | "zh", compact: boolean, invocation?: { isInValuePreview?: unknown } | null): TableModel {
  const { wild, notes } = wildFromOptions(opts, fn, invocation);
  if (!wild) {
    const model = coefTable(fitPanel(table, spec), { lang, compact });
    return { ...model, notes: [...notes.map((n) => n[lang]), ...model.notes] };
  }
  const r = wildBootstrapPanel(table, spec, wild);
  const model = coefTable(r.model, { lang, compact, wild: r.wildBootstrap });
  return { ...model, notes: [...notes.map((n) => n[lang]), ...model.notes] };
}

/** ECON.PANELFE: fixed effects (effect individual | time | twoways). */
export function panelFe(data: unknown[][], formula: unknown, id: unknown, time: unknown, effect: unknown, vcov: unknown, options: OptionsArg, invocation?: { isInValuePreview?: unknown } | null): SpillGrid {
  const { spec, opts, lang, compact } = specFrom("fe", formula, id, time, effect, vcov, options, "ECON.PANELFE");
  return toGrid(fitTable(tableFromGrid(excelGrid(data)), spec, opts, "ECON.PANELFE", lang, compact, invocation), { notes: !compact });
}

/** ECON.PANELRE: random effects (Swamy–Arora). */
export function panelRe(data: unknown[][], formula: unknown, id: unknown, time: unknown, vcov: unknown, options: OptionsArg): SpillGrid {
  const { spec, opts, lang, compact } = specFrom("re", formula, id, time, null, vcov, options, "ECON.PANELRE");
  if (opts.has("wild")) throw inputError("ECON.PANELRE: the wild cluster bootstrap is for pooled OLS and fixed effects (ECON.PANELFE, ECON.POOLEDOLS), not random effects.", "ECON.PANELRE：wild cluster bootstrap 适用于混合 OLS 与固定效应（ECON.PANELFE、ECON.POOLEDOLS），不适用于随机效应。");
  return toGrid(coefTable(fitPanel(tableFromGrid(excelGrid(data)), spec), { lang, compact }), { notes: !compact });
}

/** ECON.POOLED: pooled OLS. */
export function panelPooled(data: unknown[][], formula: unknown, id: unknown, time: unknown, vcov: unknown, options: OptionsArg, invocation?: { isInValuePreview?: unknown } | null): SpillGrid {
  const { spec, opts, lang, compact } = specFrom("pooled", formula, id, time, null, vcov, options, "ECON.POOLED");
  return toGrid(fitTable(tableFromGrid(excelGrid(data)), spec, opts, "ECON.POOLED", lang, compact, invocation), { notes: !compact });
}

/** ECON.HAUSMAN: classical Hausman FE vs RE, or the robust Mundlak version (method = "mundlak"). */
export function hausmanRange(data: unknown[][], formula: unknown, id: unknown, time: unknown, method: unknown, options: OptionsArg): SpillGrid {
  const { spec, lang } = specFrom("fe", formula, id, time, null, null, options, "ECON.HAUSMAN");
  const m = (optionalText(method) ?? "classical").toLowerCase();
  if (!["classical", "mundlak", "robust"].includes(m)) {
    throw inputError(`ECON.HAUSMAN: unknown method '${m}'. Allowed: classical, mundlak.`, `ECON.HAUSMAN：未知方法 '${m}'。可选：classical、mundlak。`);
  }
  const table = tableFromGrid(excelGrid(data));
  const h = m === "classical" ? hausman(table, spec) : mundlakTest(table, spec);
  return toGrid(hausmanTable(h, lang));
}
