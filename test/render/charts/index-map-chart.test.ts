import { indexMapChart } from "../../../src/render/charts/index-map-chart";
import { spanValues } from "../../../src/render/charts/chart-model";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { errorOf } from "../../helpers/error-of";

describe("indexMapChart", () => {
  const table = tableFromGrid([
    ["province", "year", "score"],
    ["北京", 2001, 0.5], ["内蒙古", 2001, 0.7], ["山西", 2001, 0.2], ["上海", 2001, ""],
    ["北京", 2002, 0.6],
  ]);
  test("one year's scores largest first; map geography = China + English names; sorted bar fallback", () => {
    const m = indexMapChart(table, { index: "score", id: "province", time: "year", year: 2001 }, "zh");
    expect(m.type).toBe("RegionMap");
    expect(m.data.slice(1)).toEqual([["内蒙古", "China", "Inner Mongolia", 0.7], ["北京", "China", "Beijing", 0.5], ["山西", "China", "Shanxi", 0.2]]);
    expect(m.categories).toMatchObject({ col: 1, colCount: 2 });
    expect(spanValues(m.data, m.series[0].values)).toEqual([0.7, 0.5, 0.2]);
    expect(m.fallback).toMatchObject({ type: "BarClustered", reverseCategories: true, categories: { col: 0, from: 1, to: 3 } });
    expect(spanValues(m.data, m.fallback!.categories!)).toEqual(["内蒙古", "北京", "山西"]);
  });
  test("a year without values names the years there are; an unknown province names its row", () => {
    expect(errorOf(() => indexMapChart(table, { index: "score", id: "province", time: "year", year: 2009 }, "en")).message).toMatch(/No province has a value of 'score' in 2009. Years in the data: 2001, 2002/);
    const bad = tableFromGrid([["province", "year", "score"], ["Atlantis", 2001, 1]]);
    expect(errorOf(() => indexMapChart(bad, { index: "score", id: "province", time: "year", year: 2001 }, "en")).message).toMatch(/Row 2: 'Atlantis'/);
  });
});
