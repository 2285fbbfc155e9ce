import { DataTable, checkHeader, makeTable } from "../data-table";
import { Column } from "../table-column";
import { emptyError, inputError } from "../../errors";
import { POW10, parseNumberText } from "./number-text";
import { Building, grow, intern, isSpace, leadingZero, own, readQuoted, toText } from "./csv-pieces";
import { detectDelimiter } from "./dialect";
import { DecimalMark, detectDecimal, readSeparatedNumber } from "./decimal";
import { FastRun, fastLaneDelimiter, fastNumericRows } from "./fast-rows";

export interface CsvOptions {
  /** Field separator; detected from the header line when absent. */
  delimiter?: string;
  /** Text read as missing in numeric columns besides empty fields ("NA", "."). */
  missingTokens?: readonly string[];
  /** The file's name, for messages. */
  file?: string;
  /** Decimal mark: '.' or ','; detected for ';', tab and '|' files (csv/decimal.ts), '.' for comma files. */
  decimal?: DecimalMark;
  /** Columns (0-based) read as text from the first row: set by the reader itself when a column turns to text part-way. */
  textColumns?: readonly number[];
}

/**
 * Reads CSV text in one pass straight into typed columns: a column whose every field is a
 * number (or empty, or a missing token) becomes a Float64Array with NaN for missing; any other
 * column keeps its text, trimmed and interned (one string per distinct value). No grid of
 * per-cell strings is built and nothing of the text stays referenced afterwards.
 * Quoted fields (RFC 4180: "" inside quotes, delimiters and line breaks inside quotes), CRLF,
 * LF or CR line ends, empty lines skipped; integers written with leading zeros ("007") keep
 * their text (ids, codes). A data line with more non-empty fields than the header names is an
 * error naming its line; shorter lines are padded with missing values.
 * Numbers with a decimal comma ("1,5" in a ';' file) or thousands separators ("1,234") are read
 * by the file's decimal mark (csv/decimal.ts). The table keeps each data row's line in the file
 * (`rowNumbers`), so messages name the line a text editor shows. A column that turns to text
 * after some numbers is read again as text, so its cells keep their text as written ("1.50").
 */
export function parseCsvTable(text: string, options: CsvOptions = {}): DataTable {
  const file = options.file ?? "CSV";
  const missing = options.missingTokens ?? [];
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let pos = 0;
  let line = 1;

  // Header line.
  while (pos < n && (text.charCodeAt(pos) === 10 || text.charCodeAt(pos) === 13)) {
    if (text.charCodeAt(pos) === 10) line++;
    pos++;
  }
  const headerLine = line;
  const header: string[] = [];
  for (;;) {
    let field: string;
    if (text.charCodeAt(pos) === 34) {
      const q = readQuoted(text, pos, D, file, line);
      field = q.value;
      pos = q.end;
      line += q.breaks;
    } else {
      const a = pos;
      while (pos < n) {
        const c = text.charCodeAt(pos);
        if (c === D || c === 10 || c === 13) break;
        pos++;
      }
      field = text.slice(a, pos);
    }
    header.push(own(field.trim()));
    if (pos >= n) break;
    const c = text.charCodeAt(pos++);
    if (c === D) continue;
    if (c === 13 && text.charCodeAt(pos) === 10) pos++;
    line++;
    break;
  }
  if (header.length === 1 && header[0] === "") {
    throw emptyError(`${file} is empty: it needs a header line with the column names and one line per row.`, `${file} 为空：需要一行列名（表头）和每行一条数据。`);
  }
  const width = header.length;
  if (options.decimal === "," && delimiter === ",") {
    throw inputError(
      `${file}: --decimal , needs fields separated by something other than ',' (this file uses ','). Give --delimiter ';' or tab if that is what separates the fields.`,
      `${file}：--decimal , 要求字段分隔符不是 ','（本文件使用 ','）。若字段实际以分号或制表符分隔，请给出 --delimiter ';' 或 tab。`,
    );
  }
  const decimal: DecimalMark = options.decimal ?? detectDecimal(text, delimiter, pos, header, file);
  const dot = decimal === ".";
  const forced = new Set(options.textColumns ?? []);
  const reread: number[] = [];

  let cap = 1;
  for (let k = text.indexOf("\n", pos); k >= 0; k = text.indexOf("\n", k + 1)) cap++;
  if (cap === 1) for (let k = text.indexOf("\r", pos); k >= 0; k = text.indexOf("\r", k + 1)) cap++;
  const cols: Building[] = header.map((_, j) =>
    forced.has(j) ? { values: null, codes: new Int32Array(cap), levels: [], index: new Map(), used: false } : { values: new Float64Array(cap), codes: null, levels: [], index: new Map(), used: false },
  );
  let lines = new Int32Array(cap);

  let row = 0;
  let lastUsed = -1;
  // Rows of plain decimals go through the fast lane (fast-rows.ts) while every column is numeric.
  const vals: Float64Array[] = [];
  for (const col of cols) vals.push(col.values!);
  // Not with a decimal comma (there "1.234" is 1234) nor when a column is read as text.
  let numericSoFar = dot && forced.size === 0 && fastLaneDelimiter(D);
  const fast: FastRun = { pos, rows: 0 };
  while (pos < n) {
    if (numericSoFar) {
      fastNumericRows(text, pos, D, vals, row, cap, fast);
      if (fast.rows > 0) {
        // Each fast row is one line of the file (no quotes, no empty lines inside a run).
        for (let r = 0; r < fast.rows; r++) lines[row + r] = line + r;
        pos = fast.pos;
        row += fast.rows;
        line += fast.rows;
        lastUsed = row - 1;
        for (const col of cols) col.used = true;
        if (pos >= n) break;
      }
    }
    let c = text.charCodeAt(pos);
    if (c === 10 || c === 13) {
      pos++;
      if (c === 13 && text.charCodeAt(pos) === 10) pos++;
      line++;
      continue;
    }
    if (row >= cap) {
      cap = grow(cols, cap);
      const l = new Int32Array(cap);
      l.set(lines);
      lines = l;
    }
    const rowLine = line;
    lines[row] = rowLine;
    let j = 0;
    let blankRow = true;
    for (;;) {
      // Fast path, read while scanning: a plain decimal (≤ 15 digits, no exponent, no spaces) in a numeric column.
      const fast = j < width ? cols[j].values : null;
      if (fast !== null) {
        let i = pos;
        let ch = text.charCodeAt(i);
        const neg = ch === 45;
        if (neg) ch = text.charCodeAt(++i);
        const first = ch;
        let m = 0, ni = 0, frac = 0;
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + (ch - 48);
          ni++;
          ch = text.charCodeAt(++i);
        }
        if (ch === 46 && dot) {
          ch = text.charCodeAt(++i);
          while (ch >= 48 && ch <= 57) {
            m = m * 10 + (ch - 48);
            frac++;
            ch = text.charCodeAt(++i);
          }
        }
        const nd = ni + frac;
        if (nd > 0 && nd <= 15 && (ch === D || ch === 10 || ch === 13 || i >= n) && !(first === 48 && ni > 1)) {
          const v = frac === 0 ? m : m / POW10[frac];
          fast[row] = neg ? -v : v;
          cols[j].used = true;
          blankRow = false;
          pos = i;
          j++;
          if (pos >= n) break;
          c = text.charCodeAt(pos++);
          if (c === D) continue;
          if (c === 13 && text.charCodeAt(pos) === 10) pos++;
          line++;
          break;
        }
      }
      let a: number, b: number, src: string;
      let quoted = false;
      if (text.charCodeAt(pos) === 34) {
        const q = readQuoted(text, pos, D, file, line);
        pos = q.end;
        line += q.breaks;
        src = q.value;
        a = 0;
        b = src.length;
        quoted = true;
      } else {
        a = pos;
        while (pos < n) {
          c = text.charCodeAt(pos);
          if (c === D || c === 10 || c === 13) break;
          pos++;
        }
        b = pos;
        src = text;
      }
      while (a < b && isSpace(src.charCodeAt(a))) a++;
      while (b > a && isSpace(src.charCodeAt(b - 1))) b--;
      if (j < width) {
        const col = cols[j];
        if (a === b) {
          if (col.values) col.values[row] = NaN;
          else col.codes![row] = -1;
        } else {
          blankRow = false;
          col.used = true;
          let stored = false;
          if (col.values) {
            // "1,5" (decimal comma), "1,234" / "1.234,5" (thousands): read by the file's decimal mark.
            let v = dot ? parseNumberText(src, a, b) : readSeparatedNumber(src, a, b, decimal);
            if (v !== v && dot) v = readSeparatedNumber(src, a, b, decimal);
            // ±Infinity ("1e309") keeps its text, so the refusal can quote the cell as written.
            if (v - v === 0 && !leadingZero(src, a, b)) {
              col.values[row] = v;
              stored = true;
            } else if (missing.length && missing.includes(src.slice(a, b))) {
              col.values[row] = NaN;
              stored = true;
            } else {
              if (hasNumberBefore(col.values, row)) reread.push(j);
              toText(col, row, cap);
            }
          }
          if (!stored) col.codes![row] = intern(col, quoted && a === 0 && b === src.length ? src : src.slice(a, b));
        }
      } else if (a < b) {
        const shown = src.slice(a, b);
        throw inputError(
          `${file} line ${rowLine}: more fields than the header's ${width} column names (field ${j + 1} is '${shown.length > 40 ? shown.slice(0, 40) + "…" : shown}'). A value containing '${delimiter === "\t" ? "tab" : delimiter}' must be in double quotes; otherwise add a name for the extra column to the header (line ${headerLine}).`,
          `${file} 第 ${rowLine} 行：字段数多于表头的 ${width} 个列名（第 ${j + 1} 个字段为 '${shown.length > 40 ? shown.slice(0, 40) + "…" : shown}'）。含有分隔符 '${delimiter === "\t" ? "tab" : delimiter}' 的值必须用双引号括起；否则请在表头（第 ${headerLine} 行）为多出的列加上列名。`,
        );
      }
      j++;
      if (pos >= n) break;
      c = text.charCodeAt(pos++);
      if (c === D) continue;
      if (c === 13 && text.charCodeAt(pos) === 10) pos++;
      line++;
      break;
    }
    for (; j < width; j++) {
      const col = cols[j];
      if (col.values) col.values[row] = NaN;
      else col.codes![row] = -1;
    }
    if (!blankRow) lastUsed = row;
    row++;
    if (numericSoFar) {
      for (let k = 0; k < width; k++) {
        const v = cols[k].values;
        if (v === null) numericSoFar = false;
        else vals[k] = v;
      }
    }
  }

  // A column that turned to text part-way: read the file again with it as text from the start,
  // so the earlier cells keep their text as written ("1.50", not 1.5) in labels and messages.
  if (reread.length) return parseCsvTable(text, { ...options, delimiter, decimal, textColumns: [...forced, ...reread] });
  const nrows = lastUsed + 1;
  let used = width;
  while (used > 1 && header[used - 1] === "" && !cols[used - 1].used) used--;
  const names = checkHeader(header, used);
  const columns: Column[] = cols.slice(0, used).map((col) =>
    col.values ? { kind: "number", values: col.values } : { kind: "text", codes: col.codes!, levels: col.levels },
  );
  return makeTable(names, columns, nrows, missing, { rowNumbers: lines, csv: { file, decimal, delimiter } });
}

/** True when a numeric column being built already holds a number above `row` (its text would be lost by toText). */
function hasNumberBefore(values: Float64Array, row: number): boolean {
  for (let k = 0; k < row; k++) if (values[k] === values[k]) return true;
  return false;
}
