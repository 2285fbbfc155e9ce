/** Fixed-point text with `digits` decimals; "" for a missing number. Negative zero prints as 0. */
export function fixed(x: number | undefined | null, digits: number): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return "";
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
