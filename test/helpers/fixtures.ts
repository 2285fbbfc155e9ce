import { readFileSync } from "fs";
import { join } from "path";
import { readCsvGrid, readCsvTable } from "../../src/cli/read-data";
import { DataTable } from "../../src/core/data/data-table";
import { Cell } from "../../src/core/data/cells";

/** Test data copied from ../shared/data (see test/fixtures/README.md for provenance). */
export const FIXTURES = join(__dirname, "..", "fixtures");

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** A reference JSON file (computed by R plm/sandwich/lmtest, cross-checked with gretl). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadReference(name: string): any {
  return JSON.parse(readFileSync(fixturePath(name), "utf8"));
}

export function fixtureGrid(name: string): Cell[][] {
  return readCsvGrid(fixturePath(name));
}

/** A fixture CSV read as the CLI reads --data (typed columns, no grid). */
export function fixtureTable(name: string): DataTable {
  return readCsvTable(fixturePath(name));
}

/** A grid as Excel hands it to a custom function: numbers as numbers, blanks as "". */
export function excelGrid(name: string): (string | number)[][] {
  return fixtureGrid(name).map((row, i) =>
    row.map((c) => {
      if (i === 0) return String(c);
      const s = String(c ?? "");
      return s === "" || s === "NA" ? "" : Number.isFinite(Number(s)) ? Number(s) : s;
    }),
  );
}

/** |a − b| / max(|b|, tiny): relative error against a reference value. */
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/** Asserts a relative error, naming the quantity when it fails. */
export function expectRel(actual: number | undefined, expected: number, tol: number, what = ""): void {
  if (actual === undefined || !Number.isFinite(actual) || relErr(actual, expected) > tol) {
    throw new Error(`${what}: got ${actual}, reference ${expected}, relative error ${actual === undefined ? "n/a" : relErr(actual, expected)} > ${tol}`);
  }
}
