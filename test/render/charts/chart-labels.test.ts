import { allChartLabels, chartLabel, fmt } from "../../../src/render/charts/chart-labels";

test("every chart label exists in English and Chinese with the same placeholders", () => {
  for (const [key, v] of Object.entries(allChartLabels())) {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect([key, v.en.trim().length > 0, v.zh.trim().length > 0, holes(v.en)]).toEqual([key, true, true, holes(v.zh)]);
  }
  expect(chartLabel("eventTitle", "zh", { y: "gdp" })).toBe("事件研究：gdp");
  expect([fmt(-0.12345), fmt(0), fmt(2e-5), fmt(NaN)]).toEqual(["−0.1235", "0.0000", "2.00e-5", "—"]);
});
