/**
 * ECON.ENTROPYWEIGHTS / ECON.ENTROPYSCORE / ECON.ABOVEMEAN adapters, called with what Excel
 * passes (2-D arrays with a header row, "" for blank cells, null for omitted arguments), against
 * test/fixtures/reference.entropy.json (R 4.2.2, from first principles): 1e-9 relative.
 */
import { entropyWeightsRange, entropyScoreRange, aboveMeanRange } from "../../src/functions/adapters/entropy";
import { entropyscore } from "../../src/functions/functions";
import { installCustomFunctionsGlobal, FakeCustomFunctionError } from "../helpers/custom-functions-global";
import { EconError } from "../../src/core/errors";
import { excelGrid, loadReference, expectRel } from "../helpers/fixtures";
import { errorOf as errorOfAny } from "../helpers/error-of";
import { TWO_PROVINCES_ONE_GAP } from "../helpers/small-panels";

installCustomFunctionsGlobal();
const ref = loadReference("reference.entropy.json");
const names: string[] = ref.indicators;
const groupSpec = Object.entries(ref.hierarchy.level2 as Record<string, string[]>).map(([g, inds]) => `${g}:${inds.join(",")}`).join(";");
const full = excelGrid("cigar.csv");
/** state, year and the six indicators, as a user would select them. */
const grid = full.map((r) => ["state", "year", ...names].map((c) => r[full[0].indexOf(c)]));
const signs = [names.map((n) => ref.directions[n] as number)];
const zhDirections = [names.map((n) => (ref.directions[n] === -1 ? "负向" : "正向"))];

const errorOf = (f: () => unknown) => errorOfAny<EconError>(f);

/** The score column of ENTROPYSCORE against every reference score of a block (row order of the data). */
function checkScoreColumn(out: (string | number)[][], want: { score_rows: { state: number[]; year: number[] }; score_unshifted: number[] }, what: string) {
  const row = new Map<string, number>();
  grid.slice(1).forEach((r, i) => row.set(`${r[0]}/${r[1]}`, i + 1));
  want.score_rows.state.forEach((st, k) => expectRel(out[row.get(`${st}/${want.score_rows.year[k]}`)!][0] as number, want.score_unshifted[k], 1e-9, `${what} ${st}/${want.score_rows.year[k]}`));
}

describe("ECON.ENTROPYWEIGHTS against R", () => {
  for (const [variant, shift] of [["shift_1e_4", null], ["shift_0", "0"]] as const) {
    test(`pooled, ${variant}: Indicator | Direction | e | d | w`, () => {
      const out = entropyWeightsRange(grid, signs, `id=state; time=year${shift ? `; shift=${shift}` : ""}`);
      expect(out[0]).toEqual(["Indicator", "Direction", "Entropy e", "Redundancy d", "Weight w"]);
      const want = ref.pooled[variant];
      for (const n of names) {
        const r = out.find((x) => x[0] === n)!;
        expect(r[1]).toBe(ref.directions[n] === -1 ? "−" : "+");
        expectRel(r[2] as number, want.entropy[n], 1e-9, `e ${n}`);
        expectRel(r[3] as number, want.redundancy[n], 1e-9, `d ${n}`);
        expectRel(r[4] as number, want.weights[n], 1e-9, `w ${n}`);
      }
      expect(out).toHaveLength(1 + names.length); // no notes on clean data
    });
  }

  test("mode=year: one weight column per year; 1963 and 1992 match R", () => {
    const out = entropyWeightsRange(grid, signs, "id=state; time=year; mode=year");
    expect(out[0].slice(0, 3)).toEqual(["Indicator", "Direction", "1963"]);
    expect(out[0]).toHaveLength(2 + 30);
    for (const year of ["1963", "1992"]) {
      const c = out[0].indexOf(year);
      for (const n of names) expectRel(out.find((x) => x[0] === n)![c] as number, ref.per_year[year].shift_1e_4.weights[n], 1e-9, `${year} ${n}`);
    }
  });

  test("periods and groups, zh: the paper's Table 1 (level 1 | level 2 with weight | level 3 with weight per period)", () => {
    const out = entropyWeightsRange(grid, zhDirections, `id=state; time=year; mode=periods; periods=1963;1964-1972;1973-1991;1992; groups=${groupSpec}; level1=综合指数; lang=zh`);
    expect(out[0]).toEqual(["一级指标", "二级指标", "三级指标", "方向", "1963", "1964-1972", "1973-1991", "1992"]);
    expect(out[1].slice(0, 3)).toEqual(["综合指数", "population", ""]);
    const level2 = out.slice(1).filter((r) => r[1] !== "").map((r) => r[1]);
    expect(level2).toEqual(Object.keys(ref.hierarchy.level2));
    for (const [k, label] of ["1963", "1964-1972", "1973-1991", "1992"].entries()) {
      const want = ref.sub_periods[label];
      for (const g of level2) expectRel(out.find((r) => r[1] === g)![4 + k] as number, want.level2_weights[g as string], 1e-9, `${label} ${g}`);
      for (const n of names) {
        const r = out.find((x) => x[2] === n)!;
        expect(r[3]).toBe(ref.directions[n] === -1 ? "负向" : "正向");
        expectRel(r[4 + k] as number, want.weights[n], 1e-9, `${label} ${n}`);
      }
    }
  });

  test("directions may also be one per column of the range, blank above id and time", () => {
    const perColumn = [["", "", ...signs[0]]];
    expect(entropyWeightsRange(grid, perColumn, "id=state; time=year")).toEqual(entropyWeightsRange(grid, signs, "id=state; time=year"));
  });
});

describe("ECON.ENTROPYSCORE against R", () => {
  test("pooled: header 'Score', then one score per data row in the input's order; all 1380 match R (h = 0.0001 and h = 0)", () => {
    for (const [variant, opt] of [["shift_1e_4", ""], ["shift_0", "; shift=0"]] as const) {
      const out = entropyScoreRange(grid, [["-", "+", "+", "+", "+", "-"]], `id=state; time=year${opt}`);
      expect(out).toHaveLength(grid.length);
      expect(out[0]).toEqual(["Score"]);
      checkScoreColumn(out, ref.pooled[variant], variant);
    }
  });

  test("mode=year: each row scored with its own year's weights and min/max (1963 and 1992 match R)", () => {
    const out = entropyScoreRange(grid, signs, "id=state; time=year; mode=year");
    for (const year of ["1963", "1992"]) checkScoreColumn(out, ref.per_year[year].shift_1e_4, `year ${year}`);
  });

  test("subindices=TRUE with groups: score plus one column per level-2 group, adding up to the score", () => {
    const out = entropyScoreRange(grid, signs, `id=state; time=year; groups=${groupSpec}; subindices=TRUE`);
    expect(out[0]).toEqual(["Score", "population", "income_consumption", "prices"]);
    for (const r of out.slice(1, 50)) expect((r[1] as number) + (r[2] as number) + (r[3] as number)).toBeCloseTo(r[0] as number, 13);
  });

  test("a range without a header row gives scores without a header, still aligned", () => {
    const noHeader = grid.slice(1).map((r) => r.slice(2));
    const out = entropyScoreRange(noHeader, signs, null);
    expect(out).toHaveLength(noHeader.length);
    checkScoreColumn([["Score"], ...out], ref.pooled.shift_1e_4, "no header");
    expect(errorOf(() => entropyScoreRange(noHeader, signs, "id=state")).text.en).toMatch(/needs a header row/);
    // a blank in the first row is a missing value, not a header; text further down names its own row
    expect(errorOf(() => entropyScoreRange([[1, ""], [2, 3], [3, 4]], null, null)).text.en).toMatch(/^1 missing value\(s\): column 2 \(row 1\)/);
    expect(errorOf(() => entropyScoreRange([[1, 2], [2, "x"], [3, 4]], null, null)).text.en).toMatch(/^Column 2 row 2: text 'x' is not a number/);
  });
});

describe("ECON.ABOVEMEAN against R", () => {
  test.each(["1963", "1992"])("year %s: the states above the year mean, with their scores and the mean", (year) => {
    const out = aboveMeanRange(grid, signs, Number(year), "id=state; time=year");
    expect(out[0]).toEqual(["Year", "Entity", "Score", "Year mean"]);
    expect(out.slice(1).map((r) => Number(r[1])).sort((a, b) => a - b)).toEqual(ref.above_year_mean[year].states_above);
    for (const r of out.slice(1)) {
      expect(r[0]).toBe(Number(year));
      expectRel(r[3] as number, ref.above_year_mean[year].year_mean, 1e-9, "mean");
      expect(r[2] as number).toBeGreaterThan(r[3] as number);
    }
  });

  test("every year (year omitted): per-year lists, then the states above the mean in every year", () => {
    const out = aboveMeanRange(grid, signs, null, "id=state; time=year");
    const y92 = out.filter((r) => r[0] === 1992).map((r) => Number(r[1])).sort((a, b) => a - b);
    expect(y92).toEqual(ref.above_year_mean["1992"].states_above);
    const always = out.filter((r) => r[0] === "Every year").map((r) => Number(r[1]));
    expect(always.length).toBeGreaterThan(0);
    for (const s of always) for (let y = 1963; y <= 1992; y++) expect(out.some((r) => r[0] === y && Number(r[1]) === s)).toBe(true);
  });

  test("needs id and time", () => {
    expect(errorOf(() => aboveMeanRange(grid.map((r) => r.slice(2)), signs, null, null)).text.en).toMatch(/needs id and time columns/);
  });
});

describe("bad input as Excel passes it", () => {
  const small = TWO_PROVINCES_ONE_GAP;

  test("a blank cell: #VALUE! naming the province-year and the indicator by default", () => {
    try {
      entropyscore(small, null, "id=province; time=year");
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(FakeCustomFunctionError);
      expect((e as FakeCustomFunctionError).code).toBe("#VALUE!");
      expect((e as FakeCustomFunctionError).message).toMatch(/a \(北京, 2002, row 3\)/);
    }
  });

  test("missing=drop: the row's score is blank, the others stay aligned; the weights table notes the drop", () => {
    const out = entropyScoreRange(small, null, "id=province; time=year; missing=drop");
    expect(out).toHaveLength(7);
    expect(out[2]).toEqual([""]);
    expect(out.filter((r) => typeof r[0] === "number")).toHaveLength(5);
    const w = entropyWeightsRange(small, null, "id=province; time=year; missing=drop");
    expect(w[w.length - 1][0]).toMatch(/1 row\(s\) dropped for missing values: a \(北京, 2002, row 3\)/);
  });

  test("missing=interpolate (also 'linear'): same as typing the interpolated value 2", () => {
    const filled = small.map((r, i) => (i === 2 ? [r[0], r[1], 2, r[3]] : r));
    const want = entropyScoreRange(filled, null, "id=province; time=year");
    expect(entropyScoreRange(small, null, "id=province; time=year; missing=interpolate")).toEqual(want);
    expect(entropyScoreRange(small, null, "id=province; time=year; missing=linear")).toEqual(want);
    expect(entropyWeightsRange(small, null, "id=province; time=year; missing=interpolate").pop()![0]).toBe("1 missing value(s) filled by linear interpolation within entity.");
  });

  test("text in a cell names column, row and province-year", () => {
    const g = small.map((r) => [...r]);
    g[5][2] = "—";
    expect(errorOf(() => entropyWeightsRange(g, null, "id=province; time=year")).text.en).toBe(
      "Column 'a' row 6 (上海, 2002): text '—' is not a number. Enter a number or leave the cell blank for a missing value.",
    );
  });

  test("a zero-variance indicator: weight 0 and a note naming it under the table", () => {
    const g = small.map((r, i) => (i === 0 ? [...r, "flat"] : [...r, 7]));
    const out = entropyWeightsRange(g.map((r, i) => (i === 2 ? [r[0], r[1], 2, r[3], r[4]] : r)), null, "id=province; time=year");
    expect(out.find((r) => r[0] === "flat")!.slice(2)).toEqual([1, 0, 0]);
    expect(out.map((r) => r[0])).toContain("pooled: indicator 'flat' does not vary (max = min = 7): weight 0.");
    expect(JSON.stringify(out)).not.toMatch(/NaN|null/);
  });

  test.each([
    [[[1, -1]], "positive", "negative"],
    [[["+", "-"]], "positive", "negative"],
    [[["正向", "负向"]], "positive", "negative"],
    [[["正", "负"]], "positive", "negative"],
    [[["positive", "negative"]], "positive", "negative"],
    [[["-1", "+1"]], "negative", "positive"],
    [[[-1], [1]], "negative", "positive"], // a column of directions
  ])("directions %j", (dirs, a, b) => {
    const clean = small.map((r, i) => (i === 2 ? [r[0], r[1], 2, r[3]] : r));
    const out = entropyWeightsRange(clean, dirs, "id=province; time=year");
    expect(out.find((r) => r[0] === "a")![1]).toBe(a === "negative" ? "−" : "+");
    expect(out.find((r) => r[0] === "b")![1]).toBe(b === "negative" ? "−" : "+");
  });

  test("wrong number of directions, unknown direction, unknown option, unknown mode: each says what to fix", () => {
    const clean = small.map((r, i) => (i === 2 ? [r[0], r[1], 2, r[3]] : r));
    expect(errorOf(() => entropyWeightsRange(clean, [[1, 1, 1]], "id=province; time=year")).text.en).toMatch(/3 value\(s\) given for 2 indicator\(s\) \(a, b\)/);
    expect(errorOf(() => entropyWeightsRange(clean, [[1, "up"]], "id=province; time=year")).text.en).toMatch(/Direction of indicator 'b': 'up'/);
    expect(errorOf(() => entropyWeightsRange(clean, null, "id=province; time=year; weights=equal")).text.en).toMatch(/unknown option 'weights'. Allowed options: id, time, mode/);
    expect(errorOf(() => entropyWeightsRange(clean, null, "id=province; time=year; mode=decade")).text.en).toMatch(/'decade' is not one of pooled, year, periods/);
  });

  test("fewer than 2 rows is an error; two rows work", () => {
    expect(errorOf(() => entropyWeightsRange([["a", "b"], [1, 2]], null, null)).text.en).toMatch(/at least 2 rows/);
    expect(entropyScoreRange([["a", "b"], [1, 2], [3, 1]], [[1, 1]], "shift=0")).toEqual([["Score"], [0.5], [0.5]]);
  });
});
