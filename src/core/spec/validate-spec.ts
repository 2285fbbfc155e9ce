import type Ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import { inputError, Localized } from "../errors";
import { didYouMean } from "../options/did-you-mean";
import { groupDigits, MAX_REPLICATIONS, REPLICATION_LIMIT } from "../options/parse-option";
import { analysisSpecSchema, Schema, tableSpecSchema } from "./spec-schema";

/**
 * Checks a parsed spec against its JSON Schema (spec-schema.ts) with ajv before anything runs,
 * and turns every problem into one line naming its JSON path ("tables[0].groups: …") in English
 * and Chinese: wrong types, unknown keys (with a did-you-mean), values outside a list, numbers
 * out of range, non-integer counts. All problems are reported at once.
 */
export type SpecKind = "analysis" | "table";

const LABEL: Record<SpecKind, Localized> = { analysis: { en: "Analysis spec", zh: "分析设定" }, table: { en: "Table spec", zh: "表格设定" } };

let ajv: Ajv | undefined;
const compiled = new Map<SpecKind, ValidateFunction>();

function validator(kind: SpecKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    if (!ajv) {
      // Required here, not imported: ajv takes ~40 ms to load, and only `run` and `table` validate specs.
      // eslint-disable-next-line no-restricted-globals
      const AjvClass = (require("ajv") as typeof import("ajv")).default;
      ajv = new AjvClass({ allErrors: true, verbose: true, discriminator: true, allowUnionTypes: true, strict: true });
      ajv.addVocabulary(["expected"]);
    }
    v = ajv.compile(kind === "analysis" ? analysisSpecSchema() : tableSpecSchema());
    compiled.set(kind, v);
  }
  return v;
}

/** "/tables/0/models/1/formula" → "tables[0].models[1].formula"; "" → "(root)". */
export function jsonPath(pointer: string, child?: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "(root)";
}

function shown(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `a list (${JSON.stringify(v).slice(0, 40)})`;
  if (v !== null && typeof v === "object") return "an object";
  return `'${String(v)}'`;
}
function shownZh(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `列表（${JSON.stringify(v).slice(0, 40)}）`;
  if (v !== null && typeof v === "object") return "对象";
  return `'${String(v)}'`;
}

const TYPE_TEXT: Record<string, Localized> = {
  string: { en: "text", zh: "文本" }, number: { en: "a number", zh: "数值" }, integer: { en: "a whole number", zh: "整数" },
  boolean: { en: "true or false", zh: "true 或 false" }, array: { en: "a list [ … ]", zh: "列表 [ … ]" }, object: { en: "an object { … }", zh: "对象 { … }" },
};

function typeText(t: string | string[]): Localized {
  const ts = Array.isArray(t) ? t : [t];
  return { en: ts.map((x) => TYPE_TEXT[x]?.en ?? x).join(" or "), zh: ts.map((x) => TYPE_TEXT[x]?.zh ?? x).join("或") };
}

/** One problem as text, or undefined when another message covers it. */
function describeError(e: ErrorObject): { path: string; text: Localized } | undefined {
  const path = jsonPath(e.instancePath);
  const v = e.data;
  const expected = (e.parentSchema as Schema | undefined)?.expected as Localized | undefined;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const allowed = Object.keys(((e.parentSchema as Schema)?.properties ?? {}) as Schema).filter((k) => !k.startsWith("$"));
      const guess = didYouMean(key, allowed);
      return {
        path,
        text: {
          en: `unknown key '${key}'.${guess ? ` Did you mean '${guess}'?` : ""} Allowed: ${allowed.join(", ")}.`,
          zh: `未知字段 '${key}'。${guess ? `您是想写 '${guess}' 吗？` : ""}可用字段：${allowed.join("、")}。`,
        },
      };
    }
    case "required": {
      const name = String(p.missingProperty);
      const sub = ((e.parentSchema as Schema)?.properties ?? {})[name] as Schema | undefined;
      if (sub && sub.const !== undefined) return { path: jsonPath(e.instancePath, name), text: { en: `must be ${JSON.stringify(sub.const)} (it is missing).`, zh: `应为 ${JSON.stringify(sub.const)}（缺失）。` } };
      return { path: jsonPath(e.instancePath, name), text: { en: `is required${sub?.expected ? ` (${sub.expected.en})` : ""}.`, zh: `必填${sub?.expected ? `（${sub.expected.zh}）` : ""}。` } };
    }
    case "type": {
      if (expected) return { path, text: { en: `must be ${expected.en}; got ${shown(v)}.`, zh: `应为${expected.zh}；实际为 ${shownZh(v)}。` } };
      const t = typeText(p.type as string | string[]);
      if (p.type === "integer" && typeof v === "number") return { path, text: { en: `${shown(v)} must be a whole number (no decimals).`, zh: `${shownZh(v)} 应为整数（不能有小数）。` } };
      return { path, text: { en: `must be ${t.en}; got ${shown(v)}.`, zh: `应为${t.zh}；实际为 ${shownZh(v)}。` } };
    }
    case "enum": {
      const list = (p.allowedValues as unknown[]).map(String);
      return { path, text: { en: `${shown(v)} is not one of ${list.join(", ")}.`, zh: `${shownZh(v)} 不是 ${list.join("、")} 之一。` } };
    }
    case "const":
      if (path === "version") return { path, text: { en: `version ${String(v)} is not supported; this EconSheet reads version ${String(p.allowedValue)}.`, zh: `不支持版本 ${String(v)}；当前版本只读取版本 ${String(p.allowedValue)}。` } };
      return { path, text: { en: `must be ${JSON.stringify(p.allowedValue)}.`, zh: `应为 ${JSON.stringify(p.allowedValue)}。` } };
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const s = e.parentSchema as Schema;
      const integer = s.type === "integer";
      if (e.keyword === "maximum" && s.maximum === MAX_REPLICATIONS) {
        return {
          path,
          text: {
            en: `${shown(v)} is too large: at most ${groupDigits(MAX_REPLICATIONS)} replications (${REPLICATION_LIMIT.reason.en}).`,
            zh: `${shownZh(v)} 过大：最多 ${groupDigits(MAX_REPLICATIONS)} 次（${REPLICATION_LIMIT.reason.zh}）。`,
          },
        };
      }
      const num = (x: number) => (Number.isInteger(x) ? groupDigits(x) : String(x));
      const lo = s.minimum !== undefined ? `≥ ${num(s.minimum)}` : s.exclusiveMinimum !== undefined ? `> ${num(s.exclusiveMinimum)}` : "";
      const hi = s.maximum !== undefined ? `≤ ${num(s.maximum)}` : s.exclusiveMaximum !== undefined ? `< ${num(s.exclusiveMaximum)}` : "";
      const range = [lo, hi].filter(Boolean).join(" and ");
      const rangeZh = [lo, hi].filter(Boolean).join(" 且 ");
      return { path, text: { en: `${shown(v)} must be ${integer ? "a whole number" : "a number"} ${range}.`, zh: `${shownZh(v)} 应为${integer ? "整数" : "数值"}，${rangeZh}。` } };
    }
    case "minItems":
      return { path, text: { en: `must list at least ${String(p.limit)} item(s)${expected ? ` (${expected.en})` : ""}.`, zh: `至少需要 ${String(p.limit)} 项${expected ? `（${expected.zh}）` : ""}。` } };
    case "maxItems":
      return { path, text: { en: `must list at most ${String(p.limit)} item(s)${expected ? ` (${expected.en})` : ""}.`, zh: `最多 ${String(p.limit)} 项${expected ? `（${expected.zh}）` : ""}。` } };
    case "minLength":
      return { path, text: { en: "must not be empty.", zh: "不能为空。" } };
    case "pattern":
      return { path, text: expected ? { en: `${shown(v)} must be ${expected.en}.`, zh: `${shownZh(v)} 应为${expected.zh}。` } : { en: `${shown(v)} has the wrong form.`, zh: `${shownZh(v)} 格式不对。` } };
    case "anyOf":
    case "oneOf":
      return { path, text: expected ? { en: `must be ${expected.en}; got ${shown(v)}.`, zh: `应为${expected.zh}；实际为 ${shownZh(v)}。` } : { en: `${shown(v)} does not fit any allowed form.`, zh: `${shownZh(v)} 不符合任何允许的形式。` } };
    case "discriminator": {
      const branches = ((e.parentSchema as Schema).oneOf as Schema[]).map((b) => String(b.properties.type.const));
      if (p.error === "tag" && v && typeof v === "object" && (v as Record<string, unknown>).type === undefined) return { path: jsonPath(e.instancePath, "type"), text: { en: `is required: one of ${branches.join(", ")}.`, zh: `必填：${branches.join("、")} 之一。` } };
      const t = (v as Record<string, unknown>)?.type;
      return { path: jsonPath(e.instancePath, "type"), text: { en: `${shown(t)} is not one of ${branches.join(", ")}.`, zh: `${shownZh(t)} 不是 ${branches.join("、")} 之一。` } };
    }
    default:
      return { path, text: { en: e.message ?? "is not valid.", zh: e.message ?? "无效。" } };
  }
}

/** The problems of a spec, one per JSON path and kind, or [] when it is valid. */
export function specProblems(json: unknown, kind: SpecKind): { path: string; text: Localized }[] {
  const validate = validator(kind);
  if (validate(json)) return [];
  const errors = validate.errors ?? [];
  // A union (anyOf with `expected`): when the value has the shape of one branch (the errors lie
  // inside the value, e.g. groups[0].members), those errors are the precise ones; otherwise the
  // union's summary of the allowed forms speaks for all branches.
  const isUnion = (e: ErrorObject) => e.keyword === "anyOf" || e.keyword === "oneOf";
  const drop = new Set<ErrorObject>();
  for (const u of errors.filter(isUnion)) {
    const base = u.schemaPath.replace(/\/(anyOf|oneOf)$/, "");
    const below = errors.filter((e) => e !== u && e.schemaPath.startsWith(base + "/"));
    const inside = below.filter((e) => e.instancePath.length > u.instancePath.length);
    if (inside.length > 0) {
      drop.add(u);
      for (const e of below) if (!inside.includes(e)) drop.add(e);
    } else for (const e of below) drop.add(e);
  }
  // A typo answers for the key it misspells: "unknown key 'modles'. Did you mean 'models'?" says
  // all that "models: is required" would.
  for (const e of errors) {
    if (e.keyword !== "additionalProperties") continue;
    const allowed = Object.keys(((e.parentSchema as Schema)?.properties ?? {}) as Schema);
    const guess = didYouMean(String((e.params as Record<string, unknown>).additionalProperty), allowed);
    for (const r of errors) if (r.keyword === "required" && r.instancePath === e.instancePath && (r.params as Record<string, unknown>).missingProperty === guess) drop.add(r);
  }
  const kept = errors.filter((e) => !drop.has(e));
  // An integer type error already says "whole number"; a range error on the same value adds nothing.
  const out: { path: string; text: Localized }[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const d = describeError(e);
    if (!d) continue;
    const key = `${d.path}\u0000${d.text.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * Throws one error listing every problem, each naming its path, e.g.
 * "Analysis spec study.json, tables[0].groups: must be …". `source` names the file when known.
 */
export function validateSpec(json: unknown, kind: SpecKind, source?: string): void {
  const problems = specProblems(json, kind);
  if (problems.length === 0) return;
  const label = LABEL[kind];
  const head = { en: source ? `${label.en} ${source}` : label.en, zh: source ? `${label.zh} ${source}` : label.zh };
  if (problems.length === 1) {
    const [q] = problems;
    throw inputError(`${head.en}, ${q.path}: ${q.text.en}`, `${head.zh} ${q.path}：${q.text.zh}`);
  }
  throw inputError(
    `${head.en} has ${problems.length} problems:\n` + problems.map((q) => `  ${q.path}: ${q.text.en}`).join("\n"),
    `${head.zh} 有 ${problems.length} 处问题：\n` + problems.map((q) => `  ${q.path}：${q.text.zh}`).join("\n"),
  );
}
