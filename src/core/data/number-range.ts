import { EconError, inputError } from "../errors";

/**
 * Magnitudes the estimators can square without overflow: sums of squares of n values up to
 * 1e150 stay below Number.MAX_VALUE (1.8e308) for any n a computer holds. Larger values are
 * refused with the column, the row and a rescaling to use, never silently dropped.
 */
export const LARGEST_SQUARABLE = 1e150;

/** "Column 'x1' row 6 (firm 1, 1939): 1e309 is outside the range of double-precision numbers". */
export function outOfRangeError(column: string, row: number, place: string | undefined, text: string): EconError {
  const where = place ? ` (${place})` : "";
  return inputError(
    `Column '${column}' row ${row}${where}: ${text} is outside the range of double-precision numbers (about ±1.8e308). Correct the cell, or rescale the column (e.g. divide by 1e6) before the analysis.`,
    `列 '${column}' 第 ${row} 行${where}：${text} 超出双精度数值的范围（约 ±1.8e308）。请更正该单元格，或在分析前把该列缩放（例如除以 1e6）。`,
  );
}

/** Refusal of a value whose square overflows, naming column, row and the rescaling. */
export function hugeValueError(column: string, row: number, place: string | undefined, value: number): EconError {
  const where = place ? ` (${place})` : "";
  return inputError(
    `Column '${column}' row ${row}${where}: ${value} is too large to compute with (squares of values above 1e150 overflow double precision). Rescale the column, e.g. divide it by 1e100 or take logs, and run again.`,
    `列 '${column}' 第 ${row} 行${where}：${value} 过大，无法计算（大于 1e150 的值平方后超出双精度范围）。请缩放该列（例如除以 1e100 或取对数）后重新运行。`,
  );
}
