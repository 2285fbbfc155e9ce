/**
 * `econsheet entropy` in-process (entropyCommand.run(parseArgs(argv), io)) against
 * test/fixtures/reference.entropy.json, computed from first principles in R 4.2.2: weights,
 * level-2 weights and every score within 1e-9 relative; the DESIGN.md §5 JSON shape.
 */
import { entropyCommand } from "../../src/cli/commands/entropy";
import { parseArgs } from "../../src/cli/args";
import { EconError } from "../../src/core/errors";
import { fixturePath, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.entropy.json");
const names: string[] = ref.indicators;
const negative = names.filter((n) => ref.directions[n] === -1);
const groupSpec = Object.entries(ref.hierarchy.level2 as Record<string, string[]>).map(([g, inds]) => `${g}:${inds.join(",")}`).join(";");
const base = ["--data", fixturePath("cigar.csv"), "--indicators", names.join(","), "--negative", negative.join(","), "--id", "state", "--time", "year"];

interface Block { m: number; entropy: Record<string, number>; redundancy: Record<string, number>; weights: Record<string, number> }
interface ScoreEntry { id: string; time: number; score: number; groups?: Record<string, number> }

async function run(...extra: string[]): Promise<{ code: number; json: any; stderr: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let out = "", err = "";
  const code = await entropyCommand.run(parseArgs([...base, ...extra]), { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, json: extra.includes("--json") ? JSON.parse(out) : out, stderr: err };
}

function checkBlock(got: Block, want: Block, what: string) {
  expect(got.m).toBe(want.m);
  for (const n of names) {
    expectRel(got.entropy[n], want.entropy[n], 1e-9, `${what} e ${n}`);
    expectRel(got.redundancy[n], want.redundancy[n], 1e-9, `${what} d ${n}`);
    expectRel(got.weights[n], want.weights[n], 1e-9, `${what} w ${n}`);
  }
}

/** Every reference score (rows listed by state and year) against the JSON score list. */
function checkScores(scores: ScoreEntry[], want: { score_rows: { state: number[]; year: number[] }; score_unshifted: number[] }, what: string) {
  const byKey = new Map(scores.map((s) => [`${s.id}/${s.time}`, s.score]));
  expect(want.score_unshifted.length).toBeGreaterThan(0);
  want.score_rows.state.forEach((st, r) => expectRel(byKey.get(`${st}/${want.score_rows.year[r]}`), want.score_unshifted[r], 1e-9, `${what} score ${st}/${want.score_rows.year[r]}`));
}

describe("econsheet entropy --json against R", () => {
  test("pooled, h = 0.0001 (default): the DESIGN.md §5 shape, weights, level-2 weights, all 1380 scores and their sub-indices", async () => {
    const { code, json, stderr } = await run("--groups", groupSpec, "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const key of ["m", "weights", "entropy", "redundancy", "scores", "periods", "groups"]) expect(json).toHaveProperty(key);
    expect(json.m).toBe(1380);
    expect(json.periods).toEqual([]);
    checkBlock(json, ref.pooled.shift_1e_4, "pooled h=1e-4");
    for (const [g, w] of Object.entries(ref.pooled.shift_1e_4.level2_weights as Record<string, number>)) expectRel(json.groups[g], w, 1e-9, `level-2 ${g}`);
    expect(json.scores).toHaveLength(1380);
    checkScores(json.scores, ref.pooled.shift_1e_4, "pooled h=1e-4");
    // each row's sub-indices add up to its score
    for (const s of json.scores as ScoreEntry[]) expect(Object.values(s.groups!).reduce((a, b) => a + b, 0)).toBeCloseTo(s.score, 13);
  });

  test("pooled, --shift 0 (p ln p = 0 at p = 0): weights and all scores", async () => {
    const { json } = await run("--shift", "0", "--json");
    expect(json.shift).toBe(0);
    checkBlock(json, ref.pooled.shift_0, "pooled h=0");
    checkScores(json.scores, ref.pooled.shift_0, "pooled h=0");
  });

  for (const variant of ["shift_1e_4", "shift_0"] as const) {
    test(`--by year, ${variant}: 1963 and 1992 weights, and their scores from their own year's weights and min/max`, async () => {
      const { json } = await run("--by", "year", "--shift", String(ref.per_year["1963"][variant].shift), "--json");
      expect(json.periods).toHaveLength(30);
      for (const year of ["1963", "1992"]) {
        const want = ref.per_year[year][variant];
        checkBlock(json.periods.find((p: { label: string }) => p.label === year), want, `year ${year} ${variant}`);
        checkScores(json.scores, want, `year ${year} ${variant}`);
      }
    });
  }

  test("--by periods with --groups: each sub-period's e, d, w and level-2 weights", async () => {
    const { json } = await run("--by", "periods", "--periods", "1963;1964-1972;1973-1991;1992", "--groups", groupSpec, "--json");
    expect(json.periods.map((p: { label: string }) => p.label)).toEqual(["1963", "1964-1972", "1973-1991", "1992"]);
    for (const p of json.periods) {
      const want = ref.sub_periods[p.label];
      checkBlock(p, want, `period ${p.label}`);
      for (const [g, w] of Object.entries(want.level2_weights as Record<string, number>)) expectRel(p.groups[g], w, 1e-9, `period ${p.label} ${g}`);
    }
  });

  test("aboveMean: the year mean and the states above it in 1963 and 1992, and the states above it every year", async () => {
    const { json } = await run("--json");
    for (const year of ["1963", "1992"]) {
      const y = json.aboveMean.years.find((v: { time: number }) => v.time === Number(year));
      expectRel(y.mean, ref.above_year_mean[year].year_mean, 1e-9, `${year} mean`);
      expect(y.above.map(Number).sort((a: number, b: number) => a - b)).toEqual(ref.above_year_mean[year].states_above);
    }
    // "always above" must be above in both reference years (and is non-empty on this panel)
    expect(json.aboveMean.alwaysAbove.length).toBeGreaterThan(0);
    for (const s of json.aboveMean.alwaysAbove) {
      expect(ref.above_year_mean["1963"].states_above).toContain(Number(s));
      expect(ref.above_year_mean["1992"].states_above).toContain(Number(s));
    }
  });
});

describe("econsheet entropy: text output and bad input", () => {
  test("without --json: a text weights table in the Table-1 layout with --groups", async () => {
    const { json: text } = await run("--groups", groupSpec, "--level1", "composite");
    expect(text).toMatch(/Level 1\s+Level 2\s+Level 3\s+Direction\s+Weight w/);
    expect(text).toMatch(/composite\s+population/);
  });

  test.each([
    [["--by", "decade"], /--by.*'decade' is not one of pooled, year, periods/],
    [["--missing", "zero"], /--missing.*'zero' is not one of error, drop, interpolate/],
    [["--by", "periods"], /needs the periods/],
    [["--groups", "population:pop,pop16"], /belong to no group/],
  ])("%p is refused with a message", async (extra, message) => {
    const e = await run(...extra, "--json").then(() => undefined, (err: EconError) => err);
    expect(e).toBeInstanceOf(EconError);
    expect(e!.text.en).toMatch(message);
    expect(e!.text.zh.length).toBeGreaterThan(0);
  });

  test("an alias of --by is resolved in the same place as the custom functions' mode option", async () => {
    const { json } = await run("--by", "per-year", "--json");
    expect(json.mode).toBe("year");
  });
});
