import type { Lang } from "../../core/errors";
import { isEconError } from "../../core/errors";
import type { AnalysisRun } from "../../core/spec/run-analysis";
import { regionTrend } from "../../core/descriptive/region-trend";
import { indexTrendChart } from "./index-trend-chart";
import { eventStudyChart } from "./event-study-chart";
import { placeboChart } from "./placebo-chart";
import { chartSvg } from "./chart-svg";
import { regionalChart } from "./regional-charts";
import { clusterName } from "../table-labels";
import { labelColumn } from "../../core/data/data-table";

export interface Figure {
  /** File name without extension (no characters a file system refuses). */
  name: string;
  svg: string;
  /** Caption under the figure in Word (the chart's title, with the randomization p for a placebo test). */
  caption?: string;
}

const fileName = (s: string) => s.replace(/[/\\:*?"<>|]+/g, "_").trim();

/**
 * The figures of a run as SVG: each index's trend by NBS region (when the ids are provinces),
 * for each DID table its event-study plot and placebo histogram (when the spec asks for
 * them), and for each regional table its chart (coupling D by region over time, Dagum
 * contribution shares over time, kernel-density curves). `skipped` says which figures could not be drawn and why.
 */
export function analysisFigures(run: AnalysisRun, lang: Lang = "en"): { figures: Figure[]; skipped: string[] } {
  const figures: Figure[] = [];
  const skipped: string[] = [];
  const trends = lang === "zh" ? "分区域趋势" : "trends by region";
  for (const ix of run.indices) {
    const label = ix.spec.label ?? ix.spec.name;
    try {
      const trend = regionTrend(run.panel, ix.spec.name, "region4", run.id, run.time, lang);
      const chart = indexTrendChart(trend, lang, "region4", label);
      figures.push({ name: fileName(`${label} ${trends}`), svg: chartSvg(chart), caption: chart.title });
    } catch (e) {
      if (!isEconError(e)) throw e;
      skipped.push(`${label}: ${e.messageIn(lang)}`);
    }
  }
  for (const t of run.tables) {
    if (t.kind === "coupling" || t.kind === "dagum" || t.kind === "density") {
      const variable = t.spec.type === "coupling" ? undefined : t.spec.var;
      const ix = run.indices.find((i) => i.spec.name === variable);
      const chart = regionalChart(t, t.spec.lang ?? lang, ix?.spec.label ?? variable);
      figures.push({ name: fileName(`${t.spec.title} ${chart.sheetName}`), svg: chartSvg(chart) });
      continue;
    }
    if (t.kind !== "did") continue;
    const spec = t.spec as { title: string; y: string; controls?: string[] };
    if (t.eventStudy) {
      const cluster = t.eventStudy.model.cluster;
      const clusterLabel = cluster ? clusterName(cluster, labelColumn(run.panel, run.id), {}, lang, run.id) : undefined;
      // The outcome by its display name when it is an index with a label.
      const yLabel = run.indices.find((i) => i.spec.name === spec.y)?.spec.label ?? spec.y;
      const chart = eventStudyChart(t.eventStudy, lang, { y: yLabel, controls: spec.controls, clusterLabel });
      figures.push({ name: fileName(`${spec.title} ${lang === "zh" ? "事件研究" : "event study"}`), svg: chartSvg(chart), caption: chart.title });
    }
    if (t.placebo) {
      const chart = placeboChart(t.placebo, lang);
      figures.push({ name: fileName(`${spec.title} ${lang === "zh" ? "安慰剂检验" : "placebo"}`), svg: chartSvg(chart), caption: chart.title });
    }
  }
  return { figures, skipped };
}
