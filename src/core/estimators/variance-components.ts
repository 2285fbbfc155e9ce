import { leastSquares } from "../linalg/least-squares";
import { demeanOneWay, groupMeans } from "./demean";
import { PanelSample } from "./panel-sample";
import { inputError } from "../errors";
import { ones, sumSq, groupCounts } from "./fit-stats";

/** A regressor whose within-transformed norm is at most this share of its raw norm is absorbed. */
export const ABSORBED_TOL = 1e-9;

/** σₑ² of the one-way within regression: SSR/(N − G − k). */
export function withinSigma2(s: PanelSample): { sigma2: number; df: number } {
  const yT = demeanOneWay(s.y, s.entity, s.ngroups);
  const cols = s.X.map((x) => demeanOneWay(x, s.entity, s.ngroups)).filter((c, j) => Math.sqrt(sumSq(c)) > ABSORBED_TOL * (Math.sqrt(sumSq(s.X[j])) || 1));
  const fit = leastSquares(cols, yT);
  const df = s.y.length - s.ngroups - fit.kept.length;
  return { sigma2: df > 0 ? fit.ssr / df : NaN, df };
}

/**
 * σᵤ² from the between regression (Swamy–Arora; Baltagi–Chang trace form for unbalanced
 * panels): ȳᵢ on [1, x̄ᵢ] weighted by Tᵢ, quadB = Σ Tᵢ ûᵢ²,
 * σᵤ² = (quadB − (G − K)σₑ²) / (N − tr[(Σ Tᵢ zᵢzᵢ')⁻¹ Σ Tᵢ² zᵢzᵢ']). Balanced: SSR_b/(G − K) − σₑ²/T.
 */
export function betweenSigma2u(s: PanelSample, sigma2e: number): { sigma2u: number } {
  const G = s.ngroups;
  const N = s.y.length;
  const Ti = groupCounts(s.entity, G);
  const w = Ti.map(Math.sqrt);
  const zs = [ones(G), ...s.X.map((x) => groupMeans(x, s.entity, G))];
  const yb = groupMeans(s.y, s.entity, G);
  const fit = leastSquares(zs.map((z) => z.map((v, g) => v * w[g])), yb.map((v, g) => v * w[g]));
  const KB = fit.kept.length;
  if (G - KB <= 0) {
    throw inputError(
      `Random effects need more entities than coefficients: ${G} entities for ${KB} between-regression coefficients.`,
      `随机效应要求个体数多于系数个数：${G} 个个体，组间回归有 ${KB} 个系数。`,
    );
  }
  const kept = fit.kept.map((j) => zs[j]);
  // tr(A M2) with A = (Σ Tᵢ zᵢzᵢ')⁻¹ = fit.xtxInv and M2 = Σ Tᵢ² zᵢzᵢ'.
  let tr = 0;
  for (let a = 0; a < KB; a++)
    for (let b = 0; b < KB; b++) {
      let m2 = 0;
      for (let g = 0; g < G; g++) m2 += Ti[g] * Ti[g] * kept[b][g] * kept[a][g];
      tr += fit.xtxInv[a * KB + b] * m2;
    }
  return { sigma2u: (fit.ssr - (G - KB) * sigma2e) / (N - tr) };
}
