/**
 * `where` filters with quoted values: a value in quotes is one value even when it holds '&',
 * an operator or a comma ("A & B=1", in ("East", 'R&D')); an apostrophe inside a word (Xi'an)
 * is not a quote; values the program writes itself (heterogeneity groups, spec group members)
 * are quoted when they need it, so they select exactly their rows.
 */
import { quoteWhereValue, whereClauses, whereMask } from "../../../src/core/data/where";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { expandBy } from "../../../src/core/estimators/model-list";

const table = tableFromGrid([
  ["type", "year", "city"],
  ["R&D", 2010, "Xi'an"],
  ["A & B=1", 2012, "Beijing"],
  ["East", 2011, "Shanghai"],
  ["Central", 2011, "Wuhan"],
  ["Inner Mongolia, China", 2013, "Hohhot"],
]);
const rows = (where: string) => Array.from(whereMask(table, where)).join("");

describe("quoted values in where filters", () => {
  test("a quoted value holding '&' and '=' is one clause", () => {
    expect(whereClauses('type = "A & B=1"')).toEqual(['type = "A & B=1"']);
    expect(rows('type = "A & B=1"')).toBe("01000");
    expect(whereClauses("type = 'A & B=1' & year > 2011")).toEqual(["type = 'A & B=1'", "year > 2011"]);
    expect(rows("type = 'A & B=1' & year > 2011")).toBe("01000");
    expect(rows("type != 'A & B=1' and year >= 2011")).toBe("00111");
  });

  test("in-lists take quoted items, with commas inside quotes", () => {
    expect(rows('type in ("East", "Central")')).toBe("00110");
    expect(rows("type in ('East','R&D')")).toBe("10100");
    expect(rows('type in ("Inner Mongolia, China", East)')).toBe("00101");
    expect(rows("year in (2010, '2013')")).toBe("10001");
  });

  test("an apostrophe inside a word is not a quote", () => {
    expect(whereClauses("city = Xi'an & year >= 2010")).toEqual(["city = Xi'an", "year >= 2010"]);
    expect(rows("city = Xi'an & year >= 2010")).toBe("10000");
    expect(rows('city = "Xi\'an"')).toBe("10000");
  });

  test("unquoted values with '&' still read as before", () => {
    expect(rows("type = R&D")).toBe("10000");
    expect(rows("type = R&D & year = 2010")).toBe("10000");
  });

  test("quoteWhereValue quotes only what needs it, and the result selects exactly its rows", () => {
    expect(quoteWhereValue("East")).toBe("East");
    expect(quoteWhereValue("Inner Mongolia")).toBe("Inner Mongolia");
    expect(quoteWhereValue("2010")).toBe("2010");
    expect(quoteWhereValue("A & B=1")).toBe('"A & B=1"');
    expect(quoteWhereValue('say "hi"')).toBe("'say \"hi\"'");
    for (const v of ["R&D", "A & B=1", "Inner Mongolia, China", "East"]) {
      expect(Array.from(whereMask(table, `type=${quoteWhereValue(v)} & year>=2010`)).filter(Boolean)).toHaveLength(1);
    }
  });

  test("heterogeneity columns by a column whose values hold '&' select one group each", () => {
    const cols = expandBy(table, { formula: "year ~ year" } as never, "type");
    expect(cols.map((c) => c.title)).toEqual(["R&D", "A & B=1", "East", "Central", "Inner Mongolia, China"]);
    for (const c of cols) expect(Array.from(whereMask(table, c.where!)).filter(Boolean)).toHaveLength(1);
  });
});
