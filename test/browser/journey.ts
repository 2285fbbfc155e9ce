/*
 * The browser test of the task pane: the built dist/taskpane.html in Debian's Chromium
 * (playwright-core), with office.js replaced by the in-memory Excel double
 * (test/browser/excel-double.js) seeded with the sample workbook. Run by scripts/browser-test.js
 * (which installs Chromium and builds first); screenshots go to test-artifacts/browser/.
 * Prints "browser: N passed, N failed" and exits non-zero on failure.
 */
import fs from "fs";
import http from "http";
import path from "path";
import { chromium, Browser, Page } from "playwright-core";
import { buildJourney, expectedPanel, GAPS, SeedSheet, JourneyConfig } from "./seed-workbook";
import { importYearbook } from "../../src/core/data/yearbook/import-yearbook";
import { tidyPanelTable } from "../../src/core/data/yearbook/panel-grid";
import { tableFromGrid, DataTable } from "../../src/core/data/data-table";
import { parseAnalysisSpec, AnalysisSpec } from "../../src/core/spec/analysis-spec";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { analysisSheets } from "../../src/render/analysis-sheets";
import { PANE_WILD_DRAWS } from "../../src/taskpane/journey/table-drafts";
import { indexSheets as paneIndexSheets, tableSheets as paneTableSheets } from "../../src/taskpane/journey/pipeline";
import { toGrid } from "../../src/render/grid";
import { eventStudy } from "../../src/core/did/event-study";
import { placebo } from "../../src/core/did/did";
import { placeboChart } from "../../src/render/charts/placebo-chart";
import { spanValues, ChartModel } from "../../src/render/charts/chart-model";
import { trendModel, mapModel, didTableSpec, DEFAULT_DID_FORM } from "../../src/taskpane/journey/charts";
import { regionalChart } from "../../src/render/charts/regional-charts";
import { regionalTables } from "../../src/render/regional-sheets";
import type { RegionalTableResult } from "../../src/core/regional/run-regional";
import JSZip from "jszip";
import { wordTables } from "../../src/render/docx-document";
import { analysisFigures } from "../../src/render/charts/analysis-figures";

const root = path.resolve(__dirname, "..", "..");
const dist = path.join(root, "dist");
const shots = path.join(root, "test-artifacts", "browser");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors"];
const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

type Cell = string | number | boolean | null;
type Grid = Cell[][];

/* ------------------------------ tiny runner ------------------------------ */

const tests: { name: string; fn: (ctx: Ctx) => Promise<void> }[] = [];
const test = (name: string, fn: (ctx: Ctx) => Promise<void>) => tests.push({ name, fn });
interface Ctx {
  browser: Browser;
  baseUrl: string;
  seed: SeedSheet[];
  config: JourneyConfig;
  /** Pages opened by the test, screenshotted when it fails. */
  pages: Page[];
}
function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
function close(a: unknown, b: unknown, where: string): void {
  if (typeof a === "number" && typeof b === "number") {
    assert(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${where}: ${a} ≠ ${b}`);
  } else {
    assert((a ?? "") === (b ?? ""), `${where}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
}

/* ------------------------------ server and page ------------------------------ */

function serveDist(): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".json": "application/json", ".png": "image/png", ".map": "application/json", ".xml": "application/xml" };
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  const port = Number(process.env.ECONSHEET_PORT || 0);
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => {
    const a = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${a.port}`, close: () => server.close() });
  }));
}

async function openPane(ctx: Ctx, displayLanguage: string, host: { excelApi?: string; unsupportedChartTypes?: string[] } = {}, width = 520): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, locale: displayLanguage });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as unknown as { jsErrors: string[] }).jsErrors = errors;
  const double = fs.readFileSync(path.join(__dirname, "excel-double.js"), "utf8");
  // No network: anything not served locally is refused, except office.js, which is the double
  // (Playwright tries the most recently registered route first).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route(OFFICE_CDN, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: double }));
  await page.addInitScript((seed) => { (window as unknown as { __ECONSHEET_SEED__: unknown }).__ECONSHEET_SEED__ = seed; }, {
    displayLanguage, sheets: ctx.seed, selection: { sheet: "Notes", address: "A5" }, ...host,
  });
  ctx.pages.push(page);
  await page.goto(`${ctx.baseUrl}/taskpane.html`);
  await page.getByRole("tablist").waitFor();
  return page;
}

interface Merge { row: number; col: number; rowCount: number; colCount: number }
const dump = (page: Page) => page.evaluate(() => (window as unknown as { __excelDouble: { dump(): { name: string; values: Grid; merges: Merge[] }[] } }).__excelDouble.dump());

/**
 * A table's grid (toGrid with its title) written at `row` of a sheet, cell by cell, as Excel
 * holds it: a cell inside a merged area other than its upper-left one is empty (Excel keeps
 * only the upper-left value), and the grid's value there must be empty or the same label (a
 * dependent variable repeated over its models), so no merge hides a value.
 */
function checkTableCells(got: Grid, merges: readonly Merge[], grid: Grid, row: number, where: string): void {
  grid.forEach((r, i) => r.forEach((v, j) => {
    const at = `${where} R${row + i + 1}C${j + 1}`;
    const m = merges.find((x) => row + i >= x.row && row + i < x.row + x.rowCount && j >= x.col && j < x.col + x.colCount && !(row + i === x.row && j === x.col));
    if (!m) return close(got[row + i]?.[j] ?? "", v, at);
    assert(v === "" || v === grid[m.row - row]?.[m.col], `${at}: a merge hides '${v}'`);
    assert((got[row + i]?.[j] ?? "") === "", `${at}: merged cell is empty`);
  }));
}
const mergesOf = (book: { name: string; merges?: Merge[] }[], name: string): Merge[] => book.find((x) => x.name === name)?.merges ?? [];
const settings = (page: Page) => page.evaluate(() => (window as unknown as { __excelDouble: { settings(): Record<string, unknown> } }).__excelDouble.settings());
const stats = (page: Page) => page.evaluate(() => (window as unknown as { __excelDouble: { stats(): { maxRequestBytes: number; syncs: number } } }).__excelDouble.stats());
const cellFormat = (page: Page, sheet: string, r: number, c: number) =>
  page.evaluate(([s, rr, cc]) => (window as unknown as { __excelDouble: { cellFormat(s: string, r: number, c: number): { numberFormat: string; borders: Record<string, { weight?: string }> } | null } }).__excelDouble.cellFormat(s as string, rr as number, cc as number), [sheet, r, c] as const);

async function shot(page: Page, name: string, view = false): Promise<void> {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  if (view) {
    // What the pane shows first, as a user sees it in Excel (the top of the step, one screen high).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `${name}-view.png`), fullPage: false });
  }
}

/**
 * axe-core on the whole page, expecting no serious or critical violation. Fluent UI's focus
 * manager (tabster) inserts aria-hidden focus sentinels (<i data-tabster-dummy tabindex=0>) that
 * pass focus on at once; axe reports them as aria-hidden-focus, a known false positive, so they
 * are excluded (and only they).
 */
async function axe(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert(bad.length === 0, `axe (${where}): ${JSON.stringify(bad)}`);
}

/* ------------------------------ the journey ------------------------------ */

const L = {
  en: { data: "Data", index: "Index", models: "Models", tables: "Tables", detect: "Detect layout", interpolate: "Fill interior gaps by linear interpolation within province", writePanel: "Write tidy panel sheet", readHierarchy: "Read hierarchy from sheet", compute: "Compute and write weights and scores", preset: "Preset", addTable: "Add table", writeTables: "Write tables", rerun: "Re-run", replaceOwn: "Replace sheets EconSheet created earlier (never your own sheets)", panel: "Panel", scores: "Index scores", freeze: "Freeze as values", exportSpec: "Export spec", tableLang: "Table labels", close: "Close" },
  zh: { data: "数据", index: "指数", models: "模型", tables: "表格", detect: "识别版式", interpolate: "在省份内部对中间缺口做线性插值", writePanel: "写入面板数据工作表", readHierarchy: "从工作表读取指标体系", compute: "计算并写入权重与得分", preset: "预设", addTable: "添加表格", writeTables: "写入表格", rerun: "重新运行", replaceOwn: "替换 EconSheet 之前创建的工作表（不会替换您自己的工作表）", panel: "面板数据", scores: "指数得分", freeze: "公式转为数值", exportSpec: "导出分析设定", tableLang: "表格标签语言", close: "关闭" },
};

/** Picks variables in a searchable multi-select (TagPicker) by clicking: open it, click each option; already chosen ones are kept. */
async function pickVariables(page: Page, testId: string, names: readonly string[], count?: () => void): Promise<void> {
  const field = page.getByTestId(testId);
  for (const name of names) {
    const chosen = await field.locator(".fui-Tag").allInnerTexts();
    if (chosen.some((x) => x === name || x.endsWith(`(${name})`))) continue;
    if ((await field.getByRole("combobox").getAttribute("aria-expanded")) !== "true") {
      await field.getByRole("combobox").click();
      count?.();
    }
    const option = page.locator(".fui-TagPickerList").getByRole("option", { name: new RegExp(`^(${escapeRe(name)}|.* \\(${escapeRe(name)}\\))$`) });
    await option.click();
    count?.();
  }
  await page.keyboard.press("Escape");
}

async function runJourney(page: Page, lang: "en" | "zh", tag: string, cfg: JourneyConfig): Promise<void> {
  const s = L[lang];
  await importAndIndex(page, cfg, lang, async (step) => {
    await shot(page, `${tag}-${step === "data" ? "1-data" : "2-index"}`);
    await axe(page, `${tag} ${step}`);
    if (step === "data") {
      await page.getByRole("button", { name: s.writePanel }).click();
      await page.getByTestId("status").waitFor();
    }
  });
  // 3 Models: the study variables, then baseline, mediation, heterogeneity presets
  await page.getByRole("tab", { name: s.models }).click();
  await page.getByTestId("study-y").selectOption(cfg.y);
  await pickVariables(page, "study-x", [cfg.x]);
  await pickVariables(page, "study-controls", cfg.controls);
  await pickVariables(page, "study-mediators", [cfg.mediator]);
  await page.getByTestId("preset").selectOption("baseline");
  await page.getByTestId("add-table").click();
  await page.getByTestId("preset").selectOption("mediation");
  await page.getByTestId("add-table").click();
  if (lang === "en") {
    // A seeded bootstrap runs in the analysis worker (the pane stays responsive); its intervals are checked against Node below.
    await page.getByTestId("table-1-toggle").click();
    await page.getByRole("spinbutton", { name: "Bootstrap replications (0 = Sobel only)" }).fill("200");
  }
  await page.getByTestId("preset").selectOption("heterogeneity");
  await page.getByTestId("add-table").click();
  await shot(page, `${tag}-3-models`);
  await axe(page, `${tag} models`);
  // 4 Tables
  await page.getByRole("tab", { name: s.tables }).click();
  await page.getByTestId("table-lang").selectOption(lang);
  await page.getByRole("button", { name: s.writeTables }).click();
  await page.getByTestId("status").filter({ hasText: lang === "zh" ? "异质性" : "Heterogeneity" }).waitFor({ timeout: 60_000 });
  await shot(page, `${tag}-4-tables`);
  await axe(page, `${tag} tables`);
}

/**
 * The expected tidy panel in Node: for the bundled sample, the core importer on the same sheets
 * (as exceljs read them); for the synthetic seed, straight from the generator.
 */
function nodePanel(cfg: JourneyConfig, seed: SeedSheet[]): DataTable {
  if (cfg.source !== "synthetic") {
    const sheets = seed.filter((x) => cfg.dataSheets.includes(x.name)).map((x) => ({ name: x.name, grid: x.values }));
    return tidyPanelTable(importYearbook(sheets, { interpolate: true }).panel);
  }
  const rows = expectedPanel();
  const cols = Object.keys(rows[0].values);
  const gapValue = (p: string, y: number, c: string) => {
    const prev = rows.find((r) => r.province === p && r.year === y - 1)!.values[c];
    const next = rows.find((r) => r.province === p && r.year === y + 1)!.values[c];
    return (prev + next) / 2;
  };
  return tableFromGrid([
    ["province", "year", ...cols],
    ...rows.map((r) => [r.province, r.year, ...cols.map((c) => (GAPS.some(([gp, gy, gc]) => gp === r.province && gy === r.year && gc === c) ? gapValue(r.province, r.year, c) : r.values[c]))]),
  ]);
}

function sheetByName(book: { name: string; values: Grid }[], name: string): Grid {
  const s = book.find((x) => x.name === name);
  assert(s, `sheet '${name}' not written; sheets: ${book.map((x) => x.name).join(", ")}`);
  return s.values;
}

/** Written sheets against the core's results computed in Node from the saved spec. */
async function checkResults(page: Page, lang: "en" | "zh", cfg: JourneyConfig, seed: SeedSheet[]): Promise<AnalysisSpec> {
  const book = await dump(page);
  const saved = (await settings(page))["econsheet.spec"];
  assert(typeof saved === "string", "the spec is saved in the workbook settings");
  const spec = parseAnalysisSpec(JSON.parse(saved));
  assert(spec.indices?.length === 3 && spec.tables?.length === 3, `spec has 3 indices and 3 tables: ${saved}`);
  assert(spec.tables.map((t) => t.type).join() === "regression,mediation,heterogeneity", "table types");
  if (lang === "en") assert((spec.tables[1] as { bootstrap?: number }).bootstrap === 200, "the English journey's mediation table runs a 200-replication bootstrap (in the analysis worker)");

  // Panel sheet: every expected value at its province-year.
  const panel = sheetByName(book, L[lang].panel);
  const header = panel[0] as string[];
  const expected = nodePanel(cfg, seed);
  const pIdx = header.indexOf("province"), yIdx = header.indexOf("year");
  const epIdx = expected.names.indexOf("province"), eyIdx = expected.names.indexOf("year");
  const byKey = new Map(panel.slice(1).map((r) => [`${r[pIdx]}|${r[yIdx]}`, r]));
  assert(byKey.size === expected.rows.length, `panel has ${expected.rows.length} province-years, got ${byKey.size}`);
  for (const r of expected.rows) {
    const got = byKey.get(`${r[epIdx]}|${r[eyIdx]}`);
    assert(got, `panel row ${r[epIdx]} ${r[eyIdx]}`);
    expected.names.forEach((n, j) => {
      assert(header.includes(n), `panel column '${n}'`);
      close(got[header.indexOf(n)], r[j] === null || r[j] === undefined ? "" : r[j], `panel ${r[epIdx]} ${r[eyIdx]} ${n}`);
    });
  }

  // Indices and tables: the core in Node on the Node panel, rendered, cell by cell.
  const run = runAnalysis(expected, spec);
  const rendered = analysisSheets(run, lang);
  const written = book.map((b) => b.name);
  for (const sheet of rendered.slice(1)) {
    const got = sheetByName(book, written.find((n) => n === sheet.name) ?? sheet.name);
    let row = 0;
    for (const model of sheet.tables) {
      const grid = toGrid(model, { title: true });
      checkTableCells(got, mergesOf(book, sheet.name), grid, row, `sheet '${sheet.name}'`);
      row += grid.length + 1;
    }
  }
  // Scores sheet: each index's scores per province-year.
  const scores = sheetByName(book, L[lang].scores);
  for (const ix of cfg.indices) {
    const j = (scores[0] as string[]).indexOf(ix);
    const k = run.panel.names.indexOf(ix);
    assert(j >= 0 && k >= 0, `scores column ${ix}`);
    run.panel.rows.forEach((r, i) => close(scores[i + 1][j], r[k] ?? "", `scores ${ix} row ${i + 2}`));
  }
  return spec;
}

function checkUntouched(seed: SeedSheet[], book: { name: string; values: Grid }[], except: string[] = []): void {
  for (const s of seed) {
    if (except.includes(s.name)) continue;
    const got = sheetByName(book, s.name);
    s.values.forEach((r, i) => r.forEach((v, j) => close(got[i]?.[j] ?? "", v ?? "", `pre-existing '${s.name}' R${i + 1}C${j + 1}`)));
    const extraRows = got.slice(s.values.length).filter((r) => r.some((v) => v !== ""));
    if (!s.formulas) assert(extraRows.length === 0, `nothing written below the data of '${s.name}'`);
  }
}

for (const lang of ["en", "zh"] as const) {
  test(`${lang}: whole journey, cells equal the core's results, nothing lost, re-run reproduces`, async (ctx) => {
    const page = await openPane(ctx, lang === "zh" ? "zh-CN" : "en-US");
    assert(await page.getByRole("tab", { name: L[lang].data }).isVisible(), `UI in ${lang}`);
    await runJourney(page, lang, lang, ctx.config);
    const journeySpec = await checkResults(page, lang, ctx.config, ctx.seed);
    const before = await dump(page);
    checkUntouched(ctx.seed, before);
    // Three-line formats on the baseline table: thick rule above the header, thin under its last
    // row (the publication header may have several rows: dependent variable, column numbers).
    const baseline = lang === "zh" ? "基准回归" : "Baseline regression";
    const top = await cellFormat(page, baseline, 1, 0);
    assert(top?.borders.EdgeTop?.weight === "Medium", `three-line top rule on '${baseline}': ${JSON.stringify(top)}`);
    const baselineModel = analysisSheets(runAnalysis(nodePanel(ctx.config, ctx.seed), journeySpec), lang).find((x) => x.name === baseline)!.tables[0];
    const headerRows = Math.max(baselineModel.header.length, 1);
    const under = await cellFormat(page, baseline, headerRows, 1);
    assert(under?.borders.EdgeBottom?.weight === "Thin", `rule under the header (row ${headerRows + 1}): ${JSON.stringify(under)}`);
    const st = await stats(page);
    assert(st.maxRequestBytes < 5 * 1024 * 1024, `every request under 5 MB (max ${st.maxRequestBytes})`);
    // Re-run without consent: new sheets get a suffix, nothing is replaced.
    await page.getByRole("button", { name: L[lang].rerun }).click();
    await page.waitForFunction((n) => (window as unknown as { __excelDouble: { sheetNames(): string[] } }).__excelDouble.sheetNames().includes(n), `${lang === "zh" ? "区域异质性" : "Heterogeneity"} (2)`, { timeout: 60_000 });
    for (const s of before) {
      const first = (await dump(page)).find((x) => x.name === s.name);
      assert(first && JSON.stringify(first.values) === JSON.stringify(s.values), `re-run without consent left '${s.name}' as it was`);
    }
    // Re-run with consent: EconSheet's own sheets are replaced with identical content.
    await page.getByRole("checkbox", { name: L[lang].replaceOwn }).check();
    const names = (await dump(page)).map((s) => s.name);
    // The core's sheets of the saved spec, in order: panel, each index's weights and scores, the
    // combined scores, then the three tables.
    const coreRun = runAnalysis(nodePanel(ctx.config, ctx.seed), journeySpec);
    const outputs = [L[lang].panel, ...paneIndexSheets(coreRun, lang).map((x) => x.name), ...paneTableSheets(coreRun, lang).map((x) => x.name)];
    assert(outputs.length === 11 && outputs.includes(L[lang].scores) && outputs.every((n) => names.includes(n)), `outputs: ${outputs.join(", ")}`);
    await page.getByRole("button", { name: L[lang].rerun }).click();
    // Replaced sheets are deleted and added again, so a finished re-run ends with the outputs in order.
    await page.waitForFunction((want) => {
      const n = (window as unknown as { __excelDouble: { sheetNames(): string[] } }).__excelDouble.sheetNames();
      return JSON.stringify(n.slice(-want.length)) === JSON.stringify(want);
    }, outputs, { timeout: 60_000 }).catch(async (e: Error) => {
      throw new Error(`${e.message}\nwanted last: ${outputs.join(", ")}\nsheets: ${(await dump(page)).map((x) => x.name).join(", ")}\nstatus: ${await page.getByTestId("status").textContent().catch(() => "")}`);
    });
    await page.getByTestId("status").filter({ hasText: lang === "zh" ? "重新运行" : "Re-ran" }).waitFor({ timeout: 60_000 });
    const after = await dump(page);
    assert(JSON.stringify(after.map((s) => s.name).sort()) === JSON.stringify(names.sort()), `re-run with consent adds no sheets: ${after.map((s) => s.name).join(", ")}`);
    for (const s of before) {
      const again = after.find((x) => x.name === s.name);
      assert(again && JSON.stringify(again.values) === JSON.stringify(s.values), `re-run reproduces '${s.name}'`);
    }
    checkUntouched(ctx.seed, after);
    const jsErrors = (page as unknown as { jsErrors: string[] }).jsErrors;
    assert(jsErrors.length === 0, `no page errors: ${jsErrors.join("; ")}`);
    await page.context().close();
  });
}

test("errors appear beside the control, in the user's language", async (ctx) => {
  const page = await openPane(ctx, "zh-CN");
  // A sheet that is not a yearbook table: the core's message in Chinese under the Detect button.
  await page.getByRole("checkbox", { name: "Notes" }).check();
  await page.getByRole("button", { name: L.zh.detect }).click();
  const err = page.getByTestId("data-error");
  await err.getByText("没有找到省份数据").waitFor();
  await shot(page, "zh-error-data");
  // Switch the UI to English: the same control, the message now in English.
  await page.getByTestId("ui-lang").selectOption("en");
  await page.getByRole("button", { name: L.en.detect }).click();
  await err.getByText("No province data found in sheet 'Notes'").waitFor();
  // A mediation table without mediator: the message sits beside the mediators.
  await page.getByRole("checkbox", { name: "Notes" }).uncheck();
  const cfg = ctx.config;
  for (const name of cfg.dataSheets) await page.getByRole("checkbox", { name, exact: true }).check();
  await page.getByRole("button", { name: L.en.detect }).click();
  await page.getByTestId("import-report").waitFor();
  await page.getByRole("tab", { name: L.en.models }).click();
  await page.getByTestId("study-y").selectOption(cfg.y);
  await page.getByTestId("preset").selectOption("mediation");
  await page.getByTestId("add-table").click();
  await page.getByRole("tab", { name: L.en.tables }).click();
  await page.getByRole("button", { name: L.en.writeTables }).click();
  await page.getByTestId("tables-error").getByText("Choose at least one mediator").waitFor();
  await page.getByRole("tab", { name: L.en.models }).click();
  await page.getByTestId("table-0-mediators").getByText("Choose at least one mediator M.").waitFor();
  await shot(page, "en-error-models");
  await axe(page, "errors");
  await page.context().close();
});

test("freeze as values and export spec", async (ctx) => {
  const page = await openPane(ctx, "en-US");
  await page.getByRole("button", { name: L.en.freeze }).click();
  await page.getByTestId("status").getByText("Froze 9 cell(s)").waitFor();
  const formulas = await page.evaluate(() => (window as unknown as { __excelDouble: { formulas(n: string): Grid } }).__excelDouble.formulas("Notes"));
  assert(!JSON.stringify(formulas).includes("ECON."), "no ECON.* formula left");
  const notes = sheetByName(await dump(page), "Notes");
  const seedNotes = ctx.seed.find((s) => s.name === "Notes")!;
  seedNotes.formulas![0].values.forEach((r, i) => r.forEach((v, j) => close(notes[4 + i][j], v, `frozen R${5 + i}C${j + 1}`)));
  checkUntouched(ctx.seed, await dump(page), ["Notes"]);
  await page.getByRole("button", { name: L.en.exportSpec }).click();
  const text = await page.getByTestId("spec-text").inputValue();
  const spec = JSON.parse(text);
  assert(spec.schema === "econsheet.analysis" && spec.version === 1, "export gives the analysis spec");
  await shot(page, "en-export-spec");
  await axe(page, "export dialog");
  await page.getByRole("button", { name: L.en.close }).click();
  await page.context().close();
});

/* ------------------------------ narrow panes and clicks ------------------------------ */

/** What sticks out of the pane: the document's own overflow, then any element right of the viewport (boxes that scroll themselves excepted). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const de = document.documentElement;
    const w = de.clientWidth;
    const out: string[] = [];
    if (de.scrollWidth > w) out.push(`document scrollWidth ${de.scrollWidth} > clientWidth ${w}`);
    for (const el of Array.from(document.querySelectorAll(".es-app *"))) {
      if (el.parentElement?.closest(".es-scroll")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > w + 0.5 || r.left < -0.5) out.push(`<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class") ?? "").slice(0, 40)}"> "${(el.textContent ?? "").trim().slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
    }
    return out.slice(0, 6);
  });
}

/** Option labels (radios, tabs) on one line each: none broken inside a word. */
async function brokenLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".fui-Radio label, .fui-Tab"))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
        return r.height > 0 && r.height > 1.8 * lh + 12;
      })
      .map((el) => (el.textContent ?? "").trim()),
  );
}

async function assertFits(page: Page, where: string): Promise<void> {
  const o = await overflow(page);
  assert(o.length === 0, `${where}: horizontal overflow: ${o.join("; ")}`);
  const b = await brokenLabels(page);
  assert(b.length === 0, `${where}: option labels broken across lines: ${b.join(", ")}`);
}

/** The indicator names of the hierarchy sheet (column 三级指标). */
function hierarchyIndicators(ctx: Ctx): string[] {
  const grid = ctx.seed.find((x) => x.name === ctx.config.hierarchySheet)!.values;
  return grid.slice(1).map((r) => String(r[2] ?? "")).filter(Boolean);
}

/** Written table sheets against the core in Node on the same spec (every cell). */
async function checkTablesAgainstCore(page: Page, ctx: Ctx, lang: "en" | "zh", want: number): Promise<AnalysisSpec> {
  const spec = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
  assert((spec.tables ?? []).length === want, `${want} table(s) in the saved spec, got ${(spec.tables ?? []).length}`);
  const run = runAnalysis(nodePanel(ctx.config, ctx.seed), spec);
  const book = await dump(page);
  for (const sheet of analysisSheets(run, lang).filter((s) => s.role === "table")) {
    const got = sheetByName(book, sheet.name);
    let row = 0;
    for (const model of sheet.tables) {
      const grid = toGrid(model, { title: true });
      checkTableCells(got, mergesOf(book, sheet.name), grid, row, `sheet '${sheet.name}'`);
      row += grid.length + 1;
    }
  }
  return spec;
}

for (const lang of ["en", "zh"] as const) {
  test(`${lang}: at 320 and 500 px every step fits (no horizontal overflow), indicator names in full; screenshots`, async (ctx) => {
    const s = L[lang];
    const names = hierarchyIndicators(ctx);
    for (const width of [320, 500]) {
      const page = await openPane(ctx, lang === "zh" ? "zh-CN" : "en-US", {}, width);
      const tag = `${lang}-${width}`;
      await assertFits(page, `${tag} data (empty)`);
      await page.getByTestId("select-all").click();
      const skippedByName = ctx.seed.map((x) => x.name).filter((n) => /^说明|^Notes$|^指标体系$/.test(n));
      for (const n of skippedByName) assert(!(await page.getByRole("checkbox", { name: n, exact: true }).isChecked()), `${tag}: “Select all” leaves out the non-data sheet '${n}'`);
      // 说明 ticked by hand is skipped at import with a visible note.
      const readme = ctx.seed.find((x) => x.name === "说明");
      if (readme) await page.getByRole("checkbox", { name: "说明", exact: true }).check();
      await page.getByRole("checkbox", { name: s.interpolate }).check();
      await page.getByRole("button", { name: s.detect }).click();
      await page.getByTestId("import-report").waitFor();
      if (readme) await page.getByTestId("skipped-sheets").getByText("说明").waitFor();
      await shot(page, `narrow-${tag}-1-data`, true);
      // The folded details, opened, fit too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await assertFits(page, `${tag} data`);
      await page.getByTestId("next").click();
      await page.getByTestId("hierarchy-note").waitFor();
      await page.getByTestId("index-2").waitFor();
      // Every indicator's full name is on screen, none clipped.
      const shown = await page.locator(".es-indicator-name").evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? "").trim(), clipped: e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().width === 0 })));
      for (const n of names) {
        const el = shown.find((x) => x.text === n);
        assert(el && !el.clipped, `${tag}: indicator '${n}' shown in full (${JSON.stringify(el)})`);
      }
      await assertFits(page, `${tag} index`);
      await shot(page, `narrow-${tag}-2-index`, true);
      await page.getByTestId("next").click();
      await page.getByTestId("study-y").selectOption(ctx.config.y);
      await pickVariables(page, "study-mediators", [ctx.config.mediator]);
      await page.getByTestId("add-others").click();
      await page.getByTestId("paper-set").click();
      await page.getByTestId("table-1-toggle").click();
      await assertFits(page, `${tag} models`);
      await shot(page, `narrow-${tag}-3-models`, true);
      await page.getByTestId("next").click();
      await page.getByRole("heading", { name: lang === "zh" ? "4 表格" : "4 Tables" }).waitFor();
      await assertFits(page, `${tag} tables`);
      await shot(page, `narrow-${tag}-4-tables`, true);
      if (readme && width === 320) {
        await page.getByRole("button", { name: lang === "zh" ? "在工作簿中保存分析设定" : "Save spec in workbook" }).click();
        await page.getByTestId("status").waitFor();
        const saved = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
        const want = ctx.seed.map((x) => x.name).filter((n) => !skippedByName.includes(n));
        close(JSON.stringify(saved.data.sheets), JSON.stringify(want), "the saved spec keeps the data sheets, not 说明");
      }
      await page.getByTestId("next").click();
      await page.getByRole("heading", { name: lang === "zh" ? "5 图表" : "5 Charts" }).waitFor();
      await assertFits(page, `${tag} charts`);
      // The worst case for the tab row: every step marked (a mark added to each tab that has none).
      await page.evaluate(() => document.querySelectorAll(".fui-Tab").forEach((tab) => {
        if (!tab.querySelector(".es-mark")) tab.insertAdjacentHTML("beforeend", '<span class="es-mark es-mark-attention" aria-hidden="true">!</span>');
      }));
      await assertFits(page, `${tag} tabs, every step marked`);
      await shot(page, `narrow-${tag}-5-charts`, true);
      await axe(page, `${tag} charts`);
      const jsErrors = (page as unknown as { jsErrors: string[] }).jsErrors;
      assert(jsErrors.length === 0, `no page errors: ${jsErrors.join("; ")}`);
      await page.context().close();
    }
  });
}

/** Counts the user's clicks: a click is one, choosing in a drop-down is two (open it, pick). */
function clickCounter(page: Page) {
  const c = { n: 0, log: [] as string[] };
  return {
    c,
    click: async (what: string, loc: ReturnType<Page["getByTestId"]>) => { await loc.click(); c.n++; c.log.push(what); },
    choose: async (what: string, loc: ReturnType<Page["getByTestId"]>, value: string) => { await loc.selectOption(value); c.n += 2; c.log.push(`${what} (2)`); },
    pick: async (testId: string, names: string[]) => pickVariables(page, testId, names, () => { c.n++; c.log.push(testId); }),
  };
}

/** Opening the pane on the bundled workbook → the data read and the study variables set (shared by the two counts). */
async function toStudyVariables(page: Page, ctx: Ctx, k: ReturnType<typeof clickCounter>, lang: "en" | "zh" = "en"): Promise<void> {
  await k.click("Select all", page.getByTestId("select-all"));
  await k.click("interpolate", page.getByRole("checkbox", { name: L[lang].interpolate }));
  await k.click("Detect layout", page.getByRole("button", { name: L[lang].detect }));
  await page.getByTestId("import-report").waitFor();
  // The hierarchy sheet is found and read on its own; the Index step can be skipped (tables compute the indices).
  await k.click("Models tab", page.getByRole("tab", { name: L[lang].models }));
  await page.getByTestId("study-x").locator(".fui-Tag").first().waitFor();
  await k.choose("Y", page.getByTestId("study-y"), ctx.config.y);
  await k.click("Add the other variables", page.getByTestId("add-others"));
  // The other variables are the controls plus any second outcome, removed with one click on its tag.
  const tags = await page.getByTestId("study-controls").locator(".fui-Tag").allInnerTexts();
  for (const extra of tags.filter((x) => !ctx.config.controls.includes(x))) await k.click(`remove ${extra}`, page.getByTestId("study-controls").locator(".fui-Tag", { hasText: extra }));
  const left = await page.getByTestId("study-controls").locator(".fui-Tag").allInnerTexts();
  close(left.join(), ctx.config.controls.join(), "controls");
}

test("clicks: a written baseline table in ≤ 10 clicks, the paper's Tables 4–8 in ≤ 15, each equal to the core", async (ctx) => {
  // Baseline: the study variables, the Baseline preset, Write tables.
  let page = await openPane(ctx, "en-US", {}, 350);
  let k = clickCounter(page);
  await toStudyVariables(page, ctx, k);
  await k.click("Add table (baseline preset)", page.getByTestId("add-table"));
  await k.click("Write tables", page.getByTestId("models-write"));
  await page.getByTestId("status").getByText("Wrote sheet 'Baseline regression'.").waitFor({ timeout: 60_000 });
  console.log(`    baseline: ${k.c.n} clicks (${k.c.log.join(" → ")})`);
  assert(k.c.n <= 10, `baseline in ≤ 10 clicks, took ${k.c.n}: ${k.c.log.join(" → ")}`);
  const spec = await checkTablesAgainstCore(page, ctx, "en", 1);
  // Stepwise controls as the paper's Table 5: X alone, then one more control per column.
  const models = (spec.tables![0] as { models: { formula: string }[] }).models.map((m) => m.formula);
  assert(models.length === ctx.config.controls.length + 1 && models[0] === `${ctx.config.y} ~ ${ctx.config.x}` && models.every((f, i) => f.split("+").length === i + 1), `stepwise columns: ${models.join(" | ")}`);
  await shot(page, "clicks-baseline");
  await page.context().close();

  // The paper set: the same start, the mediator, one action, Write tables.
  page = await openPane(ctx, "en-US", {}, 350);
  k = clickCounter(page);
  await toStudyVariables(page, ctx, k);
  await k.pick("study-mediators", [ctx.config.mediator]);
  await k.click("Add the paper set", page.getByTestId("paper-set"));
  await k.click("Write tables", page.getByTestId("models-write"));
  await page.getByTestId("status").getByText("Table 8b South-North").waitFor({ timeout: 120_000 });
  console.log(`    paper set: ${k.c.n} clicks (${k.c.log.join(" → ")})`);
  assert(k.c.n <= 15, `Tables 4–8 in ≤ 15 clicks, took ${k.c.n}: ${k.c.log.join(" → ")}`);
  const paper = await checkTablesAgainstCore(page, ctx, "en", 6);
  close(paper.tables!.map((x) => x.type).join(), "descriptive,regression,mediation,robustness,heterogeneity,heterogeneity", "the paper set's tables");
  // #16: heterogeneity columns have 3 to 16 provinces, so the Models step preselects the wild
  // cluster bootstrap p there; the written sheets (equal to the core above) carry its note.
  const book = await dump(page);
  for (const h of paper.tables!.filter((x) => x.type === "heterogeneity")) {
    assert((h as { wild?: { reps: number } }).wild?.reps === PANE_WILD_DRAWS && (h as { base: { vcov?: string } }).base.vcov === "cluster", `wild bootstrap preselected on '${h.title}': ${JSON.stringify(h)}`);
    assert(JSON.stringify(sheetByName(book, h.title)).includes("wild cluster bootstrap"), `'${h.title}' notes the wild cluster bootstrap p`);
  }
  await page.getByRole("tab", { name: "Models" }).waitFor();
  assert(await page.getByRole("tab", { name: "Tables: done" }).isVisible() || await page.getByRole("tab", { name: "Data: done" }).isVisible(), "step tabs mark finished steps");
  await page.context().close();
});

/**
 * The Tables step's "Word file": in English after "Write tables" (the paper set; the run is
 * reused) and in Chinese straight away (the baseline), the link saves a .docx whose tables and
 * pictures are the core's (every table a Word table with the three rules, every figure a
 * picture). Screenshots of the step with the link at 320 and 500 px in both languages; the
 * files are kept for a look in LibreOffice (test-artifacts/browser/word-*.docx).
 */
test("Word file: the Tables step's button saves a .docx with every table and figure of the analysis", async (ctx) => {
  for (const [lang, width] of [["en", 500], ["zh", 320]] as const) {
    const page = await openPane(ctx, lang === "zh" ? "zh-CN" : "en-US", {}, width);
    const k = clickCounter(page);
    await toStudyVariables(page, ctx, k, lang);
    if (lang === "en") {
      await k.pick("study-mediators", [ctx.config.mediator]);
      await k.click("Add the paper set", page.getByTestId("paper-set"));
      await k.click("Write tables", page.getByTestId("models-write"));
      await page.getByTestId("status").getByText("Table 8b South-North").waitFor({ timeout: 120_000 });
    } else {
      await k.click("Add table (baseline preset)", page.getByTestId("add-table"));
    }
    await page.getByRole("tab", { name: L[lang].tables }).click();
    await page.getByTestId("word-file").click();
    await page.getByTestId("word-ready").waitFor({ timeout: 120_000 });
    const message = (await page.getByTestId("word-ready").innerText()).trim();
    assert(lang === "zh" ? /Word 文件已生成：\d+ 张表、\d+ 幅图/.test(message) : /The Word file is ready: \d+ table\(s\), \d+ figure\(s\)/.test(message), `ready message in the pane's language: ${message}`);
    for (const w of [320, 500]) {
      await page.setViewportSize({ width: w, height: 900 });
      await assertFits(page, `Tables step with the Word link (${lang}, ${w} px)`);
      await shot(page, `word-${lang}-${w}`, true);
    }
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("word-link").click()]);
    const file = path.join(shots, `word-${lang}.docx`);
    await download.saveAs(file);
    assert(download.suggestedFilename() === (lang === "zh" ? "EconSheet 表格.docx" : "EconSheet tables.docx"), `file name ${download.suggestedFilename()}`);
    // The core's tables and figures for the spec the button saved.
    const spec = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
    const run = runAnalysis(nodePanel(ctx.config, ctx.seed), spec);
    const tables = wordTables(analysisSheets(run, lang));
    const { figures } = analysisFigures(run, lang);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file("word/document.xml")!.async("string");
    const n = (re: RegExp) => (xml.match(re) ?? []).length;
    assert(n(/<w:tbl>/g) === tables.length && tables.length >= (lang === "en" ? 8 : 2), `${tables.length} Word tables, got ${n(/<w:tbl>/g)}`);
    assert(n(/<pic:pic\b/g) === figures.length && figures.length > 0, `${figures.length} pictures, got ${n(/<pic:pic\b/g)}`);
    assert(n(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="12"\/>/g) === tables.length, "every table has the 1.5 pt top rule");
    for (const tb of tables.filter((x) => x.title)) assert(xml.includes(tb.title!.replace(/&/g, "&amp;")), `table '${tb.title}' in the Word file`);
    const jsErrors = (page as unknown as { jsErrors: string[] }).jsErrors;
    assert(jsErrors.length === 0, `no page errors: ${jsErrors.join("; ")}`);
    await page.context().close();
  }
});

test("progress: integer counts with the step's name in the UI's language; Cancel says nothing was written", async (ctx) => {
  const page = await openPane(ctx, "zh-CN", {}, 320);
  const k = clickCounter(page);
  await k.click("全选", page.getByTestId("select-all"));
  await page.getByRole("checkbox", { name: L.zh.interpolate }).check();
  await page.getByRole("button", { name: L.zh.detect }).click();
  await page.getByTestId("import-report").waitFor();
  await page.getByRole("tab", { name: L.zh.models }).click();
  await page.getByTestId("study-x").locator(".fui-Tag").first().waitFor();
  await page.getByTestId("study-y").selectOption(ctx.config.y);
  await pickVariables(page, "study-controls", ctx.config.controls);
  await pickVariables(page, "study-mediators", [ctx.config.mediator]);
  await page.getByTestId("paper-set").click();
  // A long bootstrap in the mediation table (the third), so there is time to cancel.
  await page.getByTestId("table-2-toggle").click();
  await page.getByRole("spinbutton", { name: "Bootstrap 次数（0 表示只做 Sobel 检验）" }).fill("30000");
  const before = (await dump(page)).map((x) => x.name);
  await page.getByTestId("models-write").click();
  const bar = page.getByRole("status");
  await bar.getByText(/Bootstrap 第 \d+ \/ 30000 次/).waitFor({ timeout: 60_000 });
  const text = await bar.innerText();
  assert(/模型：\d+ \/ 6/.test(text) && !/\d\.\d/.test(text.split("\n")[0]), `integer progress with the step's name in Chinese: ${JSON.stringify(text)}`);
  await shot(page, "zh-320-progress");
  await page.getByRole("button", { name: "取消" }).click();
  await page.getByTestId("status").getByText("已取消——未写入任何内容。").waitFor({ timeout: 30_000 });
  close(JSON.stringify((await dump(page)).map((x) => x.name)), JSON.stringify(before), "no sheet written after Cancel");
  // The message belongs to its step: gone on the next step.
  await page.getByTestId("next").click();
  assert(!(await page.getByTestId("status").isVisible()), "the Models step's message is not shown on the Tables step");
  await page.context().close();
});

/** Keyboard helpers: the focused element as "tag:label@testid of its nearest group", and Tab until a pattern matches. */
function keyboard(page: Page) {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const label = el.getAttribute("aria-label") || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent || "";
    const group = el.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
    return `${el.tagName.toLowerCase()}:${label.trim()}@${group}`;
  });
  const tabTo = async (want: RegExp, max = 40) => {
    const seen: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      const n = await focused();
      seen.push(n);
      if (want.test(n)) return;
    }
    throw new Error(`Tab never reached ${want}: ${seen.slice(-30).join(" → ")}`);
  };
  return { focused, tabTo };
}
const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("keyboard only: tab order, Enter and Space through the Data and Index steps", async (ctx) => {
  const page = await openPane(ctx, "en-US");
  const { tabTo } = keyboard(page);
  for (const name of ctx.config.dataSheets) {
    await tabTo(new RegExp(`^input:${escapeRe(name)}@`));
    await page.keyboard.press("Space");
  }
  await tabTo(/^input:Fill interior gaps/);
  await page.keyboard.press("Space");
  await tabTo(/^button:Detect layout@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("import-report").waitFor();
  await tabTo(/^button:Write tidy panel sheet@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("status").waitFor();
  // The step tabs: focus the selected tab, arrow to "2 Index", Enter.
  await page.getByRole("tab", { name: "Data" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "2 Index" }).waitFor();
  // The sheet list is read from the workbook asynchronously: wait for its options before the arrows.
  await page.waitForFunction(() => ((document.querySelector('[data-testid="hierarchy-sheet"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1, undefined, { timeout: 30_000 });
  await tabTo(/^select:/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const chosen = await page.getByTestId("hierarchy-sheet").inputValue();
  assert(chosen !== "", "a sheet chosen with the arrow keys");
  if (chosen !== ctx.config.hierarchySheet) await page.getByTestId("hierarchy-sheet").selectOption(ctx.config.hierarchySheet);
  await tabTo(/^button:Read hierarchy from sheet@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("index-2").waitFor();
  for (let k = 0; k < ctx.config.indices.length; k++) {
    await tabTo(/^select:/, 400);
    while (!(await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "")).endsWith("-missing")) await tabTo(/^select:/, 400);
    await page.keyboard.press("End");
  }
  await tabTo(/^button:Compute and write weights and scores@/, 200);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (window as unknown as { __excelDouble: { sheetNames(): string[] } }).__excelDouble.sheetNames().includes("Index scores"));
  await shot(page, "en-keyboard");
  await page.context().close();
});

test("keyboard only: Models, Tables and Charts steps", async (ctx) => {
  const cfg = ctx.config;
  const page = await openPane(ctx, "en-US");
  // The Data and Index steps by mouse (their keyboard pass is the test above).
  await importAndIndex(page, cfg, "en");
  const { tabTo: tab } = keyboard(page);
  const tabTo = (want: RegExp) => tab(want, 400);
  /** Arrow keys on a focused <select> until it shows `value`. */
  const arrowTo = async (testId: string, value: string) => {
    for (let i = 0; i < 200 && (await page.getByTestId(testId).inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
    close(await page.getByTestId(testId).inputValue(), value, `${testId} chosen with the arrow keys`);
  };
  const goToTab = async (name: string) => {
    // Arrow keys move along the tab list from the first tab; Enter opens the focused one.
    await page.getByRole("tab", { name: "Data" }).focus();
    const steps = ["1 Data", "2 Index", "3 Models", "4 Tables", "5 Charts"];
    for (let i = 0; i < steps.indexOf(name); i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name }).waitFor();
  };
  // 3 Models: Y, X (the first index, already a tag), controls typed into the searchable picker, Add table — keys only.
  await goToTab("3 Models");
  await tabTo(/^select:Dependent variable Y@study-y$/);
  await arrowTo("study-y", cfg.y);
  await tabTo(/^input:Controls@study-controls$/);
  for (const c of cfg.controls) {
    await page.keyboard.type(c);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
  }
  await page.keyboard.press("Escape");
  const tags = await page.getByTestId("study-controls").locator(".fui-Tag").allInnerTexts();
  close(tags.join(), cfg.controls.join(), "controls chosen with the keyboard");
  await tabTo(/^button:Add table@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("table-0").waitFor();
  // 4 Tables: write them.
  await goToTab("4 Tables");
  await tabTo(/^button:Write tables@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("status").getByText("Baseline regression").waitFor({ timeout: 60_000 });
  // 5 Charts: outcome, two pilot provinces, first year, the event-study chart.
  await goToTab("5 Charts");
  await tabTo(/^select:Outcome Y@did-y$/);
  await arrowTo("did-y", cfg.y);
  for (const p of ["北京", "上海"]) {
    await tabTo(new RegExp(`^input:${p}@did-treated$`));
    await page.keyboard.press("Space");
  }
  await tabTo(/^input:First treated year@did-first-year$/);
  await page.keyboard.type("2013");
  await tabTo(/^button:Event-study chart@/);
  await page.keyboard.press("Enter");
  await page.getByTestId("status").getByText("sheet 'Event study chart'").waitFor({ timeout: 60_000 });
  const charts = (await chartsOf(page, "Event study chart"))!;
  assert(charts.length === 1 && charts[0].type === "LineMarkers", "the event-study chart made with the keyboard alone");
  await shot(page, "en-keyboard-charts");
  await page.context().close();
});

/* ------------------------------ charts ------------------------------ */

interface DoubleSeries { name: string; chartType: string; values: (number | string | null)[]; xValues: (number | string | null)[] | null; markerStyle: string; lineStyle: string }
interface DoubleAxis { minimum: number | null; maximum: number | null; majorUnit: number | null; tickLabelPosition: string; position: string }
interface DoubleChart { name: string; type: string; title: string; xTitle: string; yTitle: string; reverseCategories: boolean; position: unknown; series: DoubleSeries[]; axes: { category: DoubleAxis & { categoryType: string }; value: DoubleAxis } }
const chartsOf = (page: Page, sheet: string) =>
  page.evaluate((s) => (window as unknown as { __excelDouble: { charts(n: string): DoubleChart[] | null } }).__excelDouble.charts(s), sheet);

/** A chart in the workbook plots what the Node model says: type, titles, and every series' values (1e-9). */
function checkChart(got: DoubleChart, model: ChartModel, drawing: "model" | "fallback" = "model"): void {
  const d = drawing === "model" ? model : model.fallback!;
  close(got.type, d.type, `${model.kind} type`);
  close(got.title, d.title, `${model.kind} title`);
  if (d.xTitle) close(got.xTitle, d.xTitle, `${model.kind} x title`);
  assert(got.series.length === d.series.length, `${model.kind}: ${d.series.length} series, got ${got.series.map((x) => x.name).join(", ")}`);
  d.series.forEach((want, k) => {
    const s = got.series[k];
    close(s.name, want.name, `${model.kind} series ${k} name`);
    const values = spanValues(model.data, want.values);
    assert(s.values.length === values.length, `${model.kind} '${want.name}': ${values.length} values, got ${s.values.length}`);
    values.forEach((v, i) => close(s.values[i] ?? "", v ?? "", `${model.kind} '${want.name}' value ${i + 1}`));
    const x = want.x ?? (d.type !== "RegionMap" ? d.categories : undefined);
    if (x) spanValues(model.data, x).forEach((v, i) => close(s.xValues?.[i] ?? "", v ?? "", `${model.kind} '${want.name}' x ${i + 1}`));
  });
  assert(got.position !== null, `${model.kind} chart placed beside its data`);
}

/** Steps 1 and 2: import the data sheets (with interpolation) and compute the indices; `checkpoint` runs after each. */
async function importAndIndex(page: Page, cfg: JourneyConfig, lang: "en" | "zh", checkpoint: (step: "data" | "index") => Promise<void> = async () => undefined): Promise<void> {
  const s = L[lang];
  for (const name of cfg.dataSheets) await page.getByRole("checkbox", { name, exact: true }).check();
  await page.getByRole("checkbox", { name: s.interpolate }).check();
  await page.getByRole("button", { name: s.detect }).click();
  await page.getByTestId("import-report").waitFor();
  await checkpoint("data");
  await page.getByRole("tab", { name: s.index }).click();
  await page.getByTestId("hierarchy-sheet").selectOption(cfg.hierarchySheet);
  await page.getByRole("button", { name: s.readHierarchy }).click();
  await page.getByTestId("index-2").waitFor();
  for (let k = 0; k < cfg.indices.length; k++) await page.getByTestId(`index-${k}-missing`).selectOption("interpolate");
  await page.getByRole("button", { name: s.compute }).click();
  await page.waitForFunction((name) => (window as unknown as { __excelDouble: { sheetNames(): string[] } }).__excelDouble.sheetNames().includes(name), s.scores);
  await checkpoint("index");
}

const PILOTS = ["北京", "天津", "上海", "江苏", "浙江", "福建", "山东", "广东"];

test("charts: the event-study chart's series equal the core's estimates; placebo, index trends, map (sorted bars where maps fail)", async (ctx) => {
  const cfg = ctx.config;
  // A host whose map charts fail when created: the pane removes the half-made chart and draws sorted bars.
  const page = await openPane(ctx, "en-US", { unsupportedChartTypes: ["RegionMap"] });
  await importAndIndex(page, cfg, "en");
  // The indices as the pane computed them: save the spec (step 4) and rebuild the panel in Node.
  await page.getByRole("tab", { name: L.en.tables }).click();
  await page.getByRole("button", { name: "Save spec" }).click();
  await page.getByTestId("status").waitFor();
  const spec = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
  const panel = runAnalysis(nodePanel(cfg, ctx.seed), { ...spec, tables: [] }).panel;

  await page.getByRole("tab", { name: "Charts" }).click();
  await page.getByTestId("did-y").selectOption(cfg.y);
  for (const p of PILOTS) await page.getByTestId("did-treated").getByRole("checkbox", { name: p, exact: true }).check();
  await page.getByTestId("did-first-year").fill("2013");
  for (const c of cfg.controls) await page.getByTestId("did-controls").getByRole("checkbox", { name: c, exact: true }).check();
  await page.getByRole("button", { name: "Event-study chart" }).click();
  await page.getByTestId("status").getByText("Wrote the chart and its data to sheet 'Event study chart'.").waitFor({ timeout: 60_000 });

  // The event-study chart: a line chart on a text axis of periods (binned endpoints "≤−4", "≥4")
  // whose series read the core's coefficients and CI ends; the value axis tight to the CI ends.
  const didSpec = { y: cfg.y, id: "province", time: "year", treatedUnits: PILOTS, firstYear: 2013, controls: cfg.controls, leads: 4, lags: 4, reference: -1 };
  const es = eventStudy(panel, didSpec);
  const [chart] = (await chartsOf(page, "Event study chart"))!;
  assert(chart && chart.type === "LineMarkers", `event-study chart drawn: ${JSON.stringify(chart?.type)}`);
  assert(chart.axes.category.categoryType === "TextAxis" && chart.axes.category.minimum === null, `periods on a text axis: ${JSON.stringify(chart.axes)}`);
  const byName = (n: string) => chart.series.find((x) => x.name === n)!;
  const est = byName("TWFE Estimate");
  assert(est && est.markerStyle === "Circle", "estimates as circle markers");
  const periods = es.twfe.map((c) => (c.rel === -4 ? "≤−4" : c.rel === 4 ? "≥4" : c.rel));
  es.twfe.forEach((c, i) => {
    close(est.xValues![i], periods[i], `period label ${i}`);
    close(est.values[i], c.estimate, `coefficient at t = ${c.rel}`);
  });
  const low = byName("TWFE 95% CI (lower)"), high = byName("TWFE 95% CI (upper)");
  assert(low && high && low.lineStyle === "Dash" && high.lineStyle === "Dash", `CI bounds dashed: ${low?.lineStyle} ${high?.lineStyle}`);
  es.twfe.forEach((c, i) => {
    close(low.values[i], c.ciLow, `CI low at t = ${c.rel}`);
    close(high.values[i], c.ciHigh, `CI high at t = ${c.rel}`);
  });
  const ends = es.twfe.flatMap((c) => [c.ciLow!, c.ciHigh!]);
  const y = chart.axes.value;
  assert(y.minimum !== null && y.maximum !== null && y.majorUnit !== null && ends.every((v) => v >= y.minimum! && v <= y.maximum!) && ends.some((v) => v - y.minimum! < y.majorUnit!) && ends.some((v) => y.maximum! - v < y.majorUnit!), `value axis tight to the CI ends: ${JSON.stringify(y)}`);
  const ref = byName("Reference period (t = -1)");
  assert(ref && ref.markerStyle === "Diamond" && ref.lineStyle === "None" && ref.values[es.twfe.findIndex((c) => c.reference)] === 0, `reference period marked: ${JSON.stringify(ref)}`);
  const zero = byName("Zero");
  assert(zero && zero.values.every((v) => v === 0), "zero line");
  close(chart.title, `Event study: ${cfg.y}`, "title");
  // The numbers behind the chart are in the sheet: the coefficient table from A1.
  const esSheet = sheetByName(await dump(page), "Event study chart");
  es.twfe.forEach((c, i) => close(esSheet[1 + i][1], c.estimate, `sheet coefficient R${i + 2}`));
  await shot(page, "en-5-charts-event-study");

  // The DID table (without / with controls, then the 2×2 means), cell by cell against Node; it is saved in the spec.
  await page.getByRole("button", { name: "DID table" }).click();
  await page.getByTestId("status").getByText("DID").waitFor();
  const didSpecTable = didTableSpec({ ...DEFAULT_DID_FORM, y: cfg.y, treated: PILOTS, firstYear: "2013", controls: cfg.controls }, "province", "year", "en");
  const savedNow = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
  assert(JSON.stringify(savedNow.tables?.find((x) => x.type === "did")) === JSON.stringify(didSpecTable), `the DID table is saved in the spec: ${JSON.stringify(savedNow.tables)}`);
  const didRun = runAnalysis(nodePanel(cfg, ctx.seed), { ...savedNow, tables: [didSpecTable] });
  const didSheet = analysisSheets(didRun, "en").slice(-1)[0];
  const didBook = await dump(page);
  const gotDid = sheetByName(didBook, "DID");
  let row = 0;
  for (const model of didSheet.tables) {
    const grid = toGrid(model, { title: true });
    checkTableCells(gotDid, mergesOf(didBook, "DID"), grid, row, "DID sheet");
    row += grid.length + 1;
  }
  assert((await cellFormat(page, "DID", 1, 0))?.borders.EdgeTop?.weight === "Medium", "the DID table is a three-line table");
  // Re-run rebuilds it from the saved spec (a new sheet "DID (2)": nothing replaced without consent).
  await page.getByRole("button", { name: L.en.rerun }).click();
  await page.waitForFunction(() => (window as unknown as { __excelDouble: { sheetNames(): string[] } }).__excelDouble.sheetNames().includes("DID (2)"), undefined, { timeout: 60_000 });
  await page.getByTestId("status").filter({ hasText: "Re-ran" }).waitFor({ timeout: 60_000 });
  assert(JSON.stringify(sheetByName(await dump(page), "DID (2)")) === JSON.stringify(sheetByName(await dump(page), "DID")), "re-run rebuilds the DID table identically");

  // Placebo: the worker's seeded permutations equal Node's.
  await page.getByTestId("did-permutations").fill("40");
  await page.getByRole("button", { name: "Placebo histogram" }).click();
  await page.getByTestId("status").getByText("sheet 'Placebo test chart'").waitFor({ timeout: 60_000 });
  const pl = placeboChart(placebo(panel, didSpec, 40, 20240601), "en");
  const plChart = (await chartsOf(page, "Placebo test chart"))![0];
  checkChart(plChart, pl);
  // The real estimate a vertical line; both axes the model's tight bounds.
  assert(plChart.series[1].xValues![0] === plChart.series[1].xValues![1] && plChart.series[1].chartType === "XYScatterLinesNoMarkers", `the real estimate a vertical line: ${JSON.stringify(plChart.series[1])}`);
  const scale = (x: DoubleAxis) => [x.minimum, x.maximum, x.majorUnit];
  close(JSON.stringify([scale(plChart.axes.category), scale(plChart.axes.value)]), JSON.stringify([[pl.xAxis!.min, pl.xAxis!.max, pl.xAxis!.unit], [0, pl.yAxis!.max, pl.yAxis!.unit]]), "placebo axes");
  // The double's default host (ExcelApi 1.17) lets the axes cross at their minimum: the frame's edges.
  assert(plChart.axes.category.position === "Minimum" && plChart.axes.value.position === "Minimum", `axes at the edges: ${JSON.stringify(plChart.axes)}`);

  // Index trends by region.
  await page.getByTestId("trend-index").selectOption(cfg.indices[0]);
  await page.getByRole("button", { name: "Index trend chart" }).click();
  await page.getByTestId("status").getByText("sheet 'Index trends chart'").waitFor();
  // Titled with the index's display name (its label), as the tables are.
  const indexLabel = spec.indices?.find((ix) => ix.name === cfg.indices[0])?.label;
  const trendChartGot = (await chartsOf(page, "Index trends chart"))![0];
  checkChart(trendChartGot, trendModel(panel, cfg.indices[0], "region4", "province", "year", "en", indexLabel));
  if (indexLabel) assert(trendChartGot.title.startsWith(indexLabel), `trend chart titled with the label '${indexLabel}': ${trendChartGot.title}`);

  // Map: this host cannot create a region map, so one sorted bar chart of the same cells.
  await page.getByTestId("map-index").selectOption(cfg.indices[0]);
  await page.getByTestId("map-year").selectOption("2023");
  await page.getByRole("button", { name: "Index map" }).click();
  await page.getByTestId("status").getByText("sorted bar chart").waitFor();
  const maps = (await chartsOf(page, "Index map"))!;
  assert(maps.length === 1 && maps[0].reverseCategories, `one sorted bar chart, largest on top: ${maps.map((m) => m.type).join(", ")}`);
  checkChart(maps[0], mapModel(panel, cfg.indices[0], "2023", "province", "year", "en", indexLabel), "fallback");
  await axe(page, "charts");
  checkUntouched(ctx.seed, await dump(page));
  const jsErrors = (page as unknown as { jsErrors: string[] }).jsErrors;
  assert(jsErrors.length === 0, `no page errors: ${jsErrors.join("; ")}`);
  await page.context().close();
});

test("index step: once the indices exist, the regional card writes the Dagum table and chart (the core's numbers) and saves the entry", async (ctx) => {
  const cfg = ctx.config;
  const page = await openPane(ctx, "en-US");
  await importAndIndex(page, cfg, "en");
  await page.getByTestId("regional-card").waitFor();
  await shot(page, "en-2-index-regional");
  await axe(page, "en index regional card");
  await page.getByRole("button", { name: "Dagum Gini table and chart" }).click();
  await page.getByTestId("status").getByText("Gini contributions chart").waitFor({ timeout: 60_000 });
  const spec = parseAnalysisSpec(JSON.parse((await settings(page))["econsheet.spec"] as string));
  const entry = (spec.tables ?? []).find((t) => t.type === "dagum");
  assert(entry !== undefined && entry.type === "dagum", "the Dagum entry is saved with the spec");
  const run = runAnalysis(nodePanel(cfg, ctx.seed), { ...spec, tables: [entry!] });
  const result = run.tables[0] as RegionalTableResult;
  const variable = (entry as { var: string }).var;
  const [chart] = (await chartsOf(page, "Gini contributions chart"))!;
  checkChart(chart, regionalChart(result, "en", spec.indices!.find((ix) => ix.name === variable)?.label ?? variable));
  // The table sheet holds the Dagum table cell by cell, under its title.
  const want = toGrid(regionalTables(result, "en")[0]);
  const got = sheetByName(await dump(page), "Dagum Gini decomposition");
  close(got[0][0], entry!.title, "Dagum sheet title");
  want.slice(0, 6).forEach((row, i) => row.forEach((v, j) => close(got[i + 1][j] ?? "", v, `Dagum sheet R${i + 2}C${j + 1}`)));
  await page.context().close();
});

test("charts in Chinese: errors beside the field; a filled map where the host draws maps", async (ctx) => {
  const cfg = ctx.config;
  const page = await openPane(ctx, "zh-CN");
  for (const name of cfg.dataSheets) await page.getByRole("checkbox", { name, exact: true }).check();
  await page.getByRole("button", { name: L.zh.detect }).click();
  await page.getByTestId("import-report").waitFor();
  await page.getByRole("tab", { name: "图表" }).click();
  await page.getByTestId("did-y").selectOption(cfg.controls[0]);
  await page.getByRole("button", { name: "绘制事件研究图" }).click();
  await page.getByTestId("did-treated").getByText("请勾选处理组（试点）省份").waitFor();
  await page.getByTestId("did-treated").getByRole("checkbox", { name: "北京", exact: true }).check();
  await page.getByTestId("did-first-year").fill("明年");
  await page.getByRole("button", { name: "绘制事件研究图" }).click();
  await page.getByText("首次处理年份应为年份，如 2013（实际为 '明年'）。").waitFor();
  await shot(page, "zh-5-charts-errors");
  // A raw indicator (no index computed) on a filled map.
  const variable = cfg.controls[0];
  await page.getByTestId("map-index").selectOption(variable);
  await page.getByTestId("map-year").selectOption("2010");
  await page.getByRole("button", { name: "绘制指数地图" }).click();
  await page.getByTestId("status").getByText("已将图表及其数据写入工作表 '指数地图'。").waitFor();
  const [map] = (await chartsOf(page, "指数地图"))!;
  const panel = nodePanel(cfg, ctx.seed);
  checkChart(map, mapModel(panel, variable, "2010", "province", "year", "zh"));
  await axe(page, "charts zh");
  await page.context().close();
});

/* ------------------------------ main ------------------------------ */

async function main(): Promise<number> {
  assert(fs.existsSync(path.join(dist, "taskpane.html")), "dist/taskpane.html is missing: run `npm run build` (scripts/browser-test.js does)");
  const { seed, config } = await buildJourney(root);
  console.log(`browser: journey on ${config.source} (${config.dataSheets.length} data sheets; Y = ${config.y}, X = ${config.x}, M = ${config.mediator})`);
  const server = await serveDist();
  // chromium.launch() gives every run a fresh temporary --user-data-dir of its own (Playwright
  // refuses the flag in args; launchPersistentContext would be the way to pick the directory).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const only = process.env.BROWSER_TEST_FILTER;
  let passed = 0, failed = 0;
  try {
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const t0 = Date.now();
      const ctx: Ctx = { browser, baseUrl: server.url, seed, config, pages: [] };
      try {
        ctx.pages = [];
        await t.fn(ctx);
        passed++;
        console.log(`  ✓ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        for (const [k, p] of ctx.pages.entries()) if (!p.isClosed()) await shot(p, `FAILED-${t.name.replace(/[^\w]+/g, "-").slice(0, 40)}-${k}`).catch(() => undefined);
        console.log(`  ✗ ${t.name}\n      ${String((e as Error).stack ?? e).split("\n").slice(0, 4).join("\n      ")}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`browser: ${passed} passed, ${failed} failed (screenshots in ${path.relative(root, shots)}/)`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log("browser: 0 passed, 1 failed");
  process.exit(1);
});
