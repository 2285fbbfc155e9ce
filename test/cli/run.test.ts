import { mkdtempSync, writeFileSync, readFileSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { syntheticGrid } from "../../scripts/lib/synthetic-panel";
import { tableFromGrid } from "../../src/core/data/data-table";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { analysisSheets } from "../../src/render/analysis-sheets";
import { toGrid } from "../../src/render/grid";
import { analysisFigures } from "../../src/render/charts/analysis-figures";
import { readdirSync } from "fs";
import { svgToPng } from "../../src/cli/figure-png";

const dir = mkdtempSync(join(tmpdir(), "econsheet-run-"));
const grid = syntheticGrid();
const csv = join(dir, "panel.csv");
writeFileSync(csv, grid.map((r) => r.join(",")).join("\n"));
const specJson = {
  schema: "econsheet.analysis", version: 1, data: { workbook: "panel.csv", id: "province", time: "year" },
  indices: [{ name: "env", label: "Environment", periods: "2003;2004-2012;2013-2022;2023", aboveMean: true, groups: [{ name: "urban", indicators: [{ name: "urb" }, { name: "fin" }] }, { name: "policy", indicators: [{ name: "gov", direction: "-" }, { name: "open" }] }] }],
  tables: [
    { type: "descriptive", title: "Table 4 Descriptive", vars: ["hq", "fi", "env"] },
    { type: "regression", title: "Table 5 Baseline", models: [{ formula: "hq ~ fi", effect: "twoways", vcov: "cluster" }, { formula: "hq ~ fi + env", effect: "twoways", vcov: "cluster" }] },
    { type: "heterogeneity", title: "Table 8 Heterogeneity", base: { formula: "hq ~ fi + urb", vcov: "cluster" }, groups: "southnorth" },
    { type: "mediation", title: "Table 6 Mechanism", y: "hq", x: "fi", mediators: ["dig"], controls: ["urb"], effect: "twoways", vcov: "cluster" },
    { type: "did", title: "Table 9 DID", y: "hq", controls: ["urb"], treatedUnits: ["北京", "上海", "江苏", "浙江", "广东"], firstYear: 2013, eventStudy: { leads: 3, lags: 3 }, placebo: { permutations: 20, seed: 3 } },
  ],
};
const specPath = join(dir, "spec.json");
writeFileSync(specPath, JSON.stringify(specJson));

async function readBack(path: string): Promise<Map<string, (string | number | null)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, (string | number | null)[][]>();
  wb.eachSheet((ws) => {
    const rows: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const r: (string | number | null)[] = [];
      // Text in mixed scripts is written as rich text (宋体 / Times New Roman runs): read its plain text.
      row.eachCell({ includeEmpty: true }, (c, col) => (r[col - 1] = c.value !== null && typeof c.value === "object" && "richText" in c.value ? c.text : (c.value as string | number | null)));
      rows[n - 1] = r;
    });
    out.set(ws.name, rows);
  });
  return out;
}

describe("econsheet run", () => {
  test("writes every table; the numbers read back equal the core's results; two runs are identical", async () => {
    const out1 = join(dir, "out1.xlsx");
    const run1 = await cli("run", specPath, "--out", out1);
    expect(run1.stderr).toMatch(/\[1\] reading .*panel\.csv/);
    expect(run1.stderr).toMatch(/\[3\] table 'Table 4 Descriptive'/);
    expect(run1.code).toBe(0);
    const book = await readBack(out1);
    expect([...book.keys()]).toEqual(["Panel", "Environment weights", "Environment scores", "Environment above mean", "Table 4 Descriptive", "Table 5 Baseline", "Table 8 Heterogeneity", "Table 6 Mechanism", "Table 9 DID"]);

    // Independently: the core's run rendered to grids.
    const expected = analysisSheets(runAnalysis(tableFromGrid(grid), parseAnalysisSpec(specJson)));
    for (const sheet of expected) {
      const cells = book.get(sheet.name)!;
      const flat = cells.flat().filter((v) => v !== null && v !== undefined && v !== "");
      for (const t of sheet.tables) {
        for (const v of toGrid(t, { title: true }).flat()) if (v !== "") expect(flat).toContain(v);
      }
    }
    const out2 = join(dir, "out2.xlsx");
    await cli("run", specPath, "--out", out2);
    expect(JSON.stringify([...(await readBack(out2)).entries()])).toBe(JSON.stringify([...book.entries()]));
    expect(readFileSync(out1).length).toBeGreaterThan(1000);
  }, 60000);

  test("--figures writes the index trends, the event study and the placebo histogram as SVG, equal to the renderer's", async () => {
    const figures = join(dir, "figures");
    const r = await cli("run", specPath, "--out", join(dir, "fig.xlsx"), "--figures", figures);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote 3 figure\(s\) to .*figures/);
    expect(readdirSync(figures).sort()).toEqual(["Environment trends by region.svg", "Table 9 DID event study.svg", "Table 9 DID placebo.svg"]);
    const expected = analysisFigures(runAnalysis(tableFromGrid(grid), parseAnalysisSpec(specJson)), "en").figures;
    for (const f of expected) expect(readFileSync(join(figures, `${f.name}.svg`), "utf8")).toBe(f.svg);
  }, 60000);

  test("--figure-format png writes each figure as a PNG (resvg, 2× the SVG's size) of the same drawing; an existing PNG needs --force", async () => {
    const figures = join(dir, "figures-png");
    const r = await cli("run", specPath, "--out", join(dir, "fig-png.xlsx"), "--figures", figures, "--figure-format", "png");
    expect(r.code).toBe(0);
    expect(readdirSync(figures).sort()).toEqual(["Environment trends by region.png", "Table 9 DID event study.png", "Table 9 DID placebo.png"]);
    const expected = analysisFigures(runAnalysis(tableFromGrid(grid), parseAnalysisSpec(specJson)), "en").figures;
    for (const f of expected) {
      const png = readFileSync(join(figures, `${f.name}.png`));
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      // IHDR: width and height at bytes 16 and 20 — twice the SVG's 720 × 440.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 880]);
      expect(png.equals(svgToPng(f.svg).png)).toBe(true);
    }
    const again = await cli("run", specPath, "--out", join(dir, "fig-png2.xlsx"), "--figures", figures, "--figure-format", "png");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/--force/);
  }, 90000);

  test("a spec error names its path and stops with exit 1", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...specJson, tables: [{ type: "regression", title: "x", models: [{ formula: "hq ~ fi", vcov: "bootstrap" }] }] }));
    const r = await cli("run", bad, "--out", join(dir, "bad.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Analysis spec .*bad\.json, tables\[0\]\.models\[0\]\.vcov: 'bootstrap' is not one of classical, robust, cluster/);
  });
});
