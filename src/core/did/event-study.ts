import { quoteName } from "../data/formula";
import { DataTable } from "../data/data-table";
import { fitSample } from "../estimators/fit-sample";
import { PanelResult } from "../results/panel-result";
import { critical } from "../inference/distributions";
import { buildTreatment } from "./treatment";
import { DidSpec } from "./did";
import { EventCoef, WaldTest, waldTestDetail, preTrendNote } from "./wald-test";
import { checkWindow, checkWholeTimes, eventSample, withColumns, EventColumn } from "./event-design";
import { sunAbraham, SunAbrahamResult, relName, refDistOf, combine, referenceCoef, exactFitNote } from "./sun-abraham";
import { pushAll } from "../data/extent";

export type { EventCoef, WaldTest } from "./wald-test";
export { waldTest } from "./wald-test";

export interface EventStudySpec extends DidSpec {
  /** Leads shown: relative times −leads … −2 (−leads bins everything earlier). Default 4; a whole number. */
  leads?: number;
  /** Lags shown: relative times 0 … lags (lags bins everything later). Default 4; a whole number. */
  lags?: number;
  /** Reference period, omitted (default −1); a whole number. */
  reference?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

export interface EventStudyResult {
  twfe: EventCoef[];
  preTrend?: WaldTest;
  /** Sun–Abraham interaction-weighted estimates (staggered adoption). */
  sunAbraham?: EventCoef[];
  sunAbrahamPreTrend?: WaldTest;
  /**
   * Average post-treatment effect: the estimation-sample-weighted average of the post-period
   * estimates (TWFE: the binned relative-time coefficients 0 … lags; Sun–Abraham: every cohort ×
   * relative-time cell with r ≥ 0), with its SE sqrt(w'Vw), weights fixed. See docs/did.md.
   */
  postAverage: { twfe: number; twfeSe?: number; sunAbraham?: number; sunAbrahamSe?: number };
  /** Set when the TWFE and/or the Sun–Abraham regression fits y exactly: their SE, p and CI are omitted, with a note. */
  exactFit?: { twfe?: true; sunAbraham?: true };
  /** Sun–Abraham aggregation weights (cohort shares of the estimation sample per relative time). */
  sunAbrahamWeights?: SunAbrahamResult["weights"];
  /** Sun–Abraham: always-treated units dropped, and cohort × relative-time cells dropped as collinear. */
  sunAbrahamDropped?: { alwaysTreated: string[]; collinear: string[] };
  cohorts: number[];
  controlGroup: "never-treated" | "last-treated";
  model: PanelResult;
  notes: string[];
  notesZh: string[];
}

function coefs(model: PanelResult, names: { rel: number; name: string }[], level: number, reference: number): EventCoef[] {
  const q = critical(level, refDistOf(model));
  const out: EventCoef[] = names
    .filter((n) => n.name in model.params)
    .map((n) => {
      const b = model.params[n.name];
      // Exact fit: the estimate alone (see exactFitNote).
      if (model.exactFit) return { rel: n.rel, estimate: b };
      const se = model.stdErrors[n.name] ?? NaN;
      return { rel: n.rel, estimate: b, se, p: model.pvalues[n.name] ?? NaN, ciLow: b - q * se, ciHigh: b + q * se };
    });
  out.push(referenceCoef(reference, model.exactFit));
  return out.sort((a, b) => a.rel - b.rel);
}

/**
 * Event study around the first treated year: two-way FE with relative-time dummies in
 * [−leads, lags] (endpoints binned, reference period omitted; never-treated units have all
 * dummies 0), entity-clustered SEs, and a joint Wald pre-trend test of the leads. With
 * staggered adoption it adds the Sun–Abraham (2021) interaction-weighted estimator (sun-abraham.ts).
 * The dummies are built as typed columns over the estimation sample (no cell round-trip) and only
 * what the result reports is computed (no effects F test). See docs/did.md.
 */
export function eventStudy(table: DataTable, spec: EventStudySpec): EventStudyResult {
  const leads = spec.leads ?? 4;
  const lags = spec.lags ?? 4;
  const ref = spec.reference ?? -1;
  const level = spec.level ?? 0.95;
  checkWindow(leads, lags, ref);
  const t = buildTreatment(table, spec.id, spec.time, spec);
  const frame = t.frame;
  checkWholeTimes(frame, t.first, spec.time);
  const n = frame.nrows;
  const rel = new Float64Array(n);
  for (let i = 0; i < n; i++) rel[i] = Number.isNaN(t.first[i]) ? NaN : frame.timeValue[i] - t.first[i];
  const window: number[] = [];
  for (let r = -leads; r <= lags; r++) if (r !== ref) window.push(r);
  const bin = (r: number) => Math.min(Math.max(r, -leads), lags);
  const twfeSample = eventSample(frame, spec);
  const { sample, options } = twfeSample;
  const N = sample.rows.length;
  // The dummies are disjoint: given to the fit by their row codes (values are empty placeholders).
  const cols: (EventColumn & { rel: number })[] = window.map((r) => ({ name: relName("rel_", r), rel: r, values: new Float64Array(0) }));
  const colOf = new Map(window.map((r, j) => [r, j]));
  const binCounts = new Map<number, number>();
  const codes = new Int32Array(N).fill(-1);
  for (let k = 0; k < N; k++) {
    const v = rel[sample.rows[k]];
    if (Number.isNaN(v)) continue;
    const b = bin(v);
    binCounts.set(b, (binCounts.get(b) ?? 0) + 1);
    const j = colOf.get(b);
    if (j !== undefined) codes[k] = j;
  }
  const formula = `${quoteName(spec.y)} ~ ${[...cols.map((c) => c.name), ...(spec.controls ?? [])].map(quoteName).join(" + ")}`;
  const model = fitSample(withColumns(sample, cols), { ...options, formula, indicators: { codes, count: cols.length } });
  const twfe = coefs(model, cols, level, ref);
  const leadNames = cols.filter((c) => c.rel < ref).map((c) => c.name);
  const notes: string[] = [];
  const notesZh: string[] = [];
  // No single-entity note (fitPanelOnFrame's): one entity is either never treated or treated with
  // no control group, and buildTreatment refuses both with a message before any fit.
  if (model.exactFit) {
    const [en, zh] = exactFitNote("TWFE", spec.y);
    notes.push(en);
    notesZh.push(zh);
  }
  const postCols = cols.filter((c) => c.rel >= 0 && c.name in model.params);
  const postTotal = postCols.reduce((s, c) => s + (binCounts.get(c.rel) ?? 0), 0);
  const pa = postTotal ? combine(model, postCols.map((c) => c.name), postCols.map((c) => (binCounts.get(c.rel) ?? 0) / postTotal)) : { estimate: NaN, se: NaN };
  const pt = waldTestDetail(model, leadNames);
  const ptNote = preTrendNote(pt, model, "TWFE");
  if (ptNote) {
    notes.push(ptNote[0]);
    notesZh.push(ptNote[1]);
  }
  const result: EventStudyResult = {
    twfe, preTrend: pt.test, postAverage: model.exactFit ? { twfe: pa.estimate } : { twfe: pa.estimate, twfeSe: pa.se }, cohorts: t.cohorts, controlGroup: "never-treated", model, notes, notesZh,
  };
  if (model.exactFit) result.exactFit = { twfe: true };
  if (t.staggered) {
    const sa = sunAbraham(frame, t, rel, spec, window, leads, lags, ref, level, twfeSample);
    if (!("coefs" in sa)) {
      pushAll(notes, sa.notes);
      pushAll(notesZh, sa.notesZh);
    } else {
      result.sunAbraham = sa.coefs;
      result.sunAbrahamPreTrend = sa.preTrend;
      result.controlGroup = sa.controlGroup;
      result.postAverage.sunAbraham = sa.postAverage;
      if (sa.postAverageSe !== undefined) result.postAverage.sunAbrahamSe = sa.postAverageSe;
      if (sa.model.exactFit) result.exactFit = { ...result.exactFit, sunAbraham: true };
      result.sunAbrahamWeights = sa.weights;
      result.sunAbrahamDropped = { alwaysTreated: sa.alwaysTreated, collinear: sa.collinear };
      pushAll(notes, sa.notes);
      pushAll(notesZh, sa.notesZh);
      const gap = pa.estimate - sa.postAverage;
      if (sa.postAverageSe !== undefined && Math.abs(gap) > 2 * sa.postAverageSe) {
        notes.push(`TWFE and Sun–Abraham disagree: average post effect ${pa.estimate.toFixed(4)} vs ${sa.postAverage.toFixed(4)} (SE ${sa.postAverageSe.toFixed(4)}). With heterogeneous effects across cohorts the TWFE event study is biased; prefer Sun–Abraham.`);
        notesZh.push(`TWFE 与 Sun–Abraham 结果不一致：处理后平均效应 ${pa.estimate.toFixed(4)} 对 ${sa.postAverage.toFixed(4)}（标准误 ${sa.postAverageSe.toFixed(4)}）。批次间效应异质时 TWFE 事件研究有偏，应以 Sun–Abraham 为准。`);
      }
    }
  }
  return result;
}
