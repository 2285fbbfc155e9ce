import { placeboChart } from "../../../src/render/charts/placebo-chart";
import { spanValues } from "../../../src/render/charts/chart-model";
import { placebo } from "../../../src/core/did/did";
import type { PlaceboResult } from "../../../src/core/did/did";
import { fixtureTable } from "../../helpers/fixtures";
import { maxOf } from "../../../src/core/data/extent";

const result = (estimates: number[], estimate: number): PlaceboResult => ({
  estimate, permutations: estimates.length, failed: 0, pTwoSided: 1 / (estimates.length + 1), mean: 0, sd: 1,
  quantiles: { p05: 0, p50: 0, p95: 0 }, estimates, seed: "7",
});

describe("placeboChart", () => {
  test("hand case: counts per bin, drawn as a step outline; the real estimate a vertical line from 0 to the axis top", () => {
    const m = placeboChart(result([0, 0.1, 0.2, 0.3, 0.3, 0.4], 1), "en", { bins: 5 });
    expect(m.type).toBe("XYScatter");
    // Range 0…1 in five bins of 0.2: [0,.2) [.2,.4) [.4,.6) [.6,.8) [.8,1]; the table keeps edges and counts.
    const rows = m.data.slice(1, 6).map((r) => r.slice(0, 4));
    expect(rows.map((r) => r[3])).toEqual([2, 3, 1, 0, 0]);
    expect(rows.map((r) => r[2])).toEqual([0.1, 0.3, 0.5, 0.7, 0.9].map((v) => expect.closeTo(v, 12)));
    const [bars, real] = m.series;
    const near = (xs: number[]) => xs.map((v) => expect.closeTo(v, 12));
    // Up, across, down per bin, from (0, 0).
    expect(spanValues(m.data, bars.x!)).toEqual(near([0, 0, 0.2, 0.2, 0.2, 0.4, 0.4, 0.4, 0.6, 0.6, 0.6, 0.8, 0.8, 0.8, 1, 1]));
    expect(spanValues(m.data, bars.values)).toEqual([0, 2, 2, 0, 3, 3, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(bars.style).toBe("line");
    expect(real).toMatchObject({ name: "Real estimate (1.0000)", style: "line" });
    expect(spanValues(m.data, real.x!)).toEqual([1, 1]);
    // The value axis: 0 to a round number at least the tallest bin (3), and the line reaches its top.
    expect(m.yAxis).toEqual({ min: 0, max: 3, unit: 1 });
    expect(spanValues(m.data, real.values)).toEqual([0, 3]);
    // The x axis tight to the bins (0…1) on round ticks.
    expect(m.xAxis).toEqual({ min: 0, max: 1, unit: 0.2 });
    expect(m.title).toBe("Placebo test: 6 random reassignments (randomization p = 0.143)");
    expect(m.notes[0]).toMatch(/randomization p, two-sided\) = 0\.143\. 6 permutations, seed 7\./);
  });

  test("on a committed panel: the bins hold every placebo estimate (default Stata bin count), the line sits inside the x axis, the title gives the core's p", () => {
    const table = fixtureTable("did_common.csv");
    const r = placebo(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }, 60, 11);
    const m = placeboChart(r, "zh");
    const counts = m.data.slice(1).map((row) => row[3]).filter((v): v is number => typeof v === "number");
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(counts).toHaveLength(8); // min(√60, 10·log10 60) = 7.75 → 8
    const lo = m.data[1][0] as number, hi = m.data[8][1] as number;
    const { min, max, unit } = m.xAxis!;
    expect(min).toBeLessThanOrEqual(lo);
    expect(max).toBeGreaterThanOrEqual(hi);
    expect(lo - min).toBeLessThan(unit!);
    expect(max - hi).toBeLessThan(unit!);
    expect(r.estimate).toBeGreaterThanOrEqual(min);
    expect(r.estimate).toBeLessThanOrEqual(max);
    expect(m.yAxis!.max).toBeGreaterThanOrEqual(maxOf(counts));
    expect(Number.isInteger(m.yAxis!.unit)).toBe(true);
    expect(m.title).toBe(`安慰剂检验：60 次随机分配（随机化 p 值 = ${r.pTwoSided.toFixed(3)}）`);
    expect(m.notes[0]).toContain(`随机化 p 值，双侧）= ${r.pTwoSided.toFixed(3)}`);
    expect(m.notes[0]).toContain("（图中竖线）");
  });

  test("placebo progress callback counts permutations and can stop early", () => {
    const table = fixtureTable("did_common.csv");
    const seen: number[] = [];
    const r = placebo(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }, 20, 3, { onProgress: (d) => { seen.push(d); return d < 5; } });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(r.permutations).toBe(5);
  });
});
