import type { Lang } from "../../core/errors";
import type { GroupTrend } from "../../core/descriptive/group-trend";
import { ChartModel, ChartSeries, ChartValue } from "./chart-model";
import { chartLabel } from "./chart-labels";

const PALETTE = ["#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#C00000"];

/**
 * Composite-index trends: a line with markers per group (and the national mean, dashed) over the
 * years. `grouping` names the grouping in the title ("region", "south/north"); `label` names the
 * index (default its column name).
 */
export function indexTrendChart(trend: GroupTrend, lang: Lang, grouping: "region4" | "southnorth" | "none", label = trend.variable): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const T = trend.times.length;
  const data: ChartValue[][] = [[L("year"), L("national"), ...trend.groups]];
  trend.times.forEach((t, k) => data.push([t, trend.overall[k], ...trend.groups.map((_, g) => trend.means[g][k])]));
  const series: ChartSeries[] = trend.groups.map((g, j) => ({ name: g, values: { col: 2 + j, from: 1, to: T }, style: "lineMarkers", color: PALETTE[j % PALETTE.length] }));
  series.push({ name: L("national"), values: { col: 1, from: 1, to: T }, style: trend.groups.length ? "dashed" : "lineMarkers", color: "#595959" });
  const n = trend.overallCounts.reduce((a, b) => a + b, 0);
  const groupingName = L(grouping === "region4" ? "groupRegion4" : grouping === "southnorth" ? "groupSouthNorth" : "groupNone");
  return {
    kind: "indexTrend",
    sheetName: L("trendSheet"),
    type: "LineMarkers",
    title: L("trendTitle", { index: label, grouping: groupingName }),
    xTitle: L("year"),
    yTitle: L("meanOf", { index: label }),
    data,
    categories: { col: 0, from: 1, to: T },
    series,
    numberFormats: trend.groups.map((_, j) => ({ col: 2 + j, from: 1, to: T, format: "0.0000" })).concat([{ col: 1, from: 1, to: T, format: "0.0000" }]),
    notes: [L("trendNote", { index: label, n })],
  };
}
