/**
 * The event-study chart model: every series reads, from the data block, exactly the numbers of
 * the core's event study (estimates, CI ends, the reference period at 0), and the Sun–Abraham
 * estimates appear beside the TWFE ones only when adoption is staggered.
 */
import { eventStudy } from "../../../src/core/did/event-study";
import { eventStudyChart } from "../../../src/render/charts/event-study-chart";
import { spanValues, ChartModel } from "../../../src/render/charts/chart-model";
import { fixtureTable } from "../../helpers/fixtures";
import { maxOf, minOf } from "../../../src/core/data/extent";

const seriesValues = (m: ChartModel, name: RegExp) => {
  const s = m.series.find((x) => name.test(x.name));
  if (!s) throw new Error(`no series ${name}: ${m.series.map((x) => x.name).join(", ")}`);
  return { x: s.x ? spanValues(m.data, s.x) : undefined, y: spanValues(m.data, s.values), style: s.style };
};

describe("eventStudyChart", () => {
  const staggered = fixtureTable("did_staggered.csv");
  const spec = { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] };
  const result = eventStudy(staggered, spec);
  const model = eventStudyChart(result, "en", { y: "y", controls: ["x"] });

  const cats = spanValues(model.data, model.categories!);

  test("a line chart on a text axis of periods: the binned endpoints read ≤−4 and ≥4, the others their number", () => {
    expect(model.type).toBe("LineMarkers");
    const rels = result.twfe.map((c) => c.rel);
    expect(rels[0]).toBe(-4);
    expect(rels[rels.length - 1]).toBe(4);
    expect(cats).toEqual(rels.map((r) => (r === -4 ? "≤−4" : r === 4 ? "≥4" : r)));
  });

  test("estimates are the TWFE coefficients, one per period (reference = 0), a line through circles", () => {
    const est = seriesValues(model, /^TWFE Estimate$/);
    expect(est.style).toBe("lineMarkers");
    expect(est.x).toBeUndefined();
    expect(est.y).toEqual(result.twfe.map((c) => c.estimate));
    expect(result.twfe.find((c) => c.rel === -1)?.estimate).toBe(0);
  });

  test("CI bounds: two dashed series read the coefficient table's CI ends, symmetric around the estimate", () => {
    const low = seriesValues(model, /^TWFE 95% CI \(lower\)$/);
    const high = seriesValues(model, /^TWFE 95% CI \(upper\)$/);
    expect([low.style, high.style]).toEqual(["dashed", "dashed"]);
    expect(low.y).toEqual(result.twfe.map((c) => c.ciLow));
    expect(high.y).toEqual(result.twfe.map((c) => c.ciHigh));
    // 95% CI = estimate ± t(G−1, 0.975)·SE: symmetric around the estimate.
    for (const c of result.twfe) expect(Math.abs((c.ciLow! + c.ciHigh!) / 2 - c.estimate)).toBeLessThan(1e-12);
  });

  test("the reference period is its own marked series (one point, at −1, value 0); a zero line across every period", () => {
    const ref = seriesValues(model, /^Reference period \(t = -1\)$/);
    expect(ref.style).toBe("markers");
    expect(ref.y).toEqual(result.twfe.map((c) => (c.rel === -1 ? 0 : null)));
    const zero = seriesValues(model, /^Zero$/);
    expect(zero.y).toEqual(result.twfe.map(() => 0));
  });

  test("the value axis is tight to the CI ends on round ticks (not padded by more than one tick)", () => {
    const ends = [...result.twfe, ...result.sunAbraham!].flatMap((c) => [c.ciLow!, c.ciHigh!]);
    const lo = Math.min(0, minOf(ends)), hi = maxOf(ends);
    const { min, max, unit } = model.yAxis!;
    expect(min).toBeLessThanOrEqual(lo);
    expect(max).toBeGreaterThanOrEqual(hi);
    expect(lo - min).toBeLessThan(unit!);
    expect(max - hi).toBeLessThan(unit!);
    // A round step: 1, 2 or 5 × 10^k, and the axis starts on a multiple of it.
    expect([1, 2, 5]).toContain(Number((unit! / 10 ** Math.floor(Math.log10(unit!))).toPrecision(6)));
    expect(Number.isInteger(Number((min / unit!).toFixed(9)))).toBe(true);
  });

  test("staggered adoption: Sun–Abraham estimates and their CI bounds as their own series", () => {
    expect(result.sunAbraham).toBeDefined();
    const sa = seriesValues(model, /^Sun–Abraham Estimate$/);
    expect(sa.y).toEqual(result.twfe.map((c) => result.sunAbraham!.find((s) => s.rel === c.rel)?.estimate ?? null));
    const saLow = seriesValues(model, /^Sun–Abraham 95% CI \(lower\)$/);
    expect(saLow.y).toEqual(result.twfe.map((c) => result.sunAbraham!.find((s) => s.rel === c.rel)?.ciLow ?? null));
  });

  test("the table columns hold the coefficient table; notes carry the pre-trend test and the binning", () => {
    expect(model.data[0].slice(0, 6)).toEqual(["Relative time", "TWFE Estimate", "TWFE SE", "TWFE CI low", "TWFE CI high", "TWFE p"]);
    const row = model.data.find((r) => r[0] === 0)!;
    const c0 = result.twfe.find((c) => c.rel === 0)!;
    expect(row.slice(1, 6)).toEqual([c0.estimate, c0.se, c0.ciLow, c0.ciHigh, c0.p]);
    expect(model.notes.join("\n")).toContain(`F(${result.preTrend!.df1}, ${result.preTrend!.df2})`);
    expect(model.notes.join("\n")).toMatch(/Endpoints are binned: ≤−4 includes every earlier period and ≥4 every later one/);
    // A rectangle with no NaN or undefined: blanks are null.
    const width = model.data[0].length;
    for (const r of model.data) {
      expect(r).toHaveLength(width);
      for (const v of r) expect(v === null || typeof v === "string" || Number.isFinite(v)).toBe(true);
    }
  });

  test("common timing: no Sun–Abraham series; Chinese labels", () => {
    const common = fixtureTable("did_common.csv");
    const r = eventStudy(common, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" });
    const zh = eventStudyChart(r, "zh", { y: "y" });
    expect(zh.series.map((s) => s.name)).toEqual(["TWFE 估计值", "TWFE 95% 置信区间（下限）", "TWFE 95% 置信区间（上限）", "基期（t = -1）", "零线"]);
    expect(spanValues(zh.data, zh.categories!)[0]).toBe("≤−4");
    expect(zh.notes.join("\n")).toContain("端点合并：≤−4 包含更早的所有期，≥4 包含更晚的所有期。");
    expect(zh.title).toBe("事件研究：y");
    expect(zh.sheetName).toBe("事件研究图");
  });
});
