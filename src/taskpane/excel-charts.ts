/* global Excel */
import { inputError } from "../core/errors";
import type { AxisBounds, CellSpan, ChartDrawing, ChartModel, ChartSeries, ChartType } from "../render/charts/chart-model";
import { maxOf } from "../core/data/extent";
import { apiSupported } from "./office-api";

/**
 * Excel chart objects drawn from a chart model (src/render/charts): the one place the task pane
 * calls Office.js's chart APIs. `excel-io.ts`'s `drawChart` hands its sheet lookup to
 * `drawChartObject`; the chart model is the same one the SVG figures are drawn from.
 */

/** Rows a chart object covers (its notes are written beneath it). */
export const CHART_ROWS = 23;

/** What `drawChart` made: the chart type drawn, and why it fell back when it did. */
export interface ChartOutcome {
  type: ChartType;
  fellBack: boolean;
  /** Why the preferred type (a region map) could not be drawn. */
  reason?: string;
}

type SheetLookup = (context: Excel.RequestContext, name: string) => Promise<Excel.Worksheet>;

/**
 * Draws an Excel chart object from a chart model whose data block is already written at
 * (row, col) of `sheet` (number formats are applied to the block), placed to the right of the
 * data. A region map the host cannot draw is replaced by the model's fallback chart.
 */
export async function drawChartObject(sheet: string, model: ChartModel, origin: { row: number; col: number }, sheetOrFail: SheetLookup): Promise<ChartOutcome> {
  if (!apiSupported("1.7")) {
    throw inputError(
      `This version of Excel cannot create charts from an add-in (ExcelApi 1.7 is needed: Excel 2019 or later, Microsoft 365, Excel on the web). The chart's data are in sheet '${sheet}'.`,
      `当前 Excel 版本不支持加载项创建图表（需要 ExcelApi 1.7：Excel 2019 及以上、Microsoft 365 或网页版 Excel）。图表数据已写入工作表 '${sheet}'。`,
    );
  }
  const width = maxOf(model.data.map((r) => r.length), 1);
  const draw = (d: ChartDrawing) =>
    Excel.run(async (context) => {
      const ws = await sheetOrFail(context, sheet);
      const range = (span: CellSpan, cols = 1) => ws.getRangeByIndexes(origin.row + span.from, origin.col + span.col, span.to - span.from + 1, cols);
      for (const nf of model.numberFormats ?? []) {
        range(nf).numberFormat = Array.from({ length: nf.to - nf.from + 1 }, () => [nf.format]);
      }
      const first = d.series[0];
      // A map reads its geography columns and the values together; other charts start from the first series' values.
      const source = d.type === "RegionMap" && d.categories
        ? ws.getRangeByIndexes(origin.row + first.values.from, origin.col + d.categories.col, first.values.to - first.values.from + 1, first.values.col - d.categories.col + 1)
        : range(first.values);
      const chart = ws.charts.add(d.type, source, "Columns");
      chart.name = model.kind;
      chart.title.text = d.title;
      chart.legend.position = "Bottom";
      if (d.xTitle) chart.axes.categoryAxis.title.text = d.xTitle;
      if (d.yTitle) chart.axes.valueAxis.title.text = d.yTitle;
      if (d.reverseCategories) chart.axes.categoryAxis.reversePlotOrder = true;
      // Periods of an event study are labels ("≤−4", −3, …, "≥4"), never a date or number scale.
      if (d.type === "LineMarkers") chart.axes.categoryAxis.categoryType = "TextAxis";
      // Axes tight to the data: a scatter's x axis is its category axis in Office.js.
      const bound = (axis: Excel.ChartAxis, b: AxisBounds) => {
        axis.minimum = b.min;
        axis.maximum = b.max;
        if (b.unit) axis.majorUnit = b.unit;
      };
      if (d.xAxis && d.type === "XYScatter") bound(chart.axes.categoryAxis, d.xAxis);
      if (d.yAxis) bound(chart.axes.valueAxis, d.yAxis);
      if (d.xAxis || d.yAxis) placeAxesAtEdges(chart);
      d.series.forEach((spec, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(spec.name);
        series.name = spec.name;
        if (k > 0 || d.type !== "RegionMap") series.setValues(range(spec.values));
        if (spec.x) series.setXAxisValues(range(spec.x));
        else if (d.categories && d.type !== "RegionMap") series.setXAxisValues(range(d.categories));
        styleSeries(series, spec, d.type);
      });
      chart.setPosition(
        ws.getRangeByIndexes(origin.row, origin.col + width + 1, 1, 1),
        ws.getRangeByIndexes(origin.row + CHART_ROWS - 1, origin.col + width + 9, 1, 1),
      );
      await context.sync();
    });
  const removeHalfMade = () =>
    Excel.run(async (context) => {
      const ws = await sheetOrFail(context, sheet);
      ws.charts.getItemOrNullObject(model.kind).delete();
      await context.sync();
    }).catch(() => undefined);

  if (model.type === "RegionMap" && model.fallback) {
    if (!apiSupported("1.9")) {
      await draw(model.fallback);
      return { type: model.fallback.type, fellBack: true, reason: "ExcelApi 1.9 (map charts) is not supported by this Excel." };
    }
    try {
      await draw(model);
      return { type: model.type, fellBack: false };
    } catch (e) {
      await removeHalfMade();
      await draw(model.fallback);
      return { type: model.fallback.type, fellBack: true, reason: e instanceof Error ? e.message : String(e) };
    }
  }
  await draw(model);
  return { type: model.type, fellBack: false };
}

/**
 * An axis crosses the other at 0 by default, so with negative values the period labels of an
 * event study (or the counts of a placebo histogram whose x axis spans 0) would sit inside the
 * plot. Tick labels go to the low edge (ExcelApi 1.7); where the host has ExcelApi 1.8 the axes
 * themselves cross at the minimum (the frame's left and bottom edges).
 */
function placeAxesAtEdges(chart: Excel.Chart): void {
  chart.axes.categoryAxis.tickLabelPosition = "Low";
  chart.axes.valueAxis.tickLabelPosition = "Low";
  if (apiSupported("1.8")) {
    chart.axes.categoryAxis.position = "Minimum";
    chart.axes.valueAxis.position = "Minimum";
  }
}

/** Marker, line and fill of one series as the model asks (lines: blank cells leave gaps). */
function styleSeries(series: Excel.ChartSeries, spec: ChartSeries, type: ChartType): void {
  const color = spec.color;
  switch (spec.style) {
    case "markers":
      // Points only: a scatter series without lines, or a line-chart series whose line is hidden.
      if (type === "XYScatter") series.chartType = "XYScatter";
      series.markerStyle = spec.marker ?? "Circle";
      series.markerSize = spec.marker === "Diamond" ? 9 : 7;
      series.format.line.lineStyle = "None";
      if (color) {
        series.markerBackgroundColor = color;
        series.markerForegroundColor = color;
      }
      break;
    case "line":
    case "dashed":
      if (type === "XYScatter") series.chartType = "XYScatterLinesNoMarkers";
      series.markerStyle = "None";
      series.format.line.lineStyle = spec.style === "dashed" ? "Dash" : "Continuous";
      if (color) series.format.line.color = color;
      break;
    case "lineMarkers":
      series.markerStyle = spec.marker ?? "Circle";
      if (color) {
        series.format.line.color = color;
        series.markerBackgroundColor = color;
        series.markerForegroundColor = color;
      }
      break;
    case "column":
      if (color) series.format.fill.setSolidColor(color);
      break;
  }
}
