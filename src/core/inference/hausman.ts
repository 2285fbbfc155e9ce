import { EigenvalueDecomposition, Matrix, inverse } from "ml-matrix";
import { DataTable } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import { fitPanelOnFrame, PanelSpec } from "../estimators/fit-panel";
import { buildSample } from "../estimators/panel-sample";
import { fitSample } from "../estimators/fit-sample";
import { groupMeans } from "../estimators/demean";
import { pChi2 } from "./distributions";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";

export interface HausmanResult {
  /** "classical": (b_FE − b_RE)'(V_FE − V_RE)⁻¹(b_FE − b_RE); "mundlak": robust regression-based test. */
  method: "classical" | "mundlak";
  chi2: number;
  df: number;
  p: number;
  /** Classical only: whether V_FE − V_RE is positive definite. When it is not, the statistic is still reported (as plm does) with a warning (as Stata gives), never abs(). */
  positiveDefinite?: boolean;
  eigenvalues?: number[];
  terms: string[];
  bDiff?: Record<string, number>;
  notes: string[];
  notesZh: string[];
  fe?: PanelResult;
  re?: PanelResult;
}

/**
 * Hausman test of FE against RE (plm `phtest`, Stata `hausman fe re`): each model's own
 * classical covariance, slopes estimated by both; df = number of such slopes.
 */
export function hausman(table: DataTable, spec: PanelSpec): HausmanResult {
  const frame = buildPanelFrame(table, spec.id, spec.time);
  const fe = fitPanelOnFrame(frame, { ...spec, model: "fe", effect: spec.effect ?? "individual", vcov: "classical" });
  const re = fitPanelOnFrame(frame, { ...spec, model: "re", effect: "individual", vcov: "classical" });
  const terms = fe.slopes.filter((t) => re.slopes.includes(t));
  const k = terms.length;
  if (k === 0) throw inputError("Hausman test: FE and RE share no slope to compare.", "Hausman 检验：固定效应与随机效应没有共同的斜率系数可比较。");
  const d = terms.map((t) => fe.params[t] - re.params[t]);
  const V = new Matrix(k, k);
  terms.forEach((a, i) =>
    terms.forEach((b, j) => {
      const vf = fe.vcovSlopesClassical[fe.slopes.indexOf(a) * fe.slopes.length + fe.slopes.indexOf(b)];
      const vr = re.vcovSlopesClassical[re.slopes.indexOf(a) * re.slopes.length + re.slopes.indexOf(b)];
      V.set(i, j, vf - vr);
    }),
  );
  const eig = new EigenvalueDecomposition(V, { assumeSymmetric: true }).realEigenvalues;
  const positiveDefinite = eig.every((e) => e > 0);
  const notes: string[] = [];
  const notesZh: string[] = [];
  let chi2: number;
  try {
    const inv = inverse(V);
    chi2 = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) chi2 += d[i] * inv.get(i, j) * d[j];
  } catch {
    chi2 = NaN;
  }
  if (!positiveDefinite) {
    notes.push("V_FE − V_RE is not positive definite: the statistic may be meaningless (Stata warns the same); consider the robust Mundlak version.");
    notesZh.push("V_FE − V_RE 非正定：统计量可能没有意义（Stata 给出同样的警告）；可考虑稳健的 Mundlak 检验。");
  }
  if (!Number.isFinite(chi2)) {
    notes.push("V_FE − V_RE is singular: no statistic.");
    notesZh.push("V_FE − V_RE 奇异：无法计算统计量。");
  }
  const bDiff: Record<string, number> = {};
  terms.forEach((t, i) => (bDiff[t] = d[i]));
  return {
    method: "classical", chi2, df: k, p: Number.isFinite(chi2) ? pChi2(chi2, k) : NaN, positiveDefinite, eigenvalues: eig,
    terms, bDiff, notes, notesZh, fe, re,
  };
}

/**
 * Regression-based (Mundlak 1978; Wooldridge 2010 §10.7.3) robust Hausman test: random effects
 * of y on x and the entity means x̄ᵢ with cluster-robust covariance; Wald χ² that the
 * coefficients on x̄ᵢ are zero. Valid with heteroskedasticity and within-entity correlation.
 */
export function mundlakTest(table: DataTable, spec: PanelSpec): HausmanResult {
  const frame = buildPanelFrame(table, spec.id, spec.time);
  const base = buildSample(frame, { formula: spec.formula, id: spec.id, time: spec.time, where: spec.where, cluster: spec.cluster ?? spec.id });
  // Time-varying regressors only: a regressor constant within entities equals its mean.
  const means = base.X.map((x) => {
    const m = groupMeans(x, base.entity, base.ngroups);
    return Float64Array.from(base.entity, (g) => m[g]);
  });
  const varying = base.X.map((x, j) => x.some((v, i) => Math.abs(v - means[j][i]) > 1e-12 * (Math.abs(v) + 1)));
  const meanNames = base.names.map((n) => `mean(${n})`);
  const sample = {
    ...base,
    names: [...base.names, ...meanNames.filter((_, j) => varying[j])],
    X: [...base.X, ...means.filter((_, j) => varying[j])],
  };
  const fit = fitSample(sample, { model: "re", effect: "individual", vcov: "cluster", cluster: spec.cluster ?? spec.id, clusterAdjustment: "stata" });
  const terms = meanNames.filter((n) => fit.slopes.includes(n));
  const idx = terms.map((t) => fit.slopes.indexOf(t));
  const k = idx.length;
  if (k === 0) throw inputError("Mundlak test: no time-varying regressor to test.", "Mundlak 检验：没有随时间变化的解释变量可供检验。");
  const V = new Matrix(k, k);
  idx.forEach((a, i) => idx.forEach((b, j) => V.set(i, j, fit.vcovSlopes[a * fit.slopes.length + b])));
  const inv = inverse(V);
  const b = terms.map((t) => fit.params[t]);
  let chi2 = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) chi2 += b[i] * inv.get(i, j) * b[j];
  return {
    method: "mundlak", chi2, df: k, p: pChi2(chi2, k), terms: terms.map((t) => t.slice(5, -1)),
    notes: ["Regression-based (Mundlak) test with cluster-robust covariance: H0 = the entity means add nothing (RE is consistent)."],
    notesZh: ["基于回归的（Mundlak）检验，聚类稳健协方差：H0 为个体均值项系数为零（随机效应一致）。"],
    re: fit,
  };
}
