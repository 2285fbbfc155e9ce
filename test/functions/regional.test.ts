/**
 * ECON.COUPLING / ECON.TOPSIS / ECON.DAGUMGINI / ECON.KDENSITY called as Excel calls them (2-D
 * arrays with a header row, "" for blanks, null for omitted arguments), against the base-R
 * reference (test/fixtures/reference.regional.json) to 1e-9; failures are #VALUE! with the message.
 */
import { coupling, topsis, dagumgini, kdensity } from "../../src/functions/functions";
import { installCustomFunctionsGlobal, FakeCustomFunctionError } from "../helpers/custom-functions-global";
import { excelGrid, loadReference, expectRel } from "../helpers/fixtures";
import { errorOf } from "../helpers/error-of";

installCustomFunctionsGlobal();
const ref = loadReference("reference.regional.json");
const sample = excelGrid("regional_sample.csv");
const cigar = excelGrid("cigar.csv");

describe("regional custom functions", () => {
  test("ECON.COUPLING: one row per entity-year, D to 1e-9, level names in zh", () => {
    const out = coupling(sample, "fi,rcd,dig", "id=province; time=year; lang=zh");
    expect(out[0]).toEqual(["地区", "年份", "耦合度 C", "综合发展指数 T", "耦合协调度 D", "等级", "协调等级"]);
    ref.sample.coupling3.D.forEach((d: number, k: number) => {
      expectRel(out[k + 1][4] as number, d, 1e-9, `D ${k}`);
      expect(out[k + 1][5]).toBe(ref.sample.coupling3.level[k]);
    });
    expect(out[1][0]).toBe("北京");
  });
  test("ECON.COUPLING by=region4: the level distribution by region and year", () => {
    const out = coupling(sample, [["fi"], ["rcd"], ["dig"]], "id=province; time=year; by=region4");
    expect(out[0].slice(0, 5)).toEqual(["Year", "Region", "N", "Mean D", "Level of mean D"]);
    expect(out[1].slice(0, 3)).toEqual([2003, "East", 10]);
    // Counts per level add up to N; the "All" row of a year counts every entity of that year.
    const levelCols = out[0].length - 5;
    for (const r of out.slice(1).filter((x) => x[1] !== "" && typeof x[2] === "number")) expect((r.slice(5, 5 + levelCols) as number[]).reduce((a, b) => a + b, 0)).toBe(r[2]);
    const all2023 = out.find((r, i) => r[1] === "All" && out.slice(0, i).some((x) => x[0] === 2023))!;
    expect(all2023[2]).toBe(31);
    const d2023 = ref.sample.coupling3.rows.map((row: number, k: number) => [row, ref.sample.coupling3.D[k]]).filter(([row]: number[]) => sample[row + 1][1] === 2023).map(([, d]: number[]) => d);
    expectRel(all2023[3] as number, d2023.reduce((a: number, b: number) => a + b, 0) / d2023.length, 1e-12, "mean D 2023");
  });
  test("ECON.TOPSIS on Cigar per year: closeness and ranks", () => {
    const cols = ["state", "year", "price", "pop", "ndi", "sales"];
    const grid = cigar.map((r) => cols.map((c) => r[cigar[0].indexOf(c)]));
    const out = topsis(grid, [[-1, 1, 1, 1]], "id=state; time=year; mode=year");
    expect(out[0]).toEqual(["Entity", "Year", "D⁺", "D⁻", "Closeness C", "Rank"]);
    ref.cigar.topsis_year.closeness.forEach((c: number, k: number) => {
      expectRel(out[k + 1][4] as number, c, 1e-9, `C ${k}`);
      expect(out[k + 1][5]).toBe(ref.cigar.topsis_year.rank[k]);
    });
  });
  test("ECON.DAGUMGINI: the paper layout per year, with the Theil split below", () => {
    const out = dagumgini(sample, "fi", "region4", "province", "year", "theil=TRUE");
    expect(out[0][2]).toBe("Within-group Gini");
    expect(out[1]).toEqual(["Year", "Overall G", "East", "Central", "West", "Northeast", "East–Central", "East–West", "East–Northeast", "Central–West", "Central–Northeast", "West–Northeast", "Within", "Between", "Transvariation"]);
    ref.sample.dagum_region4.forEach((y: { time: number; G: number; Gw: number; within: Record<string, number>; between: Record<string, number> }, k: number) => {
      const row = out[k + 2];
      expect(row[0]).toBe(y.time);
      expectRel(row[1] as number, y.G, 1e-9, "G");
      expectRel(row[5] as number, y.within.Northeast, 1e-9, "G_NE");
      const pair = y.between["East|West"] ?? y.between["West|East"];
      expectRel(row[7] as number, pair, 1e-9, "G_EW");
      expectRel(row[12] as number, (100 * y.Gw) / y.G, 1e-9, "share Gw");
    });
    const theilHeader = out.findIndex((r) => r[0] === "Year" && r[1] === "Theil T");
    expect(theilHeader).toBeGreaterThan(23);
    expectRel(out[theilHeader + 1][3] as number, ref.sample.theil_region4[0].between, 1e-9, "Theil between");
  });
  test("ECON.KDENSITY: x and f(x) per chosen year", () => {
    const out = kdensity(sample, "fi", "year", "years=2003,2023");
    expect(out[0]).toEqual(["2003 x", "2003 Density", "2023 x", "2023 Density"]);
    expectRel(out[101][1] as number, ref.sample.density[0].y[100], 1e-9, "f 2003");
    expectRel(out[301][2] as number, ref.sample.density[2].x[300], 1e-9, "x 2023");
  });
  test("bad input is #VALUE! naming the place and the fix", () => {
    const e = errorOf<FakeCustomFunctionError>(() => coupling(sample, "fi,dig", "id=province; time=year; alpha=0.7,0.7"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/alpha \(0.7, 0.7\) sums to 1.4, not 1/);
    const g = errorOf<FakeCustomFunctionError>(() => dagumgini(sample, "fi", "regoin", "province", "year", null));
    expect(g.message).toMatch(/Group 'regoin' is neither a column/);
    const t = errorOf<FakeCustomFunctionError>(() => dagumgini(sample.map((r, i) => (i === 5 ? r.map((c, j) => (j === 4 ? 0 : c)) : r)), "fi", "region4", "province", "year", "theil=TRUE"));
    expect(t.message).toMatch(/'fi' \(北京, 2007, row 6\) is 0: the Theil index takes logarithms/);
  });
});
