/**
 * Reads a number from text[a, b) (already trimmed) without making a substring: the grammar of
 * cells.ts (`[+-]? (digits[.digits] | .digits) [e[+-]digits]`). Up to 15 significant digits
 * and a power of ten up to 22 take Clinger's fast path (an exact integer times or divided by
 * an exact power of ten: one correctly rounded operation); anything longer goes to Number(),
 * so every result equals Number(text) exactly.
 * Returns NaN for text that is not a number.
 */
/** 10^0 … 10^22, each exact in double precision. */
export const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

export function parseNumberText(text: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 43 || c === 45) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let sig = 0;
  let intDigits = 0;
  let fracDigits = 0;
  while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    if (sig > 0 || c !== 48) {
      m = m * 10 + (c - 48);
      sig++;
    }
    intDigits++;
    i++;
  }
  if (i < b && text.charCodeAt(i) === 46) {
    i++;
    while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      if (sig > 0 || c !== 48) {
        m = m * 10 + (c - 48);
        sig++;
      }
      fracDigits++;
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return NaN;
  let exp = 0;
  if (i < b && ((c = text.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    let eneg = false;
    c = text.charCodeAt(i);
    if (c === 43 || c === 45) {
      eneg = c === 45;
      i++;
    }
    let ed = 0;
    while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      if (exp < 100000) exp = exp * 10 + (c - 48);
      ed++;
      i++;
    }
    if (ed === 0) return NaN;
    if (eneg) exp = -exp;
  }
  if (i !== b) return NaN;
  const e10 = exp - fracDigits;
  let v: number;
  if (sig <= 15 && e10 >= -22 && e10 <= 22) v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
  else if (sig === 0) v = 0;
  else return Number(text.slice(a, b));
  return neg ? -v : v;
}
