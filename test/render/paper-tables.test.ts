/**
 * The paper's Table 5 (11 columns with differing regressors) and Table 8 (six subgroups) as
 * one ECON.REGTABLE formula each, on the synthetic provincial panel. Every cell is checked
 * against models fitted independently with the core and formatted here.
 */
import { installCustomFunctionsGlobal } from "../helpers/custom-functions-global";
import { regtable, mediationtable } from "../../src/functions/functions";
import { invocation } from "../helpers/invocation";
import { syntheticGrid } from "../../scripts/lib/synthetic-panel";
import { tableFromGrid } from "../../src/core/data/data-table";
import { fitPanel } from "../../src/core/estimators/fit-panel";
import { PanelResult } from "../../src/core/results/panel-result";
import { mediation } from "../../src/core/mediation/mediation";

installCustomFunctionsGlobal();
const grid = syntheticGrid();
const table = tableFromGrid(grid);

const stars = (p: number) => (p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "");
const coefText = (r: PanelResult, t: string) => r.params[t].toFixed(3).replace(/^-0\.000$/, "0.000") + stars(r.pvalues[t]);
const seText = (r: PanelResult, t: string) => `(${r.stdErrors[t].toFixed(3)})`;

/** Checks every coefficient/SE cell, N and R² of a REGTABLE grid against independent fits. */
function checkCells(out: (string | number)[][], fits: PanelResult[], headerRows: number) {
  const labels = out.map((r) => r[0]);
  fits.forEach((r, k) => {
    const col = k + 1;
    for (let i = headerRows; i < out.length; i++) {
      const label = out[i][0];
      if (label === "" || label === "N" || String(label).startsWith("Within R²") || String(label).includes("FE") || label === "Groups" || String(label).startsWith("Standard") || String(label).startsWith("†")) continue;
      const term = label === "Constant" ? "_cons" : String(label);
      if (term in r.params) {
        expect(out[i][col]).toBe(coefText(r, term));
        expect(out[i + 1][col]).toBe(seText(r, term));
      } else {
        expect(out[i][col]).toBe("");
        expect(out[i + 1][col]).toBe("");
      }
    }
    expect(out[labels.indexOf("N")][col]).toBe(r.nobs);
    expect(out[labels.indexOf("Within R²")][col]).toBe(r.rsquared.within!.toFixed(3));
  });
}

test("Table 5: eleven baseline columns with differing regressors, two-way FE, clustered SEs", () => {
  const formulas = [
    "hq ~ fi", "hq ~ fi + urb", "hq ~ fi + urb + open", "hq ~ fi + urb + open + gov", "hq ~ fi + urb + open + gov + fin",
    "hq ~ rcd", "hq ~ rcd + urb + open + gov + fin", "hq ~ dig", "hq ~ dig + urb + open + gov + fin",
    "hq ~ fi + rcd + dig", "hq ~ fi + rcd + dig + urb + open + gov + fin",
  ];
  const out = regtable(grid, "province", "year", [formulas], "effect=twoways; vcov=cluster");
  expect(out[0]).toEqual(["Variable", ...formulas.map((_, i) => `(${i + 1})`)]);
  const fits = formulas.map((f) => fitPanel(table, { formula: f, id: "province", time: "year", model: "fe", effect: "twoways", vcov: "cluster" }));
  checkCells(out, fits, 1);
  expect(out.map((r) => r[0]).slice(1, 23)).toEqual(["fi", "", "urb", "", "open", "", "gov", "", "fin", "", "rcd", "", "dig", "", "Constant", "", "Entity FE", "Year FE", "N", "Within R²", "Groups", expect.stringMatching(/^Standard errors in parentheses \(clustered by province\); \* p<0.1/)]);
  expect(out.find((r) => r[0] === "Year FE")!.slice(1)).toEqual(formulas.map(() => "Yes"));
  // The synthetic DGP puts 0.5 on fi: column (1) finds a positive, significant effect.
  expect(String(out[1][1])).toMatch(/^0\.\d{3}\*\*\*$/);
});

test("Table 8: six subgroups (NBS four regions, South/North) from one formula", () => {
  const f = "hq ~ fi + urb + open + gov + fin";
  const models = [
    ["region4", "East"], ["region4", "Central"], ["region4", "West"], ["region4", "Northeast"], ["southnorth", "South"], ["southnorth", "North"],
  ].map(([c, v]) => `${f} | where=${c}=${v}; title=${v}`);
  const out = regtable(grid, "province", "year", [models], "effect=individual; vcov=cluster; lang=en");
  expect(out[1]).toEqual(["", "East", "Central", "West", "Northeast", "South", "North"]);
  const fits = [["region4", "East"], ["region4", "Central"], ["region4", "West"], ["region4", "Northeast"], ["southnorth", "South"], ["southnorth", "North"]].map(([c, v]) =>
    fitPanel(table, { formula: f, id: "province", time: "year", model: "fe", vcov: "cluster", where: `${c}=${v}` }),
  );
  checkCells(out, fits, 2);
  expect(out.find((r) => r[0] === "N")!.slice(1)).toEqual([210, 126, 252, 63, 336, 315]);
  // by= gives the same columns as explicit where=
  const byGrid = regtable(grid, "province", "year", f, "effect=individual; vcov=cluster; by=region4");
  expect(byGrid[1]).toEqual(["", "East", "Central", "West", "Northeast"]);
  // coefficient and SE rows (five regressors and the constant) are identical
  expect(byGrid.slice(2, 14)).toEqual(out.slice(2, 14).map((r) => r.slice(0, 5)));
});

test("Table 8 with a test of the South − North difference under the table", () => {
  const out = regtable(grid, "province", "year", "hq ~ fi + urb + open + gov + fin", "effect=individual; vcov=cluster; by=southnorth; compare=North,South");
  const south = fitPanel(table, { formula: "hq ~ fi + urb + open + gov + fin", id: "province", time: "year", model: "fe", vcov: "cluster", where: "southnorth=South" });
  const north = fitPanel(table, { formula: "hq ~ fi + urb + open + gov + fin", id: "province", time: "year", model: "fe", vcov: "cluster", where: "southnorth=North" });
  const note = out.map((r) => String(r[0])).find((c) => c.startsWith("Group difference"))!;
  expect(note).toContain(`Group difference in fi (South − North): ${(south.params.fi - north.params.fi).toFixed(3)}`);
});

test("Chinese labels and renamed terms", () => {
  const out = regtable(grid, "province", "year", "hq ~ fi + urb", "lang=zh; rename=fi=要素创新, urb=城镇化");
  expect(out.map((r) => r[0]).slice(0, 8)).toEqual(["变量", "要素创新", "", "城镇化", "", "常数项", "", "个体固定效应"]);
});

test("Table 6: ECON.MEDIATION with two mediators equals the core's mediation", async () => {
  const out = await mediationtable(grid, "hq", "fi", "dig,rcd", "urb,open,gov,fin", "province", "year", "effect=twoways; vcov=cluster", invocation());
  expect(out[0]).toEqual(["Effect", "M = dig", "M = rcd"]);
  const r = mediation(table, { y: "hq", x: "fi", mediators: ["dig", "rcd"], controls: ["urb", "open", "gov", "fin"], id: "province", time: "year", model: "fe", effect: "twoways", vcov: "cluster" });
  const row = (label: string) => out.find((x) => x[0] === label)!;
  expect(row("a (X → M)")[1]).toBe(r.mediators[0].a.estimate.toFixed(3) + r.mediators[0].a.stars);
  expect(row("Indirect effect a·b")[1]).toBe(r.mediators[0].indirect!.estimate);
  expect(row("Sobel p")[2]).toBe(r.mediators[1].indirect!.sobelP);
  expect(row("N")[1]).toBe(651);
  // dig is a partial mediator of fi in the DGP: a > 0 and significant.
  expect(String(row("a (X → M)")[1])).toMatch(/\*\*\*$/);
});

test("ECON.MEDIATION caps the bootstrap inside Excel and says why", async () => {
  await expect(mediationtable(grid, "hq", "fi", "dig", null, "province", "year", "bootstrap=5000", invocation())).rejects.toThrow(/at most 500 bootstrap replications/);
  // The budget is in total: two mediators get at most 250 each (bench/host-blocking.ts).
  await expect(mediationtable(grid, "hq", "fi", "dig,rcd", null, "province", "year", "bootstrap=300", invocation())).rejects.toThrow(/at most 500 bootstrap replications in all \(2 mediators: at most 250 each\)/);
});
