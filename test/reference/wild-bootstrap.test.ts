/**
 * The wild cluster bootstrap (restricted WCR) against an independent brute-force implementation in
 * base R (scripts/reference/wild-bootstrap.R: every draw forms y*, projects it with the explicit
 * dummy-matrix annihilator, refits and recomputes CRV1). Grunfeld has G = 10 firms, so Rademacher
 * weights are enumerated (1024 draws) and p, t* and the interval ends must agree to 1e-6 relative;
 * the 31-state cigar panel uses random draws (R: 99,999 from R's RNG), so p agrees within
 * Monte-Carlo error.
 */
import { fixtureTable, loadReference } from "../helpers/fixtures";
import { buildPanelFrame } from "../../src/core/data/panel-frame";
import { prepareFit, PanelSpec } from "../../src/core/estimators/fit-panel";
import { fitSample } from "../../src/core/estimators/fit-sample";
import { wildDesign } from "../../src/core/inference/wild-design";
import { wildDraws } from "../../src/core/inference/wild-weights";
import { wildTermStats } from "../../src/core/inference/wild-bootstrap";
import { wildBootstrapPanel } from "../../src/core/inference/wild-panel";

const ref = loadReference("reference.wild-bootstrap.json").cases;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

function spec(c: { effect: string; y: string; x: string[] }, id: string): PanelSpec {
  const model = c.effect === "none" ? "pooled" : "fe";
  return { formula: `${c.y} ~ ${c.x.join(" + ")}`, id, time: "year", model, effect: c.effect === "none" ? undefined : (c.effect as PanelSpec["effect"]), vcov: "cluster" };
}

describe("wild cluster bootstrap vs base-R brute force (Grunfeld, G = 10, enumerated; balanced and unbalanced)", () => {
  const grunfeld = fixtureTable("grunfeld.csv");
  const unbalanced = fixtureTable("grunfeld_unbalanced.csv");
  for (const name of ["grunfeld_pooled", "grunfeld_oneway", "grunfeld_twoways", "grunfeld_twoways_90", "grunfeld_unbalanced_twoways"]) {
    const c = ref[name];
    test(`${name}: exact p, t, CI ends to 1e-6`, () => {
      const data = name.includes("unbalanced") ? unbalanced : grunfeld;
      const { model, wildBootstrap: w } = wildBootstrapPanel(data, spec(c, "firm"), { reps: 9999, level: c.level });
      expect(w.enumerated).toBe(true);
      expect(w.reps).toBe(1024);
      expect(w.seed).toBeNull();
      for (const [term, r] of Object.entries<{ t: number; p: number; count: number; se: number; confInt: [number, number]; notInterval: boolean }>(c.terms)) {
        const got = w.terms[term];
        expect(rel(model.stdErrors[term], r.se)).toBeLessThan(1e-9);
        expect(rel(got.t, r.t)).toBeLessThan(1e-9);
        expect(got.p).toBe(r.p); // exact: count / 1024
        expect(got.p * 1024).toBe(r.count);
        expect(rel(got.confInt[0]!, r.confInt[0])).toBeLessThan(1e-6);
        expect(rel(got.confInt[1]!, r.confInt[1])).toBeLessThan(1e-6);
        expect(got.notInterval).toBe(r.notInterval);
      }
    });
  }

  test("t* of individual enumerated draws (β0 = 0 and β0 = b/2) equals the refit in R", () => {
    for (const name of ["grunfeld_pooled", "grunfeld_oneway", "grunfeld_twoways", "grunfeld_unbalanced_twoways"]) {
      const c = ref[name];
      const { sample, options } = prepareFit(buildPanelFrame(name.includes("unbalanced") ? unbalanced : grunfeld, "firm", "year"), spec(c, "firm"));
      const model = fitSample(sample, options);
      const d = wildDesign(sample, options, model);
      const stats = wildTermStats(d, c.x, wildDraws(d.G, 9999, "rademacher"));
      stats.forEach((s, k) => {
        const r = c.terms[c.x[k]];
        for (let b = 0; b < 16; b++) {
          expect(rel(s.tstar(b, 0), r.tstarFirst16[b])).toBeLessThan(1e-8);
          expect(rel(s.tstar(b, s.estimate / 2), r.tstarFirst16AtHalfEstimate[b])).toBeLessThan(1e-8);
        }
      });
    }
  });
});

describe("wild cluster bootstrap, 31 clusters, random draws (cigar 31 × 21, two-way FE with controls)", () => {
  const cigar = fixtureTable("cigar31.csv");
  for (const name of ["cigar31_twoways_rademacher", "cigar31_twoways_webb"]) {
    const c = ref[name];
    test(`${name}: p within Monte-Carlo error of R's ${c.reps}-draw p`, () => {
      const { wildBootstrap: w } = wildBootstrapPanel(cigar, spec(c, "state"), { reps: 9999, weights: c.weights, seed: 7 });
      expect(w.enumerated).toBe(false);
      expect(w.reps).toBe(10000);
      for (const [term, r] of Object.entries<{ t: number; p: number }>(c.terms)) {
        const got = w.terms[term];
        expect(rel(got.t, r.t)).toBeLessThan(1e-9);
        const p = r.p;
        const mcSe = Math.sqrt(Math.max(p * (1 - p), 1e-6) * (1 / w.reps + 1 / c.reps));
        expect(Math.abs(got.p - p)).toBeLessThan(4 * mcSe + 1 / w.reps);
      }
    });
  }
});
