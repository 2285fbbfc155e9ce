import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { WorkerSplitReader, readFileBytes, workerSplitReader } from "../../src/cli/csv-parallel";
import { parseCsvBytes } from "../../src/core/data/csv/parse-bytes";
import { parseCsvTable } from "../../src/core/data/csv/parse-csv";
import { decodeText } from "../../src/core/data/csv/decode-text";
import { DataTable } from "../../src/core/data/data-table";

/*
 * The CLI's worker thread (src/cli/csv-parallel.ts) reads the second half of a large file's
 * numeric rows in shared memory; its source is the byte lane's own text. Run here on small files
 * (the threshold lowered to 0): the table must be bit for bit the text path's.
 */

function shared(bytes: Uint8Array): Uint8Array {
  const s = new Uint8Array(new SharedArrayBuffer(bytes.length));
  s.set(bytes);
  return s;
}

function fingerprint(t: DataTable): unknown {
  return {
    names: t.names,
    nrows: t.nrows,
    lines: Array.from(t.rowNumbers?.subarray(0, t.nrows) ?? []),
    columns: t.columns.map((c) => (c.kind === "number" ? Array.from(c.values.subarray(0, t.nrows), (v) => (Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v)) : c.kind === "text" ? { levels: c.levels, codes: Array.from(c.codes.slice(0, t.nrows)) } : c.cells)),
  };
}

function rows(count: number, line: (k: number) => string | undefined = () => undefined): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(line(k) ?? `${k},${2000 + (k % 20)},${(k * 37) % 1001}.5,-${k % 13}e-2,${k / 8}`);
  return out.join("\n") + "\n";
}

describe("CSV worker thread", () => {
  /** How many times a worker reported its rows. */
  let reported = 0;
  /** A worker split reader (one file each) that counts the reports. */
  function counted(): WorkerSplitReader {
    const worker = workerSplitReader(0)!;
    return {
      ...worker,
      start(...args) {
        const wait = worker.start(...args);
        return wait && (() => {
          const r = wait();
          if (r) reported++;
          return r;
        });
      },
    };
  }

  test.each([
    ["wholly numeric", rows(40000), 1],
    ["a text cell after the split", rows(40000, (k) => (k === 30000 ? "1,2,x,4,5" : undefined)), 1],
    ["quotes after the split", rows(40000, (k) => (k === 25000 ? '1,2,"3",4,5' : undefined)), 1],
    // The first half stops at the blank: the worker's rows are not used.
    ["a blank cell before the split", rows(40000, (k) => (k === 5 ? "1,2,,4,5" : undefined)), 0],
  ])("%s: the text path's table", (_, body, used) => {
    const bytes = new TextEncoder().encode("id,year,y,x1,x2\n" + body);
    const want = fingerprint(parseCsvTable(decodeText(bytes, "t.csv").text));
    const before = reported;
    const split = counted();
    try {
      expect(fingerprint(parseCsvBytes(shared(bytes), {}, split))).toEqual(want);
    } finally {
      split.close();
    }
    expect(reported).toBe(before + used);
  });

  test("memory that is not shared is read on one thread; a reader reads one file", () => {
    const split = workerSplitReader(0)!;
    expect(split.start(new Uint8Array(8), 0, 44, 1, 2)).toBeUndefined();
    const bytes = shared(new TextEncoder().encode("a,b\n1,2\n3,4\n"));
    const wait = split.start(bytes, 8, 44, 2, 4)!;
    const r = wait()!;
    expect([r.pos, r.rows, r.vals.map((v) => Array.from(v))]).toEqual([bytes.length, 1, [[3, 0, 0, 0], [4, 0, 0, 0]]]);
    // The worker's columns are shared memory it made: nothing copied back.
    expect(Object.prototype.toString.call(r.vals[0].buffer)).toBe("[object SharedArrayBuffer]");
    expect(split.start(bytes, 8, 44, 2, 4)).toBeUndefined();
    split.close();
  });

  test("a reader closed unused lets its worker go", () => {
    workerSplitReader(0)!.close();
  });

  test("readFileBytes reads the file's bytes, in shared memory above the threshold", () => {
    const dir = mkdtempSync(join(tmpdir(), "econsheet-bytes-"));
    const p = join(dir, "a.csv");
    writeFileSync(p, "x,y\n1,2\n");
    const small = readFileBytes(p);
    expect(Buffer.from(small).equals(readFileSync(p))).toBe(true);
    expect(small.buffer instanceof SharedArrayBuffer).toBe(false);
    const big = readFileBytes(p, 0);
    expect(Buffer.from(big).equals(readFileSync(p))).toBe(true);
    expect(big.buffer instanceof SharedArrayBuffer).toBe(true);
  });
});
