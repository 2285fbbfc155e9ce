import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { EconError } from "../../../src/core/errors";
import { errorOf as errorOfAny } from "../../helpers/error-of";

/** A 3-entity × 3-period panel small enough to check by hand. */
const grid = [
  ["id", "t", "y", "x", "z"],
  ["A", 2001, 1, 1, 5],
  ["A", 2002, 3, 2, 5],
  ["A", 2003, 4, 3, 5],
  ["B", 2001, 2, 1, 7],
  ["B", 2002, 2, 2, 7],
  ["B", 2003, 5, 3, 7],
  ["C", 2001, 6, 2, 9],
  ["C", 2002, 7, 4, 9],
  ["C", 2003, 9, 5, 9],
];
const table = tableFromGrid(grid);

const errorOf = (f: () => unknown) => errorOfAny<EconError>(f);

describe("fixed effects on a hand-checked panel", () => {
  test("within slope = Σ x̃ỹ / Σ x̃²", () => {
    // Demeaned x: A (−1,0,1), B (−1,0,1), C (−5/3,1/3,4/3); y: A (−5/3,1/3,4/3), B (−1,−1,2), C (−4/3,−1/3,5/3)
    // Σx̃ỹ = (5/3+4/3) + (1+2) + (20/9 − 1/9 + 20/9) = 3 + 3 + 39/9; Σx̃² = 2 + 2 + (25+1+16)/9
    const b = (6 + 39 / 9) / (4 + 42 / 9);
    const r = fitPanel(table, { formula: "y ~ x", id: "id", time: "t", model: "fe" });
    expect(r.params.x).toBeCloseTo(b, 12);
    expect(r.dfResid).toBe(9 - 3 - 1);
    // _cons = ȳ − x̄ b
    expect(r.params._cons).toBeCloseTo(39 / 9 - (23 / 9) * b, 12);
  });

  test("a regressor constant within every entity is named as absorbed", () => {
    const r = fitPanel(table, { formula: "y ~ x + z", id: "id", time: "t", model: "fe" });
    expect(r.omitted).toEqual(["z"]);
    expect(r.notes.join(" ")).toMatch(/z omitted: it does not vary within entity, so the fixed effects absorb it/);
    expect(r.terms).toEqual(["x", "_cons"]);
  });

  test("a dependent variable that does not vary is refused, naming it (never coefficients 0 with SE 0)", () => {
    const flat = grid.map((row, i) => (i === 0 ? row : row.map((v, j) => (grid[0][j] === "y" ? 7 : v))));
    for (const model of ["pooled", "fe", "re"] as const) {
      expect(() => fitPanel(tableFromGrid(flat), { formula: "y ~ x", id: "id", time: "t", model })).toThrow("The dependent variable 'y' does not vary in the estimation sample (every one of the 9 values is 7); there is nothing to explain.");
    }
  });

  test("a collinear regressor is dropped and named, like Stata", () => {
    const g = grid.map((row, i) => [...row, i === 0 ? "x2" : 2 * (row[3] as number) + 1]);
    const r = fitPanel(tableFromGrid(g), { formula: "y ~ x + x2", id: "id", time: "t", model: "pooled" });
    expect(r.omitted).toEqual(["x2"]);
    expect(r.notes).toContain("x2 omitted because of collinearity.");
    expect(Math.abs(r.params.x)).toBeLessThan(100);
    expect(r.params).not.toHaveProperty("x2");
  });

  test("pooled OLS slope equals cov(x,y)/var(x)", () => {
    const xs = [1, 2, 3, 1, 2, 3, 2, 4, 5], ys = [1, 3, 4, 2, 2, 5, 6, 7, 9];
    const mx = xs.reduce((a, b) => a + b) / 9, my = ys.reduce((a, b) => a + b) / 9;
    const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const r = fitPanel(table, { formula: "y ~ x", id: "id", time: "t", model: "pooled" });
    expect(r.params.x).toBeCloseTo(b, 12);
    expect(r.params._cons).toBeCloseTo(my - b * mx, 12);
  });
});

describe("lags, subsets and bad input", () => {
  test("lag(x,1) is matched by year: missing in the first year and across a gap, never another entity's row", () => {
    const g = [["id", "t", "y", "x"], ["A", 2001, 1, 10], ["A", 2002, 2, 20], ["A", 2004, 3, 40], ["B", 2001, 4, 11], ["B", 2002, 5, 21], ["B", 2003, 7, 31]];
    const r = fitPanel(tableFromGrid(g), { formula: "y ~ lag(x,1)", id: "id", time: "t", model: "pooled" });
    // Usable rows: A2002 (lag 10), B2002 (11), B2003 (21); A2004's 2003 is absent.
    expect(r.nobs).toBe(3);
    expect(r.dropped).toEqual({ rows: 3, byVariable: { "lag(x,1)": 3 } });
  });

  test("text in a numeric column names column, row and entity-year", () => {
    const g = grid.map((r) => [...r]);
    g[5][2] = "n.a.";
    const e = errorOf(() => fitPanel(tableFromGrid(g), { formula: "y ~ x", id: "id", time: "t" }));
    expect(e.kind).toBe("value");
    expect(e.text.en).toBe("Column 'y' row 6 (B, 2002): text 'n.a.' is not a number. Enter a number or leave the cell blank for a missing value.");
    expect(e.text.zh).toContain("(B, 2002)");
  });

  test("duplicate (id, time) pairs are an error naming them", () => {
    const g = [...grid, ["A", 2002, 1, 1, 1]];
    const e = errorOf(() => fitPanel(tableFromGrid(g), { formula: "y ~ x", id: "id", time: "t" }));
    expect(e.text.en).toMatch(/Duplicate \(id, t\) pairs: \(A, 2002\) in rows 3 and 11/);
  });

  test("unknown variable lists the available columns", () => {
    const e = errorOf(() => fitPanel(table, { formula: "y ~ gdp", id: "id", time: "t" }));
    expect(e.text.en).toBe("Unknown variable 'gdp'. Available columns: id, t, y, x, z.");
  });

  test("a subgroup with one entity: FE still estimates, with a note", () => {
    const r = fitPanel(table, { formula: "y ~ x", id: "id", time: "t", model: "fe", where: "id=A" });
    expect(r.ngroups).toBe(1);
    expect(r.nobs).toBe(3);
    expect(r.notes).toContain("The sample has a single entity.");
    expect(r.params.x).toBeCloseTo(1.5, 12); // y = 1,3,4 on x = 1,2,3
  });

  test("cluster SEs with one cluster are refused; few clusters give a warning", () => {
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", vcov: "cluster", where: "id=A" })).text.en).toMatch(/at least 2 clusters; the sample has 1/);
    expect(fitPanel(table, { formula: "y ~ x", id: "id", time: "t", vcov: "cluster" }).notes.join(" ")).toMatch(/Only 3 clusters/);
  });

  test("every id observed in one period: FE refused with the reason, pooled works", () => {
    const g = [["id", "t", "y", "x"], ["A", 2001, 1, 1], ["B", 2001, 2, 3], ["C", 2001, 4, 4], ["D", 2001, 3, 6]];
    const t = tableFromGrid(g);
    expect(errorOf(() => fitPanel(t, { formula: "y ~ x", id: "id", time: "t", model: "fe" })).text.en).toMatch(/every entity has a single observation/);
    expect(errorOf(() => fitPanel(t, { formula: "y ~ x", id: "id", time: "t", model: "re" })).text.en).toMatch(/more than one period/);
    expect(fitPanel(t, { formula: "y ~ x", id: "id", time: "t", model: "pooled" }).nobs).toBe(4);
  });

  test("log of a non-positive value names the row", () => {
    const g = grid.map((r) => [...r]);
    g[2][3] = 0;
    expect(errorOf(() => fitPanel(tableFromGrid(g), { formula: "y ~ log(x)", id: "id", time: "t" })).text.en).toBe("log(): the value 0 in row 3 (A, 2002) is not positive, so it has no logarithm.");
  });

  test("unknown options list the allowed values", () => {
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", vcov: "bootstrap" as never })).text.en).toMatch(/Unknown vcov 'bootstrap'. Allowed: classical, robust, cluster/);
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", effect: "three" as never })).text.en).toMatch(/Unknown effect 'three'/);
    // A typo gets the nearest name.
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", vcov: "clustr" as never })).text.en).toBe("Unknown vcov 'clustr'. Did you mean 'cluster'? Allowed: classical, robust, cluster.");
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", model: "rnadom" as never })).text.zh).toBe("未知的模型 'rnadom'。是否想写 'random'？可选：pooled, fe, re。");
    expect(errorOf(() => fitPanel(table, { formula: "y ~ x", id: "id", time: "t", effect: "twoway s" as never })).text.en).toMatch(/Did you mean 'twoways'\?/);
  });

  test("'vce(cluster id)' spelling is understood", () => {
    const r = fitPanel(table, { formula: "y ~ x", id: "id", time: "t", vcov: "vce(cluster id)" as never });
    expect(r.vcov).toBe("cluster");
    expect(r.cluster).toBe("id");
  });

  test("no NaN anywhere in a result", () => {
    const r = fitPanel(table, { formula: "y ~ x", id: "id", time: "t", model: "fe", vcov: "cluster" });
    const { notes: _n, notesZh: _z, ...nums } = r;
    expect(JSON.stringify(nums)).not.toMatch(/NaN|null/);
  });
});
