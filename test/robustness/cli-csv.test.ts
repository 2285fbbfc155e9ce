/**
 * CSV output and formula injection (OWASP "CSV injection"): text cells beginning with =, +, -, @
 * (or a tab / carriage return) get a leading single quote in every CSV the CLI writes
 * (describe/panel/table/entropy/mediation --csv, import --out); numbers, negative ones
 * included, stay numbers.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { cli } from "../helpers/cli";
import { expectOk, scratch, writeText } from "./lib/robust";
import { gridCsv, neutralizeCell } from "../../src/render/csv";

const dir = scratch("csv");
const EVIL = ['=HYPERLINK("http://evil.example","x")', "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@cmd"];
let data: string;
let yearbook: string;

beforeAll(async () => {
  const rows = [["id", "year", "@x", "y", "=z", "label"]];
  for (let i = 0; i < 4; i++) for (let t = 0; t < 4; t++) rows.push([String(i), String(2000 + t), String(-1.5 * i + t + ((i * t) % 3)), String(i - t * 0.7 + ((i + 2 * t) % 4)), String((i * 3 + t * 5) % 7), EVIL[i]]);
  data = writeText(dir, "p.csv", rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n"));
  const wb = new ExcelJS.Workbook();
  for (const year of [2010, 2011]) {
    const ws = wb.addWorksheet(String(year));
    ws.addRow(["地区", "=1+2", "-GDP", "@y", "gdp"]);
    ws.addRow(["北京", -1.5 - (year - 2010) * 0.2, 2, 3, 4]);
    ws.addRow(["上海", 2, -3, 4, 5]);
    ws.addRow(["广东", 3, 4, -5, 6]);
  }
  yearbook = join(dir, "yb.xlsx");
  await wb.xlsx.writeFile(yearbook);
});

/** Cells of a CSV text (BOM stripped). */
const cells = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true });
const formulaLike = (c: string) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\**$/.test(c);

function expectNoFormulas(csv: string): string[][] {
  const g = cells(csv);
  for (const row of g) for (const c of row) if (formulaLike(c)) throw new Error(`formula-like cell ${c}`);
  return g;
}

describe("every CSV the CLI writes is safe to open in a spreadsheet", () => {
  test("describe --csv: the variable '@x' and '=z' quoted, negative statistics stay numbers", async () => {
    const g = expectNoFormulas(expectOk(await cli("describe", "--data", data, "--csv")));
    const x = g.find((r) => r[0] === "'@x")!;
    expect(x).toBeDefined();
    expect(g.find((r) => r[0] === "'=z")).toBeDefined();
    expect(Number(x[2])).toBeCloseTo(-0.375, 12);
    expect(x[4]).toBe("-4.5");
  });

  test("panel --csv: a negative coefficient is a number", async () => {
    const g = expectNoFormulas(expectOk(await cli("panel", "--data", data, "--formula", "y ~ year", "--id", "id", "--time", "year", "--csv")));
    const year = g.find((r) => r[0] === "year")!;
    expect(Number(year[1])).toBeLessThan(0);
    expect(year[1]).toMatch(/^-0\.69/);
  });

  test("table --csv: renamed labels and the title that look like formulas are quoted", async () => {
    const spec = writeText(dir, "t.json", JSON.stringify({ data: "p.csv", id: "id", time: "year", title: "-Table 5", models: [{ formula: "y ~ year" }], rename: { year: EVIL[0] } }));
    const g = expectNoFormulas(expectOk(await cli("table", spec, "--csv")));
    expect(g.flat()).toContain("'" + EVIL[0]);
    expect(g.flat()).toContain("'-Table 5");
    expect(g.flat().some((c) => /^-0\.\d+\**$/.test(c))).toBe(true);
  });

  test("entropy --csv: indicator names quoted", async () => {
    const g = expectNoFormulas(expectOk(await cli("entropy", "--data", data, "--indicators", "@x,y", "--id", "id", "--time", "year", "--csv")));
    expect(g.flat()).toContain("'@x");
  });

  test("import --out: indicator headers quoted, negative values numbers", async () => {
    const out = join(dir, "o.csv");
    expectOk(await cli("import", yearbook, "--out", out));
    const g = expectNoFormulas(readFileSync(out, "utf8"));
    expect(g[0]).toEqual(["province", "code", "year", "'=1+2", "'-GDP", "'@y", "gdp"]);
    expect(g.find((r) => r[0] === "北京" && r[2] === "2010")![3]).toBe("-1.5");
    expect(g.find((r) => r[0] === "上海")![4]).toBe("-3");
  });
});

describe("neutralizeCell", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+1+2", "'+1+2"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["-", "'-"],
    ["=", "'="],
    ["-0.123", "-0.123"],
    ["-0.123***", "-0.123***"],
    ["+5", "+5"],
    ["-1e-5", "-1e-5"],
    ["(0.045)", "(0.045)"],
    ["北京", "北京"],
    ["a=b", "a=b"],
    ["", ""],
    [-3.5, -3.5],
    [0, 0],
  ])("%j → %j", (input, want) => {
    expect(neutralizeCell(input)).toBe(want);
  });

  test("gridCsv quotes a neutralised cell that holds a comma", () => {
    expect(gridCsv([["=SUM(1,2)", -1]])).toBe(`"'=SUM(1,2)",-1\r\n`);
  });
});
