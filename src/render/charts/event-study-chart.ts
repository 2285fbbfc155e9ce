import type { Lang } from "../../core/errors";
import type { EventCoef, EventStudyResult, WaldTest } from "../../core/did/event-study";
import { ChartModel, ChartSeries, ChartValue } from "./chart-model";
import { chartLabel, fmt } from "./chart-labels";
import { maxOf, minOf, pushAll } from "../../core/data/extent";

export interface EventStudyChartOptions {
  y: string;
  controls?: readonly string[];
  /** Confidence level of the intervals (as given to eventStudy, default 0.95). */
  level?: number;
  /** Horizontal offset of the Sun–Abraham points, so both estimators show side by side. */
  offset?: number;
  /** Display name of the cluster variable in the note ("省份"); default the column name. */
  clusterLabel?: string;
}

const NAVY = "#1F3864";
const ORANGE = "#C55A11";
const RED = "#C00000";
const GREY = "#7F7F7F";
/** Columns of the coefficient table: relative time, then TWFE estimate, SE, CI low, CI high, p, then the same for Sun–Abraham. */
const SA_ESTIMATE_COL = 6;

/**
 * The event-study coefficient plot as an XY scatter: each estimator's coefficients as markers
 * with vertical CI bars (one line series whose blank cells separate the bars), the reference
 * period marked with its own series, and a dashed zero line. When the adoption is staggered the
 * Sun–Abraham estimates stand beside the TWFE ones (shifted right by `offset`).
 *
 * Data block: the coefficient table (relative time, estimate, SE, CI, p per estimator) and, to
 * its right under "Chart data", the x/y columns the bars and lines are drawn from.
 */
export function eventStudyChart(result: EventStudyResult, lang: Lang, options: EventStudyChartOptions): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const level = Math.round((options.level ?? 0.95) * 100);
  const offset = options.offset ?? 0.2;
  const twfe = result.twfe;
  const sa = result.sunAbraham;
  const rels = twfe.map((c) => c.rel);
  const saByRel = new Map((sa ?? []).map((c) => [c.rel, c]));
  const ref = twfe.find((c) => c.reference)!;
  const K = twfe.length;

  // The coefficient table (rows 1…K).
  // On an exact fit the coefficients carry no SE, p or interval: those cells stay blank (the notes say why).
  const est = (c: EventCoef | undefined): ChartValue[] => (c ? [c.estimate, c.reference ? null : c.se ?? null, c.ciLow ?? null, c.ciHigh ?? null, c.reference ? null : c.p ?? null] : [null, null, null, null, null]);
  const tableHeader = [L("rel"), `${L("twfe")} ${L("estimate")}`, `${L("twfe")} ${L("se")}`, `${L("twfe")} ${L("ciLow")}`, `${L("twfe")} ${L("ciHigh")}`, `${L("twfe")} ${L("p")}`];
  if (sa) tableHeader.push(`${L("sa")} ${L("estimate")}`, `${L("sa")} ${L("se")}`, `${L("sa")} ${L("ciLow")}`, `${L("sa")} ${L("ciHigh")}`, `${L("sa")} ${L("p")}`);
  const tableRows: ChartValue[][] = twfe.map((c) => [c.rel, ...est(c), ...(sa ? est(saByRel.get(c.rel)) : [])]);
  const tableWidth = tableHeader.length;

  // Chart-data columns to the right of a blank column: CI bars as (x, low), (x, high), blank.
  const bars = (coefs: readonly EventCoef[], shift: number) => {
    const x: ChartValue[] = [];
    const y: ChartValue[] = [];
    for (const c of coefs) {
      if (c.reference || c.ciLow === undefined || c.ciHigh === undefined) continue;
      x.push(c.rel + shift, c.rel + shift, null);
      y.push(c.ciLow, c.ciHigh, null);
    }
    return { x: x.slice(0, -1), y: y.slice(0, -1) };
  };
  const lo = minOf(rels) - 0.5;
  const hi = maxOf(rels) + 0.5 + (sa ? offset : 0);
  const helper: { header: string; values: ChartValue[] }[] = [];
  const addHelper = (header: string, values: ChartValue[]) => {
    helper.push({ header, values });
    return tableWidth + 1 + helper.length - 1;
  };
  const twfeBars = bars(twfe, 0);
  const ciName = (name: string) => L("ciOf", { name, level });
  // Only estimators with intervals get CI-bar columns (none on an exact fit).
  const cTwfeBarX = twfeBars.x.length ? addHelper(L("xOf", { name: ciName(L("twfe")) }), twfeBars.x) : -1;
  const cTwfeBarY = twfeBars.x.length ? addHelper(ciName(L("twfe")), twfeBars.y) : -1;
  let cSaX = -1, cSaBarX = -1, cSaBarY = -1;
  let saBarsLen = 0;
  if (sa) {
    cSaX = addHelper(L("xOf", { name: L("sa") }), twfe.map((c) => c.rel + offset));
    const saBars = bars(twfe.map((c) => saByRel.get(c.rel)).filter((c): c is EventCoef => !!c), offset);
    saBarsLen = saBars.x.length;
    if (saBarsLen) {
      cSaBarX = addHelper(L("xOf", { name: ciName(L("sa")) }), saBars.x);
      cSaBarY = addHelper(ciName(L("sa")), saBars.y);
    }
  }
  const cZeroX = addHelper(L("xOf", { name: L("zero") }), [lo, hi]);
  const cZeroY = addHelper(L("zero"), [0, 0]);

  const rows = maxOf(helper.map((h) => h.values.length), K);
  // Header: the coefficient table's, a blank column, then the chart-data columns (the first one says so).
  const data: ChartValue[][] = [[...tableHeader, null, ...helper.map((h, k) => (k === 0 ? `${L("chartData")}: ${h.header}` : h.header))]];
  for (let i = 0; i < rows; i++) {
    const left = i < K ? tableRows[i] : new Array<ChartValue>(tableWidth).fill(null);
    data.push([...left, null, ...helper.map((h) => (i < h.values.length ? h.values[i] : null))]);
  }

  const refRow = 1 + twfe.indexOf(ref);
  const span = (col: number, n: number) => ({ col, from: 1, to: n });
  // An estimator without intervals (exact fit) gets no CI series.
  const series: ChartSeries[] = [];
  if (twfeBars.x.length) series.push({ name: ciName(L("twfe")), x: span(cTwfeBarX, twfeBars.x.length), values: span(cTwfeBarY, twfeBars.y.length), style: "line", color: NAVY });
  series.push({ name: `${L("twfe")} ${L("estimate")}`, x: span(0, K), values: span(1, K), style: "markers", marker: "Circle", color: NAVY });
  if (sa) {
    if (saBarsLen) series.push({ name: ciName(L("sa")), x: span(cSaBarX, saBarsLen), values: span(cSaBarY, saBarsLen), style: "line", color: ORANGE });
    series.push({ name: `${L("sa")} ${L("estimate")}`, x: span(cSaX, K), values: span(SA_ESTIMATE_COL, K), style: "markers", marker: "Square", color: ORANGE });
  }
  series.push(
    { name: L("reference", { ref: ref.rel }), x: { col: 0, from: refRow, to: refRow }, values: { col: 1, from: refRow, to: refRow }, style: "markers", marker: "Diamond", color: RED },
    { name: L("zero"), x: span(cZeroX, 2), values: span(cZeroY, 2), style: "dashed", color: GREY },
  );

  const notes: string[] = [];
  const cluster = options.clusterLabel ?? result.model.cluster ?? result.model.vcov;
  if (twfeBars.x.length || saBarsLen) notes.push(L("seNote", { level, cluster: lang === "zh" && /^[!-~]+$/.test(cluster) ? ` ${cluster} ` : cluster }));
  const pre = (name: string, w: WaldTest | undefined) => w && notes.push(L("preTrend", { name, df1: w.df1, df2: w.df2, F: fmt(w.F, 3), p: fmt(w.pF, 3) }));
  pre(L("twfe"), result.preTrend);
  pre(L("sa"), result.sunAbrahamPreTrend);
  notes.push(L("binned", {
    lo: minOf(rels), hi: maxOf(rels), ref: ref.rel,
    controls: options.controls?.length ? options.controls.join(", ") : L("noControls"),
    control: L(result.controlGroup === "never-treated" ? "neverTreated" : "lastTreated"),
  }));
  pushAll(notes, lang === "zh" ? result.notesZh : result.notes);

  return {
    kind: "eventStudy",
    sheetName: L("eventSheet"),
    type: "XYScatter",
    title: L("eventTitle", { y: options.y }),
    xTitle: L("relTime"),
    yTitle: L(twfeBars.x.length || saBarsLen ? "coefficient" : "coefficientNoCi"),
    data,
    series,
    // Endpoints are binned: the first and last periods hold every earlier and later one.
    xTickLabels: { [minOf(rels)]: `≤${String(minOf(rels)).replace(/^-/, "−")}`, [maxOf(rels)]: `≥${String(maxOf(rels)).replace(/^-/, "−")}` },
    numberFormats: [
      { col: 1, from: 1, to: K, format: "0.0000" }, { col: 2, from: 1, to: K, format: "0.0000" }, { col: 3, from: 1, to: K, format: "0.0000" },
      { col: 4, from: 1, to: K, format: "0.0000" }, { col: 5, from: 1, to: K, format: "0.000" },
      ...(sa ? [6, 7, 8, 9].map((col) => ({ col, from: 1, to: K, format: "0.0000" })).concat([{ col: 10, from: 1, to: K, format: "0.000" }]) : []),
    ],
    notes,
  };
}
