/**
 * Exact fits (issue #15): when y is an exact linear function of the regressors (and effects), the
 * residuals are rounding error. The fit is reported (coefficients checked by hand against the
 * formula that built y), inference is refused with a note: no SE, t, p, stars, model or effects
 * test. Hausman on such data is refused rather than printing χ² from eigenvalues near 1e-33.
 */
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { hausman, mundlakTest } from "../../../src/core/inference/hausman";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { eventStudy } from "../../../src/core/did/event-study";

// 6 entities × 5 years; y = 1.5 + 2·x1 − 0.7·x2 exactly, yfe adds an entity effect 1.3·g.
const grid: (string | number)[][] = [["id", "t", "y", "x1", "x2", "yfe"]];
for (let g = 0; g < 6; g++) for (let t = 0; t < 5; t++) {
  const x1 = Math.sin(g * 7 + t * 3) * 4, x2 = Math.cos(g * 2 + t * 5) + t * 0.3;
  grid.push([`e${g}`, 2000 + t, 1.5 + 2 * x1 - 0.7 * x2, x1, x2, 1.5 + 2 * x1 - 0.7 * x2 + g * 1.3]);
}
const table = tableFromGrid(grid);
const base = { id: "id", time: "t" };

function expectNoInference(r: ReturnType<typeof fitPanel>) {
  expect(r.exactFit).toBe(true);
  expect(r.params.x1).toBeCloseTo(2, 12);
  expect(r.params.x2).toBeCloseTo(-0.7, 12);
  expect(r.stdErrors).toEqual({});
  expect(r.pvalues).toEqual({});
  expect(r.tstats).toEqual({});
  expect(r.stars).toEqual({});
  expect(r.modelTest).toBeUndefined();
  expect(r.effectsTest).toBeUndefined();
  expect(r.notes.some((n) => n.startsWith("Exact fit"))).toBe(true);
  expect(r.notesZh.some((n) => n.startsWith("完全拟合"))).toBe(true);
}

test("pooled OLS on an exact fit: coefficients 1.5, 2, −0.7; no SE, p or stars", () => {
  const r = fitPanel(table, { ...base, formula: "y ~ x1 + x2", model: "pooled" });
  expectNoInference(r);
  expect(r.params._cons).toBeCloseTo(1.5, 12);
});

test.each(["individual", "twoways"] as const)("FE (%s) on an exact fit with entity effects: the FE _cons is not starred", (effect) => {
  const r = fitPanel(table, { ...base, formula: "yfe ~ x1 + x2", model: "fe", effect, vcov: "cluster" });
  expectNoInference(r);
  // Stata's _cons = ȳ − x̄'b = 1.5 + mean(1.3·g) = 1.5 + 3.25.
  expect(r.params._cons).toBeCloseTo(4.75, 10);
});

test("RE on an exact fit (with and without entity effects)", () => {
  expectNoInference(fitPanel(table, { ...base, formula: "y ~ x1 + x2", model: "re" }));
  expectNoInference(fitPanel(table, { ...base, formula: "yfe ~ x1 + x2", model: "re" }));
});

test("Hausman and Mundlak refuse an exact fit with a message, not χ² from rounding noise", () => {
  expect(() => hausman(table, { ...base, formula: "yfe ~ x1 + x2" })).toThrow(/exact/);
  expect(() => mundlakTest(table, { ...base, formula: "yfe ~ x1 + x2" })).toThrow(/exact/);
});

test("a near-exact but genuine fit keeps its inference", () => {
  const noisy = tableFromGrid(grid.map((r, i) => (i === 0 ? r : [...r.slice(0, 5), (r[5] as number) + 1e-6 * Math.sin(i * 13.7)])));
  const r = fitPanel(noisy, { ...base, formula: "yfe ~ x1 + x2", model: "fe" });
  expect(r.exactFit).toBeUndefined();
  expect(r.stdErrors.x1).toBeGreaterThan(0);
  expect(r.modelTest).toBeDefined();
});

test("event study on an exact fit: no pre-trend test", () => {
  const g2: (string | number)[][] = [["id", "t", "y", "first"]];
  for (let g = 0; g < 8; g++) for (let t = 0; t < 8; t++) g2.push([`e${g}`, 2000 + t, g * 0.5 + t * 0.25, g < 4 ? 2004 : 0]);
  const r = eventStudy(tableFromGrid(g2), { y: "y", id: "id", time: "t", firstYearColumn: "first", leads: 3, lags: 3 });
  expect(r.model.exactFit).toBe(true);
  expect(r.preTrend).toBeUndefined();
});
