/**
 * A chart as plain data, before any Office call: the block of cells it is drawn from (written to
 * a new sheet from A1) and which columns of that block each series reads. The task pane turns it
 * into an Excel chart object (src/taskpane/excel-io.ts `addChart`), so the chart lives in the
 * workbook and follows its cells; tests read the series values back from the cells.
 */
export type ChartValue = string | number | null;

/** Excel chart types EconSheet draws (names as Office.js `Excel.ChartType`). */
export type ChartType = "XYScatter" | "LineMarkers" | "ColumnClustered" | "BarClustered" | "RegionMap";

/**
 * How a series is drawn: `markers` (points only), `line` / `dashed` (lines without markers;
 * blank cells break the line, which draws separate CI bars from one series), `column` (bars)
 * and `highlight` (a bar in the accent colour, overlapping the others).
 */
export type SeriesStyle = "markers" | "line" | "dashed" | "lineMarkers" | "column" | "highlight";

/** Cells of one column of the data block: rows `from`…`to` inclusive (0-based, row 0 = header). */
export interface CellSpan {
  col: number;
  from: number;
  to: number;
}

export interface ChartSeries {
  name: string;
  values: CellSpan;
  /** X values of a scatter series. */
  x?: CellSpan;
  style: SeriesStyle;
  marker?: "Circle" | "Diamond" | "Square" | "Triangle";
  /** Hex colour, e.g. "#C00000". */
  color?: string;
}

export interface ChartDrawing {
  type: ChartType;
  title: string;
  xTitle?: string;
  yTitle?: string;
  /** Category labels of line, column, bar and map charts (a map reads `colCount` geography columns). */
  categories?: CellSpan & { colCount?: number };
  series: ChartSeries[];
  /** Draw categories from the top down (a sorted bar chart reads best largest first). */
  reverseCategories?: boolean;
  /** Which x ticks of a scatter chart get a label: whole numbers only (default; relative time) or every tick (a continuous x such as a density's). */
  xTickMode?: "integer" | "all";
  /** Histogram: the categories are equal bins from `lo` of width `width` (SVG draws a numeric x axis). */
  bins?: { lo: number; width: number };
  /** A vertical line at x = `at` (in the x axis's units), e.g. the real estimate over a placebo histogram. */
  verticalLine?: { at: number; label: string; color?: string };
  /** Labels of particular x ticks (binned endpoints "≤−4", "≥4"). */
  xTickLabels?: Record<number, string>;
}

export interface ChartModel extends ChartDrawing {
  kind: "eventStudy" | "indexTrend" | "placebo" | "indexMap" | "couplingTrend" | "dagumShares" | "kernelDensity";
  /** Name of the new sheet holding the data and the chart. */
  sheetName: string;
  /** Header row + rows, written from A1; series refer to these cells. */
  data: ChartValue[][];
  /** Number formats of data cells. */
  numberFormats?: (CellSpan & { format: string })[];
  /** What the chart is drawn with instead when the host cannot draw `type` (a region map). */
  fallback?: ChartDrawing;
  /** Lines written under the data (what is plotted, sample, test results). */
  notes: string[];
}

/** The values a series plots, read from the data block (blank → null), as Excel reads its range. */
export function spanValues(data: readonly (readonly ChartValue[])[], span: CellSpan): (number | string | null)[] {
  const out: (number | string | null)[] = [];
  for (let r = span.from; r <= span.to; r++) {
    const v = data[r]?.[span.col];
    out.push(v === undefined || v === null || v === "" ? null : v);
  }
  return out;
}
