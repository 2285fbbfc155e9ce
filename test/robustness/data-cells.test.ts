/**
 * Awkward cells and shapes through the CLI: numbers beyond double precision, magnitudes whose
 * squares overflow, column names that need backticks, header-only files, ragged lines, quoted
 * fields, ids with leading zeros. Each asserts a correct result (against the plain file) or a
 * message that names the place, in English and Chinese.
 */
import fc from "fast-check";
import { cli } from "../helpers/cli";
import { fixturePath } from "../helpers/fixtures";
import { file, grunfeldText } from "./data-files";
import { parseCsvTable } from "../../src/core/data/csv/parse-csv";
import { numericColumn, labelColumn, tableFromGrid } from "../../src/core/data/data-table";

const base = ["--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json"];

/** Grunfeld with one cell replaced: data line `line` (header = line 1), column `col`. */
function withCell(line: number, col: number, text: string): string {
  const lines = grunfeldText().trim().split("\r\n");
  const cells = lines[line - 1].split(",");
  cells[col] = text;
  lines[line - 1] = cells.join(",");
  return lines.join("\n") + "\n";
}

function noCrash(stderr: string) {
  expect(stderr).not.toMatch(/internal error|RangeError|TypeError|\.ts:\d+/);
}

describe("numbers outside double precision", () => {
  test("1e309 is refused at its cell, with firm and year", async () => {
    const r = await cli("panel", "--data", file("inf.csv", withCell(6, 3, "1e309")), ...base);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Column 'value' row 6 (1, 1939): 1e309 is outside the range of double-precision numbers");
    noCrash(r.stderr);
  });

  test("-1e400 in describe, in Chinese", async () => {
    const r = await cli("describe", "--data", file("ninf.csv", withCell(3, 2, "-1e400")), "--lang", "zh");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("列 'inv' 第 3 行");
    expect(r.stderr).toContain("超出双精度数值的范围");
  });

  test("a value of 1e200 in a regressor is refused naming the cell and a rescaling, not dropped as 'does not vary'", async () => {
    const r = await cli("panel", "--data", file("huge.csv", withCell(10, 4, "1e200")), ...base);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Column 'capital' row 10 \(1, 1943\): 1e\+200 is too large.*Rescale the column/);
    expect(r.stderr).not.toMatch(/does not vary/);
  });

  test("values near 1e307: describe prints a mean and SD (with a note), never null", async () => {
    const csv = "id,x\n1,1e307\n2,-1e307\n3,5e306\n4,1e307\n";
    const r = await cli("describe", "--data", file("e307.csv", csv), "--json");
    expect(r.code).toBe(0);
    const v = r.json().variables.find((x: { name: string }) => x.name === "x"); // mean = (1 − 1 + 0.5 + 1)e307 / 4
    expect(v.mean / 1e306).toBeCloseTo(3.75, 10);
    const sd = Math.sqrt([1e307, -1e307, 5e306, 1e307].map((x) => ((x - 3.75e306) / 1e306) ** 2).reduce((a, b) => a + b) / 3) * 1e306;
    expect(v.sd / sd).toBeCloseTo(1, 12);
    expect(r.json().notes.join(" ")).toMatch(/x: values up to 1\.00e\+307; the statistics were computed on x \/ 2\^\d+ and scaled back/);
  });

  test("entropy with an indicator at ±1e308: the same weights as the indicator divided by 1e300", async () => {
    const rows = ["id,year,a,b"];
    const rowsScaled = ["id,year,a,b"];
    const a = [1e308, -1e308, 5e307, -3e307, 0, 7e307];
    const b = [3, 1, 4, 1, 5, 9];
    a.forEach((v, i) => {
      rows.push(`${i + 1},2000,${v},${b[i]}`);
      rowsScaled.push(`${i + 1},2000,${v / 1e300},${b[i]}`);
    });
    const r1 = await cli("entropy", "--data", file("ent308.csv", rows.join("\n")), "--indicators", "a,b", "--id", "id", "--time", "year", "--json");
    const r2 = await cli("entropy", "--data", file("ent8.csv", rowsScaled.join("\n")), "--indicators", "a,b", "--id", "id", "--time", "year", "--json");
    expect(r1.code).toBe(0);
    const w1 = r1.json().weights, w2 = r2.json().weights;
    expect(w1.a).toBeGreaterThan(0);
    expect(w1.a / w2.a).toBeCloseTo(1, 12);
    expect(w1.b / w2.b).toBeCloseTo(1, 12);
  });
});

describe("column names that need backticks", () => {
  test("`地区生产总值(亿元)` ~ `gdp pc` + `资本 存量`: same as plain names", async () => {
    const p = file("names.csv", grunfeldText(",", ["firm", "year", "地区生产总值(亿元)", "gdp pc", "资本 存量"]));
    const r = await cli("panel", "--data", p, "--formula", "`地区生产总值(亿元)` ~ `gdp pc` + lag(`资本 存量`, 1)", "--id", "firm", "--time", "year", "--json");
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + lag(capital,1)", "--id", "firm", "--time", "year", "--json");
    expect(r.code).toBe(0);
    expect(r.json().params["gdp pc"]).toBe(plain.json().params.value);
    expect(r.json().params["lag(资本 存量,1)"]).toBe(plain.json().params["lag(capital,1)"]);
  });

  test("without backticks the message suggests them", async () => {
    const p = file("names2.csv", grunfeldText(",", ["firm", "year", "inv", "gdp pc", "地区生产总值(亿元)"]));
    const r1 = await cli("panel", "--data", p, "--formula", "inv ~ gdp pc", "--id", "firm", "--time", "year");
    expect(r1.stderr).toContain("goes in backticks: `gdp pc`");
    const r2 = await cli("panel", "--data", p, "--formula", "inv ~ 地区生产总值(亿元)", "--id", "firm", "--time", "year", "--lang", "zh");
    expect(r2.stderr).toContain("请用反引号括起：`地区生产总值(亿元)`");
    const r3 = await cli("panel", "--data", p, "--formula", "inv ~ gdp(pc)", "--id", "firm", "--time", "year");
    expect(r3.stderr).toMatch(/unknown function 'gdp'.*put it in backticks: `gdp\(pc\)`/);
  });

  test("--where with a backticked column name", async () => {
    const p = file("names4.csv", grunfeldText(",", ["firm id", "year", "inv", "value", "capital"]));
    const r = await cli("panel", "--data", p, "--formula", "inv ~ value + capital", "--id", "firm id", "--time", "year", "--where", "`firm id` <= 5", "--json");
    const plain = await cli("panel", "--data", fixturePath("grunfeld.csv"), ...base, "--where", "firm<=5");
    expect(r.code).toBe(0);
    expect(r.json().nobs).toBe(100);
    expect(r.json().params.value).toBe(plain.json().params.value);
    const bad = await cli("panel", "--data", p, "--formula", "inv ~ value", "--id", "firm id", "--time", "year", "--where", "firm id <= 5");
    expect(bad.stderr).toContain("a column name with spaces goes in backticks");
  });

  test("mediation and DID with a spaced name given by flag", async () => {
    const p = file("names3.csv", grunfeldText(",", ["firm", "year", "inv y", "value x", "capital m"]));
    const m = await cli("mediation", "--data", p, "--y", "inv y", "--x", "value x", "--m", "capital m", "--id", "firm", "--time", "year", "--json");
    expect(m.code).toBe(0);
    const d = await cli("did", "--data", p, "--y", "inv y", "--id", "firm", "--time", "year", "--units", "1,2,3", "--first", "1945", "--controls", "value x", "--json");
    expect(d.code).toBe(0);
  });
});

describe("shapes of the file", () => {
  test.each(["panel", "describe", "entropy", "did"])("header only: %s names the file and says there are no data rows", async (cmd) => {
    const p = file("header-only.csv", "firm,year,inv,value,capital\n");
    const args: Record<string, string[]> = {
      panel: base,
      describe: [],
      entropy: ["--indicators", "inv,value", "--id", "firm", "--time", "year"],
      did: ["--y", "inv", "--id", "firm", "--time", "year", "--units", "1", "--first", "1940"],
    };
    const r = await cli(cmd, "--data", p, ...args[cmd]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/header-only\.csv has a header \(firm, year, inv, value, capital\) but no data rows/);
    expect(r.stderr).not.toMatch(/undefined/);
  });

  test("header only, in Chinese", async () => {
    const r = await cli("describe", "--data", file("header-only-zh.csv", "a,b\r\n\r\n"), "--lang", "zh");
    expect(r.stderr).toMatch(/只有表头（a、b），没有数据行/);
  });

  test("an empty file", async () => {
    const r = await cli("describe", "--data", file("empty.csv", ""));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.csv is empty/);
  });

  test("a long ragged row is named by its line, not blamed on the header", async () => {
    const r = await cli("panel", "--data", file("ragged.csv", withCell(7, 4, "52.6,99,100")), ...base);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ragged\.csv line 7: more fields than the header's 5 column names \(field 6 is '99'\)/);
    expect(r.stderr).not.toMatch(/Header row/);
    const zh = await cli("panel", "--data", file("ragged.csv", withCell(7, 4, "52.6,99,100")), ...base, "--lang", "zh");
    expect(zh.stderr).toMatch(/ragged\.csv 第 7 行：字段数多于表头的 5 个列名/);
  });

  test("an Excel range with a stray value right of the header names its row", () => {
    const grid = [["a", "b"], [1, 2], [3, 4, 99], [5, 6]];
    expect(() => tableFromGrid(grid)).toThrow("Column 3 has no name in the header row, but row 3 has a value there ('99')");
    expect(tableFromGrid([["a", "b", null], [1, 2, null], [3, 4, ""]]).names).toEqual(["a", "b"]);
  });

  test("trailing empty fields (Excel pads rows) are accepted", async () => {
    const padded = grunfeldText().trim().split("\r\n").map((l, i) => (i === 0 ? l + ",," : l + ",,")).join("\n");
    const r = await cli("panel", "--data", file("padded.csv", padded), ...base);
    expect(r.code).toBe(0);
  });

  test("a short row reads its missing fields as missing (one fewer observation)", async () => {
    const lines = grunfeldText().trim().split("\r\n");
    lines[4] = lines[4].split(",").slice(0, 3).join(",");
    const r = await cli("panel", "--data", file("short.csv", lines.join("\n")), ...base);
    expect(r.code).toBe(0);
    expect(r.json().nobs).toBe(199);
  });

  test("an unclosed quote is named by its line", async () => {
    const r = await cli("describe", "--data", file("quote.csv", 'a,b\n1,2\n3,"4\n5,6\n'));
    expect(r.stderr).toMatch(/quote\.csv line 3: a double quote opens a field that never closes/);
  });

  test("quoted fields: delimiters, doubled quotes and line breaks inside; quoted numbers are numbers", () => {
    const t = parseCsvTable('id,name,x\n1,"Beijing, 北京","1.5"\n2,"say ""hi""\nthere",2\n3,plain,\n');
    expect(labelColumn(t, "name")).toEqual(["Beijing, 北京", 'say "hi"\nthere', "plain"]);
    expect([...numericColumn(t, "x")]).toEqual([1.5, 2, NaN]);
  });

  test("ids with leading zeros keep their text; NA and . are missing", () => {
    const t = parseCsvTable("code,x\n001,NA\n010,.\n100,3\n", { missingTokens: ["NA", "."] });
    expect(labelColumn(t, "code")).toEqual(["001", "010", "100"]);
    expect([...numericColumn(t, "x")]).toEqual([NaN, NaN, 3]);
  });

  test("a directory as --data", async () => {
    const r = await cli("describe", "--data", __dirname);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a folder, not a data file/);
  });
});

describe("the CSV reader's numbers are exactly JavaScript's Number(text)", () => {
  test("random decimal and exponent texts (property)", () => {
    const numText = fc
      .tuple(fc.constantFrom("", "-", "+"), fc.stringMatching(/^[1-9][0-9]{0,20}$/), fc.option(fc.stringMatching(/^[0-9]{1,20}$/)), fc.option(fc.integer({ min: -330, max: 330 })))
      .map(([s, i, f, e]) => `${s}${i}${f === null ? "" : "." + f}${e === null ? "" : "e" + e}`)
      .filter((s) => Number.isFinite(Number(s))); // ±Infinity texts stay text, to be refused at their cell (tested above)
    fc.assert(
      fc.property(fc.array(numText, { minLength: 1, maxLength: 30 }), (texts) => {
        const t = parseCsvTable("x\n" + texts.join("\n") + "\n");
        const col = t.columns[0];
        if (col.kind !== "number") return false;
        return texts.every((s, i) => Object.is(col.values[i], Number(s)));
      }),
      { numRuns: 300 },
    );
  });
});
