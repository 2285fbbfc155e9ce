/**
 * The event-study chart model: every series reads, from the data block, exactly the numbers of
 * the core's event study (estimates, CI ends, the reference period at 0), and the Sun–Abraham
 * estimates appear beside the TWFE ones only when adoption is staggered.
 */
import { eventStudy } from "../../../src/core/did/event-study";
import { eventStudyChart } from "../../../src/render/charts/event-study-chart";
import { spanValues, ChartModel } from "../../../src/render/charts/chart-model";
import { fixtureTable } from "../../helpers/fixtures";

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

  test("estimate markers are the TWFE coefficients at their relative times (reference = 0)", () => {
    const est = seriesValues(model, /^TWFE Estimate$/);
    expect(est.style).toBe("markers");
    expect(est.x).toEqual(result.twfe.map((c) => c.rel));
    expect(est.y).toEqual(result.twfe.map((c) => c.estimate));
    expect(result.twfe.find((c) => c.rel === -1)?.estimate).toBe(0);
  });

  test("CI bars: one line series, (rel, low) → (rel, high) per period, blanks between bars, none at the reference", () => {
    const ci = seriesValues(model, /^TWFE 95% CI$/);
    expect(ci.style).toBe("line");
    const coefs = result.twfe.filter((c) => !c.reference);
    const wantX: (number | null)[] = [];
    const wantY: (number | null)[] = [];
    coefs.forEach((c, k) => {
      if (k > 0) { wantX.push(null); wantY.push(null); }
      wantX.push(c.rel, c.rel);
      wantY.push(c.ciLow!, c.ciHigh!);
    });
    expect(ci.x).toEqual(wantX);
    expect(ci.y).toEqual(wantY);
    // 95% CI = estimate ± t(G−1, 0.975)·SE: symmetric around the estimate.
    for (const c of coefs) expect(Math.abs((c.ciLow! + c.ciHigh!) / 2 - c.estimate)).toBeLessThan(1e-12);
  });

  test("the reference period is its own marked series at (−1, 0); a dashed zero line spans the window", () => {
    const ref = seriesValues(model, /^Reference period \(t = -1\)$/);
    expect(ref).toMatchObject({ x: [-1], y: [0], style: "markers" });
    const zero = seriesValues(model, /^Zero$/);
    expect(zero.style).toBe("dashed");
    expect(zero.y).toEqual([0, 0]);
    expect(zero.x![0]).toBeLessThan(-4);
    expect(zero.x![1]).toBeGreaterThan(4);
  });

  test("staggered adoption: Sun–Abraham estimates beside TWFE (shifted right by 0.2) with their own CI bars", () => {
    expect(result.sunAbraham).toBeDefined();
    const sa = seriesValues(model, /^Sun–Abraham Estimate$/);
    expect(sa.x).toEqual(result.twfe.map((c) => c.rel + 0.2));
    expect(sa.y).toEqual(result.twfe.map((c) => result.sunAbraham!.find((s) => s.rel === c.rel)?.estimate ?? null));
    const saCi = seriesValues(model, /^Sun–Abraham 95% CI$/);
    expect(saCi.y.filter((v) => v !== null)).toHaveLength(2 * result.sunAbraham!.filter((c) => !c.reference).length);
  });

  test("the table columns hold the coefficient table; notes carry the pre-trend test and the binning", () => {
    expect(model.data[0].slice(0, 6)).toEqual(["Relative time", "TWFE Estimate", "TWFE SE", "TWFE CI low", "TWFE CI high", "TWFE p"]);
    const row = model.data.find((r) => r[0] === 0)!;
    const c0 = result.twfe.find((c) => c.rel === 0)!;
    expect(row.slice(1, 6)).toEqual([c0.estimate, c0.se, c0.ciLow, c0.ciHigh, c0.p]);
    expect(model.notes.join("\n")).toContain(`F(${result.preTrend!.df1}, ${result.preTrend!.df2})`);
    expect(model.notes.join("\n")).toMatch(/Endpoints are binned: -4 includes every earlier period and 4 every later one/);
    expect(model.type).toBe("XYScatter");
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
    expect(zh.series.map((s) => s.name)).toEqual(["TWFE 95% 置信区间", "TWFE 估计值", "基期（t = -1）", "零线"]);
    expect(zh.title).toBe("事件研究：y");
    expect(zh.sheetName).toBe("事件研究图");
  });
});
