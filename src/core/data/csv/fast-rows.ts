import { POW10 } from "./number-text";

/** 10^0 … 10^22 as a local typed array (one load per use, not a module binding's getter). */
const P10 = Float64Array.from(POW10);

/** Where fastNumericRows stopped: the text position of the first row it did not read, and how many rows it read. */
export interface FastRun {
  pos: number;
  rows: number;
}

/**
 * The CSV reader's fast lane (parse-csv.ts): reads whole rows, from `pos`, while every field of
 * the row is a plain decimal — `-?digits[.digits][(e|E)[±]digits]`, at most 15 digits, no
 * leading zero before further integer digits, no spaces, no quotes — and the row has exactly
 * `vals.length` fields ending in `D` and then a line end (or the end of the text). The value is
 * an exact integer times or divided by an exact power of ten (at most 10^22): one correctly
 * rounded operation, so it equals Number(text), the value parseNumberText gives.
 * At the first row that is anything else (an empty line, a blank or text cell, a longer number,
 * a short or long row, a full buffer) it stops at that row's start, and the general reader takes
 * the row; nothing of a row it stops in is kept. Small and branch-light, so V8 optimises it
 * early: this is the loop that reads a million-row numeric panel.
 */
export function fastNumericRows(text: string, pos: number, D: number, vals: readonly Float64Array[], row: number, cap: number, out: FastRun): void {
  const n = text.length;
  const width = vals.length;
  let rows = 0;
  rowLoop: while (row < cap && pos < n) {
    let i = pos;
    for (let j = 0; j < width; j++) {
      let ch = text.charCodeAt(i);
      const neg = ch === 45;
      if (neg) ch = text.charCodeAt(++i);
      const first = ch;
      let m = 0;
      let ni = 0;
      let frac = 0;
      while (ch >= 48 && ch <= 57) {
        m = m * 10 + (ch - 48);
        ni++;
        ch = text.charCodeAt(++i);
      }
      if (ch === 46) {
        ch = text.charCodeAt(++i);
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + (ch - 48);
          frac++;
          ch = text.charCodeAt(++i);
        }
      }
      const nd = ni + frac;
      if (nd === 0 || nd > 15 || (first === 48 && ni > 1)) break rowLoop;
      // An exponent (Excel and R write 1e-8 as "1E-08" / "1e-08"): taken when the power of ten stays exact.
      let e10 = -frac;
      if (ch === 101 || ch === 69) {
        ch = text.charCodeAt(++i);
        const eneg = ch === 45;
        if (eneg || ch === 43) ch = text.charCodeAt(++i);
        let exp = 0;
        let ed = 0;
        while (ch >= 48 && ch <= 57 && ed < 4) {
          exp = exp * 10 + (ch - 48);
          ed++;
          ch = text.charCodeAt(++i);
        }
        if (ed === 0 || (ch >= 48 && ch <= 57)) break rowLoop;
        e10 += eneg ? -exp : exp;
        if (e10 < -22 || e10 > 22) break rowLoop;
      }
      if (j < width - 1) {
        if (ch !== D) break rowLoop;
      } else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
      } else if (ch !== 10 && i < n) {
        break rowLoop;
      }
      const v = e10 === 0 ? m : e10 < 0 ? m / P10[-e10] : m * P10[e10];
      vals[j][row] = neg ? -v : v;
      i++;
    }
    pos = i < n ? i : n;
    row++;
    rows++;
  }
  out.pos = pos;
  out.rows = rows;
}

/** Whether the fast lane can read fields separated by `D`: not a character of a number. */
export function fastLaneDelimiter(D: number): boolean {
  return !((D >= 48 && D <= 57) || D === 46 || D === 45 || D === 43 || D === 101 || D === 69);
}
