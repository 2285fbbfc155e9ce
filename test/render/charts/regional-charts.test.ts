/**
 * The regional chart models: the series read back from their data block equal the core's
 * numbers (mean D per region and year, Dagum shares, density curves); SVG figures of a run;
 * every regional label in both languages with the same placeholders.
 */
import { couplingTrendChart, dagumSharesChart, kernelDensityChart } from "../../../src/render/charts/regional-charts";
import { spanValues } from "../../../src/render/charts/chart-model";
import { chartSvg } from "../../../src/render/charts/chart-svg";
import { analysisFigures } from "../../../src/render/charts/analysis-figures";
import { couplingCoordination } from "../../../src/core/regional/coupling";
import { dagumGini } from "../../../src/core/regional/dagum-gini";
import { kernelDensity } from "../../../src/core/regional/kernel-density";
import { runAnalysis } from "../../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../../src/core/spec/analysis-spec";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";
import { regionalLabel, allRegionalLabels } from "../../../src/render/regional-labels";

const coupling = couplingCoordination({
  systems: [{ name: "a", values: [0.2, 0.4, 0.6, 0.8, 0.3, 0.5] }, { name: "b", values: [0.3, 0.4, 0.5, 0.9, 0.2, 0.7] }],
  ids: ["p", "q", "r", "p", "q", "r"], times: [2001, 2001, 2001, 2002, 2002, 2002],
});
const regionOf = (row: number) => (["p", "q"].includes(["p", "q", "r", "p", "q", "r"][row]) ? "West" : "East");

test("coupling D by region over time: one line per region in the given order, the national mean dashed", () => {
  const m = couplingTrendChart(coupling, regionOf, ["East", "West"], "en");
  expect(m.data[0]).toEqual(["Year", "All", "East", "West"]);
  expect(m.series.map((s) => [s.name, s.style])).toEqual([["East", "lineMarkers"], ["West", "lineMarkers"], ["All", "dashed"]]);
  const D = coupling.rows.map((r) => r.D);
  expect(spanValues(m.data, m.series[1].values)).toEqual([(D[0] + D[1]) / 2, (D[3] + D[4]) / 2]);
  expect(spanValues(m.data, m.series[0].values)).toEqual([D[2], D[5]]);
  expect(spanValues(m.data, m.categories!)).toEqual([2001, 2002]);
});

test("Dagum contribution shares over time, in percent, summing to 100", () => {
  const r = dagumGini({ name: "y", values: [1, 3, 5, 7, 1, 4, 3, 6], groups: ["A", "A", "B", "B", "A", "A", "B", "B"], times: [1, 1, 1, 1, 2, 2, 2, 2] });
  const m = dagumSharesChart(r, "zh", "要素创新");
  expect(m.title).toBe("基尼系数的来源贡献率（要素创新）");
  expect(m.series.map((s) => s.name)).toEqual(["区域内", "区域间", "超变密度"]);
  const vals = m.series.map((s) => spanValues(m.data, s.values) as number[]);
  expect(vals[0][0]).toBeCloseTo(20, 12);
  expect(vals[1][0]).toBeCloseTo(80, 12);
  expect(vals[0][1] + vals[1][1] + vals[2][1]).toBeCloseTo(100, 12);
});

test("kernel-density curves: each year its own x grid; every x tick labelled in the SVG", () => {
  const r = kernelDensity("v", [0.1, 0.2, 0.3, 0.4, 0.2, 0.3, 0.5, 0.8], [1, 1, 1, 1, 2, 2, 2, 2], { points: 64 });
  const m = kernelDensityChart(r, "en");
  expect(m.type).toBe("XYScatter");
  expect(m.series.map((s) => s.name)).toEqual(["1", "2"]);
  expect(spanValues(m.data, m.series[1].x!)).toEqual(r.years[1].x);
  expect(spanValues(m.data, m.series[1].values)).toEqual(r.years[1].y);
  const svg = chartSvg(m);
  expect((svg.match(/<polyline/g) ?? []).length).toBe(2);
  expect(svg).toContain(">0.4<"); // a non-integer tick is labelled on a continuous x axis
});

test("a run's figures include each regional table's chart, titled with the index label", () => {
  const run = runAnalysis(tableFromGrid(syntheticGrid()), parseAnalysisSpec({
    schema: "econsheet.analysis", version: 1, lang: "zh", data: { id: "province", time: "year" },
    indices: [{ name: "env", label: "环境", groups: [{ name: "g", indicators: [{ name: "urb" }, { name: "open" }] }] }],
    tables: [
      { type: "coupling", title: "表9", systems: ["env", "fi"] },
      { type: "dagum", title: "表10", var: "env" },
      { type: "density", title: "表11", var: "env", years: [2003, 2023] },
    ],
  }));
  const { figures } = analysisFigures(run, "zh");
  expect(figures.map((f) => f.name).slice(1)).toEqual(["表9 耦合协调度趋势图", "表10 基尼贡献率图", "表11 核密度图"]);
  expect(figures[2].svg).toContain("基尼系数的来源贡献率（环境）");
  expect(figures[3].svg).toContain("环境 的核密度");
});

test("every regional label exists in both languages with the same placeholders", () => {
  for (const [key, v] of Object.entries(allRegionalLabels())) {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect([key, v.en.trim().length > 0, v.zh.trim().length > 0, holes(v.en)]).toEqual([key, true, true, holes(v.zh)]);
  }
  expect(regionalLabel("densityChart", "en", { variable: "fi" })).toBe("Kernel density of fi");
});
