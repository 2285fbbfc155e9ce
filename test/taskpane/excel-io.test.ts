/**
 * excel-io.ts against the in-memory Excel double (test/browser/excel-double.js, loaded here into
 * a fake `window`): sheet names, "nothing is lost" rules, chunked writes, three-line formats,
 * settings, freeze as values. The same double backs the browser test.
 */
import fs from "fs";
import path from "path";
import { officeWorkbookIO, textRuns, uniqueSheetName, cleanSheetName, chunkRows, columnLetter, SETTINGS_SPEC_KEY, CellValue } from "../../src/taskpane/excel-io";
import { EconError } from "../../src/core/errors";
import { tableFromGrid } from "../../src/core/data/data-table";
import { indexMapChart } from "../../src/render/charts/index-map-chart";
import { placeboChart } from "../../src/render/charts/placebo-chart";
import { writeChart } from "../../src/taskpane/journey/charts";
import { eventStudyChart } from "../../src/render/charts/event-study-chart";
import { eventStudy } from "../../src/core/did/event-study";
import { fixtureTable } from "../helpers/fixtures";

interface Double {
  dump(): { name: string; values: CellValue[][] }[];
  sheetNames(): string[];
  formulas(name: string): CellValue[][];
  cellFormat(name: string, r: number, c: number): { numberFormat: string; borders: Record<string, { weight?: string }> } | null;
  settings(): Record<string, unknown>;
  stats(): { maxRequestBytes: number; requests: number };
  select(sheet: string, address: string): void;
  charts(name: string): {
    name: string; type: string; title: string; reverseCategories: boolean;
    axes: { category: { minimum: number | null; maximum: number | null; majorUnit: number | null; categoryType: string; position: string }; value: { minimum: number | null; maximum: number | null; majorUnit: number | null; position: string } };
    series: { name: string; chartType: string; values: unknown[]; xValues: unknown[] | null; gapWidth: number; fill: string | null; lineStyle: string; lineColor: string | null; markerStyle: string }[];
  }[] | null;
  numberFormat(name: string, r: number, c: number): string;
}

function loadDouble(seed: unknown): Double {
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = { __ECONSHEET_SEED__: seed };
  const code = fs.readFileSync(path.join(__dirname, "..", "browser", "excel-double.js"), "utf8");
  new Function("window", code)(g.window);
  const w = g.window as Record<string, unknown>;
  g.Office = w.Office;
  g.Excel = w.Excel;
  return w.__excelDouble as Double;
}

const seed = {
  sheets: [
    { name: "Data", values: [["province", "year", "y"], ["北京", 2003, 1.5]] },
    { name: "Notes", values: [["keep me"]], formulas: [{ row: 2, col: 0, formula: "=ECON.DESCRIBE(Data!C1:C2)", values: [["Variable", "N"], ["y", 1]] }] },
  ],
};

describe("sheet names", () => {
  test("Excel's rules: ≤ 31 characters, no []:*?/\\", () => {
    expect(cleanSheetName("a/b[c]:d*e?f\\g")).toBe("a b c d e f g");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
    expect(cleanSheetName("   ")).toBe("EconSheet");
  });
  test("an existing name gets a suffix, compared case-insensitively, still ≤ 31 characters", () => {
    expect(uniqueSheetName("Panel", ["panel"])).toBe("Panel (2)");
    expect(uniqueSheetName("Panel", ["Panel", "Panel (2)"])).toBe("Panel (3)");
    const long = "y".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe("y".repeat(27) + " (2)");
  });
  test("column letters", () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });
});

describe("chunkRows", () => {
  test("splits below the byte budget and keeps every row once", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `省份${i}`, 1.5]);
    const chunks = chunkRows(rows, 10_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(1000);
    chunks.slice(1).forEach((c, k) => expect(c.start).toBe(chunks[k].end));
  });
  test("a single huge row is still written (one chunk)", () => {
    expect(chunkRows([["x".repeat(100)]], 10)).toEqual([{ start: 0, end: 1 }]);
  });
});

describe("officeWorkbookIO on the Excel double", () => {
  test("addSheet: suffix for a user's sheet; replace only EconSheet's own sheet, only when asked", async () => {
    const dbl = loadDouble(seed);
    const io = officeWorkbookIO();
    expect(await io.addSheet("Data")).toBe("Data (2)");
    expect(await io.addSheet("Data", { replaceOwn: true })).toBe("Data (3)");
    expect(dbl.dump().find((s) => s.name === "Data")!.values).toEqual(seed.sheets[0].values);
    const own = await io.addSheet("Table 5");
    await io.writeValues(own, 0, 0, [["old"]]);
    expect(await io.addSheet("Table 5")).toBe("Table 5 (2)");
    expect(await io.addSheet("Table 5", { replaceOwn: true })).toBe("Table 5");
    expect(dbl.dump().find((s) => s.name === "Table 5")!.values).toEqual([]);
    const sheets = await io.listSheets();
    expect(sheets.find((s) => s.name === "Data")!.ownedByEconSheet).toBe(false);
    expect(sheets.find((s) => s.name === "Table 5")!.ownedByEconSheet).toBe(true);
  });

  test("writeValues refuses the used range and writes large grids in requests under 5 MB", async () => {
    const dbl = loadDouble(seed);
    const io = officeWorkbookIO();
    await expect(io.writeValues("Data", 1, 2, [[9]])).rejects.toThrow(EconError);
    await expect(io.writeValues("Data", 1, 2, [[9]])).rejects.toThrow(/C2 is inside its used range/);
    const name = await io.addSheet("Big");
    const grid = Array.from({ length: 4000 }, (_, i) => [`第${i}行`, "很长的文本".repeat(100), i * 1.5]);
    await io.writeValues(name, 0, 0, grid, { maxChunkBytes: 1_000_000 });
    const back = dbl.dump().find((s) => s.name === "Big")!.values;
    expect(back).toHaveLength(4000);
    expect(back[3999]).toEqual(grid[3999]);
    expect(dbl.stats().maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test("readSheetValues starts at A1; a missing sheet is an error naming it", async () => {
    loadDouble(seed);
    const io = officeWorkbookIO();
    expect(await io.readSheetValues("Data")).toEqual(seed.sheets[0].values);
    await expect(io.readSheetValues("Nope")).rejects.toThrow(/no sheet named 'Nope'/);
  });

  test("three-line borders and number formats", async () => {
    const dbl = loadDouble(seed);
    const io = officeWorkbookIO();
    const name = await io.addSheet("T");
    await io.writeValues(name, 0, 0, [["Title"], ["Variable", "(1)"], ["x", 0.5], ["N", 10]]);
    await io.formatThreeLine(name, { row: 0, col: 0, width: 2, headerStart: 1, headerEnd: 1, bodyEnd: 3, thinRulesAfter: [2], numberFormats: [{ row: 2, col: 1, format: "0.000" }] });
    expect(dbl.cellFormat("T", 1, 1)!.borders.EdgeTop.weight).toBe("Medium");
    expect(dbl.cellFormat("T", 1, 0)!.borders.EdgeBottom.weight).toBe("Thin");
    expect(dbl.cellFormat("T", 2, 0)!.borders.EdgeBottom.weight).toBe("Thin");
    expect(dbl.cellFormat("T", 3, 1)!.borders.EdgeBottom.weight).toBe("Medium");
    expect(dbl.cellFormat("T", 2, 1)!.numberFormat).toBe("0.000");
  });

  test("spec round trip in the workbook settings", async () => {
    const dbl = loadDouble(seed);
    const io = officeWorkbookIO();
    expect(await io.loadSpec()).toBeNull();
    await io.saveSpec('{"schema":"econsheet.analysis"}');
    expect(await io.loadSpec()).toBe('{"schema":"econsheet.analysis"}');
    expect(dbl.settings()[SETTINGS_SPEC_KEY]).toBe('{"schema":"econsheet.analysis"}');
  });

  test("freeze as values: an ECON.* spill becomes its values, other cells stay", async () => {
    const dbl = loadDouble(seed);
    const io = officeWorkbookIO();
    dbl.select("Notes", "A1:B4");
    const r = await io.freezeSelectionAsValues();
    expect(r.frozenCells).toBe(4);
    expect(JSON.stringify(dbl.formulas("Notes"))).not.toContain("ECON.");
    expect(dbl.dump().find((s) => s.name === "Notes")!.values).toEqual([["keep me", ""], ["", ""], ["Variable", "N"], ["y", 1]]);
  });
});

describe("Range.values reads '=', '+', '-' as a formula (Office.js), so text is written as text", () => {
  const table: CellValue[][] = [["", "(1)", "(2)"], ["fi", "-0.307***", "+"], ["", "(0.052)", "=x"], ["N", 651, -0.5]];
  test("the double models the rule: a raw write of '-0.307***' reads back #NAME?, a signed number becomes a number", async () => {
    loadDouble({ sheets: [{ name: "T", values: [] }] });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("T").getRange("A1:C1").values = [["-0.307***", "-0.5", "+"]];
      await ctx.sync();
    });
    const dbl = (globalThis as unknown as { window: { __excelDouble: Double } }).window.__excelDouble;
    expect(dbl.dump()[0].values[0]).toEqual(["#NAME?", -0.5, "#NAME?"]);
    expect(dbl.formulas("T")[0][0]).toBe("=-0.307***");
  });
  test("writeValues formats formula-like text as '@' first: every cell reads back as written", async () => {
    const dbl = loadDouble({ sheets: [{ name: "T", values: [] }] });
    await officeWorkbookIO().writeValues("T", 0, 0, table);
    expect(dbl.dump()[0].values).toEqual(table.map((r) => r.map((v) => (v === null ? "" : v))));
    expect(dbl.numberFormat("T", 1, 1)).toBe("@");
    expect(dbl.numberFormat("T", 1, 2)).toBe("@");
    expect(dbl.numberFormat("T", 3, 2)).toBe("General");
  });
  test("textRuns groups adjacent formula-like cells of a row", () => {
    expect(textRuns([["a", "-1*", "+", 3, "=y"], ["-"]])).toEqual([[0, 1, 2], [0, 4, 1], [1, 0, 1]]);
  });
  test("freeze as values keeps a spilled '-0.307***' as text", async () => {
    const dbl = loadDouble({ sheets: [{ name: "N", values: [], formulas: [{ row: 0, col: 0, formula: "=ECON.REGTABLE(A1)", values: [["fi", "-0.307***"], ["", "(0.05)"]] }] }] });
    dbl.select("N", "A1");
    await officeWorkbookIO().freezeSelectionAsValues();
    expect(dbl.dump()[0].values).toEqual([["fi", "-0.307***"], ["", "(0.05)"]]);
  });
  test("on a host before ExcelApi 1.12 (no spills) freeze does not call the 1.12 API", async () => {
    const dbl = loadDouble({ sheets: [{ name: "N", values: [], formulas: [{ row: 0, col: 0, formula: "=ECON.DESCRIBE(A1)", values: [["-x"]] }] }], excelApi: "1.8" });
    dbl.select("N", "A1");
    expect((await officeWorkbookIO().freezeSelectionAsValues()).frozenCells).toBe(1);
    expect(dbl.dump()[0].values).toEqual([["-x"]]);
  });
});

describe("drawChart", () => {
  const scores = tableFromGrid([["province", "year", "s"], ["北京", 2020, 0.4], ["上海", 2020, 0.9], ["山西", 2020, 0.1]]);
  const map = indexMapChart(scores, { index: "s", id: "province", time: "year", year: 2020 }, "en");

  test("a region map where the host draws maps: geography columns + values, formats applied", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }] });
    const r = await writeChart(officeWorkbookIO(), map);
    expect(r.outcome).toEqual({ type: "RegionMap", fellBack: false });
    const [chart] = dbl.charts("Index map")!;
    expect(chart).toMatchObject({ name: "indexMap", type: "RegionMap", title: "s, 2020" });
    expect(chart.series.map((x) => [x.name, x.values])).toEqual([["s 2020", [0.9, 0.4, 0.1]]]);
    expect(dbl.numberFormat("Index map", 1, 3)).toBe("0.0000");
  });

  test("a host without ExcelApi 1.9 gets the sorted bar chart at once", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.8" });
    const r = await writeChart(officeWorkbookIO(), map);
    expect(r.outcome).toMatchObject({ type: "BarClustered", fellBack: true, reason: expect.stringMatching(/1\.9/) });
    const charts = dbl.charts("Index map")!;
    expect(charts.map((c) => [c.type, c.reverseCategories])).toEqual([["BarClustered", true]]);
    expect(charts[0].series[0].xValues).toEqual(["Shanghai", "Beijing", "Shanxi"]);
  });

  test("a map that fails to be created is removed and replaced by the bar chart (one chart left)", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], unsupportedChartTypes: ["RegionMap"] });
    const r = await writeChart(officeWorkbookIO(), map);
    expect(r.outcome).toMatchObject({ type: "BarClustered", fellBack: true, reason: expect.stringMatching(/RegionMap/) });
    expect(dbl.charts("Index map")!.map((c) => c.type)).toEqual(["BarClustered"]);
  });

  test("placebo: an XY chart of the bins' step outline and a vertical line at the real estimate, axes tight on round ticks, p in the title", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.7" });
    // Bins of 0.2 from −0.1 to 0.5: {−0.1, 0, 0}, {0.1}, {} — the real estimate 0.5 at the upper edge.
    const pl = placeboChart({ estimate: 0.5, permutations: 4, failed: 0, pTwoSided: 0.2, mean: 0, sd: 0.1, quantiles: { p05: 0, p50: 0, p95: 0 }, estimates: [-0.1, 0, 0, 0.1], seed: "1" }, "en", { bins: 3 });
    await writeChart(officeWorkbookIO(), pl);
    const [chart] = dbl.charts("Placebo test chart")!;
    expect(chart.type).toBe("XYScatter");
    expect(chart.title).toBe("Placebo test: 4 random reassignments (randomization p = 0.200)");
    const [bars, real] = chart.series;
    expect(bars.chartType).toBe("XYScatterLinesNoMarkers");
    expect(bars.values).toEqual([0, 3, 3, 0, 1, 1, 0, 0, 0, 0]);
    expect((bars.xValues as number[]).map((v) => Number(v.toFixed(9)))).toEqual([-0.1, -0.1, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3, 0.5, 0.5]);
    expect(real).toMatchObject({ name: "Real estimate (0.5000)", chartType: "XYScatterLinesNoMarkers", lineColor: "#C00000", values: [0, 3], xValues: [0.5, 0.5] });
    // ExcelApi 1.7: labels at the low edges; the axes still cross at 0 (ChartAxis.position is 1.8).
    expect(chart.axes).toEqual({
      category: { minimum: -0.1, maximum: 0.5, majorUnit: 0.1, categoryType: "Automatic", tickLabelPosition: "Low", position: "Automatic" },
      value: { minimum: 0, maximum: 3, majorUnit: 1, tickLabelPosition: "Low", position: "Automatic" },
    });
  });

  test("event study: a line chart on a text axis whose endpoint labels read ≤−4 and ≥4; CI bounds dashed; the value axis set, the text axis not scaled", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.7" });
    const es = eventStudyChart(eventStudy(fixtureTable("did_common.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }), "en", { y: "y" });
    await writeChart(officeWorkbookIO(), es);
    const [chart] = dbl.charts("Event study chart")!;
    expect(chart.type).toBe("LineMarkers");
    // The period labels under the plot, not on the zero line inside it.
    expect(chart.axes.category).toEqual({ minimum: null, maximum: null, majorUnit: null, categoryType: "TextAxis", tickLabelPosition: "Low", position: "Automatic" });
    expect(chart.axes.value).toEqual({ minimum: es.yAxis!.min, maximum: es.yAxis!.max, majorUnit: es.yAxis!.unit, tickLabelPosition: "Low", position: "Automatic" });
    for (const s of chart.series) expect(s.xValues).toEqual(["≤−4", -3, -2, -1, 0, 1, 2, 3, "≥4"]);
    const by = (name: string) => chart.series.find((s) => s.name === name)!;
    expect(by("TWFE Estimate")).toMatchObject({ chartType: "LineMarkers", markerStyle: "Circle" });
    expect(by("TWFE 95% CI (lower)")).toMatchObject({ lineStyle: "Dash", markerStyle: "None" });
    expect(by("TWFE 95% CI (upper)").values).toEqual(es.data.slice(1).map((r) => r[4]));
    // The reference marker is a line-chart series with its line hidden (not an XY series in a line chart).
    expect(by("Reference period (t = -1)")).toMatchObject({ chartType: "LineMarkers", lineStyle: "None", markerStyle: "Diamond", values: [null, null, null, 0, null, null, null, null, null] });
  });

  test("with ExcelApi 1.8 the axes cross at their minimum (the frame's edges)", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.8" });
    const es = eventStudyChart(eventStudy(fixtureTable("did_common.csv"), { y: "y", id: "unit", time: "year", firstYearColumn: "first_treat" }), "en", { y: "y" });
    await writeChart(officeWorkbookIO(), es);
    const [chart] = dbl.charts("Event study chart")!;
    expect([chart.axes.category.position, chart.axes.value.position]).toEqual(["Minimum", "Minimum"]);
  });

  test("the double refuses a scale on a line chart's text axis and a categoryType on an XY chart, as Excel does", async () => {
    loadDouble({ sheets: [{ name: "S", values: [["a", 1], ["b", 2]] }] });
    const tryChart = (type: "LineMarkers" | "XYScatter", set: (c: Excel.Chart) => void) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        const c = ws.charts.add(type, ws.getRange("B1:B2"), "Columns");
        set(c);
        await context.sync();
      });
    await expect(tryChart("LineMarkers", (c) => { c.axes.categoryAxis.minimum = 0; })).rejects.toThrow(/InvalidArgument/);
    await expect(tryChart("XYScatter", (c) => { c.axes.categoryAxis.categoryType = "TextAxis"; })).rejects.toThrow(/InvalidArgument/);
    await expect(tryChart("XYScatter", (c) => { c.axes.valueAxis.minimum = 2; c.axes.valueAxis.maximum = 1; })).rejects.toThrow(/not below/);
    await expect(tryChart("XYScatter", (c) => { c.axes.categoryAxis.minimum = 0; c.axes.categoryAxis.maximum = 3; c.axes.valueAxis.majorUnit = 1; })).resolves.toBeUndefined();
  });

  test("Excel without ExcelApi 1.7 cannot make charts: a message naming the sheet that holds the data", async () => {
    // The manifest asks for ExcelApi 1.7, so such a host does not load the add-in; drawChart still says why.
    loadDouble({ sheets: [{ name: "Index map", values: [["x"]] }], excelApi: "1.6" });
    await expect(officeWorkbookIO().drawChart("Index map", map)).rejects.toThrow(/ExcelApi 1\.7 is needed.*sheet 'Index map'/);
  });
});
