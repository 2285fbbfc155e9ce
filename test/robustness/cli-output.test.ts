/**
 * Nothing lost: every command that writes a file refuses to overwrite one of its inputs (even
 * with --force), refuses an existing output unless --force, and writes through a temporary file
 * renamed into place (no temporary file is left behind, a refused run leaves the file as it was).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { cli } from "../helpers/cli";
import { expectOk, expectRefused, scratch, standardFiles } from "./lib/robust";
import { checkOutputPath, realPathOf, writeOutputFile } from "../../src/cli/output-file";
import { EconError } from "../../src/core/errors";

const dir = scratch("output");
let files: { csv: string; did: string; xlsx: string };
const yearbook = join(dir, "yearbook.xlsx");
const spec = join(dir, "spec.json");

beforeAll(async () => {
  files = await standardFiles(dir);
  copyFileSync(join(__dirname, "..", "..", "sample", "yearbook.xlsx"), yearbook);
  writeFileSync(
    spec,
    JSON.stringify({
      schema: "econsheet.analysis", version: 1, data: { workbook: "panel.xlsx", id: "province", time: "year" },
      indices: [{ name: "ix", groups: [{ name: "g", indicators: [{ name: "y" }, { name: "x" }] }] }],
      tables: [{ type: "descriptive", title: "T4", vars: ["y", "x", "ix"] }],
    }),
  );
});

const didArgs = () => ["did", "--data", files.did, "--y", "y", "--treat", "d", "--id", "unit", "--time", "year"];

/** Each writing command, as a function of the output path, with the inputs it reads. */
const WRITERS: { name: string; flag: string; args: (out: string) => string[]; inputs: () => string[] }[] = [
  { name: "import --out", flag: "--out", args: (out) => ["import", yearbook, "--out", out], inputs: () => [yearbook] },
  { name: "run --out", flag: "--out", args: (out) => ["run", spec, "--out", out], inputs: () => [spec, files.xlsx] },
  { name: "did --event-study-svg", flag: "--event-study-svg", args: (out) => [...didArgs(), "--event-study-svg", out], inputs: () => [files.did] },
  { name: "did --placebo-svg", flag: "--placebo-svg", args: (out) => [...didArgs(), "--placebo", "3", "--placebo-svg", out], inputs: () => [files.did] },
];

describe.each(WRITERS)("$name", ({ flag, args, inputs }) => {
  test.each([false, true])("refuses to overwrite each input (--force %s), leaving it unchanged", async (force) => {
    for (const input of inputs()) {
      const before = readFileSync(input);
      const r = await cli(...args(input), ...(force ? ["--force"] : []));
      expectRefused(r, /is one of this command's inputs/);
      expect(r.stderr).toContain(flag);
      expect(readFileSync(input).equals(before)).toBe(true);
    }
  });

  test("refuses an input reached through another name (a symbolic or hard link, ..)", async () => {
    const input = inputs()[0];
    const link = join(dir, `link-${Math.random().toString(36).slice(2)}`);
    symlinkSync(input, link);
    expectRefused(await cli(...args(link), "--force"), /is one of this command's inputs/);
    const hard = join(dir, `hard-${Math.random().toString(36).slice(2)}`);
    linkSync(input, hard);
    expectRefused(await cli(...args(hard), "--force"), /is one of this command's inputs/);
    const dotted = join(dir, "sub", "..", input.slice(dir.length + 1));
    mkdirSync(join(dir, "sub"), { recursive: true });
    expectRefused(await cli(...args(dotted), "--force"), /is one of this command's inputs/);
  });

  test("refuses an existing output without --force (unchanged), replaces it with --force", async () => {
    const out = join(dir, `existing-${Math.random().toString(36).slice(2)}.out`);
    writeFileSync(out, "keep me");
    const r = await cli(...args(out));
    expectRefused(r, /already exists\. Add --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expectOk(await cli(...args(out), "--force"));
    expect(readFileSync(out, "utf8")).not.toBe("keep me");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a new output is written; the message is in Chinese with --lang zh", async () => {
    const out = join(dir, `new-${Math.random().toString(36).slice(2)}.out`);
    expectOk(await cli(...args(out)));
    expect(existsSync(out)).toBe(true);
    const zh = await cli(...args(out), "--lang", "zh");
    expectRefused(zh, /已存在。如要替换请加 --force/);
  });

  test("an output that is a folder is refused", async () => {
    const folder = join(dir, `folder-${Math.random().toString(36).slice(2)}`);
    mkdirSync(folder);
    expectRefused(await cli(...args(folder), "--force"), /is a folder/);
  });
});

describe("run --figures", () => {
  test("refuses existing figure files without --force, before writing the workbook", async () => {
    const figs = join(dir, "figs");
    const out1 = join(dir, "r1.xlsx");
    expectOk(await cli("run", spec, "--out", out1, "--figures", figs));
    const names = readdirSync(figs);
    expect(names.length).toBeGreaterThan(0);
    const out2 = join(dir, "r2.xlsx");
    const r = await cli("run", spec, "--out", out2, "--figures", figs);
    expectRefused(r, /--figures .* already exists/);
    expect(existsSync(out2)).toBe(false);
    expectOk(await cli("run", spec, "--out", out2, "--figures", figs, "--force"));
  });

  test("--figures naming a file is refused", async () => {
    const r = await cli("run", spec, "--out", join(dir, "r3.xlsx"), "--figures", files.csv);
    expectRefused(r, /--figures .* is a file/);
  });
});

describe("did writes two different files", () => {
  test("--event-study-svg and --placebo-svg naming the same file are refused", async () => {
    const same = join(dir, "same.svg");
    expectRefused(await cli(...didArgs(), "--placebo", "3", "--event-study-svg", same, "--placebo-svg", same), /name the same file/);
  });
});

describe("output-file helper", () => {
  test("writes via a temporary file and leaves none behind", () => {
    const out = join(dir, "helper", "deep", "x.txt");
    writeOutputFile(out, "a", "--out", { force: false, inputs: [] });
    expect(readFileSync(out, "utf8")).toBe("a");
    expect(readdirSync(join(dir, "helper", "deep"))).toEqual(["x.txt"]);
  });

  test("refuses with the flag and the fix, in both languages", () => {
    const out = join(dir, "helper", "deep", "x.txt");
    let err: EconError | undefined;
    try {
      checkOutputPath(out, "--out", { force: false, inputs: [] });
    } catch (e) {
      err = e as EconError;
    }
    expect(err?.text.en).toMatch(/--out .*x\.txt already exists\. Add --force to replace it/);
    expect(err?.text.zh).toMatch(/已存在/);
  });

  test("realPathOf resolves a path whose file does not exist yet through its folder", () => {
    expect(realPathOf(join(dir, "sub", "..", "nofile.csv"))).toBe(join(realPathOf(dir), "nofile.csv"));
  });
});
