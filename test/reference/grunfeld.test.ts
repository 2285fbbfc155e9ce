/**
 * Panel estimators against R (plm 2.6-2, sandwich, lmtest; cross-checked with gretl 2022c):
 * test/fixtures/reference.grunfeld.json. Coefficients and SEs ≤ 1e-6 relative (we get ~1e-14),
 * p-values ≤ 1e-6 absolute, R² ≤ 1e-8 — through the core API, the CLI and the custom functions.
 */
import { fitPanel, PanelSpec } from "../../src/core/estimators/fit-panel";
import { hausman } from "../../src/core/inference/hausman";
import { PanelResult } from "../../src/core/results/panel-result";
import { fixtureTable, loadReference, expectRel, fixturePath, excelGrid } from "../helpers/fixtures";
import { cli } from "../helpers/cli";
import { installCustomFunctionsGlobal } from "../helpers/custom-functions-global";
import { panelfe, panelre, pooledols, hausmantest } from "../../src/functions/functions";
import { DataTable } from "../../src/core/data/data-table";

installCustomFunctionsGlobal();
const ref = loadReference("reference.grunfeld.json");
const balanced = fixtureTable("grunfeld.csv");
const unbalanced = fixtureTable("grunfeld_unbalanced.csv");

type Block = { coefficients: Record<string, number>; inference: Inference[]; n_obs: number; df_resid: number; [k: string]: unknown };
type Inference = { label: string; se: Record<string, number>; p_t_df_resid?: Record<string, number>; p_t_G_minus_1?: Record<string, number>; p_normal?: Record<string, number> };

/** Which of our options reproduce each of R's SE variants, and which p-value column applies. */
const VARIANTS: Record<string, { vcov: PanelSpec["vcov"]; adjust?: PanelSpec["clusterAdjustment"]; p: (model: string) => keyof Inference }> = {
  classical: { vcov: "classical", p: (m) => (m === "re" ? "p_normal" : "p_t_df_resid") },
  hc1_stata_robust: { vcov: "robust", p: () => "p_t_df_resid" },
  hc1_lsdv_white: { vcov: "robust", p: () => "p_t_df_resid" },
  cluster_entity_stata: { vcov: "cluster", adjust: "stata", p: () => "p_t_G_minus_1" },
  cluster_entity_stata_xtreg: { vcov: "cluster", adjust: "stata", p: () => "p_t_G_minus_1" },
  cluster_entity_plm_sss: { vcov: "cluster", adjust: "plm", p: (m) => (m === "re" ? "p_normal" : "p_t_G_minus_1") },
  cluster_entity_hc0: { vcov: "cluster", adjust: "none", p: (m) => (m === "re" ? "p_normal" : "p_t_G_minus_1") },
  cluster_entity_hc0_times_G_over_G_minus_1: { vcov: "cluster", adjust: "stata", p: () => "p_normal" },
};

const term = (r: string, rename: Record<string, string>) => (r === "(Intercept)" ? "_cons" : rename[r] ?? r);

function checkBlock(result: PanelResult, block: Block, model: string, label: string, rename: Record<string, string>) {
  const inf = block.inference.find((i) => i.label === label)!;
  const pcol = VARIANTS[label].p(model);
  expect(result.nobs).toBe(block.n_obs);
  expect(result.dfResid).toBe(block.df_resid);
  for (const [rName, b] of Object.entries(block.coefficients)) {
    const t = term(rName, rename);
    expectRel(result.params[t], b, 1e-6, `${model} ${label} coef ${t}`);
    expectRel(result.stdErrors[t], inf.se[rName], 1e-6, `${model} ${label} se ${t}`);
    const p = (inf[pcol] as Record<string, number>)[rName];
    expect(Math.abs(result.pvalues[t] - p)).toBeLessThan(1e-6);
  }
}

interface Case { name: string; table: DataTable; block: Block; model: "pooled" | "fe" | "re"; effect?: PanelSpec["effect"]; formula: string; where?: string; rename?: Record<string, string> }

const cases: Case[] = [];
const add = (prefix: string, table: DataTable, group: Record<string, Block>, formula: string, opts: { where?: string; rename?: Record<string, string> } = {}) => {
  if (group.pooled) cases.push({ name: `${prefix} pooled`, table, block: group.pooled, model: "pooled", formula, ...opts });
  if (group.fe_oneway) cases.push({ name: `${prefix} FE one-way`, table, block: group.fe_oneway, model: "fe", effect: "individual", formula, ...opts });
  if (group.fe_twoways) cases.push({ name: `${prefix} FE two-way`, table, block: group.fe_twoways, model: "fe", effect: "twoways", formula, ...opts });
  if (group.re_swamy_arora) cases.push({ name: `${prefix} RE`, table, block: group.re_swamy_arora, model: "re", formula, ...opts });
};
const lagRename = { value_lag1: "lag(value,1)" };
add("balanced", balanced, ref.main, "inv ~ value + capital");
add("unbalanced", unbalanced, ref.unbalanced, "inv ~ value + capital");
add("balanced lag", balanced, ref.lag_model, "inv ~ lag(value,1) + capital", { rename: lagRename });
add("unbalanced lag (gaps)", unbalanced, ref.unbalanced.lag_model_with_gaps, "inv ~ lag(value,1) + capital", { rename: lagRename });
add("subgroup A", balanced, ref.subgroups.group_A, "inv ~ value + capital", { where: "firm in (1,2,3,4,5)" });
add("subgroup B", balanced, ref.subgroups.group_B, "inv ~ value + capital", { where: "firm in (6,7,8,9,10)" });

describe("core API against R", () => {
  for (const c of cases) {
    for (const inf of c.block.inference) {
      if (!(inf.label in VARIANTS)) continue;
      test(`${c.name}: ${inf.label}`, () => {
        const v = VARIANTS[inf.label];
        const r = fitPanel(c.table, { formula: c.formula, id: "firm", time: "year", model: c.model, effect: c.effect, vcov: v.vcov, clusterAdjustment: v.adjust, where: c.where });
        checkBlock(r, c.block, c.model, inf.label, c.rename ?? {});
      });
    }
  }

  test("lag across a gap: unbalanced lag model keeps 162 rows, dropping the first year and rows after a gap", () => {
    const r = fitPanel(unbalanced, { formula: "inv ~ lag(value,1) + capital", id: "firm", time: "year", model: "pooled" });
    expect(r.nobs).toBe(162);
    expect(r.dropped.rows).toBe(185 - 162);
    expect(r.dropped.byVariable).toEqual({ "lag(value,1)": 23 });
    expect(r.notes[0]).toBe("23 observations removed because of missing values (lag(value,1): 23).");
  });
});

describe("R² and model statistics against R", () => {
  const spec = { formula: "inv ~ value + capital", id: "firm", time: "year" };
  test("pooled: R², adjusted R², F", () => {
    const r = fitPanel(balanced, { ...spec, model: "pooled" });
    const b = ref.main.pooled;
    expect(Math.abs(r.rsquared.ols! - b.r_squared)).toBeLessThan(1e-8);
    expect(Math.abs(r.rsquared.adjusted! - b.adj_r_squared)).toBeLessThan(1e-8);
    expectRel(r.modelTest!.value, b.F_statistic.value, 1e-8, "F");
    expectRel(r.sigmaE, b.sigma, 1e-9, "sigma");
  });

  for (const [name, table, block] of [["balanced", balanced, ref.main.fe_oneway], ["unbalanced", unbalanced, ref.unbalanced.fe_oneway]] as const) {
    test(`FE one-way ${name}: within/LSDV/between/overall R², _cons and its SEs, sigma_u, rho, F tests (Stata style)`, () => {
      const r = fitPanel(table, { ...spec, model: "fe" });
      const st = block.stata_style;
      expect(Math.abs(r.rsquared.within! - block.r_squared.within_entity_demeaned)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.adjusted! - block.r_squared.plm_adj_r_squared)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.lsdv! - block.r_squared.lsdv_r_squared)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.lsdvAdjusted! - block.r_squared.lsdv_adj_r_squared)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.between! - st.r2_between)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.overall! - st.r2_overall)).toBeLessThan(1e-8);
      expectRel(r.params._cons, st.cons, 1e-9, "_cons");
      expectRel(r.stdErrors._cons, st.cons_se_classical, 1e-9, "_cons se");
      expectRel(r.sigmaU, st.sigma_u, 1e-9, "sigma_u");
      expectRel(r.sigmaE, st.sigma_e, 1e-9, "sigma_e");
      expectRel(r.rho, st.rho, 1e-9, "rho");
      expectRel(r.modelTest!.value, st.F_slopes.value, 1e-8, "F slopes");
      expectRel(r.effectsTest!.value, st.F_test_all_u_i_zero.value, 1e-8, "F u_i");
      expect(r.effectsTest!.df1).toBe(st.F_test_all_u_i_zero.df1);
      const rc = fitPanel(table, { ...spec, model: "fe", vcov: "cluster" });
      expectRel(rc.stdErrors._cons, st.cons_se_cluster_stata, 1e-9, "_cons cluster se");
    });
  }

  for (const [name, table, block] of [["balanced", balanced, ref.main.fe_twoways], ["unbalanced", unbalanced, ref.unbalanced.fe_twoways]] as const) {
    test(`FE two-way ${name}: Stata within R² and LSDV R²`, () => {
      const r = fitPanel(table, { ...spec, model: "fe", effect: "twoways" });
      expect(Math.abs(r.rsquared.within! - block.r_squared.within_entity_demeaned)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.lsdv! - block.r_squared.lsdv_r_squared)).toBeLessThan(1e-8);
      expectRel(r.ssr, block.ssr, 1e-9, "ssr");
      expectRel(r.sigmaE, block.sigma_e, 1e-9, "sigma_e");
    });
  }

  for (const [name, table, block] of [["balanced", balanced, ref.main.re_swamy_arora], ["unbalanced", unbalanced, ref.unbalanced.re_swamy_arora]] as const) {
    test(`RE ${name}: variance components, theta, R² (plm and Stata), Wald chi2`, () => {
      const r = fitPanel(table, { ...spec, model: "re" });
      const vc = block.variance_components;
      expectRel(r.sigmaE, vc.sigma_e, 1e-9, "sigma_e");
      expectRel(r.sigmaU, vc.sigma_u, 1e-9, "sigma_u");
      expectRel(r.rho, vc.rho, 1e-9, "rho");
      if (typeof r.theta === "number") expectRel(r.theta, block.theta.theta, 1e-9, "theta");
      else {
        expectRel(r.theta!.min, block.theta.theta_summary.min, 1e-9, "theta min");
        expectRel(r.theta!.max, block.theta.theta_summary.max, 1e-9, "theta max");
        expectRel(r.theta!.median, block.theta.theta_summary.median, 1e-9, "theta median");
      }
      expect(Math.abs(r.rsquared.ols! - block.r_squared.plm_r_squared)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.within! - block.r_squared.stata_within)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.between! - block.r_squared.stata_between)).toBeLessThan(1e-8);
      expect(Math.abs(r.rsquared.overall! - block.r_squared.stata_overall)).toBeLessThan(1e-8);
      expectRel(r.modelTest!.value, block.wald_chi2_slopes.value, 1e-8, "Wald");
    });
  }
});

describe("Hausman against R phtest", () => {
  for (const [name, table, block, where] of [
    ["balanced", balanced, ref.main.hausman, undefined],
    ["unbalanced", unbalanced, ref.unbalanced.hausman, undefined],
    ["subgroup A", balanced, ref.subgroups.group_A.hausman, "firm in (1,2,3,4,5)"],
    ["subgroup B", balanced, ref.subgroups.group_B.hausman, "firm in (6,7,8,9,10)"],
  ] as const) {
    test(`${name}: chi2, df, p, positive definiteness`, () => {
      const h = hausman(table, { formula: "inv ~ value + capital", id: "firm", time: "year", where });
      expectRel(h.chi2, block.chi2, 1e-6, "chi2");
      expect(h.df).toBe(block.df);
      expect(Math.abs(h.p - block.p)).toBeLessThan(1e-6);
      expect(h.positiveDefinite).toBe(block.V_diff_positive_definite);
      if (!block.V_diff_positive_definite) expect(h.notes.join(" ")).toMatch(/not positive definite/);
    });
  }
});

describe("econsheet panel / hausman (CLI, JSON contract) against R", () => {
  const data = fixturePath("grunfeld.csv");
  test("panel --model fe --vcov cluster: Stata xtreg convention", async () => {
    const run = await cli("panel", "--data", data, "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--model", "fe", "--vcov", "cluster", "--json");
    expect(run.stderr).toBe("");
    const j = run.json();
    const inf = ref.main.fe_oneway.inference.find((i: Inference) => i.label === "cluster_entity_stata_xtreg");
    for (const t of ["value", "capital"]) {
      expectRel(j.params[t], ref.main.fe_oneway.coefficients[t], 1e-6, t);
      expectRel(j.stdErrors[t], inf.se[t], 1e-6, t);
      expect(Math.abs(j.pvalues[t] - inf.p_t_G_minus_1[t])).toBeLessThan(1e-6);
    }
    for (const k of ["model", "effect", "vcov", "nobs", "ngroups", "nperiods", "dfResid", "params", "stdErrors", "tstats", "pvalues", "rsquared", "sigmaE", "sigmaU", "notes"]) expect(j).toHaveProperty(k);
    expect(j.rsquared).toHaveProperty("within");
    expect(j.rsquared).toHaveProperty("lsdv");
    expect(j).toHaveProperty("params._cons");
  });

  test("panel --model re on the unbalanced file", async () => {
    const run = await cli("panel", "--data", fixturePath("grunfeld_unbalanced.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--model", "re", "--json");
    const j = run.json();
    const b = ref.unbalanced.re_swamy_arora;
    expectRel(j.params._cons, b.coefficients["(Intercept)"], 1e-6, "_cons");
    expectRel(j.stdErrors.value, b.inference[0].se.value, 1e-6, "se");
    expect(j.theta).toHaveProperty("min");
  });

  test("panel --effect twoways with lag() and --where", async () => {
    const run = await cli("panel", "--data", data, "--formula", "inv ~ lag(value, 1) + capital", "--id", "firm", "--time", "year", "--effect", "twoways", "--json");
    const j = run.json();
    expectRel(j.params["lag(value,1)"], ref.lag_model.fe_twoways.coefficients.value_lag1, 1e-6, "lag coef");
  });

  test("hausman --json", async () => {
    const j = (await cli("hausman", "--data", data, "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json")).json();
    expectRel(j.chi2, ref.main.hausman.chi2, 1e-6, "chi2");
    expect(j).toMatchObject({ df: 2, positiveDefinite: true });
    expect(Math.abs(j.p - ref.main.hausman.p)).toBeLessThan(1e-6);
  });
});

describe("ECON.PANELFE / PANELRE / POOLEDOLS / HAUSMAN as Excel calls them, against R", () => {
  const grid = excelGrid("grunfeld.csv");
  const row = (out: (string | number)[][], label: string) => out.find((r) => r[0] === label)!;
  test("PANELFE two-way, cluster: coefficients, SEs, p (t(G−1))", () => {
    const out = panelfe(grid, "inv ~ value + capital", "firm", "year", "twoways", "cluster", null);
    expect(out[0]).toEqual(["Term", "Coef.", "Std. err.", "t", "P>|t|", "CI low", "CI high", "Sig."]);
    const inf = ref.main.fe_twoways.inference.find((i: Inference) => i.label === "cluster_entity_stata_xtreg");
    for (const t of ["value", "capital"]) {
      const r = row(out, t);
      expectRel(r[1] as number, ref.main.fe_twoways.coefficients[t], 1e-6, t);
      expectRel(r[2] as number, inf.se[t], 1e-6, t);
      expect(Math.abs((r[4] as number) - inf.p_t_G_minus_1[t])).toBeLessThan(1e-6);
    }
    expect(row(out, "N")[1]).toBe(200);
    expect(Math.abs((row(out, "R² within")[1] as number) - ref.main.fe_twoways.r_squared.within_entity_demeaned)).toBeLessThan(1e-8);
    expect(JSON.stringify(out)).not.toMatch(/NaN|null/);
  });

  test("PANELRE classical: z-based p-values", () => {
    const out = panelre(grid, "inv ~ value + capital", "firm", "year", null, null);
    expect(out[0][3]).toBe("z");
    const b = ref.main.re_swamy_arora;
    expectRel(row(out, "_cons")[1] as number, b.coefficients["(Intercept)"], 1e-6, "_cons");
    expect(Math.abs((row(out, "value")[4] as number) - b.inference[0].p_normal.value)).toBeLessThan(1e-6);
  });

  test("POOLEDOLS robust = Stata regress, vce(robust)", () => {
    const out = pooledols(grid, "inv ~ value + capital", "firm", "year", "robust", "compact=TRUE");
    const inf = ref.main.pooled.inference.find((i: Inference) => i.label === "hc1_stata_robust");
    expect(out).toHaveLength(4);
    expectRel(row(out, "capital")[2] as number, inf.se.capital, 1e-6, "se");
  });

  test("HAUSMAN", () => {
    const out = hausmantest(grid, "inv ~ value + capital", "firm", "year", null, null);
    expectRel(row(out, "Hausman chi2")[1] as number, ref.main.hausman.chi2, 1e-6, "chi2");
    expect(row(out, "V_FE − V_RE positive definite")[1]).toBe("Yes");
  });
});
