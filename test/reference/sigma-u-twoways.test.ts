/**
 * sigma_u and rho of two-way FE (Stata `xtreg y x i.year, fe`) against R: the SD (G − 1) of the
 * entity effects of lm(inv ~ value + capital + factor(firm) + factor(year)), equal to plm's
 * sd(fixef(twoways, "individual")) (test/fixtures/reference.sigma-u-twoways.json, made by
 * scripts/reference/sigma-u-twoways.R). ≤ 1e-6 relative, balanced and unbalanced Grunfeld.
 */
import { fitPanel } from "../../src/core/estimators/fit-panel";
import { fixtureTable, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.sigma-u-twoways.json");

for (const file of ["grunfeld.csv", "grunfeld_unbalanced.csv"]) {
  test(`${file}: two-way FE sigma_u, sigma_e and rho equal R's dummy-variable regression`, () => {
    const c = ref.cases[file];
    const r = fitPanel(fixtureTable(file), { formula: "inv ~ value + capital", id: "firm", time: "year", model: "fe", effect: "twoways" });
    expect(r.nobs).toBe(c.n_obs);
    expectRel(r.params.value, c.coefficients.value, 1e-6, "value");
    expectRel(r.sigmaU, c.sigma_u, 1e-6, "sigma_u");
    expectRel(r.sigmaU, c.sigma_u_plm_fixef, 1e-6, "sigma_u (plm fixef)");
    expectRel(r.sigmaE, c.sigma_e, 1e-6, "sigma_e");
    expectRel(r.rho, c.rho, 1e-6, "rho");
  });
}
