/*
 * The fast lane of fast-rows.ts over the file's bytes instead of its decoded text (parse-bytes.ts):
 * the same grammar, the same arithmetic, the same place to stop, so the same numbers; a plain
 * numeric row is pure ASCII, which reads the same in UTF-8 and GB18030. No decoded string of
 * the file is needed for the rows it reads.
 *
 * Self-contained on purpose (no module bindings, no inner functions, P10 passed in): its source
 * also runs in a worker thread (src/cli/csv-parallel.ts), made from Function.prototype.toString.
 */

/**
 * Reads whole plain numeric rows of bytes[pos, n) into vals from `row` (at most `cap` rows), as
 * fastNumericRows does on text; `out` gets the byte where it stopped (a row start) and the rows
 * read. `n` may be less than bytes.length only where bytes[n - 1] is a line feed. P10 holds
 * 10^0 … 10^22.
 */
export function fastNumericBytes(bytes: Uint8Array, pos: number, n: number, D: number, vals: readonly Float64Array[], row: number, cap: number, out: { pos: number; rows: number }, P10: Float64Array): void {
  const width = vals.length;
  let rows = 0;
  rowLoop: while (row < cap && pos < n) {
    let i = pos;
    for (let j = 0; j < width; j++) {
      let ch = bytes[i];
      const neg = ch === 45;
      if (neg) ch = bytes[++i];
      const first = ch;
      let m = 0;
      let ni = 0;
      let frac = 0;
      while (ch >= 48 && ch <= 57) {
        m = m * 10 + (ch - 48);
        ni++;
        ch = bytes[++i];
      }
      if (ch === 46) {
        ch = bytes[++i];
        while (ch >= 48 && ch <= 57) {
          m = m * 10 + (ch - 48);
          frac++;
          ch = bytes[++i];
        }
      }
      const nd = ni + frac;
      if (nd === 0 || nd > 15 || (first === 48 && ni > 1)) break rowLoop;
      // An exponent (Excel and R write 1e-8 as "1E-08" / "1e-08"): taken when the power of ten stays exact.
      let e10 = -frac;
      if (ch === 101 || ch === 69) {
        ch = bytes[++i];
        const eneg = ch === 45;
        if (eneg || ch === 43) ch = bytes[++i];
        let exp = 0;
        let ed = 0;
        while (ch >= 48 && ch <= 57 && ed < 4) {
          exp = exp * 10 + (ch - 48);
          ed++;
          ch = bytes[++i];
        }
        if (ed === 0 || (ch >= 48 && ch <= 57)) break rowLoop;
        e10 += eneg ? -exp : exp;
        if (e10 < -22 || e10 > 22) break rowLoop;
      }
      if (j < width - 1) {
        if (ch !== D) break rowLoop;
      } else if (ch === 13) {
        if (bytes[i + 1] === 10) i++;
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
