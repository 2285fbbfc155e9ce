import { regressionTable, TableColumn } from "../../src/render/regression-table";
import { toGrid } from "../../src/render/grid";
import { toText } from "../../src/render/text";
import { toCsv } from "../../src/render/csv";
import { stars } from "../../src/render/stars";

const col = (over: Partial<TableColumn>): TableColumn => ({
  params: {}, stdErrors: {}, tstats: {}, pvalues: {}, nobs: 100, ...over,
});

describe("stars", () => {
  test.each([
    [0.2, ""], [0.1, ""], [0.0999, "*"], [0.05, "*"], [0.049, "**"], [0.01, "**"], [0.0099, "***"], [NaN, ""],
  ])("p = %p → '%s'", (p, s) => expect(stars(p)).toBe(s));
  test("configurable levels", () => expect(stars(0.03, [0.05, 0.01, 0.001])).toBe("*"));
});

describe("regressionTable", () => {
  const a = col({
    title: "Y", params: { x: 0.12345, z: -2, _cons: 1.5 }, stdErrors: { x: 0.05, z: 0.4, _cons: 0.3 },
    tstats: { x: 2.469, z: -5, _cons: 5 }, pvalues: { x: 0.02, z: 0.0001, _cons: 0.2 },
    nobs: 200, rsquared: 0.7654, rsquaredKind: "within", ngroups: 10, entityEffects: true, timeEffects: false, seLabel: "clustered by firm",
  });
  const b = col({ title: "Y", params: { x: 0.2 }, stdErrors: { x: 0.1 }, tstats: { x: 2 }, pvalues: { x: 0.06 }, nobs: 190, rsquared: 0.5, rsquaredKind: "within", ngroups: 10, entityEffects: true, timeEffects: true, seLabel: "clustered by firm" });

  test("coefficient with stars, SE in parentheses, blanks where a term is absent", () => {
    const grid = toGrid(regressionTable([a, b]));
    expect(grid).toEqual([
      ["Variable", "(1)", "(2)"],
      ["", "Y", "Y"],
      ["x", "0.123**", "0.200*"],
      ["", "(0.050)", "(0.100)"],
      ["z", "-2.000***", ""],
      ["", "(0.400)", ""],
      ["Constant", "1.500", ""],
      ["", "(0.300)", ""],
      ["Entity FE", "Yes", "Yes"],
      ["Year FE", "No", "Yes"],
      ["N", 200, 190],
      ["Within R²", "0.765", "0.500"],
      ["Groups", 10, 10],
      ["Standard errors in parentheses (clustered by firm); * p<0.1, ** p<0.05, *** p<0.01", "", ""],
    ]);
  });

  test("Chinese labels, renamed terms, t in parentheses, chosen terms only", () => {
    const grid = toGrid(regressionTable([a], { lang: "zh", rename: { x: "要素创新" }, under: "t", terms: ["x", "_cons"], digits: 2 }));
    expect(grid.map((r) => r[0])).toEqual(["变量", "", "要素创新", "", "常数项", "", "个体固定效应", "年份固定效应", "样本量", "组内R²", "个体数", "括号内为 t 值；* p<0.1, ** p<0.05, *** p<0.01"]);
    expect(grid[2][1]).toBe("0.12**");
    expect(grid[3][1]).toBe("(2.47)");
  });

  test("controls folded into one row", () => {
    const c = col({ params: { x: 1, c1: 2, c2: 3 }, stdErrors: { x: 1, c1: 1, c2: 1 }, tstats: {}, pvalues: { x: 0.5, c1: 0.5, c2: 0.5 }, controls: ["c1", "c2"] });
    const grid = toGrid(regressionTable([c, col({ params: { x: 1 }, stdErrors: { x: 1 }, pvalues: { x: 0.5 } })], { foldControls: true }));
    expect(grid.map((r) => r[0])).toContain("Controls");
    expect(grid.find((r) => r[0] === "Controls")).toEqual(["Controls", "Yes", "No"]);
    expect(grid.map((r) => r[0])).not.toContain("c1");
  });

  test("text and CSV renderings carry the same cells", () => {
    const model = regressionTable([a, b], { title: "Table 5" });
    const text = toText(model);
    expect(text).toContain("Table 5");
    expect(text).toContain("0.123**");
    const csv = toCsv(model);
    expect(csv.split("\r\n")[0]).toBe("Table 5,,");
    expect(csv).toContain('"Standard errors in parentheses (clustered by firm); * p<0.1, ** p<0.05, *** p<0.01",,');
  });

  test("negative zero prints as 0.000 and no NaN leaks into cells", () => {
    const c = col({ params: { x: -0.0000001 }, stdErrors: { x: NaN }, pvalues: { x: NaN } });
    const grid = toGrid(regressionTable([c]));
    expect(grid[1]).toEqual(["x", "0.000"]);
    expect(grid[2]).toEqual(["", ""]);
    expect(JSON.stringify(grid)).not.toMatch(/NaN/);
  });
});
