/**
 * A long rest of a CSV file is decoded in pieces cut at line feeds outside quotes
 * (rest-pieces.ts), so a file's text may be longer than one JavaScript string (~512 MB). Here
 * the piece size is made tiny so that cuts fall everywhere: the table must be bit for bit the
 * one-text table — values, text levels, row lines — and errors the same messages naming the same
 * lines, whatever the piece size; a quote the cut rule cannot follow means one piece.
 */
import fc from "fast-check";
import { parseCsvTable } from "../../../src/core/data/csv/parse-csv";
import { parseCsvBytes } from "../../../src/core/data/csv/parse-bytes";
import { restPieces } from "../../../src/core/data/csv/rest-pieces";
import { decodeText, tooLarge } from "../../../src/core/data/csv/decode-text";
import { DataTable, cellAt } from "../../../src/core/data/data-table";
import { EconError } from "../../../src/core/errors";
import { gbk } from "../../robustness/data-files";

const utf8 = (s: string) => new TextEncoder().encode(s);

function cells(t: DataTable): unknown[] {
  const out: unknown[] = [t.names, t.nrows, Array.from(t.rowNumbers?.slice(0, t.nrows) ?? []), t.columns.map((c) => c.kind)];
  for (let i = 0; i < t.nrows; i++) for (let j = 0; j < t.names.length; j++) out.push(Object.is(cellAt(t, i, j), -0) ? "-0" : cellAt(t, i, j));
  return out;
}

function result(f: () => DataTable): unknown {
  try {
    return cells(f());
  } catch (e) {
    return (e as EconError).text ?? String(e);
  }
}

/** The pieces path at several tiny sizes gives what the one-text path gives. */
function expectSameAtAnyPieceSize(bytes: Uint8Array, sizes = [1, 7, 23, 64, 500]): void {
  const whole = result(() => parseCsvTable(decodeText(bytes, "f.csv").text, { file: "f.csv", missingTokens: ["NA", "."] }));
  for (const pieceBytes of sizes) expect([pieceBytes, result(() => parseCsvBytes(bytes, { file: "f.csv", missingTokens: ["NA", "."], pieceBytes }))]).toEqual([pieceBytes, whole]);
}

const quoted = [
  "id,year,name,y",
  '"firm 1",2000,"a, b",1.5',
  '"firm 1",2001,"line one\nline two",2',
  '"firm ""2""",2000,"",-0',
  "",
  '"firm ""2""",2001,"x\r\ny",NA',
  "firm3,2000,plain,3e-2",
  'firm3,2001,"""quoted""",.',
].join("\n");

describe("a long rest of the file read in pieces", () => {
  test("quoted fields with delimiters, line breaks and escaped quotes at every cut", () => {
    expectSameAtAnyPieceSize(utf8(quoted + "\n"));
    expectSameAtAnyPieceSize(utf8(quoted.replace(/\n/g, "\r\n")));
  });

  test("GBK text, and a '|' file in GBK (no pieces there: '|' can be half of a character)", () => {
    expectSameAtAnyPieceSize(gbk("省份,年份,y\n北京市,2000,1\n上海市,2000,2\n\"天津,市\",2001,3\n广东省,2001,4\n"));
    expectSameAtAnyPieceSize(gbk("省份|年份|y\n北京市|2000|1\n上海市|2000|2\n天津市|2001|3\n"));
  });

  test("a quote inside an unquoted field is read as one piece, as the one text reads it", () => {
    const text = 'id,t,y\nA,1,5"3\nB,1,"multi\nline"\nC,1,2\n';
    expect(restPieces(utf8(text), 7, 44, "utf-8", 4)).toHaveLength(1);
    expectSameAtAnyPieceSize(utf8(text));
  });

  test("errors in a later piece name the same line; a column that turns to text later is read again", () => {
    expectSameAtAnyPieceSize(utf8("id,t,y\nA,1,2\nB,1,3\nC,1,4,5\n"));
    expectSameAtAnyPieceSize(utf8('id,t,y\nA,1,2\nB,1,"unclosed\nC,1,4\n'));
    expectSameAtAnyPieceSize(utf8("id,t,y\nA,1,2.50\nB,1,3\nC,1,n/a\n"));
  });

  test("pieces are whole rows: cut just after a line feed outside quotes", () => {
    const bytes = utf8(quoted + "\n");
    const from = bytes.indexOf(10) + 1;
    const pieces = restPieces(bytes, from, 44, "utf-8", 10)!;
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(new TextDecoder().decode(bytes.subarray(from)));
    for (const p of pieces.slice(0, -1)) {
      expect(p.endsWith("\n")).toBe(true);
      // Even number of quotes in each piece: no piece ends inside a quoted field.
      expect((p.match(/"/g) ?? []).length % 2).toBe(0);
    }
  });

  test("random files: any piece size gives the one-text table (property)", () => {
    const cell = fc.oneof(fc.constantFrom("", "NA", "1.5", "-2", "1e3", "x", "a,b", '"q"', "l1\nl2", "中文", "007"), fc.integer({ min: -99, max: 99 }).map(String));
    const field = cell.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
    const row = fc.array(field, { minLength: 3, maxLength: 3 }).map((r) => r.join(","));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (rows, size, crlf) => {
        const text = ["a,b,c", ...rows].join(crlf ? "\r\n" : "\n") + "\n";
        expectSameAtAnyPieceSize(utf8(text), [size]);
      }),
      { numRuns: 150 },
    );
  });

  test("a text too long for one string is refused saying so, not as an unknown encoding", () => {
    const e = tooLarge("big.csv", 654 * 1024 * 1024);
    expect(e.text.en).toMatch(/^big\.csv \(654 MB\) is too large to read as one text/);
    expect(e.text.en).toMatch(/split it into files under 500 MB/);
    expect(e.text.zh).toMatch(/过大/);
  });
});
