import { PanelFrame } from "./panel-frame";
import { DataTable, cellAt, columnIndex } from "./data-table";
import { inputError } from "../errors";
import { Cell, isBlank, parseNumberCell, showCell } from "./cells";
import { csvTextNumber } from "./csv/decimal";

/** A row filter given as code: the row's cells by column name, and its 0-based data-row index. */
export type RowPredicate = (row: Readonly<Record<string, Cell>>, index: number) => boolean;

/** A subsample: text such as "region=East" or a predicate. */
export type Where = string | RowPredicate;

/**
 * Row filters for subgroup estimates: `region=East`, `year>=2010`, `south!=1`, combined with
 * `&` / `and`; `region in (East, Central)`. Text compares as text, numbers as numbers.
 * Returns a boolean mask over the table's rows. A predicate function is applied to every row.
 */
export function whereMask(table: DataTable, where: Where | undefined): Uint8Array {
  const mask = new Uint8Array(table.nrows).fill(1);
  if (typeof where === "function") {
    const row: Record<string, Cell> = {};
    for (let i = 0; i < table.nrows; i++) {
      table.names.forEach((n, j) => (row[n] = cellAt(table, i, j)));
      mask[i] = where(row, i) ? 1 : 0;
    }
    return mask;
  }
  if (!where || !where.trim()) return mask;
  for (const clause of whereClauses(where)) {
    const m = /^\s*(`[^`]+`|[^=!<>\s`]+)\s*(==|=|!=|<>|>=|<=|>|<|\s+in\s+)\s*(.+?)\s*$/i.exec(clause);
    if (!m) {
      throw inputError(
        `Subsample '${where}': cannot read '${clause}'. Write e.g. "region=East" or "year>=2010"; a column name with spaces goes in backticks: "\`gdp pc\` > 3"; a value with '&' goes in quotes: type = "A & B".`,
        `子样本条件 '${where}'：无法识别 '${clause}'。请写成 "region=East" 或 "year>=2010" 的形式；含空格的列名请用反引号括起："\`gdp pc\` > 3"；含 '&' 的值请用引号括起：type = "A & B"。`,
      );
    }
    const [, rawCol, rawOp, rawValue] = m;
    const col = rawCol.replace(/^`|`$/g, "").trim();
    if (!table.names.includes(col)) {
      const hint = /[\s()]/.test(col) || rawCol.startsWith("`") ? "" : " A column name with spaces goes in backticks: \"`gdp pc` > 3\".";
      const hintZh = /[\s()]/.test(col) || rawCol.startsWith("`") ? "" : "含空格的列名请用反引号括起：\"`gdp pc` > 3\"。";
      throw inputError(
        `Subsample '${where}': there is no column '${col}'.${hint} Columns: ${table.names.join(", ")}.`,
        `子样本条件 '${where}'：没有列 '${col}'。${hintZh}现有列：${table.names.join("、")}。`,
      );
    }
    const j = columnIndex(table, col);
    const op = rawOp.trim().toLowerCase();
    const values = op === "in" ? listValues(rawValue) : [unquote(rawValue)];
    for (let i = 0; i < table.nrows; i++) {
      if (!mask[i]) continue;
      const cell = cellAt(table, i, j);
      if (isBlank(cell)) {
        mask[i] = 0;
        continue;
      }
      const text = showCell(cell).trim();
      // A CSV's text cells read by its decimal mark ("1,5" in a decimal-comma file), as numericColumn does.
      const num = table.csv && typeof cell === "string" ? (csvTextNumber(cell, table.csv.decimal) ?? parseNumberCell(cell)) : parseNumberCell(cell);
      const target = Number(values[0]);
      const numeric = typeof num === "number" && values.every((v) => v !== "" && Number.isFinite(Number(v)));
      let keep: boolean;
      switch (op) {
        case "=": case "==": keep = numeric ? num === target : text === values[0]; break;
        case "in": keep = numeric ? values.map(Number).includes(num as number) : values.includes(text); break;
        case "!=": case "<>": keep = numeric ? num !== target : text !== values[0]; break;
        default: {
          if (!numeric) {
            throw inputError(`Subsample '${where}': '${op}' needs numbers, but column '${col}' holds '${text}'.`, `子样本条件 '${where}'：'${op}' 需要数值，但列 '${col}' 的值为 '${text}'。`);
          }
          const v = num as number;
          keep = op === ">" ? v > target : op === ">=" ? v >= target : op === "<" ? v < target : v <= target;
        }
      }
      if (!keep) mask[i] = 0;
    }
  }
  return mask;
}

/** A column name as a `where` clause writes it: in backticks when it has spaces, operators or '&'. */
export function quoteWhereName(name: string): string {
  return /^[^=!<>\s`&]+$/.test(name) ? name : `\`${name}\``;
}

/** A value as a `where` clause writes it: in quotes when it holds '&', a quote, an operator or edge spaces ("A & B=1", 'say "hi"'). */
export function quoteWhereValue(value: string): string {
  if (/^[^&"'=!<>,()`\s]+(\s+[^&"'=!<>,()`\s]+)*$/.test(value) && !/\s(and|in)\s/i.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

const OPERATOR = /==|=|!=|<>|>=|<=|>|<|\sin\s/i;

/**
 * The clauses of a filter, split at `&`, `&&` and `and` outside backticks. A piece without a
 * comparison is part of a name or value written with '&' (`R&D经费投入强度 > 1`, `type = R&D`),
 * so it is joined back to its neighbour.
 */
export function whereClauses(where: string): string[] {
  const pieces: string[] = [];
  const seps: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < where.length; i++) {
    const c = where[i];
    if (c === "`") quoted = !quoted;
    if (quoted) continue;
    // A value in quotes ("A & B", 'R&D') is one value: skip to its closing quote.
    if ((c === '"' || c === "'") && opensValue(where, i)) {
      const close = where.indexOf(c, i + 1);
      if (close > i) {
        i = close;
        continue;
      }
    }
    const m = /^(\s*&&?\s*|\s+and\s+)/i.exec(where.slice(i));
    if (m && (c === "&" || /\s/.test(c))) {
      pieces.push(where.slice(start, i));
      seps.push(m[0]);
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  pieces.push(where.slice(start));
  const hasOperator = (t: string) => OPERATOR.test(t.replace(/`[^`]*`/g, "x"));
  // A piece without a comparison joins the neighbour it is written tight against ("R&D": no
  // spaces around '&'): the previous clause's value ("type = R&D & year = 2010") or the next
  // clause's name ("a = 1 & R&D经费投入强度 > 1").
  const tight = (sep: string | undefined) => sep !== undefined && sep.trim() === sep;
  const out: string[] = [];
  let pending: string | null = null;
  for (let k = 0; k < pieces.length; k++) {
    const joined = pending !== null;
    const piece: string = (pending ?? "") + pieces[k];
    pending = null;
    if (hasOperator(piece)) {
      out.push(piece);
      continue;
    }
    const before = k > 0 ? seps[k - 1] : undefined;
    const after = k < pieces.length - 1 ? seps[k] : undefined;
    if (!joined && out.length && (tight(before) || after === undefined)) out[out.length - 1] += before + piece;
    else if (after !== undefined) pending = piece + after;
    else out.push(piece);
  }
  return out;
}

/** Whether a quote at `i` starts a value: it follows an operator, '(' or ',' (not an apostrophe inside a word: Xi'an). */
function opensValue(where: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /\s/.test(where[k])) k--;
  return k >= 0 && /[=<>(,]/.test(where[k]);
}

/** A value without the quotes around it ("East" or 'East' → East); other text as written. */
function unquote(v: string): string {
  const t = v.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}

/** The values of `in (a, "b, c", 'd')`: split at commas outside quotes, each unquoted. */
function listValues(raw: string): string[] {
  const inner = raw.trim().replace(/^\(|\)$/g, "");
  const out: string[] = [];
  let start = 0;
  let quote = "";
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if ((c === '"' || c === "'") && inner.slice(start, i).trim() === "") {
      quote = c;
    } else if (c === ",") {
      out.push(unquote(inner.slice(start, i)));
      start = i + 1;
    }
  }
  out.push(unquote(inner.slice(start)));
  return out;
}

/** Convenience for a frame. */
export function frameWhere(frame: PanelFrame, where: Where | undefined): Uint8Array {
  return whereMask(frame.table, where);
}
