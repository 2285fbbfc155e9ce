import { PanelResult } from "../results/panel-result";
import { pF, pChi2 } from "../inference/distributions";
import { waldForm } from "../inference/quad-form";

export interface EventCoef {
  rel: number;
  estimate: number;
  /** SE, p and the interval are omitted on an exact fit (they would be rounding noise; a note says so). */
  se?: number;
  p?: number;
  ciLow?: number;
  ciHigh?: number;
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
  return waldTestDetail(model, terms, coefVector, V).test;
}

/** waldTest with the reason when there is no test: the rank of the covariance, or an exact fit. */
export function waldTestDetail(model: PanelResult, terms: string[], coefVector?: number[], V?: number[][]): { test?: WaldTest; q: number; rank?: number; reason?: "rank" | "indefinite" | "not-finite" | "exact" } {
  const idx = terms.map((t) => model.slopes.indexOf(t)).filter((i) => i >= 0);
  const q = coefVector ? coefVector.length : idx.length;
  if (q === 0) return { q };
  if (model.exactFit) return { q, reason: "exact" };
  const k = model.slopes.length;
  const b = coefVector ?? idx.map((i) => model.params[model.slopes[i]]);
  const M = V ? V.flat() : idx.flatMap((a) => idx.map((c) => model.vcovSlopes[a * k + c]));
  const w = waldForm(b, M);
  if (w.value === undefined) return { q, rank: w.rank, reason: w.reason };
  const chi2 = w.value;
  const df2 = model.vcov === "cluster" && model.nclusters ? model.nclusters - 1 : model.dfResid;
  return { q, test: { F: chi2 / q, df1: q, df2, pF: pF(chi2 / q, q, df2), chi2, pChi2: pChi2(chi2, q) } };
}

/** The note for a pre-trend test that could not be formed (English, Chinese), or undefined. */
export function preTrendNote(d: ReturnType<typeof waldTestDetail>, model: PanelResult, label: string): [string, string] | undefined {
  if (d.test || d.q === 0 || d.reason === "exact") return undefined;
  const clusters = model.vcov === "cluster" && model.nclusters !== undefined ? ` (${model.nclusters} clusters; a cluster covariance has rank at most G − 1)` : "";
  const clustersZh = model.vcov === "cluster" && model.nclusters !== undefined ? `（${model.nclusters} 个聚类；聚类协方差的秩至多为 G − 1）` : "";
  const why = d.reason === "not-finite" ? "has entries that are not finite numbers (rescale the variables)" : d.reason === "indefinite" ? "is not positive semi-definite" : `has rank ${d.rank} < ${d.q}${clusters}`;
  const whyZh = d.reason === "not-finite" ? "含有非有限数值（请对变量做缩放）" : d.reason === "indefinite" ? "不是半正定矩阵" : `的秩为 ${d.rank} < ${d.q}${clustersZh}`;
  return [
    `${label} pre-trend test not reported: the covariance of the ${d.q} leads ${why}, decided on the correlation scale (independent of units). Use fewer leads.`,
    `未报告${label}的预趋势检验：${d.q} 个提前期系数的协方差矩阵${whyZh}（在相关系数尺度上判断，与单位无关）。请减少提前期数。`,
  ];
}
