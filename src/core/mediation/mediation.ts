import seedrandom from "seedrandom";
import { DataTable } from "../data/data-table";
import { buildPanelFrame, PanelFrame } from "../data/panel-frame";
import { parseFormula, evaluate, quoteName } from "../data/formula";
import { whereMask } from "../data/where";
import { buildSample, PanelSample, resampleEntities } from "../estimators/panel-sample";
import { fitSample, fitEstimates, FitOptions } from "../estimators/fit-sample";
import { resolveModel, resolveEffect, resolveVcov, resolveClusterAdjustment } from "../estimators/fit-panel";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";
import { quantileSorted } from "../descriptive/quantile";
import { normalCdf, normalQuantile, pTwoSided } from "../inference/distributions";

export interface MediationSpec {
  y: string;
  x: string;
  mediators: string[];
  controls?: string[];
  id: string;
  time: string;
  model?: string;
  effect?: string;
  vcov?: string;
  cluster?: string;
  clusterAdjustment?: string;
  where?: string;
  /** Cluster-bootstrap replications (0 = none). */
  bootstrap?: number;
  seed?: number | string;
  /** Confidence level of the bootstrap intervals (default 0.95). */
  level?: number;
  /** Report only the X → M step (江艇 2022). */
  xToMOnly?: boolean;
  /** Significance level for the notes on non-significant paths (default 0.1). */
  alpha?: number;
  /** Called after each bootstrap replication; return false to cancel. */
  onProgress?: (done: number, total: number) => boolean | void;
}

export interface Path {
  estimate: number;
  se: number;
  t: number;
  p: number;
  stars: string;
}

export interface IndirectEffect {
  estimate: number;
  sobelSe: number;
  sobelZ: number;
  sobelP: number;
  aroianSe: number;
  aroianZ: number;
  aroianP: number;
  /** Cluster bootstrap: percentile and bias-corrected intervals of a·b. */
  bootCi?: { percentile: [number, number]; biasCorrected: [number, number]; level: number };
  bootSe?: number;
  replications?: number;
  failed?: number;
  seed?: string;
}

export interface MediatorResult {
  mediator: string;
  nobs: number;
  ngroups: number;
  dropped: number;
  /** c: Y ~ X + C. */
  total?: Path;
  /** a: M ~ X + C. */
  a: Path;
  /** b: coefficient of M in Y ~ X + M + C. */
  b?: Path;
  /** c′: coefficient of X in Y ~ X + M + C. */
  direct?: Path;
  indirect?: IndirectEffect;
  /** a·b / c. */
  proportionMediated?: number;
  notes: string[];
  notesZh: string[];
  models: { total?: PanelResult; a: PanelResult; b?: PanelResult };
}

export interface MediationResult {
  y: string;
  x: string;
  controls: string[];
  model: string;
  effect: string;
  vcov: string;
  mediators: MediatorResult[];
}

function path(r: PanelResult, term: string): Path {
  return { estimate: r.params[term], se: r.stdErrors[term], t: r.tstats[term], p: r.pvalues[term], stars: r.stars[term] };
}

/**
 * Baron–Kenny mediation with panel models: total Y ~ X + C (c), M ~ X + C (a),
 * Y ~ X + M + C (b, c′), all on the common sample where Y, X, M and every control are observed,
 * with the same model and SE type. Indirect effect a·b with Sobel and Aroian SEs; a cluster
 * bootstrap that resamples whole entities gives percentile and bias-corrected intervals.
 */
export function mediation(table: DataTable, spec: MediationSpec): MediationResult {
  const frame = buildPanelFrame(table, spec.id, spec.time);
  if (spec.mediators.length === 0) throw inputError("Name at least one mediator.", "请至少指定一个中介变量。");
  const controls = spec.controls ?? [];
  const model = resolveModel(spec.model);
  const effect = model === "fe" ? resolveEffect(spec.effect) : "individual";
  const vcov = resolveVcov(spec.vcov);
  const fitOpts: FitOptions = {
    model, effect, vcov,
    cluster: vcov === "cluster" ? spec.cluster ?? spec.id : undefined,
    clusterAdjustment: resolveClusterAdjustment(spec.clusterAdjustment),
  };
  const mediators = spec.mediators.map((m) => mediateOne(frame, spec, m, controls, fitOpts));
  return { y: spec.y, x: spec.x, controls, model, effect, vcov, mediators };
}

function mediateOne(frame: PanelFrame, spec: MediationSpec, m: string, controls: string[], fitOpts: FitOptions): MediatorResult {
  const rhs = (...terms: string[]) => [...terms, ...controls].map(quoteName).join(" + ");
  const fTotal = `${quoteName(spec.y)} ~ ${rhs(spec.x)}`;
  const fA = `${quoteName(m)} ~ ${rhs(spec.x)}`;
  const fB = `${quoteName(spec.y)} ~ ${rhs(spec.x, m)}`;
  // The common sample: every variable of the three equations observed, within `where`.
  const used = parseFormula(fB);
  const cols = [used.response, ...used.regressors].map((t) => evaluate(t.expr, frame));
  const where = whereMask(frame.table, spec.where);
  const mask = new Uint8Array(frame.nrows);
  let offered = 0;
  for (let i = 0; i < frame.nrows; i++) {
    if (!where[i]) continue;
    offered++;
    mask[i] = cols.every((c) => !Number.isNaN(c[i])) ? 1 : 0;
  }
  const cluster = fitOpts.vcov === "cluster" ? fitOpts.cluster : undefined;
  const sample = (f: string) => buildSample(frame, { formula: f, id: spec.id, time: spec.time, rowMask: mask, cluster });
  const sA = sample(fA);
  const a = fitSample(sA, { ...fitOpts, formula: fA });
  const notes: string[] = [];
  const notesZh: string[] = [];
  const dropped = offered - sA.y.length;
  if (dropped > 0) {
    notes.push(`Common sample: ${sA.y.length} of ${offered} rows have ${spec.y}, ${spec.x}, ${m}${controls.length ? " and every control" : ""}; all equations use it.`);
    notesZh.push(`共同样本：${offered} 行中有 ${sA.y.length} 行同时观测到 ${spec.y}、${spec.x}、${m}${controls.length ? "及全部控制变量" : ""}，三个方程均使用该样本。`);
  }
  for (const [r, term] of [[a, spec.x]] as const) {
    if (!(term in r.params)) throw inputError(`${term} was dropped from the mediator equation (${r.omitted.join(", ")}).`, `${term} 在中介方程中被省略（${r.omitted.join("、")}）。`);
  }
  const alpha = spec.alpha ?? 0.1;
  const aPath = path(a, spec.x);
  if (aPath.p >= alpha) {
    notes.push(`The X → M path (a) is not significant at ${alpha} (p = ${aPath.p.toFixed(3)}).`);
    notesZh.push(`X → M 路径（a）在 ${alpha} 水平上不显著（p = ${aPath.p.toFixed(3)}）。`);
  }
  const result: MediatorResult = { mediator: m, nobs: sA.y.length, ngroups: sA.ngroups, dropped, a: aPath, notes, notesZh, models: { a } };
  if (spec.xToMOnly) {
    notes.push("Only the X → M step is reported (江艇 2022): the mechanism is argued from theory and the a path.");
    notesZh.push("仅报告 X → M 步骤（江艇，2022）：机制由理论与 a 路径论证。");
    return result;
  }
  const sT = sample(fTotal);
  const sB = sample(fB);
  const total = fitSample(sT, { ...fitOpts, formula: fTotal });
  const b = fitSample(sB, { ...fitOpts, formula: fB });
  if (!(m in b.params)) throw inputError(`${m} was dropped from the outcome equation (${b.omitted.join(", ")}).`, `${m} 在结果方程中被省略（${b.omitted.join("、")}）。`);
  const c = path(total, spec.x);
  const bPath = path(b, m);
  const direct = path(b, spec.x);
  const ab = aPath.estimate * bPath.estimate;
  const v1 = bPath.estimate ** 2 * aPath.se ** 2 + aPath.estimate ** 2 * bPath.se ** 2;
  const v2 = v1 + aPath.se ** 2 * bPath.se ** 2;
  const normal = { kind: "normal" as const };
  const indirect: IndirectEffect = {
    estimate: ab,
    sobelSe: Math.sqrt(v1), sobelZ: ab / Math.sqrt(v1), sobelP: pTwoSided(ab / Math.sqrt(v1), normal),
    aroianSe: Math.sqrt(v2), aroianZ: ab / Math.sqrt(v2), aroianP: pTwoSided(ab / Math.sqrt(v2), normal),
  };
  if (bPath.p >= alpha) {
    notes.push(`The M → Y path (b) is not significant at ${alpha} (p = ${bPath.p.toFixed(3)}).`);
    notesZh.push(`M → Y 路径（b）在 ${alpha} 水平上不显著（p = ${bPath.p.toFixed(3)}）。`);
  }
  if (c.p >= alpha) {
    notes.push(`The total effect (c) is not significant at ${alpha} (p = ${c.p.toFixed(3)}).`);
    notesZh.push(`总效应（c）在 ${alpha} 水平上不显著（p = ${c.p.toFixed(3)}）。`);
  }
  if ((spec.bootstrap ?? 0) > 0) Object.assign(indirect, clusterBootstrap(sA, sB, spec, m, fitOpts, ab));
  return { ...result, total: c, b: bPath, direct, indirect, proportionMediated: c.estimate !== 0 ? ab / c.estimate : undefined, models: { total, a, b } };
}

function clusterBootstrap(sA: PanelSample, sB: PanelSample, spec: MediationSpec, m: string, fitOpts: FitOptions, ab: number): Partial<IndirectEffect> {
  const R = Math.floor(spec.bootstrap ?? 0);
  const seed = String(spec.seed ?? 20240601);
  const rng = seedrandom(seed);
  const G = sA.ngroups;
  const level = spec.level ?? 0.95;
  const boot: number[] = [];
  let failed = 0;
  const opts: FitOptions = { ...fitOpts, vcov: "classical" };
  for (let r = 0; r < R; r++) {
    const draws = new Int32Array(G);
    for (let k = 0; k < G; k++) draws[k] = Math.floor(rng() * G);
    try {
      const a = fitEstimates(resampleEntities(sA, draws), opts).params[spec.x];
      const b = fitEstimates(resampleEntities(sB, draws), opts).params[m];
      if (Number.isFinite(a) && Number.isFinite(b)) boot.push(a * b);
      else failed++;
    } catch {
      failed++;
    }
    if (spec.onProgress && spec.onProgress(r + 1, R) === false) break;
  }
  if (boot.length < 2) return { replications: boot.length, failed, seed };
  const sorted = Float64Array.from(boot).sort();
  const lo = (1 - level) / 2;
  const mean = boot.reduce((s, v) => s + v, 0) / boot.length;
  const sd = Math.sqrt(boot.reduce((s, v) => s + (v - mean) ** 2, 0) / (boot.length - 1));
  // Bias correction: z0 = Φ⁻¹(share below the estimate); bounds at Φ(2 z0 ± z_{α/2}).
  const below = boot.filter((v) => v < ab).length / boot.length;
  const z0 = normalQuantile(Math.min(Math.max(below, 1 / (2 * boot.length)), 1 - 1 / (2 * boot.length)), 0, 1);
  const zl = normalQuantile(lo, 0, 1);
  const pl = normalCdf(2 * z0 + zl, 0, 1);
  const pu = normalCdf(2 * z0 - zl, 0, 1);
  return {
    bootCi: { percentile: [quantileSorted(sorted, lo), quantileSorted(sorted, 1 - lo)], biasCorrected: [quantileSorted(sorted, pl), quantileSorted(sorted, pu)], level },
    bootSe: sd,
    replications: boot.length,
    failed,
    seed,
  };
}
