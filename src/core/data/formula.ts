import { PanelFrame, panelKey } from "./panel-frame";
import { inputError } from "../errors";
import { rangeRow } from "./data-table";

/**
 * Model formulas: `y ~ x1 + x2 + lag(x1,1) + log(x3) + x1:x2`.
 *
 * Functions: lag(e, k = 1) and lead(e, k = 1) — the same entity's value at time t − k (t + k),
 * matched by time value, missing in the first period and across gaps (never another entity's
 * row); log(e) / ln(e) — natural log, an error naming the row for a value ≤ 0; diff(e, k = 1) =
 * e − lag(e, k). `a:b` is the product. Term names are the text with spaces removed.
 * Any column name goes in backticks, as in R and fixest: `` `地区生产总值(亿元)` ~ `gdp pc` + lag(`gdp pc`, 1) ``;
 * inside backticks nothing is an operator, and the term name keeps the column name as written
 * (without the backticks).
 */
export type Expr =
  | { kind: "var"; name: string }
  | { kind: "call"; fn: "lag" | "lead" | "log" | "diff"; arg: Expr; k: number }
  | { kind: "product"; factors: Expr[] };

export interface Term {
  /** Display name: the term's text with spaces removed (e.g. "lag(x1,1)"). */
  name: string;
  expr: Expr;
  /** The term as written, backticks kept (to build new formulas from it: lag(`gdp pc`,1)). */
  source: string;
}

export interface Formula {
  response: Term;
  regressors: Term[];
}

const FN_ALIASES: Record<string, "lag" | "lead" | "log" | "diff"> = { lag: "lag", l: "lag", lead: "lead", f: "lead", log: "log", ln: "log", diff: "diff", d: "diff" };

function formulaError(text: string, en: string, zh: string): never {
  throw inputError(`Formula '${text}': ${en}`, `公式 '${text}'：${zh}`);
}

/** Splits on a separator at parenthesis depth 0 and outside backticks. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0, start = 0, quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "`") quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function parseExpr(src: string, whole: string): Expr {
  const s = src.trim();
  if (!s) formulaError(whole, "an empty term (check for a doubled '+').", "存在空项（请检查是否多了 '+'）。");
  const factors = splitTop(s, ":");
  if (factors.length > 1) return { kind: "product", factors: factors.map((f) => parseExpr(f, whole)) };
  const quoted = /^`([^`]+)`$/.exec(s);
  if (quoted) return { kind: "var", name: quoted[1].trim() };
  if ((s.match(/`/g) ?? []).length % 2 === 1) formulaError(whole, `the backtick in '${s}' is not closed. Write a column name as \`name\`.`, `'${s}' 中的反引号没有闭合。列名请写成 \`列名\`。`);
  const m = /^([A-Za-z_]\w*)\s*\((.*)\)$/s.exec(s);
  if (m) {
    const fn = FN_ALIASES[m[1].toLowerCase()];
    if (!fn) {
      formulaError(
        whole,
        `unknown function '${m[1]}'. Available: lag, lead, log (ln), diff. If '${s}' is a column name, put it in backticks: \`${s}\`.`,
        `未知函数 '${m[1]}'。可用函数：lag、lead、log（ln）、diff。若 '${s}' 是列名，请用反引号括起：\`${s}\`。`,
      );
    }
    const args = splitTop(m[2], ",");
    let k = 1;
    if (fn === "log") {
      if (args.length !== 1) formulaError(whole, "log() takes one argument.", "log() 只接受一个参数。");
    } else if (args.length === 2) {
      k = Number(args[1].trim());
      if (!Number.isInteger(k) || k < 0) formulaError(whole, `${fn}(): the lag order '${args[1].trim()}' must be a whole number ≥ 0.`, `${fn}()：阶数 '${args[1].trim()}' 必须是不小于 0 的整数。`);
    } else if (args.length > 2) {
      formulaError(whole, `${fn}() takes a variable and an order, e.g. ${fn}(x,1).`, `${fn}() 接受一个变量和阶数，例如 ${fn}(x,1)。`);
    }
    return { kind: "call", fn, arg: parseExpr(args[0], whole), k };
  }
  if (/^[^\s()+~:,]+$/.test(s)) return { kind: "var", name: s };
  return formulaError(
    whole,
    `cannot read the term '${s}'. A column name with spaces, parentheses or symbols goes in backticks: \`${s}\`.`,
    `无法识别项 '${s}'。含空格、括号或符号的列名请用反引号括起：\`${s}\`。`,
  );
}

/** A column name as a formula term: in backticks when it is not a plain name (`gdp pc`, `地区生产总值(亿元)`). */
export function quoteName(name: string): string {
  return /^[^\s()+~:,`]+$/.test(name) ? name : `\`${name}\``;
}

/** A term's display name: spaces removed outside backticks, backticks dropped ("lag(`gdp pc`, 1)" → "lag(gdp pc,1)"). */
function termName(part: string): string {
  return part
    .split("`")
    .map((piece, k) => (k % 2 === 1 ? piece.trim() : piece.replace(/\s+/g, "")))
    .join("");
}

export function parseFormula(text: string): Formula {
  const sides = splitTop(String(text ?? ""), "~");
  if (sides.length !== 2 || !sides[0].trim() || !sides[1].trim()) {
    formulaError(text, "write it as 'y ~ x1 + x2'.", "请写成 'y ~ x1 + x2' 的形式。");
  }
  const response = { name: termName(sides[0]), expr: parseExpr(sides[0], text), source: sides[0].trim() };
  const regressors: Term[] = [];
  for (const part of splitTop(sides[1], "+")) {
    const name = termName(part);
    if (name === "1") continue;
    if (regressors.some((r) => r.name === name)) formulaError(text, `the term '${name}' appears twice.`, `项 '${name}' 出现了两次。`);
    regressors.push({ name, expr: parseExpr(part, text), source: part.trim() });
  }
  if (regressors.length === 0) formulaError(text, "no regressors on the right of '~'.", "'~' 右侧没有解释变量。");
  return { response, regressors };
}

/** The variables a formula reads (for checks and missing-value reports). */
export function formulaVariables(f: Formula): string[] {
  const out: string[] = [];
  const walk = (e: Expr) => {
    if (e.kind === "var") {
      if (!out.includes(e.name)) out.push(e.name);
    } else if (e.kind === "call") walk(e.arg);
    else e.factors.forEach(walk);
  };
  walk(f.response.expr);
  f.regressors.forEach((r) => walk(r.expr));
  return out;
}

/** Evaluates an expression on every row of the frame; NaN = missing. */
export function evaluate(expr: Expr, frame: PanelFrame): Float64Array {
  switch (expr.kind) {
    case "var":
      return frame.numeric(expr.name);
    case "product": {
      const parts = expr.factors.map((f) => evaluate(f, frame));
      const out = new Float64Array(frame.nrows).fill(1);
      for (const p of parts) for (let i = 0; i < out.length; i++) out[i] *= p[i];
      return out;
    }
    case "call": {
      const x = evaluate(expr.arg, frame);
      const out = new Float64Array(frame.nrows);
      if (expr.fn === "log") {
        for (let i = 0; i < x.length; i++) {
          const v = x[i];
          if (Number.isNaN(v)) out[i] = NaN;
          else if (v <= 0) {
            throw inputError(
              `log(): the value ${v} in row ${rangeRow(i, frame.table)} (${frame.rowLabel(i)}) is not positive, so it has no logarithm.`,
              `log()：第 ${rangeRow(i, frame.table)} 行（${frame.rowLabel(i)}）的值 ${v} 不是正数，无法取对数。`,
            );
          } else out[i] = Math.log(v);
        }
        return out;
      }
      const shift = expr.fn === "lead" ? -expr.k : expr.k;
      for (let i = 0; i < x.length; i++) {
        const j = frame.rowOf.get(panelKey(frame.entity[i], frame.timeValue[i] - shift));
        const lagged = j === undefined ? NaN : x[j];
        out[i] = expr.fn === "diff" ? x[i] - lagged : lagged;
      }
      return out;
    }
  }
}
