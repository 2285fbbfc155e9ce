import { describe as describeData } from "../../../src/core/descriptive/describe";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { EconError } from "../../../src/core/errors";
import { fixtureTable, loadReference, expectRel } from "../../helpers/fixtures";

const ref = loadReference("reference.grunfeld.json").descriptives.variables;

describe("describe() against R (reference.grunfeld.json → descriptives)", () => {
  const result = describeData(fixtureTable("grunfeld.csv"), { id: "firm", time: "year", detail: true });

  test("summarises every numeric column except id and time", () => {
    expect(result.variables.map((v) => v.name)).toEqual(["inv", "value", "capital"]);
  });

  for (const name of ["inv", "value", "capital"]) {
    test(`${name}: n, mean, sd, min, max, quantiles, moments, xtsum within 1e-9`, () => {
      const v = result.variables.find((x) => x.name === name)!;
      const r = ref[name];
      expect(v.n).toBe(r.n);
      expect(v.nMissing).toBe(r.n_missing);
      expectRel(v.mean, r.mean, 1e-9, "mean");
      expectRel(v.sd, r.sd, 1e-9, "sd");
      expectRel(v.min, r.min, 1e-12, "min");
      expectRel(v.max, r.max, 1e-12, "max");
      expectRel(v.median, r.median, 1e-9, "median");
      expectRel(v.p25, r.p25_type7, 1e-9, "p25");
      expectRel(v.p75, r.p75_type7, 1e-9, "p75");
      expectRel(v.skewness, r.skewness, 1e-9, "skewness");
      expectRel(v.kurtosis, r.kurtosis, 1e-9, "kurtosis");
      expectRel(v.sdBetween, r.sd_between, 1e-9, "sd_between");
      expectRel(v.sdWithin, r.sd_within, 1e-9, "sd_within");
      expect(v.nGroups).toBe(10);
    });
  }
});

describe("describe() on small hand-checked cases", () => {
  test("x = 1, 2, 3, 4 (blank skipped): mean 2.5, sd √(5/3), p25 1.75", () => {
    const t = tableFromGrid([["x"], [1], [2], [null], [3], [4]]);
    const v = describeData(t, { detail: true }).variables[0];
    expect(v.n).toBe(4);
    expect(v.nMissing).toBe(1);
    expect(v.mean).toBe(2.5);
    expect(v.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(v.p25).toBe(1.75);
    expect(v.median).toBe(2.5);
    expect(v.skewness).toBeCloseTo(0, 14);
    // population m2 = 1.25, m4 = (2·1.5⁴ + 2·0.5⁴)/4 = 2.5625; kurtosis = 2.5625 / 1.5625
    expect(v.kurtosis).toBeCloseTo(2.5625 / 1.5625, 14);
  });

  test("one data row: N 1, mean = min = max, no SD", () => {
    const v = describeData(tableFromGrid([["x"], [7]])).variables[0];
    expect(v).toMatchObject({ n: 1, mean: 7, min: 7, max: 7 });
    expect(v.sd).toBeUndefined();
  });

  test("an all-blank column named explicitly has N 0 and no statistics", () => {
    const t = tableFromGrid([["x", "y"], [1, null], [2, ""]]);
    const r = describeData(t, { vars: ["x", "y"] });
    expect(r.variables[1]).toEqual({ name: "y", n: 0, nMissing: 2 });
    expect(r.notes.join(" ")).toMatch(/y: every cell is blank/);
  });

  test("an all-blank column is left out of the default list", () => {
    const t = tableFromGrid([["x", "y"], [1, null], [2, ""]]);
    expect(describeData(t).variables.map((v) => v.name)).toEqual(["x"]);
  });

  test("header-only range is 'nothing to compute'", () => {
    expect(() => describeData(tableFromGrid([["x", "y"]]))).toThrow(EconError);
    try {
      describeData(tableFromGrid([["x", "y"]]));
    } catch (e) {
      expect((e as EconError).kind).toBe("na");
    }
  });

  test("text in a named numeric column names column, row and text, in both languages", () => {
    const t = tableFromGrid([["x"], [1], ["—"], [3]]);
    let err: EconError | undefined;
    try {
      describeData(t, { vars: ["x"] });
    } catch (e) {
      err = e as EconError;
    }
    expect(err?.kind).toBe("value");
    expect(err?.text.en).toBe("Column 'x' row 3: text '—' is not a number. Enter a number or leave the cell blank for a missing value.");
    expect(err?.text.zh).toContain("列 'x' 第 3 行");
  });

  test("unknown variable lists the available columns", () => {
    expect(() => describeData(tableFromGrid([["a", "b"], [1, 2]]), { vars: ["c"] })).toThrow(/Unknown variable 'c'. Available columns: a, b/);
  });
});
