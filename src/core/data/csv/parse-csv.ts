import { DataTable } from "../data-table";
import { emptyError, inputError } from "../../errors";
import { own, readQuoted } from "./csv-pieces";
import { detectDelimiter } from "./dialect";
import { DecimalMark, detectDecimal } from "./decimal";
import { RowState, finishRows, readRows, startRows } from "./csv-rows";

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

/** What the header line settles: the names, the dialect, and where the data start (`pos`, `line`). */
export type CsvHead = Pick<RowState, "file" | "missing" | "delimiter" | "header" | "headerLine" | "forced" | "line"> & { pos: number };

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
  const head = readCsvHead(text, options);
  const decimal = csvDecimal(options, head, () => detectDecimal(text, head.delimiter, head.pos, head.header, head.file));
  const s = startRows({ ...head, decimal }, lineCount(text, head.pos));
  readRows(s, text, head.pos);
  // A column that turned to text part-way: read the file again with it as text from the start,
  // so the earlier cells keep their text as written ("1.50", not 1.5) in labels and messages.
  if (s.reread.length) return parseCsvTable(text, rereadOptions(options, s));
  return finishRows(s);
}

/** The options of the second read when columns turned to text part-way. */
export function rereadOptions(options: CsvOptions, s: RowState): CsvOptions {
  return { ...options, delimiter: s.delimiter, decimal: s.decimal, textColumns: [...s.forced, ...s.reread] };
}

/** Rows to allocate for: the line ends after `pos` plus one (CR line ends when there is no LF). */
function lineCount(text: string, pos: number): number {
  let cap = 1;
  for (let k = text.indexOf("\n", pos); k >= 0; k = text.indexOf("\n", k + 1)) cap++;
  if (cap === 1) for (let k = text.indexOf("\r", pos); k >= 0; k = text.indexOf("\r", k + 1)) cap++;
  return cap;
}

/** The decimal mark: --decimal (refused with ',' fields), else detected (by `detect`, which may scan the file). */
export function csvDecimal(options: CsvOptions, head: CsvHead, detect: () => DecimalMark): DecimalMark {
  if (options.decimal === "," && head.delimiter === ",") {
    throw inputError(
      `${head.file}: --decimal , needs fields separated by something other than ',' (this file uses ','). Give --delimiter ';' or tab if that is what separates the fields.`,
      `${head.file}：--decimal , 要求字段分隔符不是 ','（本文件使用 ','）。若字段实际以分号或制表符分隔，请给出 --delimiter ';' 或 tab。`,
    );
  }
  return options.decimal ?? detect();
}

/** Reads the header line (after any empty lines) of CSV text: the column names, the delimiter, where the data start. */
export function readCsvHead(text: string, options: CsvOptions): CsvHead {
  const file = options.file ?? "CSV";
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
  return { file, missing: options.missingTokens ?? [], delimiter, header, headerLine, forced: new Set(options.textColumns ?? []), line, pos };
}
