import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createHash } from "crypto";
import { tmpdir } from "os";
import { join } from "path";

/*
 * dist/cli.js starts dist/cli-main.js with V8's code cache dist/cli-main.cache (src/cli/launcher.cjs).
 * The cache may only change how fast the CLI starts: a missing, foreign or corrupt cache must give
 * the same output as the real one. Needs a build (npm run build); skipped without one.
 */
const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const built = existsSync(join(dist, "cli.js")) && existsSync(join(dist, "cli-main.js"));
const grunfeld = join(root, "sample", "grunfeld.csv");
const args = ["describe", "--data", grunfeld, "--id", "firm", "--time", "year", "--json"];

function runIn(dir: string) {
  return spawnSync(process.execPath, [join(dir, "cli.js"), ...args], { encoding: "utf8" });
}

(built ? describe : describe.skip)("the CLI launcher and its code cache", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "econsheet-launcher-"));
    for (const f of ["cli.js", "cli-main.js"]) copyFileSync(join(dist, f), join(work, f));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the build wrote a cache made from exactly this bundle", () => {
    const cache = readFileSync(join(dist, "cli-main.cache"));
    const digest = createHash("sha256").update(readFileSync(join(dist, "cli-main.js"))).digest();
    expect(cache.subarray(0, 32).equals(digest)).toBe(true);
    expect(cache.length).toBeGreaterThan(10000);
  });

  test("no cache, a cache of another bundle and a corrupt cache all give the output of the real cache", () => {
    const reference = spawnSync(process.execPath, [join(dist, "cli.js"), ...args], { encoding: "utf8" });
    expect(reference.status).toBe(0);
    expect(JSON.parse(reference.stdout).variables.length).toBeGreaterThan(0);
    const cacheFile = join(work, "cli-main.cache");
    const digest = createHash("sha256").update(readFileSync(join(work, "cli-main.js"))).digest();
    const cases: [string, Buffer | undefined][] = [
      ["no cache", undefined],
      ["another bundle's cache", Buffer.concat([Buffer.alloc(32, 7), readFileSync(join(dist, "cli-main.cache")).subarray(32)])],
      ["right digest, corrupt V8 data", Buffer.concat([digest, Buffer.alloc(5000, 0xab)])],
      ["truncated", digest.subarray(0, 10)],
    ];
    for (const [name, cache] of cases) {
      rmSync(cacheFile, { force: true });
      if (cache) writeFileSync(cacheFile, cache);
      const r = runIn(work);
      expect({ name, status: r.status, stderr: r.stderr }).toEqual({ name, status: 0, stderr: "" });
      expect(r.stdout).toBe(reference.stdout);
    }
  });
});
