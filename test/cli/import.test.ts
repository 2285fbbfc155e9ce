import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { importCommand, gridToCsv } from "../../src/cli/commands/import";
import { parseArgs } from "../../src/cli/args";
import { readCsvGrid } from "../../src/cli/read-data";
import { EconError } from "../../src/core/errors";
import { importYearbook } from "../../src/core/data/yearbook/import-yearbook";
import { tidyPanelGrid } from "../../src/core/data/yearbook/panel-grid";
import { perIndicator } from "../core/data/yearbook/small-panel";

const dir = mkdtempSync(join(tmpdir(), "econsheet-import-"));

async function runImport(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const code = await importCommand.run(parseArgs(argv), { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The small test panel as a messy yearbook workbook on disk (title, unit row, 2003年 headers, full names, "—", 全国, footnote). */
async function writeMessyWorkbook(path: string, extraRow?: (string | number)[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "合成数据";
  for (const s of perIndicator()) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([`各地区${s.name}`]);
    ws.addRow(["单位：亿元"]);
    ws.addRow(["地区", ...s.grid[0].slice(1).map((y) => `${y}年`)]);
    ws.addRow(["全国", 1, 2, 3, 4]);
    for (const row of s.grid.slice(1)) ws.addRow([row[0] === "内蒙古" ? "内蒙古自治区" : `${row[0]}`, ...row.slice(1).map((v) => (v === "" ? "—" : (v as number)))]);
    if (extraRow) ws.addRow(extraRow);
    ws.addRow(["注：测试数据。"]);
  }
  await wb.xlsx.writeFile(path);
}

describe("econsheet import", () => {
  const book = join(dir, "messy.xlsx");
  beforeAll(() => writeMessyWorkbook(book));

  test("writes the tidy CSV (UTF-8 with BOM) equal to the core's panel, and a text report", async () => {
    const out = join(dir, "panel.csv");
    const run = await runImport(book, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Tidy panel: 16 rows \(4 provinces × 4 years, 2003–2006\), 3 indicators/);
    expect(run.stdout).toMatch(/gdp \[亿元\]: 15\/16, 1 missing \(河北 2004\): left missing/);
    expect(run.stdout).toMatch(/skipped sheet '说明'/);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const expected = tidyPanelGrid(importYearbook(perIndicator()).panel).map((r) => r.map(String));
    expect(readCsvGrid(out)).toEqual(expected);
  });

  test("--json --interpolate: one JSON object with per-indicator missing cells and what was done", async () => {
    const run = await runImport(book, "--json", "--interpolate");
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ nobs: 16, nprovinces: 4, interpolate: true, out: null, columns: ["province", "code", "year", "gdp", "pop", "urb"] });
    const gdp = json.indicators.find((i: { name: string }) => i.name === "gdp");
    expect(gdp).toMatchObject({ action: "interpolated", missing: [{ province: "河北", year: 2004, place: "gdp!C6", token: "—" }], filled: [{ province: "河北", year: 2004, value: 1287.5 }], leftMissing: [] });
    expect(json.skippedRows.filter((r: { reason: string }) => r.reason === "national-total")).toHaveLength(3);
  });

  test("an unknown province is refused with the sheet and row named; Chinese with --lang zh through EconError", async () => {
    const bad = join(dir, "bad.xlsx");
    await writeMessyWorkbook(bad, ["东部地区", 1, 2, 3, 4]);
    const err = await runImport(bad, "--json").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EconError);
    expect((err as EconError).text.en).toMatch(/Sheet 'gdp' row 9 \(cell A9\): '东部地区' is not one of the 31 mainland provinces/);
    expect((err as EconError).text.zh).toMatch(/工作表 'gdp' 第 9 行/);
  });

  test("usage errors: no workbook, not xlsx, unknown option", async () => {
    await expect(runImport("--out", "x.csv")).rejects.toThrow(/Give the workbook/);
    await expect(runImport("data.csv")).rejects.toThrow(/reads .xlsx/);
    await expect(runImport(book, "--outt", "x.csv")).rejects.toThrow(/Unknown option --outt/);
  });

  test("CSV quoting", () => {
    expect(gridToCsv([["a", "b,c"], [1, 'say "hi"']])).toBe('\uFEFFa,"b,c"\r\n1,"say ""hi"""\r\n');
  });
});
