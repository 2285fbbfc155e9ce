import { DataTable } from "../data-table";
import { decodeText, utf16WithoutBom } from "./decode-text";
import { delimiterDetectionEnd } from "./dialect";
import { CsvOptions, csvDecimal, parseCsvTable, readCsvHead, rereadOptions } from "./parse-csv";
import { RowState, finishRows, readRows, startRows } from "./csv-rows";
import { fastLaneDelimiter } from "./fast-rows";
import { restPieces } from "./rest-pieces";
import { CsvSplitReader, rowsFor, rowsPerByte, splitLane, startSplit } from "./byte-rows";

export type { CsvSplitReader, SplitRun } from "./byte-rows";

/** The piece of the file decoded to read the header and detect the dialect (cut at a line end). */
const HEAD_BYTES = 1 << 16;

export interface CsvByteOptions extends CsvOptions {
  /** The --encoding option (a label TextDecoder knows); detected when absent. */
  encoding?: string;
  /** Size of the pieces a long rest of the file is decoded in (rest-pieces.ts); for tests. */
  pieceBytes?: number;
}

/**
 * Reads a CSV file from its bytes into the same table parseCsvTable(decodeText(bytes).text)
 * gives, without decoding the plain numeric rows: the header (and the dialect) is read from the
 * decoded first 64 KB, the rows of plain numbers that follow are read from the bytes by the byte
 * lane (fast-bytes.ts; such rows are ASCII, the same in UTF-8 and GB18030), and only the rest of
 * the file from the first other row is decoded and read by the general reader. With `split`
 * a large file's numeric rows are read in two halves at once, the second on another thread,
 * used only when the first half was read to its end by the fast lane (so the split is a row
 * boundary the sequential read also crosses); otherwise the file is read on. Anything this
 * path does not take — UTF-16, another --encoding, a decimal comma or a file that may have
 * one, a header beyond 64 KB, undecodable bytes — is read by the text path. A column that turns
 * to text part-way is read again with it as text, by the general reader over the decoded rest
 * in pieces (rest-pieces.ts): no text of the whole file is built, so its size is not capped by
 * the longest string JavaScript holds.
 */
export function parseCsvBytes(bytes: Uint8Array, options: CsvByteOptions = {}, split?: CsvSplitReader): DataTable {
  const whole = bytes.length <= HEAD_BYTES;
  let read: { s: RowState; rest: string[] | undefined } | undefined;
  try {
    read = fastPart(bytes, options, whole, split);
  } catch (e) {
    // A small file is its head, so its errors are the text path's; a large file whose head
    // fails a check is read by the text path, which reports what is wrong in the whole file.
    if (whole) throw e;
  }
  if (read === undefined) return parseCsvTable(decodeText(bytes, options.file ?? "CSV", options.encoding).text, options);
  const { s, rest } = read;
  // The general reader goes on in the same state the sequential read has there: the same rows, lines and errors.
  if (rest !== undefined) for (const piece of rest) readRows(s, piece, 0);
  // A column that turned to text part-way: read again with it as text from the start (in pieces too, so any size).
  if (s.reread.length) return parseCsvBytes(bytes, { ...rereadOptions(options, s), encoding: options.encoding, pieceBytes: options.pieceBytes });
  return finishRows(s);
}

/**
 * The header and the plain numeric rows after it, read from the bytes, and the rest of the file
 * decoded; undefined when the file is for the text path.
 */
function fastPart(bytes: Uint8Array, options: CsvByteOptions, whole: boolean, split: CsvSplitReader | undefined): { s: RowState; rest: string[] | undefined } | undefined {
  const label = byteEncoding(bytes, options.encoding);
  if (label === undefined) return undefined;
  // Columns read as text (a reread): no fast lane, the general reader reads every row (in pieces).
  const forced = (options.textColumns?.length ?? 0) > 0;
  const n = bytes.length;
  const cut = whole ? n : bytes.lastIndexOf(10, HEAD_BYTES - 1) + 1;
  if (cut <= 0) return undefined;
  // The head, decoded as the whole file would be (UTF-8 unless it is not, then GB18030).
  const decoded = decodeHead(bytes.subarray(0, cut), label);
  if (decoded === undefined) return undefined;
  const text = decoded.text;
  const head = readCsvHead(text, options);
  if (!whole && (head.pos >= text.length || (options.delimiter === undefined && delimiterDetectionEnd(text) >= text.length))) return undefined;
  const hb = byteOfLine(bytes, text, head.pos);
  // detectDecimal reads '.' without scanning the file when the fields are comma-separated or no comma follows the header.
  if (options.decimal === undefined && head.delimiter !== "," && bytes.indexOf(44, hb) >= 0) return undefined;
  const decimal = csvDecimal(options, head, () => ".");
  if (decimal !== "." || !fastLaneDelimiter(head.delimiter.charCodeAt(0))) return undefined;
  // Columns for the rows the head's row length predicts (grown when more come): no pass over the file to count its lines.
  const rate = rowsPerByte(bytes, hb, cut);
  const started = !forced && split !== undefined && n - hb >= split.minBytes ? startSplit(bytes, hb, head.delimiter.charCodeAt(0), head.header.length, split, rate) : undefined;
  const s = startRows({ ...head, decimal }, rowsFor(n - hb, rate));
  const pos = forced ? hb : splitLane(bytes, hb, s, started, rate);
  if (pos >= n) return { s, rest: undefined };
  const rest = restPieces(bytes, pos, head.delimiter.charCodeAt(0), decoded.encoding, options.pieceBytes);
  return rest === undefined ? undefined : { s, rest };
}

/** The encoding the byte path reads with ("utf-8", "gb18030", or "" to detect which), or undefined for the text path. */
function byteEncoding(bytes: Uint8Array, forced: string | undefined): string | undefined {
  if (forced !== undefined) {
    let label: string;
    try {
      label = new TextDecoder(forced).encoding;
    } catch {
      return undefined;
    }
    return label === "utf-8" || label === "gb18030" || label === "gbk" ? label : undefined;
  }
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || utf16WithoutBom(bytes)) return undefined;
  return "";
}

function decodeHead(bytes: Uint8Array, label: string): { text: string; encoding: string } | undefined {
  for (const l of label ? [label] : ["utf-8", "gb18030"]) {
    try {
      return { text: new TextDecoder(l, { fatal: true, ignoreBOM: false }).decode(bytes), encoding: l };
    } catch {
      // the next encoding, or the text path
    }
  }
  return undefined;
}

/**
 * The byte where text position `pos` (just after a line end, or the text's end) is: as many
 * CR and LF bytes in as there are CR and LF characters before `pos` — both encodings write them
 * as single bytes that are never part of another character.
 */
function byteOfLine(bytes: Uint8Array, text: string, pos: number): number {
  if (pos >= text.length) return bytes.length;
  let breaks = 0;
  for (let k = 0; k < pos; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) breaks++;
  }
  let b = 0;
  while (breaks > 0 && b < bytes.length) {
    const c = bytes[b++];
    if (c === 10 || c === 13) breaks--;
  }
  return breaks > 0 ? bytes.length : b;
}
