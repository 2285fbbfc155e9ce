import { tableFromGrid } from "../../../src/core/data/data-table";
import { entityCodes, xtsum } from "../../../src/core/descriptive/xtsum";
import { describe as describeTable } from "../../../src/core/descriptive/describe";

/*
 * Stata `xtsum` by hand: ids A, A, B, B, B, (blank); x = 1, 3, 2, 4, 6, 9.
 * Entity means A = 2, B = 4, their mean 3: between SD = √(((2−3)² + (4−3)²)/1) = √2.
 * Within deviations x − x̄_i: −1, 1, −2, 0, 2 → SS 10 over N − 1 = 4: √2.5. The blank id's row is left out.
 */
const grid = (ids: (string | number | null)[]) => tableFromGrid([["id", "x"], ...ids.map((id, i) => [id, [1, 3, 2, 4, 6, 9][i]])]);

describe("xtsum between/within SD from entity codes", () => {
  test.each([
    ["text ids", ["A", "A", "B", "B", "B", null]],
    ["numeric ids", [7, 7, 2, 2, 2, null]],
  ] as const)("%s: the hand-computed values", (_, ids) => {
    const t = grid([...ids]);
    const groups = entityCodes(t, "id");
    expect(groups.n).toBe(2);
    expect(groups.anyBlank).toBe(true);
    expect(Array.from(groups.codes)).toEqual([0, 0, 1, 1, 1, -1]);
    const r = xtsum(Float64Array.from([1, 3, 2, 4, 6, 9]), groups);
    expect(r.nGroups).toBe(2);
    expect(r.sdBetween).toBeCloseTo(Math.SQRT2, 14);
    expect(r.sdWithin).toBeCloseTo(Math.sqrt(2.5), 14);
  });

  test("describe: the same between/within SD whether ids are text or numbers, and the blank-id note", () => {
    const a = describeTable(grid(["A", "A", "B", "B", "B", null]), { id: "id" });
    const b = describeTable(grid([7, 7, 2, 2, 2, null]), { id: "id" });
    expect(a.variables[0]).toEqual(b.variables[0]);
    expect(a.variables[0].sdBetween).toBeCloseTo(Math.SQRT2, 14);
    expect(a.notes.join(" ")).toMatch(/blank 'id'/);
  });

  test("an entity whose x is all blank does not count as a group", () => {
    const t = tableFromGrid([["id", "x"], ["A", 1], ["A", 3], ["B", null], ["C", 5]]);
    const r = xtsum(Float64Array.from([1, 3, NaN, 5]), entityCodes(t, "id"));
    expect(r.nGroups).toBe(2);
    // Means 2 and 5 → between SD √4.5; within deviations −1, 1, 0 → √(2/2) = 1.
    expect(r.sdBetween).toBeCloseTo(Math.sqrt(4.5), 14);
    expect(r.sdWithin).toBeCloseTo(1, 14);
  });
});
