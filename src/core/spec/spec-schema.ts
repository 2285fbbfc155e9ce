import { MAX_EVENT_WINDOW, MAX_REPLICATIONS } from "../options/parse-option";

/**
 * JSON Schemas (draft 2020-12 subset, checked by ajv in validate-spec.ts) of the two spec files:
 * the analysis spec (`econsheet run`, docs/spec.md) and the regression-table spec
 * (`econsheet table`). Every object closes its keys (additionalProperties: false), so a typo is
 * an error with a did-you-mean; counts are integers with stated bounds.
 *
 * To extend (additive edits only): add a property to the object it belongs to
 * (e.g. `MODEL.properties.wildBootstrap = {...}`) or a table type to `TABLE_TYPES_SCHEMA`
 * (`coupling: {...}`); the table list's `oneOf` is built from that map. Annotation
 * `expected: {en, zh}` on a node replaces ajv's wording with a description of what is allowed.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;

const text = (en: string, zh: string) => ({ en, zh });

export const NAME: Schema = { type: "string", minLength: 1, expected: text("a column name (text)", "列名（文本）") };
export const NAME_LIST: Schema = { type: "array", items: NAME, expected: text('a list of column names, e.g. ["a", "b"]', '列名列表，例如 ["a", "b"]') };
export const NAME_LIST_NONEMPTY: Schema = { ...NAME_LIST, minItems: 1 };
const LANG: Schema = { enum: ["en", "zh"] };
const MODEL_KIND: Schema = { enum: ["pooled", "fe", "re"] };
const EFFECT_KIND: Schema = { enum: ["individual", "time", "twoways"] };
const VCOV_KIND: Schema = { enum: ["classical", "robust", "cluster"] };
const YEAR: Schema = { type: "integer", minimum: -100000, maximum: 100000, expected: text("a year such as 2013", "年份，例如 2013") };
const SEED: Schema = { type: "integer", expected: text("a whole number (the random seed)", "整数（随机数种子）") };
const RENAME: Schema = { type: "object", additionalProperties: { type: "string" }, expected: text('an object of display names, e.g. {"fi": "要素创新"}', '显示名称对象，例如 {"fi": "要素创新"}') };
const FORMULA: Schema = { type: "string", pattern: "~", expected: text("a formula like 'y ~ x1 + x2'", "形如 'y ~ x1 + x2' 的公式") };
export const REPLICATIONS: Schema = { type: "integer", minimum: 0, maximum: MAX_REPLICATIONS };

/** A regression column of the analysis spec. */
export const MODEL: Schema = {
  type: "object",
  required: ["formula"],
  additionalProperties: false,
  properties: { formula: FORMULA, model: MODEL_KIND, effect: EFFECT_KIND, vcov: VCOV_KIND, cluster: NAME, where: { type: "string" }, title: { type: "string" } },
};

/** The wild cluster bootstrap of a table's coefficients (issue #16; docs/spec.md). */
export const WILD: Schema = {
  type: "object",
  required: ["reps"],
  additionalProperties: false,
  properties: {
    reps: { type: "integer", minimum: 1, maximum: MAX_REPLICATIONS, expected: text("a whole number of draws ≥ 1, e.g. 9999", "≥ 1 的整数抽样次数，例如 9999") },
    weights: { enum: ["rademacher", "webb"] }, seed: SEED, terms: NAME_LIST,
  },
};
const GROUPING: Schema = { type: "string", minLength: 1, expected: text('"region4", "southnorth" or a column name', '"region4"、"southnorth" 或列名') };

const COMMON = { type: { type: "string" }, title: { type: "string", minLength: 1 }, rename: RENAME, lang: LANG };

/** One schema per table type (key = the `type` value). Add a type here to add a table. */
export const TABLE_TYPES_SCHEMA: Record<string, Schema> = {
  descriptive: { required: ["vars"], properties: { vars: NAME_LIST_NONEMPTY } },
  regression: {
    required: ["models"],
    properties: { models: { type: "array", minItems: 1, items: MODEL, expected: text("a list of models [{formula, …}]", "模型列表 [{formula, …}]") }, terms: NAME_LIST, foldControls: NAME_LIST, wild: WILD },
  },
  mediation: {
    required: ["y", "x", "mediators"],
    properties: {
      y: NAME, x: NAME, mediators: NAME_LIST_NONEMPTY, controls: NAME_LIST, model: MODEL_KIND, effect: EFFECT_KIND, vcov: VCOV_KIND,
      bootstrap: REPLICATIONS, seed: SEED,
    },
  },
  robustness: {
    required: ["base", "variants"],
    properties: { base: MODEL, variants: { type: "array", minItems: 1, items: { enum: ["lag", "lagx", "re"] } }, terms: NAME_LIST, wild: WILD },
  },
  heterogeneity: {
    required: ["base", "groups"],
    properties: {
      base: MODEL,
      groups: {
        anyOf: [
          { enum: ["region4", "southnorth"] },
          { type: "array", minItems: 1, items: { type: "object", required: ["name", "members"], additionalProperties: false, properties: { name: { type: "string", minLength: 1 }, members: NAME_LIST_NONEMPTY } } },
        ],
        expected: text('"region4", "southnorth", or a list of groups [{"name": "East", "members": ["北京", …]}]', '"region4"、"southnorth"，或分组列表 [{"name": "East", "members": ["北京", …]}]'),
      },
      terms: NAME_LIST,
      compare: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2, expected: text('two group names, e.g. ["South", "North"]', '两个组名，例如 ["South", "North"]') },
      term: NAME,
      wild: WILD,
    },
  },
  did: {
    required: ["y"],
    properties: {
      y: NAME, controls: NAME_LIST, treat: NAME, treatedUnits: NAME_LIST_NONEMPTY, firstYear: YEAR, firstYearColumn: NAME, vcov: VCOV_KIND, cluster: NAME,
      eventStudy: {
        type: "object",
        additionalProperties: false,
        properties: {
          leads: { type: "integer", minimum: 1, maximum: MAX_EVENT_WINDOW },
          lags: { type: "integer", minimum: 0, maximum: MAX_EVENT_WINDOW },
          reference: { type: "integer", minimum: -MAX_EVENT_WINDOW, maximum: MAX_EVENT_WINDOW },
        },
      },
      placebo: { type: "object", required: ["permutations"], additionalProperties: false, properties: { permutations: { ...REPLICATIONS, minimum: 1 }, seed: SEED } },
      wild: WILD,
    },
  },
  // Regional analysis of the indices (issue #17; regional-spec.ts, docs/regional.md).
  coupling: {
    required: ["systems"],
    properties: {
      systems: { ...NAME_LIST, minItems: 2, expected: text('two or more index columns, e.g. ["fi", "rcd"]', '两个及以上指数列，例如 ["fi", "rcd"]') },
      alpha: { type: "array", items: { type: "number", minimum: 0, maximum: 1 }, expected: text("a list of numbers summing to 1, one per system", "数值列表（每个系统一个，之和为 1）") },
      groups: GROUPING,
    },
  },
  dagum: { required: ["var"], properties: { var: NAME, groups: GROUPING, theil: { type: "boolean" } } },
  density: {
    required: ["var"],
    properties: {
      var: NAME,
      years: { type: "array", minItems: 1, items: YEAR, expected: text("a list of years, e.g. [2003, 2013, 2023]", "年份列表，例如 [2003, 2013, 2023]") },
      points: { type: "integer", minimum: 2, maximum: 100000 },
    },
  },
};

/** The schema of one entry of `tables`, by its `type` (a discriminated union). */
export function tableSchema(): Schema {
  return {
    type: "object",
    discriminator: { propertyName: "type" },
    oneOf: Object.entries(TABLE_TYPES_SCHEMA).map(([type, s]) => ({
      ...s,
      type: "object",
      additionalProperties: false,
      required: [...new Set(["type", "title", ...(s.required ?? [])])],
      properties: { ...COMMON, ...s.properties, type: { const: type } },
    })),
  };
}

export const INDICATOR: Schema = { type: "object", required: ["name"], additionalProperties: false, properties: { name: NAME, direction: { enum: ["+", "-"] } } };

export const INDEX: Schema = {
  type: "object",
  required: ["name", "groups"],
  additionalProperties: false,
  properties: {
    name: NAME, label: { type: "string" }, mode: { enum: ["pooled", "year", "periods"] },
    periods: { type: "string", expected: text('text such as "2003;2004-2012;2013-2022"', '文本，例如 "2003;2004-2012;2013-2022"') },
    shift: { type: "number", minimum: 0, maximum: 1 }, missing: { enum: ["error", "drop", "interpolate"] }, aboveMean: { type: "boolean" },
    groups: {
      type: "array", minItems: 1,
      items: { type: "object", required: ["name", "indicators"], additionalProperties: false, properties: { name: { type: "string" }, indicators: { type: "array", minItems: 1, items: INDICATOR } } },
      expected: text('a list of level-2 groups [{"name": …, "indicators": [{"name": …}]}]', '二级维度列表 [{"name": …, "indicators": [{"name": …}]}]'),
    },
  },
};

export const DATA: Schema = {
  type: "object",
  additionalProperties: false,
  properties: {
    workbook: { type: "string", minLength: 1, expected: text("a file name (text), relative to the spec's folder", "文件名（文本），相对于设定文件所在文件夹") },
    sheets: { type: "array", items: { type: "string" } }, interpolate: { type: "boolean" }, id: NAME, time: NAME,
  },
};

/** The analysis spec (schema "econsheet.analysis", version 1). */
export function analysisSpecSchema(): Schema {
  return {
    type: "object",
    required: ["schema", "version", "data"],
    additionalProperties: false,
    properties: {
      $comment: {}, $schema: { type: "string" }, schema: { const: "econsheet.analysis" }, version: { const: 1 }, title: { type: "string" }, lang: LANG,
      digits: { type: "integer", minimum: 0, maximum: 8 }, constant: { type: "boolean" },
      data: DATA, indices: { type: "array", items: INDEX }, tables: { type: "array", items: tableSchema() },
    },
  };
}

/** A column of the table spec: the analysis spec's model plus the estimator options the table command passes on. */
export const TABLE_MODEL: Schema = {
  type: "object",
  required: ["formula"],
  additionalProperties: false,
  properties: {
    formula: FORMULA, model: { type: "string" }, effect: { type: "string" }, vcov: { type: "string" }, cluster: NAME, clusterAdjustment: { enum: ["stata", "plm", "none"] },
    where: { type: "string" }, title: { type: "string" }, level: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
  },
};

/** The regression-table spec of `econsheet table SPEC.json`. */
export function tableSpecSchema(): Schema {
  return {
    type: "object",
    required: ["id", "time", "models"],
    additionalProperties: false,
    properties: {
      $comment: {}, $schema: { type: "string" }, data: { type: "string", minLength: 1, expected: text("a file name (text), relative to the spec's folder", "文件名（文本），相对于设定文件所在文件夹") }, sheet: { type: "string" },
      id: NAME, time: NAME, models: { type: "array", minItems: 1, items: TABLE_MODEL, expected: text("a list of models [{formula, …}]", "模型列表 [{formula, …}]") }, by: NAME,
      lang: LANG, title: { type: "string" }, terms: NAME_LIST, rename: RENAME, under: { enum: ["se", "t"] }, digits: { type: "integer", minimum: 0, maximum: 10 },
      starLevels: { type: "array", items: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 } }, constant: { type: "boolean" }, effectRows: { type: "boolean" },
      foldControls: { type: "boolean" }, depVarLabel: { type: "string" }, notes: { type: "array", items: { type: "string" } },
      wild: WILD, depVarRow: { type: "boolean" },
    },
  };
}
