import { leastSquares } from "../linalg/least-squares";
import { inputError } from "../errors";
import { WildDesign } from "./wild-design";
import { WildDraws } from "./wild-weights";
import { invertTest } from "./wild-ci";

/**
 * The restricted wild cluster bootstrap (WCR) t-test of one coefficient, with the fast algebra of
 * Roodman, MacKinnon, Nielsen & Webb (2019, Stata Journal 19(1), "Fast and wild", §3–§5).
 *
 * On the design X (within-transformed as the point estimate), y, A = (X'X)⁻¹, term j and null
 * β_j = β0: the restricted residuals are ũ(β0) = M₋ⱼ(y − β0 xⱼ) = ũ₀ − β0 ũₓ (ũ₀ = M₋ⱼ y,
 * ũₓ = M₋ⱼ xⱼ). A draw v (one weight per cluster) gives y* = X₋ⱼβ̃ + β0 xⱼ + M_D(ũ·v) and, refitting,
 *   β*ⱼ − β0 = Σ_h v_h nₕ,   nₕ = aⱼ'X_h'ũ_h        (aⱼ = row j of A)
 *   CRV1 score of cluster g in direction aⱼ: q_g = Σ_h Q_gh v_h,
 *   Q_gh = zⱼ,g'(M_D ũ^(h))_g − (A X_g'zⱼ,g)'(X_h'ũ_h),  zⱼ = X aⱼ,
 * with ũ^(h) = ũ on cluster h and 0 elsewhere; when the fixed effects are nested in the clusters
 * (pooled OLS, entity FE clustered by entity) M_D ũ^(h) = ũ^(h), so the first part is diagonal and
 * a draw costs O(G·k); otherwise (two-way FE) Q is precomputed once (O(G·n)) and a draw costs O(G²).
 * t*(β0) = (N₀ − β0 N₁)/√(f·(S₀₀ − 2β0 S₀₁ + β0² S₁₁)) where N and S are the draw's sums for ũ₀ and
 * ũₓ: five numbers per draw, so the confidence set reuses the draws at O(reps) per β0.
 * f is the CRV1 small-sample factor of the reported SE (it cancels in p but keeps t* = t).
 */
export interface WildTermStats {
  term: string;
  estimate: number;
  se: number;
  reps: number;
  /** t*_b(β0) of draw b. */
  tstar(b: number, beta0: number): number;
  /** Symmetric p-value of H0 β = β0: #{b : |t*_b| ≥ |t|}/reps (ties count). */
  pvalue(beta0: number): number;
}

/** Relative tolerance under which |t*| and |t| count as a tie (rounding of the all-ones draw). */
export const TIE_TOLERANCE = 1e-9;

/** Per-term precomputations for one u (ũ₀ or ũₓ): n (G), W (G×K) and, non-nested, Q (G×G). */
interface Parts {
  n: Float64Array;
  W: Float64Array;
  Q?: Float64Array;
}

function sumsByCluster(cols: Float64Array[], w: Float64Array, clusters: Int32Array, G: number): Float64Array {
  const K = cols.length;
  const out = new Float64Array(G * K);
  for (let c = 0; c < K; c++) {
    const x = cols[c];
    for (let i = 0; i < w.length; i++) out[clusters[i] * K + c] += x[i] * w[i];
  }
  return out;
}

function parts(d: WildDesign, u: Float64Array, z: Float64Array, R: Float64Array, members: Int32Array[]): Parts {
  const { G, clusters, cols } = d;
  const K = cols.length;
  const n = new Float64Array(G);
  for (let i = 0; i < u.length; i++) n[clusters[i]] += z[i] * u[i];
  const W = sumsByCluster(cols, u, clusters, G);
  if (d.nested) return { n, W };
  const Q = new Float64Array(G * G);
  const part = new Float64Array(u.length);
  for (let h = 0; h < G; h++) {
    part.fill(0);
    for (const i of members[h]) part[i] = u[i];
    const pv = d.project(part);
    for (let i = 0; i < pv.length; i++) Q[clusters[i] * G + h] += z[i] * pv[i];
  }
  for (let g = 0; g < G; g++)
    for (let h = 0; h < G; h++) {
      let s = 0;
      for (let c = 0; c < K; c++) s += R[g * K + c] * W[h * K + c];
      Q[g * G + h] -= s;
    }
  return { n, W, Q };
}

/** Scores q_g = Σ_h Q_gh v_h of one draw (into q), and Σ_h n_h v_h. */
function draw(p: Parts, R: Float64Array, v: Float64Array, G: number, K: number, q: Float64Array, w: Float64Array): number {
  let num = 0;
  for (let h = 0; h < G; h++) num += p.n[h] * v[h];
  if (p.Q) {
    const Q = p.Q;
    for (let g = 0; g < G; g++) {
      let s = 0;
      const off = g * G;
      for (let h = 0; h < G; h++) s += Q[off + h] * v[h];
      q[g] = s;
    }
    return num;
  }
  w.fill(0);
  for (let h = 0; h < G; h++) {
    const vh = v[h];
    if (vh === 0) continue;
    for (let c = 0; c < K; c++) w[c] += p.W[h * K + c] * vh;
  }
  for (let g = 0; g < G; g++) {
    let s = 0;
    for (let c = 0; c < K; c++) s += R[g * K + c] * w[c];
    q[g] = p.n[g] * v[g] - s;
  }
  return num;
}

const MAX_DENSE_CLUSTERS = 2000;

/**
 * Runs the draws for every tested term in one pass over the draws (the same draws for all terms
 * and every β0) and returns, per term, t*, the p-value function and what the interval needs.
 */
export function wildTermStats(d: WildDesign, terms: string[], draws: WildDraws, onProgress?: (done: number, total: number) => boolean | void): WildTermStats[] {
  const { cols, y, clusters, G, factor } = d;
  const K = cols.length;
  if (!d.nested && G > MAX_DENSE_CLUSTERS) {
    throw inputError(
      `The wild cluster bootstrap with fixed effects that cut across clusters is limited to ${MAX_DENSE_CLUSTERS} clusters (the sample has ${G}); with that many clusters the cluster-robust SE is reliable.`,
      `固定效应与聚类交叉时，wild cluster bootstrap 最多支持 ${MAX_DENSE_CLUSTERS} 个聚类（样本有 ${G} 个）；聚类这么多时聚类稳健标准误已可靠。`,
    );
  }
  const fit = leastSquares(cols, y);
  if (fit.kept.length < K) throw inputError("The bootstrap design is collinear.", "bootstrap 设计矩阵存在共线性。");
  const A = fit.xtxInv;
  const members: Int32Array[] = [];
  if (!d.nested) {
    const count = new Int32Array(G);
    for (let i = 0; i < clusters.length; i++) count[clusters[i]]++;
    for (let g = 0; g < G; g++) members.push(new Int32Array(count[g]));
    const pos = new Int32Array(G);
    for (let i = 0; i < clusters.length; i++) members[clusters[i]][pos[clusters[i]]++] = i;
  }
  const reps = draws.reps;
  const setups = terms.map((term) => {
    const j = d.names.indexOf(term);
    if (j < 0) {
      throw inputError(`Wild bootstrap term '${term}' is not a coefficient of the model (terms: ${d.names.join(", ")}).`, `wild bootstrap 的检验项 '${term}' 不是模型的系数（可选：${d.names.join("、")}）。`);
    }
    const aj = A.subarray(j * K, (j + 1) * K);
    const z = new Float64Array(y.length);
    for (let c = 0; c < K; c++) {
      const x = cols[c];
      const a = aj[c];
      for (let i = 0; i < z.length; i++) z[i] += a * x[i];
    }
    // Observed t with the reported CRV1 covariance.
    const sc = new Float64Array(G);
    for (let i = 0; i < z.length; i++) sc[clusters[i]] += z[i] * fit.resid[i];
    let v = 0;
    for (let g = 0; g < G; g++) v += sc[g] * sc[g];
    const se = Math.sqrt(factor * v);
    // R[g,:] = A X_g'z_g.
    const m = sumsByCluster(cols, z, clusters, G);
    const R = new Float64Array(G * K);
    for (let g = 0; g < G; g++)
      for (let a = 0; a < K; a++) {
        let s = 0;
        for (let c = 0; c < K; c++) s += A[a * K + c] * m[g * K + c];
        R[g * K + a] = s;
      }
    const others = cols.filter((_, c) => c !== j);
    const u0 = others.length ? leastSquares(others, y).resid : y.slice();
    const ux = others.length ? leastSquares(others, cols[j]).resid : cols[j].slice();
    return { term, estimate: fit.coef[j], se, R, p0: parts(d, u0, z, R, members), p1: parts(d, ux, z, R, members), N0: new Float64Array(reps), N1: new Float64Array(reps), S00: new Float64Array(reps), S01: new Float64Array(reps), S11: new Float64Array(reps) };
  });
  const v = new Float64Array(G);
  const q0 = new Float64Array(G);
  const q1 = new Float64Array(G);
  const w = new Float64Array(K);
  const every = Math.max(1, Math.floor(reps / 20));
  for (let b = 0; b < reps; b++) {
    draws.fill(b, v);
    for (const s of setups) {
      s.N0[b] = draw(s.p0, s.R, v, G, K, q0, w);
      s.N1[b] = draw(s.p1, s.R, v, G, K, q1, w);
      let a = 0, c = 0, e = 0;
      for (let g = 0; g < G; g++) {
        a += q0[g] * q0[g];
        c += q0[g] * q1[g];
        e += q1[g] * q1[g];
      }
      s.S00[b] = a;
      s.S01[b] = c;
      s.S11[b] = e;
    }
    // A progress callback returning false stops the loop (the CLI times a few draws for its estimate).
    if (onProgress && b % every === 0 && onProgress(b, reps) === false) break;
  }
  return setups.map((s) => {
    const tstar = (b: number, beta0: number) => (s.N0[b] - beta0 * s.N1[b]) / Math.sqrt(factor * Math.max(s.S00[b] - 2 * beta0 * s.S01[b] + beta0 * beta0 * s.S11[b], 0));
    // The all-ones draw (and, enumerated, all minus ones) gives y* = y, so |t*| = |t| for every β0;
    // they are counted as ties outright, since far from the estimate the quadratic form in β0 loses
    // those digits to cancellation (its β0² term is zero in exact arithmetic for these draws).
    const exact = new Uint8Array(reps);
    for (const b of draws.exactTies) exact[b] = 1;
    const pvalue = (beta0: number) => {
      const t = Math.abs((s.estimate - beta0) / s.se) * (1 - TIE_TOLERANCE);
      let count = 0;
      const t2 = t * t;
      const b2 = beta0 * beta0;
      for (let b = 0; b < reps; b++) {
        if (exact[b]) {
          count++;
          continue;
        }
        const num = s.N0[b] - beta0 * s.N1[b];
        const den = factor * Math.max(s.S00[b] - 2 * beta0 * s.S01[b] + b2 * s.S11[b], 0);
        if (num * num >= t2 * den && (num !== 0 || den !== 0)) count++; // |t*| ≥ |t| without a square root
      }
      return count / reps;
    };
    return { term: s.term, estimate: s.estimate, se: s.se, reps, tstar, pvalue };
  });
}

export interface WildTermResult {
  /** Observed t of H0 β = 0 (the reported cluster-robust t). */
  t: number;
  p: number;
  /** Bootstrap confidence set by test inversion; null ends are unbounded. */
  confInt: [number | null, number | null];
  notInterval: boolean;
}

/** p of H0 β = 0 and the test-inversion interval at `level` (not rejected while p > 1 − level). */
export function wildTermResult(s: WildTermStats, level: number, interval = true): WildTermResult {
  if (!interval) return { t: s.estimate / s.se, p: s.pvalue(0), confInt: [null, null], notInterval: false };
  const alpha = 1 - level;
  const inv = invertTest(s.estimate, s.se, (b0) => s.pvalue(b0) <= alpha);
  return { t: s.estimate / s.se, p: s.pvalue(0), confInt: inv.confInt, notInterval: inv.notInterval };
}
