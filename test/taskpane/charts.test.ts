/** The Charts step's logic without Office: the DID form's checks, chart models from a provincial panel, and the write order. */
import { ChartFormError, DEFAULT_DID_FORM, didFormOf, didSpecOf, didTableSpec, eventStudyModel, mapModel, trendModel, writeChart, checkPermutations } from "../../src/taskpane/journey/charts";
import { did } from "../../src/core/did/did";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { analysisSheets } from "../../src/render/analysis-sheets";
import type { WorkbookIO } from "../../src/taskpane/excel-io";
import { tableFromGrid } from "../../src/core/data/data-table";
import { eventStudy } from "../../src/core/did/event-study";
import { spanValues } from "../../src/render/charts/chart-model";
import { PROVINCES } from "../../src/core/data/provinces";
import { errorOf } from "../helpers/error-of";

/** 12 provinces × 10 years; the first four adopt a policy in 2016 that raises y by 2. */
function provincialPanel() {
  const rows: (string | number)[][] = [["province", "year", "y", "x"]];
  PROVINCES.slice(0, 12).forEach((p, i) => {
    for (let year = 2010; year < 2020; year++) {
      const treated = i < 4 && year >= 2016 ? 2 : 0;
      const x = Math.sin(i * 3 + year);
      rows.push([p.name, year, 0.3 * i + 0.1 * (year - 2010) + treated + 0.5 * x + 0.05 * Math.cos(i * 7 + year * 3), x]);
    }
  });
  return tableFromGrid(rows);
}

const fieldOf = (f: () => unknown) => errorOf<ChartFormError>(f).field;

describe("didSpecOf", () => {
  const ok = { ...DEFAULT_DID_FORM, y: "y", treated: ["北京", "天津"], firstYear: "2016年", controls: ["x", "y"] };
  test("treated provinces + first year (2016年 read), Y never among its own controls", () => {
    expect(didSpecOf(ok, "province", "year")).toEqual({ y: "y", id: "province", time: "year", controls: ["x"], treatedUnits: ["北京", "天津"], firstYear: 2016, leads: 4, lags: 4, reference: -1 });
    expect(didSpecOf({ ...ok, treated: [], firstYearColumn: "first" }, "province", "year")).toMatchObject({ firstYearColumn: "first" });
  });
  test("each mistake names its field", () => {
    expect(fieldOf(() => didSpecOf({ ...ok, y: "" }, "p", "t"))).toBe("y");
    expect(fieldOf(() => didSpecOf({ ...ok, treated: [] }, "p", "t"))).toBe("treated");
    expect(fieldOf(() => didSpecOf({ ...ok, firstYear: "soon" }, "p", "t"))).toBe("firstYear");
    expect(fieldOf(() => didSpecOf({ ...ok, reference: -9 }, "p", "t"))).toBe("window");
    expect(fieldOf(() => didSpecOf({ ...ok, leads: 0 }, "p", "t"))).toBe("window");
    expect(fieldOf(() => checkPermutations({ ...ok, permutations: 3 }))).toBe("permutations");
    expect(errorOf<ChartFormError>(() => didSpecOf({ ...ok, firstYear: "soon" }, "p", "t")).text.zh).toContain("首次处理年份");
  });
});

describe("chart models from a provincial panel", () => {
  const panel = provincialPanel();
  test("event study: the model plots the core's estimates, which recover the built-in effect of 2", () => {
    const form = { ...DEFAULT_DID_FORM, y: "y", treated: PROVINCES.slice(0, 4).map((p) => p.name), firstYear: "2016", controls: ["x"], leads: 3, lags: 3 };
    const m = eventStudyModel(panel, form, "province", "year", "en");
    const r = eventStudy(panel, didSpecOf(form, "province", "year"));
    const est = m.series.find((s) => s.name === "TWFE Estimate")!;
    expect(spanValues(m.data, est.values)).toEqual(r.twfe.map((c) => c.estimate));
    for (const c of r.twfe) if (c.rel >= 0) expect(Math.abs(c.estimate - 2)).toBeLessThan(0.2);
  });
  test("DID table: a spec table (valid JSON for econsheet run) — without and with controls, then the means of the last", () => {
    const form = { ...DEFAULT_DID_FORM, y: "y", treated: PROVINCES.slice(0, 4).map((p) => p.name), firstYear: "2016", controls: ["x"] };
    const table = didTableSpec(form, "province", "year", "zh");
    expect(table).toEqual({ type: "did", title: "双重差分", y: "y", controls: ["x"], treatedUnits: PROVINCES.slice(0, 4).map((p) => p.name), firstYear: 2016 });
    const spec = parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" }, tables: [table] });
    const run = runAnalysis(panel, spec);
    const t = run.tables[0];
    if (t.kind !== "did") throw new Error("a DID table result");
    const withX = did(panel, didSpecOf(form, "province", "year"));
    expect(t.did.map((r) => r.estimate)).toEqual([did(panel, { ...didSpecOf(form, "province", "year"), controls: [] }).estimate, withX.estimate]);
    const [sheet] = analysisSheets(run, "zh").slice(-1);
    expect(sheet.name).toBe("双重差分");
    const [reg, means] = sheet.tables;
    // Few clusters (fewer than 20 treated and control units): the model numbers carry a dagger.
    expect(reg.header.flat().map((c) => c.value)).toEqual(expect.arrayContaining(["(1)†", "(2)†"]));
    expect(means.body[2][3].value).toBe(withX.means.diffInDiff);
    expect(Math.abs(withX.estimate - 2)).toBeLessThan(0.2);
    expect(didFormOf(table)).toEqual({ ...form, firstYear: "2016" });
    expect(didTableSpec({ ...form, controls: [], treated: [], firstYearColumn: "first" }, "province", "year", "en")).toEqual({ type: "did", title: "DID", y: "y", controls: [], firstYearColumn: "first" });
  });
  test("trends by NBS region in the canonical order, or the national mean only", () => {
    const m = trendModel(panel, "y", "region4", "province", "year", "zh");
    expect(m.series.map((s) => s.name)).toEqual(["东部", "中部", "西部", "东北", "全国"].filter((g) => m.data[0].includes(g)));
    expect(trendModel(panel, "y", "none", "province", "year", "en").series.map((s) => s.name)).toEqual(["National"]);
    expect(fieldOf(() => trendModel(panel, "", "none", "province", "year", "en"))).toBe("index");
  });
  test("map of one year; a missing year is a field error", () => {
    expect(mapModel(panel, "y", "2019", "province", "year", "en").data).toHaveLength(13);
    expect(fieldOf(() => mapModel(panel, "y", "", "province", "year", "en"))).toBe("year");
  });
});

test("writeChart: new sheet, data from A1, notes under the chart's place (right of the data), then the chart, then the sheet is shown", async () => {
  const calls: string[] = [];
  const io = {
    addSheet: async (name: string) => { calls.push(`addSheet ${name}`); return `${name} (2)`; },
    writeValues: async (sheet: string, row: number, col: number, values: unknown[][]) => { calls.push(`write ${sheet} R${row + 1}C${col + 1} ${values.length}×${values[0].length}`); },
    drawChart: async (sheet: string) => { calls.push(`chart ${sheet}`); return { type: "BarClustered" as const, fellBack: true, reason: "no maps" }; },
    activateSheet: async (sheet: string) => { calls.push(`activate ${sheet}`); },
  } as unknown as WorkbookIO;
  const m = mapModel(provincialPanel(), "y", "2012", "province", "year", "en");
  const r = await writeChart(io, m);
  expect(r).toEqual({ sheet: "Index map (2)", outcome: { type: "BarClustered", fellBack: true, reason: "no maps" } });
  expect(calls).toEqual(["addSheet Index map", "write Index map (2) R1C1 13×4", "write Index map (2) R25C6 1×1", "chart Index map (2)", "activate Index map (2)"]);
});
