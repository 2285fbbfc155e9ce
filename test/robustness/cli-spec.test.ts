/**
 * Spec files as users write them: wrong types, typos, out-of-range counts, missing files. The
 * analysis spec (`econsheet run`) and the table spec (`econsheet table`) are checked against
 * their JSON Schema before anything runs; every problem is one line naming its JSON path.
 */
import { existsSync } from "fs";
import { join } from "path";
import { cli } from "../helpers/cli";
import { expectOk, expectRefused, scratch, standardFiles, subdir, writeText } from "./lib/robust";
import { specProblems } from "../../src/core/spec/validate-spec";

const dir = scratch("spec");
beforeAll(async () => {
  await standardFiles(dir);
});

type Json = Record<string, unknown>;
const analysis = (over: Json = {}): Json => ({
  schema: "econsheet.analysis", version: 1, data: { workbook: "panel.xlsx", id: "province", time: "year" },
  tables: [{ type: "regression", title: "T5", models: [{ formula: "y ~ x" }] }],
  ...over,
});
const table = (t: Json) => analysis({ tables: [t] });
const reg = (m: Json) => table({ type: "regression", title: "T5", models: [{ formula: "y ~ x", ...m }] });
const med = (m: Json) => table({ type: "mediation", title: "T6", y: "y", x: "x", mediators: ["x"], ...m });
const het = (m: Json) => table({ type: "heterogeneity", title: "T8", base: { formula: "y ~ x" }, groups: "region4", ...m });
const didT = (m: Json) => table({ type: "did", title: "T9", y: "y", treatedUnits: ["北京"], firstYear: 2012, ...m });
const index = (m: Json) => analysis({ indices: [{ name: "ix", groups: [{ name: "g", indicators: [{ name: "y" }] }], ...m }] });

const ANALYSIS_CASES: [string, Json, RegExp][] = [
  ["groups: \"region5\"", het({ groups: "region5" }), /tables\[0\]\.groups: must be "region4", "southnorth", or a list of groups/],
  ["members: \"a,b\"", het({ groups: [{ name: "A", members: "a,b" }] }), /tables\[0\]\.groups\[0\]\.members: must be a list of column names.*got 'a,b'/],
  ["compare: \"East\"", het({ compare: "East" }), /tables\[0\]\.compare: must be two group names.*got 'East'/],
  ["compare with three names", het({ compare: ["a", "b", "c"] }), /tables\[0\]\.compare: must list at most 2/],
  ["formula: 5", reg({ formula: 5 }), /tables\[0\]\.models\[0\]\.formula: must be a formula like 'y ~ x1 \+ x2'; got 5/],
  ["formula without ~", reg({ formula: "y x" }), /tables\[0\]\.models\[0\]\.formula: 'y x' must be a formula like/],
  ["periods: 3", index({ periods: 3 }), /indices\[0\]\.periods: must be text such as/],
  ["workbook: 123", analysis({ data: { workbook: 123 } }), /data\.workbook: must be a file name \(text\), relative to the spec's folder; got 123/],
  ["modles at a table", table({ type: "regression", title: "T5", modles: [{ formula: "y ~ x" }] }), /tables\[0\]: unknown key 'modles'\. Did you mean 'models'\?/],
  ["tables[].models missing, no typo", table({ type: "regression", title: "T5" }), /tables\[0\]\.models: is required \(a list of models/],
  ["tabels at the root", analysis({ tabels: [] }), /\(root\): unknown key 'tabels'\. Did you mean 'tables'\?/],
  ["indice at the root", analysis({ indice: [] }), /Did you mean 'indices'\?/],
  ["bootstrap -5", med({ bootstrap: -5 }), /tables\[0\]\.bootstrap: -5 must be a whole number ≥ 0/],
  ["bootstrap \"abc\"", med({ bootstrap: "abc" }), /tables\[0\]\.bootstrap: must be a whole number; got 'abc'/],
  ["bootstrap 2.5", med({ bootstrap: 2.5 }), /tables\[0\]\.bootstrap: 2\.5 must be a whole number \(no decimals\)/],
  ["bootstrap 1e8", med({ bootstrap: 1e8 }), /tables\[0\]\.bootstrap: 100000000 is too large: at most 100,000 replications/],
  ["bootstrap true", med({ bootstrap: true }), /tables\[0\]\.bootstrap: must be a whole number; got true/],
  ["seed 1.5", med({ seed: 1.5 }), /tables\[0\]\.seed: must be a whole number \(the random seed\); got 1\.5/],
  ["placebo.seed \"x\"", didT({ placebo: { permutations: 5, seed: "x" } }), /tables\[0\]\.placebo\.seed: must be a whole number \(the random seed\); got 'x'/],
  ["mediators: \"m\"", med({ mediators: "m" }), /tables\[0\]\.mediators: must be a list of column names/],
  ["mediators: []", med({ mediators: [] }), /tables\[0\]\.mediators: must list at least 1/],
  ["mediation without y", table({ type: "mediation", title: "T6", x: "x", mediators: ["m"] }), /tables\[0\]\.y: is required/],
  ["vcov: \"white\" on an analysis model", reg({ vcov: "white" }), /tables\[0\]\.models\[0\]\.vcov: 'white' is not one of classical, robust, cluster/],
  ["effect: 2", reg({ effect: 2 }), /tables\[0\]\.models\[0\]\.effect: 2 is not one of individual, time, twoways/],
  ["models: {}", table({ type: "regression", title: "T5", models: {} }), /tables\[0\]\.models: must be a list of models/],
  ["models: []", table({ type: "regression", title: "T5", models: [] }), /tables\[0\]\.models: must list at least 1/],
  ["title missing", table({ type: "regression", models: [{ formula: "y ~ x" }] }), /tables\[0\]\.title: is required/],
  ["title empty", table({ type: "regression", title: "", models: [{ formula: "y ~ x" }] }), /tables\[0\]\.title: must not be empty/],
  ["type missing", table({ title: "x" }), /tables\[0\]\.type: is required: one of descriptive, regression/],
  ["type unknown", table({ type: "anova", title: "x" }), /tables\[0\]\.type: 'anova' is not one of descriptive/],
  ["tables: {}", analysis({ tables: {} }), /tables: must be a list/],
  ["tables entry a string", analysis({ tables: ["T5"] }), /tables\[0\]/],
  ["vars: \"y,x\"", table({ type: "descriptive", title: "T4", vars: "y,x" }), /tables\[0\]\.vars: must be a list of column names/],
  ["vars: [1, 2]", table({ type: "descriptive", title: "T4", vars: [1, 2] }), /tables\[0\]\.vars\[0\]: must be a column name \(text\); got 1/],
  ["variants: \"lag\"", table({ type: "robustness", title: "T7", base: { formula: "y ~ x" }, variants: "lag" }), /tables\[0\]\.variants: must be a list/],
  ["variants: [\"lead\"]", table({ type: "robustness", title: "T7", base: { formula: "y ~ x" }, variants: ["lead"] }), /tables\[0\]\.variants\[0\]: 'lead' is not one of lag, lagx, re/],
  ["base missing", table({ type: "robustness", title: "T7", variants: ["lag"] }), /tables\[0\]\.base: is required/],
  ["base.formul", table({ type: "robustness", title: "T7", base: { formul: "y ~ x" }, variants: ["lag"] }), /tables\[0\]\.base: unknown key 'formul'\. Did you mean 'formula'\?/],
  ["firstYear 2012.5", didT({ firstYear: 2012.5 }), /tables\[0\]\.firstYear: 2012\.5 must be a whole number|tables\[0\]\.firstYear: must be a year/],
  ["firstYear \"2012\"", didT({ firstYear: "2012" }), /tables\[0\]\.firstYear: must be a year such as 2013; got '2012'/],
  ["treatedUnits: \"北京\"", didT({ treatedUnits: "北京" }), /tables\[0\]\.treatedUnits: must be a list of column names/],
  ["eventStudy.leads 1e9", didT({ eventStudy: { leads: 1e9 } }), /tables\[0\]\.eventStudy\.leads: 1000000000 must be a whole number ≥ 1 and ≤ 1,000/],
  ["eventStudy.leads 0", didT({ eventStudy: { leads: 0 } }), /tables\[0\]\.eventStudy\.leads: 0 must be a whole number ≥ 1/],
  ["eventStudy.lags -1", didT({ eventStudy: { lags: -1 } }), /tables\[0\]\.eventStudy\.lags: -1 must be a whole number ≥ 0/],
  ["eventStudy.reference 1.5", didT({ eventStudy: { reference: 1.5 } }), /tables\[0\]\.eventStudy\.reference: 1\.5 must be a whole number/],
  ["eventStudy: true", didT({ eventStudy: true }), /tables\[0\]\.eventStudy: must be an object/],
  ["placebo.permutations 2.5", didT({ placebo: { permutations: 2.5 } }), /tables\[0\]\.placebo\.permutations: 2\.5 must be a whole number/],
  ["placebo.permutations 1e6", didT({ placebo: { permutations: 1e6 } }), /tables\[0\]\.placebo\.permutations: 1000000 is too large: at most 100,000 replications/],
  ["placebo.permutation", didT({ placebo: { permutation: 10 } }), /tables\[0\]\.placebo: unknown key 'permutation'\. Did you mean 'permutations'\?/],
  ["placebo: 500", didT({ placebo: 500 }), /tables\[0\]\.placebo: must be an object/],
  ["did treatment two ways", didT({ treat: "d" }), /tables\[0\]: give the treatment in exactly one way/],
  ["shift -1", index({ shift: -1 }), /indices\[0\]\.shift: -1 must be a number ≥ 0/],
  ["shift \"small\"", index({ shift: "small" }), /indices\[0\]\.shift: must be a number; got 'small'/],
  ["mode \"annual\"", index({ mode: "annual" }), /indices\[0\]\.mode: 'annual' is not one of pooled, year, periods/],
  ["direction \"up\"", analysis({ indices: [{ name: "ix", groups: [{ name: "g", indicators: [{ name: "y", direction: "up" }] }] }] }), /indices\[0\]\.groups\[0\]\.indicators\[0\]\.direction: 'up' is not one of \+, -/],
  ["indicators: [\"y\"]", analysis({ indices: [{ name: "ix", groups: [{ name: "g", indicators: ["y"] }] }] }), /indices\[0\]\.groups\[0\]\.indicators\[0\]: must be an object/],
  ["groups: \"g\"", index({ groups: "g" }), /indices\[0\]\.groups: must be a list of level-2 groups/],
  ["aboveMean: \"yes\"", index({ aboveMean: "yes" }), /indices\[0\]\.aboveMean: must be true or false; got 'yes'/],
  ["index name missing", analysis({ indices: [{ groups: [{ name: "g", indicators: [{ name: "y" }] }] }] }), /indices\[0\]\.name: is required/],
  ["data.interpolate \"no\"", analysis({ data: { workbook: "panel.xlsx", interpolate: "no" } }), /data\.interpolate: must be true or false/],
  ["data.sheets \"Panel\"", analysis({ data: { workbook: "panel.xlsx", sheets: "Panel" } }), /data\.sheets: must be a list/],
  ["data.file", analysis({ data: { file: "panel.xlsx" } }), /data: unknown key 'file'/],
  ["data missing", { schema: "econsheet.analysis", version: 1 }, /data: is required/],
  ["schema wrong", analysis({ schema: "econsheet" }), /schema: must be "econsheet\.analysis"/],
  ["version 2", analysis({ version: 2 }), /version 2 is not supported/],
  ["lang \"fr\"", analysis({ lang: "fr" }), /lang: 'fr' is not one of en, zh/],
  ["rename values", reg({}) && table({ type: "regression", title: "T5", models: [{ formula: "y ~ x" }], rename: { x: 5 } }), /tables\[0\]\.rename\.x: must be text; got 5/],
];

describe("analysis spec through econsheet run", () => {
  test.each(ANALYSIS_CASES)("%s", async (name, json, msg) => {
    const spec = writeText(dir, `a-${name.replace(/\W+/g, "_")}.json`, JSON.stringify(json));
    const out = join(dir, `a-${name.replace(/\W+/g, "_")}.xlsx`);
    const r = await cli("run", spec, "--out", out);
    expectRefused(r, msg);
    expect(r.stderr).toContain(spec);
    // Checked before anything runs: nothing was read or written.
    expect(r.stderr).not.toMatch(/\[1\] reading/);
    expect(existsSync(out)).toBe(false);
  });
});

test("a typo is not reported a second time as the missing key it misspells", () => {
  const problems = specProblems(table({ type: "regression", title: "T5", modles: [{ formula: "y ~ x" }] }), "analysis");
  expect(problems.map((p) => p.path)).toEqual(["tables[0]"]);
  expect(problems[0].text.en).toMatch(/unknown key 'modles'\. Did you mean 'models'\?/);
});

test("several problems are reported together, one line each", () => {
  const problems = specProblems(analysis({ data: { workbook: 123 }, tables: [{ type: "mediation", title: "m", y: "y", x: 1, mediators: "m", bootstrap: -5 }] }), "analysis");
  expect(problems.map((p) => p.path)).toEqual(["data.workbook", "tables[0].x", "tables[0].mediators", "tables[0].bootstrap"]);
});

test("messages in Chinese name the same path", async () => {
  const spec = writeText(dir, "zh.json", JSON.stringify(het({ groups: "region5" })));
  expectRefused(await cli("run", spec, "--out", join(dir, "zh.xlsx"), "--lang", "zh"), /分析设定 .*zh\.json tables\[0\]\.groups：应为"region4"、"southnorth"，或分组列表/);
});

const tableSpec = (over: Json = {}): Json => ({ data: "grunfeld.csv", id: "firm", time: "year", models: [{ formula: "inv ~ value + capital" }], ...over });

const TABLE_CASES: [string, Json, RegExp][] = [
  ["models: \"inv ~ value\"", tableSpec({ models: "inv ~ value" }), /models: must be a list of models/],
  ["modles", { ...tableSpec(), modles: [] }, /\(root\): unknown key 'modles'\. Did you mean 'models'\?/],
  ["digits 200", tableSpec({ digits: 200 }), /digits: 200 must be a whole number ≥ 0 and ≤ 10/],
  ["digits -1", tableSpec({ digits: -1 }), /digits: -1 must be a whole number ≥ 0/],
  ["digits \"abc\"", tableSpec({ digits: "abc" }), /digits: must be a whole number; got 'abc'/],
  ["digits 2.5", tableSpec({ digits: 2.5 }), /digits: 2\.5 must be a whole number/],
  ["id: 5", tableSpec({ id: 5 }), /id: must be a column name \(text\); got 5/],
  ["data: 123", tableSpec({ data: 123 }), /data: must be a file name/],
  ["time missing", { data: "grunfeld.csv", id: "firm", models: [{ formula: "inv ~ value" }] }, /time: is required/],
  ["under \"p\"", tableSpec({ under: "p" }), /under: 'p' is not one of se, t/],
  ["lang \"fr\"", tableSpec({ lang: "fr" }), /lang: 'fr' is not one of en, zh/],
  ["formula: 5", tableSpec({ models: [{ formula: 5 }] }), /models\[0\]\.formula: must be a formula/],
  ["formul", tableSpec({ models: [{ formul: "inv ~ value" }] }), /models\[0\]: unknown key 'formul'\. Did you mean 'formula'\?/],
  ["models: []", tableSpec({ models: [] }), /models: must list at least 1/],
  ["starLevels [5]", tableSpec({ starLevels: [5] }), /starLevels\[0\]: 5 must be a number > 0 and < 1/],
  ["by: [\"a\"]", tableSpec({ by: ["a"] }), /by: must be a column name \(text\)/],
  ["terms: \"value\"", tableSpec({ terms: "value" }), /terms: must be a list of column names/],
  ["constant: \"no\"", tableSpec({ constant: "no" }), /constant: must be true or false/],
  ["level 95 in a model", tableSpec({ models: [{ formula: "inv ~ value", level: 95 }] }), /models\[0\]\.level: 95 must be a number > 0 and < 1/],
  ["root is a list", [] as unknown as Json, /\(root\): must be an object/],
];

describe("table spec through econsheet table", () => {
  test.each(TABLE_CASES)("%s", async (name, json, msg) => {
    const spec = writeText(dir, `t-${name.replace(/\W+/g, "_")}.json`, JSON.stringify(json));
    const r = await cli("table", spec);
    expectRefused(r, msg);
    expect(r.stderr).toMatch(/Table spec .*t-/);
    expect(r.stdout).toBe("");
  });

  test("a valid table spec runs, and names the data file it resolved", async () => {
    const spec = writeText(dir, "t-ok.json", JSON.stringify(tableSpec({ digits: 4 })));
    const r = await cli("table", spec);
    expect(expectOk(r)).toMatch(/value/);
    expect(r.stderr).toContain(join(dir, "grunfeld.csv"));
  });
});

describe("spec files that cannot be read", () => {
  test.each([
    ["missing", () => join(dir, "nope.json"), /nope\.json: spec file not found/],
    ["a folder", () => subdir(dir, "folder.json"), /folder\.json is a folder; give the spec's \.json file/],
    ["not JSON", () => writeText(dir, "bad.json", "{ schema: econsheet }"), /bad\.json: not valid JSON/],
    ["empty", () => writeText(dir, "empty.json", ""), /empty\.json: not valid JSON/],
    ["truncated", () => writeText(dir, "trunc.json", JSON.stringify(analysis()).slice(0, 40)), /trunc\.json: not valid JSON/],
    ["null", () => writeText(dir, "null.json", "null"), /\(root\): must be an object/],
    ["a number", () => writeText(dir, "num.json", "42"), /\(root\): must be an object/],
  ])("run: %s", async (_n, make, msg) => {
    expectRefused(await cli("run", make(), "--out", join(dir, "never.xlsx")), msg);
  });

  test.each([
    ["missing", () => join(dir, "nope-t.json"), /nope-t\.json: spec file not found/],
    ["not JSON", () => writeText(dir, "bad-t.json", "[1,"), /bad-t\.json: not valid JSON/],
  ])("table: %s", async (_n, make, msg) => {
    expectRefused(await cli("table", make()), msg);
  });

  test("$comment and $schema (for an editor's completion) are allowed at the root", async () => {
    const spec = writeText(dir, "dollar.json", JSON.stringify(analysis({ $schema: "./analysis.schema.json", $comment: "notes" })));
    expectOk(await cli("run", spec, "--out", join(dir, "dollar.xlsx")));
  });

  test("a spec saved with a byte-order mark (Windows Notepad) reads", async () => {
    const spec = writeText(dir, "bom.json", "\uFEFF" + JSON.stringify(analysis()));
    expectOk(await cli("run", spec, "--out", join(dir, "bom.xlsx")));
  });
});

describe("sheets of the spec's workbook", () => {
  test("run --sheet reads that sheet; a sheet that does not exist is named with the list", async () => {
    const spec = writeText(dir, "sheet.json", JSON.stringify(analysis()));
    expectOk(await cli("run", spec, "--out", join(dir, "sheet-ok.xlsx"), "--sheet", "Panel"));
    expectRefused(await cli("run", spec, "--out", join(dir, "sheet-bad.xlsx"), "--sheet", "Panle"), /no sheet named 'Panle' \(data\.sheets or --sheet\)\. Sheets: Panel/);
  });

  test("data.sheets naming a missing sheet is refused", async () => {
    const spec = writeText(dir, "sheets.json", JSON.stringify(analysis({ data: { workbook: "panel.xlsx", sheets: ["面板"] } })));
    expectRefused(await cli("run", spec, "--out", join(dir, "sheets.xlsx")), /no sheet named '面板'/);
  });

  test("run --sheet with CSV data is refused", async () => {
    const spec = writeText(dir, "csvsheet.json", JSON.stringify(analysis({ data: { workbook: "grunfeld.csv", id: "firm", time: "year" }, tables: [{ type: "descriptive", title: "T", vars: ["inv"] }] })));
    expectRefused(await cli("run", spec, "--out", join(dir, "csvsheet.xlsx"), "--sheet", "x"), /--sheet 'x': .* drop --sheet/);
  });
});

describe("paths inside a spec resolve relative to the spec's folder", () => {
  test("run: data.workbook ../panel.xlsx from a sub-folder, named in the progress output", async () => {
    const sub = subdir(dir, "specs");
    const spec = writeText(sub, "study.json", JSON.stringify(analysis({ data: { workbook: "../panel.xlsx", id: "province", time: "year" } })));
    const r = await cli("run", spec, "--out", join(dir, "rel.xlsx"));
    expectOk(r);
    expect(r.stderr).toContain(`[1] reading ${join(dir, "panel.xlsx")} (data.workbook of ${spec})`);
  });

  test("run: a data.workbook that does not exist is named with the resolved path", async () => {
    const sub = subdir(dir, "specs2");
    const spec = writeText(sub, "study.json", JSON.stringify(analysis({ data: { workbook: "panel.xlsx" } })));
    expectRefused(await cli("run", spec, "--out", join(dir, "rel2.xlsx")), `${join(sub, "panel.xlsx")}: file not found`);
  });

  test("table: data relative to the spec", async () => {
    const sub = subdir(dir, "specs3");
    const spec = writeText(sub, "t.json", JSON.stringify(tableSpec({ data: "../grunfeld.csv" })));
    const r = await cli("table", spec, "--csv");
    expectOk(r);
    expect(r.stderr).toContain(`reading ${join(dir, "grunfeld.csv")} ("data" of ${spec})`);
  });
});
