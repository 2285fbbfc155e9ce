import type { EffectKind, ModelKind, TableSpec, VcovKind, ModelSpec, ModelTableSpec } from "../../core/spec/analysis-spec";
import { inputError } from "../../core/errors";
import { parseFormula, quoteName } from "../../core/data/formula";

/**
 * What the Models step edits for one table, and its translation into the analysis spec's
 * TableSpec (the JSON the headless runner reads). Presets give the paper's tables.
 */
export type TableKind = "descriptive" | "regression" | "mediation" | "heterogeneity" | "robustness";
export type Preset = "descriptive" | "baseline" | "mediation" | "heterogeneity" | "robustness";

export interface TableDraft {
  /** Stable key for React lists. */
  key: string;
  kind: TableKind;
  title: string;
  y: string;
  x: string[];
  controls: string[];
  mediators: string[];
  model: ModelKind;
  effect: EffectKind;
  vcov: VcovKind;
  /** Regression: column 1 X alone, then one more control per column (the paper's Table 5). */
  stepwise: boolean;
  groups: "region4" | "southnorth";
  bootstrap: number;
  seed: number;
  /** Display names of terms in the table (an index's label for its column name). */
  rename?: Record<string, string>;
  /** Wild cluster bootstrap draws for the table's coefficients (0 = off; needs clustered SEs). */
  wild?: number;
}

/** Draws of the wild cluster bootstrap the Models step offers (the custom functions' cap). */
export const PANE_WILD_DRAWS = 9999;

/**
 * Whether the wild cluster bootstrap should be suggested: some column has fewer than 20 clusters —
 * always for the regional heterogeneity columns (3 to 16 provinces each), otherwise when the
 * panel itself has fewer than 20 entities. Mediation tables do not offer it.
 */
export function suggestWild(kind: TableKind, clusters: number | undefined): boolean {
  if (kind === "descriptive" || kind === "mediation") return false;
  return kind === "heterogeneity" || (clusters !== undefined && clusters > 0 && clusters < 20);
}

/** Which field of the draft an error belongs to (shown beside that control). */
export type DraftField = "title" | "y" | "x" | "controls" | "mediators";

export class DraftError extends Error {
  constructor(readonly field: DraftField, readonly text: { en: string; zh: string }) {
    super(text.en);
  }
}

let counter = 0;
const nextKey = () => `t${++counter}`;

const TITLES: Record<Preset, { en: string; zh: string }> = {
  descriptive: { en: "Descriptive statistics", zh: "描述性统计" },
  baseline: { en: "Baseline regression", zh: "基准回归" },
  mediation: { en: "Mediation", zh: "中介效应" },
  heterogeneity: { en: "Heterogeneity", zh: "区域异质性" },
  robustness: { en: "Robustness", zh: "稳健性检验" },
};

export interface PresetVars {
  y: string;
  x: string[];
  controls: string[];
  mediators: string[];
}

/** A draft for a preset; titles in the table language. */
export function presetDraft(preset: Preset, vars: PresetVars, lang: "en" | "zh"): TableDraft {
  const kind: TableKind = preset === "baseline" ? "regression" : preset;
  return {
    key: nextKey(), kind, title: TITLES[preset][lang], y: vars.y, x: [...vars.x], controls: [...vars.controls], mediators: [...vars.mediators],
    model: "fe", effect: "twoways", vcov: "cluster", stepwise: preset === "baseline", groups: "region4", bootstrap: 0, seed: 20240601,
  };
}

/** The columns of a stepwise table: X alone, then X with the first control, the first two, … all. */
export function stepwiseColumns(x: readonly string[], controls: readonly string[]): string[][] {
  return [[...x], ...controls.map((_, k) => [...x, ...controls.slice(0, k + 1)])];
}

/** The draft's display names for the terms it uses (none: no `rename` key). */
function renameOf(d: TableDraft): { rename?: Record<string, string> } {
  const used = new Set([d.y, ...d.x, ...d.controls, ...d.mediators]);
  const r = Object.fromEntries(Object.entries(d.rename ?? {}).filter(([k, v]) => used.has(k) && v && v !== k));
  return Object.keys(r).length ? { rename: r } : {};
}

/**
 * The paper's Tables 4–8 from one set of study variables: descriptive statistics, the baseline
 * (stepwise controls), mediation, robustness (lagged regressors, random effects) and
 * heterogeneity by the four NBS regions and by South/North — six drafts, each still editable.
 */
export function paperSet(vars: PresetVars, lang: "en" | "zh", rename: Record<string, string> = {}): TableDraft[] {
  const n = lang === "zh" ? (k: number, s: string) => `表${k} ${s}` : (k: number, s: string) => `Table ${k} ${s}`;
  const made = (preset: Preset, k: number, patch: Partial<TableDraft> = {}) => {
    const d = presetDraft(preset, vars, lang);
    return { ...d, title: n(k, d.title), rename, ...patch };
  };
  return [
    made("descriptive", 4),
    made("baseline", 5),
    made("mediation", 6, { x: vars.x.slice(0, 1) }),
    made("robustness", 7),
    made("heterogeneity", 8, { groups: "region4" }),
    made("heterogeneity", 8, { groups: "southnorth", title: lang === "zh" ? "表8续 南北方异质性" : "Table 8b South-North" }),
  ];
}

/** The formula of chosen columns; names with spaces or parentheses (`地区生产总值(亿元)`) in backticks. */
function formula(y: string, terms: readonly string[]): string {
  return `${quoteName(y)} ~ ${terms.map(quoteName).join(" + ")}`;
}

/** Checks a draft and returns its TableSpec; a DraftError names the field at fault. */
export function draftToSpec(d: TableDraft, lang: "en" | "zh"): ModelTableSpec {
  if (!d.title.trim()) throw new DraftError("title", { en: "Give the table a title (it names the sheet).", zh: "请填写表标题（用作工作表名）。" });
  if (d.kind === "descriptive") {
    const vars = [...new Set([d.y, ...d.x, ...d.controls, ...d.mediators].filter(Boolean))];
    if (vars.length === 0) throw new DraftError("y", { en: "Choose at least one variable.", zh: "请至少选择一个变量。" });
    return { type: "descriptive", title: d.title, vars, lang, ...renameOf(d) };
  }
  if (!d.y) throw new DraftError("y", { en: "Choose the dependent variable Y.", zh: "请选择被解释变量 Y。" });
  if (d.x.length === 0) throw new DraftError("x", { en: "Choose at least one explanatory variable X.", zh: "请至少选择一个核心解释变量 X。" });
  if (d.x.includes(d.y)) throw new DraftError("x", { en: `'${d.y}' is Y; it cannot also be an X.`, zh: `'${d.y}' 是被解释变量，不能同时作为解释变量。` });
  const overlap = d.controls.find((c) => c === d.y || d.x.includes(c));
  if (overlap) throw new DraftError("controls", { en: `'${overlap}' is already Y or X; remove it from the controls.`, zh: `'${overlap}' 已是 Y 或 X，请从控制变量中移除。` });
  const base: ModelSpec = { formula: formula(d.y, [...d.x, ...d.controls]), model: d.model, effect: d.model === "fe" ? d.effect : "individual", vcov: d.vcov };
  const wild = d.wild && d.wild > 0 && d.vcov === "cluster" && d.model !== "re" ? { wild: { reps: d.wild } } : {};
  switch (d.kind) {
    case "regression": {
      const models: ModelSpec[] = d.stepwise ? stepwiseColumns(d.x, d.controls).map((terms) => ({ ...base, formula: formula(d.y, terms) })) : [base];
      return { type: "regression", title: d.title, models, terms: [...d.x, ...d.controls], lang, ...renameOf(d), ...wild };
    }
    case "heterogeneity":
      return { type: "heterogeneity", title: d.title, base, groups: d.groups, terms: [...d.x, ...d.controls], lang, ...renameOf(d), ...wild };
    case "robustness":
      return { type: "robustness", title: d.title, base, variants: ["lag", "re"], lang, ...renameOf(d), ...wild };
    case "mediation": {
      if (d.x.length !== 1) throw new DraftError("x", { en: "Mediation needs exactly one X.", zh: "中介效应分析需要且只需要一个 X。" });
      if (d.mediators.length === 0) throw new DraftError("mediators", { en: "Choose at least one mediator M.", zh: "请至少选择一个中介变量 M。" });
      const bad = d.mediators.find((m) => m === d.y || d.x.includes(m) || d.controls.includes(m));
      if (bad) throw new DraftError("mediators", { en: `'${bad}' is already Y, X or a control.`, zh: `'${bad}' 已是 Y、X 或控制变量。` });
      return {
        type: "mediation", title: d.title, y: d.y, x: d.x[0], mediators: d.mediators, controls: d.controls, model: d.model,
        effect: d.model === "fe" ? d.effect : "individual", vcov: d.vcov, ...(d.bootstrap > 0 ? { bootstrap: d.bootstrap, seed: d.seed } : {}), lang, ...renameOf(d),
      };
    }
  }
}

/** A draft back from a saved TableSpec (so a reopened workbook shows its tables). */
/** A saved table as a draft of step 3 (DID tables belong to the Charts step and are kept apart). */
export function specToDraft(t: ModelTableSpec): TableDraft {
  const parse = (f: string) => {
    // Column names without their backticks (a draft holds names, not formula text).
    const p = parseFormula(f);
    return { y: p.response.name, terms: p.regressors.map((r) => r.name) };
  };
  const common = { key: nextKey(), title: t.title, controls: [] as string[], mediators: [] as string[], model: "fe" as ModelKind, effect: "twoways" as EffectKind, vcov: "cluster" as VcovKind, stepwise: false, groups: "region4" as const, bootstrap: 0, seed: 20240601 };
  switch (t.type) {
    case "descriptive":
      return { ...common, kind: "descriptive", y: t.vars[0] ?? "", x: t.vars.slice(1) };
    case "mediation":
      return { ...common, kind: "mediation", y: t.y, x: [t.x], controls: t.controls ?? [], mediators: t.mediators, model: t.model ?? "fe", effect: t.effect ?? "individual", vcov: t.vcov ?? "classical", bootstrap: t.bootstrap ?? 0, seed: t.seed ?? 20240601 };
    case "regression": {
      const last = t.models[t.models.length - 1];
      const f = parse(last.formula);
      const first = parse(t.models[0].formula);
      const x = t.models.length > 1 ? first.terms : f.terms.slice(0, 1);
      return { ...common, kind: "regression", y: f.y, x, controls: f.terms.filter((s) => !x.includes(s)), stepwise: t.models.length > 1, model: last.model ?? "fe", effect: last.effect ?? "individual", vcov: last.vcov ?? "classical", wild: t.wild?.reps ?? 0 };
    }
    case "heterogeneity":
    case "robustness": {
      const f = parse(t.base.formula);
      const groups = t.type === "heterogeneity" && typeof t.groups === "string" ? t.groups : "region4";
      return { ...common, kind: t.type, y: f.y, x: f.terms.slice(0, 1), controls: f.terms.slice(1), groups, model: t.base.model ?? "fe", effect: t.base.effect ?? "individual", vcov: t.base.vcov ?? "classical", wild: t.wild?.reps ?? 0 };
    }
  }
}

/** The first draft error as an EconError-like message, for places without a field. */
export function draftErrorText(e: DraftError, index: number): { en: string; zh: string } {
  return { en: `Table ${index + 1}: ${e.text.en}`, zh: `表 ${index + 1}：${e.text.zh}` };
}

export function assertDraftsValid(drafts: readonly TableDraft[], lang: "en" | "zh"): TableSpec[] {
  if (drafts.length === 0) throw inputError("Add at least one table in step 3.", "请在第 3 步至少添加一张表。");
  return drafts.map((d) => draftToSpec(d, lang));
}
