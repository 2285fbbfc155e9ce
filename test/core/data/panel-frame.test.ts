import { buildPanelFrame } from "../../../src/core/data/panel-frame";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { evaluate, parseFormula } from "../../../src/core/data/formula";

const grid = [
  ["省份", "年份", "gdp"],
  ["北京", "2003年", 1],
  ["北京", "2004年", 2],
  ["河北", 2003, 3],
  ["河北", 2005, 5],
];

describe("buildPanelFrame", () => {
  test("years as numbers or '2003年'; entity codes in order of appearance", () => {
    const f = buildPanelFrame(tableFromGrid(grid), "省份", "年份");
    expect(Array.from(f.timeValue)).toEqual([2003, 2004, 2003, 2005]);
    expect(f.entityNames).toEqual(["北京", "河北"]);
    expect(f.rowLabel(3)).toBe("河北, 2005");
  });

  test("lead(x,1) is the same entity's next year, missing across the gap", () => {
    const f = buildPanelFrame(tableFromGrid(grid), "省份", "年份");
    const lead = evaluate(parseFormula("gdp ~ lead(gdp,1)").regressors[0].expr, f);
    expect(Array.from(lead).map((v) => (Number.isNaN(v) ? null : v))).toEqual([2, null, null, null]);
  });

  test("a blank id or an unreadable year is an error naming the row", () => {
    expect(() => buildPanelFrame(tableFromGrid([...grid, ["", 2006, 1]]), "省份", "年份")).toThrow(/Column '省份' row 6: the entity id is blank/);
    expect(() => buildPanelFrame(tableFromGrid([...grid, ["天津", "n/a", 1]]), "省份", "年份")).toThrow(/Column '年份' row 6 \(天津\): 'n\/a' is not a time value/);
  });

  test("duplicates are named with both rows; the same id for id and time is refused", () => {
    expect(() => buildPanelFrame(tableFromGrid([...grid, ["北京", 2004, 9]]), "省份", "年份")).toThrow(/\(北京, 2004\) in rows 3 and 6/);
    expect(() => buildPanelFrame(tableFromGrid(grid), "年份", "年份")).toThrow(/both '年份'/);
  });
});

describe("duplicate (id, time) pairs in sorted and unsorted rows", () => {
  const frame = (rows: (string | number)[][]) => buildPanelFrame(tableFromGrid([["id", "t", "y"], ...rows]), "id", "t");
  test("sorted by id then time: no duplicate", () => {
    expect(frame([["A", 1, 0], ["A", 2, 0], ["B", 1, 0], ["B", 3, 0]]).nrows).toBe(4);
  });
  test("a repeated time next to itself in a sorted file is found", () => {
    expect(() => frame([["A", 1, 0], ["A", 2, 0], ["A", 2, 0], ["B", 1, 0]])).toThrow(/\(A, 2\) in rows 3 and 4/);
  });
  test("an entity that comes back later with new times is no duplicate; with a time it had, it is", () => {
    expect(frame([["A", 1, 0], ["B", 1, 0], ["A", 2, 0], ["B", 2, 0]]).nrows).toBe(4);
    expect(() => frame([["A", 1, 0], ["B", 1, 0], ["A", 1, 0]])).toThrow(/\(A, 1\) in rows 2 and 4/);
  });
  test("times out of order within an entity: no duplicate unless one repeats", () => {
    expect(frame([["A", 3, 0], ["A", 1, 0], ["A", 2, 0]]).nrows).toBe(3);
    expect(() => frame([["A", 3, 0], ["A", 1, 0], ["A", 3, 0]])).toThrow(/\(A, 3\) in rows 2 and 4/);
  });
});
