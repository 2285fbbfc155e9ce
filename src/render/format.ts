/** Fixed-point text with `digits` decimals; "" for a missing number. Negative zero prints as 0. */
export function fixed(x: number | undefined | null, digits: number): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return "";
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/**
 * Decimals for a coefficient or SE printed with `digits` decimals: more, up to the first
 * significant digit, when the value would otherwise print as zero (0.0004 → 4 decimals), but at
 * most `digits + 3` (a value below that prints as zero with `digits` decimals).
 */
export function digitsFor(x: number | undefined | null, digits: number): number {
  if (x === undefined || x === null || !Number.isFinite(x) || x === 0) return digits;
  const a = Math.abs(x);
  if (a >= 0.5 * 10 ** -digits) return digits;
  const first = Math.ceil(-Math.log10(a) - 1e-12);
  return first <= digits + 3 ? first : digits;
}

/** A p-value as text: three decimals, "<0.001" below 0.001, never scientific notation. */
export function pText(p: number | undefined | null): string {
  if (p === undefined || p === null || !Number.isFinite(p)) return "";
  return p < 0.001 ? "<0.001" : fixed(p, 3);
}

/** Excel number format for `digits` decimals ("0", "0.000"). */
export function numberFormat(digits: number): string {
  return digits <= 0 ? "0" : "0." + "0".repeat(digits);
}

/** East Asian wide characters (CJK ideographs, kana, hangul, CJK and full-width punctuation). */
export const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Display width in columns of a Latin digit: a CJK character counts two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE_CHAR.test(ch) ? 2 : 1;
  return w;
}

/** A number cell as a reader sees it: `format` ("0.00") or `digits` decimals, else up to 8 significant digits. */
export function shownNumber(v: number, digits?: number, format?: string): string {
  const m = format ? /^0(?:\.(0+))?(%?)$/.exec(format) : null;
  if (m) return m[2] ? fixed(v * 100, m[1]?.length ?? 0) + "%" : fixed(v, m[1]?.length ?? 0);
  if (digits !== undefined) return fixed(v, digits);
  return String(Number(v.toPrecision(8)));
}

/**
 * The Excel number format a table cell's number is written with: its own format, its decimals,
 * or the table default ("0" for whole numbers, "0.000" otherwise); none for text, and Excel's
 * General for raw data (`data`).
 */
export function cellNumberFormat(c: { value: string | number | null; digits?: number; format?: string }, data = false): string | undefined {
  if (typeof c.value !== "number") return undefined;
  if (c.format) return c.format;
  if (c.digits !== undefined) return numberFormat(c.digits);
  if (data) return undefined;
  return Number.isInteger(c.value) ? "0" : "0.000";
}

/** Text Excel would read as a formula when written through Range.values (it begins with =, + or -). */
export function looksLikeFormula(v: unknown): boolean {
  return typeof v === "string" && /^[-+=]/.test(v);
}
