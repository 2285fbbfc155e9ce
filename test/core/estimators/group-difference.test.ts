import { groupDifference } from "../../../src/core/estimators/group-difference";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";

const table = tableFromGrid(syntheticGrid());

test("with entity effects, the interacted model's difference equals the difference of the separate estimates", () => {
  const spec = { formula: "hq ~ fi + urb", id: "province", time: "year", model: "fe" as const, effect: "individual" as const, vcov: "cluster" as const };
  const d = groupDifference(table, spec, { label: "North", where: "southnorth=North" }, { label: "South", where: "southnorth=South" }, "fi");
  const south = fitPanel(table, { ...spec, where: "southnorth=South" });
  const north = fitPanel(table, { ...spec, where: "southnorth=North" });
  expect(d.difference).toBeCloseTo(south.params.fi - north.params.fi, 10);
  expect(d.nobs).toBe(651);
  expect(d.se).toBeGreaterThan(0);
  expect(d.p).toBeGreaterThan(0);
  expect(d.p).toBeLessThan(1);
});

test("an unknown term is refused", () => {
  expect(() => groupDifference(table, { formula: "hq ~ fi", id: "province", time: "year" }, { label: "A", where: "region4=East" }, { label: "B", where: "region4=West" }, "gdp")).toThrow(/'gdp' is not a regressor/);
});
