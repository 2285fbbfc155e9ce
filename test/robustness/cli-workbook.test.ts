/**
 * Workbooks a user brings: a renamed CSV, an empty, truncated or damaged file, a folder, an old
 * .xls, a Word document, a zip bomb, sheet names Excel forbids. Every command that reads a
 * workbook (describe/panel/did --data, import, run) gives "FILE is not a readable Excel workbook
 * (reason); save it again from Excel as .xlsx", never a raw ExcelJS/JSZip/EISDIR error.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cli } from "../helpers/cli";
import { fixturePath } from "../helpers/fixtures";
import { expectOk, expectRefused, scratch, standardFiles, subdir, writeText } from "./lib/robust";
import { workbookBytes } from "../../src/cli/workbook-file";
import { EconError } from "../../src/core/errors";

const dir = scratch("workbook");
let good: string;
const bad: Record<string, string> = {};

/** Patches the uncompressed-size field of one entry in the zip's central directory (a zip bomb's header). */
function claimSize(buf: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(buf);
  for (let p = out.length - 22; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x06054b50) continue;
    let q = out.readUInt32LE(p + 16);
    const n = out.readUInt16LE(p + 10);
    for (let k = 0; k < n; k++) {
      const nameLen = out.readUInt16LE(q + 28);
      const name = out.toString("utf8", q + 46, q + 46 + nameLen);
      if (name === entry) out.writeUInt32LE(size, q + 24);
      q += 46 + nameLen + out.readUInt16LE(q + 30) + out.readUInt16LE(q + 32);
    }
    return out;
  }
  throw new Error("no central directory");
}

async function renameSheet(src: Buffer, from: string, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(src);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", xml.replace(`name="${from}"`, `name="${to.replace(/&/g, "&amp;")}"`));
  return zip.generateAsync({ type: "nodebuffer" });
}

beforeAll(async () => {
  const f = await standardFiles(dir);
  good = f.xlsx;
  const bytes = readFileSync(good);
  bad.renamedCsv = writeText(dir, "renamed.xlsx", readFileSync(f.csv));
  bad.gbkCsv = writeText(dir, "gbk.xlsx", Buffer.from([0xca, 0xa1, 0xb7, 0xdd, 0x2c, 0xc4, 0xea, 0x0a, 0xb1, 0xb1, 0x2c, 0x31]));
  bad.empty = writeText(dir, "empty.xlsx", "");
  bad.truncated = writeText(dir, "truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)));
  bad.truncatedEnd = writeText(dir, "truncated-end.xlsx", bytes.subarray(0, bytes.length - 10));
  const corrupted = Buffer.from(bytes);
  for (let i = 200; i < corrupted.length - 200; i += 7) corrupted[i] ^= 0x5a;
  bad.corrupted = writeText(dir, "corrupted.xlsx", corrupted);
  // Damage inside the compressed parts only: the zip directory reads, the contents do not inflate.
  const inner = Buffer.from(bytes);
  for (let i = Math.floor(bytes.length * 0.3); i < Math.floor(bytes.length * 0.6); i += 5) inner[i] ^= 0xff;
  bad.innerDamage = writeText(dir, "inner.xlsx", inner);
  bad.folder = subdir(dir, "folder.xlsx");
  bad.xls = writeText(dir, "old.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
  bad.binary = writeText(dir, "random.xlsx", Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 37 + 11) % 256)));
  const docx = new JSZip();
  docx.file("[Content_Types].xml", "<Types/>");
  docx.file("word/document.xml", "<w:document/>");
  bad.docx = writeText(dir, "report.xlsx", await docx.generateAsync({ type: "nodebuffer" }));
  bad.bomb = writeText(dir, "bomb.xlsx", claimSize(bytes, "xl/sharedStrings.xml", 0xfffffff0));
  bad.zip64 = writeText(dir, "zip64.xlsx", claimSize(bytes, "xl/worksheets/sheet1.xml", 0xffffffff));
  bad.slash = writeText(dir, "slash.xlsx", await renameSheet(bytes, "Panel", "2003/2004"));
  bad.longName = writeText(dir, "long.xlsx", await renameSheet(bytes, "Panel", "一个超过三十一个字符的工作表名称一个超过三十一个字符的工作表名称"));
  bad.colon = writeText(dir, "colon.xlsx", await renameSheet(bytes, "Panel", "A:B [x] & y?"));
});

const REFUSALS: [string, RegExp][] = [
  ["renamedCsv", /renamed\.xlsx is not a readable Excel workbook \(it is a text file, perhaps a CSV renamed to \.xlsx/],
  ["gbkCsv", /gbk\.xlsx is not a readable Excel workbook \(it is (a text file|not a zip archive)/],
  ["empty", /empty\.xlsx is not a readable Excel workbook \(the file is empty, 0 bytes\); save it again from Excel as \.xlsx/],
  ["truncated", /truncated\.xlsx is not a readable Excel workbook \(the file is truncated or damaged/],
  ["truncatedEnd", /truncated-end\.xlsx is not a readable Excel workbook \(the file is truncated or damaged/],
  ["corrupted", /corrupted\.xlsx is not a readable Excel workbook \(the zip directory is damaged\)/],
  ["innerDamage", /inner\.xlsx is not a readable Excel workbook \((its contents are damaged|the zip archive is damaged|xl\/workbook\.xml cannot be unpacked|the zip directory is damaged)/],
  ["folder", /folder\.xlsx is not a readable Excel workbook \(it is a folder\)/],
  ["xls", /old\.xlsx is not a readable Excel workbook \(it is an old Excel 97–2003 \.xls file/],
  ["binary", /random\.xlsx is not a readable Excel workbook \(it is not a zip archive/],
  ["docx", /report\.xlsx is not a readable Excel workbook \(it is a zip archive without an Excel workbook inside/],
  ["bomb", /bomb\.xlsx: the workbook unpacks to [\d,]+ MB \(largest part xl\/sharedStrings\.xml, [\d,]+ MB\), more than the 1,024 MB EconSheet reads/],
  ["zip64", /zip64\.xlsx: the workbook unpacks to over 4,096 MB/],
];

/** Every command that reads a workbook, as a function of its path. */
const READERS: [string, (p: string) => string[]][] = [
  ["describe --data", (p) => ["describe", "--data", p, "--json"]],
  ["panel --data", (p) => ["panel", "--data", p, "--formula", "y ~ x", "--id", "province", "--time", "year", "--json"]],
  ["import", (p) => ["import", p]],
  ["did --data", (p) => ["did", "--data", p, "--y", "y", "--treat", "d", "--id", "province", "--time", "year"]],
  ["entropy --data", (p) => ["entropy", "--data", p, "--indicators", "y,x", "--id", "province", "--time", "year", "--json"]],
];

describe.each(READERS)("%s", (_name, argv) => {
  test.each(REFUSALS)("%s is refused with the reason and the fix", async (key, msg) => {
    expectRefused(await cli(...argv(bad[key])), msg);
  });
});

describe("the same refusals in Chinese", () => {
  test.each([
    ["renamedCsv", /不是可读取的 Excel 工作簿（它是文本文件，可能是改了扩展名的 CSV/],
    ["empty", /不是可读取的 Excel 工作簿（文件为空，0 字节）；请在 Excel 中另存为 \.xlsx/],
    ["folder", /不是可读取的 Excel 工作簿（它是一个文件夹）/],
    ["truncated", /文件被截断或已损坏/],
    ["bomb", /工作簿解压后为 [\d,]+ MB/],
  ])("%s", async (key, msg) => {
    expectRefused(await cli("describe", "--data", bad[key], "--lang", "zh"), msg);
  });
});

describe("run with a bad data.workbook names the workbook", () => {
  test.each(["renamedCsv", "empty", "truncated", "folder", "docx"])("%s", async (key) => {
    const spec = writeText(dir, `spec-${key}.json`, JSON.stringify({ schema: "econsheet.analysis", version: 1, data: { workbook: bad[key].slice(dir.length + 1) }, tables: [{ type: "descriptive", title: "T", vars: ["y"] }] }));
    expectRefused(await cli("run", spec, "--out", join(dir, `out-${key}.xlsx`)), /is not a readable Excel workbook/);
  });
});

describe("sheet names Excel forbids are read anyway, under their own names", () => {
  test.each([
    ["slash", "2003/2004"],
    ["longName", "一个超过三十一个字符的工作表名称一个超过三十一个字符的工作表名称"],
    ["colon", "A:B [x] & y?"],
  ])("%s: describe reads the first sheet; --sheet finds it by its name", async (key, name) => {
    const first = JSON.parse(expectOk(await cli("describe", "--data", bad[key], "--json")));
    expect(first.variables.find((v: { name: string }) => v.name === "y").n).toBe(30);
    const named = JSON.parse(expectOk(await cli("describe", "--data", bad[key], "--sheet", name, "--json")));
    expect(named.variables.find((v: { name: string }) => v.name === "y").n).toBe(30);
  });

  test("a missing --sheet lists the sheets by their real names", async () => {
    expectRefused(await cli("describe", "--data", bad.slash, "--sheet", "Panel"), /no sheet named 'Panel'\. Sheets: 2003\/2004/);
  });
});

describe("a good workbook still reads", () => {
  test("describe, panel", async () => {
    expectOk(await cli("describe", "--data", good, "--json"));
    const p = JSON.parse(expectOk(await cli("panel", "--data", good, "--formula", "y ~ x", "--id", "province", "--time", "year", "--json")));
    expect(Number.isFinite(p.params.x)).toBe(true);
  });

  test.each(["libreoffice-panel.xlsx", "libreoffice-panel.xlsm"])("%s (saved by LibreOffice Calc) reads like its CSV", async (name) => {
    const fromBook = JSON.parse(expectOk(await cli("panel", "--data", fixturePath(name), "--formula", "y ~ x", "--id", "province", "--time", "year", "--json")));
    const fromCsv = JSON.parse(expectOk(await cli("panel", "--data", fixturePath("libreoffice-panel.csv"), "--formula", "y ~ x", "--id", "province", "--time", "year", "--json")));
    expect(fromBook.params.x).toBeCloseTo(fromCsv.params.x, 12);
    expect(fromBook.nobs).toBe(6);
  });

  test("the uncompressed cap is a parameter: a small cap refuses the good file by size", async () => {
    let err: EconError | undefined;
    try {
      await workbookBytes(good, { maxUncompressedBytes: 1000 });
    } catch (e) {
      err = e as EconError;
    }
    expect(err?.text.en).toMatch(/unpacks to 1 MB .* more than the 1 MB EconSheet reads\. Delete unused sheets or columns, or save the data sheet as CSV/);
  });

  test("a missing workbook is 'file not found'", async () => {
    expectRefused(await cli("describe", "--data", join(dir, "nope.xlsx")), /nope\.xlsx: file not found/);
    expectRefused(await cli("import", join(dir, "nope.xlsx")), /nope\.xlsx: file not found/);
  });

  test("a workbook with only an empty sheet: each command says what is missing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Empty");
    const p = join(dir, "empty-sheet.xlsx");
    await wb.xlsx.writeFile(p);
    expectRefused(await cli("import", p), /No province data found in sheet 'Empty'/);
    expectRefused(await cli("describe", "--data", p), /The range is empty: select a range whose first row holds column names/);
  });
});
