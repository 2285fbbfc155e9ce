/**
 * DID and event studies on simulated panels with known effects (scripts/lib/simulate-did.ts,
 * fixed seeds). Each check is stated: recovery within sampling error (|estimate − truth| <
 * 3 SE), no rejection of parallel pre-trends at 5%, and Sun–Abraham differing from TWFE in the
 * staggered design with heterogeneous effects.
 */
import { did, placebo } from "../../../src/core/did/did";
import { eventStudy } from "../../../src/core/did/event-study";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { simulateDid } from "../../../scripts/lib/simulate-did";

const common = tableFromGrid(simulateDid({ design: "common", seed: "common-1" }));
const staggered = tableFromGrid(simulateDid({ design: "staggered", seed: "stag-1" }));

describe("DID", () => {
  const r = did(common, { y: "y", id: "unit", time: "year", treatedUnits: Array.from({ length: 30 }, (_, i) => `u${String(i + 1).padStart(2, "0")}`), firstYear: 2010, controls: ["x"] });

  test("recovers the true effect 2 within 3 clustered SEs", () => {
    expect(Math.abs(r.estimate - 2)).toBeLessThan(3 * r.se);
    expect(r.p).toBeLessThan(0.01);
    expect(r.model.vcov).toBe("cluster");
  });

  test("equals the panel core on the same interaction column to 1e-10 (coefficient and clustered SE)", () => {
    const direct = fitPanel(common, { formula: "y ~ d + x", id: "unit", time: "year", model: "fe", effect: "twoways", vcov: "cluster" });
    expect(Math.abs(r.estimate - direct.params.d)).toBeLessThan(1e-10);
    expect(Math.abs(r.se - direct.stdErrors.d)).toBeLessThan(1e-10);
    const viaColumn = did(common, { y: "y", id: "unit", time: "year", treat: "d", controls: ["x"] });
    expect(Math.abs(viaColumn.estimate - direct.params.d)).toBeLessThan(1e-10);
  });

  test("the 2×2 group means: their difference-in-differences is near the effect", () => {
    const m = r.means;
    expect(m.counts).toEqual({ treatedBefore: 300, treatedAfter: 300, controlBefore: 300, controlAfter: 300 });
    expect(Math.abs(m.diffInDiff - 2)).toBeLessThan(0.5);
    expect(m.diffInDiff).toBeCloseTo(m.treatedAfter - m.treatedBefore - (m.controlAfter - m.controlBefore), 12);
  });

  test("placebo: the real estimate lies far in the tail of 200 seeded permutations, reproducibly", () => {
    const p1 = placebo(common, { y: "y", id: "unit", time: "year", treat: "d" }, 200, 11);
    expect(p1.permutations).toBe(200);
    expect(p1.pTwoSided).toBeLessThan(0.01);
    expect(Math.abs(p1.mean)).toBeLessThan(0.5);
    expect(placebo(common, { y: "y", id: "unit", time: "year", treat: "d" }, 200, 11).estimates).toEqual(p1.estimates);
  });

  test("bad treatment input is refused with its place", () => {
    expect(() => did(common, { y: "y", id: "unit", time: "year", treatedUnits: ["u99"], firstYear: 2010 })).toThrow(/Treated unit 'u99' is not in column 'unit'/);
    expect(() => did(common, { y: "y", id: "unit", time: "year", treat: "x" })).toThrow(/is not 0 or 1/);
  });

  test("designs without identification are refused with the reason, never a chart of zeros", () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => `u${String(i + 1).padStart(2, "0")}`);
    const years = common.rows.map((r) => Number(r[common.names.indexOf("year")]));
    const span = `${Math.min(...years)}–${Math.max(...years)}`;
    // Treatment after the data end: nobody is ever treated in the sample.
    expect(() => eventStudy(common, { y: "y", id: "unit", time: "year", treatedUnits: units(5), firstYear: 2090 })).toThrow(`No treated entity is observed in or after its first treated year (2090); the data cover ${span}.`);
    // Treatment before the data start: the effect is the entity's level.
    expect(() => did(common, { y: "y", id: "unit", time: "year", treatedUnits: units(5), firstYear: 1900 })).toThrow(/No treated entity is observed before its first treated year \(1900/);
    // Everyone treated in one year: no control group (the year effects take it all).
    const all = [...new Set(common.rows.map((r) => String(r[0])))];
    expect(() => eventStudy(common, { y: "y", id: "unit", time: "year", treatedUnits: all, firstYear: 2010 })).toThrow(/Every entity is treated in the same year \(2010\): there is no control group/);
    // A constant outcome: nothing to explain.
    const flat = tableFromGrid([common.names as string[], ...common.rows.map((r) => r.map((v, j) => (common.names[j] === "y" ? 3 : v)))] as (string | number)[][]);
    expect(() => did(flat, { y: "y", id: "unit", time: "year", treat: "d" })).toThrow(/The dependent variable 'y' does not vary in the estimation sample \(every one of the \d+ values is 3\)/);
  });
});

describe("event study", () => {
  test("common adoption: post coefficients near 2, leads near 0, pre-trend test does not reject", () => {
    const es = eventStudy(common, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", leads: 4, lags: 4 });
    expect(es.twfe.map((c) => c.rel)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(es.twfe.find((c) => c.rel === -1)).toMatchObject({ estimate: 0, reference: true });
    for (const c of es.twfe.filter((c) => c.rel >= 0)) expect(Math.abs(c.estimate - 2)).toBeLessThan(3 * c.se!);
    expect(es.preTrend!.pF).toBeGreaterThan(0.05);
    expect(es.sunAbraham).toBeUndefined();
  });

  test("staggered adoption with heterogeneous effects: Sun–Abraham differs from TWFE and tracks the truth", () => {
    const es = eventStudy(staggered, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", leads: 3, lags: 3 });
    expect(es.cohorts).toEqual([2006, 2010, 2014]);
    expect(es.controlGroup).toBe("never-treated");
    const sa = es.sunAbraham!;
    // True effect at relative time r averages the cohort factors 1.5, 1, 0.5 → 2·1·(1 + 0.5r) at r = 0..2.
    for (const r of [0, 1, 2]) {
      const c = sa.find((x) => x.rel === r)!;
      expect(Math.abs(c.estimate - 2 * (1 + 0.5 * r))).toBeLessThan(3 * c.se!);
    }
    expect(es.sunAbrahamPreTrend!.pF).toBeGreaterThan(0.05);
    expect(Math.abs(es.postAverage.twfe - es.postAverage.sunAbraham!)).toBeGreaterThan(0.2);
    expect(es.notes.join(" ")).toMatch(/TWFE and Sun–Abraham disagree/);
  });
});
