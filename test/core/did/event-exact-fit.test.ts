/**
 * Event study on an exact fit (issue #15): y = unit effect + year effect + a treatment effect that
 * depends on relative time only, with no noise. TWFE and Sun–Abraham both fit y exactly: the
 * estimates equal the generating effects, and SE, p, CI (and the pre-trend test and post-average
 * SEs) are omitted — not NaN/null — with a note in both languages; the table and the chart leave
 * those cells blank and draw no CI bars. A single-entity event study is refused before any fit.
 */
import { eventStudy } from "../../../src/core/did/event-study";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { eventStudyTable } from "../../../src/render/did-table";
import { eventStudyChart } from "../../../src/render/charts/event-study-chart";
import { chartSvg } from "../../../src/render/charts/chart-svg";

// 12 units × 10 years; cohorts 2004, 2006 (4 units each), 4 never treated.
// r ≥ 0, constant from r = 3 on (so the binned endpoint fits exactly); leads 0.
const effect = (r: number) => 0.3 * Math.min(r, 3) + 1;
const grid: (string | number)[][] = [["id", "year", "y", "first"]];
for (let g = 0; g < 12; g++) {
  const first = g < 4 ? 2004 : g < 8 ? 2006 : 0;
  for (let t = 0; t < 10; t++) {
    const year = 2000 + t;
    const r = first ? year - first : -99;
    grid.push([`u${g}`, year, 0.7 * g + 0.25 * t * t + (first && r >= 0 ? effect(r) : 0), first]);
  }
}
const spec = { y: "y", id: "id", time: "year", firstYearColumn: "first", leads: 3, lags: 3 };
const es = eventStudy(tableFromGrid(grid), spec);

test("TWFE and Sun–Abraham report the exact estimates and no SE, p or CI keys", () => {
  expect(es.model.exactFit).toBe(true);
  expect(es.exactFit).toEqual({ twfe: true, sunAbraham: true });
  for (const coefs of [es.twfe, es.sunAbraham!]) {
    expect(coefs.map((c) => c.rel)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (const c of coefs) {
      // Endpoint 3 bins r ≥ 3 (the 2004 cohort reaches r = 5 in 2009).
      if (c.rel < 0) expect(Math.abs(c.estimate)).toBeLessThan(1e-9);
      else expect(c.estimate).toBeCloseTo(effect(c.rel), 9);
      for (const k of ["se", "p", "ciLow", "ciHigh"]) expect(k in c).toBe(false);
    }
  }
  expect(es.twfe.find((c) => c.reference)).toEqual({ rel: -1, estimate: 0, reference: true });
  expect(es.preTrend).toBeUndefined();
  expect(es.sunAbrahamPreTrend).toBeUndefined();
  expect(Object.keys(es.postAverage).sort()).toEqual(["sunAbraham", "twfe"]);
  // Post averages weight the post cells by their estimation-sample counts (r = 0…5 here); both see
  // the same effects, so they agree.
  expect(es.postAverage.sunAbraham).toBeCloseTo(es.postAverage.twfe, 9);
  // Nothing turns into null in JSON.
  expect(JSON.stringify({ twfe: es.twfe, sa: es.sunAbraham, pa: es.postAverage })).not.toMatch(/null/);
});

test("the exact fit is explained in English and Chinese, once per estimator", () => {
  expect(es.notes.filter((n) => /^Event study \((TWFE|Sun–Abraham)\): exact fit/.test(n))).toHaveLength(2);
  expect(es.notesZh.filter((n) => /^事件研究（(TWFE|Sun–Abraham)）：完全拟合/.test(n))).toHaveLength(2);
  expect(es.notes.join(" ")).not.toMatch(/disagree/);
});

test.each(["en", "zh"] as const)("table (%s): estimates shown, SE and CI cells blank, the note present", (lang) => {
  const t = eventStudyTable(es, lang);
  for (const row of t.body) {
    expect(typeof row[1].value).toBe("number");
    expect(typeof row[5].value).toBe("number");
    for (const j of [2, 3, 4, 6, 7, 8]) expect(row[j].value).toBeNull();
  }
  expect(t.notes.join(" ")).toMatch(lang === "en" ? /exact fit/ : /完全拟合/);
});

test.each(["en", "zh"] as const)("chart (%s): estimate markers, no CI bars, no CI note, blank SE/p/CI cells", (lang) => {
  const c = eventStudyChart(es, lang, { y: "y" });
  // Estimates (TWFE, Sun–Abraham), the reference point and the zero line; no dashed CI bounds.
  expect(c.series.some((s) => s.style === "dashed")).toBe(false);
  expect(c.series.some((s) => /CI|置信区间/.test(s.name))).toBe(false);
  expect(c.series.filter((s) => s.style === "lineMarkers")).toHaveLength(2);
  expect(c.series.filter((s) => s.style === "markers")).toHaveLength(1);
  expect(c.notes.join(" ")).not.toMatch(lang === "en" ? /confidence intervals from SEs/ : /置信区间基于/);
  expect(c.notes.join(" ")).toMatch(lang === "en" ? /exact fit/ : /完全拟合/);
  for (const row of c.data.slice(1, 8)) {
    expect(typeof row[1]).toBe("number");
    for (const j of [2, 3, 4, 5, 7, 8, 9, 10]) expect(row[j]).toBeNull();
  }
  expect(c.yTitle).toBe(lang === "en" ? "Coefficient" : "系数"); // no "(95% CI)"
  // The figure renders, with no NaN anywhere.
  const svg = chartSvg(c);
  expect(svg).toMatch(/<svg/);
  expect(svg).not.toMatch(/NaN|undefined/);
});

test("with noise the same design keeps SE, p and CI", () => {
  const noisy = grid.map((r, i) => (i === 0 ? r : [r[0], r[1], (r[2] as number) + Math.sin(i * 12.9898) * 0.05, r[3]]));
  const r = eventStudy(tableFromGrid(noisy), spec);
  expect(r.exactFit).toBeUndefined();
  for (const c of [...r.twfe, ...r.sunAbraham!]) expect(c.se).toBeGreaterThanOrEqual(0);
  expect(r.postAverage.twfeSe).toBeGreaterThan(0);
  expect(r.preTrend).toBeDefined();
});

test("a single entity is refused before any fit, with the reason", () => {
  const one: (string | number)[][] = [["id", "year", "y", "first"]];
  for (let t = 0; t < 10; t++) one.push(["a", 2000 + t, Math.sin(t), 2005]);
  expect(() => eventStudy(tableFromGrid(one), { ...spec, vcov: "classical" })).toThrow(/no control group/);
  const never = one.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], ""]));
  expect(() => eventStudy(tableFromGrid(never), { ...spec, vcov: "classical" })).toThrow(/No entity is ever treated/);
});

test("an entity with two first treated years is named in the message", () => {
  const bad = grid.map((r, i) => (i === 15 ? [r[0], r[1], r[2], 2007] : r)); // row 15: u1, whose other rows say 2004
  expect(() => eventStudy(tableFromGrid(bad), spec)).toThrow("Column 'first': entity u1 has two first treated years (2004 and 2007).");
});
