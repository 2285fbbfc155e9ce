import { DataTable, labelColumn, columnIndex, appendColumns } from "../data/data-table";
import { regionLabels, REGION4_LABELS, SOUTHNORTH_LABELS } from "../data/provinces";
import { entropyIndex, aboveMean, EntropyResult } from "../indices/entropy-index";
import { entropyInputFromTable } from "../indices/entropy-input";
import { describe } from "../descriptive/describe";
import { fitModels, ModelColumnSpec } from "../estimators/model-list";
import { mediation, MediationResult } from "../mediation/mediation";
import { PanelResult } from "../results/panel-result";
import { parseFormula } from "../data/formula";
import { quoteWhereName, quoteWhereValue } from "../data/where";
import { inputError, EconError } from "../errors";
import { AnalysisSpec, IndexSpec, TableSpec, ModelSpec } from "./analysis-spec";
import { groupDifference, GroupDifference } from "../estimators/group-difference";
import { did, placebo, DidResult, DidSpec, PlaceboResult } from "../did/did";
import { eventStudy, EventStudyResult } from "../did/event-study";
import { fitModelsWild } from "../inference/wild-models";
import { WildBootstrapResult, WildOptions } from "../inference/wild-panel";
import { didWildBootstrap } from "../did/did-wild";
import { runRegionalTable, RegionalTableResult } from "../regional/run-regional";

/**
 * What a run produces, before rendering: the panel with the index scores appended, each
 * index's results, and per table the fitted results it is drawn from. Rendering (three-line
 * tables, sheets) is done by src/render and the fronts.
 */
export type TableResult =
  | { spec: TableSpec; kind: "descriptive"; describe: ReturnType<typeof describe> }
  | { spec: TableSpec; kind: "regression"; models: PanelResult[]; titles: (string | undefined)[]; differences?: GroupDifference[]; wild?: (WildBootstrapResult | undefined)[] }
  | { spec: TableSpec; kind: "mediation"; mediation: MediationResult }
  | { spec: TableSpec; kind: "did"; did: DidResult[]; eventStudy?: EventStudyResult; placebo?: PlaceboResult; wild?: WildBootstrapResult[] }
  | RegionalTableResult;

export interface IndexRun {
  spec: IndexSpec;
  /** Scores with the spec's mode (pooled by default). */
  result: EntropyResult;
  /** Weights per sub-period, when periods are given. */
  periods?: EntropyResult;
  aboveMean?: ReturnType<typeof aboveMean>;
}

export interface AnalysisRun {
  panel: DataTable;
  id: string;
  time: string;
  indices: IndexRun[];
  tables: TableResult[];
  /** One line per step, for progress output. */
  log: string[];
}

export interface RunOptions {
  onStep?: (message: string) => void;
  /** Progress of resampling (a mediation bootstrap, DID placebo permutations); return false to stop early. */
  onBootstrap?: (done: number, total: number) => boolean | void;
}


/** Adds region4 / southnorth columns from the province names of the id column (refusing unknown names). */
export function addRegionColumns(table: DataTable, id: string, lang: "en" | "zh" = "en"): DataTable {
  const ids = labelColumn(table, id);
  const hint = { en: " Use the 31 provinces' names (北京, 内蒙古, …) or give the groups explicitly.", zh: "请使用 31 个省份名称（北京、内蒙古……）或直接给出分组。" };
  const region = regionLabels(ids, id, "region4", lang, hint, table);
  const sn = regionLabels(ids, id, "southnorth", lang, hint, table);
  const extra = [];
  if (!table.names.includes("region4")) extra.push({ name: "region4", values: region });
  if (!table.names.includes("southnorth")) extra.push({ name: "southnorth", values: sn });
  return appendColumns(table, extra);
}

function modelColumn(m: ModelSpec): ModelColumnSpec {
  return { formula: m.formula, model: m.model ?? "fe", effect: m.effect, vcov: m.vcov, cluster: m.cluster, where: m.where, title: m.title };
}

/** The formula with every regressor lagged one period (robustness), or only the first. */
export function lagFormula(formula: string, which: "all" | "first"): string {
  const f = parseFormula(formula);
  // Terms as written (backticks kept), so `地区生产总值(亿元)` and `gdp pc` stay one name each.
  const terms = f.regressors.map((r, i) => (which === "all" || i === 0 ? `lag(${r.source},1)` : r.source));
  return `${f.response.source} ~ ${terms.join(" + ")}`;
}

/**
 * Runs an analysis spec on a tidy panel: builds each composite index (scores appended to the
 * panel as new columns), then every table. Errors name the index or table they come from.
 */
export function runAnalysis(panel: DataTable, spec: AnalysisSpec, options: RunOptions = {}): AnalysisRun {
  const id = spec.data.id ?? "province";
  const time = spec.data.time ?? "year";
  columnIndex(panel, id);
  columnIndex(panel, time);
  const log: string[] = [];
  const step = (m: string) => {
    log.push(m);
    options.onStep?.(m);
  };
  let table = panel;
  const indices: IndexRun[] = [];
  for (const ix of spec.indices ?? []) {
    step(`index ${ix.name}: entropy weights (${ix.mode ?? "pooled"})`);
    try {
      const indicators = ix.groups.flatMap((g) => g.indicators.map((i) => i.name));
      const groups = new Map(ix.groups.flatMap((g) => g.indicators.map((i) => [i.name, g.name] as [string, string])));
      const directions = ix.groups.flatMap((g) => g.indicators.map((i) => (i.direction === "-" ? ("negative" as const) : ("positive" as const))));
      const input = entropyInputFromTable(table, { indicators, directions, id, time, groups });
      const result = entropyIndex(input, { mode: ix.mode ?? "pooled", periods: ix.mode === "periods" ? ix.periods : undefined, shift: ix.shift, missing: ix.missing });
      const periods = ix.periods && ix.mode !== "periods" ? entropyIndex(input, { mode: "periods", periods: ix.periods, shift: ix.shift, missing: ix.missing }) : undefined;
      const above = ix.aboveMean ? aboveMean(result.scores, input.ids!, input.times!) : undefined;
      indices.push({ spec: ix, result, periods, aboveMean: above });
      table = appendColumns(table, [{ name: ix.name, values: result.scores }]);
    } catch (e) {
      throw prefixed(e, `Index '${ix.name}'`, `指数 '${ix.name}'`);
    }
  }
  if ((spec.tables ?? []).some((t) => t.type === "heterogeneity" && typeof t.groups === "string")) {
    table = addRegionColumns(table, id, spec.lang ?? "en");
  }
  const tables: TableResult[] = [];
  for (const t of spec.tables ?? []) {
    step(`table '${t.title}' (${t.type})`);
    try {
      tables.push(runTable(table, t, id, time, options, spec.lang ?? "en"));
    } catch (e) {
      throw prefixed(e, `Table '${t.title}'`, `表格 '${t.title}'`);
    }
  }
  return { panel: table, id, time, indices, tables, log };
}

function runTable(table: DataTable, t: TableSpec, id: string, time: string, options: RunOptions = {}, lang: "en" | "zh" = "en"): TableResult {
  // Regression-type sheets print the bootstrap p only; DID sheets keep the interval too.
  const wild: WildOptions | undefined = "wild" in t && t.wild ? { ...t.wild, interval: t.type === "did" } : undefined;
  // Every model column, with its wild cluster bootstrap when the table asks for one.
  const fit = (specs: ModelColumnSpec[]) => {
    if (!wild) return { models: fitModels(table, id, time, specs) };
    const r = fitModelsWild(table, id, time, specs, wild, { skipRandomEffects: t.type === "robustness" });
    return { models: r.results, wild: r.wild };
  };
  switch (t.type) {
    case "coupling":
    case "dagum":
    case "density":
      return runRegionalTable(table, t, id, time, t.lang ?? lang);
    case "descriptive":
      return { spec: t, kind: "descriptive", describe: describe(table, { vars: t.vars, id }) };
    case "regression": {
      const specs = t.models.map(modelColumn);
      return { spec: t, kind: "regression", ...fit(specs), titles: specs.map((s) => s.title) };
    }
    case "robustness": {
      const base = modelColumn(t.base);
      const specs: ModelColumnSpec[] = [{ ...base, title: base.title ?? "Baseline" }];
      for (const v of t.variants) {
        if (v === "lag") specs.push({ ...base, formula: lagFormula(base.formula, "all"), title: "L.regressors" });
        else if (v === "lagx") specs.push({ ...base, formula: lagFormula(base.formula, "first"), title: "L.X" });
        else if (v === "re") specs.push({ ...base, model: "re", effect: "individual", title: "RE" });
      }
      return { spec: t, kind: "regression", ...fit(specs), titles: specs.map((s) => s.title) };
    }
    case "heterogeneity": {
      const base = modelColumn(t.base);
      let groups: { title: string; where: string }[];
      if (t.groups === "region4") groups = ["East", "Central", "West", "Northeast"].map((g) => ({ title: g, where: `region4=${labelOf(table, "region4", g)}` }));
      else if (t.groups === "southnorth") groups = ["South", "North"].map((g) => ({ title: g, where: `southnorth=${labelOf(table, "southnorth", g)}` }));
      else groups = t.groups.map((g) => ({ title: g.name, where: `${quoteWhereName(id)} in (${g.members.map(quoteWhereValue).join(",")})` }));
      const specs = groups.map((g) => ({ ...base, where: base.where ? `${base.where} & ${g.where}` : g.where, title: g.title }));
      const { models, wild: wilds } = fit(specs);
      // Test of the coefficient difference between two groups (default South vs North, East vs West, or the first two).
      const pair = t.compare ?? (t.groups === "southnorth" ? ["North", "South"] : t.groups === "region4" ? ["West", "East"] : groups.slice(0, 2).map((g) => g.title));
      const term = t.term ?? parseFormula(base.formula).regressors[0].name;
      const ga = groups.find((g) => g.title === pair[0]);
      const gb = groups.find((g) => g.title === pair[1]);
      if (!ga || !gb) throw inputError(`compare: '${pair.join("', '")}' are not two of the groups (${groups.map((g) => g.title).join(", ")}).`, `compare：'${pair.join("'、'")}' 不是分组中的两个（${groups.map((g) => g.title).join("、")}）。`);
      const diff = groupDifference(table, { ...base, id, time }, { label: ga.title, where: ga.where }, { label: gb.title, where: gb.where }, term);
      return { spec: t, kind: "regression", models, titles: specs.map((s) => s.title), differences: [diff], wild: wilds };
    }
    case "did": {
      const spec: DidSpec = { y: t.y, id, time, controls: [], treat: t.treat, treatedUnits: t.treatedUnits, firstYear: t.firstYear, firstYearColumn: t.firstYearColumn, vcov: t.vcov, cluster: t.cluster };
      const results = [did(table, spec)];
      if (t.controls?.length) results.push(did(table, { ...spec, controls: t.controls }));
      const full = { ...spec, controls: t.controls ?? [] };
      const wilds = wild ? [didWildBootstrap(table, spec, wild), ...(t.controls?.length ? [didWildBootstrap(table, full, wild)] : [])] : undefined;
      return {
        spec: t, kind: "did", did: results, wild: wilds,
        eventStudy: t.eventStudy ? eventStudy(table, { ...full, ...t.eventStudy }) : undefined,
        placebo: t.placebo ? placebo(table, full, t.placebo.permutations, t.placebo.seed ?? 20240601, { onProgress: options.onBootstrap }) : undefined,
      };
    }
    case "mediation":
      return {
        spec: t, kind: "mediation",
        mediation: mediation(table, { y: t.y, x: t.x, mediators: t.mediators, controls: t.controls, id, time, model: t.model ?? "fe", effect: t.effect, vcov: t.vcov, bootstrap: t.bootstrap, seed: t.seed, onProgress: options.onBootstrap }),
      };
  }
}

/** The region label used in the table (English or Chinese) for an English group key. */
function labelOf(table: DataTable, column: string, key: string): string {
  const labels = new Set(labelColumn(table, column));
  if (labels.has(key)) return key;
  const zh = { ...Object.fromEntries(Object.entries(REGION4_LABELS).map(([k, v]) => [k, v.zh])), ...Object.fromEntries(Object.entries(SOUTHNORTH_LABELS).map(([k, v]) => [k, v.zh])) } as Record<string, string>;
  return zh[key] ?? key;
}

function prefixed(e: unknown, en: string, zh: string): unknown {
  if (e instanceof EconError) return new EconError(e.kind, { en: `${en}: ${e.text.en}`, zh: `${zh}：${e.text.zh}` });
  return e;
}
