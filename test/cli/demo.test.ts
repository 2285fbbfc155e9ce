/**
 * The bundled sample end to end: sample/spec.json on the synthetic sample/yearbook.xlsx, as
 * `npm run demo` runs it. The workbook read back must carry exactly the core's numbers, two
 * runs must give identical values, and LibreOffice must open it (when LibreOffice is installed).
 */
import { mkdtempSync, readFileSync, existsSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { loadPanel } from "../../src/cli/load-panel";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { analysisSheets } from "../../src/render/analysis-sheets";
import { toGrid } from "../../src/render/grid";

const root = join(__dirname, "..", "..");
const specPath = join(root, "sample", "spec.json");
const dir = mkdtempSync(join(tmpdir(), "econsheet-demo-"));

async function sheetValues(path: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const r: unknown[] = [];
      // Mixed Chinese/Latin text is rich text (宋体 / Times New Roman runs): its plain text; a cell
      // covered by a merged title or note (not the merge's first cell) is empty.
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const v = c.value;
        const plain = v && typeof v === "object" && "richText" in v ? v.richText.map((t) => t.text).join("") : v;
        r[col - 1] = c.isMerged && c.master.address !== c.address ? { covered: plain } : plain;
      });
      rows[n - 1] = r;
    });
    out.set(ws.name, rows);
  });
  return out;
}

test("the sample analysis: every sheet's cells equal the core's tables, twice", async () => {
  const out1 = join(dir, "a.xlsx");
  const out2 = join(dir, "b.xlsx");
  const r1 = await cli("run", specPath, "--out", out1);
  expect(r1.code).toBe(0);
  await cli("run", specPath, "--out", out2);
  const got = await sheetValues(out1);
  expect(JSON.stringify([...(await sheetValues(out2)).entries()])).toBe(JSON.stringify([...got.entries()]));

  const spec = parseAnalysisSpec(JSON.parse(readFileSync(specPath, "utf8")));
  const { table } = await loadPanel(join(root, "sample", spec.data.workbook!), spec.data);
  const sheets = analysisSheets(runAnalysis(table, spec), spec.lang);
  expect([...got.keys()]).toEqual(sheets.map((s) => s.name));
  for (const s of sheets) {
    const cells = got.get(s.name)!;
    let row = 0;
    for (const t of s.tables) {
      for (const expectedRow of toGrid(t, { title: true })) {
        const actual = cells[row] ?? [];
        expectedRow.forEach((v, j) => {
          const a = actual[j] as { covered?: unknown } | undefined;
          // A merged cell's covered part: blank in the grid (title, note) or the spanned label again (a dependent variable over its models).
          if (a && typeof a === "object" && "covered" in a) expect(v === "" || v === a.covered).toBe(true);
          else if (v === "") expect(actual[j] ?? "").toBe("");
          else expect(actual[j]).toBe(v);
        });
        row++;
      }
      row++; // blank line between tables
    }
  }
  expect(r1.stderr).toMatch(/yearbook import: 28 sheet\(s\), 31 provinces × 21 years/);
}, 120000);

const libreoffice = ["/usr/bin/libreoffice", "/usr/bin/soffice"].find((p) => existsSync(p));
(libreoffice ? test : test.skip)("LibreOffice opens the result and renders it to PDF", async () => {
  const out = join(dir, "lo.xlsx");
  await cli("run", specPath, "--out", out);
  execFileSync(libreoffice!, ["--headless", "--convert-to", "pdf", "--outdir", dir, out], { timeout: 120000, stdio: "ignore" });
  const pdf = join(dir, "lo.pdf");
  expect(existsSync(pdf)).toBe(true);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  if (info.status === 0) expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)![1])).toBeGreaterThan(5);
}, 180000);
