/**
 * Baron–Kenny mediation against test/fixtures/reference.mediation.json (R plm, sandwich):
 * a, b, c, c′, indirect, Sobel and Aroian z/p ≤ 1e-6 relative, classical and Stata-convention
 * cluster SEs, entity and two-way FE.
 */
import { mediation } from "../../src/core/mediation/mediation";
import { tableFromGrid, DataTable } from "../../src/core/data/data-table";
import { fixtureTable, loadReference, expectRel } from "../helpers/fixtures";
import { cigarMediationGrid } from "../helpers/cigar-derived";

const ref = loadReference("reference.mediation.json");
const tables: Record<string, DataTable> = { "grunfeld.csv": fixtureTable("grunfeld.csv"), "cigar.csv": tableFromGrid(cigarMediationGrid()) };
const ids: Record<string, [string, string]> = { "grunfeld.csv": ["firm", "year"], "cigar.csv": ["state", "year"] };

for (const name of ["grunfeld_entity_fe", "grunfeld_twoway_fe", "cigar_entity_fe_controls", "cigar_twoway_fe_controls"]) {
  const c = ref[name];
  for (const variant of ["classical", "cluster_stata"] as const) {
    test(`${name}, ${variant}: a, b, c, c′, indirect, Sobel, Aroian, proportion`, () => {
      const [id, time] = ids[c.data];
      const r = mediation(tables[c.data], { y: c.y, x: c.x, mediators: [c.mediator], controls: c.controls, id, time, model: "fe", effect: c.effect, vcov: variant === "classical" ? "classical" : "cluster" });
      const m = r.mediators[0];
      const v = c[variant];
      expect(m.nobs).toBe(c.n_obs);
      expect(m.ngroups).toBe(c.n_groups);
      expectRel(m.total!.estimate, v.c_total, 1e-6, "c");
      expectRel(m.total!.se, v.se_c, 1e-6, "se c");
      expectRel(m.a.estimate, v.a, 1e-6, "a");
      expectRel(m.a.se, v.se_a, 1e-6, "se a");
      expectRel(m.b!.estimate, v.b, 1e-6, "b");
      expectRel(m.b!.se, v.se_b, 1e-6, "se b");
      expectRel(m.direct!.estimate, v.c_prime, 1e-6, "c'");
      expectRel(m.direct!.se, v.se_c_prime, 1e-6, "se c'");
      expectRel(m.indirect!.estimate, v.indirect_ab, 1e-6, "ab");
      expectRel(m.indirect!.sobelSe, v.sobel.se, 1e-6, "sobel se");
      expectRel(m.indirect!.sobelZ, v.sobel.z, 1e-6, "sobel z");
      expect(Math.abs(m.indirect!.sobelP - v.sobel.p)).toBeLessThan(1e-6);
      expectRel(m.indirect!.aroianSe, v.aroian.se, 1e-6, "aroian se");
      expectRel(m.proportionMediated, v.proportion_mediated, 1e-6, "proportion");
      const pcol = variant === "classical" ? { c: v.p_c_t_df_resid, a: v.p_a_t_df_resid, b: v.p_b_t_df_resid } : v.p_t_G_minus_1;
      expect(Math.abs(m.total!.p - (variant === "classical" ? pcol.c : pcol.c_total))).toBeLessThan(1e-6);
      expect(Math.abs(m.a.p - pcol.a)).toBeLessThan(1e-6);
      expect(Math.abs(m.b!.p - pcol.b)).toBeLessThan(1e-6);
      // c = c′ + a·b on a common sample (OLS/within identity)
      expect(Math.abs(m.total!.estimate - m.direct!.estimate - m.indirect!.estimate)).toBeLessThan(1e-12);
    });
  }
}

describe("cluster bootstrap of the indirect effect", () => {
  const c = ref.cigar_entity_fe_controls;
  const spec = { y: c.y, x: c.x, mediators: [c.mediator], controls: c.controls, id: "state", time: "year", model: "fe", vcov: "cluster", bootstrap: 400, seed: 7 };
  const r1 = mediation(tables["cigar.csv"], spec).mediators[0];

  test("reproducible with a seed", () => {
    const r2 = mediation(tables["cigar.csv"], spec).mediators[0];
    expect(r2.indirect!.bootCi).toEqual(r1.indirect!.bootCi);
    const r3 = mediation(tables["cigar.csv"], { ...spec, seed: 8 }).mediators[0];
    expect(r3.indirect!.bootCi).not.toEqual(r1.indirect!.bootCi);
  });

  test("the percentile CI contains the estimate and is close to ±1.96 × cluster-Sobel SE", () => {
    const ind = r1.indirect!;
    const [lo, hi] = ind.bootCi!.percentile;
    expect(lo).toBeLessThan(ind.estimate);
    expect(hi).toBeGreaterThan(ind.estimate);
    expect(ind.replications).toBe(400);
    expect(ind.failed).toBe(0);
    // Check used: the bootstrap SE of a·b is within 35% of the Sobel SE built from cluster SEs,
    // and the CI width within 35% of 2 × 1.96 × that SE (the Sobel normal approximation holds when a·b/SE is large).
    expect(Math.abs(ind.bootSe! / ind.sobelSe - 1)).toBeLessThan(0.35);
    expect(Math.abs((hi - lo) / (2 * 1.96 * ind.sobelSe) - 1)).toBeLessThan(0.35);
  });
});

describe("econsheet mediation and ECON.MEDIATION against R", () => {
  const c = ref.cigar_twoway_fe_controls;
  const v = c.cluster_stata;

  test("CLI --json (DESIGN §5 shape) on a CSV written from the derived grid", async () => {
    const { writeFileSync, mkdtempSync } = await import("fs");
    const { join } = await import("path");
    const { tmpdir } = await import("os");
    const dir = mkdtempSync(join(tmpdir(), "econsheet-"));
    const path = join(dir, "cigar-med.csv");
    writeFileSync(path, cigarMediationGrid().map((r) => r.map((x) => (typeof x === "number" ? x.toPrecision(17) : x)).join(",")).join("\n"));
    const { cli } = await import("../helpers/cli");
    const run = await cli("mediation", "--data", path, "--y", c.y, "--x", c.x, "--m", c.mediator, "--controls", c.controls.join(","), "--id", "state", "--time", "year", "--model", "fe", "--effect", "twoways", "--vcov", "cluster", "--json");
    expect(run.code).toBe(0);
    const j = run.json();
    expect(j.nobs).toBe(1380);
    expectRel(j.a.estimate, v.a, 1e-6, "a");
    expectRel(j.b.se, v.se_b, 1e-6, "se b");
    expectRel(j.total.estimate, v.c_total, 1e-6, "c");
    expectRel(j.direct.estimate, v.c_prime, 1e-6, "c'");
    expectRel(j.indirect.sobelSe, v.sobel.se, 1e-6, "sobel");
    expect(Math.abs(j.indirect.sobelP - v.sobel.p)).toBeLessThan(1e-6);
    expectRel(j.proportionMediated, v.proportion_mediated, 1e-6, "proportion");
    for (const k of ["estimate", "se", "p"]) expect(j.a).toHaveProperty(k);
  });

  test("ECON.MEDIATION as Excel calls it", async () => {
    const { installCustomFunctionsGlobal } = await import("../helpers/custom-functions-global");
    installCustomFunctionsGlobal();
    const { mediationtable } = await import("../../src/functions/functions");
    const { invocation } = await import("../helpers/invocation");
    const out = await mediationtable(cigarMediationGrid(), c.y, c.x, c.mediator, [c.controls], "state", "year", "effect=twoways; vcov=cluster; digits=6", invocation());
    const row = (label: string) => out.find((x) => x[0] === label)!;
    expect(row("Indirect effect a·b")[1]).toBeCloseTo(v.indirect_ab, 12);
    expectRel(row("Sobel z")[1] as number, v.sobel.z, 1e-6, "sobel z");
    expect(row("b (M → Y | X)")[1]).toBe(v.b.toFixed(6) + "***");
  });
});
