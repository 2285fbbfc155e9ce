import fc from "fast-check";
import { parseCsvTable } from "../../../src/core/data/csv/parse-csv";
import { numericColumn } from "../../../src/core/data/data-table";
import { fastLaneDelimiter } from "../../../src/core/data/csv/fast-rows";

/*
 * The CSV reader reads rows of plain numbers through a fast lane (src/core/data/csv/fast-rows.ts)
 * and everything else through the general reader; a row may switch lanes at any field. Whatever
 * lane reads it, every cell must be exactly Number(text), blanks NaN, and the table the same.
 */
const numText = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^(0|[1-9][0-9]{0,18})$/),
    fc.option(fc.stringMatching(/^[0-9]{0,18}$/)),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "-", "+"), fc.integer({ min: 0, max: 40 }), fc.boolean())),
  )
  .map(([s, i, f, e]) => `${s}${i}${f === null ? "" : "." + f}${e === null ? "" : `${e[0]}${e[1]}${e[3] ? String(e[2]).padStart(3, "0") : e[2]}`}`);
const cell = fc.oneof({ weight: 12, arbitrary: numText }, { weight: 1, arbitrary: fc.constant("") });

function expected(text: string): number {
  return text === "" ? NaN : Number(text);
}

describe("CSV fast lane: the same numbers as Number(text), whichever lane reads a row", () => {
  test("random three-column numeric files with blanks, exponents, long mantissas and every line end (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.constantFrom(",", ";", "\t"),
        (rows, eol, finalEol, d) => {
          const text = ["a", "b", "c"].join(d) + eol + rows.map((r) => r.join(d)).join(eol) + (finalEol ? eol : "");
          const t = parseCsvTable(text, { delimiter: d });
          // A row whose cells are all blank is kept only when a later row has a value.
          let last = rows.length - 1;
          while (last >= 0 && rows[last].every((c) => c === "")) last--;
          if (t.nrows !== last + 1) return false;
          return [0, 1, 2].every((j) => {
            const col = t.columns[j];
            if (col.kind !== "number") return rows.slice(0, last + 1).every((r) => r[j] === "");
            return rows.slice(0, last + 1).every((r, i) => Object.is(col.values[i], expected(r[j])));
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  test("a row the fast lane cannot read (text, a leading-zero code, a quoted field) hands over mid-file; later rows are read as before", () => {
    const text = "id,x,y\n1,0.5,2e-8\n2,1.25,-3\n3,\"4\",5\n4,1E+03,.5\n5,2.,-0\n";
    const t = parseCsvTable(text);
    expect(t.nrows).toBe(5);
    const x = t.columns[1];
    const y = t.columns[2];
    expect(x.kind === "number" && Array.from(x.values.slice(0, 5))).toEqual([0.5, 1.25, 4, 1000, 2]);
    expect(y.kind === "number" && Array.from(y.values.slice(0, 5))).toEqual([2e-8, -3, 5, 0.5, -0]);
    expect(y.kind === "number" && Object.is(y.values[4], -0)).toBe(true);
    const codes = parseCsvTable("code,x\n1,2\n007,3\n8,4\n");
    const c = codes.columns[0];
    expect(c.kind).toBe("text");
    expect(c.kind === "text" && Array.from(c.codes.slice(0, 3)).map((k) => c.levels[k])).toEqual(["1", "007", "8"]);
  });

  test("a delimiter that could be part of a number keeps the general reader", () => {
    for (const d of ".-+eE0") expect(fastLaneDelimiter(d.charCodeAt(0))).toBe(false);
    for (const d of ",;\t|") expect(fastLaneDelimiter(d.charCodeAt(0))).toBe(true);
  });
});

describe("CSV fast lane beside the file's conventions", () => {
  test("rows it reads keep their line in the file (blank lines above are counted)", () => {
    const t = parseCsvTable("id,year,x\n1,2003,1\n\n1,2004,2\n2,2003,3\r\n\r\n2,2004,4\n", { file: "f.csv" });
    expect(t.nrows).toBe(4);
    expect(Array.from(t.rowNumbers!.slice(0, 4))).toEqual([2, 4, 5, 7]);
  });

  test("a decimal-comma file reads 1.234 as thousands (1234), not through the fast lane as 1.234", () => {
    const t = parseCsvTable("id;year;x\n1;2003;1,5\n1;2004;1.234\n2;2003;2\n", { file: "f.csv" });
    expect(Array.from(numericColumn(t, "x"))).toEqual([1.5, 1234, 2]);
  });
});
