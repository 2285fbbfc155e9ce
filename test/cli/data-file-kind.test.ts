/**
 * `--data` by what the file is, not only by its name: a workbook saved under a .xls or .csv
 * name is read as the workbook it is; an old Excel 97–2003 .xls (an OLE2 compound file) and an
 * OpenDocument .ods are refused saying what they are and how to save them as .xlsx — never a
 * message about text encodings.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readDataTable } from "../../src/cli/read-data";
import { EconError } from "../../src/core/errors";
import { numericColumn } from "../../src/core/data/data-table";

const dir = mkdtempSync(join(tmpdir(), "econsheet-kind-"));

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("data");
  ws.addRows([["id", "year", "y"], [1, 2000, 1.5], [1, 2001, 2.5]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(path: string): Promise<EconError> {
  try {
    await readDataTable(path);
  } catch (e) {
    return e as EconError;
  }
  throw new Error(`${path} was read`);
}

describe("--data by its contents", () => {
  test("an .xlsx saved as data.xls or data.csv is read as a workbook", async () => {
    const bytes = await xlsxBytes();
    for (const name of ["renamed.xls", "renamed.csv"]) {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      const t = await readDataTable(p);
      expect(t.names).toEqual(["id", "year", "y"]);
      expect(Array.from(numericColumn(t, "y"))).toEqual([1.5, 2.5]);
    }
  });

  test("an old Excel 97–2003 .xls is refused as what it is", async () => {
    const p = join(dir, "old.xls");
    // The OLE2 compound-file signature, then a sector of zeros: what every .xls (and WPS .et) begins with.
    writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const e = await refusal(p);
    expect(e.text.en).toBe(`${p} is not a readable Excel workbook (it is an old Excel 97–2003 .xls file or an encrypted workbook); save it again from Excel as .xlsx (File › Save As › Excel Workbook).`);
    expect(e.text.zh).toContain("旧版 Excel 97–2003 .xls");
  });

  test("an OpenDocument spreadsheet is refused naming LibreOffice/WPS's Save As", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    zip.file("content.xml", "<office:document-content/>");
    const p = join(dir, "sheet.ods");
    writeFileSync(p, await zip.generateAsync({ type: "nodebuffer" }));
    const e = await refusal(p);
    expect(e.text.en).toMatch(/^.*sheet\.ods is not a readable Excel workbook \(it is an OpenDocument spreadsheet \(\.ods, from LibreOffice or WPS\); open it there and choose File › Save As › Excel 2007–365 \(\.xlsx\)\)/);
    expect(e.text.zh).toContain("OpenDocument 电子表格");
  });

  test("a text file named .xls is still read as CSV", async () => {
    const p = join(dir, "text.xls");
    writeFileSync(p, "id,year,y\n1,2000,3\n");
    const t = await readDataTable(p);
    expect(Array.from(numericColumn(t, "y"))).toEqual([3]);
  });
});
