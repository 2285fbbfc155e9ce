/**
 * Properties of the wild cluster bootstrap that need no reference software: the all-ones draw
 * reproduces the observed t, enumerated p-values are multiples of 1/2^G, the O(G·k) (nested) and
 * O(G²) (dense) algebra agree, statistics do not depend on units, seeded draws are reproducible,
 * and bad requests get messages. Values against R are in test/reference/wild-bootstrap.test.ts.
 */
import { fixtureTable } from "../../helpers/fixtures";
import { errorOf } from "../../helpers/error-of";
import { buildPanelFrame } from "../../../src/core/data/panel-frame";
import { tableFromGrid, DataTable } from "../../../src/core/data/data-table";
import { prepareFit, PanelSpec } from "../../../src/core/estimators/fit-panel";
import { fitSample } from "../../../src/core/estimators/fit-sample";
import { wildDesign } from "../../../src/core/inference/wild-design";
import { wildDraws } from "../../../src/core/inference/wild-weights";
import { wildTermStats } from "../../../src/core/inference/wild-bootstrap";
import { wildBootstrapPanel } from "../../../src/core/inference/wild-panel";
import { EconError } from "../../../src/core/errors";

const grunfeld = fixtureTable("grunfeld.csv");
const base: PanelSpec = { formula: "inv ~ value + capital", id: "firm", time: "year", model: "fe", effect: "individual", vcov: "cluster" };

function statsFor(table: DataTable, spec: PanelSpec, B: number, weights: "rademacher" | "webb" = "rademacher", nested?: boolean) {
  const { sample, options } = prepareFit(buildPanelFrame(table, spec.id, spec.time), spec);
  const model = fitSample(sample, options);
  const d = wildDesign(sample, options, model);
  if (nested !== undefined) d.nested = nested;
  return { model, d, stats: wildTermStats(d, model.slopes, wildDraws(d.G, B, weights, 11)) };
}

describe("wild cluster bootstrap properties", () => {
  test.each([
    ["pooled", { ...base, model: "pooled" as const }],
    ["one-way FE", base],
    ["time FE", { ...base, effect: "time" as const }],
    ["two-way FE", { ...base, effect: "twoways" as const }],
  ])("%s: t* of the all-ones draw equals the reported t, at β0 = 0 and any β0", (_, spec) => {
    for (const weights of ["rademacher", "webb"] as const) {
      const { model, stats } = statsFor(grunfeld, spec, 99, weights);
      for (const s of stats) {
        expect(s.tstar(0, 0)).toBeCloseTo(model.tstats[s.term], 10);
        const b0 = s.estimate * 0.3;
        expect(s.tstar(0, b0)).toBeCloseTo((s.estimate - b0) / model.stdErrors[s.term], 10);
      }
    }
  });

  test("unbalanced two-way FE (exact projection) and clusters coarser than the entity: t* of the all-ones draw = t", () => {
    const unbalanced = fixtureTable("grunfeld_unbalanced.csv");
    const r = statsFor(unbalanced, { ...base, effect: "twoways" }, 999, "webb");
    expect(r.d.nested).toBe(false);
    for (const s of r.stats) expect(s.tstar(0, 0)).toBeCloseTo(r.model.tstats[s.term], 10);
    // Five pairs of firms as clusters (G = 5, enumerated 32 draws); the entity FE are nested in them.
    const j = grunfeld.names.indexOf("firm");
    const paired = tableFromGrid([[...grunfeld.names, "pair"] as string[], ...grunfeld.rows.map((row) => [...row, `p${Math.ceil((row[j] as number) / 2)}`])]);
    const spec = { ...base, cluster: "pair" };
    const nested = statsFor(paired, spec, 9999);
    const dense = statsFor(paired, spec, 9999, "rademacher", false);
    expect(nested.d.nested).toBe(true);
    expect(nested.d.G).toBe(5);
    for (const [k, s] of nested.stats.entries()) {
      expect(s.tstar(0, 0)).toBeCloseTo(nested.model.tstats[s.term], 10);
      expect(s.reps).toBe(32);
      for (const b of [3, 17, 31]) expect(s.tstar(b, 0.01)).toBeCloseTo(dense.stats[k].tstar(b, 0.01), 9);
    }
  });

  test("an enumerated p is a multiple of 1/2^G (indeed of 2/2^G: v and −v give the same |t*|)", () => {
    const { stats } = statsFor(grunfeld, { ...base, effect: "twoways" }, 1024);
    for (const s of stats) {
      for (const b0 of [0, s.estimate / 3, s.estimate * 1.7]) {
        const k = s.pvalue(b0) * 1024;
        expect(Number.isInteger(k)).toBe(true);
        expect(k % 2).toBe(0);
        expect(k).toBeGreaterThanOrEqual(2);
      }
    }
  });

  test("p = 1 at the estimate itself, and a null far from it is rejected", () => {
    const { stats } = statsFor(grunfeld, base, 1024);
    for (const s of stats) {
      expect(s.pvalue(s.estimate)).toBe(1);
      expect(s.pvalue(s.estimate + 100 * s.se)).toBeLessThan(0.01);
    }
  });

  test("the O(G·k) nested algebra equals the O(G²) dense algebra (entity FE clustered by entity)", () => {
    const a = statsFor(grunfeld, base, 1024, "rademacher", true);
    const b = statsFor(grunfeld, base, 1024, "rademacher", false);
    expect(a.d.nested).toBe(true);
    a.stats.forEach((s, k) => {
      for (const bb of [0, 1, 7, 500, 1023]) {
        expect(s.tstar(bb, 0.02)).toBeCloseTo(b.stats[k].tstar(bb, 0.02), 9);
      }
    });
  });

  test("units do not matter: value × 1e6 leaves t and p unchanged and scales the interval by 1e−6", () => {
    const j = grunfeld.names.indexOf("value");
    const scaled = tableFromGrid([grunfeld.names as string[], ...grunfeld.rows.map((r) => r.map((c, k) => (k === j ? (c as number) * 1e6 : c)))]);
    const spec = { ...base, effect: "twoways" as const };
    const a = wildBootstrapPanel(grunfeld, spec, { reps: 999, weights: "webb" }).wildBootstrap.terms;
    const b = wildBootstrapPanel(scaled, spec, { reps: 999, weights: "webb" }).wildBootstrap.terms;
    expect(b.value.t).toBeCloseTo(a.value.t, 8);
    expect(b.value.p).toBe(a.value.p);
    expect(b.capital.p).toBe(a.capital.p);
    expect(b.value.confInt[0]! * 1e6).toBeCloseTo(a.value.confInt[0]!, 8);
    expect(b.value.confInt[1]! * 1e6).toBeCloseTo(a.value.confInt[1]!, 8);
  });

  test("seeded draws are reproducible; another seed gives other draws; reps = B + 1", () => {
    const run = (seed: number) => wildBootstrapPanel(grunfeld, { ...base, effect: "twoways" }, { reps: 999, weights: "webb", seed }).wildBootstrap;
    const a = run(1), b = run(1), c = run(2);
    expect(a.reps).toBe(1000);
    expect(a.enumerated).toBe(false);
    expect(a.seed).toBe(1);
    expect(b.terms).toEqual(a.terms);
    expect(c.terms.value.confInt[0]).not.toBe(a.terms.value.confInt[0]);
  });

  test("Rademacher draws below 2^G are drawn, not enumerated; Webb weights take six values of variance 1", () => {
    const d = wildDraws(10, 500, "rademacher", 3);
    expect(d.enumerated).toBe(false);
    expect(d.reps).toBe(501);
    const w = wildDraws(5, 2000, "webb", 3);
    const v = new Float64Array(5);
    const seen = new Set<number>();
    let sum = 0, sq = 0;
    for (let b = 1; b < w.reps; b++) {
      w.fill(b, v);
      for (const x of v) { seen.add(x); sum += x; sq += x * x; }
    }
    const n = (w.reps - 1) * 5;
    expect(seen.size).toBe(6);
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.05);
    w.fill(0, v);
    expect(Array.from(v)).toEqual([1, 1, 1, 1, 1]);
  });

  test("with 4 clusters no β0 is rejected at 5%: the interval is the whole line, with a note", () => {
    const grid: (string | number)[][] = [["id", "t", "y", "x"]];
    for (let g = 0; g < 4; g++) for (let t = 0; t < 6; t++) grid.push([`c${g}`, 2000 + t, Math.sin(g * 7 + t * 3) + 0.5 * t * (g + 1), Math.cos(g + t * t) + t]);
    const r = wildBootstrapPanel(tableFromGrid(grid), { formula: "y ~ x", id: "id", time: "t", model: "fe", vcov: "cluster" }, { reps: 999 }).wildBootstrap;
    expect(r.enumerated).toBe(true);
    expect(r.reps).toBe(16);
    expect(r.terms.x.p).toBeGreaterThanOrEqual(2 / 16);
    expect(r.terms.x.confInt).toEqual([null, null]);
    expect(r.notes.join(" ")).toMatch(/whole line/);
    expect(r.notesZh.join(" ")).toMatch(/整条实轴/);
  });

  test("bad requests name the fix in both languages", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => wildBootstrapPanel(grunfeld, { ...base, model: "re" }, { reps: 99 }), /random effects/],
      [() => wildBootstrapPanel(grunfeld, { ...base, vcov: "robust" }, { reps: 99 }), /vcov = cluster/],
      [() => wildBootstrapPanel(grunfeld, base, { reps: 99, terms: ["gdp"] }), /'gdp' is not a coefficient.*value, capital/],
      [() => wildBootstrapPanel(grunfeld, base, { reps: 0 }), /at least 1/],
      [() => wildBootstrapPanel(grunfeld, base, { reps: 99, weights: "mammen" }), /rademacher, webb/],
    ];
    for (const [f, re] of cases) {
      const e = errorOf<EconError>(f);
      expect(e).toBeInstanceOf(EconError);
      expect(e.text.en).toMatch(re);
      expect(e.text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
