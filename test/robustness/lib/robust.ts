/**
 * Shared pieces of the robustness suite (test/robustness/cli-*.test.ts, adapters-*.test.ts):
 * a scratch folder with small panels and broken files, and the two verdicts every case ends in —
 * a clean refusal (exit code ≠ 0, a message naming the place, no internal error or stack trace)
 * or a clean result (exit 0, no NaN/null where a number belongs).
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { CliRun } from "../../helpers/cli";
import { fixturePath } from "../../helpers/fixtures";
import { EconError } from "../../../src/core/errors";

/** A fresh scratch folder for one test file. */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `econsheet-robust-${name}-`));
}

/** Signs of a crash rather than a message: a stack frame, an internal error, a JS error name. */
const CRASH = /internal error|\n\s+at \S+ \(|TypeError|RangeError|ReferenceError|SyntaxError: |Cannot read propert|is not a function|undefined is not|Maximum call stack/;

/** The CLI refused: non-zero exit, the message matches `place` (the flag, file, path or column), no crash. */
export function expectRefused(r: CliRun, place: RegExp | string): void {
  const text = r.stderr;
  if (r.code === 0 || CRASH.test(text) || !(typeof place === "string" ? text.includes(place) : place.test(text))) {
    throw new Error(`expected a clean refusal naming ${String(place)}; got exit ${r.code}\nstderr: ${text}\nstdout: ${r.stdout.slice(0, 400)}`);
  }
  expect(r.code).not.toBe(0);
}

/** The CLI succeeded without a crash; returns stdout. */
export function expectOk(r: CliRun): string {
  if (r.code !== 0 || CRASH.test(r.stderr)) throw new Error(`expected success; got exit ${r.code}\nstderr: ${r.stderr}`);
  return r.stdout;
}

/** Every number in a JSON value is finite; `nullable` lists keys allowed to be null (e.g. theta for FE). */
export function expectFiniteNumbers(value: unknown, nullable: readonly string[] = [], path = "$"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectFiniteNumbers(v, nullable, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (v === null && !nullable.includes(k)) throw new Error(`${path}.${k} is null`);
      expectFiniteNumbers(v, nullable, `${path}.${k}`);
    }
  }
}

/** An adapter either returns a grid of finite numbers and text, or throws an EconError (never a JS error). */
export function adapterVerdict(f: () => unknown): { ok: true; grid: (string | number)[][] } | { ok: false; error: EconError } {
  let out: unknown;
  try {
    out = f();
  } catch (e) {
    if (e instanceof EconError) {
      expect(e.text.en).not.toMatch(/undefined|NaN|\[object /);
      expect(e.text.zh.length).toBeGreaterThan(0);
      return { ok: false, error: e };
    }
    throw new Error(`not an EconError: ${(e as Error)?.stack ?? String(e)}`);
  }
  expect(Array.isArray(out)).toBe(true);
  const grid = out as unknown[][];
  for (const row of grid) {
    expect(Array.isArray(row)).toBe(true);
    for (const c of row) {
      if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
      else expect(typeof c).toBe("string");
      if (typeof c === "string") expect(c).not.toMatch(/^(NaN|undefined|null|Infinity|-Infinity)$/);
    }
  }
  return { ok: true, grid: grid as (string | number)[][] };
}

/** The project's small panels copied into `dir` (CSV), plus a tidy-panel workbook. */
export async function standardFiles(dir: string): Promise<{ csv: string; did: string; xlsx: string }> {
  const csv = join(dir, "grunfeld.csv");
  copyFileSync(fixturePath("grunfeld.csv"), csv);
  const did = join(dir, "did.csv");
  copyFileSync(fixturePath("did_common.csv"), did);
  const xlsx = join(dir, "panel.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Panel");
  ws.addRow(["province", "year", "y", "x"]);
  const provinces = ["北京", "天津", "河北", "山西", "上海", "江苏"];
  provinces.forEach((p, i) => {
    for (let t = 0; t < 5; t++) ws.addRow([p, 2010 + t, 1 + i + t * 0.5 + ((i * 7 + t * 3) % 5) * 0.1, t + i * 0.3 + ((i + t) % 3) * 0.2]);
  });
  await wb.xlsx.writeFile(xlsx);
  return { csv, did, xlsx };
}

export function writeText(dir: string, name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

export function subdir(dir: string, name: string): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  return p;
}
