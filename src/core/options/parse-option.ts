import { inputError, Localized } from "../errors";

/**
 * One parser for the counts and numbers a user types, wherever they type them: command-line
 * flags (`--bootstrap 999`), analysis/table spec fields (`tables[2].bootstrap`) and ECON.*
 * options (`digits=3`). `where` names the place in the message ("--bootstrap",
 * "option 'digits'", "tables[2].placebo.permutations"). Every refusal names the value, the
 * place and what is allowed, in English and Chinese. Office-free (src/core).
 */

/** A stated upper limit: the largest value allowed, and why. */
export interface UpperLimit {
  max: number;
  /** Why there is a limit, e.g. "each replication re-fits the model". */
  reason: Localized;
}

export interface IntegerRule {
  min: number;
  /** Inclusive upper bound; a plain number or a limit with its reason. */
  max?: number | UpperLimit;
  /** What the value counts, for the message ("replications", "置换次数"). */
  what?: Localized;
  /** False: `max` is only stated in the messages, the caller checks it later (with a time estimate). */
  enforceMax?: boolean;
}

/** Formats an integer with thousands separators (100,000). */
export function groupDigits(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function describeValue(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `'${String(v)}'`;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const s = v.trim().replace(/[,_](?=\d{3}(\D|$))/g, "");
    if (s === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(s)) return undefined;
    return Number(s.replace(/%$/, ""));
  }
  return undefined;
}

function rangeText(min: number, max: number | undefined, lang: "en" | "zh"): string {
  if (max === undefined) return lang === "en" ? `≥ ${groupDigits(min)}` : `≥ ${groupDigits(min)}`;
  return lang === "en" ? `from ${groupDigits(min)} to ${groupDigits(max)}` : `${groupDigits(min)} 到 ${groupDigits(max)} 之间`;
}

/**
 * A whole number within [min, max]. Undefined, null and "" give undefined (the option is
 * omitted). Accepts numbers and numeric text ("1e3", "1,000"); refuses 2.5, "abc", -5.
 */
export function parseInteger(value: unknown, where: string, rule: IntegerRule): number | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const max = typeof rule.max === "number" ? rule.max : rule.max?.max;
  const n = toNumber(value);
  const shown = describeValue(value);
  const range = { en: rangeText(rule.min, max, "en"), zh: rangeText(rule.min, max, "zh") };
  if (n === undefined || !Number.isFinite(n)) {
    throw inputError(`${where}: ${shown} is not a whole number; give one ${range.en}.`, `${where}：${shown} 不是整数；请给出 ${range.zh} 的整数。`);
  }
  if (!Number.isInteger(n)) {
    throw inputError(`${where}: ${shown} is not a whole number; give one ${range.en} (no decimals).`, `${where}：${shown} 不是整数；请给出 ${range.zh} 的整数（不要小数）。`);
  }
  if (n < rule.min) {
    throw inputError(`${where}: ${shown} is below the smallest allowed value ${groupDigits(rule.min)}; give a whole number ${range.en}.`, `${where}：${shown} 小于允许的最小值 ${groupDigits(rule.min)}；请给出 ${range.zh} 的整数。`);
  }
  if (max !== undefined && n > max && rule.enforceMax !== false) {
    const lim = typeof rule.max === "object" ? rule.max : undefined;
    const what = rule.what ?? { en: "", zh: "" };
    throw inputError(
      `${where}: ${shown} is too large: at most ${groupDigits(max)}${what.en ? " " + what.en : ""}${lim ? ` (${lim.reason.en})` : ""}.`,
      `${where}：${shown} 过大：最多 ${groupDigits(max)}${what.zh ? " " + what.zh : ""}${lim ? `（${lim.reason.zh}）` : ""}。`,
    );
  }
  return n;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Bounds excluded (min < x < max). */
  exclusive?: boolean;
}

/** A finite number within the bounds; undefined when omitted. */
export function parseNumber(value: unknown, where: string, rule: NumberRule = {}): number | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const n = toNumber(value);
  const shown = describeValue(value);
  if (n === undefined || !Number.isFinite(n)) throw inputError(`${where}: ${shown} is not a number.`, `${where}：${shown} 不是数值。`);
  const lo = rule.min, hi = rule.max;
  const below = lo !== undefined && (rule.exclusive ? n <= lo : n < lo);
  const above = hi !== undefined && (rule.exclusive ? n >= hi : n > hi);
  if (below || above) {
    const en = lo !== undefined && hi !== undefined ? (rule.exclusive ? `between ${lo} and ${hi} (exclusive)` : `from ${lo} to ${hi}`) : lo !== undefined ? (rule.exclusive ? `greater than ${lo}` : `at least ${lo}`) : `at most ${hi}`;
    const zh = lo !== undefined && hi !== undefined ? (rule.exclusive ? `大于 ${lo} 且小于 ${hi}` : `${lo} 到 ${hi} 之间`) : lo !== undefined ? (rule.exclusive ? `大于 ${lo}` : `不小于 ${lo}`) : `不大于 ${hi}`;
    throw inputError(`${where}: ${shown} is out of range; it must be ${en}.`, `${where}：${shown} 超出范围；应${zh}。`);
  }
  return n;
}

/**
 * A confidence level: a share in (0, 1) (0.95) or a percentage from 50 to 99.9 (95, "95%");
 * returned as a share.
 */
export function parseLevel(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const n = toNumber(value);
  const shown = describeValue(value);
  const hint = { en: "give a share such as 0.95 or a percentage from 50 to 99.9 such as 95", zh: "请给出 0.95 这样的比例，或 50 到 99.9 之间的百分数，如 95" };
  if (n === undefined || !Number.isFinite(n)) throw inputError(`${where}: ${shown} is not a confidence level; ${hint.en}.`, `${where}：${shown} 不是置信水平；${hint.zh}。`);
  if (n > 0 && n < 1) return n;
  if (n >= 50 && n <= 99.9) return Number((n / 100).toPrecision(12));
  throw inputError(`${where}: ${shown} is not a confidence level; ${hint.en}.`, `${where}：${shown} 不是有效的置信水平；${hint.zh}。`);
}

/** Decimals shown in a table: a whole number from 0 to 10. */
export function parseDigits(value: unknown, where: string): number | undefined {
  return parseInteger(value, where, { min: 0, max: 10 });
}

/** The largest resampling counts (bootstrap replications, placebo permutations) anywhere. */
export const MAX_REPLICATIONS = 100_000;
/** The widest event-study window on either side (each period adds a dummy column). */
export const MAX_EVENT_WINDOW = 1000;

export const REPLICATION_LIMIT: UpperLimit = {
  max: MAX_REPLICATIONS,
  reason: { en: "each one recomputes the estimate on resampled data; more than 100,000 do not change a p-value or interval at the digits reported", zh: "每次都要在重抽样数据上重新计算估计量；超过 100,000 次对所报告位数的 p 值或区间已无影响" },
};

export const WINDOW_LIMIT: UpperLimit = {
  max: MAX_EVENT_WINDOW,
  reason: { en: "each period of the window adds a dummy column", zh: "窗口的每一期都会增加一个虚拟变量列" },
};

/** Bootstrap replications / placebo permutations: 0 (none) up to MAX_REPLICATIONS. */
export function parseReplications(value: unknown, where: string, min = 0): number | undefined {
  return parseInteger(value, where, { min, max: REPLICATION_LIMIT, what: { en: "replications", zh: "次" } });
}

/** Event-study leads (≥ 1) and lags (≥ 0). */
export function parseWindow(value: unknown, where: string, min: number): number | undefined {
  return parseInteger(value, where, { min, max: WINDOW_LIMIT, what: { en: "periods", zh: "期" } });
}

/** Event-study reference period (relative time, e.g. −1). */
export function parseReference(value: unknown, where: string): number | undefined {
  return parseInteger(value, where, { min: -MAX_EVENT_WINDOW, max: MAX_EVENT_WINDOW });
}

/**
 * "this run would take about N min": a rough duration from a measured time per unit.
 * Seconds below two minutes, minutes below two hours, hours above.
 */
export function durationText(seconds: number): Localized {
  if (!Number.isFinite(seconds) || seconds < 0) return { en: "an unknown time", zh: "未知时间" };
  if (seconds < 120) return { en: `${Math.max(1, Math.round(seconds))} s`, zh: `${Math.max(1, Math.round(seconds))} 秒` };
  if (seconds < 7200) return { en: `${Math.round(seconds / 60)} min`, zh: `${Math.round(seconds / 60)} 分钟` };
  return { en: `${(seconds / 3600).toFixed(1)} h`, zh: `${(seconds / 3600).toFixed(1)} 小时` };
}

/**
 * Refuses a resampling count above the limit with an estimate of how long it would take, from
 * the measured seconds of one replication: "at most 100,000 replications; this run would take
 * about 3.5 h".
 */
export function replicationLimitError(where: string, requested: number, secondsPerReplication: number): Error {
  const d = durationText(requested * secondsPerReplication);
  const at = durationText(MAX_REPLICATIONS * secondsPerReplication);
  return inputError(
    `${where}: ${groupDigits(requested)} is too many: at most ${groupDigits(MAX_REPLICATIONS)} replications (${REPLICATION_LIMIT.reason.en}); this run would take about ${d.en} (${groupDigits(MAX_REPLICATIONS)} take about ${at.en}).`,
    `${where}：${groupDigits(requested)} 次过多：最多 ${groupDigits(MAX_REPLICATIONS)} 次（${REPLICATION_LIMIT.reason.zh}）；本次运行约需 ${d.zh}（${groupDigits(MAX_REPLICATIONS)} 次约需 ${at.zh}）。`,
  );
}

/**
 * A resampling count as typed, checked to be a whole number ≥ min but not yet against the
 * limit: the caller measures one replication and calls `checkReplicationLimit`, so the refusal
 * can say how long the run would take.
 */
export function parseReplicationCount(value: unknown, where: string, min = 0): number | undefined {
  return parseInteger(value, where, { min, max: REPLICATION_LIMIT, enforceMax: false });
}

/** Throws `replicationLimitError` when `requested` exceeds the limit; `secondsPerReplication` is called only then. */
export function checkReplicationLimit(where: string, requested: number, secondsPerReplication: () => number): void {
  if (requested > MAX_REPLICATIONS) throw replicationLimitError(where, requested, secondsPerReplication());
}
