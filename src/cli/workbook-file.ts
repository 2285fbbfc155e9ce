import { readFileSync, statSync } from "fs";
import type ExcelJS from "exceljs";
import { inputError, EconError, Localized } from "../core/errors";

/**
 * Opens an .xlsx/.xlsm file for ExcelJS after checking that it is one: a folder, an empty file,
 * a renamed CSV, an old .xls, a truncated or damaged zip, a zip without a workbook inside and an
 * archive that would inflate beyond the memory cap are each refused with
 * "FILE is not a readable Excel workbook (reason); save it again from Excel as .xlsx" — never a
 * raw ExcelJS/JSZip error. Sheet names that Excel forbids ('/', '?', '*', '[', ']', ':', '\',
 * over 31 characters), which ExcelJS refuses to load, are read anyway under their own names.
 */

/** Total uncompressed size allowed (all parts of the archive together). */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

export interface WorkbookLimits {
  maxUncompressedBytes?: number;
}

export function notWorkbook(path: string, reason: Localized): EconError {
  return inputError(
    `${path} is not a readable Excel workbook (${reason.en}); save it again from Excel as .xlsx (File › Save As › Excel Workbook).`,
    `${path} 不是可读取的 Excel 工作簿（${reason.zh}）；请在 Excel 中另存为 .xlsx（文件 › 另存为 › Excel 工作簿）。`,
  );
}

/** What a file's first bytes say it is: a zip archive (every .xlsx, .ods), an OLE2 compound file (old .xls, WPS .et), or neither. */
export function workbookSignature(head: Uint8Array): "zip" | "ole2" | undefined {
  if (head.length < 4) return undefined;
  const b = Buffer.from(head.buffer, head.byteOffset, 4);
  if (b.readUInt32LE(0) === 0x04034b50) return "zip";
  if (head.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0) return "ole2";
  return undefined;
}

interface ZipEntry {
  name: string;
  uncompressed: number;
}

/** The central directory of a zip archive (names and uncompressed sizes), or a reason it cannot be read. */
function centralDirectory(buf: Buffer): ZipEntry[] | Localized {
  // End-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { en: "the file is truncated or damaged: its zip directory is missing", zh: "文件被截断或已损坏：缺少 zip 目录" };
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { en: "the zip directory is damaged", zh: "zip 目录已损坏" };
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    // 0xFFFFFFFF marks a Zip64 size (over 4 GiB): counted as over any cap.
    out.push({ name, uncompressed: uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function megabytes(n: number): string {
  return n >= Number.MAX_SAFE_INTEGER ? "over 4,096" : Math.ceil(n / (1024 * 1024)).toLocaleString("en-US");
}

/** Characters Excel forbids in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/;
const FORBIDDEN_ALL = /[\\/?*[\]:]/g;

/** Reads and checks the file; returns bytes that ExcelJS can load and the original names of renamed sheets. */
export async function workbookBytes(path: string, limits: WorkbookLimits = {}): Promise<{ bytes: Buffer; originalNames: Map<string, string> }> {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw inputError(`${path}: file not found. Check the name and folder.`, `${path}：找不到文件。请检查文件名和文件夹。`);
    throw notWorkbook(path, { en: `it cannot be opened: ${(e as NodeJS.ErrnoException).code}`, zh: `无法打开：${(e as NodeJS.ErrnoException).code}` });
  }
  if (st.isDirectory()) throw notWorkbook(path, { en: "it is a folder", zh: "它是一个文件夹" });
  if (st.size === 0) throw notWorkbook(path, { en: "the file is empty, 0 bytes", zh: "文件为空，0 字节" });
  const buf = readFileSync(path);
  if (workbookSignature(buf) === "ole2") throw notWorkbook(path, { en: "it is an old Excel 97–2003 .xls file or an encrypted workbook", zh: "它是旧版 Excel 97–2003 .xls 文件或加密的工作簿" });
  if (workbookSignature(buf) !== "zip") {
    const head = buf.subarray(0, 512).toString("utf8");
    const text = !head.includes("\u0000") && !head.includes("\uFFFD");
    throw notWorkbook(
      path,
      text
        ? { en: "it is a text file, perhaps a CSV renamed to .xlsx; give it a .csv name instead", zh: "它是文本文件，可能是改了扩展名的 CSV；请把扩展名改回 .csv" }
        : { en: "it is not a zip archive, which every .xlsx is", zh: "它不是 zip 压缩包，而 .xlsx 都是 zip 压缩包" },
    );
  }
  const entries = centralDirectory(buf);
  if (!Array.isArray(entries)) throw notWorkbook(path, entries);
  if (!entries.some((e) => e.name === "xl/workbook.xml") && entries.some((e) => e.name === "content.xml")) {
    throw notWorkbook(path, { en: "it is an OpenDocument spreadsheet (.ods, from LibreOffice or WPS); open it there and choose File › Save As › Excel 2007–365 (.xlsx)", zh: "它是 OpenDocument 电子表格（.ods，来自 LibreOffice 或 WPS）；请在其中选择 文件 › 另存为 › Excel 2007–365（.xlsx）" });
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw notWorkbook(path, { en: "it is a zip archive without an Excel workbook inside (a Word or other document?)", zh: "它是 zip 压缩包，但其中没有 Excel 工作簿（是 Word 或其他文档？）" });
  }
  const cap = limits.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES;
  const total = entries.reduce((s, e) => Math.min(Number.MAX_SAFE_INTEGER, s + e.uncompressed), 0);
  if (total > cap) {
    const big = entries.reduce((a, b) => (b.uncompressed > a.uncompressed ? b : a));
    throw inputError(
      `${path}: the workbook unpacks to ${megabytes(total)} MB (largest part ${big.name}, ${megabytes(big.uncompressed)} MB), more than the ${megabytes(cap)} MB EconSheet reads. Delete unused sheets or columns, or save the data sheet as CSV (UTF-8) and read that.`,
      `${path}：工作簿解压后为 ${megabytes(total)} MB（最大部分 ${big.name}，${megabytes(big.uncompressed)} MB），超过 EconSheet 可读取的 ${megabytes(cap)} MB。请删除不用的工作表或列，或将数据表另存为 CSV（UTF-8）再读取。`,
    );
  }
  const originalNames = new Map<string, string>();
  const { default: JSZip } = await import("jszip");
  let zip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw notWorkbook(path, { en: `the zip archive is damaged: ${(e as Error).message}`, zh: `zip 压缩包已损坏：${(e as Error).message}` });
  }
  let xml: string;
  try {
    xml = await zip.file("xl/workbook.xml")!.async("string");
  } catch (e) {
    throw notWorkbook(path, { en: `xl/workbook.xml cannot be unpacked: ${(e as Error).message}`, zh: `无法解压 xl/workbook.xml：${(e as Error).message}` });
  }
  // Sheet names Excel itself would refuse (written by other tools): renamed for ExcelJS, reported under the original name.
  let k = 0;
  const fixed = xml.replace(/(<sheet\b[^>]*\bname=")([^"]*)(")/g, (all, pre: string, name: string, post: string) => {
    const plain = decodeXml(name);
    if (!FORBIDDEN.test(plain) && plain.length <= 31) return all;
    const safe = `Sheet_${++k}_${plain.replace(FORBIDDEN_ALL, "_").slice(0, 20)}`;
    originalNames.set(safe, plain);
    return pre + encodeXml(safe) + post;
  });
  if (k === 0) return { bytes: buf, originalNames };
  zip.file("xl/workbook.xml", fixed);
  return { bytes: await zip.generateAsync({ type: "nodebuffer" }), originalNames };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function encodeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Loads the checked file into `wb`; a failure inside ExcelJS becomes the same "not a readable workbook" message. */
export async function loadWorkbook(wb: ExcelJS.Workbook, path: string, limits: WorkbookLimits = {}): Promise<Map<string, string>> {
  const { bytes, originalNames } = await workbookBytes(path, limits);
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const first = String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200);
    throw notWorkbook(path, { en: `its contents are damaged: ${first}`, zh: `内容已损坏：${first}` });
  }
  return originalNames;
}
