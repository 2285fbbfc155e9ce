import type { Lang } from "../../core/errors";
import type { PlaceboResult } from "../../core/did/did";
import { histogram } from "../../core/descriptive/histogram";
import { ChartModel, ChartValue } from "./chart-model";
import { chartLabel, fmt } from "./chart-labels";
import { maxOf } from "../../core/data/extent";
import { niceTicks } from "./axis-ticks";

/** Decimals that tell neighbouring bins apart: one more than the bin width's leading digit. */
function binDigits(width: number): number {
  return Math.min(8, Math.max(0, Math.ceil(-Math.log10(width)) + 1));
}

/**
 * Histogram of the placebo estimates (equal bins over the placebo estimates and the real
 * estimate, Stata's default number of bins unless given) as an XY scatter: the bars as one step
 * outline (up, across, down each bin), the real estimate as a vertical line from 0 to the top of
 * the value axis, the randomization p in the title. Both axes are tight to the bins on round
 * ticks, so Excel's axis (whose ticks start at its minimum) and the SVG's read alike.
 */
export function placeboChart(result: PlaceboResult, lang: Lang, options: { bins?: number } = {}): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const h = histogram(result.estimates, { bins: options.bins, include: [result.estimate] });
  const k = h.counts.length;
  const realName = L("realEstimate", { value: fmt(result.estimate) });
  const xTicks = niceTicks(h.edges[0], h.edges[k], 8);
  // Counts: whole-number ticks from 0 to a round number at least the tallest bin.
  const yTicks = niceTicks(0, Math.max(1, maxOf(h.counts)), 5);
  const yUnit = Math.max(1, Math.round(yTicks[1] - yTicks[0]));
  const top = Math.ceil(yTicks[yTicks.length - 1] / yUnit) * yUnit;
  // The step outline: (lo, 0) then, per bin, up to its count, across, and down to 0.
  const stepX: ChartValue[] = [h.edges[0]];
  const stepY: ChartValue[] = [0];
  for (let j = 0; j < k; j++) {
    stepX.push(h.edges[j], h.edges[j + 1], h.edges[j + 1]);
    stepY.push(h.counts[j], h.counts[j], 0);
  }
  const n = stepX.length;
  const line: [ChartValue, ChartValue][] = [[result.estimate, 0], [result.estimate, top]];
  const header: ChartValue[] = [L("binFrom"), L("binTo"), L("binMid"), L("placeboCount"), null, `${L("chartData")}: ${L("xOf", { name: L("placeboCount") })}`, L("placeboCount"), L("xOf", { name: realName }), realName];
  const data: ChartValue[][] = [header];
  for (let i = 0; i < n; i++) {
    const bin: ChartValue[] = i < k ? [h.edges[i], h.edges[i + 1], (h.edges[i] + h.edges[i + 1]) / 2, h.counts[i]] : [null, null, null, null];
    data.push([...bin, null, stepX[i], stepY[i], i < 2 ? line[i][0] : null, i < 2 ? line[i][1] : null]);
  }
  const digits = binDigits(h.width);
  const format = digits > 0 ? `0.${"0".repeat(digits)}` : "0";
  const failed = result.failed > 0 ? L("placeboFailed", { k: result.failed }) : "";
  return {
    kind: "placebo",
    sheetName: L("placeboSheet"),
    type: "XYScatter",
    title: `${L("placeboTitle", { n: result.permutations })}${L("placeboP", { p: fmt(result.pTwoSided, 3) })}`,
    xTitle: L("placeboX"),
    yTitle: L("frequency"),
    data,
    series: [
      { name: L("placeboCount"), x: { col: 5, from: 1, to: n }, values: { col: 6, from: 1, to: n }, style: "line", color: "#2F5597" },
      { name: realName, x: { col: 7, from: 1, to: 2 }, values: { col: 8, from: 1, to: 2 }, style: "line", color: "#C00000" },
    ],
    xAxis: { min: xTicks[0], max: xTicks[xTicks.length - 1], unit: Number((xTicks[1] - xTicks[0]).toPrecision(12)) },
    yAxis: { min: 0, max: top, unit: yUnit },
    xTickMode: "all",
    numberFormats: [0, 1, 2, 5, 7].map((col) => ({ col, from: 1, to: col === 7 ? 2 : col === 5 ? n : k, format })),
    notes: [L("placeboNote", { value: fmt(result.estimate), mean: fmt(result.mean), sd: fmt(result.sd), p: fmt(result.pTwoSided, 3), n: result.permutations, seed: result.seed, failed })],
  };
}
