/**
 * Statistics must not depend on units: rescaling a regressor by 1e±3, 1e±6 or 1e±12 (yuan against
 * 亿元) leaves every test statistic and its df unchanged (1e-8 relative). Coefficients and SEs scale
 * exactly; the rank and definiteness decisions behind Hausman, Mundlak, the model F/Wald test and
 * the event-study pre-trend test are taken on the correlation-scaled covariance (issue #15).
 */
import { hausman, mundlakTest } from "../../../src/core/inference/hausman";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { eventStudy } from "../../../src/core/did/event-study";
import { DataTable, tableFromGrid } from "../../../src/core/data/data-table";
import { parseNumberCell } from "../../../src/core/data/cells";
import { fixtureTable, expectRel } from "../../helpers/fixtures";

const FACTORS = [1e3, 1e-3, 1e6, 1e-6, 1e12, 1e-12];

/** The table with column `name` multiplied by c (blanks stay blank). */
function rescale(t: DataTable, scales: Record<string, number>): DataTable {
  const idx = Object.entries(scales).map(([n, c]) => [t.names.indexOf(n), c] as const);
  for (const [i] of idx) if (i < 0) throw new Error("no such column");
  // Tables are columnar: rebuild from the rescaled rows (a spread `rows` field would be ignored).
  return tableFromGrid([
    t.names,
    ...t.rows.map((r) => {
      const out = r.slice();
      for (const [i, c] of idx) {
        const v = parseNumberCell(out[i]);
        if (typeof v === "number") out[i] = v * c;
      }
      return out;
    }),
  ]);
}

const grunfeld = fixtureTable("grunfeld.csv");
const spec = { formula: "inv ~ value + capital", id: "firm", time: "year" };

describe("Grunfeld: rescaled regressors give the same tests", () => {
  const h0 = hausman(grunfeld, spec);
  const m0 = mundlakTest(grunfeld, { ...spec, cluster: "firm" });
  const models = [
    { model: "pooled", vcov: "classical" },
    { model: "fe", vcov: "classical" },
    { model: "fe", vcov: "cluster" },
    { model: "fe", vcov: "robust", effect: "twoways" },
    { model: "re", vcov: "classical" },
    { model: "re", vcov: "cluster" },
  ] as const;
  const base = models.map((m) => fitPanel(grunfeld, { ...spec, ...m }));

  test.each(FACTORS)("value × %p, capital × its inverse (and each alone)", (c) => {
    for (const scales of [{ value: c, capital: 1 / c }, { value: c }, { capital: c }] as Record<string, number>[]) {
      const t = rescale(grunfeld, scales);
      const h = hausman(t, spec);
      expect(h.df).toBe(h0.df);
      expect(h.df).toBe(2);
      expect(h.positiveDefinite).toBe(h0.positiveDefinite);
      expectRel(h.chi2, h0.chi2, 1e-8, `Hausman chi2 ${JSON.stringify(scales)}`);
      expectRel(h.p, h0.p, 1e-8, "Hausman p");
      const m = mundlakTest(t, { ...spec, cluster: "firm" });
      expect(m.df).toBe(m0.df);
      expectRel(m.chi2, m0.chi2, 1e-8, `Mundlak chi2 ${JSON.stringify(scales)}`);
      models.forEach((opt, j) => {
        const r = fitPanel(t, { ...spec, ...opt });
        const b = base[j];
        expect(r.modelTest).toBeDefined();
        expect(r.modelTest!.df1).toBe(b.modelTest!.df1);
        expect(r.modelTest!.df2).toBe(b.modelTest!.df2);
        expectRel(r.modelTest!.value, b.modelTest!.value, 1e-8, `${opt.model}/${opt.vcov} model test ${JSON.stringify(scales)}`);
        if (b.effectsTest) expectRel(r.effectsTest!.value, b.effectsTest.value, 1e-8, "effects F");
        // Coefficients scale exactly with 1/c, t-statistics do not move.
        for (const term of ["value", "capital"]) {
          const sc = scales[term] ?? 1;
          expectRel(r.params[term] * sc, b.params[term], 1e-8, `${term} coefficient`);
          expectRel(r.tstats[term], b.tstats[term], 1e-8, `${term} t`);
        }
      });
    }
  });

  test("the issue's case (value in yuan ×1e6, capital ×1e-2): Hausman df 2, Mundlak and the clustered F still reported", () => {
    const t = rescale(grunfeld, { value: 1e6, capital: 1e-2 });
    const h = hausman(t, spec);
    expect(h.df).toBe(2);
    expectRel(h.chi2, h0.chi2, 1e-8, "chi2");
    expect(mundlakTest(t, { ...spec, cluster: "firm" }).df).toBe(2);
    const fe = fitPanel(t, { ...spec, model: "fe", vcov: "cluster" });
    expect(fe.modelTest).toBeDefined();
    expect(fe.notes.join(" ")).not.toMatch(/not reported/);
  });
});

describe("Event study: the pre-trend test does not depend on the units of y or the control", () => {
  const table = fixtureTable("did_staggered.csv");
  const es = { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"], leads: 3, lags: 3 };
  const r0 = eventStudy(table, es);
  test.each(FACTORS)("y × %p and x × its inverse", (c) => {
    const r = eventStudy(rescale(table, { y: c, x: 1 / c }), es);
    for (const [a, b] of [[r.preTrend, r0.preTrend], [r.sunAbrahamPreTrend, r0.sunAbrahamPreTrend]]) {
      expect(a).toBeDefined();
      expect(a!.df1).toBe(b!.df1);
      expect(a!.df2).toBe(b!.df2);
      expectRel(a!.F, b!.F, 1e-8, "pre-trend F");
      expectRel(a!.chi2, b!.chi2, 1e-8, "pre-trend chi2");
    }
    expectRel(r.model.modelTest!.value, r0.model.modelTest!.value, 1e-8, "event-study model F");
  });
});
