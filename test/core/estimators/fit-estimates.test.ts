import { fitPanel, prepareFit, fitOnFrame } from "../../../src/core/estimators/fit-panel";
import { fitEstimates, fitSample } from "../../../src/core/estimators/fit-sample";
import { resampleEntities } from "../../../src/core/estimators/panel-sample";
import { buildPanelFrame } from "../../../src/core/data/panel-frame";
import { fixtureTable, loadReference, expectRel } from "../../helpers/fixtures";

/** The resampling path the cluster bootstrap uses, checked against the full estimator and R. */
const table = fixtureTable("grunfeld.csv");
const unbalanced = fixtureTable("grunfeld_unbalanced.csv");
const ref = loadReference("reference.grunfeld.json");
const spec = { formula: "inv ~ value + capital", id: "firm", time: "year" };

describe("prepareFit + fitEstimates + resampleEntities", () => {
  test.each([
    ["fe", "individual", ref.main.fe_oneway],
    ["fe", "twoways", ref.main.fe_twoways],
    ["re", "individual", ref.main.re_swamy_arora],
    ["pooled", "individual", ref.main.pooled],
  ] as const)("%s %s: coefficients-only fit equals R (plm) to 1e-9", (model, effect, block) => {
    const { sample, options } = prepareFit(buildPanelFrame(table, "firm", "year"), { ...spec, model, effect, vcov: "cluster" });
    const e = fitEstimates(sample, options);
    expectRel(e.params.value, block.coefficients.value, 1e-9, "value");
    expectRel(e.params.capital, block.coefficients.capital, 1e-9, "capital");
    expect(e.nobs).toBe(200);
  });

  test("the identity draw reproduces the estimate; a draw with repeats is a larger balanced panel", () => {
    const { sample, options } = prepareFit(buildPanelFrame(unbalanced, "firm", "year"), { ...spec, model: "fe", effect: "twoways", vcov: "cluster" });
    const full = fitSample(sample, options);
    const same = fitEstimates(resampleEntities(sample, Int32Array.from({ length: 10 }, (_, g) => g)), options);
    expectRel(same.params.value, full.params.value, 1e-12, "value");
    const draws = Int32Array.from([0, 0, 1, 2, 3, 3, 3, 4, 5, 6]);
    const boot = resampleEntities(sample, draws);
    expect(boot.ngroups).toBe(10);
    expect(boot.nclusters).toBe(10);
    const rowsPer = (g: number) => sample.entity.filter((e) => e === g).length;
    expect(boot.y.length).toBe(Array.from(draws).reduce((s, g) => s + rowsPer(g), 0));
    // Entity 0 drawn twice: its rows appear twice, as two entities.
    expect(Array.from(boot.entity.slice(0, 2 * rowsPer(0))).filter((e) => e === 1).length).toBe(rowsPer(0));
    const e = fitEstimates(boot, options);
    expect(Number.isFinite(e.params.value)).toBe(true);
    // Same coefficients as the full estimator on the resampled sample.
    expectRel(e.params.value, fitSample(boot, options).params.value, 1e-12, "boot value");
  });

  test("fitOnFrame (frame built once) equals fitPanel; a row predicate works like the text subsample", () => {
    const frame = buildPanelFrame(table, "firm", "year");
    const a = fitOnFrame(frame, { ...spec, model: "fe", where: (row) => Number(row.firm) <= 5 });
    const b = fitPanel(table, { ...spec, model: "fe", where: "firm in (1,2,3,4,5)" });
    expect(a.params).toEqual(b.params);
    expectRel(a.params.value, ref.subgroups.group_A.fe_oneway.coefficients.value, 1e-9, "group A");
  });
});
