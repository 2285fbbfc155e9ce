import { parseFormula, formulaVariables } from "../../../src/core/data/formula";

describe("parseFormula", () => {
  test("terms, functions and names without spaces", () => {
    const f = parseFormula("y ~ x1 + lag(x1, 1) + log(x3) + lead(x2,2) + x1:x2");
    expect(f.response.name).toBe("y");
    expect(f.regressors.map((r) => r.name)).toEqual(["x1", "lag(x1,1)", "log(x3)", "lead(x2,2)", "x1:x2"]);
    expect(formulaVariables(f)).toEqual(["y", "x1", "x3", "x2"]);
  });
  test.each([
    ["y x", /write it as 'y ~ x1 \+ x2'/],
    ["y ~ x +", /empty term/],
    ["y ~ foo(x)", /unknown function 'foo'/],
    ["y ~ lag(x, -1)", /must be a whole number/],
    ["y ~ x + x", /appears twice/],
  ])("'%s' is refused with a reason", (text, msg) => {
    expect(() => parseFormula(text)).toThrow(msg);
  });
});
