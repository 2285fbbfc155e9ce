import { inputError, EconError } from "../errors";
import { validateSpec } from "./validate-spec";
import { checkRegional, REGIONAL_TABLE_TYPES, type RegionalTableSpec } from "./regional-spec";

/**
 * The analysis spec (schema "econsheet.analysis", version 1): everything needed to rebuild a
 * study's indices and tables from its data. The headless runner (`econsheet run SPEC.json`)
 * and the task pane (saved in the workbook) read and write the same JSON. See docs/spec.md.
 */
export const SPEC_SCHEMA = "econsheet.analysis";
export const SPEC_VERSION = 1;

export type Direction = "+" | "-";
export type IndexMode = "pooled" | "year" | "periods";
export type ModelKind = "pooled" | "fe" | "re";
export type EffectKind = "individual" | "time" | "twoways";
export type VcovKind = "classical" | "robust" | "cluster";

export interface DataSpec {
  /** Workbook of yearbook sheets (path relative to the spec file), or a tidy CSV/XLSX panel. */
  workbook?: string;
  /** Sheets to import (default: every sheet the importer recognises). */
  sheets?: string[];
  /** Fill interior gaps by linear interpolation within province (default false: leave missing). */
  interpolate?: boolean;
  /** Entity and time column names of the tidy panel (default "province", "year"). */
  id?: string;
  time?: string;
}

export interface IndicatorSpec {
  name: string;
  direction?: Direction;
}

export interface IndicatorGroupSpec {
  /** Level-2 dimension (e.g. "劳动力创新"). */
  name: string;
  indicators: IndicatorSpec[];
}

export interface IndexSpec {
  /** Column name of the composite score in the panel (e.g. "fi"). */
  name: string;
  /** Display name (e.g. "要素创新"). */
  label?: string;
  mode?: IndexMode;
  /** Sub-periods reported beside the pooled weights, e.g. "2003;2004-2012;2013-2022;2023". */
  periods?: string;
  shift?: number;
  missing?: "error" | "drop" | "interpolate";
  groups: IndicatorGroupSpec[];
  /** Also write which provinces are above the national mean each year. */
  aboveMean?: boolean;
}

export interface ModelSpec {
  /** `y ~ x1 + x2 + lag(x1,1)` */
  formula: string;
  model?: ModelKind;
  effect?: EffectKind;
  vcov?: VcovKind;
  cluster?: string;
  /** Subsample, e.g. "region4=East". */
  where?: string;
  /** Column title (e.g. "East"). */
  title?: string;
}

/**
 * The wild cluster bootstrap of a table's coefficients (restricted WCR; DESIGN.md "Wild cluster
 * bootstrap"): its p goes in brackets under each SE and the stars come from it. Needs vcov cluster.
 */
export interface WildSpec {
  /** Draws B (Rademacher with 2^G ≤ B enumerates the 2^G sign vectors instead). */
  reps: number;
  weights?: "rademacher" | "webb";
  seed?: number;
  /** Terms tested (default every slope; for DID the treatment term). */
  terms?: string[];
}

export interface TableCommon {
  /** Sheet name and caption. */
  title: string;
  /** Display names for terms. */
  rename?: Record<string, string>;
  lang?: "en" | "zh";
}

export interface DescriptiveTableSpec extends TableCommon {
  type: "descriptive";
  vars: string[];
}

export interface RegressionTableSpec extends TableCommon {
  /** Wild cluster bootstrap p-values for the table's coefficients. */
  wild?: WildSpec;
  type: "regression";
  models: ModelSpec[];
  /** Terms shown, in order. */
  terms?: string[];
  foldControls?: string[];
}

export interface MediationTableSpec extends TableCommon {
  type: "mediation";
  y: string;
  x: string;
  mediators: string[];
  controls?: string[];
  model?: ModelKind;
  effect?: EffectKind;
  vcov?: VcovKind;
  bootstrap?: number;
  seed?: number;
}

export interface RobustnessTableSpec extends TableCommon {
  /** Wild cluster bootstrap p-values for the table's coefficients. */
  wild?: WildSpec;
  type: "robustness";
  base: ModelSpec;
  /** "lag": all regressors lagged one period; "lagx": only the first regressor; "re": random effects. */
  variants: ("lag" | "lagx" | "re")[];
  terms?: string[];
}

export interface HeterogeneityTableSpec extends TableCommon {
  /** Wild cluster bootstrap p-values for the table's coefficients. */
  wild?: WildSpec;
  type: "heterogeneity";
  base: ModelSpec;
  /** Built-in groupings ("region4": East/Central/West/Northeast; "southnorth") or explicit groups. */
  groups: "region4" | "southnorth" | { name: string; members: string[] }[];
  terms?: string[];
  /** The two groups whose coefficient of `term` is compared (default South/North, East/West, or the first two). */
  compare?: [string, string];
  /** The regressor compared (default the first). */
  term?: string;
}

/**
 * Difference-in-differences (two-way FE, SEs clustered by entity unless `vcov` says otherwise):
 * one column without controls and, when `controls` are given, one with them; the 2×2 group
 * means; optionally the event study and a placebo test. Treatment is exactly one of `treat`
 * (a 0/1 column), `treatedUnits` + `firstYear`, or `firstYearColumn` (staggered adoption).
 */
export interface DidTableSpec extends TableCommon {
  /** Wild cluster bootstrap p-values for the table's coefficients. */
  wild?: WildSpec;
  type: "did";
  y: string;
  controls?: string[];
  treat?: string;
  treatedUnits?: string[];
  firstYear?: number;
  firstYearColumn?: string;
  vcov?: VcovKind;
  cluster?: string;
  eventStudy?: { leads?: number; lags?: number; reference?: number };
  placebo?: { permutations: number; seed?: number };
}


export type TableSpec = DescriptiveTableSpec | RegressionTableSpec | MediationTableSpec | RobustnessTableSpec | HeterogeneityTableSpec | DidTableSpec | RegionalTableSpec;
/** The tables the task pane's Models step drafts (DID tables come from its Charts step, regional tables from its Index step). */
export type ModelTableSpec = Exclude<TableSpec, DidTableSpec | RegionalTableSpec>;
export { REGIONAL_TABLE_TYPES } from "./regional-spec";
export type { CouplingTableSpec, DagumTableSpec, DensityTableSpec, RegionalTableSpec } from "./regional-spec";

export interface AnalysisSpec {
  schema: typeof SPEC_SCHEMA;
  version: typeof SPEC_VERSION;
  title?: string;
  lang?: "en" | "zh";
  data: DataSpec;
  indices?: IndexSpec[];
  tables?: TableSpec[];
  /** Decimals of coefficients, SEs and statistics in every table (default 3). */
  digits?: number;
  /** Show the constant (常数项) in every regression table (default true). */
  constant?: boolean;
}

const TABLE_TYPES = ["descriptive", "regression", "mediation", "robustness", "heterogeneity", "did", ...REGIONAL_TABLE_TYPES] as const;

function fail(path: string, en: string, zh: string): never {
  throw inputError(`Analysis spec, ${path}: ${en}`, `分析设定 ${path}：${zh}`);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) fail(path, `unknown key '${k}'. Allowed: ${allowed.join(", ")}.`, `未知字段 '${k}'。可用字段：${allowed.join("、")}。`);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function checkModel(m: unknown, path: string): void {
  if (!isObject(m)) fail(path, "must be an object with a formula.", "应为含 formula 的对象。");
  checkKeys(m, ["formula", "model", "effect", "vcov", "cluster", "where", "title"], path);
  if (typeof m.formula !== "string" || !m.formula.includes("~")) fail(`${path}.formula`, "must be a formula like 'y ~ x1 + x2'.", "应为形如 'y ~ x1 + x2' 的公式。");
  if (m.model !== undefined && !["pooled", "fe", "re"].includes(m.model as string)) fail(`${path}.model`, `'${m.model}' is not one of pooled, fe, re.`, `'${m.model}' 不是 pooled、fe、re 之一。`);
  if (m.effect !== undefined && !["individual", "time", "twoways"].includes(m.effect as string)) fail(`${path}.effect`, `'${m.effect}' is not one of individual, time, twoways.`, `'${m.effect}' 不是 individual、time、twoways 之一。`);
  if (m.vcov !== undefined && !["classical", "robust", "cluster"].includes(m.vcov as string)) fail(`${path}.vcov`, `'${m.vcov}' is not one of classical, robust, cluster.`, `'${m.vcov}' 不是 classical、robust、cluster 之一。`);
}

const isInt = (v: unknown) => typeof v === "number" && Number.isInteger(v);

function checkWild(w: unknown, p: string): void {
  if (w === undefined) return;
  if (!isObject(w)) fail(p, "must be an object {reps, weights, seed, terms}.", "应为对象 {reps, weights, seed, terms}。");
  checkKeys(w, ["reps", "weights", "seed", "terms"], p);
  if (!isInt(w.reps) || (w.reps as number) < 1) fail(`${p}.reps`, `'${String(w.reps)}' must be a whole number of draws ≥ 1, e.g. 9999.`, `'${String(w.reps)}' 应为 ≥ 1 的整数抽样次数，如 9999。`);
  if (w.weights !== undefined && !["rademacher", "webb"].includes(w.weights as string)) fail(`${p}.weights`, `'${String(w.weights)}' is not one of rademacher, webb.`, `'${String(w.weights)}' 不是 rademacher、webb 之一。`);
  if (w.seed !== undefined && !isInt(w.seed)) fail(`${p}.seed`, `'${String(w.seed)}' must be a whole number.`, `'${String(w.seed)}' 应为整数。`);
  if (w.terms !== undefined && !(Array.isArray(w.terms) && w.terms.every((c) => typeof c === "string"))) fail(`${p}.terms`, "must be a list of term names.", "应为变量名列表。");
}

function checkDid(t: Record<string, unknown>, p: string, common: string[]): void {
  checkKeys(t, [...common, "y", "controls", "treat", "treatedUnits", "firstYear", "firstYearColumn", "vcov", "cluster", "eventStudy", "placebo", "wild"], p);
  checkWild(t.wild, `${p}.wild`);
  if (typeof t.y !== "string" || !t.y) fail(`${p}.y`, "is required (the outcome column).", "必填（结果变量列名）。");
  if (t.controls !== undefined && !(Array.isArray(t.controls) && t.controls.every((c) => typeof c === "string"))) fail(`${p}.controls`, "must be a list of column names.", "应为列名列表。");
  const ways = [t.treat !== undefined, t.treatedUnits !== undefined || t.firstYear !== undefined, t.firstYearColumn !== undefined].filter(Boolean).length;
  if (ways !== 1) fail(p, 'give the treatment in exactly one way: "treat" (a 0/1 column), "treatedUnits" with "firstYear", or "firstYearColumn".', '处理变量须且只能以一种方式给出："treat"（0/1 列）、"treatedUnits" 加 "firstYear"，或 "firstYearColumn"。');
  if (t.treatedUnits !== undefined || t.firstYear !== undefined) {
    if (!Array.isArray(t.treatedUnits) || t.treatedUnits.length === 0) fail(`${p}.treatedUnits`, "must list the treated units.", "应列出处理组个体。");
    if (!isInt(t.firstYear)) fail(`${p}.firstYear`, `'${String(t.firstYear)}' must be a year such as 2013.`, `'${String(t.firstYear)}' 应为年份，如 2013。`);
  }
  if (t.vcov !== undefined && !["classical", "robust", "cluster"].includes(t.vcov as string)) fail(`${p}.vcov`, `'${t.vcov}' is not one of classical, robust, cluster.`, `'${t.vcov}' 不是 classical、robust、cluster 之一。`);
  if (t.eventStudy !== undefined) {
    if (!isObject(t.eventStudy)) fail(`${p}.eventStudy`, "must be an object {leads, lags, reference}.", "应为对象 {leads, lags, reference}。");
    checkKeys(t.eventStudy, ["leads", "lags", "reference"], `${p}.eventStudy`);
    for (const k of ["leads", "lags", "reference"]) {
      const v = t.eventStudy[k];
      if (v !== undefined && !isInt(v)) fail(`${p}.eventStudy.${k}`, `'${String(v)}' must be a whole number.`, `'${String(v)}' 应为整数。`);
    }
  }
  if (t.placebo !== undefined) {
    if (!isObject(t.placebo)) fail(`${p}.placebo`, "must be an object {permutations, seed}.", "应为对象 {permutations, seed}。");
    checkKeys(t.placebo, ["permutations", "seed"], `${p}.placebo`);
    if (!isInt(t.placebo.permutations) || (t.placebo.permutations as number) < 1) fail(`${p}.placebo.permutations`, `'${String(t.placebo.permutations)}' must be a whole number ≥ 1.`, `'${String(t.placebo.permutations)}' 应为 ≥ 1 的整数。`);
    if (t.placebo.seed !== undefined && !isInt(t.placebo.seed)) fail(`${p}.placebo.seed`, `'${String(t.placebo.seed)}' must be a whole number.`, `'${String(t.placebo.seed)}' 应为整数。`);
  }
}

/**
 * Checks a parsed JSON value against the schema and returns it typed; `source` (the file name)
 * is named in the message. Every problem names its
 * path in the spec ("tables[2].models[0].formula") in English and Chinese.
 */
export function parseAnalysisSpec(json: unknown, source?: string): AnalysisSpec {
  // The JSON Schema first (spec-schema.ts): types, keys, enums, ranges, each problem by path.
  validateSpec(json, "analysis", source);
  // Then what a schema cannot say (e.g. the treatment given in exactly one way), naming the file.
  try {
    return checkSpecRules(json);
  } catch (e) {
    if (!source || !(e instanceof EconError)) throw e;
    throw inputError(e.text.en.replace(/^Analysis spec,/, `Analysis spec ${source},`), e.text.zh.replace(/^分析设定 /, `分析设定 ${source} `));
  }
}

function checkSpecRules(json: unknown): AnalysisSpec {
  if (!isObject(json)) fail("(root)", "must be a JSON object.", "应为 JSON 对象。");
  checkKeys(json, ["schema", "version", "title", "lang", "data", "indices", "tables", "$comment", "$schema", "digits", "constant"], "(root)");
  if (json.digits !== undefined && !(isInt(json.digits) && (json.digits as number) >= 0 && (json.digits as number) <= 8)) fail("digits", `'${String(json.digits)}' must be a whole number from 0 to 8.`, `'${String(json.digits)}' 应为 0 到 8 之间的整数。`);
  if (json.constant !== undefined && typeof json.constant !== "boolean") fail("constant", `'${String(json.constant)}' must be true or false.`, `'${String(json.constant)}' 应为 true 或 false。`);
  if (json.schema !== SPEC_SCHEMA) fail("schema", `must be "${SPEC_SCHEMA}".`, `应为 "${SPEC_SCHEMA}"。`);
  if (json.version !== SPEC_VERSION) fail("version", `version ${String(json.version)} is not supported; this EconSheet reads version ${SPEC_VERSION}.`, `不支持版本 ${String(json.version)}；当前版本只读取版本 ${SPEC_VERSION}。`);
  if (!isObject(json.data)) fail("data", "is required (where the data come from).", "缺少 data（数据来源）。");
  checkKeys(json.data, ["workbook", "sheets", "interpolate", "id", "time"], "data");
  const indices = json.indices ?? [];
  if (!Array.isArray(indices)) fail("indices", "must be a list.", "应为列表。");
  indices.forEach((ix, i) => {
    const p = `indices[${i}]`;
    if (!isObject(ix)) fail(p, "must be an object.", "应为对象。");
    checkKeys(ix, ["name", "label", "mode", "periods", "shift", "missing", "groups", "aboveMean"], p);
    if (typeof ix.name !== "string" || !ix.name) fail(`${p}.name`, "is required.", "必填。");
    if (ix.mode !== undefined && !["pooled", "year", "periods"].includes(ix.mode as string)) fail(`${p}.mode`, `'${ix.mode}' is not one of pooled, year, periods.`, `'${ix.mode}' 不是 pooled、year、periods 之一。`);
    if (ix.missing !== undefined && !["error", "drop", "interpolate"].includes(ix.missing as string)) fail(`${p}.missing`, `'${ix.missing}' is not one of error, drop, interpolate.`, `'${ix.missing}' 不是 error、drop、interpolate 之一。`);
    if (ix.shift !== undefined && !(typeof ix.shift === "number" && ix.shift >= 0)) fail(`${p}.shift`, `'${ix.shift}' must be 0 or a small positive number.`, `'${ix.shift}' 应为 0 或较小的正数。`);
    if (!Array.isArray(ix.groups) || ix.groups.length === 0) fail(`${p}.groups`, "must list at least one level-2 group with indicators.", "至少需要一个含指标的二级维度。");
    (ix.groups as unknown[]).forEach((g, k) => {
      const gp = `${p}.groups[${k}]`;
      if (!isObject(g)) fail(gp, "must be an object.", "应为对象。");
      checkKeys(g, ["name", "indicators"], gp);
      if (!Array.isArray(g.indicators) || g.indicators.length === 0) fail(`${gp}.indicators`, "must list at least one indicator.", "至少需要一个指标。");
      (g.indicators as unknown[]).forEach((ind, q) => {
        const ip = `${gp}.indicators[${q}]`;
        if (!isObject(ind)) fail(ip, "must be an object {name, direction}.", "应为对象 {name, direction}。");
        checkKeys(ind, ["name", "direction"], ip);
        if (ind.direction !== undefined && ind.direction !== "+" && ind.direction !== "-") fail(`${ip}.direction`, `'${ind.direction}' must be "+" or "-".`, `'${ind.direction}' 应为 "+" 或 "-"。`);
      });
    });
  });
  const tables = json.tables ?? [];
  if (!Array.isArray(tables)) fail("tables", "must be a list.", "应为列表。");
  tables.forEach((t, i) => {
    const p = `tables[${i}]`;
    if (!isObject(t)) fail(p, "must be an object.", "应为对象。");
    if (!TABLE_TYPES.includes(t.type as (typeof TABLE_TYPES)[number])) fail(`${p}.type`, `'${t.type}' is not one of ${TABLE_TYPES.join(", ")}.`, `'${t.type}' 不是 ${TABLE_TYPES.join("、")} 之一。`);
    if (typeof t.title !== "string" || !t.title) fail(`${p}.title`, "is required (it names the sheet).", "必填（用作工作表名）。");
    const common = ["type", "title", "rename", "lang"];
    switch (t.type) {
      case "descriptive":
        checkKeys(t, [...common, "vars"], p);
        if (!Array.isArray(t.vars) || t.vars.length === 0) fail(`${p}.vars`, "must list the variables.", "应列出变量。");
        break;
      case "regression":
        checkKeys(t, [...common, "models", "terms", "foldControls", "wild"], p);
        checkWild(t.wild, `${p}.wild`);
        if (!Array.isArray(t.models) || t.models.length === 0) fail(`${p}.models`, "must list at least one model.", "至少需要一个模型。");
        (t.models as unknown[]).forEach((m, k) => checkModel(m, `${p}.models[${k}]`));
        break;
      case "mediation":
        checkKeys(t, [...common, "y", "x", "mediators", "controls", "model", "effect", "vcov", "bootstrap", "seed"], p);
        if (typeof t.y !== "string" || typeof t.x !== "string") fail(p, 'needs "y" and "x" (column names).', '需要 "y" 和 "x"（列名）。');
        if (!Array.isArray(t.mediators) || t.mediators.length === 0) fail(`${p}.mediators`, "must list at least one mediator.", "至少需要一个中介变量。");
        break;
      case "robustness":
        checkKeys(t, [...common, "base", "variants", "terms", "wild"], p);
        checkWild(t.wild, `${p}.wild`);
        checkModel(t.base, `${p}.base`);
        if (!Array.isArray(t.variants) || t.variants.length === 0) fail(`${p}.variants`, 'must list at least one of "lag", "lagx", "re".', '至少需要 "lag"、"lagx"、"re" 之一。');
        (t.variants as unknown[]).forEach((v, k) => {
          if (!["lag", "lagx", "re"].includes(v as string)) fail(`${p}.variants[${k}]`, `'${v}' is not one of lag, lagx, re.`, `'${v}' 不是 lag、lagx、re 之一。`);
        });
        break;
      case "heterogeneity":
        checkKeys(t, [...common, "base", "groups", "terms", "compare", "term", "wild"], p);
        checkWild(t.wild, `${p}.wild`);
        checkModel(t.base, `${p}.base`);
        break;
      case "did":
        checkDid(t, p, common);
        break;
      case "coupling":
      case "dagum":
      case "density":
        checkRegional(t, p, common, { fail, checkKeys, isInt });
        break;
    }
  });
  return json as unknown as AnalysisSpec;
}
