import { DataTable } from "../data/data-table";
import { buildPanelFrame, PanelFrame } from "../data/panel-frame";
import { buildSample } from "./panel-sample";
import { fitSample } from "./fit-sample";
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
  /** Subsample, e.g. "region=East" or "year>=2010". */
  where?: string;
  starLevels?: number[];
  level?: number;
}

const MODEL_ALIASES: Record<string, ModelKind> = { pooled: "pooled", pooling: "pooled", ols: "pooled", fe: "fe", within: "fe", fixed: "fe", re: "re", random: "re" };
const EFFECT_ALIASES: Record<string, EffectKind> = { individual: "individual", entity: "individual", id: "individual", oneway: "individual", time: "time", year: "time", period: "time", twoways: "twoways", twoway: "twoways", "two-way": "twoways", both: "twoways" };
const VCOV_ALIASES: Record<string, VcovKind> = { classical: "classical", ols: "classical", standard: "classical", unadjusted: "classical", robust: "robust", hc1: "robust", white: "robust", cluster: "cluster", clustered: "cluster", "vce(cluster)": "cluster" };

function resolve<T>(value: string | undefined, aliases: Record<string, T>, fallback: T, what: string, whatZh: string): T {
  if (value === undefined || value === null || String(value).trim() === "") return fallback;
  const v = aliases[String(value).trim().toLowerCase()];
  if (v === undefined) {
    const allowed = [...new Set(Object.values(aliases))].join(", ");
    throw inputError(`Unknown ${what} '${value}'. Allowed: ${allowed}.`, `未知的${whatZh} '${value}'。可选：${allowed}。`);
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

export function fitPanel(table: DataTable, spec: PanelSpec): PanelResult {
  return fitPanelOnFrame(buildPanelFrame(table, spec.id, spec.time), spec);
}

export function fitPanelOnFrame(frame: PanelFrame, spec: PanelSpec): PanelResult {
  const model = resolveModel(spec.model);
  const effect = model === "fe" ? resolveEffect(spec.effect) : model === "re" ? resolveEffect(spec.effect ?? "individual") : "individual";
  if (model === "re" && effect !== "individual") {
    throw inputError("Random effects are implemented for entity effects only (effect = individual).", "随机效应仅支持个体效应（effect = individual）。");
  }
  const vcov = resolveVcov(spec.vcov);
  const cluster = vcov === "cluster" ? (spec.cluster || clusterFromVcov(spec.vcov) || spec.id) : undefined;
  const sample = buildSample(frame, { formula: spec.formula, id: spec.id, time: spec.time, where: spec.where, cluster });
  const result = fitSample(sample, {
    model, effect, vcov, cluster, clusterAdjustment: resolveClusterAdjustment(spec.clusterAdjustment),
    starLevels: spec.starLevels, level: spec.level, formula: spec.formula,
  });
  if (sample.ngroups === 1 && model !== "pooled") {
    result.notes.push("The sample has a single entity.");
    result.notesZh.push("样本中只有一个个体。");
  }
  return result;
}
