/**
 * The Index step's regional analysis: the card's choices as spec entries (each mistake named),
 * and written through excel-io into the in-memory Excel double — the table sheet, then the chart
 * sheet whose Excel chart reads the core's numbers.
 */
import fs from "fs";
import path from "path";
import { officeWorkbookIO, CellValue } from "../../src/taskpane/excel-io";
import { regionalSpec, withRegional, writeRegional, RegionalForm, RegionalFormError } from "../../src/taskpane/journey/regional";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { tableFromGrid, numericColumn } from "../../src/core/data/data-table";
import { syntheticGrid } from "../../scripts/lib/synthetic-panel";
import { kernelDensity } from "../../src/core/regional/kernel-density";
import { errorOf } from "../helpers/error-of";

interface Double {
  sheetNames(): string[];
  dump(): { name: string; values: CellValue[][] }[];
  charts(name: string): { name: string; type: string; title: string; series: { name: string; values: unknown[]; xValues: unknown[] | null }[] }[] | null;
}

function loadDouble(seed: unknown): Double {
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = { __ECONSHEET_SEED__: seed };
  new Function("window", fs.readFileSync(path.join(__dirname, "..", "browser", "excel-double.js"), "utf8"))(g.window);
  const w = g.window as Record<string, unknown>;
  g.Office = w.Office;
  g.Excel = w.Excel;
  return w.__excelDouble as Double;
}

const form: RegionalForm = { systems: ["env", "pol"], variable: "env", grouping: "region4", years: "2003, 2023", theil: true };
const spec = parseAnalysisSpec({
  schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" },
  indices: [
    { name: "env", label: "环境", groups: [{ name: "g", indicators: [{ name: "urb" }, { name: "open" }] }] },
    { name: "pol", groups: [{ name: "h", indicators: [{ name: "gov", direction: "-" }, { name: "fin" }] }] },
  ],
});
const panel = tableFromGrid(syntheticGrid());

describe("regional spec entries from the card", () => {
  test("coupling, dagum (with Theil), density (years read)", () => {
    expect(regionalSpec("coupling", form, "zh")).toEqual({ type: "coupling", title: "耦合协调度", systems: ["env", "pol"], groups: "region4", lang: "zh" });
    expect(regionalSpec("dagum", form, "en")).toEqual({ type: "dagum", title: "Dagum Gini decomposition", var: "env", groups: "region4", theil: true, lang: "en" });
    expect(regionalSpec("density", form, "en")).toMatchObject({ type: "density", var: "env", years: [2003, 2023] });
    expect(regionalSpec("density", { ...form, years: "" }, "en")).not.toHaveProperty("years");
  });
  test("each mistake says what to do, in both languages", () => {
    expect(errorOf<RegionalFormError>(() => regionalSpec("coupling", { ...form, systems: ["env"] }, "en")).text).toEqual({ en: "Tick two or more indices to couple.", zh: "请勾选两个或更多指数。" });
    expect(errorOf<RegionalFormError>(() => regionalSpec("density", { ...form, years: "2003, soon" }, "en")).text.en).toMatch(/Years: write whole years separated by commas.*'2003, soon'/);
    expect(errorOf<RegionalFormError>(() => regionalSpec("dagum", { ...form, variable: "" }, "en")).text.zh).toBe("请选择指数。");
  });
  test("one saved entry per type: a new one replaces the old", () => {
    const a = regionalSpec("coupling", form, "en"), b = regionalSpec("dagum", form, "en"), c = regionalSpec("coupling", { ...form, systems: ["pol", "env"] }, "en");
    expect(withRegional(withRegional([a], b), c)).toEqual([b, c]);
  });
});

describe("writeRegional into the Excel double", () => {
  test("density: the table sheet, then the chart sheet whose XY series are the core's curves", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }] });
    const names = await writeRegional(officeWorkbookIO(), panel, spec, regionalSpec("density", form, "en"), "en", false);
    expect(names).toEqual(["Kernel density", "Kernel density chart"]);
    const [chart] = dbl.charts("Kernel density chart")!;
    expect(chart).toMatchObject({ name: "kernelDensity", type: "XYScatter", title: "Kernel density of 环境" });
    const env = numericColumn(runAnalysis(panel, spec).panel, "env");
    const want = kernelDensity("env", env, Array.from(numericColumn(panel, "year")), { years: [2003, 2023] });
    expect(chart.series.map((s) => s.name)).toEqual(["2003", "2023"]);
    expect(chart.series[1].values).toEqual(want.years[1].y);
    expect(chart.series[1].xValues).toEqual(want.years[1].x);
  });
  test("coupling and dagum: tables and line charts by region / by component", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }] });
    const io = officeWorkbookIO();
    await writeRegional(io, panel, spec, regionalSpec("coupling", form, "en"), "en", false);
    await writeRegional(io, panel, spec, regionalSpec("dagum", form, "en"), "en", false);
    expect(dbl.sheetNames()).toEqual(["Data", "Coupling coordination", "Coupling chart", "Dagum Gini decomposition", "Gini contributions chart"]);
    expect(dbl.charts("Coupling chart")![0].series.map((s) => s.name)).toEqual(["East", "Central", "West", "Northeast", "All"]);
    expect(dbl.charts("Gini contributions chart")![0].series.map((s) => s.name)).toEqual(["Within", "Between", "Transvariation"]);
    const dagum = dbl.dump().find((s) => s.name === "Dagum Gini decomposition")!.values;
    expect(dagum.some((r) => r[1] === "Theil T")).toBe(true); // the Theil table under the Dagum table
  });
});
