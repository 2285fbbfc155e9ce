import { inputError, Localized } from "../../errors";
import { parseNumberText } from "./number-text";

/*
 * The decimal mark of a CSV file. Excel writes numbers as they are displayed: in much of Europe
 * with a decimal comma ("1,5") and then with ';' (or tab) between fields; with a thousands
 * separator when the cell is formatted so ("1,234" quoted in a comma file, "1.234,5" in a
 * semicolon file). A file is read with one mark, decided from the file or by --decimal.
 */

export type DecimalMark = "." | ",";

/** "1,234", "-12,345.5": digits grouped by commas in threes (a thousands separator, decimal point). */
const COMMA_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** "1.234", "1.234.567,5": digits grouped by points in threes, with an optional decimal comma. */
const POINT_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
/** "1,5", "-0,25", ",5", "1,5E+03": a decimal comma. */
const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/;
/** "1,234": three digits after one comma, no leading zero — a decimal comma or a thousands separator. */
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2},\d{3}$/;
/** "1,234,567", "1,234.5": only a thousands separator reads so. */
const THOUSANDS_ONLY = /^[+-]?\d{1,3}((,\d{3}){2,}(\.\d+)?|(,\d{3})+\.\d+)$/;

/**
 * A number written with separators the plain grammar does not take, or NaN. With decimal mark
 * '.': commas grouping thousands ("1,234.5" → 1234.5). With ',': a decimal comma ("1,5" → 1.5,
 * "1.234,5" → 1234.5); a plain decimal point ("1.5") is not read (NaN), because in such a file
 * "1.500" means 1500.
 */
export function readSeparatedNumber(text: string, a: number, b: number, decimal: DecimalMark): number {
  const s = text.slice(a, b);
  if (decimal === ".") {
    if (!COMMA_GROUPED.test(s)) return NaN;
    const t = s.replace(/,/g, "");
    return parseNumberText(t, 0, t.length);
  }
  let t: string;
  if (POINT_GROUPED.test(s)) t = s.replace(/\./g, "").replace(",", ".");
  else if (DECIMAL_COMMA.test(s)) t = s.replace(",", ".");
  else return NaN;
  return parseNumberText(t, 0, t.length);
}

/**
 * A CSV text cell as a number by the file's decimal mark (for text columns, read cell by cell
 * later): plain decimals ("1.5" only with '.'), and the separated forms of readSeparatedNumber.
 * Undefined when it is not a number.
 */
export function csvTextNumber(text: string, decimal: DecimalMark): number | undefined {
  const s = text.trim();
  let v = decimal === "." ? parseNumberText(s, 0, s.length) : NaN;
  if (v !== v) v = readSeparatedNumber(s, 0, s.length, decimal);
  return v === v ? v : undefined;
}

/** True for text with a decimal point that a decimal-comma file does not read ("1.5"). */
export function hasDecimalPoint(s: string): boolean {
  return /^[+-]?\d*\.\d+([eE][+-]?\d+)?$/.test(s.trim()) && !POINT_GROUPED.test(s.trim());
}

/** True for text that reads as a number with a decimal comma ("1,5"). */
export function looksDecimalComma(s: string): boolean {
  const t = s.trim();
  return DECIMAL_COMMA.test(t) && t.includes(",") && !COMMA_GROUPED.test(t);
}

/** The --decimal option: "," or "." (also "comma", "point", "dot"). */
export function decimalOption(value: string): DecimalMark {
  const v = value.trim().toLowerCase();
  if (v === "," || v === "comma") return ",";
  if (v === "." || v === "point" || v === "dot") return ".";
  throw inputError(
    `--decimal ${value}: give "," (numbers written 1,5) or "." (numbers written 1.5).`,
    `--decimal ${value}：请给出 ","（数值写作 1,5）或 "."（数值写作 1.5）。`,
  );
}

function escapeClass(d: string): string {
  return d === "\t" ? "\\t" : d.replace(/[\\\]^-]/g, "\\$&");
}

/** Where a match sits: its line (1-based) and the header name of its field. */
function placeOf(text: string, index: number, delimiter: string, header: readonly string[]): { line: number; column: string } {
  let line = 1;
  for (let k = text.indexOf("\n"); k >= 0 && k < index; k = text.indexOf("\n", k + 1)) line++;
  const start = text.lastIndexOf("\n", index - 1) + 1;
  let field = 0;
  for (let k = start; k < index; k++) if (text[k] === delimiter) field++;
  return { line, column: header[field] ?? `field ${field + 1}` };
}

/**
 * The decimal mark of a file whose fields are separated by `delimiter` (not ','): ',' when a
 * value settles it ("1,5", "0,125", "1.234,5", "1234,567"), '.' when a value can only carry
 * thousands separators ("1,234,567") or no value has a comma between digits. Values such as
 * "1,234" alone settle nothing: the file is refused, naming such a cell and both fixes, rather
 * than read as 1.234 or 1234 by a guess. `from` is where the data start (after the header).
 */
export function detectDecimal(text: string, delimiter: string, from: number, header: readonly string[], file: string): DecimalMark {
  if (delimiter === "," || text.indexOf(",", from) < 0) return ".";
  const d = escapeClass(delimiter);
  const field = new RegExp(`(?<=[${d}\\r\\n])[ \\t]*"?([+-]?[\\d.]*,[\\d.,]*(?:[eE][+-]?\\d+)?)"?[ \\t]*(?=[${d}\\r\\n]|$)`, "g");
  field.lastIndex = Math.max(0, from - 1);
  let comma: { index: number; value: string } | undefined;
  let thousands: { index: number; value: string } | undefined;
  let ambiguous: { index: number; value: string } | undefined;
  for (let m = field.exec(text); m; m = field.exec(text)) {
    const v = m[1];
    if (AMBIGUOUS.test(v)) ambiguous ??= { index: m.index, value: v };
    else if (THOUSANDS_ONLY.test(v)) thousands ??= { index: m.index, value: v };
    else if (DECIMAL_COMMA.test(v) || POINT_GROUPED.test(v)) comma ??= { index: m.index, value: v };
    if (comma && thousands) break;
  }
  if (comma && thousands) {
    const p = placeOf(text, comma.index, delimiter, header);
    const q = placeOf(text, thousands.index, delimiter, header);
    throw inputError(
      `${file}: line ${p.line} (column '${p.column}') has '${comma.value}' with a decimal comma, but line ${q.line} (column '${q.column}') has '${thousands.value}' with commas as thousands separators. Write all numbers one way, or give --decimal , or --decimal . to say which the file uses.`,
      `${file}：第 ${p.line} 行（列 '${p.column}'）的 '${comma.value}' 使用小数逗号，而第 ${q.line} 行（列 '${q.column}'）的 '${thousands.value}' 以逗号作千位分隔符。请统一数值写法，或用 --decimal , 或 --decimal . 指明文件的写法。`,
    );
  }
  if (comma) return ",";
  if (thousands) return ".";
  if (ambiguous) {
    const p = placeOf(text, ambiguous.index, delimiter, header);
    const v = ambiguous.value;
    throw inputError(
      `${file} line ${p.line} (column '${p.column}'): '${v}' could be ${v.replace(",", ".")} (a decimal comma) or ${v.replace(",", "")} (a thousands separator), and no value in the file settles which. Give --decimal , if the file writes decimals with a comma (1,5), or --decimal . if the commas separate thousands.`,
      `${file} 第 ${p.line} 行（列 '${p.column}'）：'${v}' 既可能是 ${v.replace(",", ".")}（小数逗号），也可能是 ${v.replace(",", "")}（千位分隔符），文件中没有数值能判定是哪一种。若文件用逗号表示小数（1,5），请给出 --decimal ,；若逗号是千位分隔符，请给出 --decimal .。`,
    );
  }
  return ".";
}

/** The fix for a cell that is not a number because of its decimal mark ("1,5" read with '.', or "1.5" with ','). */
export function decimalHint(text: string, csv: { file: string; decimal: DecimalMark; delimiter: string } | undefined): Localized {
  const t = text.trim();
  if (csv && csv.decimal === "," && hasDecimalPoint(t)) {
    return {
      en: ` ${csv.file} was read with decimal commas (1,5), so a decimal point is not read: write ${t.replace(".", ",")}, or give --decimal . if the file writes decimals with a point.`,
      zh: `${csv.file} 按小数逗号（1,5）读取，因此不识别小数点：请写作 ${t.replace(".", ",")}，若文件以小数点表示小数，请给出 --decimal .。`,
    };
  }
  if (looksDecimalComma(t)) {
    return csv
      ? { en: ` It has a decimal comma: give --decimal , to read ${csv.file} with decimal commas${csv.delimiter === "," ? " (the fields must then be separated by ';' or tab)" : ""}.`, zh: `该值使用小数逗号：请给出 --decimal , 以按小数逗号读取 ${csv.file}${csv.delimiter === "," ? "（此时字段须以分号或制表符分隔）" : ""}。` }
      : { en: " It has a decimal comma: write it with a decimal point (1.5), or convert the column to numbers in Excel (Data → Text to Columns, Advanced: decimal separator ',').", zh: "该值使用小数逗号：请改用小数点（1.5），或在 Excel 中将该列转换为数值（数据 → 分列，高级：小数分隔符 ','）。" };
  }
  return { en: "", zh: "" };
}

