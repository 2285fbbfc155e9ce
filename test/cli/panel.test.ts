/**
 * `econsheet panel` / `econsheet hausman` run in-process (command.run(parseArgs(…))) on the
 * fixture files; numbers against R (plm/sandwich, test/fixtures/reference.grunfeld.json).
 */
import { panelCommand } from "../../src/cli/commands/panel";
import { hausmanCommand } from "../../src/cli/commands/hausman";
import { parseArgs } from "../../src/cli/args";
import { fixturePath, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.grunfeld.json");
type Inference = { label: string; se: Record<string, number>; p_t_G_minus_1: Record<string, number>; p_t_df_resid: Record<string, number>; p_normal: Record<string, number> };

async function run(command: typeof panelCommand, ...argv: string[]) {
  let stdout = "", stderr = "";
  const code = await command.run(parseArgs(argv), { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const base = ["--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json"];
const CONTRACT = ["model", "effect", "vcov", "nobs", "ngroups", "nperiods", "dfResid", "params", "stdErrors", "tstats", "pvalues", "rsquared", "sigmaE", "sigmaU", "theta", "notes"];

describe("econsheet panel --json", () => {
  test.each([
    ["pooled", "individual", "cluster_entity_stata", ref.main.pooled],
    ["fe", "individual", "cluster_entity_stata_xtreg", ref.main.fe_oneway],
    ["fe", "twoways", "cluster_entity_stata_xtreg", ref.main.fe_twoways],
  ])("%s %s, Stata cluster SEs and t(G−1) p-values; every contract key present", async (model, effect, label, block) => {
    const r = await run(panelCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--model", model, "--effect", effect, "--vcov", "cluster");
    expect(r.code).toBe(0);
    const j = r.json();
    for (const k of CONTRACT) expect(j).toHaveProperty(k);
    for (const k of ["within", "lsdv", "between", "overall"]) expect(j.rsquared).toHaveProperty(k);
    const inf = block.inference.find((i: Inference) => i.label === label);
    for (const t of ["value", "capital"]) {
      expectRel(j.params[t], block.coefficients[t], 1e-6, t);
      expectRel(j.stdErrors[t], inf.se[t], 1e-6, t);
      expect(Math.abs(j.pvalues[t] - inf.p_t_G_minus_1[t])).toBeLessThan(1e-6);
    }
    expect(j.params).toHaveProperty("_cons");
    expect(r.stdout).not.toMatch(/NaN/);
  });

  test("FE prints theta as null (RE only); RE prints z p-values and theta", async () => {
    const fe = (await run(panelCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--model", "fe")).json();
    expect(fe.theta).toBeNull();
    expect(fe.sigmaU).toBeGreaterThan(0);
    const re = (await run(panelCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--model", "re")).json();
    const b = ref.main.re_swamy_arora;
    expectRel(re.theta, b.theta.theta, 1e-9, "theta");
    expect(Math.abs(re.pvalues.value - b.inference[0].p_normal.value)).toBeLessThan(1e-6);
    expect(re.pDistribution).toBe("normal");
  });

  test("unbalanced two-way FE: exact within transformation, the iteration count (0) reported", async () => {
    const j = (await run(panelCommand, "--data", fixturePath("grunfeld_unbalanced.csv"), ...base, "--effect", "twoways", "--vcov", "cluster")).json();
    const block = ref.unbalanced.fe_twoways;
    const inf = block.inference.find((i: Inference) => i.label === "cluster_entity_stata_xtreg");
    expectRel(j.stdErrors.capital, inf.se.capital, 1e-6, "se");
    expect(j.demeanMethod).toBe("exact");
    expect(j.demeanIterations).toBe(0);
    expect(j.nobs).toBe(185);
  });

  test("subgroup with --where and a lag term named without spaces", async () => {
    const j = (await run(panelCommand, "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ lag(value, 1) + capital", "--id", "firm", "--time", "year", "--model", "pooled", "--where", "firm in (1,2,3,4,5)", "--json")).json();
    expect(Object.keys(j.params)).toEqual(["lag(value,1)", "capital", "_cons"]);
    expect(j.ngroups).toBe(5);
    expect(j.nobs).toBe(95);
  });

  test("an unknown flag or option is an error listing what is allowed", async () => {
    await expect(run(panelCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--vcov", "bootstrap")).rejects.toThrow(/Unknown vcov 'bootstrap'. Allowed: classical, robust, cluster/);
  });
});

describe("econsheet hausman --json", () => {
  test("classical: R phtest", async () => {
    const j = (await run(hausmanCommand, "--data", fixturePath("grunfeld_unbalanced.csv"), ...base)).json();
    expectRel(j.chi2, ref.unbalanced.hausman.chi2, 1e-6, "chi2");
    expect(Math.abs(j.p - ref.unbalanced.hausman.p)).toBeLessThan(1e-6);
    expect(j).toMatchObject({ df: 2, positiveDefinite: ref.unbalanced.hausman.V_diff_positive_definite });
    expect(j).toHaveProperty("notes");
  });

  test("--method mundlak; an unknown method is refused", async () => {
    const j = (await run(hausmanCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--method", "mundlak")).json();
    expect(j.method).toBe("mundlak");
    expect(j.df).toBe(2);
    await expect(run(hausmanCommand, "--data", fixturePath("grunfeld.csv"), ...base, "--method", "wald")).rejects.toThrow(/Allowed: classical, mundlak/);
  });
});
