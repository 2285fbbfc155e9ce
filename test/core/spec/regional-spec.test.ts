/**
 * The regional entries of the analysis spec: checked with their path, run on the panel with the
 * indices appended, rendered as the coupling-level distribution, the Dagum table and the density
 * curves — the same numbers as the core called directly.
 */
import { runAnalysis } from "../../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../../src/core/spec/analysis-spec";
import { tableFromGrid, numericColumn } from "../../../src/core/data/data-table";
import { regionLabels } from "../../../src/core/data/provinces";
import { labelColumn } from "../../../src/core/data/data-table";
import { couplingCoordination } from "../../../src/core/regional/coupling";
import { dagumGini } from "../../../src/core/regional/dagum-gini";
import { defaultDensityYears } from "../../../src/core/regional/run-regional";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";
import { analysisSheets } from "../../../src/render/analysis-sheets";
import { toGrid } from "../../../src/render/grid";
import { EconError } from "../../../src/core/errors";
import { errorOf } from "../../helpers/error-of";

const panel = tableFromGrid(syntheticGrid());
const base = {
  schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" },
  indices: [
    { name: "env", groups: [{ name: "urban", indicators: [{ name: "urb" }, { name: "fin" }] }] },
    { name: "pol", groups: [{ name: "policy", indicators: [{ name: "gov", direction: "-" }, { name: "open" }] }] },
  ],
};

describe("regional spec entries", () => {
  const spec = parseAnalysisSpec({
    ...base,
    tables: [
      { type: "coupling", title: "Coupling", systems: ["env", "pol"] },
      { type: "dagum", title: "Dagum", var: "env", groups: "southnorth", theil: true, lang: "zh" },
      { type: "density", title: "Density", var: "env" },
    ],
  });
  const run = runAnalysis(panel, spec);
  const env = numericColumn(run.panel, "env");
  const ids = labelColumn(run.panel, "province");
  const times = Array.from(numericColumn(run.panel, "year"));

  test("coupling: the core's D per row, the regions of the NBS scheme, the distribution table", () => {
    const t = run.tables[0];
    if (t.kind !== "coupling") throw new Error(t.kind);
    const direct = couplingCoordination({ systems: [{ name: "env", values: env }, { name: "pol", values: numericColumn(run.panel, "pol") }] });
    expect(t.coupling.rows.map((r) => r.D)).toEqual(direct.rows.map((r) => r.D));
    expect(t.regions).toEqual(regionLabels(ids, "province", "region4", "en"));
    const sheet = analysisSheets(run).find((s) => s.name === "Coupling")!;
    const grid = toGrid(sheet.tables[0]);
    expect(grid[0].slice(0, 5)).toEqual(["Year", "Region", "N", "Mean D", "Level of mean D"]);
    expect(grid[1].slice(0, 2)).toEqual([times[0], "East"]);
  });
  test("dagum with theil from a group column: the Dagum table in Chinese, then the Theil table", () => {
    const t = run.tables[1];
    if (t.kind !== "dagum") throw new Error(t.kind);
    // The panel has a southnorth column (English labels): it is used as it is, in the scheme's order.
    const direct = dagumGini({ name: "env", values: env, groups: regionLabels(ids, "province", "southnorth", "en"), times });
    expect(t.dagum.years.map((y) => y.G)).toEqual(direct.years.map((y) => y.G));
    expect(t.dagum.groups).toEqual(["South", "North"]);
    const tables = analysisSheets(run).find((s) => s.name === "Dagum")!.tables;
    expect(tables).toHaveLength(2);
    expect(toGrid(tables[0])[1].slice(0, 4)).toEqual(["年份", "总体基尼系数", "South", "North"]);
    expect(toGrid(tables[1])[0][1]).toBe("泰尔指数");
  });
  test("density: first, middle and last year by default", () => {
    const t = run.tables[2];
    if (t.kind !== "density") throw new Error(t.kind);
    expect(t.density.years.map((y) => y.time)).toEqual(defaultDensityYears(times));
    expect(defaultDensityYears([2003, 2004, 2005, 2006, 2007])).toEqual([2003, 2005, 2007]);
  });
  test("a bad entry names its path, in en and zh", () => {
    const e = errorOf<EconError>(() => parseAnalysisSpec({ ...base, tables: [{ type: "coupling", title: "C", systems: ["env"] }] }));
    expect(e.text.en).toMatch(/tables\[0\]\.systems: must list at least 2 item\(s\) \(two or more index columns/);
    expect(e.text.zh).toMatch(/tables\[0\]\.systems：至少需要 2 项（两个及以上指数列/);
    expect(errorOf<EconError>(() => parseAnalysisSpec({ ...base, tables: [{ type: "dagum", title: "D", var: "env", thiel: true }] })).text.en).toMatch(/tables\[0\]: unknown key 'thiel'/);
    expect(errorOf<EconError>(() => parseAnalysisSpec({ ...base, tables: [{ type: "density", title: "K", var: "env", years: ["2003"] }] })).text.en).toMatch(/tables\[0\]\.years\[0\]: must be a year such as 2013; got '2003'/);
    const bad = parseAnalysisSpec({ ...base, tables: [{ type: "coupling", title: "C", systems: ["env", "fin"] }] });
    expect(errorOf<EconError>(() => runAnalysis(panel, bad)).text.en).toMatch(/^Table 'C': System 'fin' \(.*\): U = .* is outside \[0, 1\]/);
  });
});
