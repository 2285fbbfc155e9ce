/**
 * `econsheet panel|did --wild-bootstrap B …`: the JSON `wildBootstrap` field of DESIGN.md, the
 * numbers of the base-R brute-force reference (test/fixtures/reference.wild-bootstrap.json), the
 * text table and the messages for misuse.
 */
import { cli } from "../helpers/cli";
import { fixturePath, fixtureTable, loadReference } from "../helpers/fixtures";
import { didWildBootstrap } from "../../src/core/did/did-wild";

const ref = loadReference("reference.wild-bootstrap.json").cases;
const panel = ["panel", "--data", fixturePath("grunfeld.csv"), "--formula", "inv ~ value + capital", "--id", "firm", "--time", "year"];

test("panel --wild-bootstrap: the JSON field with the enumerated reference values", async () => {
  const run = await cli(...panel, "--effect", "twoways", "--vcov", "cluster", "--wild-bootstrap", "9999", "--json");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const w = run.json().wildBootstrap;
  expect(Object.keys(w)).toEqual(expect.arrayContaining(["reps", "weights", "enumerated", "seed", "level", "terms"]));
  expect(w).toMatchObject({ reps: 1024, weights: "rademacher", enumerated: true, seed: null, level: 0.95 });
  const r = ref.grunfeld_twoways.terms;
  for (const term of ["value", "capital"]) {
    expect(w.terms[term].p).toBe(r[term].p);
    expect(Math.abs(w.terms[term].confInt[0] / r[term].confInt[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(w.terms[term].confInt[1] / r[term].confInt[1] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(w.terms[term].t / r[term].t - 1)).toBeLessThan(1e-9);
  }
});

test("panel --wild-terms, --weights webb and --seed: one term, seeded draws, reps = B + 1", async () => {
  const run = await cli(...panel, "--vcov", "cluster", "--wild-bootstrap", "499", "--weights", "webb", "--seed", "42", "--wild-terms", "capital", "--json");
  expect(run.code).toBe(0);
  const w = run.json().wildBootstrap;
  expect(Object.keys(w.terms)).toEqual(["capital"]);
  expect(w).toMatchObject({ reps: 500, weights: "webb", enumerated: false, seed: 42 });
  expect(w.terms.capital.p * 500).toBeCloseTo(Math.round(w.terms.capital.p * 500), 9);
});

test("panel text output shows the wild p and interval columns and the note", async () => {
  const run = await cli(...panel, "--vcov", "cluster", "--wild-bootstrap", "9999", "--lang", "zh");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Wild bootstrap P 值");
  expect(run.stdout).toContain("穷举全部 2^10 = 1024 个符号向量");
});

test("misuse is refused with the fix", async () => {
  const noCluster = await cli(...panel, "--wild-bootstrap", "999", "--json");
  expect(noCluster.code).not.toBe(0);
  expect(noCluster.stderr).toMatch(/vcov = cluster/);
  const noB = await cli(...panel, "--vcov", "cluster", "--weights", "webb", "--json");
  expect(noB.code).not.toBe(0);
  expect(noB.stderr).toMatch(/--wild-bootstrap B/);
  const badB = await cli(...panel, "--vcov", "cluster", "--wild-bootstrap", "2.5", "--json");
  expect(badB.stderr).toMatch(/whole number/);
  const bare = await cli(...panel, "--vcov", "cluster", "--json", "--wild-bootstrap");
  expect(bare.code).not.toBe(0);
  expect(bare.stderr).toMatch(/needs the number of draws/);
  const badTerm = await cli(...panel, "--vcov", "cluster", "--wild-bootstrap", "99", "--wild-terms", "gdp", "--json");
  expect(badTerm.stderr).toMatch(/'gdp' is not a coefficient/);
});

test("did --wild-bootstrap tests the treatment term of the two-way FE regression, clustered by unit", async () => {
  const args = ["did", "--data", fixturePath("did_common.csv"), "--y", "y", "--id", "unit", "--time", "year", "--treat", "d", "--controls", "x"];
  const run = await cli(...args, "--wild-bootstrap", "999", "--seed", "3", "--json");
  expect(run.stderr).toBe("");
  const j = run.json();
  expect(Object.keys(j.wildBootstrap.terms)).toEqual(["d"]);
  expect(j.wildBootstrap.terms.d.t).toBeCloseTo(j.tstats.d, 9);
  expect(j.wildBootstrap).toEqual(JSON.parse(JSON.stringify(didWildBootstrap(fixtureTable("did_common.csv"), { y: "y", id: "unit", time: "year", treat: "d", controls: ["x"] }, { reps: 999, seed: 3 }))));
  const text = await cli(...args, "--wild-bootstrap", "999");
  expect(text.stdout).toContain("Wild cluster bootstrap p");
});

test("table SPEC.json --wild-bootstrap: brackets under the SEs, one wildBootstrap per column", async () => {
  const { mkdtempSync, writeFileSync } = await import("fs");
  const { join } = await import("path");
  const { tmpdir } = await import("os");
  const dir = mkdtempSync(join(tmpdir(), "wild-table-"));
  const specFile = join(dir, "t.json");
  writeFileSync(specFile, JSON.stringify({ data: fixturePath("grunfeld.csv"), id: "firm", time: "year", models: [{ formula: "inv ~ value + capital", effect: "twoways", vcov: "cluster" }] }));
  const run = await cli("table", specFile, "--wild-bootstrap", "9999", "--json");
  expect(run.stderr).toMatch(/^reading [^\n]*\n$/); // only the data path it resolved
  const j = run.json();
  expect(j.wildBootstrap).toHaveLength(1);
  expect(j.wildBootstrap[0].terms.capital.p).toBe(ref.grunfeld_twoways.terms.capital.p);
  const text = await cli("table", specFile, "--wild-bootstrap", "9999");
  expect(text.stdout).toContain(`[${ref.grunfeld_twoways.terms.capital.p.toFixed(3)}]`);
});
