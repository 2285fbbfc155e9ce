import type { Lang } from "../../core/errors";
import type { PlaceboResult } from "../../core/did/did";
import { binOf, histogram } from "../../core/descriptive/histogram";
import { ChartModel, ChartValue } from "./chart-model";
import { chartLabel, fmt } from "./chart-labels";
import { maxOf } from "../../core/data/extent";

/** Decimals that tell neighbouring bins apart: one more than the bin width's leading digit. */
function binDigits(width: number): number {
  return Math.min(8, Math.max(0, Math.ceil(-Math.log10(width)) + 1));
}

/**
 * Histogram of the placebo estimates (equal bins over the placebo estimates and the real
 * estimate, Stata's default number of bins unless given), with the bin holding the real estimate
 * marked by a bar of the accent colour as tall as the tallest bin, and the randomization p under
 * the data.
 */
export function placeboChart(result: PlaceboResult, lang: Lang, options: { bins?: number } = {}): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const h = histogram(result.estimates, { bins: options.bins, include: [result.estimate] });
  const k = h.counts.length;
  const realBin = binOf(result.estimate, h.edges[0], h.width, k);
  const tallest = maxOf(h.counts);
  const realName = L("realEstimate", { value: fmt(result.estimate) });
  const data: ChartValue[][] = [[L("binFrom"), L("binTo"), L("binMid"), L("placeboCount"), realName]];
  for (let j = 0; j < k; j++) {
    data.push([h.edges[j], h.edges[j + 1], (h.edges[j] + h.edges[j + 1]) / 2, h.counts[j], j === realBin ? tallest : 0]);
  }
  const digits = binDigits(h.width);
  const format = digits > 0 ? `0.${"0".repeat(digits)}` : "0";
  const failed = result.failed > 0 ? L("placeboFailed", { k: result.failed }) : "";
  return {
    kind: "placebo",
    sheetName: L("placeboSheet"),
    type: "ColumnClustered",
    title: `${L("placeboTitle", { n: result.permutations })}${L("placeboP", { p: fmt(result.pTwoSided, 3) })}`,
    xTitle: L("placeboX"),
    yTitle: L("frequency"),
    data,
    categories: { col: 2, from: 1, to: k },
    series: [
      { name: L("placeboCount"), values: { col: 3, from: 1, to: k }, style: "column", color: "#8EA9DB" },
      { name: realName, values: { col: 4, from: 1, to: k }, style: "highlight", color: "#C00000" },
    ],
    numberFormats: [0, 1, 2].map((col) => ({ col, from: 1, to: k, format })),
    bins: { lo: h.edges[0], width: h.width },
    verticalLine: { at: result.estimate, label: realName, color: "#C00000" },
    notes: [L("placeboNote", { value: fmt(result.estimate), mean: fmt(result.mean), sd: fmt(result.sd), p: fmt(result.pTwoSided, 3), n: result.permutations, seed: result.seed, failed })],
  };
}
