/**
 * Sun–Abraham against R (test/fixtures/reference.sunab.json, made by scripts/reference/sunab.R from
 * the panels of scripts/reference/write-sunab-data.ts): the saturated cohort × relative-time
 * regression built by hand with lm, cluster-by-unit covariance with Stata's factor, aggregation
 * weights = cells' shares of the estimation sample. Three unbalanced staggered panels with blank
 * outcomes and controls: with never-treated units, with always-treated units (one of them only
 * because its pre-treatment outcomes are blank), and with no never-treated units (last-treated
 * cohort as control). Estimates, SEs, pre-trend F and p and the post-period average ≤ 1e-6.
 */
import { eventStudy } from "../../src/core/did/event-study";
import { fixtureTable, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.sunab.json");

for (const file of ["sunab_unbalanced.csv", "sunab_always.csv", "sunab_nonever.csv"]) {
  test(`${file}: Sun–Abraham estimates, SEs, pre-trend test and post average equal R`, () => {
    const c = ref.cases[file];
    const r = eventStudy(fixtureTable(file), {
      y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"], leads: ref.leads, lags: ref.lags, reference: ref.reference,
    });
    expect(r.controlGroup).toBe(c.control);
    expect(r.sunAbrahamDropped!.alwaysTreated.sort()).toEqual(c.always_treated);
    expect(r.sunAbrahamDropped!.collinear).toEqual(c.collinear);
    const sa = r.sunAbraham!.filter((x) => !x.reference);
    expect(sa.map((x) => String(x.rel))).toEqual(Object.keys(c.sunab).sort((a, b) => Number(a) - Number(b)));
    for (const x of sa) {
      expectRel(x.estimate, c.sunab[String(x.rel)].estimate, 1e-6, `estimate r=${x.rel}`);
      expectRel(x.se, c.sunab[String(x.rel)].se, 1e-6, `se r=${x.rel}`);
    }
    const pt = r.sunAbrahamPreTrend!;
    expect(pt.df1).toBe(c.pretrend.df1);
    expect(pt.df2).toBe(c.pretrend.df2);
    expectRel(pt.F, c.pretrend.F, 1e-6, "pre-trend F");
    expectRel(pt.chi2, c.pretrend.chi2, 1e-6, "pre-trend chi2");
    expect(Math.abs(pt.pF - c.pretrend.p)).toBeLessThan(1e-6);
    expectRel(r.postAverage.sunAbraham!, c.post_average.estimate, 1e-6, "post average");
    expectRel(r.postAverage.sunAbrahamSe!, c.post_average.se, 1e-6, "post average se");
    // Weights at each relative time sum to one.
    for (const rel of Object.keys(c.sunab).map(Number)) {
      const w = r.sunAbrahamWeights!.filter((x) => x.rel === rel).reduce((s, x) => s + x.weight, 0);
      expect(w).toBeCloseTo(1, 12);
    }
  });
}

test("the notes name the always-treated units and the last-treated control rule", () => {
  const a = eventStudy(fixtureTable("sunab_always.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] });
  const note = a.notes.find((n) => /always-treated/.test(n))!;
  for (const u of ref.cases["sunab_always.csv"].always_treated) expect(note).toContain(u);
  expect(a.notesZh.some((n) => /始终处于处理状态/.test(n))).toBe(true);
  const b = eventStudy(fixtureTable("sunab_nonever.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] });
  expect(b.notes.some((n) => /last-treated cohort \(2010\) is the control group and every period from 2010 on is dropped/.test(n))).toBe(true);
});
