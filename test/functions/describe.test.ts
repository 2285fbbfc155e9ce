import { installCustomFunctionsGlobal, FakeCustomFunctionError } from "../helpers/custom-functions-global";
import { describe as DESCRIBE } from "../../src/functions/functions";
import { excelGrid, loadReference, expectRel } from "../helpers/fixtures";
import { errorOf as errorOfAny } from "../helpers/error-of";

installCustomFunctionsGlobal();
const ref = loadReference("reference.grunfeld.json").descriptives.variables;

const errorOf = (f: () => unknown) => errorOfAny<FakeCustomFunctionError>(f);

describe("ECON.DESCRIBE called as Excel calls it", () => {
  test("Grunfeld with id: matches R's descriptives and xtsum to 1e-9", () => {
    const grid = DESCRIBE(excelGrid("grunfeld.csv"), "id=firm; time=year");
    expect(grid[0]).toEqual(["Variable", "N", "Mean", "SD", "Min", "Max", "SD between", "SD within"]);
    for (const row of grid.slice(1)) {
      const r = ref[row[0]];
      expect(row[1]).toBe(r.n);
      expectRel(row[2], r.mean, 1e-9, `${row[0]} mean`);
      expectRel(row[3], r.sd, 1e-9, `${row[0]} sd`);
      expectRel(row[4], r.min, 1e-12, `${row[0]} min`);
      expectRel(row[5], r.max, 1e-12, `${row[0]} max`);
      expectRel(row[6], r.sd_between, 1e-9, `${row[0]} sd_between`);
      expectRel(row[7], r.sd_within, 1e-9, `${row[0]} sd_within`);
    }
    expect(grid.map((r) => r[0])).toEqual(["Variable", "inv", "value", "capital"]);
  });

  test("omitted optional argument (Excel passes null): firm and year are described too", () => {
    const grid = DESCRIBE(excelGrid("grunfeld.csv"), null);
    expect(grid[0]).toEqual(["Variable", "N", "Mean", "SD", "Min", "Max"]);
    expect(grid.map((r) => r[0])).toEqual(["Variable", "firm", "year", "inv", "value", "capital"]);
    expectRel(grid[3][2] as number, ref.inv.mean, 1e-9, "inv mean");
  });

  test("detail and Chinese labels as a two-column options range", () => {
    const grid = DESCRIBE(excelGrid("grunfeld.csv"), [["detail", true], ["vars", "inv"], ["lang", "zh"]]);
    expect(grid[0]).toEqual(["变量", "样本量", "均值", "标准差", "最小值", "最大值", "中位数", "25%分位数", "75%分位数", "偏度", "峰度"]);
    expectRel(grid[1][6] as number, ref.inv.median, 1e-9, "median");
    expectRel(grid[1][7] as number, ref.inv.p25_type7, 1e-9, "p25");
    expectRel(grid[1][10] as number, ref.inv.kurtosis, 1e-9, "kurtosis");
  });

  test("blank cells are missing: counted out of N, skipped in the mean", () => {
    const grid = DESCRIBE([["x", "y"], [1, 10], ["", 20], [3, ""], [5, 40]], null);
    expect(grid[1]).toEqual(["x", 3, 3, 2, 1, 5]);
    expect(grid[2][1]).toBe(3);
    expect(grid[2][2]).toBeCloseTo(70 / 3, 12);
  });

  test("one data row: SD is an empty cell, not NaN, and a note says why", () => {
    expect(DESCRIBE([["x"], [4]], null)).toEqual([["Variable", "N", "Mean", "SD", "Min", "Max"], ["x", 1, 4, "", 4, 4], ["x: one observation, so no SD (N = 1).", "", "", "", "", ""]]);
  });

  test("an all-blank column asked for by name shows N = 0 and a note", () => {
    const grid = DESCRIBE([["x", "y"], [1, ""], [2, ""]], "vars=x,y");
    expect(grid[2]).toEqual(["y", 0, "", "", "", ""]);
    expect(grid[3][0]).toMatch(/y: every cell is blank/);
  });

  test("header-only range is #N/A with a message", () => {
    const e = errorOf(() => DESCRIBE([["x", "y"]], null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/no data rows/);
  });

  test("text in a numeric column is #VALUE! naming column, row and text", () => {
    const e = errorOf(() => DESCRIBE([["gdp"], [1.5], ["n/a"], [2]], "vars=gdp"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Column 'gdp' row 3: text 'n/a' is not a number. Enter a number or leave the cell blank for a missing value.");
  });

  test("an unknown option is #VALUE! listing the allowed ones", () => {
    const e = errorOf(() => DESCRIBE([["x"], [1]], "detial=TRUE"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/unknown option 'detial'. Did you mean 'detail'\? Allowed options: detail, id, time, vars, lang/);
  });
});
