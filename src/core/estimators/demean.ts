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
import { groupMeans, counts } from "./group-sums";
import { exactProjector } from "./demean-exact";
import { alternatingProjector } from "./demean-alternating";

export { groupMeans } from "./group-sums";

export function demeanOneWay(x: Float64Array, codes: Int32Array, ngroups: number, out = new Float64Array(x.length)): Float64Array {
  const m = groupMeans(x, codes, ngroups);
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
  /** apply(x) written into `out` (length n, may be a view into a larger block); returns out. */
  applyInto(x: Float64Array, out: Float64Array): Float64Array;
  /**
   * Balanced method: applyInto(x, out) (the same values), also returning Σ x[i]² and Σ out[i]²,
   * each summed in row order, from the same two passes.
   */
  applyIntoNorms?(x: Float64Array, out: Float64Array): { x2: number; out2: number };
  /**
   * Balanced and exact methods (not alternating projections): apply() of the 0/1 column "codes[i] === j" (whose rows are `rows`)
   * without materialising it — its means are counts over those rows only — written into `out`,
   * with the same values as applyInto on the dense column. Returns ‖out‖². With `cross`, the same
   * pass also sums out over each code's rows and takes its dot products with the dense columns.
   */
  indicatorInto?(codes: Int32Array, j: number, rows: ArrayLike<number>, out: Float64Array, cross?: IndicatorCross): number;
  /**
   * The dummy-variable coefficients of x on both factors: x − a[aᵢ] − b[bₜ] = apply(x). They are
   * identified up to a constant moved between a and b (per connected piece of the panel).
   */
  effects(x: Float64Array): { a: Float64Array; b: Float64Array };
}

/** Cross-products gathered while an indicator column is transformed (see indicatorInto). */
export interface IndicatorCross {
  /** byCode[c] += out[i] over the rows with codes[i] = c ≥ 0 (in row order). */
  byCode: Float64Array;
  dense: readonly Float64Array[];
  /** dots[d] = Σᵢ dense[d][i]·out[i] (in row order). */
  dots: Float64Array;
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
  const balanced = options.balanced ?? isBalancedTwoWay(a, na, b, nb);
  if (balanced && options.method === undefined) return balancedProjector(a, na, b, nb);
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

/**
 * Balanced panel: x − x̄ᵢ − x̄ₜ + x̄, the three means from one fused pass (same sums, in the same
 * order, as three separate passes), the counts taken once.
 */
function balancedProjector(a: Int32Array, na: number, b: Int32Array, nb: number): TwoWayProjector {
  const n = a.length;
  const cntA = counts(a, na);
  const cntB = counts(b, nb);
  const ma = new Float64Array(na);
  const mb = new Float64Array(nb);
  let mean = 0;
  const finishMeans = (total: number) => {
    for (let g = 0; g < na; g++) ma[g] = cntA[g] > 0 ? ma[g] / cntA[g] : 0;
    for (let t = 0; t < nb; t++) mb[t] = cntB[t] > 0 ? mb[t] / cntB[t] : 0;
    mean = total / n;
  };
  // Rows sorted by entity (entity g in rows g·nb … g·nb + nb − 1, the usual layout): the entity
  // sums then run in a register and the entity mean is read once per entity — the same sums and
  // differences in the same order.
  const byEntity = entityBlocks(a, na, nb);
  const means = (x: Float64Array) => {
    ma.fill(0);
    mb.fill(0);
    let total = 0;
    if (byEntity) {
      for (let g = 0, i = 0; g < na; g++) {
        let sa = 0;
        for (const end = i + nb; i < end; i++) {
          const v = x[i];
          sa += v;
          mb[b[i]] += v;
          total += v;
        }
        ma[g] = sa;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x[i];
        ma[a[i]] += v;
        mb[b[i]] += v;
        total += v;
      }
    }
    finishMeans(total);
  };
  const self: TwoWayProjector = {
    method: "balanced", absorbed: na + nb - 1, iterations: 0, converged: true,
    apply: (x) => self.applyInto(x, new Float64Array(n)),
    applyInto(x, out) {
      means(x);
      if (byEntity) {
        for (let g = 0, i = 0; g < na; g++) {
          const mg = ma[g];
          for (const end = i + nb; i < end; i++) out[i] = x[i] - mg - mb[b[i]] + mean;
        }
      } else {
        for (let i = 0; i < n; i++) out[i] = x[i] - ma[a[i]] - mb[b[i]] + mean;
      }
      return out;
    },
    applyIntoNorms(x, out) {
      // means(x) with Σ x² alongside, then the output pass with Σ out² alongside.
      ma.fill(0);
      mb.fill(0);
      let total = 0;
      let x2 = 0;
      let out2 = 0;
      if (byEntity) {
        for (let g = 0, i = 0; g < na; g++) {
          let sa = 0;
          for (const end = i + nb; i < end; i++) {
            const v = x[i];
            sa += v;
            mb[b[i]] += v;
            total += v;
            x2 += v * v;
          }
          ma[g] = sa;
        }
        finishMeans(total);
        for (let g = 0, i = 0; g < na; g++) {
          const mg = ma[g];
          for (const end = i + nb; i < end; i++) {
            const v = x[i] - mg - mb[b[i]] + mean;
            out[i] = v;
            out2 += v * v;
          }
        }
        return { x2, out2 };
      }
      for (let i = 0; i < n; i++) {
        const v = x[i];
        ma[a[i]] += v;
        mb[b[i]] += v;
        total += v;
        x2 += v * v;
      }
      finishMeans(total);
      for (let i = 0; i < n; i++) {
        const v = x[i] - ma[a[i]] - mb[b[i]] + mean;
        out[i] = v;
        out2 += v * v;
      }
      return { x2, out2 };
    },
    indicatorInto(codes, j, rows, out, cross) {
      // The same means as means(indicator): integer sums (exact in any order) over the same counts.
      ma.fill(0);
      mb.fill(0);
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r];
        ma[a[i]] += 1;
        mb[b[i]] += 1;
      }
      for (let g = 0; g < na; g++) ma[g] = cntA[g] > 0 ? ma[g] / cntA[g] : 0;
      for (let t = 0; t < nb; t++) mb[t] = cntB[t] > 0 ? mb[t] / cntB[t] : 0;
      const m = rows.length / n;
      let ss = 0;
      if (!cross) {
        for (let i = 0; i < n; i++) {
          const v = (codes[i] === j ? 1 : 0) - ma[a[i]] - mb[b[i]] + m;
          out[i] = v;
          ss += v * v;
        }
        return ss;
      }
      // The cross-products a least-squares fit needs of this column, fused into the same pass.
      const { byCode, dense, dots } = cross;
      const nd = dense.length;
      const d0 = nd > 0 ? dense[0] : undefined;
      let dot0 = 0;
      for (let i = 0; i < n; i++) {
        const c = codes[i];
        const v = (c === j ? 1 : 0) - ma[a[i]] - mb[b[i]] + m;
        out[i] = v;
        ss += v * v;
        if (c >= 0) byCode[c] += v;
        if (d0) dot0 += d0[i] * v;
      }
      if (d0) dots[0] = dot0;
      for (let d = 1; d < nd; d++) {
        const x = dense[d];
        let t = 0;
        for (let i = 0; i < n; i++) t += x[i] * out[i];
        dots[d] = t;
      }
      return ss;
    },
    effects(x) {
      means(x);
      const eb = new Float64Array(nb);
      for (let t = 0; t < nb; t++) eb[t] = mb[t] - mean;
      return { a: Float64Array.from(ma), b: eb };
    },
  };
  return self;
}

/** Whether a[i] = ⌊i / nb⌋ for all n = na·nb rows (each entity's rows together, entities in code order). */
function entityBlocks(a: Int32Array, na: number, nb: number): boolean {
  if (a.length !== na * nb) return false;
  for (let g = 0, i = 0; g < na; g++) for (const end = i + nb; i < end; i++) if (a[i] !== g) return false;
  return true;
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

