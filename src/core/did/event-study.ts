import { quoteName } from "../data/formula";
import { Matrix, inverse } from "ml-matrix";
import { DataTable } from "../data/data-table";
import { fitPanel, PanelSpec } from "../estimators/fit-panel";
import { PanelResult } from "../results/panel-result";
import { pF, pChi2, pTwoSided, critical } from "../inference/distributions";
import { inputError } from "../errors";
import { buildTreatment, Treatment } from "./treatment";
import { DidSpec } from "./did";
import { appendColumns } from "../data/data-table";

export interface EventStudySpec extends DidSpec {
  /** Leads shown: relative times −leads … −2 (−leads bins everything earlier). Default 4. */
  leads?: number;
  /** Lags shown: relative times 0 … lags (lags bins everything later). Default 4. */
  lags?: number;
  /** Reference period, omitted (default −1). */
  reference?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

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

export interface EventStudyResult {
  twfe: EventCoef[];
  preTrend?: WaldTest;
  /** Sun–Abraham interaction-weighted estimates (staggered adoption). */
  sunAbraham?: EventCoef[];
  sunAbrahamPreTrend?: WaldTest;
  /** Average post-treatment effect (relative times 0 … lags), weighted by observations. */
  postAverage: { twfe: number; sunAbraham?: number };
  cohorts: number[];
  controlGroup: "never-treated" | "last-treated";
  model: PanelResult;
  notes: string[];
  notesZh: string[];
}

const relName = (prefix: string, r: number) => `${prefix}${r < 0 ? "m" : "p"}${Math.abs(r)}`;

function coefs(model: PanelResult, names: { rel: number; name: string }[], level: number, reference: number): EventCoef[] {
  const q = critical(level, model.pDistribution === "normal" ? { kind: "normal" } : { kind: "t", df: Number(/\d+/.exec(model.pDistribution)![0]) });
  const out: EventCoef[] = names
    .filter((n) => n.name in model.params)
    .map((n) => ({ rel: n.rel, estimate: model.params[n.name], se: model.stdErrors[n.name], p: model.pvalues[n.name], ciLow: model.params[n.name] - q * model.stdErrors[n.name], ciHigh: model.params[n.name] + q * model.stdErrors[n.name] }));
  out.push({ rel: reference, estimate: 0, se: 0, p: 1, ciLow: 0, ciHigh: 0, reference: true });
  return out.sort((a, b) => a.rel - b.rel);
}

/** Wald test that the coefficients `terms` are jointly zero, with the model's covariance. */
export function waldTest(model: PanelResult, terms: string[], coefVector?: number[], V?: number[][]): WaldTest | undefined {
  const idx = terms.map((t) => model.slopes.indexOf(t)).filter((i) => i >= 0);
  const q = coefVector ? coefVector.length : idx.length;
  if (q === 0) return undefined;
  const k = model.slopes.length;
  const b = coefVector ?? idx.map((i) => model.params[model.slopes[i]]);
  const M = new Matrix(V ?? idx.map((a) => idx.map((c) => model.vcovSlopes[a * k + c])));
  let inv: Matrix;
  try {
    inv = inverse(M);
  } catch {
    return undefined;
  }
  let chi2 = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) chi2 += b[i] * inv.get(i, j) * b[j];
  const df2 = model.vcov === "cluster" && model.nclusters ? model.nclusters - 1 : model.dfResid;
  return { F: chi2 / q, df1: q, df2, pF: pF(chi2 / q, q, df2), chi2, pChi2: pChi2(chi2, q) };
}

/**
 * Event study around the first treated year: two-way FE with relative-time dummies in
 * [−leads, lags] (endpoints binned, reference period omitted; never-treated units have all
 * dummies 0), entity-clustered SEs, and a joint Wald pre-trend test of the leads. With
 * staggered adoption it adds the Sun–Abraham (2021) interaction-weighted estimator: cohort ×
 * relative-time dummies (saturated, never-treated — or else last-treated — units as controls),
 * aggregated per relative time by the cohorts' shares of the observations at that time
 * (weights treated as fixed in the SE, as fixest::sunab does by default). See docs/did.md.
 */
export function eventStudy(table: DataTable, spec: EventStudySpec): EventStudyResult {
  const leads = spec.leads ?? 4;
  const lags = spec.lags ?? 4;
  const ref = spec.reference ?? -1;
  const level = spec.level ?? 0.95;
  if (leads < 1 || lags < 0) throw inputError("leads must be ≥ 1 and lags ≥ 0.", "leads 应 ≥ 1，lags 应 ≥ 0。");
  if (ref < -leads || ref > lags) throw inputError(`The reference period ${ref} is outside the window [−${leads}, ${lags}].`, `参照期 ${ref} 不在窗口 [−${leads}, ${lags}] 内。`);
  const t = buildTreatment(table, spec.id, spec.time, spec);
  const n = t.frame.nrows;
  const rel = Float64Array.from({ length: n }, (_, i) => (Number.isNaN(t.first[i]) ? NaN : t.frame.timeValue[i] - t.first[i]));
  const window: number[] = [];
  for (let r = -leads; r <= lags; r++) if (r !== ref) window.push(r);
  const cols = window.map((r) => ({
    name: relName("rel_", r),
    rel: r,
    values: Float64Array.from(rel, (v) => (Number.isNaN(v) ? 0 : Math.min(Math.max(v, -leads), lags) === r ? 1 : 0)),
  }));
  const vcov = (spec.vcov ?? "cluster") as PanelSpec["vcov"];
  const controls = spec.controls ?? [];
  const data = appendColumns(table, cols);
  const model = fitPanel(data, { formula: `${quoteName(spec.y)} ~ ${[...cols.map((c) => c.name), ...controls].map(quoteName).join(" + ")}`, id: spec.id, time: spec.time, model: "fe", effect: "twoways", vcov, cluster: spec.cluster, where: spec.where });
  const twfe = coefs(model, cols, level, ref);
  const leadNames = cols.filter((c) => c.rel < ref).map((c) => c.name);
  const notes: string[] = [];
  const notesZh: string[] = [];
  const postWeights = (counts: Map<number, number>) => {
    let s = 0, w = 0;
    return { add: (r: number, est: number) => { const c = counts.get(r) ?? 0; s += c * est; w += c; }, value: () => (w ? s / w : NaN) };
  };
  const relCounts = new Map<number, number>();
  rel.forEach((v) => !Number.isNaN(v) && relCounts.set(Math.min(Math.max(v, -leads), lags), (relCounts.get(Math.min(Math.max(v, -leads), lags)) ?? 0) + 1));
  const pw = postWeights(relCounts);
  for (const c of twfe) if (c.rel >= 0) pw.add(c.rel, c.estimate);
  const result: EventStudyResult = {
    twfe, preTrend: waldTest(model, leadNames), postAverage: { twfe: pw.value() }, cohorts: t.cohorts, controlGroup: "never-treated", model, notes, notesZh,
  };
  if (t.staggered) {
    const sa = sunAbraham(table, spec, t, rel, window, leads, lags, ref, level, vcov);
    if (sa.sunAbraham) {
      result.sunAbraham = sa.sunAbraham;
      result.sunAbrahamPreTrend = sa.sunAbrahamPreTrend;
      result.controlGroup = sa.controlGroup ?? "never-treated";
      result.postAverage.sunAbraham = sa.postAverage;
    }
  }
  if (result.sunAbraham && result.postAverage.sunAbraham !== undefined) {
    const post = result.sunAbraham.filter((c) => c.rel >= 0 && !c.reference);
    const gap = result.postAverage.twfe - result.postAverage.sunAbraham;
    const seSA = Math.sqrt(post.reduce((s, c) => s + c.se * c.se, 0)) / Math.max(post.length, 1);
    if (Math.abs(gap) > 2 * seSA) {
      notes.push(`TWFE and Sun–Abraham disagree: average post effect ${result.postAverage.twfe.toFixed(4)} vs ${result.postAverage.sunAbraham.toFixed(4)}. With heterogeneous effects across cohorts the TWFE event study is biased; prefer Sun–Abraham.`);
      notesZh.push(`TWFE 与 Sun–Abraham 结果不一致：处理后平均效应 ${result.postAverage.twfe.toFixed(4)} 对 ${result.postAverage.sunAbraham.toFixed(4)}。批次间效应异质时 TWFE 事件研究有偏，应以 Sun–Abraham 为准。`);
    }
  }
  return result;
}

interface SunAbrahamPart {
  sunAbraham?: EventCoef[];
  sunAbrahamPreTrend?: WaldTest;
  controlGroup?: EventStudyResult["controlGroup"];
  postAverage?: number;
}

function sunAbraham(
  table: DataTable, spec: EventStudySpec, t: Treatment, rel: Float64Array, window: number[], leads: number, lags: number, ref: number, level: number, vcov: PanelSpec["vcov"],
): SunAbrahamPart {
  const n = t.frame.nrows;
  const hasNever = Array.from(t.first).some((f) => Number.isNaN(f));
  let cohorts = t.cohorts;
  const keep = new Float64Array(n).fill(1);
  let controlGroup: EventStudyResult["controlGroup"] = "never-treated";
  if (!hasNever) {
    // No never-treated units: the last-treated cohort is the control, observed before it is treated.
    const last = cohorts[cohorts.length - 1];
    cohorts = cohorts.slice(0, -1);
    controlGroup = "last-treated";
    for (let i = 0; i < n; i++) if (t.first[i] === last && t.frame.timeValue[i] >= last) keep[i] = 0;
    if (cohorts.length === 0) return {};
  }
  // Saturated cohort × relative-time dummies (reference period omitted for each cohort).
  const cols: { name: string; cohort: number; rel: number; values: Float64Array; count: number }[] = [];
  for (const e of cohorts) {
    const rels = new Set<number>();
    for (let i = 0; i < n; i++) if (t.first[i] === e && keep[i]) rels.add(rel[i]);
    for (const r of [...rels].sort((a, b) => a - b)) {
      if (r === ref) continue;
      const values = Float64Array.from({ length: n }, (_, i) => (t.first[i] === e && rel[i] === r && keep[i] ? 1 : 0));
      cols.push({ name: `sa_${e}_${relName("", r)}`, cohort: e, rel: r, values, count: values.reduce((a, b) => a + b, 0) });
    }
  }
  const keepCol = "sa_keep";
  const data = appendColumns(table, [...cols, { name: keepCol, values: keep }]);
  const where = spec.where ? `${spec.where} & ${keepCol}=1` : `${keepCol}=1`;
  const model = fitPanel(data, { formula: `${quoteName(spec.y)} ~ ${[...cols.map((c) => c.name), ...(spec.controls ?? [])].map(quoteName).join(" + ")}`, id: spec.id, time: spec.time, model: "fe", effect: "twoways", vcov, cluster: spec.cluster, where });
  const k = model.slopes.length;
  const q = critical(level, model.pDistribution === "normal" ? { kind: "normal" } : { kind: "t", df: Number(/\d+/.exec(model.pDistribution)![0]) });
  const dist = model.pDistribution === "normal" ? ({ kind: "normal" } as const) : ({ kind: "t", df: Number(/\d+/.exec(model.pDistribution)![0]) } as const);
  // Aggregate per window bin: endpoint bins take every relative time beyond them.
  const bin = (r: number) => Math.min(Math.max(r, -leads), lags);
  const out: { rel: number; estimate: number; se: number; p: number; ciLow: number; ciHigh: number; weights: number[]; idx: number[] }[] = [];
  for (const r of window) {
    const members = cols.filter((c) => bin(c.rel) === r && c.name in model.params);
    const total = members.reduce((s, c) => s + c.count, 0);
    if (total === 0) continue;
    const weights = members.map((c) => c.count / total);
    const idx = members.map((c) => model.slopes.indexOf(c.name));
    const est = members.reduce((s, c, j) => s + weights[j] * model.params[c.name], 0);
    let v = 0;
    for (let a = 0; a < idx.length; a++) for (let b = 0; b < idx.length; b++) v += weights[a] * weights[b] * model.vcovSlopes[idx[a] * k + idx[b]];
    const se = Math.sqrt(v);
    out.push({ rel: r, estimate: est, se, p: pTwoSided(est / se, dist), ciLow: est - q * se, ciHigh: est + q * se, weights, idx });
  }
  const coefsSA: EventCoef[] = out.map(({ weights: _w, idx: _i, ...c }) => c);
  coefsSA.push({ rel: ref, estimate: 0, se: 0, p: 1, ciLow: 0, ciHigh: 0, reference: true });
  coefsSA.sort((a, b) => a.rel - b.rel);
  // Joint pre-trend test of the aggregated leads: covariance of the aggregates W V W'.
  const pre = out.filter((c) => c.rel < ref);
  let preTrend: WaldTest | undefined;
  if (pre.length) {
    const V = pre.map((a) => pre.map((b) => {
      let s = 0;
      for (let i = 0; i < a.idx.length; i++) for (let j = 0; j < b.idx.length; j++) s += a.weights[i] * b.weights[j] * model.vcovSlopes[a.idx[i] * k + b.idx[j]];
      return s;
    }));
    preTrend = waldTest(model, [], pre.map((c) => c.estimate), V);
  }
  const post = cols.filter((c) => c.rel >= 0 && c.name in model.params);
  const tot = post.reduce((s, c) => s + c.count, 0);
  const postAvg = tot ? post.reduce((s, c) => s + c.count * model.params[c.name], 0) / tot : NaN;
  return { sunAbraham: coefsSA, sunAbrahamPreTrend: preTrend, controlGroup, postAverage: postAvg };
}
