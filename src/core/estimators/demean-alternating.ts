import type { TwoWayProjector } from "./demean";
import { counts } from "./group-sums";

/**
 * Two-way demeaning by alternating projections (Gauss–Seidel on the two sets of dummies;
 * Guimarães & Portugal 2010, Gaure 2013) until the largest change is below tol·max|x|.
 */
export function alternatingProjector(a: Int32Array, na: number, b: Int32Array, nb: number, tol: number, maxIter: number): TwoWayProjector {
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
      return self.applyInto(x, new Float64Array(n));
    },
    applyInto(x, r) {
      ta.fill(0);
      tb.fill(0);
      r.set(x);
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

