import { installCustomFunctionsGlobal } from "../helpers/custom-functions-global";
import { didtable, eventstudy } from "../../src/functions/functions";
import { simulateDid } from "../../scripts/lib/simulate-did";
import { tableFromGrid } from "../../src/core/data/data-table";
import { did } from "../../src/core/did/did";
import { eventStudy } from "../../src/core/did/event-study";
import { cli } from "../helpers/cli";
import { invocation } from "../helpers/invocation";
import { mkdtempSync, writeFileSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";

installCustomFunctionsGlobal();
const grid = simulateDid({ design: "staggered", seed: "stag-1" });
const table = tableFromGrid(grid);

test("ECON.DID spills the core's estimate and the group means", async () => {
  const out = await didtable(grid, "y", "d", "unit", "year", "controls=x", invocation());
  const r = did(table, { y: "y", id: "unit", time: "year", treat: "d", controls: ["x"] });
  expect(out[1]).toEqual(["DID estimate", r.estimate, "", ""]);
  expect(out.find((x) => x[0] === "Difference-in-differences")![3]).toBe(r.means.diffInDiff);
  expect(out.find((x) => x[0] === "Treated")!.slice(1)).toEqual([r.means.treatedBefore, r.means.treatedAfter, r.means.treatedAfter - r.means.treatedBefore]);
});

test("ECON.EVENTSTUDY spills TWFE beside Sun–Abraham, one row per relative time", () => {
  const out = eventstudy(grid, "y", "unit", "year", "firstcol=first_treat; leads=3; lags=3");
  const r = eventStudy(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat", leads: 3, lags: 3 });
  expect(out[0]).toEqual(["Relative time", "TWFE coef", "SE", "CI low", "CI high", "Sun–Abraham coef", "SE", "CI low", "CI high"]);
  expect(out.slice(1, 8).map((x) => x[0])).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  expect(out[5][1]).toBe(r.twfe.find((c) => c.rel === 1)!.estimate);
  expect(out[5][5]).toBe(r.sunAbraham!.find((c) => c.rel === 1)!.estimate);
  expect(String(out[8][0])).toMatch(/^Pre-trend test \(leads = 0\): TWFE F\(2, 59\)/);
});

test("ECON.DID caps placebo permutations and asks for the treatment when missing", async () => {
  await expect(didtable(grid, "y", "d", "unit", "year", "placebo=5000", invocation())).rejects.toThrow(/at most 200 placebo permutations/);
  await expect(didtable(grid, "y", null, "unit", "year", null, invocation())).rejects.toThrow(/give the treatment column/);
});

test("econsheet did --json --event-study", async () => {
  const dir = mkdtempSync(join(tmpdir(), "did-"));
  const path = join(dir, "did.csv");
  writeFileSync(path, grid.map((r) => r.join(",")).join("\n"));
  const run = await cli("did", "--data", path, "--y", "y", "--id", "unit", "--time", "year", "--first-col", "first_treat", "--event-study", "--leads", "3", "--lags", "3", "--json");
  expect(run.stderr).toBe("");
  const j = run.json();
  const r = did(table, { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" });
  expect(Math.abs(j.did.estimate - r.estimate)).toBeLessThan(1e-10);
  expect(j.params.treat_post).toBeCloseTo(r.estimate, 10);
  expect(j.eventStudy.sunAbraham).toHaveLength(7);
});
