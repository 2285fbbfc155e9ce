// A spec or data file that does not exist is reported as missing, with the path looked for,
// in the user's language; not as "not valid JSON" or an internal error. sample/table.json runs.
import { mkdtempSync, writeFileSync, rmSync } from "fs";
import { join, resolve } from "path";
import { tmpdir } from "os";
import { cli } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "econsheet-missing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("econsheet table with a spec that does not exist", async () => {
  const r = await cli("table", join(dir, "table.json"), "--csv");
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`spec file not found (looked for ${resolve(dir, "table.json")})`);
  expect(r.stderr).toMatch(/sample\/table\.json/);
  expect(r.stderr).not.toMatch(/not valid JSON|internal error/);
});

test("econsheet run with a spec that does not exist, in Chinese", async () => {
  const r = await cli("run", join(dir, "spec.json"), "--out", join(dir, "out.xlsx"), "--lang", "zh");
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/找不到设定文件/);
});

test("a spec that exists but is not JSON still says so", async () => {
  writeFileSync(join(dir, "bad.json"), "{ models: ");
  const r = await cli("table", join(dir, "bad.json"));
  expect(r.stderr).toMatch(/bad\.json: not valid JSON/);
});

test("econsheet import with a workbook that does not exist: no stack trace", async () => {
  const r = await cli("import", join(dir, "nope.xlsx"), "--out", join(dir, "p.csv"));
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${join(dir, "nope.xlsx")}: file not found`);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
});

test("sample/table.json: four columns from the bundled Grunfeld data", async () => {
  const r = await cli("table", join(__dirname, "..", "..", "sample", "table.json"), "--csv");
  expect(r.stderr).not.toMatch(/error|refused/i);
  expect(r.code).toBe(0);
  const lines = r.stdout.split(/\r?\n/);
  expect(lines[1]).toBe(",inv,inv,inv,inv"); // the dependent variable over each column
  expect(lines[3]).toBe(",Pooled OLS,FE,Two-way FE,Random effects");
  expect(lines.find((l) => l.startsWith("N,"))).toBe("N,200,200,200,200");
});
