import fc from "fast-check";
import { parseCsvTable } from "../../../src/core/data/csv/parse-csv";
import { CsvByteOptions, CsvSplitReader, parseCsvBytes } from "../../../src/core/data/csv/parse-bytes";
import { decodeText } from "../../../src/core/data/csv/decode-text";
import { fastNumericBytes } from "../../../src/core/data/csv/fast-bytes";
import { POW10 } from "../../../src/core/data/csv/number-text";
import { DataTable } from "../../../src/core/data/data-table";
import { gbk } from "../../robustness/data-files";

/*
 * The byte path (parse-bytes.ts) reads plain numeric rows from the file's bytes, and a large
 * file's second half through a split reader (in the CLI a worker thread; here the same lane run
 * in-process): whatever it does, the table must be bit for bit the text path's,
 * parseCsvTable(decodeText(bytes).text) — every row's values (NaN and -0 included), text levels,
 * row lines, the dialect — and its errors the same messages.
 */

const P10 = Float64Array.from(POW10);

/** A split reader that runs the byte lane in-process into its own columns; counts starts and can fail. */
function inProcess(fail = false): CsvSplitReader & { starts: number } {
  const r = {
    starts: 0,
    minBytes: 0,
    start(bytes: Uint8Array, from: number, D: number, width: number, cap: number) {
      r.starts++;
      const vals = Array.from({ length: width }, () => new Float64Array(cap));
      const out = { pos: from, rows: 0 };
      fastNumericBytes(bytes, from, bytes.length, D, vals, 0, cap, out, P10);
      return () => (fail ? undefined : { ...out, vals });
    },
  };
  return r;
}

function expectSame(a: DataTable, b: DataTable): void {
  expect(a.names).toEqual(b.names);
  expect(a.nrows).toBe(b.nrows);
  expect(a.csv).toEqual(b.csv);
  const n = a.nrows;
  expect(Array.from(a.rowNumbers?.slice(0, n) ?? [])).toEqual(Array.from(b.rowNumbers?.slice(0, n) ?? []));
  expect(a.columns.length).toBe(b.columns.length);
  a.columns.forEach((c, j) => {
    const d = b.columns[j];
    expect(c.kind).toBe(d.kind);
    if (c.kind === "number" && d.kind === "number") {
      // Every value of the table's rows; the spare room past the last row may differ (the byte path does not count lines first).
      for (let i = 0; i < n; i++) if (!Object.is(c.values[i], d.values[i])) throw new Error(`column ${j} row ${i}: ${c.values[i]} vs ${d.values[i]}`);
    } else if (c.kind === "text" && d.kind === "text") {
      expect(c.levels).toEqual(d.levels);
      expect(Array.from(c.codes.slice(0, a.nrows))).toEqual(Array.from(d.codes.slice(0, b.nrows)));
    }
  });
}

function textPath(bytes: Uint8Array, options: CsvByteOptions): DataTable {
  return parseCsvTable(decodeText(bytes, options.file ?? "CSV", options.encoding).text, options);
}

/** The byte path alone and with a split reader give the text path's table, or its error. */
function check(bytes: Uint8Array, options: CsvByteOptions = {}, split = inProcess()): void {
  let want: DataTable | undefined, error: string | undefined;
  try {
    want = textPath(bytes, options);
  } catch (e) {
    error = (e as Error).message;
  }
  for (const s of [undefined, split]) {
    if (error !== undefined) expect(() => parseCsvBytes(bytes, options, s)).toThrow(error);
    else expectSame(parseCsvBytes(bytes, options, s), want!);
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Rows of plain numbers, enough to pass the 64 KB head, with `line(k)` written on row k. */
function numericRows(count: number, eol = "\n", line: (k: number) => string | undefined = () => undefined): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(line(k) ?? `${k % 97},${2000 + (k % 23)},${((k * 7919) % 100003) / 1000 - 50},-${k}e-3,1.5E+02,${(k * 31) % 1000}.25`);
  return out.join(eol) + eol;
}
const HEADER = "id,year,y,x1,x2,x3";

describe("CSV byte path: the text path's table, bit for bit", () => {
  test.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("a large numeric file with %s line ends, negatives and exponents", (_, eol) => {
    check(utf8(HEADER + eol + numericRows(6000, eol)));
  });

  test("blanks, text, quotes, missing tokens and an over-long row after the split point, on the rows the general reader takes", () => {
    const n = 6000;
    const late = (k: number) =>
      k === 4000 ? '7,2001,"3.5",,"a, b",1' : k === 4500 ? "8,2002,NA,.,-0,2" : k === 5000 ? "9,2003,,  4 ,1e400,007" : k === 5500 ? "" : undefined;
    check(utf8(HEADER + "\n" + numericRows(n, "\n", late)), { missingTokens: ["NA", "."] });
    // A text cell part-way: the column is read again as text from the first row.
    check(utf8(HEADER + "\n" + numericRows(n, "\n", (k) => (k === 5900 ? "1,2000,high,1,2,3" : undefined))));
    // More fields than names: the same error, naming the same line.
    check(utf8(HEADER + "\n" + numericRows(n, "\n", (k) => (k === 5800 ? "1,2,3,4,5,6,7" : undefined))), { file: "wide.csv" });
  });

  test("quotes before the split point and a quoted line break: the sequential read decides", () => {
    check(utf8(HEADER + "\n" + numericRows(6000, "\n", (k) => (k === 10 ? '1,2000,"1\n2",3,4,5' : k === 11 ? '"2",2001,3,4,5,6' : undefined))));
  });

  test("a header with Chinese names in UTF-8, with and without a BOM, and in GBK (also with GBK text further down)", () => {
    const zh = "省份,年份,收入,消费,投资,人口";
    check(utf8(zh + "\n" + numericRows(6000)));
    check(utf8("\uFEFF" + zh + "\n" + numericRows(6000)));
    check(gbk(zh + "\n" + numericRows(6000)));
    check(gbk(zh + "\n" + numericRows(6000, "\n", (k) => (k === 5000 ? "北京,2000,1,2,3,4" : undefined))));
    check(gbk(zh + "\n" + numericRows(100)));
    check(gbk(zh + "\n" + numericRows(6000)), { encoding: "gbk" });
  });

  test("an ASCII head and GBK text further down: the whole file is GBK, as the text path reads it", () => {
    check(gbk(HEADER + "\n" + numericRows(6000, "\n", (k) => (k === 5999 ? "上海,2000,1,2,3,4" : undefined))));
  });

  test("files the byte path leaves to the text path: UTF-16, decimal commas, --decimal, undecodable bytes, a long header", () => {
    const le = Buffer.from("\uFEFF" + HEADER + "\n" + numericRows(3000), "utf16le");
    check(new Uint8Array(le));
    check(utf8(HEADER.replace(/,/g, ";") + "\n" + numericRows(6000).replace(/,/g, ";")));
    check(utf8(HEADER.replace(/,/g, ";") + "\n" + numericRows(6000).replace(/,/g, ";").replace(/\.25/g, ",25")));
    check(utf8(HEADER.replace(/,/g, ";") + "\n" + numericRows(6000).replace(/,/g, ";")), { decimal: "," });
    check(utf8(HEADER + "\n" + numericRows(6000)), { decimal: "," });
    const bad = utf8(HEADER + "\n" + numericRows(6000));
    bad[bad.length - 5] = 0xff;
    check(bad, { file: "bad.csv" });
    check(utf8('"' + "x".repeat(70000) + '",b\n1,2\n' + numericRows(10)));
    check(utf8("\n".repeat(70000) + HEADER + "\n" + numericRows(100)));
    check(utf8(HEADER + "\n" + numericRows(6000)), { encoding: "windows-1252" });
    check(utf8(HEADER + "\n" + numericRows(6000)), { encoding: "no-such-encoding" });
  });

  test("small and empty files: the same tables and the same errors", () => {
    for (const t of ["", "\n\n", "a,b\n", "a,b", "a,b\n1,2", "a;b\n1;2\n", "a\tb\r\n1\t-2e5\r\n", '"a","b"\n1,2\n', "x\n1\n\n\n2\n"]) check(utf8(t), { file: "s.csv" });
  });

  test("random files around the split: numbers, blanks, text and quotes in any row (property)", () => {
    const cell = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: -99999, max: 99999 }).map((v) => String(v / 100)) },
      { weight: 2, arbitrary: fc.constantFrom("", "1e-5", "-0", "007", "NA", '"4"', "x") },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n"), fc.nat(9000), (rows, eol, at) => {
        const plain = numericRows(9000, eol, () => "1,2,3").split(eol);
        plain.splice(at, rows.length, ...rows.map((r) => r.join(",")));
        const bytes = utf8("a,b,c" + eol + plain.join(eol));
        check(bytes, { missingTokens: ["NA"] });
        return true;
      }),
      { numRuns: 25 },
    );
  });
});

describe("CSV byte path: the split read and its fallbacks", () => {
  const big = utf8(HEADER + "\n" + numericRows(8000));

  test("a wholly numeric file is read in two halves", () => {
    const split = inProcess();
    expectSame(parseCsvBytes(big, {}, split), textPath(big, {}));
    expect(split.starts).toBe(1);
  });

  test("a first half that stops early (a text cell, a blank line, CR line ends) discards the second half's rows", () => {
    check(utf8(HEADER + "\n" + numericRows(8000, "\n", (k) => (k === 100 ? "1,2,3,4,5,x" : undefined))));
    check(utf8(HEADER + "\n" + numericRows(8000, "\n", (k) => (k === 3000 ? "" : undefined))));
    check(utf8(HEADER + "\n" + numericRows(8000, "\r")));
    check(utf8(HEADER + "\n" + numericRows(8000, "\n", (k) => (k === 3999 || k === 4000 || k === 4001 ? "1,2,3" : undefined))));
  });

  test("a row estimate that is short (long rows in the head, short ones below): the columns grow, the helper's full columns are read on from", () => {
    const rowText = (k: number) => (k < 2000 ? `${k}123456789012,2000.123456789,1.12345678901234,2.12345678901234,3.12345678901234,4.12345678901234` : `${k % 10},1,2,3,4,5`);
    const split = inProcess();
    check(utf8(HEADER + "\n" + numericRows(30000, "\n", rowText)), {}, split);
    expect(split.starts).toBe(1);
    check(utf8(HEADER + "\n" + numericRows(30000, "\n", (k) => (k === 29000 ? "1,2,3,x,5,6" : rowText(k)))));
  });

  test("a helper that fails: the file is read on one thread", () => {
    const split = inProcess(true);
    expectSame(parseCsvBytes(big, {}, split), textPath(big, {}));
    expect(split.starts).toBe(1);
  });

  test("a helper that cannot start: the file is read on one thread", () => {
    const split: CsvSplitReader = { minBytes: 0, start: () => undefined };
    expectSame(parseCsvBytes(big, {}, split), textPath(big, {}));
  });
});
