/**
 * A chart as plain data, before any Office call: the block of cells it is drawn from (written to
 * a new sheet from A1) and which columns of that block each series reads. The task pane turns it
 * into an Excel chart object (src/taskpane/excel-charts.ts `drawChartObject`), so the chart lives
 * in the workbook and follows its cells; the command line draws the same model as an SVG figure
 * (chart-svg.ts). Tests read the series values back from the cells.
 */
export type ChartValue = string | number | null;

/** Excel chart types EconSheet draws (names as Office.js `Excel.ChartType`). */
export type ChartType = "XYScatter" | "LineMarkers" | "ColumnClustered" | "BarClustered" | "RegionMap";

/**
 * How a series is drawn: `markers` (points only), `line` / `dashed` (lines without markers;
 * blank cells break the line), `lineMarkers` (a line through markers) and `column` (bars).
 */
export type SeriesStyle = "markers" | "line" | "dashed" | "lineMarkers" | "column";

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
  /** Bounds of the x axis of a scatter (Excel: minimum, maximum, majorUnit; SVG the same); default the data's range. */
  xAxis?: AxisBounds;
  /** Bounds of the value axis (default: round ticks around the data, from 0 for bars). */
  yAxis?: AxisBounds;
}

/** An axis tight to the data: from `min` to `max`, ticks every `unit` from `min`. */
export interface AxisBounds {
  min: number;
  max: number;
  unit?: number;
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
