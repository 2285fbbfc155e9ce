import { runAnalysis, lagFormula } from "../../../src/core/spec/run-analysis";
import { parseAnalysisSpec, AnalysisSpec } from "../../../src/core/spec/analysis-spec";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";
import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { entropyIndex } from "../../../src/core/indices/entropy-index";
import { entropyInputFromTable } from "../../../src/core/indices/entropy-input";
import { EconError } from "../../../src/core/errors";
import { did, placebo } from "../../../src/core/did/did";
import { eventStudy } from "../../../src/core/did/event-study";
import { analysisSheets } from "../../../src/render/analysis-sheets";
import { toGrid } from "../../../src/render/grid";

const grid = syntheticGrid();
const panel = tableFromGrid(grid);

const spec: AnalysisSpec = parseAnalysisSpec({
  schema: "econsheet.analysis",
  version: 1,
  data: { id: "province", time: "year" },
  indices: [{ name: "env", label: "Environment", periods: "2003;2004-2012;2013-2022;2023", aboveMean: true, groups: [{ name: "urban", indicators: [{ name: "urb" }, { name: "fin" }] }, { name: "policy", indicators: [{ name: "gov", direction: "-" }, { name: "open" }] }] }],
  tables: [
    { type: "descriptive", title: "Descriptive statistics", vars: ["hq", "fi", "env"] },
    { type: "regression", title: "Baseline", models: [{ formula: "hq ~ fi", effect: "twoways", vcov: "cluster" }, { formula: "hq ~ fi + env", effect: "twoways", vcov: "cluster" }] },
    { type: "robustness", title: "Robustness", base: { formula: "hq ~ fi + urb", vcov: "cluster" }, variants: ["lag", "re"] },
    { type: "heterogeneity", title: "Heterogeneity", base: { formula: "hq ~ fi + urb", vcov: "cluster" }, groups: "region4" },
    { type: "mediation", title: "Mechanism", y: "hq", x: "fi", mediators: ["dig"], controls: ["urb"], effect: "twoways", vcov: "cluster" },
  ],
});

describe("runAnalysis", () => {
  const run = runAnalysis(panel, spec);

  test("the index is the entropy index of its indicators, appended to the panel", () => {
    const direct = entropyIndex(entropyInputFromTable(panel, { indicators: ["urb", "fin", "gov", "open"], directions: ["positive", "positive", "negative", "positive"], id: "province", time: "year" }));
    expect(run.indices[0].result.weights).toEqual(direct.weights);
    const j = run.panel.names.indexOf("env");
    expect(run.panel.rows.map((r) => r[j])).toEqual(direct.scores);
    expect(run.indices[0].result.groups).toEqual({ urban: direct.weights.urb + direct.weights.fin, policy: direct.weights.gov + direct.weights.open });
    expect(run.indices[0].periods!.periods.map((p) => p.label)).toEqual(["2003", "2004-2012", "2013-2022", "2023"]);
    expect(run.indices[0].aboveMean!.years).toHaveLength(21);
  });

  test("every table equals models fitted directly", () => {
    const [desc, base, rob, het, med] = run.tables;
    expect(desc.kind).toBe("descriptive");
    if (base.kind !== "regression" || rob.kind !== "regression" || het.kind !== "regression" || med.kind !== "mediation") throw new Error("kinds");
    const direct = fitPanel(run.panel, { formula: "hq ~ fi + env", id: "province", time: "year", model: "fe", effect: "twoways", vcov: "cluster" });
    expect(base.models[1].params).toEqual(direct.params);
    expect(rob.models.map((m) => m.formula)).toEqual(["hq ~ fi + urb", "hq ~ lag(fi,1) + lag(urb,1)", "hq ~ fi + urb"]);
    expect(rob.models[2].model).toBe("re");
    expect(rob.models[1].nobs).toBe(31 * 20);
    expect(het.titles).toEqual(["East", "Central", "West", "Northeast"]);
    expect(het.models.map((m) => m.ngroups)).toEqual([10, 6, 12, 3]);
    // default comparison for the four regions: East − West on the first regressor
    expect(het.differences![0]).toMatchObject({ term: "fi", groupA: "West", groupB: "East" });
    expect(het.differences![0].difference).toBeCloseTo(het.models[0].params.fi - het.models[2].params.fi, 10);
    expect(med.mediation.mediators[0].nobs).toBe(651);
  });

  test("the log names each step", () => {
    expect(run.log).toEqual([
      "index env: entropy weights (pooled)", "table 'Descriptive statistics' (descriptive)", "table 'Baseline' (regression)", "table 'Robustness' (robustness)", "table 'Heterogeneity' (heterogeneity)", "table 'Mechanism' (mediation)",
    ]);
  });

  test("the same spec twice gives identical results", () => {
    const again = runAnalysis(panel, spec);
    expect(JSON.stringify(again.tables.map((t) => (t.kind === "regression" ? t.models.map((m) => m.params) : null)))).toBe(JSON.stringify(run.tables.map((t) => (t.kind === "regression" ? t.models.map((m) => m.params) : null))));
  });

  test("an error names the table it comes from", () => {
    const bad = { ...spec, tables: [{ type: "regression" as const, title: "Broken", models: [{ formula: "hq ~ nothing" }] }] };
    try {
      runAnalysis(panel, bad);
      throw new Error("expected an error");
    } catch (e) {
      expect((e as EconError).text.en).toMatch(/^Table 'Broken': Model \(1\) 'hq ~ nothing': Unknown variable 'nothing'/);
    }
  });

  test("lagFormula", () => {
    expect(lagFormula("y ~ x + lag(z,1)", "all")).toBe("y ~ lag(x,1) + lag(lag(z,1),1)");
    expect(lagFormula("y ~ x + c", "first")).toBe("y ~ lag(x,1) + c");
  });
});

describe("parseAnalysisSpec", () => {
  test.each([
    [{}, /schema: must be "econsheet.analysis"/],
    [{ schema: "econsheet.analysis", version: 2, data: {} }, /version 2 is not supported/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "pie", title: "x" }] }, /tables\[0\]\.type: 'pie' is not one of/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "regression", title: "x", models: [{ formula: "y ~ x", effect: "three" }] }] }, /tables\[0\]\.models\[0\]\.effect: 'three'/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, indices: [{ name: "i", groups: [{ name: "g", indicators: [{ name: "a", direction: "up" }] }] }] }, /indices\[0\]\.groups\[0\]\.indicators\[0\]\.direction/],
    [{ schema: "econsheet.analysis", version: 1, data: { file: "x" } }, /data: unknown key 'file'/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "robustness", title: "r", base: { formula: "y ~ x" }, variants: ["lead"] }] }, /tables\[0\]\.variants\[0\]: 'lead' is not one of lag, lagx, re/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, indices: [{ name: "i", missing: "ignore", groups: [{ name: "g", indicators: [{ name: "a" }] }] }] }, /indices\[0\]\.missing: 'ignore' is not one of error, drop, interpolate/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "did", title: "d", y: "y", treat: "d", firstYearColumn: "f" }] }, /tables\[0\]: give the treatment in exactly one way/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "did", title: "d", y: "y", treatedUnits: ["北京"] }] }, /tables\[0\]\.firstYear: 'undefined' must be a year/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "did", title: "d", y: "y", treat: "d", placebo: { permutations: 0 } }] }, /tables\[0\]\.placebo\.permutations: 0 must be a whole number ≥ 1/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "did", title: "d", y: "y", treat: "d", eventStudy: { window: 3 } }] }, /tables\[0\]\.eventStudy: unknown key 'window'/],
    [{ schema: "econsheet.analysis", version: 1, data: {}, tables: [{ type: "did", title: "d", treat: "d" }] }, /tables\[0\]\.y: is required/],
  ])("%j is refused naming the path", (json, msg) => {
    expect(() => parseAnalysisSpec(json)).toThrow(msg);
  });
});

describe("DID tables in the spec", () => {
  const pilots = ["北京", "上海", "江苏", "浙江", "广东"];
  const didSpec = parseAnalysisSpec({
    schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" },
    tables: [{ type: "did", title: "DID", y: "hq", controls: ["urb", "open"], treatedUnits: pilots, firstYear: 2013, eventStudy: { leads: 3, lags: 3 }, placebo: { permutations: 30, seed: 5 } }],
  });
  const run = runAnalysis(panel, didSpec);
  const t = run.tables[0];

  test("columns without and with controls equal the DID core; the event study and placebo use the controls", () => {
    if (t.kind !== "did") throw new Error("expected a DID result");
    const base = { y: "hq", id: "province", time: "year", treatedUnits: pilots, firstYear: 2013 };
    expect(t.did.map((r) => r.estimate)).toEqual([did(panel, { ...base, controls: [] }).estimate, did(panel, { ...base, controls: ["urb", "open"] }).estimate]);
    expect(t.did[1].model.params.treat_post).toBe(fitPanel(tableWithTreatPost(pilots, 2013), { formula: "hq ~ treat_post + urb + open", id: "province", time: "year", model: "fe", effect: "twoways", vcov: "cluster" }).params.treat_post);
    expect(t.eventStudy!.twfe.map((c) => c.rel)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(t.eventStudy!.twfe).toEqual(eventStudy(panel, { ...base, controls: ["urb", "open"], leads: 3, lags: 3 }).twfe);
    expect(t.placebo).toEqual(placebo(panel, { ...base, controls: ["urb", "open"] }, 30, 5));
  });

  test("rendered as four tables on one sheet: DID columns, group means, event study, placebo", () => {
    const [sheet] = analysisSheets(run, "en").slice(-1);
    expect(sheet.name).toBe("DID");
    expect(sheet.tables.map((m) => m.title)).toEqual(["DID", "Mean of hq by group and period", "Event study", "Placebo test (random reassignment of treatment)"]);
    expect(toGrid(sheet.tables[0]).some((r) => r[0] === "Treated × Post")).toBe(true);
  });
});

/** The panel with D = 1{province among the pilots and year ≥ first}, built by hand. */
function tableWithTreatPost(pilots: string[], first: number) {
  const pj = grid[0].indexOf("province"), yj = grid[0].indexOf("year");
  return tableFromGrid([[...grid[0], "treat_post"], ...grid.slice(1).map((r) => [...r, pilots.includes(String(r[pj])) && Number(r[yj]) >= first ? 1 : 0])]);
}
