import { quoteName } from "../data/formula";
import { PanelFrame } from "../data/panel-frame";
import { fitSample } from "../estimators/fit-sample";
import { PanelResult } from "../results/panel-result";
import { pTwoSided, critical, RefDist } from "../inference/distributions";
import { Treatment } from "./treatment";
import { DidSpec } from "./did";
import { eventSample, withColumns, EventColumn } from "./event-design";
import { EventCoef, WaldTest, waldTestDetail, preTrendNote } from "./wald-test";

export interface SunAbrahamResult {
  coefs: EventCoef[];
  preTrend?: WaldTest;
  controlGroup: "never-treated" | "last-treated";
  /** Estimation-sample-weighted average of the post-period cell estimates (rel ≥ 0), and its SE. */
  postAverage: number;
  /** Omitted on an exact fit. */
  postAverageSe?: number;
  /** Aggregation weights per reported relative time: each cohort's share of the estimation-sample observations. */
  weights: { rel: number; cohort: number; weight: number }[];
  /** Always-treated units dropped (no observation before their first treated year in the sample). */
  alwaysTreated: string[];
  /** Cohort × relative-time cells dropped as collinear with the fixed effects. */
  collinear: string[];
  model: PanelResult;
  notes: string[];
  notesZh: string[];
}

export const relName = (prefix: string, r: number) => `${prefix}${r < 0 ? "m" : "p"}${Math.abs(r)}`;

export function refDistOf(model: PanelResult): RefDist {
  return model.pDistribution === "normal" ? { kind: "normal" } : { kind: "t", df: Number(/\d+/.exec(model.pDistribution)![0]) };
}

/** Σ wⱼ bⱼ over `terms` of a model and its SE sqrt(w'Vw) (weights fixed). */
export function combine(model: PanelResult, terms: readonly string[], weights: readonly number[]): { estimate: number; se: number } {
  const k = model.slopes.length;
  const idx = terms.map((t) => model.slopes.indexOf(t));
  let est = 0, v = 0;
  for (let a = 0; a < idx.length; a++) {
    est += weights[a] * model.params[terms[a]];
    for (let b = 0; b < idx.length; b++) v += weights[a] * weights[b] * model.vcovSlopes[idx[a] * k + idx[b]];
  }
  return { estimate: est, se: model.exactFit ? NaN : Math.sqrt(Math.max(v, 0)) };
}

/** The reference period's row: 0 by construction (no SE, p or interval on an exact fit either). */
export function referenceCoef(rel: number, exact?: boolean): EventCoef {
  return exact ? { rel, estimate: 0, reference: true } : { rel, estimate: 0, se: 0, p: 1, ciLow: 0, ciHigh: 0, reference: true };
}

/** The note of an event-study regression that fits y exactly (as fitSample's note for a panel model). */
export function exactFitNote(which: "TWFE" | "Sun–Abraham", y: string): [string, string] {
  return [
    `Event study (${which}): exact fit — ${y} is an exact linear function of the relative-time terms, the controls and the fixed effects, so the residuals are rounding error. The coefficients are reported; standard errors, p-values, confidence intervals, stars and the pre-trend test are not (they would be rounding noise). Check that ${y} is not built from the treatment timing.`,
    `事件研究（${which}）：完全拟合——${y} 是相对时间项、控制变量与固定效应的精确线性函数，残差只是舍入误差。只报告系数，不报告标准误、p 值、置信区间、星号与平行趋势检验（它们只是舍入噪声）。请检查 ${y} 是否由处理时间构造。`,
  ];
}

const listNames = (xs: string[]) => (xs.length <= 10 ? xs.join(", ") : `${xs.slice(0, 10).join(", ")} and ${xs.length - 10} more`);

/**
 * Sun & Abraham (2021) interaction-weighted event study, as fixest::sunab / eventstudyinteract:
 * two-way FE regression saturated in cohort × relative time (reference period omitted), with
 * never-treated units as controls — or, without any, the last-treated cohort, dropping every period
 * from its first treated year on; always-treated units are dropped. Per relative time (endpoint
 * bins pool everything beyond them) the cells are averaged with weights = their shares of the
 * estimation-sample observations, SE sqrt(w'Vw) with weights fixed. See docs/did.md.
 */
export function sunAbraham(
  frame: PanelFrame, t: Treatment, rel: Float64Array, spec: DidSpec, window: number[], leads: number, lags: number, ref: number, level: number,
  twfeSample?: ReturnType<typeof eventSample>,
): SunAbrahamResult | { notes: string[]; notesZh: string[] } {
  const n = frame.nrows;
  const notes: string[] = [];
  const notesZh: string[] = [];
  const keep = new Uint8Array(n).fill(1);
  // The TWFE event study's estimation sample (the same spec, no row restriction), built once.
  const first = twfeSample ?? eventSample(frame, spec);
  const s0 = first.sample;
  let hasNever = false;
  for (const i of s0.rows) if (Number.isNaN(t.first[i])) hasNever = true;
  let controlGroup: SunAbrahamResult["controlGroup"] = "never-treated";
  let last = NaN;
  if (!hasNever) {
    // eventstudyinteract's rule: the last-treated cohort is the control; from its first treated year on nobody is.
    for (const i of s0.rows) if (!(t.first[i] <= last)) last = t.first[i];
    controlGroup = "last-treated";
    let dropped = 0;
    for (const i of s0.rows) if (frame.timeValue[i] >= last) dropped++;
    for (let i = 0; i < n; i++) if (frame.timeValue[i] >= last) keep[i] = 0;
    notes.push(`Sun–Abraham: no never-treated units, so the last-treated cohort (${last}) is the control group and every period from ${last} on is dropped (${dropped} observations; the rule of eventstudyinteract).`);
    notesZh.push(`Sun–Abraham：没有从未处理的个体，以最后处理的批次（${last}）为对照组，并删除 ${last} 年及以后的所有时期（${dropped} 个观测；eventstudyinteract 的规则）。`);
  }
  // Always-treated: treated units never observed before their first treated year (in the sample kept).
  const G = frame.entityNames.length;
  const minT = new Float64Array(G).fill(Infinity);
  for (const i of s0.rows) if (keep[i] && frame.timeValue[i] < minT[frame.entity[i]]) minT[frame.entity[i]] = frame.timeValue[i];
  const always: string[] = [];
  const isAlways = new Uint8Array(G);
  for (const i of s0.rows) {
    const e = frame.entity[i];
    if (keep[i] && !isAlways[e] && !Number.isNaN(t.first[i]) && minT[e] >= t.first[i]) {
      isAlways[e] = 1;
      always.push(frame.entityNames[e]);
    }
  }
  if (always.length) {
    for (let i = 0; i < n; i++) if (isAlways[frame.entity[i]]) keep[i] = 0;
    notes.push(`Sun–Abraham: ${always.length} always-treated unit(s) dropped (treated in every period they are observed, so their effects cannot be told apart from their unit effects): ${listNames(always)}.`);
    notesZh.push(`Sun–Abraham：删除 ${always.length} 个始终处于处理状态的个体（在被观测的每一期都已处理，其效应无法与个体效应区分）：${listNames(always)}。`);
  }
  // Rebuilt only when the rules above dropped rows of it.
  let dropsRows = false;
  for (const i of s0.rows) if (!keep[i]) dropsRows = true;
  const { sample, options } = dropsRows ? eventSample(frame, spec, keep) : first;
  // Cohort × relative-time cells in the estimation sample (the control cohort has none).
  // Keyed by a number (whole-number cohort and relative time, checked by checkWholeTimes): a string
  // key per row costs a million concatenations at 1M rows.
  const cellOf = new Map<number, number>();
  const cells: { name: string; cohort: number; rel: number; count: number }[] = [];
  const N = sample.rows.length;
  const rowCell = new Int32Array(N).fill(-1);
  for (let k = 0; k < N; k++) {
    const i = sample.rows[k];
    const e = t.first[i];
    if (Number.isNaN(e) || e === last || rel[i] === ref) continue;
    const key = e * 1e7 + (rel[i] + 5e6);
    let c = cellOf.get(key);
    if (c === undefined) {
      c = cells.length;
      cellOf.set(key, c);
      cells.push({ name: `sa_${e}_${relName("", rel[i])}`, cohort: e, rel: rel[i], count: 0 });
    }
    cells[c].count++;
    rowCell[k] = c;
  }
  if (cells.length === 0) {
    // Report why there is no Sun–Abraham estimate rather than leaving it out silently.
    notes.push("Sun–Abraham not estimated: after the rules above no treated cohort has observations in the estimation sample.");
    notesZh.push("未估计 Sun–Abraham：按上述规则处理后，估计样本中没有任何处理批次的观测。");
    return { notes, notesZh };
  }
  const order = cells.map((_, c) => c).sort((a, b) => cells[a].cohort - cells[b].cohort || cells[a].rel - cells[b].rel);
  // Disjoint 0/1 cells: given to the fit by their row codes (values are empty placeholders).
  const cols: EventColumn[] = order.map((c) => ({ name: cells[c].name, values: new Float64Array(0) }));
  const position = new Int32Array(cells.length);
  order.forEach((c, p) => (position[c] = p));
  const codes = new Int32Array(N).fill(-1);
  for (let k = 0; k < N; k++) {
    if (rowCell[k] < 0) continue;
    codes[k] = position[rowCell[k]];
  }
  const sorted = order.map((c) => cells[c]);
  const formula = `${quoteName(spec.y)} ~ ${[...cols.map((c) => c.name), ...(spec.controls ?? [])].map(quoteName).join(" + ")}`;
  const model = fitSample(withColumns(sample, cols), { ...options, formula, indicators: { codes, count: cols.length }, lean: true });
  const collinear = sorted.filter((c) => !(c.name in model.params)).map((c) => c.name);
  if (collinear.length) {
    notes.push(`Sun–Abraham: ${collinear.length} cohort × relative-time cell(s) are collinear with the fixed effects and dropped (their weight goes to the other cohorts at that relative time): ${listNames(collinear)}.`);
    notesZh.push(`Sun–Abraham：${collinear.length} 个批次 × 相对时间单元与固定效应共线，被删除（其权重归入同一相对时间的其他批次）：${listNames(collinear)}。`);
  }
  const dist = refDistOf(model);
  const q = critical(level, dist);
  const bin = (r: number) => Math.min(Math.max(r, -leads), lags);
  const kept = sorted.filter((c) => c.name in model.params);
  const weights: SunAbrahamResult["weights"] = [];
  const agg: { rel: number; est: number; se: number; names: string[]; w: number[] }[] = [];
  for (const r of window) {
    const members = kept.filter((c) => bin(c.rel) === r);
    const total = members.reduce((s, c) => s + c.count, 0);
    if (total === 0) continue;
    const w = members.map((c) => c.count / total);
    members.forEach((c, j) => weights.push({ rel: r, cohort: c.cohort, weight: w[j] }));
    const { estimate, se } = combine(model, members.map((c) => c.name), w);
    agg.push({ rel: r, est: estimate, se, names: members.map((c) => c.name), w });
  }
  const exact = model.exactFit;
  if (exact) {
    const [en, zh] = exactFitNote("Sun–Abraham", spec.y);
    notes.push(en);
    notesZh.push(zh);
  }
  const coefs: EventCoef[] = agg.map((a) => (exact ? { rel: a.rel, estimate: a.est } : { rel: a.rel, estimate: a.est, se: a.se, p: pTwoSided(a.est / a.se, dist), ciLow: a.est - q * a.se, ciHigh: a.est + q * a.se }));
  coefs.push(referenceCoef(ref, exact));
  coefs.sort((a, b) => a.rel - b.rel);
  // Joint pre-trend test of the aggregated leads: covariance W V W'.
  const pre = agg.filter((a) => a.rel < ref);
  let preTrend: WaldTest | undefined;
  if (pre.length) {
    const k = model.slopes.length;
    const V = pre.map((a) => pre.map((b) => {
      let s = 0;
      for (let i = 0; i < a.names.length; i++) for (let j = 0; j < b.names.length; j++) s += a.w[i] * b.w[j] * model.vcovSlopes[model.slopes.indexOf(a.names[i]) * k + model.slopes.indexOf(b.names[j])];
      return s;
    }));
    const d = waldTestDetail(model, [], pre.map((a) => a.est), V);
    preTrend = d.test;
    const ptNote = preTrendNote(d, model, "Sun–Abraham");
    if (ptNote) {
      notes.push(ptNote[0]);
      notesZh.push(ptNote[1]);
    }
  }
  const post = kept.filter((c) => c.rel >= 0);
  const tot = post.reduce((s, c) => s + c.count, 0);
  const pa = tot ? combine(model, post.map((c) => c.name), post.map((c) => c.count / tot)) : { estimate: NaN, se: NaN };
  return { coefs, preTrend, controlGroup, postAverage: pa.estimate, ...(exact ? {} : { postAverageSe: pa.se }), weights, alwaysTreated: always, collinear, model, notes, notesZh };
}
