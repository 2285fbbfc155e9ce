import { inputError, Lang } from "../../core/errors";
import type { CouplingResult } from "../../core/regional/coupling";
import type { DagumResult } from "../../core/regional/dagum-gini";
import type { DensityResult } from "../../core/regional/kernel-density";
import type { RegionalTableResult } from "../../core/regional/run-regional";
import { ChartModel, ChartSeries, ChartValue } from "./chart-model";
import { regionalLabel as L } from "../regional-labels";

const PALETTE = ["#1F3864", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#C00000"];

/**
 * Coupling coordination D over time: the mean D of each region per year (line with markers) and
 * of all entities (dashed). `regionOf` gives the region of an input row of the result.
 */
export function couplingTrendChart(r: CouplingResult, regionOf: (row: number) => string | null, regionOrder: readonly string[], lang: Lang): ChartModel {
  const times = [...new Set(r.rows.map((x) => x.time).filter((t): t is number => t !== undefined && Number.isFinite(t)))].sort((a, b) => a - b);
  if (times.length === 0) throw inputError("The coupling chart plots D over time: give the id and time columns (e.g. --id province --time year).", "耦合协调度趋势图按年份绘制 D：请给出个体列和时间列（例如 --id province --time year）。");
  const present = new Set(r.rows.map((x) => regionOf(x.row)).filter((g): g is string => g !== null));
  const regions = [...regionOrder.filter((g) => present.has(g)), ...[...present].filter((g) => !regionOrder.includes(g))];
  const mean = (t: number, g: string | null) => {
    const ds = r.rows.filter((x) => x.time === t && (g === null || regionOf(x.row) === g)).map((x) => x.D);
    return ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : null;
  };
  const data: ChartValue[][] = [[L("year", lang), L("national", lang), ...regions]];
  for (const t of times) data.push([t, mean(t, null), ...regions.map((g) => mean(t, g))]);
  const T = times.length;
  const series: ChartSeries[] = regions.map((g, j) => ({ name: g, values: { col: 2 + j, from: 1, to: T }, style: "lineMarkers", color: PALETTE[j % PALETTE.length] }));
  series.push({ name: L("national", lang), values: { col: 1, from: 1, to: T }, style: "dashed", color: "#595959" });
  return {
    kind: "couplingTrend", sheetName: lang === "zh" ? "耦合协调度趋势图" : "Coupling chart", type: "LineMarkers",
    title: L("couplingChart", lang), xTitle: L("year", lang), yTitle: L("meanD", lang),
    data, categories: { col: 0, from: 1, to: T }, series,
    numberFormats: [{ col: 1, from: 1, to: T, format: "0.0000" }, ...regions.map((_, j) => ({ col: 2 + j, from: 1, to: T, format: "0.0000" }))],
    notes: [L("couplingNote", lang, { alpha: r.alpha.map((a) => +a.toFixed(4)).join(", ") })],
  };
}

/** Contribution shares (%) of within-group, net between-group and transvariation to the Gini coefficient, per year. */
export function dagumSharesChart(r: DagumResult, lang: Lang, label = r.variable): ChartModel {
  const T = r.years.length;
  const keys = ["Gw", "Gnb", "Gt"] as const;
  const data: ChartValue[][] = [[L("year", lang), ...keys.map((k) => L(k, lang))]];
  for (const y of r.years) data.push([y.time, ...keys.map((k) => (y.shares[k] === null ? null : 100 * (y.shares[k] as number)))]);
  return {
    kind: "dagumShares", sheetName: lang === "zh" ? "基尼贡献率图" : "Gini contributions chart", type: "LineMarkers",
    title: `${L("dagumChart", lang)}${lang === "zh" ? "（" : " ("}${label}${lang === "zh" ? "）" : ")"}`, xTitle: L("year", lang), yTitle: L("share", lang),
    data, categories: { col: 0, from: 1, to: T },
    series: keys.map((k, j) => ({ name: L(k, lang), values: { col: 1 + j, from: 1, to: T }, style: "lineMarkers", color: PALETTE[j], marker: (["Circle", "Square", "Triangle"] as const)[j] })),
    numberFormats: keys.map((_, j) => ({ col: 1 + j, from: 1, to: T, format: "0.00" })),
    notes: [L("dagumNote", lang, { variable: r.variable })],
  };
}

/** Kernel-density curves of chosen years on one set of axes (each year its own x grid). */
export function kernelDensityChart(r: DensityResult, lang: Lang, label = r.variable): ChartModel {
  const P = r.years[0]?.x.length ?? 0;
  const header: ChartValue[] = r.years.flatMap((y) => [`${y.time ?? ""} ${L("x", lang)}`.trim(), `${y.time ?? ""} ${L("density", lang)}`.trim()]);
  const data: ChartValue[][] = [header];
  for (let k = 0; k < P; k++) data.push(r.years.flatMap((y) => [y.x[k], y.y[k]]));
  return {
    kind: "kernelDensity", sheetName: lang === "zh" ? "核密度图" : "Kernel density chart", type: "XYScatter",
    title: L("densityChart", lang, { variable: label }), xTitle: label, yTitle: L("density", lang),
    data, xTickMode: "all",
    series: r.years.map((y, j) => ({ name: String(y.time ?? r.variable), x: { col: 2 * j, from: 1, to: P }, values: { col: 2 * j + 1, from: 1, to: P }, style: "line", color: PALETTE[j % PALETTE.length] })),
    notes: [L("densityNote", lang, { points: P }), `${L("bandwidth", lang)}${lang === "zh" ? "：" : ": "}${r.years.map((y) => `${y.time ?? ""} h = ${Number(y.bandwidth.toPrecision(4))}`).join("; ")}`],
  };
}

/** The chart of a regional spec entry (coupling D by region, Dagum shares, density curves); `label` names the variable (e.g. an index's label). */
export function regionalChart(t: RegionalTableResult, lang: Lang, label?: string): ChartModel {
  switch (t.kind) {
    case "coupling":
      return couplingTrendChart(t.coupling, (i) => t.regions[i], t.regionOrder, lang);
    case "dagum":
      return dagumSharesChart(t.dagum, lang, label);
    case "density":
      return kernelDensityChart(t.density, lang, label);
  }
}
