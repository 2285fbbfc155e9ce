import { excelGrid } from "../../src/functions/excel-grid";

test("Excel range values become core cells; data-type values fall back to their basic value", () => {
  expect(excelGrid([["x", "y"], [1, ""], [true, null]])).toEqual([["x", "y"], [1, ""], [true, null]]);
  expect(excelGrid([[{ basicValue: 3, type: "Double" }, { foo: 1 }]])).toEqual([[3, "[object Object]"]]);
  expect(excelGrid(5)).toEqual([[5]]);
});
