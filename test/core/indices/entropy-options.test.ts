import { resolveEntropyMode, resolveMissingChoice } from "../../../src/core/indices/entropy-options";
import { parseGroups } from "../../../src/core/indices/entropy-input";

describe("entropy option spellings (resolved in one place for ECON.*, the CLI and the task pane)", () => {
  test.each([[undefined, "pooled"], ["", "pooled"], ["Pooled", "pooled"], ["panel", "pooled"], ["year", "year"], ["per-year", "year"], ["逐年", "year"], ["periods", "periods"], ["sub-periods", "periods"], ["分阶段", "periods"]])("mode %p → %s", (v, m) => {
    expect(resolveEntropyMode(v)).toBe(m);
  });
  test.each([[undefined, "error"], ["drop", "drop"], ["listwise", "drop"], ["interpolate", "interpolate"], ["linear", "interpolate"], ["ipolate", "interpolate"], ["插值", "interpolate"]])("missing %p → %s", (v, m) => {
    expect(resolveMissingChoice(v)).toBe(m);
  });
  test("unknown values list the allowed ones, under the name the user typed", () => {
    expect(() => resolveEntropyMode("decade", "--by")).toThrow("Option '--by': 'decade' is not one of pooled, year, periods.");
    expect(() => resolveMissingChoice("zero")).toThrow("Option 'missing': 'zero' is not one of error, drop, interpolate.");
  });
});

describe("parseGroups", () => {
  test("ASCII and full-width separators", () => {
    expect([...parseGroups("劳动:a,b；资本：c，d")]).toEqual([["a", "劳动"], ["b", "劳动"], ["c", "资本"], ["d", "资本"]]);
  });
  test("an indicator in two groups, or a group without ':'", () => {
    expect(() => parseGroups("x:a;y:a")).toThrow(/'a' is in two groups/);
    expect(() => parseGroups("a,b")).toThrow(/write "group:indicator1,indicator2/);
  });
});
