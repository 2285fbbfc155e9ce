/** Excel column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a 0-based (row, column) of a sheet grid: (6, 1) → "B7". */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}
