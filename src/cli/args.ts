import { inputError } from "../core/errors";
import { didYouMean } from "../core/options/did-you-mean";
import { IntegerRule, parseInteger, parseNumber, NumberRule } from "../core/options/parse-option";

/** Parsed command line: positional words and `--flag value` / `--flag` (boolean) options. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Parses `--name value`, `--name=value` and bare `--name` (true). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        flags.set(a.slice(2, eq), a.slice(eq + 1));
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        flags.set(a.slice(2), argv[++i]);
      } else {
        flags.set(a.slice(2), true);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

/** A string option; an error naming the flag when it is required and absent. */
export function flagString(args: ParsedArgs, name: string, required: true): string;
export function flagString(args: ParsedArgs, name: string, required?: false): string | undefined;
export function flagString(args: ParsedArgs, name: string, required = false): string | undefined {
  const v = args.flags.get(name);
  if (v === undefined || v === true) {
    if (required) throw inputError(`Missing option --${name}.`, `缺少选项 --${name}。`);
    return undefined;
  }
  return v;
}

export function flagBool(args: ParsedArgs, name: string): boolean {
  const v = args.flags.get(name);
  return v === true || v === "true" || v === "1" || v === "yes";
}

export function flagNumber(args: ParsedArgs, name: string, rule: NumberRule = {}): number | undefined {
  return parseNumber(flagValue(args, name), `--${name}`, rule);
}

/** A whole-number option checked by the core's one option parser (names the flag when refused). */
export function flagInteger(args: ParsedArgs, name: string, rule: IntegerRule): number | undefined {
  return parseInteger(flagValue(args, name), `--${name}`, rule);
}

/** The text after a flag that needs a value; a bare `--name` is an error saying so. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw inputError(`Option --${name} needs a value, e.g. --${name} 100.`, `选项 --${name} 需要一个值，例如 --${name} 100。`);
  return v;
}

/** "a,b,c" -> ["a","b","c"] (also accepts Chinese commas and semicolons). */
export function flagList(args: ParsedArgs, name: string): string[] | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  return v.split(/[,;，；]/).map((s) => s.trim()).filter(Boolean);
}

/** Rejects flags the command does not know, listing the allowed ones. */
export function checkFlags(args: ParsedArgs, allowed: readonly string[]): void {
  for (const k of args.flags.keys()) {
    if (!allowed.includes(k)) {
      const guess = didYouMean(k, allowed);
      throw inputError(
        `Unknown option --${k}.${guess ? ` Did you mean --${guess}?` : ""} Allowed: ${allowed.map((a) => "--" + a).join(", ")}.`,
        `未知选项 --${k}。${guess ? `您是想用 --${guess} 吗？` : ""}可用选项：${allowed.map((a) => "--" + a).join("、")}。`,
      );
    }
  }
}
