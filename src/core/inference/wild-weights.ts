import seedrandom from "seedrandom";
import { inputError } from "../errors";

/** Weight distributions of the wild cluster bootstrap. */
export type WildWeights = "rademacher" | "webb";

/** Default seed of the seeded draws (the project's bootstrap seed). */
export const WILD_DEFAULT_SEED = 20240601;

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/**
 * The draws of the wild cluster bootstrap: one weight v_g per cluster and draw.
 *
 * - Rademacher (±1 with probability ½) with 2^G ≤ B: all 2^G sign vectors are enumerated
 *   (deterministic). Draw b has v_g = −1 when bit g of b is set, so draw 0 is the all-ones vector.
 * - Otherwise draw 0 is the all-ones vector (the observed sample) and draws 1..B are seeded
 *   (seedrandom, ARC4): reps = B + 1, so (1 + #{|t*| ≥ |t|})/(B + 1) is the p-value.
 * - Webb (2014) six-point weights ±√(1/2), ±1, ±√(3/2), each with probability 1/6, are never enumerated.
 *
 * `fill(b, v)` writes draw b into v (length G); the seeded draws are kept as one byte per cluster and draw.
 * Reference: Cameron, Gelbach & Miller (2008); Webb (2014), Queen's Economics WP 1315.
 */
export interface WildDraws {
  reps: number;
  enumerated: boolean;
  weights: WildWeights;
  seed: number | string | null;
  /** Draws that reproduce |t| exactly for every β0 (all ones, and all minus ones when enumerated). */
  exactTies: number[];
  fill(b: number, v: Float64Array): void;
}

export function resolveWildWeights(w?: string | null): WildWeights {
  if (w === undefined || w === null || String(w).trim() === "") return "rademacher";
  const v = String(w).trim().toLowerCase();
  if (v === "rademacher" || v === "rad") return "rademacher";
  if (v === "webb" || v === "webb6") return "webb";
  throw inputError(`Unknown wild-bootstrap weights '${w}'. Allowed: rademacher, webb.`, `未知的 wild bootstrap 权重 '${w}'。可选：rademacher、webb。`);
}

export function wildDraws(G: number, B: number, weights: WildWeights, seed: number | string = WILD_DEFAULT_SEED): WildDraws {
  if (!Number.isInteger(B) || B < 1) {
    throw inputError(`The number of wild-bootstrap draws must be a whole number of at least 1 (got ${B}); 999 or 9999 are usual.`, `wild bootstrap 抽样次数应为不小于 1 的整数（当前为 ${B}）；常用 999 或 9999。`);
  }
  if (weights === "rademacher" && G <= 30 && 2 ** G <= B) {
    return {
      reps: 2 ** G, enumerated: true, weights, seed: null, exactTies: [0, 2 ** G - 1],
      fill(b, v) {
        for (let g = 0; g < G; g++) v[g] = (b >>> g) & 1 ? -1 : 1;
      },
    };
  }
  // Draws are generated in order once; rows are cached so `fill` may be called in any order.
  const rng = seedrandom(String(seed));
  const codes = new Int8Array((B + 1) * G);
  for (let b = 1; b <= B; b++) {
    const off = b * G;
    for (let g = 0; g < G; g++) codes[off + g] = weights === "rademacher" ? (rng() < 0.5 ? 0 : 1) : Math.floor(rng() * 6);
  }
  const values = weights === "rademacher" ? [-1, 1] : WEBB;
  return {
    reps: B + 1, enumerated: false, weights, seed, exactTies: [0],
    fill(b, v) {
      if (b === 0) {
        v.fill(1);
        return;
      }
      const off = b * G;
      for (let g = 0; g < G; g++) v[g] = values[codes[off + g]];
    },
  };
}
