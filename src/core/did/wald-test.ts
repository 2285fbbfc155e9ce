import { PanelResult } from "../results/panel-result";
import { pF, pChi2 } from "../inference/distributions";
import { waldForm } from "../inference/quad-form";

export interface EventCoef {
  rel: number;
  estimate: number;
  se: number;
  p: number;
  ciLow: number;
  ciHigh: number;
  /** Reference period: 0 by construction. */
  reference?: boolean;
}

export interface WaldTest {
  F: number;
  df1: number;
  df2: number;
  pF: number;
  chi2: number;
  pChi2: number;
}

/**
 * Wald test that the coefficients `terms` are jointly zero, with the model's covariance (or the
 * given vector and covariance). Decided on the correlation matrix, so it does not depend on units;
 * undefined when that covariance is not positive definite (e.g. more leads than clusters − 1) or
 * the fit is exact.
 */
export function waldTest(model: PanelResult, terms: string[], coefVector?: number[], V?: number[][]): WaldTest | undefined {
  if (model.exactFit) return undefined;
  const idx = terms.map((t) => model.slopes.indexOf(t)).filter((i) => i >= 0);
  const q = coefVector ? coefVector.length : idx.length;
  if (q === 0) return undefined;
  const k = model.slopes.length;
  const b = coefVector ?? idx.map((i) => model.params[model.slopes[i]]);
  const M = V ? V.flat() : idx.flatMap((a) => idx.map((c) => model.vcovSlopes[a * k + c]));
  const w = waldForm(b, M);
  if (w.value === undefined) return undefined;
  const chi2 = w.value;
  const df2 = model.vcov === "cluster" && model.nclusters ? model.nclusters - 1 : model.dfResid;
  return { F: chi2 / q, df1: q, df2, pF: pF(chi2 / q, q, df2), chi2, pChi2: pChi2(chi2, q) };
}
