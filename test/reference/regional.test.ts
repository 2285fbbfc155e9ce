/**
 * Regional analysis against test/fixtures/reference.regional.json, computed in base R from the
 * formulas of DESIGN.md by scripts/reference/regional.R (independent of the TypeScript code), on
 * the sample's indices (test/fixtures/regional_sample.csv) and on Cigar: coupling C, T, D and
 * levels; TOPSIS weights, D±, closeness and ranks (pooled, per year, sub-periods); every Dagum
 * component; the Theil split; kernel densities and their bandwidth (also R's own bw.nrd0) — 1e-9.
 */
import { couplingCoordination } from "../../src/core/regional/coupling";
import { entropyTopsis } from "../../src/core/regional/topsis";
import { dagumGini, DagumYear } from "../../src/core/regional/dagum-gini";
import { theilIndex } from "../../src/core/regional/theil";
import { kernelDensity } from "../../src/core/regional/kernel-density";
import { entropyInputFromTable } from "../../src/core/indices/entropy-input";
import { numericColumn, labelColumn, DataTable } from "../../src/core/data/data-table";
import { fixtureTable, loadReference, expectRel } from "../helpers/fixtures";

const ref = loadReference("reference.regional.json");
const sample = fixtureTable("regional_sample.csv");
const cigar = fixtureTable("cigar.csv");
const TOL = 1e-9;

/** Relative error, with an absolute floor of 1e-15 for values that are 0 in R (C = 0, D⁻ = 0 at the worst row). */
function close(a: number | null | undefined, b: number | null, what: string) {
  if (b === null) { expect(a).toBeNull(); return; }
  if (Math.abs(b) < 1e-15) { if (!(Math.abs(a as number) < 1e-15)) throw new Error(`${what}: got ${a}, reference ${b}`); return; }
  expectRel(a as number, b, TOL, what);
}

const minmax = (v: Float64Array) => {
  let lo = Infinity, hi = -Infinity;
  for (const x of v) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return v.map((x) => (x - lo) / (hi - lo));
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkCoupling(got: ReturnType<typeof couplingCoordination>, r: any, what: string) {
  expect(got.rows.map((x) => x.row)).toEqual(r.rows);
  got.rows.forEach((row, k) => {
    close(row.C, r.C[k], `${what} C row ${row.row}`);
    close(row.T, r.T[k], `${what} T row ${row.row}`);
    close(row.D, r.D[k], `${what} D row ${row.row}`);
    expect(row.level).toBe(r.level[k]);
  });
}

describe("coupling coordination against R", () => {
  test("sample: fi, rcd, dig (equal α) and fi, dig (α = 0.6, 0.4)", () => {
    const col = (n: string) => numericColumn(sample, n);
    checkCoupling(couplingCoordination({ systems: ["fi", "rcd", "dig"].map((n) => ({ name: n, values: col(n) })) }), ref.sample.coupling3, "sample 3");
    checkCoupling(couplingCoordination({ systems: ["fi", "dig"].map((n) => ({ name: n, values: col(n) })) }, { alpha: [0.6, 0.4] }), ref.sample.coupling2, "sample 2");
    expect(ref.sample.coupling3.rows.length).toBe(649); // the two rows with fi missing are skipped
  });
  test("Cigar: min–max scaled ndi, sales, pop (with exact zeros: C = 0) and ndi, sales (α = 0.3, 0.7)", () => {
    const u = (n: string) => minmax(numericColumn(cigar, n));
    checkCoupling(couplingCoordination({ systems: ["ndi", "sales", "pop"].map((n) => ({ name: n, values: u(n) })) }), ref.cigar.coupling3, "cigar 3");
    checkCoupling(couplingCoordination({ systems: ["ndi", "sales"].map((n) => ({ name: n, values: u(n) })) }, { alpha: [0.3, 0.7] }), ref.cigar.coupling2, "cigar 2");
    expect(ref.cigar.coupling3.C.filter((c: number) => c === 0).length).toBeGreaterThan(0);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkTopsis(got: ReturnType<typeof entropyTopsis>, r: any, what: string) {
  expect(got.rows.map((x) => x.row)).toEqual(r.rows);
  got.rows.forEach((row, k) => {
    close(row.dPlus, r.dPlus[k], `${what} D+ row ${row.row}`);
    close(row.dMinus, r.dMinus[k], `${what} D- row ${row.row}`);
    close(row.closeness, r.closeness[k], `${what} C row ${row.row}`);
    expect(row.rank).toBe(r.rank[k]);
  });
  const blocks = got.periods ?? [{ label: "pooled", weights: got.weights }];
  expect(blocks.map((b) => b.label)).toEqual(Object.keys(r.weights));
  blocks.forEach((b) => Object.values(b.weights).forEach((w, j) => close(w, r.weights[b.label][j], `${what} w ${b.label} ${j}`)));
}

describe("entropy-TOPSIS against R", () => {
  const sampleInput = (t: DataTable) => entropyInputFromTable(t, {
    indicators: Array.from({ length: 9 }, (_, k) => `x${k + 1}`),
    directions: Array.from({ length: 9 }, (_, k) => (k === 2 || k === 8 ? "negative" : "positive")),
    id: "province", time: "year",
  });
  test("sample: fi's nine indicators, pooled and per year (rows with a missing indicator dropped)", () => {
    checkTopsis(entropyTopsis(sampleInput(sample), { mode: "pooled", missing: "drop" }), ref.sample.topsis_pooled, "sample pooled");
    checkTopsis(entropyTopsis(sampleInput(sample), { mode: "year", missing: "drop" }), ref.sample.topsis_year, "sample year");
  });
  const cigarInput = entropyInputFromTable(cigar, { indicators: ["price", "pop", "ndi", "sales"], directions: ["negative", "positive", "positive", "positive"], id: "state", time: "year" });
  test("Cigar: pooled, per year, sub-periods 1963; 1964-1980; 1981-1992", () => {
    checkTopsis(entropyTopsis(cigarInput), ref.cigar.topsis_pooled, "cigar pooled");
    checkTopsis(entropyTopsis(cigarInput, { mode: "year" }), ref.cigar.topsis_year, "cigar year");
    checkTopsis(entropyTopsis(cigarInput, { mode: "periods", periods: "1963;1964-1980;1981-1992" }), ref.cigar.topsis_periods, "cigar periods");
  });
  test("the weights are the entropy method's own (same mode, same shift)", () => {
    const t = entropyTopsis(cigarInput, { mode: "year" });
    for (const b of t.periods!) {
      const e = t.entropy.periods.find((p) => p.label === b.label)!;
      for (const k of Object.keys(b.weights)) expect(b.weights[k]).toBe(e.weights[k]);
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkDagum(years: DagumYear[], r: any[], what: string) {
  expect(years.map((y) => y.time)).toEqual(r.map((y) => y.time));
  years.forEach((y, k) => {
    const w = `${what} ${y.time}`;
    for (const q of ["G", "Gw", "Gnb", "Gt"] as const) close(y[q], r[k][q], `${w} ${q}`);
    expect(Math.abs(y.Gw + y.Gnb + y.Gt - y.G)).toBeLessThan(1e-12);
    expect(Object.keys(y.within).sort()).toEqual(Object.keys(r[k].within).sort());
    for (const g of Object.keys(r[k].within)) close(y.within[g], r[k].within[g], `${w} G_jj ${g}`);
    expect(Object.keys(y.between).sort()).toEqual(Object.keys(r[k].between).sort()); // same keys: higher-mean group first
    for (const p of Object.keys(r[k].between)) {
      close(y.between[p], r[k].between[p], `${w} G_jh ${p}`);
      close(y.affluence[p], r[k].affluence[p], `${w} D_jh ${p}`);
    }
    close(y.shares.Gw, r[k].Gw / r[k].G, `${w} share Gw`);
  });
}

describe("Dagum Gini decomposition against R", () => {
  test("sample: fi by the four NBS regions, rcd by South/North, every year", () => {
    const years = numericColumn(sample, "year");
    checkDagum(dagumGini({ name: "fi", values: numericColumn(sample, "fi"), groups: labelColumn(sample, "region4"), times: Array.from(years) }).years, ref.sample.dagum_region4, "fi region4");
    checkDagum(dagumGini({ name: "rcd", values: numericColumn(sample, "rcd"), groups: labelColumn(sample, "southnorth"), times: Array.from(years) }).years, ref.sample.dagum_southnorth, "rcd southnorth");
  });
  test("Cigar: sales by state mod 3, 1963-1992", () => {
    const groups = Array.from(numericColumn(cigar, "state"), (s) => `g${s % 3}`);
    checkDagum(dagumGini({ name: "sales", values: numericColumn(cigar, "sales"), groups, times: Array.from(numericColumn(cigar, "year")) }).years, ref.cigar.dagum, "cigar");
  });
});

describe("Theil index and its split against R", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const check = (got: ReturnType<typeof theilIndex>, r: any[], what: string) => {
    expect(got.years.map((y) => y.time)).toEqual(r.map((y) => y.time));
    got.years.forEach((y, k) => {
      close(y.total, r[k].total, `${what} ${y.time} T`);
      close(y.within!, r[k].within, `${what} ${y.time} within`);
      close(y.between!, r[k].between, `${what} ${y.time} between`);
      expect(Math.abs(y.within! + y.between! - y.total)).toBeLessThan(1e-12);
    });
  };
  test("sample fi by region4; Cigar sales by state mod 3", () => {
    check(theilIndex({ name: "fi", values: numericColumn(sample, "fi"), groups: labelColumn(sample, "region4"), times: Array.from(numericColumn(sample, "year")) }), ref.sample.theil_region4, "sample");
    const groups = Array.from(numericColumn(cigar, "state"), (s) => `g${s % 3}`);
    check(theilIndex({ name: "sales", values: numericColumn(cigar, "sales"), groups, times: Array.from(numericColumn(cigar, "year")) }), ref.cigar.theil, "cigar");
  });
});

describe("kernel densities against R", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const check = (got: ReturnType<typeof kernelDensity>, r: any[], what: string) => {
    expect(got.years.map((y) => y.time)).toEqual(r.map((y) => y.time));
    got.years.forEach((y, k) => {
      close(y.bandwidth, r[k].bandwidth, `${what} ${y.time} h`);
      close(y.bandwidth, r[k].bw_nrd0, `${what} ${y.time} h vs bw.nrd0`);
      expect(y.x.length).toBe(512);
      y.x.forEach((x, q) => close(x, r[k].x[q], `${what} ${y.time} x[${q}]`));
      y.y.forEach((d, q) => close(d, r[k].y[q], `${what} ${y.time} f[${q}]`));
    });
  };
  test("sample fi in 2003, 2013, 2023; Cigar sales in 1963, 1977, 1992", () => {
    check(kernelDensity("fi", numericColumn(sample, "fi"), Array.from(numericColumn(sample, "year")), { years: [2003, 2013, 2023] }), ref.sample.density, "fi");
    check(kernelDensity("sales", numericColumn(cigar, "sales"), Array.from(numericColumn(cigar, "year")), { years: [1963, 1977, 1992] }), ref.cigar.density, "sales");
  });
});
