/*
 * ECON.* custom functions. The JSDoc here is the public API: webpack's
 * custom-functions-metadata-plugin generates dist/functions.json from it and appends the
 * CustomFunctions.associate calls. Each function only reads its arguments, calls an adapter
 * (src/functions/adapters, plain TypeScript over the core) and maps errors to Excel errors.
 */
import { guarded } from "./excel-errors";
import { describeRange } from "./adapters/describe";

/**
 * Descriptive statistics (N, mean, SD, min, max) for every numeric column of a range whose first row holds the variable names. Blank cells are missing values.
 * @customfunction DESCRIBE
 * @param {any[][]} data Range with a header row, one column per variable (blank cells are missing).
 * @param {any} [options] Text such as "detail=TRUE; id=province; time=year; vars=gdp,pop; lang=zh", or a two-column key/value range. detail adds median, P25/P75 (PERCENTILE.INC), skewness and kurtosis (Stata); id adds Stata xtsum between/within SD.
 * @returns {any[][]} A labelled table with one row per variable.
 */
export function describe(data: any[][], options?: any): any[][] {
  return guarded(() => describeRange(data, options ?? null));
}
