import type { TwoWayProjector } from "./demean";
import { counts } from "./group-sums";
import { gatherCross } from "./indicator-cross";

/**
 * The exact two-way within transformation on an unbalanced panel (Frisch–Waugh–Lovell on the
 * smaller factor; see demean.ts): demean by the larger factor, then project on the demeaned
 * dummies of the smaller one, whose cross-product is factored once by an in-order Cholesky.
 */
export function exactProjector(a0: Int32Array, na0: number, b0: Int32Array, nb0: number): TwoWayProjector {
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
  /** Turns the big-group sums in `mean` into means. */
  const bigMeans = () => {
    for (let g = 0; g < nBig; g++) mean[g] = cntBig[g] > 0 ? mean[g] / cntBig[g] : 0;
  };
  /** The small factor's effects gamma from `rhs`, and their big-group means wg. */
  const smallEffects = () => {
    choleskySolve(chol, rhs, gamma);
    wg.fill(0);
    for (let i = 0; i < n; i++) wg[big[i]] += gamma[small[i]];
    for (let g = 0; g < nBig; g++) wg[g] /= cntBig[g];
  };
  const projector: TwoWayProjector = {
    method: "exact", absorbed: nBig + chol.rank, iterations: 0, converged: true,
    apply(x) {
      return projector.applyInto(x, new Float64Array(n));
    },
    applyInto(x, out) {
      // out = x − its big-group mean, and the small-level sums of out for the right-hand side, in one pass.
      mean.fill(0);
      for (let i = 0; i < n; i++) mean[big[i]] += x[i];
      bigMeans();
      rhs.fill(0);
      for (let i = 0; i < n; i++) {
        const v = x[i] - mean[big[i]];
        out[i] = v;
        rhs[small[i]] += v;
      }
      smallEffects();
      for (let i = 0; i < n; i++) out[i] -= gamma[small[i]] - wg[big[i]];
      return out;
    },
    indicatorInto(codes, j, rows, out, cross) {
      // applyInto of the 0/1 column "codes[i] === j" without materialising it: its big-group means
      // are counts over its own rows; then the same passes and arithmetic as applyInto.
      mean.fill(0);
      for (let r = 0; r < rows.length; r++) mean[big[rows[r]]] += 1;
      bigMeans();
      rhs.fill(0);
      for (let i = 0; i < n; i++) {
        const v = (codes[i] === j ? 1 : 0) - mean[big[i]];
        out[i] = v;
        rhs[small[i]] += v;
      }
      smallEffects();
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const v = out[i] - (gamma[small[i]] - wg[big[i]]);
        out[i] = v;
        ss += v * v;
      }
      if (cross) gatherCross(codes, out, cross);
      return ss;
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

