// Custom functions that respect the host: @cancelable on the resampling functions, their
// bootstrap/placebo skipped while Excel previews a formula's value, helpUrls to the shipped help page.
import { installCustomFunctionsGlobal, FakeCustomFunctionError } from "../helpers/custom-functions-global";
import { didtable } from "../../src/functions/functions";
import { cancelableRun, isValuePreview } from "../../src/functions/host-run";
import { simulateDid } from "../../scripts/lib/simulate-did";
import { invocation } from "../helpers/invocation";
import { join } from "path";

installCustomFunctionsGlobal();
const grid = simulateDid({ design: "staggered", seed: "stag-1" });

test("ECON.DID runs its placebo test normally and skips it in a value preview", async () => {
  const plain = await didtable(grid, "y", "d", "unit", "year", "controls=x", invocation());
  const withPlacebo = await didtable(grid, "y", "d", "unit", "year", "controls=x; placebo=20; seed=3", invocation());
  const preview = await didtable(grid, "y", "d", "unit", "year", "controls=x; placebo=20; seed=3", invocation({ isInValuePreview: true }));
  expect(withPlacebo.length).toBeGreaterThan(plain.length);
  expect(withPlacebo.map((r) => String(r[0])).join("\n")).toMatch(/placebo/i);
  expect(preview).toEqual(plain);
});

test("a cancellation Excel has queued before the work starts ends the call with #N/A, in the user's words", async () => {
  const inv = invocation();
  let ran = false;
  const pending = cancelableRun(inv, () => { ran = true; return [[1]]; });
  inv.onCanceled!();
  const error = await pending.then(() => undefined, (e: unknown) => e);
  expect(ran).toBe(false);
  expect(error).toBeInstanceOf(FakeCustomFunctionError);
  expect((error as FakeCustomFunctionError).code).toBe("#N/A");
  expect((error as Error).message).toMatch(/cancelled/);
});

test("errors inside a cancelable run become Excel errors, as in the synchronous functions", async () => {
  await expect(didtable(grid, "y", "d", "unit", "nosuchyear", null, invocation())).rejects.toBeInstanceOf(FakeCustomFunctionError);
});

test("isInValuePreview: a boolean (what hosts send) or the string the type declares", () => {
  expect(isValuePreview(invocation({ isInValuePreview: true }))).toBe(true);
  expect(isValuePreview({ isInValuePreview: "true" } as unknown as CustomFunctions.Invocation)).toBe(true);
  expect(isValuePreview(invocation())).toBe(false);
  expect(isValuePreview(undefined)).toBe(false);
});

describe("generated metadata (functions.json, as custom-functions-metadata writes it)", () => {
  type Fn = { id: string; name: string; helpUrl?: string; options?: { cancelable?: boolean }; parameters: { name: string; type?: string }[] };
  let functions: Fn[];
  beforeAll(async () => {
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    const r = await generateCustomFunctionsMetadata([join(__dirname, "..", "..", "src", "functions", "functions.ts")], true);
    expect(r.errors).toEqual([]);
    functions = JSON.parse(r.metadataJson).functions;
  }, 60000);

  test("a function's @helpurl links to its own section of the help page (the build adds it where missing)", () => {
    expect(functions.length).toBeGreaterThanOrEqual(12);
    for (const f of functions.filter((x) => x.helpUrl !== undefined)) expect(f.helpUrl).toBe(`https://localhost:3000/functions-help.html#ECON.${f.name}`);
    expect(functions.filter((x) => x.helpUrl !== undefined).length).toBeGreaterThanOrEqual(12);
  });

  test("the resampling functions are cancelable and Excel does not see the invocation as an argument", () => {
    for (const name of ["MEDIATION", "DID"]) {
      const f = functions.find((x) => x.name === name)!;
      expect(f.options?.cancelable).toBe(true);
      expect(f.parameters.map((p) => p.name)).not.toContain("invocation");
    }
  });
});
