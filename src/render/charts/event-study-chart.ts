import type { Lang } from "../../core/errors";
import type { EventCoef, EventStudyResult, WaldTest } from "../../core/did/event-study";
import { ChartModel, ChartSeries, ChartValue } from "./chart-model";
import { chartLabel, fmt } from "./chart-labels";
import { maxOf, minOf, pushAll } from "../../core/data/extent";
import { niceTicks } from "./axis-ticks";

export interface EventStudyChartOptions {
  y: string;
  controls?: readonly string[];
  /** Confidence level of the intervals (as given to eventStudy, default 0.95). */
  level?: number;
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
 * The event-study coefficient plot as a line chart on a text axis of periods: each estimator's
 * coefficients as a line with markers, its confidence bounds as dashed lines, the reference
 * period marked with its own series, and a zero line. The binned endpoints are labelled "≤−4" and
 * "≥4" (an XY axis cannot relabel its ticks in Excel, a text axis can), and the value axis is
 * tight to the CI ends on round ticks. When the adoption is staggered the Sun–Abraham estimates
 * are drawn with the TWFE ones.
 *
 * Data block: the coefficient table (relative time, estimate, SE, CI, p per estimator) and, to
 * its right under "Chart data", the period labels, the reference marker and the zero line.
 */
export function eventStudyChart(result: EventStudyResult, lang: Lang, options: EventStudyChartOptions): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const level = Math.round((options.level ?? 0.95) * 100);
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

  // Chart-data columns to the right of a blank column: the period labels (binned endpoints
  // "≤−4" / "≥4"), the reference period's marker and the zero line; estimates and CI ends are
  // read from the coefficient table itself.
  const lo = minOf(rels), hi = maxOf(rels);
  const minus = (v: number) => String(v).replace(/^-/, "−");
  const periodLabel = (rel: number): ChartValue => (rel === lo ? `≤${minus(lo)}` : rel === hi ? `≥${minus(hi)}` : rel);
  const cLabel = tableWidth + 1, cRef = tableWidth + 2, cZero = tableWidth + 3;
  const data: ChartValue[][] = [[...tableHeader, null, `${L("chartData")}: ${L("period")}`, L("reference", { ref: ref.rel }), L("zero")]];
  twfe.forEach((c, i) => data.push([...tableRows[i], null, periodLabel(c.rel), c.reference ? c.estimate : null, 0]));

  const span = (col: number) => ({ col, from: 1, to: K });
  const ciName = (name: string, end: "ciLow" | "ciHigh") => `${L("ciOf", { name, level })}${lang === "zh" ? "" : " "}${L(end === "ciLow" ? "lower" : "upper")}`;
  // An estimator without intervals (an exact fit: SE, p and CI omitted) gets no CI series.
  const hasCi = (coefs: readonly EventCoef[]) => coefs.some((c) => !c.reference && c.ciLow !== undefined && c.ciHigh !== undefined);
  const twfeCi = hasCi(twfe);
  const saCi = sa ? hasCi(sa) : false;
  const series: ChartSeries[] = [{ name: `${L("twfe")} ${L("estimate")}`, values: span(1), style: "lineMarkers", marker: "Circle", color: NAVY }];
  if (twfeCi) {
    series.push(
      { name: ciName(L("twfe"), "ciLow"), values: span(3), style: "dashed", color: NAVY },
      { name: ciName(L("twfe"), "ciHigh"), values: span(4), style: "dashed", color: NAVY },
    );
  }
  if (sa) {
    series.push({ name: `${L("sa")} ${L("estimate")}`, values: span(SA_ESTIMATE_COL), style: "lineMarkers", marker: "Square", color: ORANGE });
    if (saCi) {
      series.push(
        { name: ciName(L("sa"), "ciLow"), values: span(SA_ESTIMATE_COL + 2), style: "dashed", color: ORANGE },
        { name: ciName(L("sa"), "ciHigh"), values: span(SA_ESTIMATE_COL + 3), style: "dashed", color: ORANGE },
      );
    }
  }
  series.push(
    { name: L("reference", { ref: ref.rel }), values: span(cRef), style: "markers", marker: "Diamond", color: RED },
    { name: L("zero"), values: span(cZero), style: "line", color: GREY },
  );
  // The value axis tight to the CI ends and estimates (and 0), on round ticks.
  const ends = [0];
  for (const c of [...twfe, ...(sa ?? [])]) pushAll(ends, [c.estimate, c.ciLow, c.ciHigh].filter((v): v is number => Number.isFinite(v)));
  const yTicks = niceTicks(minOf(ends), maxOf(ends), 8);

  const notes: string[] = [];
  const cluster = options.clusterLabel ?? result.model.cluster ?? result.model.vcov;
  if (twfeCi || saCi) notes.push(L("seNote", { level, cluster: lang === "zh" && /^[!-~]+$/.test(cluster) ? ` ${cluster} ` : cluster }));
  const pre = (name: string, w: WaldTest | undefined) => w && notes.push(L("preTrend", { name, df1: w.df1, df2: w.df2, F: fmt(w.F, 3), p: fmt(w.pF, 3) }));
  pre(L("twfe"), result.preTrend);
  pre(L("sa"), result.sunAbrahamPreTrend);
  notes.push(L("binned", {
    lo: periodLabel(lo) as string, hi: periodLabel(hi) as string, ref: ref.rel,
    controls: options.controls?.length ? options.controls.join(", ") : L("noControls"),
    control: L(result.controlGroup === "never-treated" ? "neverTreated" : "lastTreated"),
  }));
  pushAll(notes, lang === "zh" ? result.notesZh : result.notes);

  return {
    kind: "eventStudy",
    sheetName: L("eventSheet"),
    type: "LineMarkers",
    title: L("eventTitle", { y: options.y }),
    xTitle: L("relTime"),
    yTitle: L(twfeCi || saCi ? "coefficient" : "coefficientNoCi"),
    data,
    // Periods on a text axis: the binned endpoints read "≤−4" and "≥4", as in the notes.
    categories: span(cLabel),
    series,
    yAxis: { min: yTicks[0], max: yTicks[yTicks.length - 1], unit: Number((yTicks[1] - yTicks[0]).toPrecision(12)) },
    numberFormats: [
      { col: 1, from: 1, to: K, format: "0.0000" }, { col: 2, from: 1, to: K, format: "0.0000" }, { col: 3, from: 1, to: K, format: "0.0000" },
      { col: 4, from: 1, to: K, format: "0.0000" }, { col: 5, from: 1, to: K, format: "0.000" },
      ...(sa ? [6, 7, 8, 9].map((col) => ({ col, from: 1, to: K, format: "0.0000" })).concat([{ col: 10, from: 1, to: K, format: "0.000" }]) : []),
    ],
    notes,
  };
}
