/**
 * Event-study inputs that must be whole numbers (issue #15), and Sun–Abraham naming the cells it
 * drops: a window of 2.5 leads, a reference of −1.5 or a year 2003.5 among whole years is refused
 * with a message naming the place; a cohort whose reference-period outcomes are all blank has one
 * cell collinear with its unit effects, which is named in a note.
 */
import { eventStudy } from "../../../src/core/did/event-study";
import { tableFromGrid, DataTable } from "../../../src/core/data/data-table";
import { simulateDid } from "../../../scripts/lib/simulate-did";
import { errorOf } from "../../helpers/error-of";

const grid = simulateDid({ design: "staggered", seed: "stag-1" });
const staggered = tableFromGrid(grid);
const header = grid[0] as string[];
/** The data rows of the simulated grid (tables are columnar: change rows, then rebuild with tableFromGrid). */
const body = grid.slice(1);
const spec = { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] };

test.each([
  [{ leads: 2.5 }, /leads = 2.5 is not a whole number/],
  [{ lags: 3.5 }, /lags = 3.5 is not a whole number/],
  [{ reference: -1.5 }, /reference = -1.5 is not a whole number/],
])("window %p is refused", (w, msg) => {
  const e = errorOf(() => eventStudy(staggered, { ...spec, ...w }));
  expect(e.message).toMatch(msg);
  expect(e.message).toMatch(/whole number/);
});

test("a single non-integer year among whole years is refused with its row", () => {
  const ti = header.indexOf("year");
  const bad: DataTable = tableFromGrid([header, ...body.map((r, i) => (i === 6 ? r.map((c, j) => (j === ti ? 2003.5 : c)) : r))]);
  const e = errorOf(() => eventStudy(bad, spec));
  expect(e.message).toMatch(/Column 'year' row 8 .*2003\.5 is not a whole period/);
});

test("Sun–Abraham names a cell dropped for collinearity (a cohort without reference-period outcomes)", () => {
  const yi = header.indexOf("y"), fi = header.indexOf("first_treat"), ti = header.indexOf("year");
  // Blank y for every unit of the earliest cohort in its reference year (first − 1).
  const firsts = body.map((r) => Number(r[fi])).filter((f) => f > 0);
  const earliest = Math.min(...firsts);
  const rows = body.map((r) => (Number(r[fi]) === earliest && Number(r[ti]) === earliest - 1 ? r.map((c, j) => (j === yi ? "" : c)) : r));
  const r = eventStudy(tableFromGrid([header, ...rows]), spec);
  expect(r.sunAbrahamDropped!.collinear.length).toBe(1);
  const name = r.sunAbrahamDropped!.collinear[0];
  expect(name.startsWith(`sa_${earliest}_`)).toBe(true);
  expect(r.notes.some((n) => n.includes("collinear with the fixed effects") && n.includes(name))).toBe(true);
});

test("Sun–Abraham with every treated unit always-treated in the estimation sample: no estimate, and a note says why", () => {
  const yi = header.indexOf("y"), fi = header.indexOf("first_treat"), ti = header.indexOf("year");
  // Blank y before treatment for every treated unit: all are always-treated once blanks are dropped.
  const rows = body.map((r) => (Number(r[fi]) > 0 && Number(r[ti]) < Number(r[fi]) ? r.map((c, j) => (j === yi ? "" : c)) : r));
  const r = eventStudy(tableFromGrid([header, ...rows]), spec);
  expect(r.sunAbraham).toBeUndefined();
  expect(r.notes.some((n) => /always-treated unit/.test(n))).toBe(true);
  expect(r.notes.some((n) => /Sun–Abraham not estimated/.test(n))).toBe(true);
  expect(r.notesZh.some((n) => /未估计 Sun–Abraham/.test(n))).toBe(true);
});

test("a pre-trend test that cannot be formed (3 clusters, 3 leads) is left out with a note giving the rank", () => {
  const ui = header.indexOf("unit");
  const withGroup: DataTable = tableFromGrid([[...header, "grp"], ...body.map((r) => [...r, `g${Number(String(r[ui]).replace(/\D/g, "")) % 3}`])]);
  const r = eventStudy(withGroup, { ...spec, cluster: "grp", leads: 4, lags: 2 });
  expect(r.model.nclusters).toBe(3);
  expect(r.preTrend).toBeUndefined();
  expect(r.notes.some((n) => /TWFE pre-trend test not reported: the covariance of the 3 leads has rank 2 < 3 \(3 clusters/.test(n))).toBe(true);
  expect(r.notesZh.some((n) => /预趋势检验/.test(n))).toBe(true);
});
