import { fillTemplate } from "../../src/render/template";

test("fills {name} placeholders; unknown ones stay; numbers printed as they are", () => {
  expect(fillTemplate("{a} of {b}, {c}", { a: 3, b: "五" })).toBe("3 of 五, {c}");
  expect(fillTemplate("no holes")).toBe("no holes");
});
