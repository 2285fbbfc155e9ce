import { parseYearbookNumber } from "../../../../src/core/data/yearbook/parse-number";
import { parseYear } from "../../../../src/core/data/yearbook/parse-year";
import { classifyRow } from "../../../../src/core/data/yearbook/classify-row";
import { cellAddress, columnLetters } from "../../../../src/core/data/yearbook/cell-address";

describe("yearbook cell readers", () => {
  test.each([
    [12.5, 12.5], ["12.5", 12.5], ["1,234.5", 1234.5], ["-12,000", -12000], ["１２，３４５.５", 12345.5], [" 3e4 ", 30000],
  ])("number %p → %p", (cell, v) => expect(parseYearbookNumber(cell)).toBe(v));

  test.each(["—", "——", "–", "-", "...", "…", "……", "NA", "n/a", "#N/A", "", "  ", null, "－"])("missing token %p → null", (cell) => {
    expect(parseYearbookNumber(cell)).toBeNull();
  });

  test.each(["12%", "1,23", "12,34.5", "abc", "#DIV/0!", true])("not a number: %p → undefined", (cell) => {
    expect(parseYearbookNumber(cell)).toBeUndefined();
  });

  test("years", () => {
    expect([2003, "2003", "2003年", " 2003 年", "2003年度", "２００３年"].map(parseYear)).toEqual([2003, 2003, 2003, 2003, 2003, 2003]);
    expect([2003.5, "03", 1800, "2003-04", "x", null].map(parseYear)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test("row kinds", () => {
    expect(classifyRow([null, "", "  "]).kind).toBe("blank");
    expect(classifyRow(["表1 地区生产总值", null, "单位：亿元"])).toEqual({ kind: "unit", text: "亿元" });
    expect(classifyRow(["Unit: 100 million yuan"])).toEqual({ kind: "unit", text: "100 million yuan" });
    for (const t of ["注：2020年起口径调整。", "注1: x", "资料来源：国家统计局", "Note: revised", "Source: NBS", "* 不含港澳台", "1、本表…", "(1) 见附录"]) {
      expect(classifyRow([t]).kind).toBe("note");
    }
    for (const t of ["北京", "2003年", "地区", "1.5"]) expect(classifyRow([t, 1]).kind).toBe("content");
  });

  test("cell addresses", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(cellAddress(6, 1)).toBe("B7");
  });
});
