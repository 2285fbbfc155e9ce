/**
 * Regional analysis on cases small enough to check by hand, and bad input: every message names
 * the place and the fix, in English and Chinese.
 */
import { couplingCoordination } from "../../../src/core/regional/coupling";
import { couplingLevel, COUPLING_LEVELS } from "../../../src/core/regional/coupling-levels";
import { dagumGini } from "../../../src/core/regional/dagum-gini";
import { theilIndex } from "../../../src/core/regional/theil";
import { kernelDensity, bandwidthNrd0 } from "../../../src/core/regional/kernel-density";
import { entropyTopsis } from "../../../src/core/regional/topsis";
import { EconError } from "../../../src/core/errors";
import { errorOf } from "../../helpers/error-of";

describe("Dagum decomposition by hand: two groups of two values", () => {
  test("A = {1, 3}, B = {5, 7}: no overlap, so all between-group inequality is net (D_BA = 1)", () => {
    // n = 4, μ = 4; Σ|yi − yr| over ordered pairs = 40 → G = 40/(2·16·4) = 0.3125.
    // G_BB = 4/(2·4·6) = 1/12, G_AA = 4/(2·4·2) = 1/4; p = ½, s_B = 12/16, s_A = 4/16 → Gw = 1/32 + 1/32.
    // G_BA = 16/(2·2·8) = ½; d = 4, p = 0 → D = 1; Gnb = ½·(½·¼ + ½·¾) = ¼; Gt = 0.
    const r = dagumGini({ name: "y", values: [1, 3, 5, 7], groups: ["A", "A", "B", "B"] });
    const y = r.years[0];
    expect(y.G).toBeCloseTo(0.3125, 15);
    expect(y.within.A).toBeCloseTo(0.25, 15);
    expect(y.within.B).toBeCloseTo(1 / 12, 15);
    expect(Object.keys(y.between)).toEqual(["B|A"]); // the higher-mean group first
    expect(y.between["B|A"]).toBeCloseTo(0.5, 15);
    expect(y.affluence["B|A"]).toBe(1);
    expect(y.Gw).toBeCloseTo(1 / 16, 15);
    expect(y.Gnb).toBeCloseTo(0.25, 15);
    expect(y.Gt).toBe(0);
    expect(y.shares.Gw).toBeCloseTo(0.2, 15);
    expect(y.shares.Gnb).toBeCloseTo(0.8, 15);
  });
  test("A = {1, 4}, B = {3, 6}: overlapping groups give a transvariation term", () => {
    // μ = 3.5, G = 32/112 = 2/7; G_AA = 6/20, G_BB = 6/36; s_A = 5/14, s_B = 9/14 → Gw = 3/28.
    // B − A: 2, −1, 5, 2 → d = 9/4, p = 1/4, D = 0.8; G_BA = 10/28; weight ½ → Gnb = 1/7, Gt = 1/28.
    const y = dagumGini({ name: "y", values: [1, 4, 3, 6], groups: ["A", "A", "B", "B"] }).years[0];
    expect(y.G).toBeCloseTo(2 / 7, 15);
    expect(y.within.A).toBeCloseTo(0.3, 15);
    expect(y.within.B).toBeCloseTo(1 / 6, 15);
    expect(y.between["B|A"]).toBeCloseTo(5 / 14, 15);
    expect(y.affluence["B|A"]).toBeCloseTo(0.8, 15);
    expect(y.Gw).toBeCloseTo(3 / 28, 15);
    expect(y.Gnb).toBeCloseTo(1 / 7, 15);
    expect(y.Gt).toBeCloseTo(1 / 28, 15);
    expect(Math.abs(y.Gw + y.Gnb + y.Gt - y.G)).toBeLessThan(1e-15);
  });
  test("per year, with a missing value and a row without a group skipped and reported", () => {
    const r = dagumGini({ name: "y", values: [1, 3, 5, 7, NaN, 1, 4, 3, 6, 9], groups: ["A", "A", "B", "B", "A", "A", "A", "B", "B", null], times: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2] });
    expect(r.years.map((y) => y.time)).toEqual([1, 2]);
    expect(r.years[1].G).toBeCloseTo(2 / 7, 15);
    expect(r.notes.join(" ")).toMatch(/1 row\(s\) skipped: 'y' is missing.*1 row\(s\) skipped: no group/);
  });
});

describe("Theil index by hand", () => {
  test("{1, 1} and {3, 3}: all inequality is between groups", () => {
    const y = theilIndex({ name: "y", values: [1, 1, 3, 3], groups: ["A", "A", "B", "B"] }).years[0];
    const t = 0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5));
    expect(y.total).toBeCloseTo(t, 15);
    expect(y.within).toBe(0);
    expect(y.between).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 15);
    expect(y.shares!.between).toBeCloseTo(1, 14);
  });
});

describe("coupling coordination by hand", () => {
  test("C, T, D and the level", () => {
    const r = couplingCoordination({ systems: [{ name: "u1", values: [0.5, 0.36, 0.09, 0, 1] }, { name: "u2", values: [0.5, 0.64, 0.09, 0.4, 1] }] });
    const [a, b, c, d, e] = r.rows;
    expect(a.C).toBe(1);
    expect(a.D).toBeCloseTo(Math.SQRT1_2, 15);
    expect(a.level).toBe(8);
    expect(a.levelName).toBe("intermediate coordination");
    expect(b.C).toBeCloseTo(0.96, 15); // 2·√(0.36·0.64)/(0.36 + 0.64) = 2·0.48
    expect(b.D).toBeCloseTo(Math.sqrt(0.48), 15);
    expect(b.level).toBe(7);
    expect(c.D).toBe(0.3); // on a boundary: the upper band
    expect(c.level).toBe(4);
    expect(d.C).toBe(0); // one system at 0
    expect(d.level).toBe(1);
    expect(e.D).toBe(1);
    expect(e.level).toBe(10);
  });
  test("a rounding ulp beyond [0, 1] (an entropy score of 1.0000000000000002) counts as on the bound", () => {
    const r = couplingCoordination({ systems: [{ name: "a", values: [1 + 2.2e-16] }, { name: "b", values: [1] }] });
    expect(r.rows[0].C).toBe(1);
    expect(r.rows[0].D).toBe(1);
    expect(() => couplingCoordination({ systems: [{ name: "a", values: [1 + 1e-9] }, { name: "b", values: [1] }] })).toThrow(/outside \[0, 1\]/);
  });
  test("levels: boundaries go to the upper band; names in both languages", () => {
    expect([0, 0.0999, 0.1, 0.2, 0.3, 0.5999, 0.6, 0.9, 0.99, 1].map(couplingLevel)).toEqual([1, 1, 2, 3, 4, 6, 7, 10, 10, 10]);
    expect(COUPLING_LEVELS[0].zh).toBe("极度失调");
    expect(COUPLING_LEVELS[9].zh).toBe("优质协调");
    const zh = couplingCoordination({ systems: [{ name: "a", values: [0.9] }, { name: "b", values: [0.9] }] }, { lang: "zh" });
    expect(zh.rows[0].levelName).toBe("优质协调");
  });
  test("α weights T; all-zero rows have no C; missing rows are skipped", () => {
    const r = couplingCoordination({ systems: [{ name: "a", values: [0.2, 0, NaN] }, { name: "b", values: [0.8, 0, 0.5] }] }, { alpha: [0.25, 0.75] });
    expect(r.rows[0].T).toBeCloseTo(0.65, 15);
    expect(r.rows[1].C).toBeNull();
    expect(r.rows[1].D).toBe(0);
    expect(r.rows).toHaveLength(2);
    expect(r.notes.join(" ")).toMatch(/1 row\(s\) skipped.*U = 0 in every system/);
  });
});

describe("kernel density", () => {
  test("bandwidth as R's bw.nrd0, also its fallbacks; the grid runs from min − 3h to max + 3h", () => {
    // R: bw.nrd0(c(1, 2, 3, 4, 10)) = 0.9·min(sd, IQR/1.34)·5^(-1/5); IQR = 4 − 2 = 2.
    const x = [1, 2, 3, 4, 10];
    const sd = Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + 1 + 0 + 36) / 4);
    expect(bandwidthNrd0(x)).toBeCloseTo(0.9 * Math.min(sd, 2 / 1.34) * Math.pow(5, -0.2), 15);
    expect(bandwidthNrd0([5, 5, 5, 5, 6])).toBeCloseTo(0.9 * Math.sqrt(0.2) * Math.pow(5, -0.2), 15); // IQR = 0 → sd
    expect(bandwidthNrd0([2, 2])).toBeCloseTo(0.9 * 2 * Math.pow(2, -0.2), 15); // sd = 0 → |x1|
    const d = kernelDensity("v", x, undefined, { points: 5 });
    const h = d.years[0].bandwidth;
    expect(d.years[0].x[0]).toBe(1 - 3 * h);
    expect(d.years[0].x[4]).toBe(10 + 3 * h);
    const mid = d.years[0].x[2];
    const f = x.reduce((s, v) => s + Math.exp(-0.5 * ((mid - v) / h) ** 2), 0) / (5 * h * Math.sqrt(2 * Math.PI));
    expect(d.years[0].y[2]).toBeCloseTo(f, 15);
  });
});

function messages(f: () => unknown): { en: string; zh: string } {
  const e = errorOf<EconError>(f);
  expect(e).toBeInstanceOf(EconError);
  return e.text;
}

describe("bad input: what, where and how to fix, in English and Chinese", () => {
  test("U outside [0, 1] names the system and the row", () => {
    const m = messages(() => couplingCoordination({ systems: [{ name: "fi", values: [0.2, 1.3] }, { name: "rcd", values: [0.3, 0.4] }], rowLabel: (i) => `北京, ${2003 + i}` }));
    expect(m.en).toMatch(/System 'fi' \(北京, 2004\): U = 1.3 is outside \[0, 1\].*rescale/);
    expect(m.zh).toMatch(/系统 'fi'（北京, 2004）：U = 1.3 不在 \[0, 1\] 内.*极差标准化/);
  });
  test("alpha not summing to 1, or of the wrong length", () => {
    const sys = [{ name: "a", values: [0.2] }, { name: "b", values: [0.3] }];
    const m = messages(() => couplingCoordination({ systems: sys }, { alpha: [0.5, 0.6] }));
    expect(m.en).toMatch(/alpha \(0.5, 0.6\) sums to 1.1, not 1.*e.g. alpha = 0.4545,0.5455/);
    expect(m.zh).toMatch(/alpha（0.5、0.6）之和为 1.1，不是 1/);
    expect(messages(() => couplingCoordination({ systems: sys }, { alpha: [1] })).en).toMatch(/alpha has 1 weight\(s\) but there are 2 systems \(a, b\)/);
    expect(messages(() => couplingCoordination({ systems: [sys[0]] })).en).toMatch(/at least two systems.*only 'a'/);
  });
  test("a group with one member names the group, the year and the member", () => {
    const m = messages(() => dagumGini({ name: "fi", values: [1, 2, 3], groups: ["East", "East", "Northeast"], times: [2005, 2005, 2005], rowLabel: (i) => ["北京, 2005", "天津, 2005", "辽宁, 2005"][i] }));
    expect(m.en).toMatch(/Group 'Northeast' in 2005 has one member \(辽宁, 2005\).*Merge it into another group/);
    expect(m.zh).toMatch(/分组 'Northeast' 在 2005 年只有一个成员（辽宁, 2005）.*并入其他分组/);
  });
  test("negative values for the Gini, non-positive values for the Theil index", () => {
    expect(messages(() => dagumGini({ name: "g", values: [1, -2, 3, 4], groups: ["A", "A", "B", "B"] })).en).toMatch(/'g' \(row 3\) is -2: the Gini coefficient needs values ≥ 0/);
    const m = messages(() => theilIndex({ name: "fi", values: [0.2, 0, 0.3], times: [2003, 2003, 2003], rowLabel: (i) => `row ${i + 2}, 2003` }));
    expect(m.en).toMatch(/'fi' \(row 3, 2003\) is 0: the Theil index takes logarithms and needs values > 0.*shift/);
    expect(m.zh).toMatch(/'fi'（row 3, 2003）为 0：泰尔指数要取对数，要求数值 > 0/);
  });
  test("density: a year not in the data, too few grid points", () => {
    const m = messages(() => kernelDensity("fi", [1, 2, 3, 4], [2003, 2003, 2004, 2004], { years: [2010] }));
    expect(m.en).toMatch(/years: 2010 is not in the data of 'fi' \(years present: 2003, 2004\)/);
    expect(m.zh).toMatch(/years：2010 不在 'fi' 的数据中/);
    expect(messages(() => kernelDensity("fi", [1, 2], undefined, { points: 1 })).en).toMatch(/points = 1: give a whole number of grid points from 2/);
  });
  test("TOPSIS takes the entropy method's checks (a missing value names the cell and the choices)", () => {
    const m = messages(() => entropyTopsis({ indicators: [{ name: "a", values: Float64Array.from([1, NaN, 3]), direction: "positive" }, { name: "b", values: Float64Array.from([1, 2, 3]), direction: "positive" }] }));
    expect(m.en).toMatch(/1 missing value\(s\): a \(row 3\).*missing = "drop"/);
  });
});

describe("TOPSIS by hand", () => {
  test("two indicators, three rows: closeness and ranks with a tie", () => {
    // x′ of a: 0, 1, 1; of b (negative, (max − x)/range): 1, 0, 0; rows 2 and 3 tie.
    const r = entropyTopsis({ indicators: [{ name: "a", values: Float64Array.from([0, 2, 2]), direction: "positive" }, { name: "b", values: Float64Array.from([0, 2, 2]), direction: "negative" }] });
    const w = r.weights;
    expect(w.a + w.b).toBeCloseTo(1, 15);
    // Row 1: v = (0, w_b); V+ = (w_a, w_b), V− = (0, 0): D+ = w_a, D− = w_b.
    expect(r.rows[0].dPlus).toBeCloseTo(w.a, 15);
    expect(r.rows[0].dMinus).toBeCloseTo(w.b, 15);
    expect(r.rows[1].closeness).toBeCloseTo(w.a / (w.a + w.b), 15);
    expect(r.rows.map((x) => x.rank)).toEqual(w.a > w.b ? [3, 1, 1] : [1, 2, 2]);
  });
});

describe("units do not matter", () => {
  test("Dagum and Theil components are unchanged when the variable is rescaled by 1e6; TOPSIS when an indicator is", () => {
    const y = [0.3, 1.2, 2.5, 0.7, 3.1, 1.9, 0.4, 2.2];
    const groups = ["A", "A", "A", "B", "B", "B", "C", "C"];
    const big = y.map((v) => v * 1e6);
    const a = dagumGini({ name: "y", values: y, groups }).years[0], b = dagumGini({ name: "y", values: big, groups }).years[0];
    for (const k of ["G", "Gw", "Gnb", "Gt"] as const) expect(Math.abs(b[k] - a[k]) / a[k]).toBeLessThan(1e-13);
    const ta = theilIndex({ name: "y", values: y, groups }).years[0], tb = theilIndex({ name: "y", values: big, groups }).years[0];
    expect(Math.abs(tb.between! - ta.between!) / ta.between!).toBeLessThan(1e-12);
    const ind = (scale: number) => [{ name: "a", values: Float64Array.from(y, (v) => v * scale), direction: "positive" as const }, { name: "b", values: Float64Array.from(y, (v, i) => (v * 7 + i) % 5), direction: "negative" as const }];
    const c1 = entropyTopsis({ indicators: ind(1) }).rows, c2 = entropyTopsis({ indicators: ind(1e6) }).rows;
    c1.forEach((r, i) => expect(Math.abs(c2[i].closeness - r.closeness)).toBeLessThan(1e-13));
  });
});
