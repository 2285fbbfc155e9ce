import { inputError } from "../../errors";

/* The pieces of the CSV reader (parse-csv.ts): columns being built, quoted fields, growth. */

/** A column while the file is read: numbers until the first text cell, then interned text. */
export interface Building {
  values: Float64Array | null;
  codes: Int32Array | null;
  levels: string[];
  index: Map<string, number>;
  used: boolean;
}

/** A copy of a substring that does not keep the whole file's text alive (V8 slices share their parent). */
export function own(s: string): string {
  return s.length >= 13 ? (" " + s).slice(1) : s;
}

export function intern(col: Building, s: string): number {
  let k = col.index.get(s);
  if (k === undefined) {
    k = col.levels.length;
    const kept = own(s);
    col.levels.push(kept);
    col.index.set(kept, k);
  }
  return k;
}

export function toText(col: Building, rows: number, cap: number): void {
  const codes = new Int32Array(cap);
  const values = col.values!;
  for (let i = 0; i < rows; i++) codes[i] = Number.isNaN(values[i]) ? -1 : intern(col, String(values[i]));
  col.codes = codes;
  col.values = null;
}

/** A quoted field read from text at `pos` (the opening quote): its value, where it ends, and the line breaks inside. */
export interface Quoted {
  value: string;
  end: number;
  breaks: number;
}

export function readQuoted(text: string, pos: number, D: number, file: string, line: number): Quoted {
  pos++;
  let out = "";
  for (;;) {
    const q = text.indexOf('"', pos);
    if (q < 0) {
      throw inputError(
        `${file} line ${line}: a double quote opens a field that never closes. Close the quote, or remove it.`,
        `${file} 第 ${line} 行：一个双引号开始的字段没有结束。请补上闭合的引号或删去该引号。`,
      );
    }
    out += text.slice(pos, q);
    if (text.charCodeAt(q + 1) === 34) {
      out += '"';
      pos = q + 2;
      continue;
    }
    pos = q + 1;
    break;
  }
  let breaks = 0;
  for (let k = out.indexOf("\n"); k >= 0; k = out.indexOf("\n", k + 1)) breaks++;
  // Text after the closing quote (`"a" b,`) is kept with the field, as Excel does.
  const rest = pos;
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === D || c === 10 || c === 13) break;
    pos++;
  }
  if (pos > rest) out += text.slice(rest, pos).trimEnd();
  return { value: out, end: pos, breaks };
}

export function grow(cols: Building[], cap: number): number {
  cap *= 2;
  for (const col of cols) {
    if (col.values) {
      const v = new Float64Array(cap);
      v.set(col.values);
      col.values = v;
    } else {
      const v = new Int32Array(cap);
      v.set(col.codes!);
      col.codes = v;
    }
  }
  return cap;
}

/** "007", "-01": an integer written with a leading zero (an id or a code, kept as text). */
export function leadingZero(text: string, a: number, b: number): boolean {
  let c = text.charCodeAt(a);
  if (c === 43 || c === 45) c = text.charCodeAt(++a);
  if (c !== 48 || a + 1 >= b) return false;
  const d = text.charCodeAt(a + 1);
  return d >= 48 && d <= 57;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

