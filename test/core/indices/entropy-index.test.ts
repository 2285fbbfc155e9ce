import { entropyIndex, EntropyInput } from "../../../src/core/indices/entropy-index";
import { parseDirection } from "../../../src/core/indices/direction";
import { parsePeriods } from "../../../src/core/indices/periods";
import { entropyInputFromTable } from "../../../src/core/indices/entropy-input";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { EconError } from "../../../src/core/errors";
import { errorOf as errorOfAny } from "../../helpers/error-of";
import { TWO_PROVINCES_ONE_GAP } from "../../helpers/small-panels";

const f = (...v: number[]) => Float64Array.from(v);

const errorOf = (f: () => unknown) => errorOfAny<EconError>(f);

describe("entropy weights by hand", () => {
  test("two rows, shift 0: each indicator has p = (0, 1), e = 0, equal weights; scores 0 and 1", () => {
    const r = entropyIndex({ indicators: [{ name: "a", values: f(1, 3), direction: "positive" }, { name: "b", values: f(10, 5), direction: "negative" }] }, { shift: 0 });
    expect(r.entropy).toEqual({ a: 0, b: 0 });
    expect(r.weights).toEqual({ a: 0.5, b: 0.5 });
    expect(r.scores).toEqual([0, 1]);
  });

  test("three rows with shift h: e = −(1/ln 3) Σ p ln p computed by hand", () => {
    const h = 0.0001;
    const xs = [0, 0.5, 1].map((v) => v + h); // x = 2, 4, 6 standardized
    const tot = xs.reduce((a, b) => a + b);
    const e = -xs.reduce((s, v) => s + (v / tot) * Math.log(v / tot), 0) / Math.log(3);
    const r = entropyIndex({ indicators: [{ name: "x", values: f(2, 4, 6), direction: "positive" }, { name: "y", values: f(1, 1, 2), direction: "positive" }] });
    expect(r.entropy.x).toBeCloseTo(e, 14);
    // y: standardized 0, 0, 1 → p = h/(1+3h), h/(1+3h), (1+h)/(1+3h)
    const ys = [h, h, 1 + h], ty = 1 + 3 * h;
    const ey = -ys.reduce((s, v) => s + (v / ty) * Math.log(v / ty), 0) / Math.log(3);
    expect(r.entropy.y).toBeCloseTo(ey, 14);
    expect(r.weights.x).toBeCloseTo((1 - e) / (2 - e - ey), 14);
  });

  test("a negative indicator reverses the standardization: the smallest raw value scores highest", () => {
    const r = entropyIndex({ indicators: [{ name: "pollution", values: f(5, 1, 3), direction: "negative" }] });
    expect(r.weights.pollution).toBe(1);
    expect(r.scores).toEqual([0, 1, 0.5]);
  });

  test("negative raw values are fine (min–max handles them)", () => {
    const r = entropyIndex({ indicators: [{ name: "growth", values: f(-2, 0, 2), direction: "positive" }, { name: "x", values: f(1, 2, 4), direction: "positive" }] });
    expect(r.scores[1]).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  test("a zero-variance indicator gets weight 0 and a note naming it, never NaN", () => {
    const r = entropyIndex({ indicators: [{ name: "flat", values: f(3, 3, 3), direction: "positive" }, { name: "x", values: f(1, 2, 4), direction: "positive" }] });
    expect(r.weights).toEqual({ flat: 0, x: 1 });
    expect(r.entropy.flat).toBe(1);
    expect(r.notes[0]).toBe("pooled: indicator 'flat' does not vary (max = min = 3): weight 0.");
    expect(JSON.stringify(r)).not.toMatch(/NaN|null/);
  });

  test("fewer than 2 rows is an error", () => {
    expect(errorOf(() => entropyIndex({ indicators: [{ name: "x", values: f(1), direction: "positive" }] })).text.en).toMatch(/at least 2 rows/);
  });

  test("all indicators constant is an error, not NaN", () => {
    expect(errorOf(() => entropyIndex({ indicators: [{ name: "x", values: f(1, 1), direction: "positive" }] })).text.en).toMatch(/no indicator varies/);
  });
});

describe("missing cells under each choice", () => {
  const grid = TWO_PROVINCES_ONE_GAP;
  const input = (): EntropyInput => entropyInputFromTable(tableFromGrid(grid), { indicators: ["a", "b"], directions: ["positive", "positive"], id: "province", time: "year" });

  test("default: an error naming indicator and province-year", () => {
    const e = errorOf(() => entropyIndex(input()));
    expect(e.text.en).toMatch(/^1 missing value\(s\): a \(北京, 2002, row 3\)\. Fill them, or choose missing = "drop"/);
    expect(e.text.zh).toMatch(/a \(北京, 2002, row 3\)/);
  });

  test("drop: the row is left out, scored blank, and the note says so", () => {
    const r = entropyIndex(input(), { missing: "drop" });
    expect(r.m).toBe(5);
    expect(r.scores[1]).toBeNull();
    expect(r.notes[0]).toMatch(/1 row\(s\) dropped for missing values: a \(北京, 2002, row 3\)/);
  });

  test("interpolate: filled linearly within the province (2 between 1 and 3)", () => {
    const r = entropyIndex(input(), { missing: "interpolate" });
    expect(r.m).toBe(6);
    expect(r.notes[0]).toBe("1 missing value(s) filled by linear interpolation within entity.");
    const filled = entropyIndex(entropyInputFromTable(tableFromGrid(grid.map((row, i) => (i === 2 ? [row[0], row[1], 2, row[3]] : row))), { indicators: ["a", "b"], directions: ["positive", "positive"], id: "province", time: "year" }));
    expect(r.weights.a).toBeCloseTo(filled.weights.a, 14);
  });

  test("text in a cell names column, row and province-year", () => {
    const g = grid.map((r) => [...r]);
    g[4][3] = "…";
    expect(errorOf(() => entropyInputFromTable(tableFromGrid(g), { indicators: ["a", "b"], directions: ["positive", "positive"], id: "province", time: "year" })).text.en).toBe(
      "Column 'b' row 5 (上海, 2001): text '…' is not a number. Enter a number or leave the cell blank for a missing value.",
    );
  });
});

describe("directions and periods", () => {
  test.each([[1, "positive"], [-1, "negative"], ["+", "positive"], ["-", "negative"], ["正向", "positive"], ["负向", "negative"], ["正", "positive"], ["负", "negative"], ["positive", "positive"], ["Negative", "negative"], [null, "positive"]])(
    "direction %p → %s",
    (cell, expected) => expect(parseDirection(cell, "x")).toBe(expected),
  );
  test("an unknown direction is refused with the accepted spellings", () => {
    expect(() => parseDirection("up", "indicator 'gdp'")).toThrow(/Direction of indicator 'gdp': 'up' is not understood/);
  });
  test("periods", () => {
    expect(parsePeriods("2003; 2004-2012; 2013–2022; 2023年")).toEqual([
      { label: "2003", from: 2003, to: 2003 }, { label: "2004-2012", from: 2004, to: 2012 }, { label: "2013-2022", from: 2013, to: 2022 }, { label: "2023", from: 2023, to: 2023 },
    ]);
    expect(() => parsePeriods("2003-2010; 2009-2012")).toThrow(/overlap/);
  });
});

describe("modes, hierarchy and input checks", () => {
  // Two entities × two years; by hand: pooled min/max over all four rows, per-year min/max within each year.
  const input: EntropyInput = {
    ids: ["A", "B", "A", "B"],
    times: [2001, 2001, 2002, 2002],
    indicators: [
      { name: "x", values: f(1, 2, 3, 5), direction: "positive", group: "g1" },
      { name: "y", values: f(4, 2, 2, 1), direction: "negative", group: "g2" },
    ],
    groupOrder: ["g2", "g1"],
  };

  test("per year: each row scored with its own year's standardization and weights (two rows per year, h = 0 ⇒ scores 0 and 1)", () => {
    const r = entropyIndex(input, { mode: "year", shift: 0 });
    expect(r.periods.map((p) => [p.label, p.m])).toEqual([["2001", 2], ["2002", 2]]);
    // 2001: x′ = (0, 1), y′ = (0, 1) ⇒ B best; 2002: x′ = (0, 1), y′ = (0, 1) ⇒ B best
    expect(r.scores).toEqual([0, 1, 0, 1]);
  });

  test("pooled: one min/max over the panel; scores as Σ w x′ with x′ by hand", () => {
    const r = entropyIndex(input, { mode: "pooled" });
    const xs = [0, 0.25, 0.5, 1], ys = [0, 2 / 3, 2 / 3, 1];
    r.scores.forEach((s, i) => expect(s).toBeCloseTo(r.weights.x * xs[i] + r.weights.y * ys[i], 15));
    expect(r.min).toEqual({ x: 1, y: 1 });
    expect(r.max).toEqual({ x: 5, y: 4 });
  });

  test("level-2 weights are sums of their indicators' weights, in the given group order; sub-indices add up to the score", () => {
    const r = entropyIndex(input);
    expect(Object.keys(r.groups!)).toEqual(["g2", "g1"]);
    expect(r.groups!.g1).toBe(r.weights.x);
    expect(r.groups!.g2).toBe(r.weights.y);
    r.scores.forEach((s, i) => expect((r.groupScores!.g1[i] as number) + (r.groupScores!.g2[i] as number)).toBeCloseTo(s as number, 15));
  });

  test("periods: rows outside every period get no score and a note", () => {
    const r = entropyIndex(input, { mode: "periods", periods: "2002" });
    expect(r.scores[0]).toBeNull();
    expect(r.notes).toContain("2 row(s) fall in no period and get no score.");
  });

  test("a period with a single row is refused", () => {
    expect(errorOf(() => entropyIndex({ ...input, ids: ["A", "B", "A", "A"], times: [2001, 2001, 2002, 2003] }, { mode: "year" })).text.en).toBe("Year 2002 has 1 row(s); the entropy method needs at least 2.");
  });

  test("unequal lengths, a repeated indicator, an unknown mode and a negative shift are refused", () => {
    expect(errorOf(() => entropyIndex({ indicators: [{ name: "x", values: f(1, 2), direction: "positive" }, { name: "y", values: f(1), direction: "positive" }] })).text.en).toMatch(/'y' has 1 values, 'x' has 2/);
    expect(errorOf(() => entropyIndex({ indicators: [{ name: "x", values: f(1, 2), direction: "positive" }, { name: "x", values: f(1, 3), direction: "positive" }] })).text.en).toMatch(/'x' is listed twice/);
    expect(errorOf(() => entropyIndex(input, { mode: "decade" as never })).text.en).toMatch(/not one of pooled, year, periods/);
    expect(errorOf(() => entropyIndex(input, { shift: -1 })).text.en).toMatch(/shift must be 0 or a small positive number/);
  });
});

test("an infinite value (possible only from code, not from Excel) is refused, naming the cell", () => {
  expect(errorOf(() => entropyIndex({ indicators: [{ name: "x", values: f(1, Infinity, 2), direction: "positive" }] })).text.en).toBe("x (row 3): the value is infinite. Enter a finite number.");
});
