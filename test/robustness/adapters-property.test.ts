/**
 * Property-based (fast-check): random grids with blanks, text, booleans, nulls, duplicate and
 * missing keys and numbers from 1e-150 to 1e150 in magnitude never make an ECON.* adapter fail
 * with anything but an EconError (#VALUE!/#NUM!/#N/A with a message); a table that comes back
 * holds only text and finite numbers.
 *
 * Magnitudes whose squares overflow or underflow (|x| near 1e308 or 1e-308, text "1e309") are
 * the data path's part of issue #12 (test/robustness/data-*.test.ts). More runs or another seed:
 * ROBUST_RUNS=1000 ROBUST_SEED=5 npx jest test/robustness/adapters-property.
 */
import fc from "fast-check";
import { panelFe, panelRe, panelPooled } from "../../src/functions/adapters/panel";
import { describeRange } from "../../src/functions/adapters/describe";
import { entropyWeightsRange, entropyScoreRange } from "../../src/functions/adapters/entropy";
import { mediationRange } from "../../src/functions/adapters/mediation";
import { regTableRange } from "../../src/functions/adapters/regtable";
import { didRange } from "../../src/functions/adapters/did";
import { EconError } from "../../src/core/errors";

type Cell = string | number | boolean | null;

const magnitude = fc.integer({ min: -150, max: 150 }).chain((e) => fc.double({ min: 1, max: 9.99, noNaN: true }).map((m) => m * 10 ** e));
const number: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), magnitude).map(([neg, m]) => (neg ? -m : m)) },
);
const junk: fc.Arbitrary<Cell> = fc.constantFrom("", "", "—", "...", "-", "NA", ".", "abc", "1,234", " 12 ", "#N/A", "#DIV/0!", "=A1", "2003年", true, false, null, 0, -0);
const value: fc.Arbitrary<Cell> = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: junk });
const id: fc.Arbitrary<Cell> = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("北京", "上海", "A", "B", 1, 2) }, { weight: 1, arbitrary: fc.constantFrom("", null, "—", 3.5) });
const year: fc.Arbitrary<Cell> = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2000, max: 2005 }) }, { weight: 1, arbitrary: fc.constantFrom("", null, "2003年", "abc", 2001.5, 1e9) });

const HEADER = ["id", "year", "y", "x", "z", "d"];
const row: fc.Arbitrary<Cell[]> = fc.tuple(id, year, value, value, value, fc.oneof(fc.constantFrom(0, 1, 0, 1), value));
const grid = fc.array(row, { minLength: 0, maxLength: 30 }).map((rows) => [HEADER as Cell[], ...rows]);

/** Calls `f` and accepts only a clean table or an EconError. */
function clean(f: () => unknown): void {
  let out: unknown;
  try {
    out = f();
  } catch (e) {
    if (e instanceof EconError) {
      expect(e.text.en.length).toBeGreaterThan(0);
      expect(e.text.zh.length).toBeGreaterThan(0);
      return;
    }
    throw e;
  }
  for (const r of out as unknown[][]) {
    for (const c of r) {
      if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
      else expect(typeof c).toBe("string");
    }
  }
}

const ADAPTERS: [string, (g: Cell[][]) => unknown][] = [
  ["ECON.PANELFE", (g) => panelFe(g, "y ~ x + z", "id", "year", null, null, null)],
  ["ECON.PANELFE twoways cluster", (g) => panelFe(g, "y ~ x", "id", "year", "twoways", "cluster", "level=95")],
  ["ECON.PANELRE", (g) => panelRe(g, "y ~ x + z", "id", "year", null, null)],
  ["ECON.POOLED robust", (g) => panelPooled(g, "y ~ x", "id", "year", "robust", null)],
  ["ECON.DESCRIBE", (g) => describeRange(g, "id=id; time=year; detail=TRUE")],
  ["ECON.ENTROPYWEIGHTS", (g) => entropyWeightsRange(g.map((r) => r.slice(2, 5)), null, null)],
  ["ECON.ENTROPYSCORE", (g) => entropyScoreRange(g, null, "id=id; time=year; indicators=y,x,z")],
  ["ECON.MEDIATION", (g) => mediationRange(g, "y", "x", "z", null, "id", "year", null)],
  ["ECON.REGTABLE", (g) => regTableRange(g, "id", "year", [["y ~ x"], ["y ~ x + z"]], "digits=4")],
  ["ECON.DID", (g) => didRange(g, "y", "d", "id", "year", null)],
];

describe.each(ADAPTERS)("%s on random grids", (_name, call) => {
  test("never an internal error", () => {
    fc.assert(
      fc.property(grid, (g) => {
        clean(() => call(g));
      }),
      { numRuns: Number(process.env.ROBUST_RUNS ?? 150), seed: Number(process.env.ROBUST_SEED ?? 20261201) },
    );
  });
});

test("a well-formed random panel gives a table (not only refusals)", () => {
  const balanced = fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: 12, maxLength: 12 }).map((vals) => [
    ["id", "year", "y", "x"] as Cell[],
    ...vals.map(([y, x], i) => [String.fromCharCode(65 + (i % 3)), 2000 + Math.floor(i / 3), y, x] as Cell[]),
  ]);
  let tables = 0;
  fc.assert(
    fc.property(balanced, (g) => {
      try {
        const out = panelPooled(g, "y ~ x", "id", "year", null, null);
        tables++;
        expect(out[0][0]).toBe("Term");
      } catch (e) {
        expect(e).toBeInstanceOf(EconError);
      }
    }),
    { numRuns: 50, seed: 7 },
  );
  expect(tables).toBeGreaterThan(40);
});
