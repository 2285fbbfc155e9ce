import { DataTable, checkHeader, makeTable } from "../data-table";
import { Column } from "../table-column";
import { inputError } from "../../errors";
import { POW10, parseNumberText } from "./number-text";
import { Building, grow, intern, isSpace, leadingZero, readQuoted, toText } from "./csv-pieces";
import { DecimalMark, readSeparatedNumber } from "./decimal";
import { FastRun, fastLaneDelimiter, fastNumericRows } from "./fast-rows";

/*
 * The CSV reader's rows (parse-csv.ts reads the header and decides the dialect): the columns
 * being built and where the reader is, so that one read can go on over several pieces of the
 * file — the byte lane (parse-bytes.ts) reads the plain numeric rows from the file's bytes and
 * hands the rest of the file, decoded, to readRows with the state where it stopped.
 */

/** A CSV read in progress: the dialect, the columns being built, and the next row and line. */
export interface RowState {
  file: string;
  missing: readonly string[];
  delimiter: string;
  D: number;
  header: string[];
  headerLine: number;
  decimal: DecimalMark;
  forced: ReadonlySet<number>;
  /** Columns that turned to text after numbers: the file is read again with them as text. */
  reread: number[];
  cols: Building[];
  /** The value arrays of cols while every column is numeric (the fast lane writes them). */
  vals: Float64Array[];
  lines: Int32Array;
  cap: number;
  row: number;
  line: number;
  lastUsed: number;
  /** Every column numeric so far, a '.' decimal mark and no forced text column: the fast lane may read rows. */
  numericSoFar: boolean;
}

/** Allocates the columns for about `cap` rows (grown when more come). `column` makes a numeric column's array. */
export function startRows(
  head: Pick<RowState, "file" | "missing" | "delimiter" | "header" | "headerLine" | "decimal" | "forced" | "line">,
  cap: number,
  column: (length: number) => Float64Array = (length) => new Float64Array(length),
): RowState {
  const D = head.delimiter.charCodeAt(0);
  const cols: Building[] = head.header.map((_, j) =>
    head.forced.has(j) ? { values: null, codes: new Int32Array(cap), levels: [], index: new Map(), used: false } : { values: column(cap), codes: null, levels: [], index: new Map(), used: false },
  );
  const vals: Float64Array[] = [];
  for (const col of cols) if (col.values) vals.push(col.values);
  return {
    ...head,
    D,
    reread: [],
    cols,
    vals,
    lines: new Int32Array(cap),
    cap,
    row: 0,
    lastUsed: -1,
    // Not with a decimal comma (there "1.234" is 1234) nor when a column is read as text.
    numericSoFar: head.decimal === "." && head.forced.size === 0 && fastLaneDelimiter(D),
  };
}

/** Records `rows` rows read by a fast lane (each one line of the file) at the state's next row. */
export function tookFastRows(s: RowState, rows: number): void {
  const { lines, row, line } = s;
  for (let r = 0; r < rows; r++) lines[row + r] = line + r;
  s.row += rows;
  s.line += rows;
  s.lastUsed = s.row - 1;
  for (const col of s.cols) col.used = true;
}

/**
 * Reads the rows of `text` from `pos` to its end into the state: plain numeric rows through the
 * fast lane (fast-rows.ts) while every column is numeric, any other row field by field (quoted
 * fields, text, blanks, missing tokens, decimal marks), a short row padded with missing values.
 */
export function readRows(s: RowState, text: string, pos: number): void {
  const { file, missing, delimiter, D, header, headerLine, decimal, reread, cols, vals } = s;
  const width = header.length;
  const dot = decimal === ".";
  const n = text.length;
  let { lines, cap, row, line, lastUsed, numericSoFar } = s;
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
  s.lines = lines;
  s.cap = cap;
  s.row = row;
  s.line = line;
  s.lastUsed = lastUsed;
  s.numericSoFar = numericSoFar;
}

/** The table the state has read (the caller first reads the file again when `reread` is not empty). */
export function finishRows(s: RowState): DataTable {
  const { header, cols, missing, lines, file, decimal, delimiter } = s;
  const nrows = s.lastUsed + 1;
  let used = header.length;
  while (used > 1 && header[used - 1] === "" && !cols[used - 1].used) used--;
  const names = checkHeader(header, used);
  const columns: Column[] = cols.slice(0, used).map((col) =>
    // Number columns hold finite values or NaN only: a field that reads as ±Infinity ("1e309") turns its column to text.
    col.values ? { kind: "number", values: col.values, finite: true } : { kind: "text", codes: col.codes!, levels: col.levels },
  );
  return makeTable(names, columns, nrows, missing, { rowNumbers: lines, csv: { file, decimal, delimiter } });
}

/** True when a numeric column being built already holds a number above `row` (its text would be lost by toText). */
function hasNumberBefore(values: Float64Array, row: number): boolean {
  for (let k = 0; k < row; k++) if (values[k] === values[k]) return true;
  return false;
}
