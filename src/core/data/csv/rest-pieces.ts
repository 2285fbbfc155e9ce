/**
 * The rest of a CSV file (from a row start) decoded in pieces, each cut just after a line feed
 * that is outside quotes — so each piece is whole rows and the general reader reads them one
 * after another exactly as it reads the one text. A file's text can then be longer than the
 * longest string JavaScript holds (2^29 − 24 characters, ~512 MB).
 *
 * Quotes are followed as the reader takes them (RFC 4180): a field that starts with '"' is
 * quoted, '""' inside it is one quote, the next single '"' ends it. A '"' anywhere else (inside
 * an unquoted field) would make the quote state uncertain: then no pieces (undefined), and the
 * caller decodes the rest as one text. The bytes looked at — '"' (0x22), LF, CR and the
 * delimiters ',', ';' and tab — are never part of a multi-byte character in UTF-8 or GB18030;
 * other delimiters ('|' is a GB18030 trail byte) get no pieces in GB18030.
 */

/** Rest size from which it is read in pieces, and the size of each piece (bytes). */
export const PIECE_BYTES = 128 << 20;

export function restPieces(bytes: Uint8Array, from: number, D: number, encoding: string, pieceBytes = PIECE_BYTES): string[] | undefined {
  const n = bytes.length;
  if (n - from <= pieceBytes) return one(bytes.subarray(from), encoding);
  if (encoding !== "utf-8" && !(D === 44 || D === 59 || D === 9)) return one(bytes.subarray(from), encoding);
  const ends: number[] = [];
  let q = bytes.indexOf(34, from);
  let inside = false;
  let target = from + pieceBytes;
  while (target < n) {
    const lf = bytes.indexOf(10, target);
    if (lf < 0) break;
    while (q >= 0 && q < lf) {
      if (!inside) {
        const p = q > from ? bytes[q - 1] : 10;
        if (p !== D && p !== 10 && p !== 13) return one(bytes.subarray(from), encoding); // a quote inside an unquoted field
        inside = true;
        q = bytes.indexOf(34, q + 1);
      } else if (bytes[q + 1] === 34) {
        q = bytes.indexOf(34, q + 2);
      } else {
        inside = false;
        q = bytes.indexOf(34, q + 1);
      }
    }
    if (inside) {
      target = lf + 1;
      continue;
    }
    ends.push(lf + 1);
    target = lf + 1 + pieceBytes;
  }
  const out: string[] = [];
  let a = from;
  for (const b of [...ends, n]) {
    if (b <= a) continue;
    const piece = one(bytes.subarray(a, b), encoding);
    if (piece === undefined) return undefined;
    out.push(piece[0]);
    a = b;
  }
  return out;
}

/** One piece decoded as the file's head was (a byte-order mark there is a character), or undefined when it does not decode. */
function one(bytes: Uint8Array, encoding: string): string[] | undefined {
  try {
    return [new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)];
  } catch {
    // e.g. a UTF-8 head and GB18030 text further down: the whole file then reads as GB18030.
    return undefined;
  }
}
