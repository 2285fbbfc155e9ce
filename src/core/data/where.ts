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
        `Subsample '${where}': cannot read '${clause}'. Write e.g. "region=East" or "year>=2010"; a column name with spaces goes in backticks: "\`gdp pc\` > 3".`,
        `子样本条件 '${where}'：无法识别 '${clause}'。请写成 "region=East" 或 "year>=2010" 的形式；含空格的列名请用反引号括起："\`gdp pc\` > 3"。`,
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
    const values = op === "in" ? rawValue.replace(/^\(|\)$/g, "").split(/\s*,\s*/) : [rawValue.replace(/^["']|["']$/g, "")];
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
  const out: string[] = [];
  let from = 0;
  for (let k = 0; k < pieces.length; k++) {
    let piece = pieces[from];
    for (let q = from + 1; q <= k; q++) piece += seps[q - 1] + pieces[q];
    if (hasOperator(piece)) {
      out.push(piece);
      from = k + 1;
    } else if (k === pieces.length - 1) {
      // A trailing piece without an operator ends the previous clause's value ("type = R&D").
      if (out.length) out[out.length - 1] += seps[from - 1] + piece;
      else out.push(piece);
    }
  }
  return out;
}

/** Convenience for a frame. */
export function frameWhere(frame: PanelFrame, where: Where | undefined): Uint8Array {
  return whereMask(frame.table, where);
}
