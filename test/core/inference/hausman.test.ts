import { Matrix } from "ml-matrix";
import { hausman, mundlakTest, generalizedQuadForm } from "../../../src/core/inference/hausman";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { fixtureTable, loadReference, expectRel } from "../../helpers/fixtures";

const table = fixtureTable("grunfeld.csv");
const ref = loadReference("reference.grunfeld.json");
const spec = { formula: "inv ~ value + capital", id: "firm", time: "year" };

describe("generalizedQuadForm (never abs())", () => {
  test("an indefinite V keeps the sign: d = (1, 1), V = diag(1, −4) → 1 − 1/4", () => {
    const g = generalizedQuadForm(new Matrix([[1, 0], [0, -4]]), [1, 1]);
    expect(g.value).toBeCloseTo(0.75, 14);
    expect(g.rank).toBe(2);
  });
  test("a singular V uses the Moore–Penrose inverse and its rank: V = [[1,1],[1,1]], d = (1, 1) → 1, df 1", () => {
    // V = 2 u u' with u = (1,1)/√2; d'u = √2 → (d'u)²/2 = 1.
    const g = generalizedQuadForm(new Matrix([[1, 1], [1, 1]]), [1, 1]);
    expect(g.value).toBeCloseTo(1, 14);
    expect(g.rank).toBe(1);
  });
});

describe("Hausman", () => {
  test("classical: equals R phtest (chi2, df, p) and says V_FE − V_RE is positive definite", () => {
    const h = hausman(table, spec);
    expectRel(h.chi2, ref.main.hausman.chi2, 1e-6, "chi2");
    expect(h.df).toBe(ref.main.hausman.df);
    expect(h.positiveDefinite).toBe(true);
  });

  test("Mundlak: RE with entity means gives the within slopes (Mundlak 1978) and a Wald test on the means", () => {
    const m = mundlakTest(table, { ...spec, cluster: "firm" });
    const fe = fitPanel(table, { ...spec, model: "fe" });
    // In a balanced panel the coefficients on x in the augmented RE regression are the FE estimates.
    expectRel(m.re!.params.value, fe.params.value, 1e-8, "value");
    expectRel(m.re!.params.capital, fe.params.capital, 1e-8, "capital");
    expect(m.df).toBe(2);
    expect(m.terms).toEqual(["value", "capital"]);
    expect(m.chi2).toBeGreaterThan(0);
    expect(m.p).toBeGreaterThanOrEqual(0);
    expect(m.p).toBeLessThanOrEqual(1);
  });
});
