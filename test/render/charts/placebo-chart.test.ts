import { placeboChart } from "../../../src/render/charts/placebo-chart";
import { spanValues } from "../../../src/render/charts/chart-model";
import { placebo } from "../../../src/core/did/did";
import type { PlaceboResult } from "../../../src/core/did/did";
import { fixtureTable } from "../../helpers/fixtures";

const result = (estimates: number[], estimate: number): PlaceboResult => ({
  estimate, permutations: estimates.length, failed: 0, pTwoSided: 1 / (estimates.length + 1), mean: 0, sd: 1,
  quantiles: { p05: 0, p50: 0, p95: 0 }, estimates, seed: "7",
});

describe("placeboChart", () => {
  test("hand case: counts per bin, the real estimate's bin marked as tall as the tallest bin", () => {
    const m = placeboChart(result([0, 0.1, 0.2, 0.3, 0.3, 0.4], 1), "en", { bins: 5 });
    // Range 0…1 in five bins of 0.2: [0,.2) [.2,.4) [.4,.6) [.6,.8) [.8,1].
    expect(spanValues(m.data, m.categories!)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9].map((v) => expect.closeTo(v, 12)));
    expect(spanValues(m.data, m.series[0].values)).toEqual([2, 3, 1, 0, 0]);
    expect(spanValues(m.data, m.series[1].values)).toEqual([0, 0, 0, 0, 3]);
    expect(m.series[1]).toMatchObject({ name: "Real estimate (1.0000)", style: "highlight" });
    expect(m.type).toBe("ColumnClustered");
    expect(m.notes[0]).toMatch(/randomization p, two-sided\) = 0\.143\. 6 permutations, seed 7\./);
  });

  test("on a committed panel: the bins hold every placebo estimate (default Stata bin count) and the note gives the core's p", () => {
    const table = fixtureTable("did_common.csv");
    const r = placebo(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }, 60, 11);
    const m = placeboChart(r, "zh");
    const counts = spanValues(m.data, m.series[0].values) as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(counts).toHaveLength(8); // min(√60, 10·log10 60) = 7.75 → 8
    const marked = (spanValues(m.data, m.series[1].values) as number[]).findIndex((v) => v > 0);
    const from = m.data[1 + marked][0] as number;
    const to = m.data[1 + marked][1] as number;
    expect(r.estimate).toBeGreaterThanOrEqual(from);
    expect(r.estimate).toBeLessThanOrEqual(to);
    expect(m.title).toBe(`安慰剂检验：60 次随机分配（随机化 p 值 = ${r.pTwoSided.toFixed(3)}）`);
    expect(m.notes[0]).toContain(`随机化 p 值，双侧）= ${r.pTwoSided.toFixed(3)}`);
  });

  test("placebo progress callback counts permutations and can stop early", () => {
    const table = fixtureTable("did_common.csv");
    const seen: number[] = [];
    const r = placebo(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }, 20, 3, { onProgress: (d) => { seen.push(d); return d < 5; } });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(r.permutations).toBe(5);
  });
});
