/**
 * econsheet coupling / topsis / gini / density: the JSON contract of DESIGN.md "Regional analysis",
 * numbers equal to the R reference (test/fixtures/reference.regional.json), errors in en and zh.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import { cli } from "../helpers/cli";
import { fixturePath, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.regional.json");
const sample = fixturePath("regional_sample.csv");
const cigar = fixturePath("cigar.csv");

describe("econsheet regional commands", () => {
  test("coupling --json: {systems, alpha, rows:[{id, time, C, T, D, level, levelName}], notes}", async () => {
    const r = await cli("coupling", "--data", sample, "--systems", "fi,dig", "--alpha", "0.6,0.4", "--id", "province", "--time", "year", "--json");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.systems).toEqual(["fi", "dig"]);
    expect(j.alpha).toEqual([0.6, 0.4]);
    expect(Object.keys(j.rows[0]).sort()).toEqual(["C", "D", "T", "id", "level", "levelName", "time"]);
    expect(j.rows[0].id).toBe("北京");
    expect(j.rows[0].time).toBe(2003);
    j.rows.forEach((row: { D: number; level: number }, k: number) => {
      expectRel(row.D, ref.sample.coupling2.D[k], 1e-9, `D ${k}`);
      expect(row.level).toBe(ref.sample.coupling2.level[k]);
    });
    expect(j.notes[0]).toMatch(/2 row\(s\) skipped/);
  });
  test("coupling --lang zh: level names and messages in Chinese; text table by default", async () => {
    const r = await cli("coupling", "--data", sample, "--systems", "fi,rcd,dig", "--id", "province", "--time", "year", "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/耦合协调度 D/);
    expect(r.stdout).toMatch(/初级协调/);
    const bad = await cli("coupling", "--data", sample, "--systems", "fi,x1", "--id", "province", "--time", "year", "--lang", "zh");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/系统 'x1'（北京, 2003, row 2）：U = 37.12 不在 \[0, 1\] 内/);
  });
  test("topsis --json on Cigar by periods: weights, rows with closeness and rank, periods", async () => {
    const r = await cli("topsis", "--data", cigar, "--indicators", "price,pop,ndi,sales", "--negative", "price", "--id", "state", "--time", "year", "--by", "periods", "--periods", "1963;1964-1980;1981-1992", "--json");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.periods.map((p: { label: string }) => p.label)).toEqual(["1963", "1964-1980", "1981-1992"]);
    expect(Object.keys(j.rows[0]).sort()).toEqual(["closeness", "dMinus", "dPlus", "id", "rank", "time"]);
    j.rows.forEach((row: { closeness: number; rank: number }, k: number) => {
      expectRel(row.closeness, ref.cigar.topsis_periods.closeness[k], 1e-9, `C ${k}`);
      expect(row.rank).toBe(ref.cigar.topsis_periods.rank[k]);
    });
  });
  test("gini --theil --json: every component, the between keys higher-mean first, Theil's split", async () => {
    const r = await cli("gini", "--data", sample, "--var", "fi", "--group", "region4", "--id", "province", "--time", "year", "--theil", "--json");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.years).toHaveLength(21);
    j.years.forEach((y: { G: number; Gw: number; Gnb: number; Gt: number; between: Record<string, number>; theil: { total: number; within: number; between: number } }, k: number) => {
      for (const q of ["G", "Gw", "Gnb", "Gt"] as const) expectRel(y[q], ref.sample.dagum_region4[k][q], 1e-9, `${q} ${k}`);
      expect(Object.keys(y.between).sort()).toEqual(Object.keys(ref.sample.dagum_region4[k].between).sort());
      expectRel(y.theil.between, ref.sample.theil_region4[k].between, 1e-9, `Theil between ${k}`);
    });
  });
  test("gini with the built-in regions from province names (no region column), labels in zh", async () => {
    // The sample without its region columns: region4 is then built from the province names.
    const lines = readFileSync(sample, "utf8").trim().split("\n").map((l) => l.split(",").filter((_, j) => j !== 2 && j !== 3).join(","));
    const file = join(mkdtempSync(join(tmpdir(), "econsheet-")), "panel.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const r = await cli("gini", "--data", file, "--var", "fi", "--group", "region4", "--id", "province", "--time", "year", "--json", "--lang", "zh");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.groups).toEqual(["东部", "中部", "西部", "东北"]);
    expectRel(j.years[0].G, ref.sample.dagum_region4[0].G, 1e-12, "G");
    expectRel(j.years[0].within["东北"], ref.sample.dagum_region4[0].within.Northeast, 1e-12, "G_jj");
  });
  test("density --json: 512 points by default, the chosen years", async () => {
    const r = await cli("density", "--data", cigar, "--var", "sales", "--time", "year", "--years", "1963,1977,1992", "--json");
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.years.map((y: { time: number }) => y.time)).toEqual([1963, 1977, 1992]);
    j.years.forEach((y: { bandwidth: number; x: number[]; y: number[] }, k: number) => {
      expect(y.x).toHaveLength(512);
      expectRel(y.bandwidth, ref.cigar.density[k].bw_nrd0, 1e-12, "h");
      expectRel(y.y[200], ref.cigar.density[k].y[200], 1e-9, "f");
    });
  });
  test("an unknown column or group names it and lists the choices, in en and zh", async () => {
    const r = await cli("gini", "--data", sample, "--var", "fii", "--group", "region4", "--id", "province", "--time", "year");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Unknown variable 'fii'\. Available columns: province, year/);
    const z = await cli("gini", "--data", sample, "--var", "fi", "--group", "regoin", "--id", "province", "--time", "year", "--lang", "zh");
    expect(z.stderr).toMatch(/分组 'regoin' 既不是数据中的列.*region4：国家统计局四大区域/);
    const d = await cli("density", "--data", sample, "--var", "fi", "--time", "year", "--years", "1999");
    expect(d.stderr).toMatch(/years: 1999 is not in the data of 'fi'/);
  });
  test("--group and --svg: the level distribution, the figures, no overwrite without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "econsheet-svg-"));
    const svg = join(dir, "coupling.svg");
    const r = await cli("coupling", "--data", sample, "--systems", "fi,rcd,dig", "--id", "province", "--time", "year", "--group", "region4", "--svg", svg);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Year\s+Region\s+N\s+Mean D\s+Level of mean D/);
    expect(readFileSync(svg, "utf8")).toContain("Coupling coordination degree D by region");
    const again = await cli("coupling", "--data", sample, "--systems", "fi,rcd", "--svg", svg);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/--svg .*coupling.svg already exists\. Add --force to replace it/);
    // The data file is never an output, even with --force.
    const overData = await cli("coupling", "--data", sample, "--systems", "fi,rcd", "--svg", sample, "--force");
    expect(overData.code).toBe(1);
    expect(overData.stderr).not.toMatch(/internal error/);
    const noTime = await cli("coupling", "--data", sample, "--systems", "fi,rcd", "--svg", svg, "--force");
    expect(noTime.stderr).toMatch(/The coupling chart plots D over time: give the id and time columns/);
    expect((await cli("coupling", "--data", sample, "--systems", "fi,rcd", "--id", "province", "--time", "year", "--svg", svg, "--force")).code).toBe(0);
    const g = await cli("gini", "--data", sample, "--var", "fi", "--group", "region4", "--id", "province", "--time", "year", "--svg", join(dir, "gini.svg"), "--lang", "zh");
    expect(g.code).toBe(0);
    expect(readFileSync(join(dir, "gini.svg"), "utf8")).toContain("超变密度");
    const d = await cli("density", "--data", sample, "--var", "fi", "--time", "year", "--years", "2003,2023", "--svg", join(dir, "kd.svg"));
    expect(d.code).toBe(0);
    expect((readFileSync(join(dir, "kd.svg"), "utf8").match(/<polyline/g) ?? []).length).toBe(2);
  });
  test("density reads years written as 2003年; a bad year names its row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "econsheet-years-"));
    const file = join(dir, "p.csv");
    writeFileSync(file, "province,year,fi\n北京,2003年,0.3\n天津,2003年,0.5\n上海,2003年,0.2\n北京,2004年,0.4\n天津,2004年,0.1\n上海,2004年,0.7\n");
    const r = await cli("density", "--data", file, "--var", "fi", "--time", "year", "--years", "2004", "--json");
    expect(r.code).toBe(0);
    expect(r.json().years[0].n).toBe(3);
    writeFileSync(join(dir, "q.csv"), "province,year,fi\n北京,soon,0.3\n");
    const bad = await cli("density", "--data", join(dir, "q.csv"), "--var", "fi", "--time", "year");
    expect(bad.stderr).toMatch(/Column 'year' row 2: 'soon' is not a year\. Write years as 2003 or 2003年/);
  });
});
