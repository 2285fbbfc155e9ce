import { fitPanel } from "../../../src/core/estimators/fit-panel";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { Cell } from "../../../src/core/data/cells";
import { SyntheticPanelOptions, syntheticFePanel } from "../../helpers/synthetic-fe-panel";
import { denseCodes, firstAppearanceCodes } from "../../../src/core/estimators/panel-sample";
import { twoWayProjector } from "../../../src/core/estimators/demean";
import { effectsFTest } from "../../../src/core/estimators/fit-tests";
import { completeRows } from "../../../src/core/estimators/complete-rows";
import fc from "fast-check";

/*
 * The fused paths of a panel fit (the entity codes taken as they are when every row is kept, the
 * balanced projector's norms, the effects F test with known means, the blocked statistics) must
 * give the same numbers, bit for bit, as the general paths they shortcut.
 */

/** The shared synthetic panel (test/helpers/synthetic-fe-panel.ts) as this file uses it. */
const panel = (G: number, T: number, opts: SyntheticPanelOptions = {}): Cell[][] => syntheticFePanel(G, T, { drift: 0.01, ...opts });

/** The same fit with one extra row whose y is blank: the sample (and so every number) is the same. */
function withDroppedRow(grid: Cell[][]): Cell[][] {
  const extra = grid[1].slice();
  extra[1] = 1990;
  extra[2] = null;
  return [...grid, extra];
}

const numbers = (r: ReturnType<typeof fitPanel>) => ({
  params: r.params, stdErrors: r.stdErrors, tstats: r.tstats, rsquared: r.rsquared, modelTest: r.modelTest,
  effectsTest: r.effectsTest, sigmaU: r.sigmaU, sigmaE: r.sigmaE, ssr: r.ssr, omitted: r.omitted, exactFit: r.exactFit,
});

describe("fused fit paths equal the general paths", () => {
  const specs = [
    { effect: "twoways", vcov: "cluster" },
    { effect: "twoways", vcov: "robust" },
    { effect: "individual", vcov: "cluster" },
    { effect: "time", vcov: "classical" },
  ] as const;
  const panels: [string, Cell[][]][] = [
    ["balanced, numeric ids", panel(12, 6)],
    ["balanced, text ids", panel(9, 5, { textIds: true })],
    ["unbalanced", panel(12, 6, { skip: (g, t) => (g * 3 + t) % 7 === 0 })],
    ["collinear x3", panel(10, 5, { collinear: true })],
    ["exact fit", panel(8, 5, { exact: true })],
  ];
  for (const [name, grid] of panels) {
    for (const s of specs) {
      test(`${name}, ${s.effect}, ${s.vcov}: every row kept (fast codes) = one row dropped (general codes)`, () => {
        const spec = { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", model: "fe" as const, ...s };
        const a = fitPanel(tableFromGrid(grid), spec);
        const b = fitPanel(tableFromGrid(withDroppedRow(grid)), spec);
        expect(b.dropped.rows).toBe(1);
        expect(numbers(a)).toEqual(numbers(b));
      });
    }
  }

  test("collinear x3 is omitted and the exact fit is flagged (the shortcuts keep these decisions)", () => {
    expect(fitPanel(tableFromGrid(panel(10, 5, { collinear: true })), { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", effect: "twoways" }).omitted).toEqual(["x3"]);
    expect(fitPanel(tableFromGrid(panel(8, 5, { exact: true })), { formula: "y ~ x1 + x2 + x3", id: "id", time: "year", effect: "twoways" }).exactFit).toBe(true);
  });

  test("firstAppearanceCodes: the frame's codes as they are, or undefined when they are not dense in first-appearance order", () => {
    const v = Int32Array.of(0, 0, 1, 0, 2, 1, 3);
    const all = Int32Array.from(v.keys());
    expect(firstAppearanceCodes(v)).toEqual(denseCodes(v, all));
    expect(firstAppearanceCodes(Int32Array.of(0, 2, 1))).toBeUndefined();
    expect(firstAppearanceCodes(Int32Array.of(1, 0))).toBeUndefined();
    expect(firstAppearanceCodes(Int32Array.of(0, -1))).toBeUndefined();
  });

  test("balanced projector: applyIntoNorms = applyInto with Σx² and Σout² in row order", () => {
    const G = 7, T = 4;
    const a = Int32Array.from({ length: G * T }, (_, i) => (i * 3) % G);
    const b = Int32Array.from({ length: G * T }, (_, i) => Math.floor(i / G));
    const p = twoWayProjector(a, G, b, T, { balanced: true });
    const x = Float64Array.from({ length: G * T }, (_, i) => Math.sin(i) * 10 + i);
    const want = p.applyInto(x, new Float64Array(G * T));
    const out = new Float64Array(G * T);
    const nn = p.applyIntoNorms!(x, out);
    expect(out).toEqual(want);
    expect(nn.x2).toBe(x.reduce((s, v) => s + v * v, 0));
    expect(nn.out2).toBe(want.reduce((s, v) => s + v * v, 0));
  });

  test("effectsFTest with the means given = with the means computed", () => {
    const X = [Float64Array.of(1, 2, 4, 3, 5, 7), Float64Array.of(2, 1, 0, 3, 3, 1)];
    const y = Float64Array.of(3, 4, 6, 5, 9, 8);
    const mean = (v: Float64Array) => v.reduce((s, t) => s + t, 0) / v.length;
    expect(effectsFTest(X, y, 1.5, 3, 2, [mean(X[0]), mean(X[1]), mean(y)])).toEqual(effectsFTest(X, y, 1.5, 3, 2));
  });
});

describe("balanced projector on rows sorted by entity (the register path) equals the plain two-way demeaning", () => {
  test.each([
    [5, 4],
    [1, 6],
    [6, 1],
    [40, 30],
  ])("%i entities × %i periods", (G, T) => {
    const n = G * T;
    const a = Int32Array.from({ length: n }, (_, i) => Math.floor(i / T));
    const b = Int32Array.from({ length: n }, (_, i) => (i * 7 + Math.floor(i / T)) % T); // periods in varying order
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 100 + i / 3);
    // Plain: entity, period and grand means by scatter sums in row order, then x − x̄ᵢ − x̄ₜ + x̄.
    const ma = new Float64Array(G), mb = new Float64Array(T);
    let tot = 0;
    for (let i = 0; i < n; i++) {
      ma[a[i]] += x[i];
      mb[b[i]] += x[i];
      tot += x[i];
    }
    for (let g = 0; g < G; g++) ma[g] /= T;
    for (let t = 0; t < T; t++) mb[t] /= G;
    const m = tot / n;
    const want = Float64Array.from(x, (v, i) => v - ma[a[i]] - mb[b[i]] + m);
    const p = twoWayProjector(a, G, b, T, { balanced: true });
    expect(p.apply(x)).toEqual(want);
    const out = new Float64Array(n);
    const nn = p.applyIntoNorms!(x, out);
    expect(out).toEqual(want);
    expect(nn.x2).toBe(x.reduce((s, v) => s + v * v, 0));
    expect(nn.out2).toBe(want.reduce((s, v) => s + v * v, 0));
    expect(p.effects(x).a).toEqual(ma);
  });
});

describe("completeRows (column by column) equals the row-by-row scan", () => {
  /** The row-by-row scan it replaces: per masked row, every variable in order, then the label column. */
  function rowByRow(mask: Uint8Array, vars: { name: string; values: Float64Array }[], labels?: { name: string; values: (string | null)[] }) {
    const byVariable: Record<string, number> = {};
    const keep: number[] = [];
    let inSubset = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      inSubset++;
      let ok = true;
      for (const v of vars) {
        if (Number.isNaN(v.values[i])) {
          byVariable[v.name] = (byVariable[v.name] ?? 0) + 1;
          ok = false;
        }
      }
      if (labels && labels.values[i] === null) {
        byVariable[labels.name] = (byVariable[labels.name] ?? 0) + 1;
        ok = false;
      }
      if (ok) keep.push(i);
    }
    return { keep: Int32Array.from(keep), inSubset, byVariable };
  }

  test("random masks and missing cells, a repeated variable name, a label column: same rows, counts and key order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
        let r = seed;
        const next = () => ((r = (r * 1103515245 + 12345) % 2147483648) / 2147483648);
        const mask = Uint8Array.from({ length: n }, () => (next() < 0.8 ? 1 : 0));
        const col = () => Float64Array.from({ length: n }, () => (next() < 0.15 ? NaN : next()));
        const vars = [{ name: "y", values: col() }, { name: "x", values: col() }, { name: "z", values: col() }, { name: "x", values: col() }];
        const labels = { name: "c", values: Array.from({ length: n }, () => (next() < 0.1 ? null : "a")) };
        const got = completeRows(mask, vars, labels);
        const want = rowByRow(mask, vars, labels);
        expect(got.keep).toEqual(want.keep);
        expect(got.inSubset).toBe(want.inSubset);
        expect(Object.entries(got.byVariable)).toEqual(Object.entries(want.byVariable));
        expect(got.huge).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test("flags a value whose square overflows", () => {
    expect(completeRows(Uint8Array.of(1, 1), [{ name: "y", values: Float64Array.of(1, 1e200) }]).huge).toBe(true);
    expect(completeRows(Uint8Array.of(1, 0), [{ name: "y", values: Float64Array.of(1, 1e200) }]).huge).toBe(false);
  });
});
