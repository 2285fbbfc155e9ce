/** The charts as SVG figures (for the command line): axes by hand, every series drawn, maps as their bar fallback. */
import { chartSvg, niceTicks } from "../../../src/render/charts/chart-svg";
import type { ChartModel } from "../../../src/render/charts/chart-model";
import { eventStudy } from "../../../src/core/did/event-study";
import { eventStudyChart } from "../../../src/render/charts/event-study-chart";
import { placeboChart } from "../../../src/render/charts/placebo-chart";
import { indexMapChart } from "../../../src/render/charts/index-map-chart";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { fixtureTable } from "../../helpers/fixtures";

const count = (svg: string, tag: string) => (svg.match(new RegExp(`<${tag}\\b`, "g")) ?? []).length;

test("niceTicks: steps of 1, 2 or 5 × 10^k covering the range", () => {
  expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(niceTicks(-1.3, 2.7)).toEqual([-2, -1, 0, 1, 2, 3]);
  expect(niceTicks(0.12, 0.19)).toEqual([0.12, 0.14, 0.16, 0.18, 0.2]);
  expect(niceTicks(5, 5).length).toBeGreaterThan(1);
});

test("a scatter point lands where the axes put it (hand case: (0,0) bottom-left, (1,1) top-right of the plot)", () => {
  const model: ChartModel = {
    kind: "eventStudy", sheetName: "s", type: "XYScatter", title: "T <&> \"q\"", data: [["x", "y"], [0, 0], [1, 1]],
    series: [{ name: "pts", x: { col: 0, from: 1, to: 2 }, values: { col: 1, from: 1, to: 2 }, style: "markers", color: "#000000" }], notes: [],
  };
  const svg = chartSvg(model);
  // Plot area: x 78…696, y 44…348 (720 × 440, margins 78/24/44/92); ticks 0…1 on both axes.
  expect(svg).toContain('<circle cx="78" cy="348" r="4" fill="#000000"/>');
  expect(svg).toContain('<circle cx="696" cy="44" r="4" fill="#000000"/>');
  expect(svg).toContain("T &lt;&amp;&gt; &quot;q&quot;");
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
});

test("event study: a circle per TWFE coefficient, a square per Sun–Abraham one, CI bounds dashed, endpoints labelled ≤−4 and ≥4", () => {
  const r = eventStudy(fixtureTable("did_staggered.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] });
  const m = eventStudyChart(r, "en", { y: "y" });
  const svg = chartSvg(m);
  expect(count(svg, "circle")).toBe(r.twfe.length + 1); // + the legend's swatch
  const saPoints = r.twfe.filter((c) => r.sunAbraham!.some((s) => s.rel === c.rel)).length;
  expect(count(svg, "rect")).toBe(saPoints + 1 + 2); // + legend swatch, background and frame
  // Estimates (2), CI bounds (4) and the zero line: one polyline each, unbroken.
  expect(count(svg, "polyline")).toBe(7);
  expect((svg.match(/<polyline[^>]*stroke-dasharray="6,4"/g) ?? []).length).toBe(4);
  expect(svg).toContain(">≤−4<");
  expect(svg).toContain(">≥4<");
  expect(svg).toContain(">−3<");
  // No period tick reads a bare −4 or 4 (the value axis may).
  const xLabels = [...svg.matchAll(/<text x="[\d.]+" y="366"[^>]*>([^<]+)</g)].map((x) => x[1]);
  expect(xLabels).toEqual(["≤−4", "−3", "−2", "−1", "0", "1", "2", "3", "≥4"]);
  // The value axis labels are the model's bounds (tight to the CI ends).
  expect(svg).toContain(`>${String(m.yAxis!.min).replace("-", "−")}<`);
  expect(svg).toContain(`>${m.yAxis!.max}<`);
  expect(svg).toContain("Reference period (t = -1)");
});

test("placebo histogram: a step outline of the bins, the real estimate as a vertical line at its value, round ticks on a tight x axis", () => {
  const pl = { estimate: 0.5, permutations: 4, failed: 0, pTwoSided: 0.2, mean: 0, sd: 0.1, quantiles: { p05: 0, p50: 0, p95: 0 }, estimates: [-0.1, 0, 0, 0.1], seed: "1" };
  const m = placeboChart(pl, "en", { bins: 3 });
  const svg = chartSvg(m);
  // Bins [−0.1, 0.1), [0.1, 0.3), [0.3, 0.5] hold 3, 1, 0: one outline polyline and the line at the estimate.
  expect(count(svg, "polyline")).toBe(2);
  expect(m.xAxis).toEqual({ min: -0.1, max: 0.5, unit: 0.1 });
  const [, real] = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((x) => x[1].split(" ").map((p) => p.split(",").map(Number)));
  // The real estimate 0.5 is the axis maximum: the vertical line sits on the plot's right edge, from the bottom to the top.
  const frame = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="none"/.exec(svg)!.slice(1).map(Number);
  expect(real[0][0]).toBeCloseTo(frame[0] + frame[2], 6);
  expect(real[1][0]).toBeCloseTo(frame[0] + frame[2], 6);
  expect(real[0][1]).toBeCloseTo(frame[1] + frame[3], 6);
  expect(real[1][1]).toBeCloseTo(frame[1], 6);
  // Round ticks from the axis minimum (not bin centres), and the p in the title.
  for (const t of [">−0.1<", ">0<", ">0.2<", ">0.4<", ">0.5<"]) expect(svg).toContain(t);
  expect(svg).toContain("randomization p = 0.200");
});

test("a region map is drawn as its sorted bar fallback, one bar per province, largest on top", () => {
  const t = tableFromGrid([["province", "year", "s"], ["北京", 2020, 0.4], ["上海", 2020, 0.9], ["山西", 2020, 0.1]]);
  const svg = chartSvg(indexMapChart(t, { index: "s", id: "province", time: "year", year: 2020 }, "zh"));
  expect(svg).toContain("s（2020 年，排序）");
  expect(count(svg, "rect")).toBe(3 + 3);
  const y = (name: string) => Number(new RegExp(`y="([\\d.]+)"[^>]*>${name}<`).exec(svg)![1]);
  expect(y("上海")).toBeLessThan(y("北京"));
  expect(y("北京")).toBeLessThan(y("山西"));
});
