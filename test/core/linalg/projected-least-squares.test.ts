/**
 * projectedLeastSquares (event-study cells through their indicators, Cholesky on X'X̃) equals the
 * Householder QR on the same within-transformed design: coefficients, (X̃'X̃)⁻¹, SSR and the
 * collinear column it drops (1e-9). Unbalanced two-way panel, 12 disjoint indicator columns (one
 * of them the sum of an entity's dummies, so collinear with the entity effects) and two dense controls.
 */
import seedrandom from "seedrandom";
import { leastSquares } from "../../../src/core/linalg/least-squares";
import { projectedLeastSquares } from "../../../src/core/linalg/projected-least-squares";
import { twoWayProjector } from "../../../src/core/estimators/demean";
import { fitSample } from "../../../src/core/estimators/fit-sample";

test("equals the QR on an unbalanced two-way within design with a collinear indicator", () => {
  const rng = seedrandom("projected");
  const entity: number[] = [], period: number[] = [];
  const G = 40, T = 10;
  for (let g = 0; g < G; g++) for (let t = 0; t < T; t++) if (rng() > 0.15) { entity.push(g); period.push(t); }
  const n = entity.length;
  const ent = Int32Array.from(entity), per = Int32Array.from(period);
  const m = 12;
  const codes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (ent[i] === 0) codes[i] = 11; // every row of entity 0: collinear with its effect
    else if (ent[i] < 25 && per[i] >= 3) codes[i] = (ent[i] % 4) * 2 + (per[i] >= 6 ? 1 : 0);
  }
  const raw: Float64Array[] = Array.from({ length: m }, (_, j) => Float64Array.from(codes, (c) => (c === j ? 1 : 0)));
  const dense = [Float64Array.from({ length: n }, () => rng()), Float64Array.from({ length: n }, (_, i) => rng() + 0.1 * per[i])];
  const y = Float64Array.from({ length: n }, (_, i) => ent[i] * 0.1 + per[i] * 0.2 + (codes[i] >= 0 ? codes[i] * 0.05 : 0) + dense[0][i] + rng());
  const proj = twoWayProjector(ent, G, per, T, { balanced: false });
  const X = [...raw, ...dense];
  const Xt = X.map((x) => proj.apply(x));
  const yt = proj.apply(y);
  // Indicator columns 8..10 never occur: drop them from the design as the absorbed check would.
  const use = X.map((_, j) => j).filter((j) => j >= m || raw[j].some((v) => v === 1));
  const qr = leastSquares(use.map((j) => Xt[j]), yt);
  const ne = projectedLeastSquares(use.map((j) => Xt[j]), yt, { codes, raw: use.map((j) => (j < m ? { indicator: j } : { dense: X[j] })) });
  expect(ne.kept).toEqual(qr.kept);
  expect(ne.omitted).toEqual(qr.omitted);
  expect(qr.omitted.map((p) => use[p])).toEqual([11]);
  const K = qr.kept.length;
  for (let c = 0; c < K; c++) expect(Math.abs(ne.coef[c] - qr.coef[c])).toBeLessThan(1e-9 * (1 + Math.abs(qr.coef[c])));
  for (let c = 0; c < K * K; c++) expect(Math.abs(ne.xtxInv[c] - qr.xtxInv[c])).toBeLessThan(1e-9 * (1 + Math.abs(qr.xtxInv[c])));
  expect(Math.abs(ne.ssr - qr.ssr)).toBeLessThan(1e-9 * qr.ssr);
});

test("balanced panel, through fitSample: the fused indicator path (cross-products gathered while demeaning, residuals as M(y − Xb)) equals the QR on dense columns, SEs included", () => {
  const rng = seedrandom("projected-balanced");
  const G = 30, T = 8, n = G * T;
  const ent = Int32Array.from({ length: n }, (_, i) => Math.floor(i / T));
  const per = Int32Array.from({ length: n }, (_, i) => i % T);
  const m = 9;
  // Cells of 3 "cohorts" (entities 0–17) × 3 relative periods; entity 29 all in cell 8 (collinear with its effect).
  const codes = Int32Array.from({ length: n }, (_, i) => (ent[i] === 29 ? 8 : ent[i] < 18 && per[i] >= 2 && per[i] < 5 ? (ent[i] % 3) * 2 + (per[i] - 2 > 1 ? 1 : 0) + (per[i] === 4 && ent[i] % 3 === 2 ? 1 : 0) : -1));
  const x1 = Float64Array.from({ length: n }, () => rng());
  const x2 = Float64Array.from({ length: n }, (_, i) => rng() + 0.2 * per[i]);
  const y = Float64Array.from({ length: n }, (_, i) => ent[i] * 0.3 - per[i] * 0.1 + (codes[i] >= 0 ? 0.4 + codes[i] * 0.1 : 0) + 0.5 * x1[i] - x2[i] + rng());
  const names = [...Array.from({ length: m }, (_, j) => `c${j}`), "x1", "x2"];
  const base = { dependent: "y", names, y, entity: ent, ngroups: G, period: per, nperiods: T, cluster: ent, nclusters: G, rows: Int32Array.from({ length: n }, (_, i) => i), dropped: { rows: 0, byVariable: {} }, entityNames: [] };
  const opts = { model: "fe" as const, effect: "twoways" as const, vcov: "cluster" as const, cluster: "id", skipEffectsTest: true };
  const dense = fitSample({ ...base, X: [...Array.from({ length: m }, (_, j) => Float64Array.from(codes, (c) => (c === j ? 1 : 0))), x1, x2] }, opts);
  // The balanced closed form, and the exact and alternating methods forced on the same panel.
  for (const method of [undefined, "exact", "alternating"] as const) {
    const fused = fitSample({ ...base, X: [...Array.from({ length: m }, () => new Float64Array(0)), x1, x2] }, { ...opts, indicators: { codes, count: m }, demeanMethod: method });
    expect(fused.demeanMethod).toBe(method ?? "balanced");
    expect(fused.omitted).toEqual(dense.omitted);
    expect(fused.omitted).toContain("c8");
    expect(fused.terms).toEqual(dense.terms);
    for (const t of fused.terms) {
      expect(Math.abs(fused.params[t] - dense.params[t])).toBeLessThan(1e-9 * (1 + Math.abs(dense.params[t])));
      expect(Math.abs(fused.stdErrors[t] - dense.stdErrors[t])).toBeLessThan(1e-9 * dense.stdErrors[t]);
    }
    expect(Math.abs(fused.ssr - dense.ssr)).toBeLessThan(1e-9 * dense.ssr);
  }
});
