import { inputError } from "../core/errors";
import { didYouMean } from "../core/options/did-you-mean";

/**
 * The `[options]` argument of ECON.* functions, in either form a user can type:
 * - one text cell: `"detail=TRUE; id=firm"` (pairs separated by `;`, key=value; a segment
 *   without `=` continues the previous value, so `periods=2003;2004-2012` works), or
 * - a two-column range of key / value pairs.
 * Excel passes null for an omitted argument. Keys are case-insensitive and returned in lower case.
 */
export type OptionsArg = string | number | boolean | null | undefined | (string | number | boolean | null)[][];

export function parseOptions(arg: OptionsArg): Map<string, string> {
  const out = new Map<string, string>();
  if (arg === null || arg === undefined || arg === "") return out;
  if (Array.isArray(arg)) {
    const flat = arg.length === 1 && arg[0].length === 1;
    if (flat) return parseOptions(arg[0][0]);
    for (const row of arg) {
      if (row.length < 2) {
        throw inputError("Options range: use two columns, a key and a value on each row.", "选项区域应为两列：每行一个键和一个值。");
      }
      const k = row[0];
      if (k === null || String(k).trim() === "") continue;
      out.set(String(k).trim().toLowerCase(), String(row[1] ?? "").trim());
    }
    return out;
  }
  // Pairs are separated by ";" and written key=value. A segment without "=" continues the previous
  // value, so values may themselves hold ";" (periods=2003;2004-2012, groups=labour:a,b;capital:c).
  const text = String(arg);
  let last: string | undefined;
  for (const part of text.split(/[;；\n]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([^=]+)=(.*)$/.exec(p);
    if (m) {
      last = m[1].trim().toLowerCase();
      out.set(last, m[2].trim());
    } else if (last !== undefined) {
      out.set(last, `${out.get(last)};${p}`);
    } else {
      out.set(p.toLowerCase(), "true");
    }
  }
  return out;
}

/**
 * Rejects an option key the function does not know, listing the allowed ones (with a
 * did-you-mean), and a `lang` other than en or zh (rather than silently answering in English).
 */
export function checkOptionKeys(options: Map<string, string>, allowed: readonly string[], fn: string): void {
  const lang = options.get("lang");
  if (lang !== undefined && allowed.includes("lang") && !["en", "zh"].includes(lang)) {
    throw inputError(`${fn}: option 'lang': '${lang}' is not available. Languages: en (English), zh (简体中文).`, `${fn}：选项 'lang'：不支持 '${lang}'。可选语言：en（English）、zh（简体中文）。`);
  }
  for (const k of options.keys()) {
    if (!allowed.includes(k)) {
      const guess = didYouMean(k, allowed);
      throw inputError(
        `${fn}: unknown option '${k}'.${guess ? ` Did you mean '${guess}'?` : ""} Allowed options: ${allowed.join(", ")}.`,
        `${fn}：未知选项 '${k}'。${guess ? `您是想写 '${guess}' 吗？` : ""}可用选项：${allowed.join("、")}。`,
      );
    }
  }
}

export function optionBool(options: Map<string, string>, key: string, fallback = false): boolean {
  const v = options.get(key);
  if (v === undefined) return fallback;
  const s = v.toLowerCase();
  if (["true", "1", "yes", "y", "是", "on"].includes(s)) return true;
  if (["false", "0", "no", "n", "否", "off"].includes(s)) return false;
  throw inputError(`Option '${key}': '${v}' is not TRUE or FALSE.`, `选项 '${key}'：'${v}' 不是 TRUE 或 FALSE。`);
}

/** An optional scalar argument: Excel passes null when omitted; "" counts as omitted too. */
export function optionalText(arg: unknown): string | undefined {
  if (arg === null || arg === undefined) return undefined;
  const s = String(arg).trim();
  return s === "" ? undefined : s;
}

/** Parses a comma/semicolon separated list of names ("a, b;c", also Chinese punctuation). */
export function parseVarList(text: string | null | undefined): string[] {
  if (!text) return [];
  return String(text).split(/[,;，；\s]+/).map((s) => s.trim()).filter(Boolean);
}

/** A list argument given either as a range of names or as text "a,b". */
export function listArg(arg: unknown): string[] {
  if (Array.isArray(arg)) return (arg as unknown[][]).flat().map(optionalText).filter((c): c is string => !!c);
  return parseVarList(optionalText(arg));
}
