import { Matrix } from "ml-matrix";
import { scaledQuadForm } from "./quad-form";
import { DataTable } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import { fitPanelOnFrame, PanelSpec } from "../estimators/fit-panel";
import { buildSample } from "../estimators/panel-sample";
import { fitSample } from "../estimators/fit-sample";
import { groupMeans } from "../estimators/demean";
import { pChi2 } from "./distributions";
import { PanelResult } from "../results/panel-result";
import { inputError, numericError } from "../errors";

/**
 * d' V⁻ d with V⁻ the Moore–Penrose inverse of the symmetric V, decided on the correlation-scaled
 * matrix (see scaledQuadForm: eigenvalues with |λ| ≤ 1e-12·max|λ| count as zero), so neither the
 * value nor the rank depends on the variables' units; rank = number of non-zero eigenvalues. For a
 * non-singular V this is d' V⁻¹ d, also when V is indefinite (the sign is kept — never abs()).
 * `scale` (default sqrt|Vᵢᵢ|) sets the units of the scaled matrix; its eigenvalues are returned.
 */
export function generalizedQuadForm(V: Matrix, d: readonly number[], scale?: readonly number[]): { value: number; rank: number; eigenvalues: number[]; tol: number; top: number } {
  if (!d.every(Number.isFinite) || !V.to1DArray().every(Number.isFinite)) {
    throw numericError(
      "Hausman test: the FE or RE covariance is not finite (the data are degenerate or too large in magnitude); rescale the variables or check for constant columns.",
      "Hausman 检验：FE 或 RE 的协方差矩阵不是有限值（数据退化或数量级过大）；请对变量做缩放或检查是否有常数列。",
    );
  }
  return scaledQuadForm(V, d, scale);
}

/** V_FE − V_RE whose largest eigenvalue, on the scale of V_FE's variances, is below this is rounding error. */
export const HAUSMAN_ROUNDING_TOL = 1e-10;

export interface HausmanResult {
  /** "classical": (b_FE − b_RE)'(V_FE − V_RE)⁻¹(b_FE − b_RE); "mundlak": robust regression-based test. */
  method: "classical" | "mundlak";
  chi2: number;
  df: number;
  p: number;
  /** Classical only: whether V_FE − V_RE is positive definite. When it is not, the statistic is still reported (as plm does) with a warning (as Stata gives), never abs(). */
  positiveDefinite?: boolean;
  /** Classical: eigenvalues of V_FE − V_RE scaled by V_FE's standard errors (unit-free; 1 = as large as V_FE). Classical only. */
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
 * classical covariance, slopes estimated by both; df = number of such slopes (the rank of
 * V_FE − V_RE when it is singular, with its generalized inverse, as Stata).
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
  for (const [m, name] of [[fe, "FE"], [re, "RE"]] as const) {
    if (m.exactFit) {
      throw numericError(
        `Hausman test: the ${name} fit is exact (residuals at rounding level), so its covariance is rounding noise and there is nothing to test.`,
        `Hausman 检验：${name === "FE" ? "固定效应" : "随机效应"}模型为完全拟合（残差仅为舍入误差），其协方差只是舍入噪声，无法检验。`,
      );
    }
  }
  // Scaled by the FE standard errors: unit-free, and "how large is the difference compared with V_FE".
  const scale = terms.map((t) => Math.sqrt(fe.vcovSlopesClassical[fe.slopes.indexOf(t) * (fe.slopes.length + 1)]));
  const g = generalizedQuadForm(V, d, scale);
  if (g.top <= HAUSMAN_ROUNDING_TOL) {
    throw numericError(
      `Hausman test: V_FE − V_RE is at rounding level (largest eigenvalue ${g.top.toPrecision(2)} relative to V_FE): FE and RE coincide to machine precision, so there is nothing to test.`,
      `Hausman 检验：V_FE − V_RE 仅为舍入误差量级（相对于 V_FE 的最大特征值为 ${g.top.toPrecision(2)}）：固定效应与随机效应在机器精度内相同，无法检验。`,
    );
  }
  const eig = g.eigenvalues;
  const positiveDefinite = eig.every((e) => e > g.tol);
  const notes: string[] = [];
  const notesZh: string[] = [];
  if (!positiveDefinite) {
    notes.push("V_FE − V_RE is not positive definite: the statistic may be meaningless (Stata warns the same); consider the robust Mundlak version.");
    notesZh.push("V_FE − V_RE 非正定：统计量可能没有意义（Stata 给出同样的警告）；可考虑稳健的 Mundlak 检验。");
  }
  if (g.rank < k) {
    notes.push(`V_FE − V_RE has rank ${g.rank} < ${k} (eigenvalues scaled by the FE standard errors, so units do not matter: ${g.eigenvalues.map((v) => v.toPrecision(3)).join(", ")}): the statistic uses its generalized inverse and df = ${g.rank}, as Stata's hausman does.`);
    notesZh.push(`V_FE − V_RE 的秩为 ${g.rank} < ${k}（按固定效应标准误缩放后的特征值，与单位无关：${g.eigenvalues.map((v) => v.toPrecision(3)).join("、")}）：统计量使用广义逆，自由度为 ${g.rank}（与 Stata 的 hausman 相同）。`);
  }
  if (g.rank === 0) throw numericError("Hausman test: V_FE − V_RE is zero, so there is nothing to test.", "Hausman 检验：V_FE − V_RE 为零矩阵，无法检验。");
  const chi2 = g.value;
  if (chi2 < 0) {
    notes.push(`The statistic is negative (${chi2.toPrecision(4)}): the data do not meet the test's asymptotic assumptions (Stata: "chi2<0"). It is reported as computed, with p = 1.`);
    notesZh.push(`统计量为负（${chi2.toPrecision(4)}）：数据不满足检验的渐近假设（Stata 提示 "chi2<0"）。按计算值报告，p = 1。`);
  }
  const bDiff: Record<string, number> = {};
  terms.forEach((t, i) => (bDiff[t] = d[i]));
  return {
    method: "classical", chi2, df: g.rank, p: pChi2(chi2, g.rank), positiveDefinite, eigenvalues: eig,
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
  // Relative to the regressor's own size, so the decision does not depend on its units.
  const varying = base.X.map((x, j) => {
    let top = 0;
    for (let i = 0; i < x.length; i++) top = Math.max(top, Math.abs(x[i]));
    return x.some((v, i) => Math.abs(v - means[j][i]) > 1e-12 * top);
  });
  const meanNames = base.names.map((n) => `mean(${n})`);
  const sample = {
    ...base,
    names: [...base.names, ...meanNames.filter((_, j) => varying[j])],
    X: [...base.X, ...means.filter((_, j) => varying[j])],
  };
  const fit = fitSample(sample, { model: "re", effect: "individual", vcov: "cluster", cluster: spec.cluster ?? spec.id, clusterAdjustment: "stata" });
  if (fit.exactFit) {
    throw numericError(
      "Mundlak test: the augmented random-effects fit is exact (residuals at rounding level), so its covariance is rounding noise and there is nothing to test.",
      "Mundlak 检验：加入个体均值后的随机效应模型为完全拟合（残差仅为舍入误差），其协方差只是舍入噪声，无法检验。",
    );
  }
  const terms = meanNames.filter((n) => fit.slopes.includes(n));
  const idx = terms.map((t) => fit.slopes.indexOf(t));
  const k = idx.length;
  if (k === 0) throw inputError("Mundlak test: no time-varying regressor to test.", "Mundlak 检验：没有随时间变化的解释变量可供检验。");
  const V = new Matrix(k, k);
  idx.forEach((a, i) => idx.forEach((b, j) => V.set(i, j, fit.vcovSlopes[a * fit.slopes.length + b])));
  const b = terms.map((t) => fit.params[t]);
  const g = generalizedQuadForm(V, b);
  if (g.rank < k) {
    throw numericError(
      `Mundlak test: the cluster-robust covariance of the ${k} entity-mean terms has rank ${g.rank} on the correlation scale (independent of units)${fit.nclusters !== undefined && fit.nclusters - 1 < k ? ` (too few clusters: ${fit.nclusters})` : ""}. Use fewer regressors or more clusters.`,
      `Mundlak 检验：${k} 个个体均值项的聚类稳健协方差矩阵在相关系数尺度上（与单位无关）的秩为 ${g.rank}${fit.nclusters !== undefined && fit.nclusters - 1 < k ? `（聚类数太少：${fit.nclusters}）` : ""}。请减少解释变量或增加聚类。`,
    );
  }
  const chi2 = g.value;
  return {
    method: "mundlak", chi2, df: k, p: pChi2(chi2, k), positiveDefinite: true, terms: terms.map((t) => t.slice(5, -1)),
    notes: ["Regression-based (Mundlak) test with cluster-robust covariance: H0 = the entity means add nothing (RE is consistent)."],
    notesZh: ["基于回归的（Mundlak）检验，聚类稳健协方差：H0 为个体均值项系数为零（随机效应一致）。"],
    re: fit,
  };
}
