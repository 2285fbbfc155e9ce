/**
 * Entropy weight method against test/fixtures/reference.entropy.json (computed from first
 * principles in R): weights and scores ≤ 1e-9 relative, through the core, the CLI and ECON.*.
 */
import { entropyIndex, aboveMean } from "../../src/core/indices/entropy-index";
import { entropyInputFromTable, parseGroups } from "../../src/core/indices/entropy-input";
import { Direction } from "../../src/core/indices/direction";
import { fixtureTable, loadReference, expectRel, fixturePath, excelGrid } from "../helpers/fixtures";
import { cli } from "../helpers/cli";
import { installCustomFunctionsGlobal } from "../helpers/custom-functions-global";
import { entropyweights, entropyscore, abovemean } from "../../src/functions/functions";

installCustomFunctionsGlobal();
const ref = loadReference("reference.entropy.json");
const cigar = fixtureTable("cigar.csv");
const names: string[] = ref.indicators;
const dirs: Direction[] = names.map((n) => (ref.directions[n] === -1 ? "negative" : "positive"));
const groupSpec = Object.entries(ref.hierarchy.level2 as Record<string, string[]>).map(([g, inds]) => `${g}:${inds.join(",")}`).join(";");
const input = entropyInputFromTable(cigar, { indicators: names, directions: dirs, id: "state", time: "year", groups: parseGroups(groupSpec) });

function checkWeights(got: { entropy: Record<string, number>; redundancy: Record<string, number>; weights: Record<string, number> }, block: { entropy: Record<string, number>; redundancy: Record<string, number>; weights: Record<string, number> }, what: string) {
  for (const n of names) {
    expectRel(got.entropy[n], block.entropy[n], 1e-9, `${what} e ${n}`);
    expectRel(got.redundancy[n], block.redundancy[n], 1e-9, `${what} d ${n}`);
    expectRel(got.weights[n], block.weights[n], 1e-9, `${what} w ${n}`);
  }
}

/** Scores in the reference's row order (state, year) against ours. */
function checkScores(scores: (number | null)[], block: { score_rows: { state: number[]; year: number[] }; score_unshifted: number[] }, what: string) {
  const index = new Map<string, number>();
  input.ids!.forEach((id, i) => index.set(`${id}/${input.times![i]}`, i));
  block.score_rows.state.forEach((s, r) => {
    const i = index.get(`${s}/${block.score_rows.year[r]}`)!;
    expectRel(scores[i] as number, block.score_unshifted[r], 1e-9, `${what} score row ${r}`);
  });
}

describe("entropy core against R", () => {
  for (const variant of ["shift_1e_4", "shift_0"] as const) {
    test(`pooled, ${variant}: e, d, w, level-2 weights, every score`, () => {
      const b = ref.pooled[variant];
      const r = entropyIndex(input, { mode: "pooled", shift: b.shift });
      expect(r.m).toBe(b.m);
      checkWeights(r, b, `pooled ${variant}`);
      for (const [g, w] of Object.entries(b.level2_weights as Record<string, number>)) expectRel(r.groups![g], w, 1e-9, `group ${g}`);
      checkScores(r.scores, b, `pooled ${variant}`);
      // sub-index scores add up to the score
      const i = 17;
      expect(Object.values(r.groupScores!).reduce((s, g) => s + (g[i] as number), 0)).toBeCloseTo(r.scores[i] as number, 14);
    });
  }

  for (const year of ["1963", "1992"]) {
    for (const variant of ["shift_1e_4", "shift_0"] as const) {
      test(`per year ${year}, ${variant}`, () => {
        const b = ref.per_year[year][variant];
        const r = entropyIndex(input, { mode: "year", shift: b.shift });
        const blk = r.periods.find((p) => p.label === year)!;
        expect(blk.m).toBe(b.m);
        checkWeights(blk, b, `year ${year}`);
        if (b.score_rows) checkScores(r.scores, b, `year ${year}`);
      });
    }
  }

  test("sub-periods 1963 | 1964-1972 | 1973-1991 | 1992, with level-2 weights", () => {
    const r = entropyIndex(input, { mode: "periods", periods: "1963; 1964-1972; 1973-1991; 1992" });
    expect(r.periods.map((p) => p.label)).toEqual(["1963", "1964-1972", "1973-1991", "1992"]);
    for (const p of r.periods) {
      const b = ref.sub_periods[p.label];
      expect(p.m).toBe(b.m);
      checkWeights(p, b, `period ${p.label}`);
      for (const [g, w] of Object.entries(b.level2_weights as Record<string, number>)) expectRel(p.groups![g], w, 1e-9, `period ${p.label} group ${g}`);
    }
  });

  test("states above each year's mean (pooled scores)", () => {
    const r = entropyIndex(input, { mode: "pooled" });
    for (const year of ["1963", "1992"]) {
      const a = aboveMean(r.scores, input.ids!, input.times!, Number(year));
      expectRel(a.years[0].mean, ref.above_year_mean[year].year_mean, 1e-9, "mean");
      expect(a.years[0].above.map(Number).sort((x, y) => x - y)).toEqual(ref.above_year_mean[year].states_above);
    }
    const all = aboveMean(r.scores, input.ids!, input.times!);
    expect(all.years).toHaveLength(30);
    for (const s of all.alwaysAbove) expect(ref.above_year_mean["1963"].states_above).toContain(Number(s));
  });
});

describe("econsheet entropy (CLI) against R", () => {
  test("pooled with --negative and --groups: JSON contract and values", async () => {
    const run = await cli("entropy", "--data", fixturePath("cigar.csv"), "--indicators", names.join(","), "--negative", "price,pimin", "--id", "state", "--time", "year", "--groups", groupSpec, "--json");
    expect(run.stderr).toBe("");
    const j = run.json();
    expect(j.m).toBe(1380);
    checkWeights(j, ref.pooled.shift_1e_4, "cli");
    for (const [g, w] of Object.entries(ref.pooled.shift_1e_4.level2_weights as Record<string, number>)) expectRel(j.groups[g], w, 1e-9, g);
    const first = j.scores.find((s: { id: string; time: number }) => s.id === "1" && s.time === 1963);
    expectRel(first.score, ref.pooled.shift_1e_4.score_unshifted[0], 1e-9, "score");
    expect(j.scores).toHaveLength(1380);
  });

  test("--by periods gives the sub-period weights", async () => {
    const j = (await cli("entropy", "--data", fixturePath("cigar.csv"), "--indicators", names.join(","), "--negative", "price,pimin", "--id", "state", "--time", "year", "--by", "periods", "--periods", "1963;1964-1972;1973-1991;1992", "--json")).json();
    expect(j.periods.map((p: { label: string }) => p.label)).toEqual(["1963", "1964-1972", "1973-1991", "1992"]);
    checkWeights(j.periods[2], ref.sub_periods["1973-1991"], "cli period");
  });

  test("--shift 0 and --by year", async () => {
    const j = (await cli("entropy", "--data", fixturePath("cigar.csv"), "--indicators", names.join(","), "--negative", "price,pimin", "--id", "state", "--time", "year", "--by", "year", "--shift", "0", "--json")).json();
    checkWeights(j.periods.find((p: { label: string }) => p.label === "1992"), ref.per_year["1992"].shift_0, "cli year");
  });
});

describe("ECON.ENTROPYWEIGHTS / ENTROPYSCORE / ABOVEMEAN as Excel calls them, against R", () => {
  const grid = excelGrid("cigar.csv");
  const cols = ["state", "year", ...names];
  const sub = grid.map((r) => cols.map((c) => r[grid[0].indexOf(c)]));
  const directionRow = [names.map((n) => (ref.directions[n] === -1 ? "负向" : "正向"))];

  test("ENTROPYWEIGHTS pooled: indicator, e, d, w", () => {
    const out = entropyweights(sub, directionRow, "id=state; time=year");
    expect(out[0]).toEqual(["Indicator", "Direction", "Entropy e", "Redundancy d", "Weight w"]);
    for (const n of names) {
      const row = out.find((r) => r[0] === n)!;
      expectRel(row[2] as number, ref.pooled.shift_1e_4.entropy[n], 1e-9, "e");
      expectRel(row[4] as number, ref.pooled.shift_1e_4.weights[n], 1e-9, "w");
    }
  });

  test("ENTROPYWEIGHTS by period with groups: Table-1 shape (level-2 rows with weights, level-3 rows per period)", () => {
    const out = entropyweights(sub, [[-1, 1, 1, 1, 1, -1]], `id=state; time=year; mode=periods; periods=1963;1964-1972;1973-1991;1992; groups=${groupSpec}; level1=Composite`);
    expect(out[0]).toEqual(["Level 1", "Level 2", "Level 3", "Direction", "1963", "1964-1972", "1973-1991", "1992"]);
    const pop = out.find((r) => r[1] === "population" && r[2] === "")!;
    expectRel(pop[6] as number, ref.sub_periods["1973-1991"].level2_weights.population, 1e-9, "level 2");
    const price = out.find((r) => r[2] === "price")!;
    expectRel(price[4] as number, ref.sub_periods["1963"].weights.price, 1e-9, "price 1963");
    expect(out[1][0]).toBe("Composite");
  });

  test("ENTROPYSCORE: one score per input row, aligned, with directions as +/-", () => {
    const out = entropyscore(sub, [["-", "+", "+", "+", "+", "-"]], "id=state; time=year");
    expect(out).toHaveLength(sub.length);
    expect(out[0]).toEqual(["Score"]);
    expectRel(out[1][0] as number, ref.pooled.shift_1e_4.score_unshifted[0], 1e-9, "first score");
  });

  test("ABOVEMEAN for 1992", () => {
    const out = abovemean(sub, [[-1, 1, 1, 1, 1, -1]], 1992, "id=state; time=year");
    const listed = out.slice(1).filter((r) => r[0] === 1992).map((r) => Number(r[1])).sort((a, b) => a - b);
    expect(listed).toEqual(ref.above_year_mean["1992"].states_above);
  });
});
