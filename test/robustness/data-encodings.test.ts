/**
 * The data path with files as users' programs save them: GBK (Excel on Chinese Windows),
 * UTF-16 LE/BE (Excel's "Unicode text", tab-delimited), UTF-8 with and without BOM, semicolon
 * and tab delimiters, and the --encoding / --delimiter overrides. Every result is compared with
 * the same data read from the plain UTF-8 comma file (itself checked against R in test/cli).
 */
import { cli } from "../helpers/cli";
import { fixturePath } from "../helpers/fixtures";
import { file, gbk, grunfeldText, utf16 } from "./data-files";

const ZH = ["公司", "年份", "投资", "市值", "资本"];
const zhArgs = ["--formula", "投资 ~ 市值 + 资本", "--id", "公司", "--time", "年份", "--json"];
let reference: Record<string, number>;

beforeAll(async () => {
  const r = await cli("panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year", "--json");
  expect(r.code).toBe(0);
  const p = r.json().params;
  reference = { 市值: p.value, 资本: p.capital };
});

async function panelParams(path: string, ...extra: string[]) {
  const r = await cli("panel", "--data", path, ...zhArgs, ...extra);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.json().params as Record<string, number>;
}

describe("encodings and dialects are detected", () => {
  test.each([
    ["GBK, comma (Excel on Chinese Windows: 'CSV')", () => gbk(grunfeldText(",", ZH))],
    ["GBK, semicolon", () => gbk(grunfeldText(";", ZH))],
    ["UTF-16 LE with BOM, tab (Excel 'Unicode text')", () => utf16(grunfeldText("\t", ZH), "le")],
    ["UTF-16 BE with BOM, tab", () => utf16(grunfeldText("\t", ZH), "be")],
    ["UTF-16 LE without BOM, comma", () => Buffer.from(grunfeldText(",", ZH), "utf16le")],
    ["UTF-8 with BOM, semicolon", () => "\uFEFF" + grunfeldText(";", ZH)],
    ["UTF-8 without BOM, tab", () => grunfeldText("\t", ZH)],
    ["UTF-8, bar", () => grunfeldText("|", ZH)],
  ])("%s: same estimates as the UTF-8 comma file", async (name, make) => {
    const p = await panelParams(file(`enc-${name.replace(/\W+/g, "_")}.csv`, make()));
    expect(p["市值"]).toBe(reference["市值"]);
    expect(p["资本"]).toBe(reference["资本"]);
  });

  test("describe on a GBK file shows the Chinese names, not mojibake", async () => {
    const r = await cli("describe", "--data", file("gbk-describe.csv", gbk(grunfeldText(",", ZH))), "--json");
    expect(r.code).toBe(0);
    expect(r.json().variables.map((v: { name: string }) => v.name)).toEqual(ZH);
  });

  test("--encoding gbk and --delimiter ';' override detection", async () => {
    const p = await panelParams(file("gbk-forced.csv", gbk(grunfeldText(";", ZH))), "--encoding", "gbk", "--delimiter", ";");
    expect(p["市值"]).toBe(reference["市值"]);
  });

  test("--delimiter tab by name", async () => {
    const p = await panelParams(file("tab-forced.txt", grunfeldText("\t", ZH)), "--delimiter", "tab");
    expect(p["资本"]).toBe(reference["资本"]);
  });
});

describe("files that cannot be read are refused with what was tried and the fix", () => {
  test("bytes that are neither UTF-8, UTF-16 nor GB18030", async () => {
    const bad = Uint8Array.from([...Buffer.from("a,b\n1,"), 0x80, 0xff, 0x80, 0x0a]);
    const r = await cli("describe", "--data", file("undecodable.csv", bad));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/undecodable\.csv: cannot read the file as text: tried UTF-8, UTF-16 and GB18030\/GBK/);
    expect(r.stderr).toMatch(/CSV UTF-8 \(Comma delimited\)/);
    expect(r.stderr).toMatch(/--encoding/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  test("the same in Chinese", async () => {
    const r = await cli("describe", "--data", file("undecodable-zh.csv", Uint8Array.from([0x61, 0x0a, 0x80, 0xff])), "--lang", "zh");
    expect(r.stderr).toMatch(/无法按文本读取该文件/);
  });

  test("a file that is not valid in the --encoding named", async () => {
    const r = await cli("describe", "--data", file("not-utf16.csv", gbk(grunfeldText(",", ZH))), "--encoding", "utf-8");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid utf-8 text \(--encoding utf-8\)/);
  });

  test("an unknown --encoding", async () => {
    const r = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--encoding", "klingon");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--encoding klingon: unknown encoding/);
  });

  test("a --delimiter that is not one character", async () => {
    const r = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--delimiter", "ab");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--delimiter ab: give one character/);
  });

  test("--encoding without a value", async () => {
    const r = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--encoding");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--encoding needs a value/);
  });
});
