import { inputError } from "../../errors";

/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: string;
}

function decoder(label: string, fatal: boolean): TextDecoder {
  return new TextDecoder(label, { fatal, ignoreBOM: false });
}

/** UTF-16 without a byte-order mark: every other byte of ASCII text is zero. */
export function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > 0.3 * half && evenZero < 0.05 * half) return "utf-16le";
  if (evenZero > 0.3 * half && oddZero < 0.05 * half) return "utf-16be";
  return undefined;
}

/**
 * Decodes a text file as a user's spreadsheet program saved it: UTF-8 with or without a BOM
 * ("CSV UTF-8"), UTF-16 LE/BE with a BOM (Excel's "Unicode text") or without one, and
 * GB18030 — a superset of GBK and GB2312, what Excel on Chinese Windows saves as "CSV". The
 * checks are strict (fatal decoders), so a file is never read with replacement characters.
 * `forced` (the --encoding option) skips detection. A file that none of these read is refused,
 * saying what was tried and how to re-save it.
 */
export function decodeText(bytes: Uint8Array, file: string, forced?: string): DecodedText {
  if (forced) {
    let d: TextDecoder;
    try {
      d = decoder(forced, true);
    } catch {
      throw inputError(
        `--encoding ${forced}: unknown encoding. Use e.g. utf-8, utf-16le, utf-16be, gb18030 (also reads GBK), big5 or windows-1252.`,
        `--encoding ${forced}：未知的编码。可用如 utf-8、utf-16le、utf-16be、gb18030（兼容 GBK）、big5、windows-1252。`,
      );
    }
    try {
      return { text: d.decode(bytes), encoding: d.encoding };
    } catch (e) {
      if (tooLong(e)) throw tooLarge(file, bytes.length);
      throw inputError(
        `${file}: the file is not valid ${d.encoding} text (--encoding ${forced}). Leave out --encoding to detect the encoding, or name the one the file was saved in.`,
        `${file}：该文件不是有效的 ${d.encoding} 文本（--encoding ${forced}）。去掉 --encoding 以自动识别编码，或指定文件保存时所用的编码。`,
      );
    }
  }
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return strict(bytes, "utf-8", file);
  if (b0 === 0xff && b1 === 0xfe) return strict(bytes, "utf-16le", file);
  if (b0 === 0xfe && b1 === 0xff) return strict(bytes, "utf-16be", file);
  const wide = utf16WithoutBom(bytes);
  if (wide) return strict(bytes, wide, file);
  for (const label of ["utf-8", "gb18030"]) {
    try {
      return { text: decoder(label, true).decode(bytes), encoding: label };
    } catch (e) {
      if (tooLong(e)) throw tooLarge(file, bytes.length);
      // try the next encoding
    }
  }
  throw undecodable(file, "UTF-8, UTF-16 and GB18030/GBK");
}

function strict(bytes: Uint8Array, label: string, file: string): DecodedText {
  try {
    return { text: decoder(label, true).decode(bytes), encoding: label };
  } catch (e) {
    if (tooLong(e)) throw tooLarge(file, bytes.length);
    throw undecodable(file, `${label.toUpperCase()} (the file starts with its byte-order mark)`);
  }
}

function undecodable(file: string, tried: string) {
  return inputError(
    `${file}: cannot read the file as text: tried ${tried}, and it is none of them. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)", or name the encoding with --encoding (e.g. --encoding windows-1252, --encoding big5).`,
    `${file}：无法按文本读取该文件：已尝试 ${tried}，都不符合。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8（逗号分隔）(*.csv)”，或用 --encoding 指定编码（如 --encoding windows-1252、--encoding big5）。`,
  );
}

/** The decoded text would be longer than the longest string JavaScript can hold (2^29 − 24 characters, ~512 MB). */
function tooLong(e: unknown): boolean {
  return (e as { code?: string })?.code === "ERR_STRING_TOO_LONG" || (e instanceof RangeError && /string length/i.test(e.message));
}

/** A text file too large to hold as one text: the CSV reader reads UTF-8/GBK files with '.' decimals in pieces, but not this one (UTF-16, a decimal comma, another --encoding). */
export function tooLarge(file: string, bytes: number) {
  const mb = Math.round(bytes / (1024 * 1024)).toLocaleString("en-US");
  return inputError(
    `${file} (${mb} MB) is too large to read as one text, which this file needs (it is UTF-16, has decimal commas, or uses --encoding other than UTF-8/GBK). Save it as "CSV UTF-8" with '.' as the decimal mark, or split it into files under 500 MB.`,
    `${file}（${mb} MB）过大，无法作为一整段文本读取，而该文件需要这样读取（它是 UTF-16 编码、使用小数逗号，或 --encoding 不是 UTF-8/GBK）。请另存为“CSV UTF-8”并以 '.' 作小数点，或拆分为小于 500 MB 的多个文件。`,
  );
}
