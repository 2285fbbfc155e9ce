/**
 * Correctness of the data path on files as European and Chinese users' programs write them:
 * decimal commas (";" files from European Excel) and thousands separators, row numbers that are
 * the file's real lines, columns that turn to text part-way, `where` filters naming awkward
 * columns, and yearbook headers with units. Each case asserts the result (against the plain
 * file) or a message naming the place and the fix, in English and Chinese, without a crash.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { cli } from "../helpers/cli";
import { fixturePath } from "../helpers/fixtures";
import { DIR, file, grunfeldText } from "./data-files";
import { expectOk, expectRefused } from "./lib/robust";
import { parseCsvTable } from "../../src/core/data/csv/parse-csv";
import { labelColumn, numericColumn } from "../../src/core/data/data-table";
import { whereClauses, whereMask } from "../../src/core/data/where";
import { regionLabels } from "../../src/core/data/provinces";
import { EconError } from "../../src/core/errors";
import { tableFromGrid } from "../../src/core/data/data-table";
import { syntheticGrid } from "../../scripts/lib/synthetic-panel";
import { draftToSpec, presetDraft, specToDraft } from "../../src/taskpane/journey/table-drafts";
import { lagFormula, runAnalysis } from "../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { describeRange } from "../../src/functions/adapters/describe";

const model = ["--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json"];
const plainRun = () => cli("panel", "--data", fixturePath("grunfeld.csv"), ...model);

/** Grunfeld as European Excel saves it: ';' between fields, decimal commas. */
function europeanGrunfeld(delimiter = ";"): string {
  return grunfeldText(delimiter).replace(/(\d)\.(\d)/g, "$1,$2");
}

function refusal(f: () => unknown): EconError {
  try {
    f();
  } catch (e) {
    if (e instanceof EconError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("decimal commas and thousands separators", () => {
  test("a ';' file with decimal commas gives the same fit as the plain file, to the last bit", async () => {
    const r = await cli("panel", "--data", file("eu.csv", europeanGrunfeld()), ...model);
    const plain = await plainRun();
    expectOk(r);
    expect(r.json().params).toEqual(plain.json().params);
    expect(r.json().stdErrors).toEqual(plain.json().stdErrors);
  });

  test("a tab file with decimal commas (Excel's 'Unicode text' from a European locale)", async () => {
    const r = await cli("panel", "--data", file("eu.tsv", europeanGrunfeld("\t")), ...model);
    expect(r.json().params).toEqual((await plainRun()).json().params);
  });

  test("--decimal , on a ';' file gives the same numbers as detection", async () => {
    const r = await cli("panel", "--data", file("eu2.csv", europeanGrunfeld()), ...model, "--decimal", ",");
    expect(r.json().params).toEqual((await plainRun()).json().params);
  });

  test("'1.234,5' (points grouping thousands, decimal comma) is 1234.5", async () => {
    const r = await cli("describe", "--data", file("eu-grouped.csv", "id;x\n1;1.234,5\n2;0,5\n3;2\n"), "--json");
    const x = expectOk(r) && r.json().variables.find((v: { name: string }) => v.name === "x");
    expect(x.max).toBe(1234.5);
    expect(x.min).toBe(0.5);
  });

  test("a quoted '1,234' in a comma file is 1234 (Excel's thousands format), never 1.234", async () => {
    const r = await cli("describe", "--data", file("thousands.csv", 'id,x\n1,"1,234"\n2,"12,345.5"\n3,7\n'), "--json");
    const x = expectOk(r) && r.json().variables.find((v: { name: string }) => v.name === "x");
    expect(x.max).toBe(12345.5);
    expect(x.median).toBe(1234);
  });

  test("'1,234,567' in a ';' file settles thousands separators", () => {
    const t = parseCsvTable("id;x\n1;1,234,567\n2;2,500\n", { file: "t.csv" });
    expect(Array.from(numericColumn(t, "x"))).toEqual([1234567, 2500]);
  });

  test("only values like '1,234' in a ';' file: refused naming line, column and both fixes", async () => {
    const p = file("ambiguous.csv", "id;year;x\n1;2001;1,234\n1;2002;2,500\n");
    expectRefused(await cli("describe", "--data", p), /ambiguous\.csv line 2 \(column 'x'\): '1,234' could be 1\.234 \(a decimal comma\) or 1234 \(a thousands separator\).*--decimal , .*--decimal \./);
    expectRefused(await cli("describe", "--data", p, "--lang", "zh"), /第 2 行（列 'x'）：'1,234' 既可能是 1\.234（小数逗号），也可能是 1234（千位分隔符）.*--decimal ,/);
  });

  test("the same ambiguous file with --decimal , or --decimal .", async () => {
    const p = file("ambiguous2.csv", "id;year;x\n1;2001;1,234\n1;2002;2,500\n");
    const comma = await cli("describe", "--data", p, "--vars", "x", "--decimal", ",", "--json");
    expect(comma.json().variables[0].min).toBe(1.234);
    const point = await cli("describe", "--data", p, "--vars", "x", "--decimal", ".", "--json");
    expect(point.json().variables[0].min).toBe(1234);
  });

  test("a quoted '1,5' in a comma file: refused at its cell with the fix", async () => {
    const r = await cli("describe", "--data", file("comma15.csv", 'id,x\n1,"1,5"\n2,2\n'), "--vars", "x");
    expectRefused(r, /Column 'x' row 2: text '1,5' is not a number\. It has a decimal comma: give --decimal , to read .*comma15\.csv with decimal commas \(the fields must then be separated by ';' or tab\)/);
  });

  test("a decimal point in a decimal-comma file: refused at its cell (1.500 would mean 1500 there)", async () => {
    const p = file("eu-point.csv", "id;x\n1;1,5\n2;2.5\n3;3\n");
    expectRefused(await cli("describe", "--data", p, "--vars", "x"), /Column 'x' row 3: text '2\.5' is not a number\. .*eu-point\.csv was read with decimal commas \(1,5\), so a decimal point is not read: write 2,5, or give --decimal \./);
    expectRefused(await cli("describe", "--data", p, "--vars", "x", "--lang", "zh"), /列 'x' 第 3 行：文本 '2\.5' 不是数值。.*按小数逗号（1,5）读取.*请写作 2,5/);
  });

  test("decimal commas in one column and thousands separators in another: refused naming both", async () => {
    const p = file("eu-mixed.csv", "id;x;y\n1;1,5;1,234,567\n");
    expectRefused(await cli("describe", "--data", p), /line 2 \(column 'x'\) has '1,5' with a decimal comma, but line 2 \(column 'y'\) has '1,234,567' with commas as thousands separators/);
  });

  test("--decimal , on a comma-separated file is refused with the fix", async () => {
    expectRefused(await cli("describe", "--data", fixturePath("grunfeld.csv"), "--decimal", ","), /--decimal , needs fields separated by something other than ','.*--delimiter ';'/);
  });

  test("--decimal with a bad or no value", async () => {
    expectRefused(await cli("describe", "--data", fixturePath("grunfeld.csv"), "--decimal", "x"), /--decimal x: give "," \(numbers written 1,5\) or "\." \(numbers written 1\.5\)/);
    expectRefused(await cli("describe", "--data", fixturePath("grunfeld.csv"), "--decimal"), /Option --decimal needs a value, e.g\. --decimal ,/);
  });

  test("names with commas stay text in a ';' file (only numbers are read with decimal commas)", () => {
    const t = parseCsvTable("city;x\nParis, France;1,5\nBonn;2\n", { file: "t.csv" });
    expect(labelColumn(t, "city")).toEqual(["Paris, France", "Bonn"]);
    expect(Array.from(numericColumn(t, "x"))).toEqual([1.5, 2]);
  });

  test("property: any double written with a decimal comma reads as the same double written with a point", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        const texts = xs.map((x) => String(x));
        const point = parseCsvTable(["id;x", "0;0.5", ...texts.map((t, k) => `${k + 1};${t}`)].join("\n"), { file: "p.csv" });
        const comma = parseCsvTable(["id;x", "0;0,5", ...texts.map((t, k) => `${k + 1};${t.replace(".", ",")}`)].join("\n"), { file: "c.csv" });
        expect(comma.csv!.decimal).toBe(",");
        const a = numericColumn(point, "x"), b = numericColumn(comma, "x");
        for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i])).toBe(true);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  test("an Excel range with a decimal-comma text cell: refused at its row with the Excel fix", () => {
    const e = refusal(() => describeRange([["id", "x"], [1, 2.5], [2, "1,5"]], "vars=x"));
    expect(e.text.en).toMatch(/Column 'x' row 3: text '1,5' is not a number\. It has a decimal comma: write it with a decimal point \(1\.5\), or convert the column to numbers in Excel \(Data → Text to Columns/);
    expect(e.text.zh).toMatch(/列 'x' 第 3 行：文本 '1,5' 不是数值。该值使用小数逗号/);
  });

  test("missing tokens and exponents in a decimal-comma file", () => {
    const t = parseCsvTable("id;x\n1;NA\n2;.\n3;1,5E+03\n4;-0,25\n", { file: "t.csv", missingTokens: ["NA", "."] });
    expect(Array.from(numericColumn(t, "x"))).toEqual([NaN, NaN, 1500, -0.25]);
  });
});

describe("row numbers are the file's lines", () => {
  test("blank lines above the bad cell", async () => {
    const text = "firm,year,inv\n\n1,2001,1\n\n\n1,2002,abc\n";
    expectRefused(await cli("describe", "--data", file("blanks.csv", text), "--vars", "inv"), "Column 'inv' row 6: text 'abc' is not a number");
  });

  test("a quoted field with line breaks above the bad cell", async () => {
    const text = 'firm,year,note,inv\n1,2001,"two\nlines",1\n1,2002,ok,zz\n';
    expectRefused(await cli("describe", "--data", file("quoted-breaks.csv", text), "--vars", "inv", "--lang", "zh"), "列 'inv' 第 4 行：文本 'zz' 不是数值");
  });

  test("CRLF line ends and blank lines: the time column's message in panel", async () => {
    const text = "firm,year,inv,value\r\n1,2001,1,2\r\n\r\n1,2002,2,3\r\n2,2001,3,1\r\n\r\n2,oops,4,2\r\n";
    expectRefused(await cli("panel", "--data", file("crlf.csv", text), "--formula", "inv ~ value", "--id", "firm", "--time", "year"), /Column 'year' row 7 \(2\): 'oops' is not a time value/);
  });

  test("duplicate firm-years are named by their lines", async () => {
    const text = "firm,year,inv,value\n1,2001,1,2\n\n1,2002,2,3\n1,2001,3,1\n";
    expectRefused(await cli("panel", "--data", file("dups.csv", text), "--formula", "inv ~ value", "--id", "firm", "--time", "year"), /\(1, 2001\) in rows 2 and 5/);
  });

  test("a province the regions do not know, named by its line", () => {
    const t = parseCsvTable("province,year,x\n\n北京,2001,1\n\nAtlantis,2001,2\n", { file: "p.csv" });
    expect(Array.from(t.rowNumbers!.slice(0, t.nrows))).toEqual([3, 5]);
    expect(refusal(() => regionLabels(labelColumn(t, "province"), "province", "region4", "en", undefined, t)).text.en).toMatch(/^Row 5: 'Atlantis' in column 'province' is not a province name/);
  });

  test("log of a non-positive value names the line", async () => {
    const text = "firm,year,inv,value\n1,2001,1,2\n1,2002,2,3\n\n2,2001,3,-1\n2,2002,4,2\n";
    expectRefused(await cli("panel", "--data", file("log.csv", text), "--formula", "inv ~ log(value)", "--id", "firm", "--time", "year"), /log\(\): the value -1 in row 5 \(2, 2001\) is not positive/);
  });
});

describe("a numeric column that turns to text part-way", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => `${i + 1},${i < 899 ? ((i % 7) + 1).toFixed(2) : i === 899 ? "—" : "3.10"}`);
  const text = ["id,x", ...rows].join("\n") + "\n";

  test("earlier cells keep their text as written ('1.50', not '1.5')", () => {
    const t = parseCsvTable(text, { file: "late.csv" });
    const labels = labelColumn(t, "x");
    expect(labels.slice(0, 3)).toEqual(["1.00", "2.00", "3.00"]);
    expect(labels[899]).toBe("—");
    expect(labels[900]).toBe("3.10");
  });

  test("as a number the column is refused at the '—', naming its line", async () => {
    expectRefused(await cli("describe", "--data", file("late.csv", text), "--vars", "x"), "Column 'x' row 901: text '—' is not a number");
  });

  test("as ids the labels print as written (entropy scores by id)", async () => {
    const ids = Array.from({ length: 6 }, (_, k) => `${k + 1}.50`);
    const lines = ["code,year,a,b"];
    ids.forEach((id, k) => [2001, 2002].forEach((y) => lines.push(`${id},${y},${k + 1 + (y - 2001) * 0.5},${6 - k + (y % 3)}`)));
    lines.push("x9,2001,3,4", "x9,2002,4,5");
    const r = await cli("entropy", "--data", file("ids.csv", lines.join("\n") + "\n"), "--indicators", "a,b", "--id", "code", "--time", "year", "--json");
    const got = [...new Set(expectOk(r) && r.json().scores.map((s: { id: string }) => s.id))];
    expect(got).toEqual([...ids, "x9"]);
  });

  test("leading-zero ids after plain numbers keep every id as written", () => {
    const t = parseCsvTable("id,x\n10,1\n11,2\n007,3\n", { file: "z.csv" });
    expect(labelColumn(t, "id")).toEqual(["10", "11", "007"]);
    expect(Array.from(numericColumn(t, "x"))).toEqual([1, 2, 3]);
  });
});

describe("where filters naming awkward columns", () => {
  const header = ["firm", "year", "inv", "gdp pc", "R&D经费投入强度"];
  const awkward = () => file("where.csv", grunfeldText(",", header));
  const fit = (p: string, where: string, ...extra: string[]) => cli("panel", "--data", p, "--formula", "inv ~ `gdp pc` + `R&D经费投入强度`", "--id", "firm", "--time", "year", "--where", where, "--json", ...extra);

  test("'&' inside a name is part of it (R&D…), not 'and'", async () => {
    const p = awkward();
    const r = await fit(p, "R&D经费投入强度>100");
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--where", "capital>100", "--json");
    expect(expectOk(r) && r.json().nobs).toBe(plain.json().nobs);
    expect(r.json().params["gdp pc"]).toBe(plain.json().params.value);
  });

  test("a backticked name with a space, combined with '&'", async () => {
    const r = await fit(awkward(), "`gdp pc` > 1000 & firm<=5");
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--where", "value>1000 and firm<=5", "--json");
    expect(expectOk(r) && r.json().nobs).toBe(plain.json().nobs);
  });

  test("a name with parentheses needs no backticks", async () => {
    const p = file("where-paren.csv", grunfeldText(",", ["firm", "year", "inv", "地区生产总值(亿元)", "capital"]));
    const r = await cli("panel", "--data", p, "--formula", "inv ~ `地区生产总值(亿元)` + capital", "--id", "firm", "--time", "year", "--where", "地区生产总值(亿元)>1000", "--json");
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--where", "value>1000", "--json");
    expect(expectOk(r) && r.json().nobs).toBe(plain.json().nobs);
  });

  test("a spaced name without backticks: refused suggesting them", async () => {
    expectRefused(await fit(awkward(), "gdp pc > 1000"), /cannot read 'gdp pc > 1000'.*a column name with spaces goes in backticks/);
  });

  test("a column the data do not have: refused listing the columns", async () => {
    expectRefused(await fit(awkward(), "regoin=East"), /Subsample 'regoin=East': there is no column 'regoin'\. .*Columns: firm, year, inv, gdp pc, R&D经费投入强度/);
    expectRefused(await fit(awkward(), "regoin=East", "--lang", "zh"), /子样本条件 'regoin=East'：没有列 'regoin'。/);
  });

  test("a mixed column of a decimal-comma file compares by its decimal mark", () => {
    const t = parseCsvTable("id;x\n1;1,5\n2;2,5\n3;—\n", { file: "w.csv" });
    expect(Array.from(whereMask(t, "x in (1.5, 2.5)"))).toEqual([1, 1, 0]);
  });

  test("table 'by' a column with a space, whose values hold '&'", async () => {
    const lines = readFileSync(fixturePath("grunfeld.csv"), "utf8").trim().split(/\r?\n/);
    const text = [lines[0] + ",firm group", ...lines.slice(1).map((l) => `${l},${Number(l.split(",")[0]) <= 5 ? "East & Coast" : "West"}`)].join("\n") + "\n";
    const data = file("by-space.csv", text);
    const spec = file("by-space.json", JSON.stringify({ data, id: "firm", time: "year", by: "firm group", models: [{ formula: "inv ~ value + capital" }] }));
    const r = await cli("table", spec, "--json");
    const j = expectOk(r) && r.json();
    expect(j.models.map((m: { nobs: number }) => m.nobs)).toEqual([100, 100]);
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), ...model.slice(0, -1), "--where", "firm<=5", "--json");
    expect(j.models[0].params.value).toBe(plain.json().params.value);
  });

  test("clauses split only at '&' / 'and' between comparisons", () => {
    expect(whereClauses("a=1&b=2")).toEqual(["a=1", "b=2"]);
    expect(whereClauses("type = R&D")).toEqual(["type = R&D"]);
    expect(whereClauses("region=East & R&D>1 and year>=2010")).toEqual(["region=East", "R&D>1", "year>=2010"]);
    expect(whereClauses("`x & y` > 2 && b=1")).toEqual(["`x & y` > 2", "b=1"]);
  });

  test("an unknown column in an ECON-style where is an EconError, not a crash", () => {
    const t = parseCsvTable("firm,R&D\n1,2\n2,5\n", { file: "w.csv" });
    expect(refusal(() => whereMask(t, "R&D>3 & nosuch=1")).text.en).toMatch(/there is no column 'nosuch'/);
    expect(Array.from(whereMask(t, "R&D>3"))).toEqual([0, 1]);
  });
});

describe("yearbook headers with units", () => {
  const book = join(DIR, "per-year.xlsx");
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const provinces = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区"];
    for (const year of [2010, 2011, 2012]) {
      const ws = wb.addWorksheet(`${year}年`);
      ws.addRow([`${year}年各地区主要指标`]);
      ws.addRow(["地区", "地区生产总值（亿元）", "人口(万人)", "gdp pc"]);
      provinces.forEach((p, k) => ws.addRow([p, 1000 * (k + 1) + 100 * (year - 2010) + ((k * 37 + year) % 11), 500 + 10 * k + (year - 2010) * (k + 1), 2 + k + 0.1 * ((k + year) % 4)]));
    }
    await wb.xlsx.writeFile(book);
  });

  test("the tidy CSV keeps the full header; label and unit in the JSON report", async () => {
    const out = join(DIR, "per-year-panel.csv");
    const r = await cli("import", book, "--out", out, "--json", "--force");
    const j = expectOk(r) && r.json();
    expect(j.columns).toEqual(["province", "code", "year", "地区生产总值(亿元)", "人口(万人)", "gdp pc"]);
    expect(j.indicators.map((i: { name: string; label?: string; unit?: string }) => [i.name, i.label ?? null, i.unit ?? null])).toEqual([
      ["地区生产总值(亿元)", "地区生产总值", "亿元"],
      ["人口(万人)", "人口", "万人"],
      ["gdp pc", null, null],
    ]);
    expect(readFileSync(out, "utf8").split(/\r?\n/)[0]).toBe("\uFEFFprovince,code,year,地区生产总值(亿元),人口(万人),gdp pc");
  });

  test("the report names each column once, with its unit", async () => {
    const r = await cli("import", book);
    expect(expectOk(r)).toContain("  地区生产总值(亿元): 15/15, nothing missing");
    expect(r.stdout).not.toContain("[亿元]");
  });

  test("the imported panel runs with the names in backticks, and a where on them", async () => {
    const out = join(DIR, "per-year-panel2.csv");
    expectOk(await cli("import", book, "--out", out, "--force"));
    const r = await cli("panel", "--data", out, "--formula", "`地区生产总值(亿元)` ~ `人口(万人)` + `gdp pc`", "--id", "province", "--time", "year", "--where", "人口(万人) >= 500", "--json");
    const j = expectOk(r) && r.json();
    expect(j.nobs).toBe(15);
    expect(Object.keys(j.params)).toEqual(expect.arrayContaining(["人口(万人)", "gdp pc"]));
    expect(Number.isFinite(j.params["人口(万人)"])).toBe(true);
  });

  test("the name without its unit: refused suggesting the imported name", async () => {
    const out = join(DIR, "per-year-panel4.csv");
    expectOk(await cli("import", book, "--out", out, "--force"));
    const r = await cli("describe", "--data", out, "--vars", "地区生产总值");
    expectRefused(r, /Unknown variable '地区生产总值'\. Did you mean '地区生产总值\(亿元\)' \(the name with its unit\)\?/);
    expectRefused(await cli("describe", "--data", out, "--vars", "地区生产总值", "--lang", "zh"), "您是想用 '地区生产总值(亿元)'（带单位的名称）吗？");
  });

  test("without backticks the formula message says how to write the name", async () => {
    const out = join(DIR, "per-year-panel3.csv");
    expectOk(await cli("import", book, "--out", out, "--force"));
    expectRefused(await cli("panel", "--data", out, "--formula", "地区生产总值(亿元) ~ `gdp pc`", "--id", "province", "--time", "year"), "`地区生产总值(亿元)`");
  });
});

describe("awkward names through the pane's drafts and the spec runner", () => {
  const grid = syntheticGrid();
  const renamed: Record<string, string> = { hq: "地区生产总值(亿元)", fi: "fi index", urb: "R&D (%)" };
  const awkwardGrid = [grid[0].map((h) => renamed[String(h)] ?? h), ...grid.slice(1)];
  const plainVars = { y: "hq", x: ["fi"], controls: ["urb"], mediators: [] };
  const awkwardVars = { y: renamed.hq, x: [renamed.fi], controls: [renamed.urb], mediators: [] };
  const run = (g: typeof grid, vars: typeof plainVars) => {
    const tables = (["baseline", "robustness", "heterogeneity"] as const).map((p) => draftToSpec({ ...presetDraft(p, vars, "en"), vcov: "cluster" }, "en"));
    return runAnalysis(tableFromGrid(g), parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" }, tables }));
  };

  test("drafts quote the names in their formulas and read them back without backticks", () => {
    const spec = draftToSpec({ ...presetDraft("baseline", awkwardVars, "en"), vcov: "cluster" }, "en");
    expect(spec.type === "regression" && spec.models.map((m) => m.formula)).toEqual(["`地区生产总值(亿元)` ~ `fi index`", "`地区生产总值(亿元)` ~ `fi index` + `R&D (%)`"]);
    expect(specToDraft(spec)).toMatchObject({ y: "地区生产总值(亿元)", x: ["fi index"], controls: ["R&D (%)"] });
  });

  test("baseline, lagged robustness and the group difference give the plain names' numbers", () => {
    const plain = run(grid, plainVars);
    const awkward = run(awkwardGrid, awkwardVars);
    const coefs = (r: ReturnType<typeof run>) =>
      r.tables.flatMap((t) => (t.kind === "regression" ? [...t.models.map((m) => Object.values(m.params)), ...(t.differences ?? []).map((d) => [d.difference, d.se])] : []));
    expect(coefs(awkward)).toEqual(coefs(plain));
    const lagged = awkward.tables[1].kind === "regression" ? awkward.tables[1].models[1] : undefined;
    expect(Object.keys(lagged!.params)).toEqual(expect.arrayContaining(["lag(fi index,1)", "lag(R&D (%),1)"]));
  });

  test("lagFormula keeps backticked names whole", () => {
    expect(lagFormula("`地区生产总值(亿元)` ~ `gdp pc` + z", "all")).toBe("`地区生产总值(亿元)` ~ lag(`gdp pc`,1) + lag(z,1)");
    expect(lagFormula("`y y` ~ `gdp pc` + z", "first")).toBe("`y y` ~ lag(`gdp pc`,1) + z");
  });
});
