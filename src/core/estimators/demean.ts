/**
 * Fixed-effect demeaning (the within transformation), hand-written on Float64Array.
 *
 * One-way: x − x̄_g over the groups of `codes`, O(n).
 *
 * Two-way (entity a, period b): the residual of x on both sets of dummies.
 * - Balanced panel: x − x̄ᵢ − x̄ₜ + x̄, exact.
 * - Unbalanced, exact method (default when the smaller factor has at most a few thousand
 *   levels): by Frisch–Waugh–Lovell, demean by the larger factor (x̃ = M_A x), then project x̃
 *   on the demeaned dummies of the smaller factor, D̃ = M_A D:
 *       ẍ = x̃ − D̃ γ,  (D̃'D̃) γ = D'x̃,  D̃'D̃ = diag(n_t) − Σ_g n_g⁻¹ (D_g'1)(D_g'1)'.
 *   D̃'D̃ (S × S) is solved once by an in-order Cholesky that skips dependent dummies, so its rank
 *   r gives the number of absorbed parameters G + r (G + T − 1 on a connected panel; less when the
 *   entity–period graph falls into several pieces). Each column then costs four passes.
 *   Reference: Davis (2002), "Estimating multi-way error components models with unbalanced data
 *   structures", J. Econometrics 106; Baltagi, Econometric Analysis of Panel Data, §9.4.
 * - Unbalanced, alternating projections (fallback when both factors have many levels):
 *   Gauss–Seidel on the two sets of dummies (Guimarães & Portugal 2010, Gaure 2013) until the
 *   largest change is below `tol`·max|x|; the number of sweeps is reported.
 */
export function demeanOneWay(x: Float64Array, codes: Int32Array, ngroups: number): Float64Array {
  const m = groupMeans(x, codes, ngroups);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - m[codes[i]];
  return out;
}

export interface TwoWayDemeaned {
  values: Float64Array;
  iterations: number;
}

/** A reusable two-way within transformation for one (entity, period) structure. */
export interface TwoWayProjector {
  /** "balanced" (closed form), "exact" (FWL on the smaller factor) or "alternating" (projections). */
  method: "balanced" | "exact" | "alternating";
  /** Parameters absorbed by the two sets of effects: G + T − 1 on a connected panel. */
  absorbed: number;
  /** Largest number of sweeps used so far (alternating projections only; 0 otherwise). */
  iterations: number;
  /** Whether every alternating-projection run met the tolerance. */
  converged: boolean;
  apply(x: Float64Array): Float64Array;
  /**
   * The dummy-variable coefficients of x on both factors: x − a[aᵢ] − b[bₜ] = apply(x). They are
   * identified up to a constant moved between a and b (per connected piece of the panel).
   */
  effects(x: Float64Array): { a: Float64Array; b: Float64Array };
}

export interface TwoWayOptions {
  balanced?: boolean;
  /** Convergence tolerance of alternating projections (relative to max|x|). */
  tol?: number;
  maxIter?: number;
  /** Force a method (tests, benchmarks). */
  method?: "exact" | "alternating";
}

/** Largest smaller-factor size for which the exact method is used. */
const EXACT_MAX_LEVELS = 3000;

export function twoWayProjector(a: Int32Array, na: number, b: Int32Array, nb: number, options: TwoWayOptions = {}): TwoWayProjector {
  const n = a.length;
  const balanced = options.balanced ?? isBalancedTwoWay(a, na, b, nb);
  if (balanced && options.method === undefined) {
    // The two sets of group means and the grand mean in one pass (each sum accumulates in row
    // order, exactly as groupMeans would), with the group counts counted once.
    const cntA = counts(a, na);
    const cntB = counts(b, nb);
    const means = (x: Float64Array) => {
      const ma = new Float64Array(na);
      const mb = new Float64Array(nb);
      let mean = 0;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        mean += v;
        ma[a[i]] += v;
        mb[b[i]] += v;
      }
      for (let g = 0; g < na; g++) ma[g] = cntA[g] > 0 ? ma[g] / cntA[g] : 0;
      for (let t = 0; t < nb; t++) mb[t] = cntB[t] > 0 ? mb[t] / cntB[t] : 0;
      return { ma, mb, mean: mean / n };
    };
    return {
      method: "balanced", absorbed: na + nb - 1, iterations: 0, converged: true,
      apply(x) {
        const { ma, mb, mean } = means(x);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = x[i] - ma[a[i]] - mb[b[i]] + mean;
        return out;
      },
      effects(x) {
        const { ma, mb, mean } = means(x);
        for (let t = 0; t < nb; t++) mb[t] -= mean;
        return { a: ma, b: mb };
      },
    };
  }
  const method = options.method ?? (Math.min(na, nb) <= EXACT_MAX_LEVELS ? "exact" : "alternating");
  if (method === "exact") return exactProjector(a, na, b, nb);
  return alternatingProjector(a, na, b, nb, options.tol ?? 1e-14, options.maxIter ?? 10000);
}

/** Two-way demeaning of one column (see twoWayProjector). */
export function demeanTwoWay(x: Float64Array, a: Int32Array, na: number, b: Int32Array, nb: number, balanced: boolean, tol = 1e-14, maxIter = 10000): TwoWayDemeaned {
  const p = twoWayProjector(a, na, b, nb, { balanced, tol, maxIter });
  const values = p.apply(x);
  return { values, iterations: p.iterations };
}

function isBalancedTwoWay(a: Int32Array, na: number, b: Int32Array, nb: number): boolean {
  if (a.length !== na * nb) return false;
  const seen = new Uint8Array(na * nb);
  for (let i = 0; i < a.length; i++) {
    const k = a[i] * nb + b[i];
    if (seen[k]) return false;
    seen[k] = 1;
  }
  return true;
}

function exactProjector(a0: Int32Array, na0: number, b0: Int32Array, nb0: number): TwoWayProjector {
  // big = the factor with more levels (demeaned directly); small = the dummies projected out.
  const swap = nb0 > na0;
  const big = swap ? b0 : a0, nBig = swap ? nb0 : na0;
  const small = swap ? a0 : b0, S = swap ? na0 : nb0;
  const n = big.length;
  const cntBig = counts(big, nBig);
  const cntSmall = counts(small, S);
  // C = D'M_A D = diag(n_s) − Σ_g (1/n_g) c_g c_g', c_g = counts of small levels within big group g.
  const C = new Float64Array(S * S);
  for (let s = 0; s < S; s++) C[s * S + s] = cntSmall[s];
  const order = groupOrder(big, nBig, cntBig);
  const local = new Float64Array(S);
  const touched = new Int32Array(S);
  for (let g = 0; g < nBig; g++) {
    const from = order.start[g], to = order.start[g + 1];
    let nt = 0;
    for (let r = from; r < to; r++) {
      const s = small[order.rows[r]];
      if (local[s] === 0) touched[nt++] = s;
      local[s] += 1;
    }
    // Only the lower triangle (t ≤ s) is filled: the Cholesky below reads no other entry.
    const inv = 1 / cntBig[g];
    for (let p = 0; p < nt; p++) {
      const s = touched[p];
      const cs = local[s] * inv;
      const row = s * S;
      for (let q = 0; q < nt; q++) {
        const t = touched[q];
        if (t <= s) C[row + t] -= cs * local[t];
      }
    }
    for (let p = 0; p < nt; p++) local[touched[p]] = 0;
  }
  const chol = choleskySkipping(C, S, 1e-10);
  const gamma = new Float64Array(S);
  const rhs = new Float64Array(S);
  const wg = new Float64Array(nBig);
  const mean = new Float64Array(nBig);
  const projector: TwoWayProjector = {
    method: "exact", absorbed: nBig + chol.rank, iterations: 0, converged: true,
    apply(x) {
      // out = x − its big-group mean, and the small-level sums of out for the right-hand side, in one pass.
      mean.fill(0);
      for (let i = 0; i < n; i++) mean[big[i]] += x[i];
      for (let g = 0; g < nBig; g++) mean[g] = cntBig[g] > 0 ? mean[g] / cntBig[g] : 0;
      const out = new Float64Array(n);
      rhs.fill(0);
      for (let i = 0; i < n; i++) {
        const v = x[i] - mean[big[i]];
        out[i] = v;
        rhs[small[i]] += v;
      }
      choleskySolve(chol, rhs, gamma);
      wg.fill(0);
      for (let i = 0; i < n; i++) wg[big[i]] += gamma[small[i]];
      for (let g = 0; g < nBig; g++) wg[g] /= cntBig[g];
      for (let i = 0; i < n; i++) out[i] -= gamma[small[i]] - wg[big[i]];
      return out;
    },
    effects(x) {
      // apply(x) = x − (mean_big(x) − wg)[big] − gamma[small]: the big factor's effects are
      // mean_big(x) − wg, the small factor's are gamma.
      projector.apply(x);
      const bigEffects = new Float64Array(nBig);
      for (let g = 0; g < nBig; g++) bigEffects[g] = mean[g] - wg[g];
      const smallEffects = Float64Array.from(gamma);
      return swap ? { a: smallEffects, b: bigEffects } : { a: bigEffects, b: smallEffects };
    },
  };
  return projector;
}

function alternatingProjector(a: Int32Array, na: number, b: Int32Array, nb: number, tol: number, maxIter: number): TwoWayProjector {
  const n = a.length;
  const invA = counts(a, na).map((c) => (c > 0 ? 1 / c : 0));
  const invB = counts(b, nb).map((c) => (c > 0 ? 1 / c : 0));
  const sa = new Float64Array(na);
  const sb = new Float64Array(nb);
  // Running totals of the means taken out by factor a and by factor b: the effects.
  const ta = new Float64Array(na);
  const tb = new Float64Array(nb);
  const self: TwoWayProjector = {
    method: "alternating", absorbed: na + nb - components(a, na, b, nb), iterations: 0, converged: true,
    effects(x) {
      self.apply(x);
      return { a: Float64Array.from(ta), b: Float64Array.from(tb) };
    },
    apply(x) {
      ta.fill(0);
      tb.fill(0);
      const r = Float64Array.from(x);
      let scale = 0;
      for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
      const limit = tol * Math.max(scale, 1e-300);
      sa.fill(0);
      for (let i = 0; i < n; i++) sa[a[i]] += r[i];
      let it = 0, done = false;
      while (it < maxIter) {
        it++;
        // r −= mean by a; accumulate sums by b (one fused pass).
        for (let g = 0; g < na; g++) {
          sa[g] *= invA[g];
          ta[g] += sa[g];
        }
        sb.fill(0);
        for (let i = 0; i < n; i++) {
          const v = r[i] - sa[a[i]];
          r[i] = v;
          sb[b[i]] += v;
        }
        let change = 0;
        for (let g = 0; g < nb; g++) {
          sb[g] *= invB[g];
          tb[g] += sb[g];
          const c = Math.abs(sb[g]);
          if (c > change) change = c;
        }
        // r −= mean by b; accumulate sums by a for the next sweep.
        sa.fill(0);
        for (let i = 0; i < n; i++) {
          const v = r[i] - sb[b[i]];
          r[i] = v;
          sa[a[i]] += v;
        }
        if (change <= limit) {
          done = true;
          break;
        }
      }
      self.iterations = Math.max(self.iterations, it);
      if (!done) self.converged = false;
      return r;
    },
  };
  return self;
}

/** Number of connected components of the bipartite graph of levels of a and b (union–find). */
function components(a: Int32Array, na: number, b: Int32Array, nb: number): number {
  const parent = Int32Array.from({ length: na + nb }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const used = new Uint8Array(na + nb);
  for (let i = 0; i < a.length; i++) {
    used[a[i]] = 1;
    used[na + b[i]] = 1;
    const p = find(a[i]), q = find(na + b[i]);
    if (p !== q) parent[p] = q;
  }
  let c = 0;
  for (let i = 0; i < na + nb; i++) if (used[i] && find(i) === i) c++;
  return c;
}

interface Cholesky {
  L: Float64Array;
  keep: Uint8Array;
  k: number;
  rank: number;
}

/**
 * In-order Cholesky of a symmetric PSD k×k matrix that skips a column whose remaining pivot is
 * ≤ tol·(its diagonal): that column is (numerically) a combination of earlier kept ones.
 */
function choleskySkipping(S: Float64Array, k: number, tol: number): Cholesky {
  const L = new Float64Array(k * k);
  const keep = new Uint8Array(k);
  let rank = 0;
  for (let j = 0; j < k; j++) {
    let d = S[j * k + j];
    for (let p = 0; p < j; p++) if (keep[p]) d -= L[j * k + p] * L[j * k + p];
    if (!(d > tol * Math.max(S[j * k + j], 1e-300))) continue;
    keep[j] = 1;
    rank++;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let v = S[i * k + j];
      for (let p = 0; p < j; p++) if (keep[p]) v -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = v / ljj;
    }
  }
  return { L, keep, k, rank };
}

/** Solves the kept block of S γ = rhs; skipped entries of γ are 0. */
function choleskySolve(c: Cholesky, rhs: Float64Array, out: Float64Array): void {
  const { L, keep, k } = c;
  for (let j = 0; j < k; j++) {
    if (!keep[j]) {
      out[j] = 0;
      continue;
    }
    let v = rhs[j];
    for (let p = 0; p < j; p++) if (keep[p]) v -= L[j * k + p] * out[p];
    out[j] = v / L[j * k + j];
  }
  for (let j = k - 1; j >= 0; j--) {
    if (!keep[j]) continue;
    let v = out[j];
    for (let p = j + 1; p < k; p++) if (keep[p]) v -= L[p * k + j] * out[p];
    out[j] = v / L[j * k + j];
  }
}

/** Rows grouped by code (counting sort): rows[start[g] .. start[g+1]) belong to g. */
function groupOrder(codes: Int32Array, ngroups: number, cnt: Float64Array): { rows: Int32Array; start: Int32Array } {
  const start = new Int32Array(ngroups + 1);
  for (let g = 0; g < ngroups; g++) start[g + 1] = start[g] + cnt[g];
  const pos = start.slice(0, ngroups);
  const rows = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rows[pos[codes[i]]++] = i;
  return { rows, start };
}

export function groupMeans(x: ArrayLike<number>, codes: Int32Array, ngroups: number): Float64Array {
  const sum = new Float64Array(ngroups);
  const cnt = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) {
    sum[codes[i]] += x[i];
    cnt[codes[i]] += 1;
  }
  for (let g = 0; g < ngroups; g++) sum[g] = cnt[g] > 0 ? sum[g] / cnt[g] : 0;
  return sum;
}

function counts(codes: Int32Array, ngroups: number): Float64Array {
  const c = new Float64Array(ngroups);
  for (let i = 0; i < codes.length; i++) c[codes[i]] += 1;
  return c;
}
