/**
 * Any size that fits in memory: a 152,000-row CSV (past the ~125k elements where spreading an
 * array into call arguments overflows the stack) through every data command, and the ECON.*
 * adapters given ranges of Excel's full height (1,048,576 rows: whole columns selected).
 */
import { cli } from "../helpers/cli";
import { fixtureGrid } from "../helpers/fixtures";
import { file, firmPanelCsv } from "./data-files";
import { describeRange } from "../../src/functions/adapters/describe";
import { panelFe } from "../../src/functions/adapters/panel";
import { entropyWeightsRange } from "../../src/functions/adapters/entropy";
import { histogram } from "../../src/core/descriptive/histogram";

const EXCEL_ROWS = 1048576;
jest.setTimeout(120000);

describe("152,000 rows through every command", () => {
  let csv: string;
  beforeAll(() => {
    csv = file("firms-152k.csv", firmPanelCsv(7600));
  });
  const ids = ["--id", "firm", "--time", "year"];

  test("panel: two-way FE, clustered SE", async () => {
    const r = await cli("panel", "--data", csv, "--formula", "y ~ x1 + x2", ...ids, "--effect", "twoways", "--vcov", "cluster", "--json");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.nobs).toBe(152000);
    expect(j.ngroups).toBe(7600);
    expect(j.params.x1).toBeCloseTo(0.5, 2);
    expect(j.params.x2).toBeCloseTo(-0.2, 2);
    expect(j.stdErrors.x1).toBeGreaterThan(0);
  });

  test("panel RE and hausman", async () => {
    const re = await cli("panel", "--data", csv, "--formula", "y ~ x1 + x2", ...ids, "--model", "re", "--json");
    expect(re.code).toBe(0);
    expect(Number.isFinite(re.json().theta)).toBe(true);
    const h = await cli("hausman", "--data", csv, "--formula", "y ~ x1 + x2", ...ids, "--json");
    expect(h.code).toBe(0);
    expect(Number.isFinite(h.json().chi2)).toBe(true);
  });

  test("describe (with xtsum)", async () => {
    const r = await cli("describe", "--data", csv, ...ids, "--json");
    expect(r.code).toBe(0);
    const x1 = r.json().variables.find((v: { name: string }) => v.name === "x1");
    expect(x1.n).toBe(152000);
    expect(x1.nGroups).toBe(7600);
    expect(Number.isFinite(x1.sdWithin)).toBe(true);
  });

  test("entropy, pooled and by year", async () => {
    for (const by of ["pooled", "year"]) {
      const r = await cli("entropy", "--data", csv, "--indicators", "x1,x2,x3", "--negative", "x2", ...ids, "--by", by, "--json");
      expect(r.code).toBe(0);
      const w = r.json().weights;
      expect(w.x1 + w.x2 + w.x3).toBeCloseTo(1, 12);
      expect(r.json().scores).toHaveLength(152000);
    }
  });

  test("did, event study and mediation", async () => {
    const d = await cli("did", "--data", csv, "--y", "y", ...ids, "--units", "1,2,3,4,5,6,7,8,9,10", "--first", "2010", "--controls", "x1", "--json");
    expect(d.code).toBe(0);
    const e = await cli("did", "--data", csv, "--y", "y", ...ids, "--units", "1,2,3,4,5,6,7,8,9,10", "--first", "2010", "--event-study", "--leads", "3", "--lags", "3", "--json");
    expect(e.code).toBe(0);
    const m = await cli("mediation", "--data", csv, "--y", "y", "--x", "x1", "--m", "x3", ...ids, "--json");
    expect(m.code).toBe(0);
    expect(Number.isFinite(m.json().mediators?.[0]?.indirect?.estimate ?? m.json().indirect?.estimate)).toBe(true);
  });

  test("a histogram of 150,000 placebo estimates", () => {
    const values = Array.from({ length: 150000 }, (_, i) => Math.sin(i));
    const h = histogram(values, { include: [2] });
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(150000);
  });
});

describe("ECON.* adapters with ranges of Excel's full height", () => {
  const grunfeld = () => fixtureGrid("grunfeld.csv").map((r, i) => (i === 0 ? r : r.map(Number)));

  test("ECON.PANELFE on whole columns (200 data rows, then blanks to row 1,048,576) equals the exact range", () => {
    const exact = grunfeld();
    const whole: unknown[][] = [...exact];
    while (whole.length < EXCEL_ROWS) whole.push(["", "", "", "", ""]);
    expect(whole).toHaveLength(EXCEL_ROWS);
    const a = panelFe(whole, "inv ~ value + capital", "firm", "year", "individual", "cluster", null);
    const b = panelFe(exact, "inv ~ value + capital", "firm", "year", "individual", "cluster", null);
    expect(a).toEqual(b);
  });

  test("ECON.DESCRIBE on a full-height dense range (1,048,575 data rows)", () => {
    const grid: unknown[][] = [["a", "b"]];
    for (let i = 1; i < EXCEL_ROWS; i++) grid.push([i, i % 7]);
    const out = describeRange(grid, null) as unknown[][];
    const row = out.find((r) => r[0] === "a")!;
    expect(row).toContain(EXCEL_ROWS - 1);
    expect(row).toContain(EXCEL_ROWS / 2); // mean of 1…1,048,575
  });

  test("ECON.ENTROPYW on whole columns equals the exact range", () => {
    const exact = grunfeld().map((r) => r.slice(2));
    const whole: unknown[][] = [...exact];
    while (whole.length < EXCEL_ROWS) whole.push([null, null, null]);
    expect(entropyWeightsRange(whole, null, null)).toEqual(entropyWeightsRange(exact, null, null));
  });
});
