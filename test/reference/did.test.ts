/**
 * DID against R: plm two-way within with the treated × post column, cluster-by-unit SEs with
 * Stata's xtreg factor (test/fixtures/reference.did.json, made by scripts/reference/did.R on the
 * committed simulated panels test/fixtures/did_*.csv). Coefficient and SE ≤ 1e-6 relative.
 */
import { did } from "../../src/core/did/did";
import { fixtureTable, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.did.json");

for (const file of ["did_common.csv", "did_staggered.csv"]) {
  test(`${file}: DID estimate, cluster SE (Stata convention), p from t(G−1) and classical SE equal R`, () => {
    const c = ref.cases[file];
    const table = fixtureTable(file);
    const r = did(table, { y: "y", id: "unit", time: "year", treat: "d", controls: ["x"] });
    expect(r.model.nobs).toBe(c.n_obs);
    expectRel(r.estimate, c.coefficients.d, 1e-6, "d");
    expectRel(r.se, c.se_cluster_stata.d, 1e-6, "se d");
    expect(Math.abs(r.p - c.p_t_G_minus_1.d)).toBeLessThan(1e-6);
    expectRel(r.model.stdErrors.x, c.se_cluster_stata.x, 1e-6, "se x");
    const classical = did(table, { y: "y", id: "unit", time: "year", treat: "d", controls: ["x"], vcov: "classical" });
    expectRel(classical.se, c.se_classical.d, 1e-6, "classical se");
  });
}
