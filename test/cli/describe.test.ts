import { existsSync } from "fs";
import { join } from "path";
import { execFileSync } from "child_process";
import { cli } from "../helpers/cli";
import { fixturePath, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.grunfeld.json").descriptives.variables;

function checkAgainstR(json: { variables: { name: string; [k: string]: unknown }[] }, withXtsum: boolean): void {
  for (const name of ["inv", "value", "capital"]) {
    const v = json.variables.find((x) => x.name === name) as Record<string, number>;
    const r = ref[name];
    expect(v.n).toBe(r.n);
    for (const [mine, theirs] of [["mean", "mean"], ["sd", "sd"], ["min", "min"], ["max", "max"], ["median", "median"], ["p25", "p25_type7"], ["p75", "p75_type7"], ["skewness", "skewness"], ["kurtosis", "kurtosis"]]) {
      expectRel(v[mine], r[theirs], 1e-9, `${name}.${mine}`);
    }
    if (withXtsum) {
      expectRel(v.sdBetween, r.sd_between, 1e-9, `${name}.sdBetween`);
      expectRel(v.sdWithin, r.sd_within, 1e-9, `${name}.sdWithin`);
    }
  }
}

describe("econsheet describe", () => {
  test("--json on grunfeld.csv matches R to 1e-9", async () => {
    const run = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--vars", "inv,value,capital", "--json");
    expect(run.code).toBe(0);
    checkAgainstR(run.json(), false);
  });

  test("--id firm adds xtsum between/within SD matching R", async () => {
    const run = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--id", "firm", "--time", "year", "--json");
    expect(run.code).toBe(0);
    checkAgainstR(run.json(), true);
  });

  test("text output is a three-line table", async () => {
    const run = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--vars", "inv");
    expect(run.stdout).toMatch(/Variable\s+N\s+Mean/);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("─"))).toHaveLength(3);
  });

  test("unknown variable: exit 1, message on stderr naming the columns", async () => {
    const run = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--vars", "gdp", "--json");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Unknown variable 'gdp'. Available columns: firm, year, inv, value, capital/);
  });

  test("Chinese messages with --lang zh", async () => {
    const run = await cli("describe", "--data", fixturePath("grunfeld.csv"), "--vars", "gdp", "--lang", "zh");
    expect(run.stderr).toMatch(/找不到变量 'gdp'/);
  });

  test("unknown option and unknown command are refused", async () => {
    expect((await cli("describe", "--data", fixturePath("grunfeld.csv"), "--varz", "x")).stderr).toMatch(/Unknown option --varz/);
    expect((await cli("nonsense")).code).toBe(2);
  });

  const built = join(__dirname, "..", "..", "dist", "cli.js");
  (existsSync(built) ? test : test.skip)("the built dist/cli.js prints the same JSON", () => {
    const out = execFileSync(process.execPath, [built, "describe", "--data", fixturePath("grunfeld.csv"), "--id", "firm", "--time", "year", "--json"], { encoding: "utf8" });
    checkAgainstR(JSON.parse(out), true);
  });
});
