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

test("event study: a circle per TWFE coefficient, a square per Sun–Abraham one, one line per CI bar", () => {
  const r = eventStudy(fixtureTable("did_staggered.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] });
  const svg = chartSvg(eventStudyChart(r, "en", { y: "y" }));
  const bars = r.twfe.filter((c) => !c.reference).length + r.sunAbraham!.filter((c) => !c.reference).length;
  expect(count(svg, "circle")).toBe(r.twfe.length + 1); // + the legend's swatch
  const saPoints = r.twfe.filter((c) => r.sunAbraham!.some((s) => s.rel === c.rel)).length;
  expect(count(svg, "rect")).toBe(saPoints + 1 + 2); // + legend swatch, background and frame
  expect(count(svg, "polyline")).toBe(bars + 1); // + the zero line
  expect(svg).toContain('stroke-dasharray="6,4"');
  expect(svg).toContain("Reference period (t = -1)");
});

test("placebo histogram: a bar per non-empty bin, the real estimate as a vertical line at its value, a numeric x axis", () => {
  const pl = { estimate: 0.5, permutations: 4, failed: 0, pTwoSided: 0.2, mean: 0, sd: 0.1, quantiles: { p05: 0, p50: 0, p95: 0 }, estimates: [-0.1, 0, 0, 0.1], seed: "1" };
  const svg = chartSvg(placeboChart(pl, "en", { bins: 3 }));
  // Bins [−0.1, 0.1), [0.1, 0.3), [0.3, 0.5] hold 3, 1, 0 estimates: 2 bars + background, frame and the bars' legend swatch.
  expect(count(svg, "rect")).toBe(2 + 3);
  // The real estimate 0.5 is the upper edge of the last bin: the vertical line sits on the plot's right edge.
  const line = /<line x1="([\d.]+)" x2="([\d.]+)" y1="[\d.]+" y2="[\d.]+" stroke="#C00000" stroke-width="2"\/>/.exec(svg);
  expect(line).not.toBeNull();
  const frame = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="none"/.exec(svg)!;
  expect(Number(line![1])).toBeCloseTo(Number(frame[1]) + Number(frame[2]), 6);
  // Round ticks on a numeric axis (not bin centres), and the p in the title.
  for (const t of [">0<", ">0.2<", ">0.4<"]) expect(svg).toContain(t);
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
