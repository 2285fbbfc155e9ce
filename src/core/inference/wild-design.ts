import { PanelSample } from "../estimators/panel-sample";
import { FitOptions } from "../estimators/fit-sample";
import { demeanOneWay, twoWayProjector } from "../estimators/demean";
import { clusterFactor } from "../covariance/small-sample";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";

/**
 * The regression the wild cluster bootstrap works on: the design after the fixed effects are
 * absorbed exactly as in the point estimate (pooled: [1, X]; FE: the within transformation),
 * restricted to the columns the fit kept, with the cluster codes and the CRV1 small-sample factor
 * of the reported SE. `project` is M_D, the projection off the fixed effects (identity for pooled
 * OLS), applied to y* before each refit; `nested` says whether every fixed-effect group lies inside
 * one cluster, so that M_D leaves ũ·v unchanged and a draw costs O(G·k) instead of O(G²).
 */
export interface WildDesign {
  cols: Float64Array[];
  names: string[];
  y: Float64Array;
  clusters: Int32Array;
  G: number;
  factor: number;
  nested: boolean;
  project(x: Float64Array): Float64Array;
}

/** A group code lies inside one cluster for every group (FE nested in clusters). */
function nestedIn(codes: Int32Array, n: number, clusters: Int32Array): boolean {
  const owner = new Int32Array(n).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (owner[c] < 0) owner[c] = clusters[i];
    else if (owner[c] !== clusters[i]) return false;
  }
  return true;
}

export function wildDesign(s: PanelSample, o: FitOptions, r: PanelResult): WildDesign {
  if (o.model === "re") {
    throw inputError(
      "The wild cluster bootstrap is available for pooled OLS and fixed-effects models, not random effects: choose model fe or pooled.",
      "wild cluster bootstrap 仅适用于混合 OLS 和固定效应模型，不适用于随机效应：请选择 fe 或 pooled 模型。",
    );
  }
  if (o.vcov !== "cluster" || !s.cluster || s.nclusters === undefined) {
    throw inputError(
      "The wild cluster bootstrap needs cluster-robust SEs: set vcov = cluster (and the cluster variable, default the entity).",
      "wild cluster bootstrap 需要聚类稳健标准误：请设置 vcov = cluster（并指定聚类变量，默认为个体）。",
    );
  }
  const N = s.y.length;
  const G = s.nclusters;
  const T = s.nperiods;
  let project: (x: Float64Array) => Float64Array;
  let nested: boolean;
  if (o.model === "pooled") {
    project = (x) => x;
    nested = true;
  } else if (o.effect === "individual") {
    project = (x) => demeanOneWay(x, s.entity, s.ngroups);
    nested = nestedIn(s.entity, s.ngroups, s.cluster);
  } else if (o.effect === "time") {
    project = (x) => demeanOneWay(x, s.period, T);
    nested = nestedIn(s.period, T, s.cluster);
  } else {
    const proj = twoWayProjector(s.entity, s.ngroups, s.period, T, { balanced: N === s.ngroups * T, method: o.demeanMethod });
    project = (x) => proj.apply(x);
    nested = false;
  }
  const byName = new Map<string, Float64Array>();
  s.names.forEach((nm, j) => byName.set(nm, s.X[j]));
  const names: string[] = [];
  const cols: Float64Array[] = [];
  if (o.model === "pooled" && r.terms.includes("_cons")) {
    names.push("_cons");
    cols.push(new Float64Array(N).fill(1));
  }
  for (const nm of r.slopes) {
    const x = byName.get(nm);
    if (!x) continue;
    names.push(nm);
    cols.push(o.model === "pooled" ? x : project(x));
  }
  const factor = clusterFactor(r.clusterAdjustment ?? o.clusterAdjustment ?? "stata", o.model, o.effect, G, N, r.slopes.length, T);
  return { cols, names, y: o.model === "pooled" ? s.y : project(s.y), clusters: s.cluster, G, factor, nested, project };
}
