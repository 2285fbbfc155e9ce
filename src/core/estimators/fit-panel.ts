import { didYouMean } from "../options/did-you-mean";
import { DataTable } from "../data/data-table";
import { buildPanelFrame, PanelFrame } from "../data/panel-frame";
import { buildSample, PanelSample } from "./panel-sample";
import { fitSample, FitOptions } from "./fit-sample";
import { Where } from "../data/where";
import { Formula } from "../data/formula";
import { PanelResult, ModelKind, EffectKind, VcovKind, ClusterAdjustment } from "../results/panel-result";
import { inputError } from "../errors";

/** What to estimate: the one entry point the fronts (functions, task pane, CLI) call. */
export interface PanelSpec {
  formula: string;
  id: string;
  time: string;
  model?: ModelKind;
  effect?: EffectKind;
  vcov?: VcovKind;
  /** Cluster variable; default the entity (`id`) when vcov = cluster. */
  cluster?: string;
  clusterAdjustment?: ClusterAdjustment;
  /** Subsample, e.g. "region=East" or "year>=2010", or a row predicate. */
  where?: Where;
  starLevels?: number[];
  level?: number;
  /** Solve by the Householder QR only, without the normal-equations fast path (tests, comparisons). */
  qrOnly?: boolean;
}

const MODEL_ALIASES: Record<string, ModelKind> = { pooled: "pooled", pooling: "pooled", ols: "pooled", fe: "fe", within: "fe", fixed: "fe", re: "re", random: "re" };
const EFFECT_ALIASES: Record<string, EffectKind> = { individual: "individual", entity: "individual", id: "individual", oneway: "individual", time: "time", year: "time", period: "time", twoways: "twoways", twoway: "twoways", "two-way": "twoways", both: "twoways" };
const VCOV_ALIASES: Record<string, VcovKind> = { classical: "classical", ols: "classical", standard: "classical", unadjusted: "classical", robust: "robust", hc1: "robust", white: "robust", cluster: "cluster", clustered: "cluster", "vce(cluster)": "cluster" };

function resolve<T>(value: string | undefined, aliases: Record<string, T>, fallback: T, what: string, whatZh: string): T {
  if (value === undefined || value === null || String(value).trim() === "") return fallback;
  const v = aliases[String(value).trim().toLowerCase()];
  if (v === undefined) {
    const allowed = [...new Set(Object.values(aliases))].join(", ");
    const guess = didYouMean(String(value).trim(), Object.keys(aliases));
    throw inputError(
      `Unknown ${what} '${value}'.${guess ? ` Did you mean '${guess}'?` : ""} Allowed: ${allowed}.`,
      `未知的${whatZh} '${value}'。${guess ? `是否想写 '${guess}'？` : ""}可选：${allowed}。`,
    );
  }
  return v;
}

export const resolveModel = (v?: string, fallback: ModelKind = "fe") => resolve(v, MODEL_ALIASES, fallback, "model", "模型");
export const resolveEffect = (v?: string, fallback: EffectKind = "individual") => resolve(v, EFFECT_ALIASES, fallback, "effect", "效应");
export const resolveVcov = (v?: string, fallback: VcovKind = "classical") => {
  // "cluster id" / "vce(cluster province)" carry the variable.
  const head = v?.trim().replace(/^vce\s*\(\s*/i, "").split(/[\s()]/)[0];
  return resolve(head, VCOV_ALIASES, fallback, "vcov", "标准误类型");
};
export function resolveClusterAdjustment(v?: string): ClusterAdjustment {
  return resolve(v, { stata: "stata", plm: "plm", sss: "plm", none: "none", hc0: "none" } as Record<string, ClusterAdjustment>, "stata", "cluster adjustment", "聚类小样本调整");
}

/** Reads the cluster variable out of "cluster firm" / "vce(cluster firm)" if given there. */
function clusterFromVcov(v?: string): string | undefined {
  const m = /cluster\s*\(?\s*([^\s)]+)\s*\)?/i.exec(v ?? "");
  return m && m[1].toLowerCase() !== "cluster" ? m[1] : undefined;
}

/**
 * Estimates one panel model on a table: pooled OLS, FE (entity / time / two-way) or RE, with
 * classical, robust (HC1) or cluster SEs. See fitSample for the estimators and README conventions.
 */
export function fitPanel(table: DataTable, spec: PanelSpec): PanelResult {
  return fitPanelOnFrame(buildPanelFrame(table, spec.id, spec.time), spec);
}

/**
 * The options and estimation sample of a spec on a frame, resolved once (`extra`: a parsed formula,
 * which may have no regressors, and a row restriction — for callers that add typed columns). For resampling:
 *   const { sample, options } = prepareFit(frame, spec);
 *   for (…) fitEstimates(resampleEntities(sample, draws), options).params
 */
export function prepareFit(frame: PanelFrame, spec: PanelSpec, extra: { formula?: Formula; rowMask?: Uint8Array } = {}): { sample: PanelSample; options: FitOptions } {
  const model = resolveModel(spec.model);
  const effect = model === "fe" ? resolveEffect(spec.effect) : model === "re" ? resolveEffect(spec.effect ?? "individual") : "individual";
  if (model === "re" && effect !== "individual") {
    throw inputError("Random effects are implemented for entity effects only (effect = individual).", "随机效应仅支持个体效应（effect = individual）。");
  }
  const vcov = resolveVcov(spec.vcov);
  const cluster = vcov === "cluster" ? (spec.cluster || clusterFromVcov(spec.vcov) || spec.id) : undefined;
  const sample = buildSample(frame, { formula: extra.formula ?? spec.formula, id: spec.id, time: spec.time, where: spec.where, cluster, rowMask: extra.rowMask });
  const options: FitOptions = {
    model, effect, vcov, cluster, clusterAdjustment: resolveClusterAdjustment(spec.clusterAdjustment),
    starLevels: spec.starLevels, level: spec.level, formula: spec.formula,
  };
  if (spec.qrOnly) options.qrOnly = true;
  return { sample, options };
}

/** fitPanel on a frame built once (buildPanelFrame) — for many models or subgroups on one table. */
export function fitPanelOnFrame(frame: PanelFrame, spec: PanelSpec): PanelResult {
  const { sample, options } = prepareFit(frame, spec);
  const result = fitSample(sample, options);
  if (sample.ngroups === 1 && options.model !== "pooled") {
    result.notes.push("The sample has a single entity.");
    result.notesZh.push("样本中只有一个个体。");
  }
  return result;
}

/** Alias of fitPanelOnFrame. */
export const fitOnFrame = fitPanelOnFrame;
