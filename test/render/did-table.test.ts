import { did } from "../../src/core/did/did";
import { didMeansTable, didRegressionTable } from "../../src/render/did-table";
import { toGrid } from "../../src/render/grid";
import { fixtureTable } from "../helpers/fixtures";

describe("DID paper tables", () => {
  const table = fixtureTable("did_common.csv");
  const base = did(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" });
  const full = did(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", controls: ["x"] });

  test("one column per specification; Treated × Post first with the DID estimate, its clustered SE in parentheses", () => {
    const m = didRegressionTable([base, full], "y", "en");
    expect(m.title).toBe("Difference-in-differences: y");
    const grid = toGrid(m);
    const row = grid.findIndex((r) => r[0] === "Treated × Post");
    expect(row).toBeGreaterThan(0);
    expect(String(grid[row][1])).toMatch(new RegExp(`^${base.estimate.toFixed(3).replace("-", "−?-?")}\\**$`));
    expect(String(grid[row][2])).toMatch(new RegExp(`^${full.estimate.toFixed(3).replace("-", "−?-?")}\\**$`));
    expect(grid[row + 1][1]).toBe(`(${base.se.toFixed(3)})`);
    expect(grid[row + 1][2]).toBe(`(${full.se.toFixed(3)})`);
    expect(grid.some((r) => r[0] === "x")).toBe(true);
    expect(JSON.stringify(grid)).toContain("clustered by unit");
  });

  test("the 2×2 means, their differences and the difference-in-differences (four decimals)", () => {
    const m = didMeansTable(full, "y", "zh");
    const mm = full.means;
    expect(m.header[0].map((c) => c.value)).toEqual(["", "处理前", "处理后", "差值"]);
    expect(m.body.map((r) => r.map((c) => c.value))).toEqual([
      ["处理组", mm.treatedBefore, mm.treatedAfter, mm.treatedAfter - mm.treatedBefore],
      ["对照组", mm.controlBefore, mm.controlAfter, mm.controlAfter - mm.controlBefore],
      ["双重差分", null, null, mm.diffInDiff],
    ]);
    expect(Math.abs(mm.diffInDiff - (mm.treatedAfter - mm.treatedBefore - (mm.controlAfter - mm.controlBefore)))).toBeLessThan(1e-12);
    expect(m.notes[0]).toContain(`对照组为 ${mm.cut}`);
  });
});
