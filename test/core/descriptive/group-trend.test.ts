import { groupTrend } from "../../../src/core/descriptive/group-trend";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { errorOf } from "../../helpers/error-of";

describe("groupTrend", () => {
  const table = tableFromGrid([
    ["province", "year", "g", "v"],
    ["a", 2001, "East", 1],
    ["b", 2001, "West", 3],
    ["c", 2001, "East", 5],
    ["a", 2002, "East", 2],
    ["b", 2002, "West", ""],
    ["c", 2002, "East", 4],
  ]);
  test("means per year and group by hand, blanks skipped, preferred order", () => {
    const r = groupTrend(table, { value: "v", time: "year", group: "g", order: ["West", "East"] });
    expect(r.times).toEqual([2001, 2002]);
    expect(r.groups).toEqual(["West", "East"]);
    expect(r.means).toEqual([[3, null], [3, 3]]);
    expect(r.counts).toEqual([[1, 0], [2, 2]]);
    expect(r.overall).toEqual([3, 3]);
    expect(r.overallCounts).toEqual([3, 2]);
  });
  test("without a group: the overall mean only; a blank group label names its row", () => {
    expect(groupTrend(table, { value: "v", time: "year" }).groups).toEqual([]);
    const bad = tableFromGrid([["year", "g", "v"], [2001, "East", 1], [2001, "", 2]]);
    expect(errorOf(() => groupTrend(bad, { value: "v", time: "year", group: "g" })).message).toMatch(/Row 3: the group in column 'g' is blank/);
  });
});
