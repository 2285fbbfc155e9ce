import { groupTrend } from "../../../src/core/descriptive/group-trend";
import { indexTrendChart } from "../../../src/render/charts/index-trend-chart";
import { spanValues } from "../../../src/render/charts/chart-model";
import { tableFromGrid } from "../../../src/core/data/data-table";

describe("indexTrendChart", () => {
  const table = tableFromGrid([
    ["province", "year", "region4", "score"],
    ["北京", 2001, "East", 0.5], ["上海", 2001, "East", 0.7], ["山西", 2001, "Central", 0.2],
    ["北京", 2002, "East", 0.6], ["上海", 2002, "East", 0.8], ["山西", 2002, "Central", ""],
  ]);
  test("a line per group and the national mean, read from the data block (hand means)", () => {
    const m = indexTrendChart(groupTrend(table, { value: "score", time: "year", group: "region4" }), "en", "region4");
    expect(m.type).toBe("LineMarkers");
    expect(spanValues(m.data, m.categories!)).toEqual([2001, 2002]);
    const by = Object.fromEntries(m.series.map((s) => [s.name, spanValues(m.data, s.values)]));
    expect(by.East).toEqual([expect.closeTo(0.6, 12), expect.closeTo(0.7, 12)]);
    expect(by.Central).toEqual([0.2, null]);
    expect(by.National).toEqual([expect.closeTo(1.4 / 3, 12), expect.closeTo(0.7, 12)]);
    expect(m.series.find((s) => s.name === "National")!.style).toBe("dashed");
    expect(m.title).toBe("score by region, mean per year");
    expect(m.notes[0]).toContain("5 province-years");
  });
});
