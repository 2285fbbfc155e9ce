/**
 * A format-neutral table: what a result looks like as rows and cells, before it becomes an
 * Excel spill, an xlsx sheet, text or CSV. Estimators never format numbers; renderers do.
 */
export type CellRole = "header" | "label" | "value" | "coef" | "se" | "stat" | "note" | "blank";

export interface TableCell {
  /** A number keeps full precision (Excel formats it); text is shown as is; null is an empty cell. */
  value: string | number | null;
  role?: CellRole;
  /** Digits to show when rendered as text or with an Excel number format. */
  digits?: number;
  /** Excel number format of a number cell ("0.00", "0.000"), when `digits` alone does not say it. */
  format?: string;
}

export interface TableModel {
  /** Optional caption above the table ("Table 5 Baseline regression"). */
  title?: string;
  /** Header rows (usually one). */
  header: TableCell[][];
  /** Body rows. */
  body: TableCell[][];
  /** Note lines under the table (star levels, SE type, what was dropped). */
  notes: string[];
  /** Body row indices after which a thin rule belongs (e.g. between coefficients and statistics). */
  rulesAfter?: number[];
  /** Header rows whose runs of equal labels span their columns (a dependent variable over its models). */
  spanHeaderRows?: number[];
  /** Raw data (the panel sheet): numbers keep Excel's General format instead of a table's decimals. */
  data?: boolean;
  /** The data behind a figure (e.g. kernel-density curves, 512 points a year): kept in the workbook, left out of the Word file, where the figure stands for it. */
  figureData?: boolean;
}

export function cell(value: string | number | null | undefined, role: CellRole = "value", digits?: number): TableCell {
  return { value: value === undefined ? null : value, role, digits };
}

export function headerRow(labels: readonly string[]): TableCell[] {
  return labels.map((l) => cell(l, "header"));
}
