/**
 * The custom-function adapters called exactly as Excel calls them: a 2-D range with a header row,
 * "" for blank cells, null for omitted optional arguments. Numbers against R
 * (test/fixtures/reference.grunfeld.json).
 */
import { panelFe, panelRe, hausmanRange } from "../../src/functions/adapters/panel";
import { excelGrid, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.grunfeld.json");
const grid = excelGrid("grunfeld.csv");
const unbalanced = excelGrid("grunfeld_unbalanced.csv");
type Inference = { label: string; se: Record<string, number>; p_t_G_minus_1: Record<string, number>; p_t_df_resid: Record<string, number> };
const row = (out: (string | number)[][], label: string) => out.find((r) => r[0] === label)!;
const HEADER = ["Term", "Coef.", "Std. err.", "t", "P>|t|", "CI low", "CI high", "Sig."];

describe("ECON.PANELFE adapter", () => {
  test("one-way FE, classical, omitted args null: coefficient rows, then statistics, then notes", () => {
    const out = panelFe(grid, "inv ~ value + capital", "firm", "year", null, null, null);
    expect(out[0]).toEqual(HEADER);
    expect(out.slice(1, 4).map((r) => r[0])).toEqual(["value", "capital", "_cons"]);
    const b = ref.main.fe_oneway;
    const inf = b.inference.find((i: Inference) => i.label === "classical");
    for (const t of ["value", "capital"]) {
      expectRel(row(out, t)[1] as number, b.coefficients[t], 1e-6, t);
      expectRel(row(out, t)[2] as number, inf.se[t], 1e-6, t);
      expect(Math.abs((row(out, t)[4] as number) - inf.p_t_df_resid[t])).toBeLessThan(1e-6);
      expect(row(out, t)[7]).toBe("***");
    }
    expectRel(row(out, "_cons")[1] as number, b.stata_style.cons, 1e-9, "_cons");
    expect(Math.abs((row(out, "R² within")[1] as number) - b.r_squared.within_entity_demeaned)).toBeLessThan(1e-8);
    expect(Math.abs((row(out, "R² (LSDV)")[1] as number) - b.r_squared.lsdv_r_squared)).toBeLessThan(1e-8);
    expectRel(row(out, "rho")[1] as number, b.stata_style.rho, 1e-9, "rho");
    expect(out.every((r) => r.length === 8)).toBe(true);
  });

  test("options: cluster=firm, where=…, compact=TRUE gives coefficients only", () => {
    const out = panelFe(grid, "inv ~ value + capital", "firm", "year", "individual", "cluster", "cluster=firm; where=firm in (6,7,8,9,10); compact=TRUE");
    expect(out).toHaveLength(4);
    const b = ref.subgroups.group_B.fe_oneway;
    const inf = b.inference.find((i: Inference) => i.label === "cluster_entity_stata_xtreg");
    expectRel(row(out, "value")[2] as number, inf.se.value, 1e-6, "se");
    expect(Math.abs((row(out, "capital")[4] as number) - inf.p_t_G_minus_1.capital)).toBeLessThan(1e-6);
  });

  test("lang=zh labels; unbalanced two-way with blank cells dropped and counted", () => {
    const g = unbalanced.map((r) => [...r]);
    g[3][2] = ""; // a blank inv: the row is dropped and reported
    const out = panelFe(g, "inv ~ value + capital", "firm", "year", "twoways", null, "lang=zh");
    expect(out[0][0]).toBe("变量");
    expect(row(out, "样本量")[1]).toBe(184);
    expect(out.some((r) => String(r[0]).includes("因缺失值删除 1 个观测（inv: 1）"))).toBe(true);
  });

  test("text in a numeric column: an error naming column, row and firm-year", () => {
    const g = grid.map((r) => [...r]);
    g[5][3] = "—";
    expect(() => panelFe(g, "inv ~ value + capital", "firm", "year", null, null, null)).toThrow(/Column 'value' row 6 \(1, 1939\): text '—' is not a number/);
  });

  test("an unknown option key lists the allowed keys", () => {
    expect(() => panelFe(grid, "inv ~ value", "firm", "year", null, null, "detail=TRUE")).toThrow(/unknown option 'detail'. Allowed options: cluster, where, compact, lang/);
  });
});

describe("ECON.PANELRE and ECON.HAUSMAN adapters", () => {
  test("RE on the unbalanced file (Baltagi–Chang, plm swar): z statistics", () => {
    const out = panelRe(unbalanced, "inv ~ value + capital", "firm", "year", null, null);
    expect(out[0][3]).toBe("z");
    const b = ref.unbalanced.re_swamy_arora;
    expectRel(row(out, "capital")[1] as number, b.coefficients.capital, 1e-6, "capital");
    expectRel(row(out, "capital")[2] as number, b.inference[0].se.capital, 1e-6, "se");
  });

  test("HAUSMAN on a subgroup (where option): chi2, df, p, positive definiteness as R", () => {
    const h = ref.subgroups.group_A.hausman;
    const out = hausmanRange(grid, "inv ~ value + capital", "firm", "year", null, "where=firm in (1,2,3,4,5)");
    expectRel(row(out, "Hausman chi2")[1] as number, h.chi2, 1e-6, "chi2");
    expect(row(out, "df")[1]).toBe(h.df);
    expect(Math.abs((row(out, "Prob > chi2")[1] as number) - h.p)).toBeLessThan(1e-6);
    expect(row(out, "V_FE − V_RE positive definite")[1]).toBe(h.V_diff_positive_definite ? "Yes" : "No");
  });
});
