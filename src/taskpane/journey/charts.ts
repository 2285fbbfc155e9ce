import type { Lang } from "../../core/errors";
import type { DataTable } from "../../core/data/data-table";
import type { DidSpec } from "../../core/did/did";
import type { DidTableSpec } from "../../core/spec/analysis-spec";
import { eventStudy, EventStudySpec } from "../../core/did/event-study";
import { regionTrend, RegionGrouping } from "../../core/descriptive/region-trend";
import type { ChartModel } from "../../render/charts/chart-model";
import { eventStudyChart } from "../../render/charts/event-study-chart";
import { indexTrendChart } from "../../render/charts/index-trend-chart";
import { indexMapChart } from "../../render/charts/index-map-chart";
import { CHART_ROWS } from "../excel-io";
import type { ChartOutcome, WorkbookIO } from "../excel-io";
import { maxOf } from "../../core/data/extent";

/**
 * The Charts step as plain functions: the policy (DID) form checked into a core spec, chart
 * models built from the panel (with the index scores), and a chart written to a new sheet —
 * its data block from A1, notes under it, the Excel chart object beside it.
 */

export type ChartField = "y" | "treated" | "firstYear" | "window" | "permutations" | "index" | "year";

export class ChartFormError extends Error {
  constructor(readonly field: ChartField, readonly text: { en: string; zh: string }) {
    super(text.en);
  }
}

export interface DidForm {
  y: string;
  /** Treated provinces (with `firstYear`), or empty when `firstYearColumn` gives the timing. */
  treated: string[];
  firstYear: string;
  /** Column of each province's first treated year (staggered adoption); "" = not used. */
  firstYearColumn: string;
  controls: string[];
  leads: number;
  lags: number;
  reference: number;
  permutations: number;
  seed: number;
}

export const DEFAULT_DID_FORM: DidForm = { y: "", treated: [], firstYear: "", firstYearColumn: "", controls: [], leads: 4, lags: 4, reference: -1, permutations: 500, seed: 20240601 };

/** The form as the core's event-study spec (the DID spec is the same without the window). */
export function didSpecOf(form: DidForm, id: string, time: string): EventStudySpec {
  if (!form.y) throw new ChartFormError("y", { en: "Choose the outcome Y.", zh: "请选择被解释变量 Y。" });
  const base: DidSpec = { y: form.y, id, time, controls: form.controls.filter((c) => c !== form.y) };
  let timing: Partial<DidSpec>;
  if (form.firstYearColumn) {
    timing = { firstYearColumn: form.firstYearColumn };
  } else {
    if (form.treated.length === 0) throw new ChartFormError("treated", { en: "Tick the treated (pilot) provinces, or choose a column of first treated years.", zh: "请勾选处理组（试点）省份，或选择首次处理年份所在的列。" });
    const year = Number(form.firstYear.trim().replace(/年$/, ""));
    if (form.firstYear.trim() === "" || !Number.isInteger(year)) throw new ChartFormError("firstYear", { en: `The first treated year must be a year such as 2013 (got '${form.firstYear}').`, zh: `首次处理年份应为年份，如 2013（实际为 '${form.firstYear}'）。` });
    timing = { treatedUnits: form.treated, firstYear: year };
  }
  const ints = [form.leads, form.lags, form.reference];
  if (!ints.every(Number.isInteger) || form.leads < 1 || form.lags < 0 || form.reference < -form.leads || form.reference > form.lags) {
    throw new ChartFormError("window", {
      en: `The window needs leads ≥ 1, lags ≥ 0 and the reference period inside [−leads, lags] (got leads ${form.leads}, lags ${form.lags}, reference ${form.reference}).`,
      zh: `事件窗口要求前置期 ≥ 1、后置期 ≥ 0，且基期位于 [−前置期, 后置期] 之内（实际为前置期 ${form.leads}、后置期 ${form.lags}、基期 ${form.reference}）。`,
    });
  }
  return { ...base, ...timing, leads: form.leads, lags: form.lags, reference: form.reference };
}

export function checkPermutations(form: DidForm): void {
  if (!Number.isInteger(form.permutations) || form.permutations < 10 || form.permutations > 5000) {
    throw new ChartFormError("permutations", { en: `Permutations must be a whole number from 10 to 5000 (got ${form.permutations}).`, zh: `置换次数应为 10 到 5000 之间的整数（实际为 ${form.permutations}）。` });
  }
}

/** `labels` give display names of variables (an index's label) for the title and notes. */
export function eventStudyModel(panel: DataTable, form: DidForm, id: string, time: string, lang: Lang, labels: Record<string, string> = {}): ChartModel {
  const spec = didSpecOf(form, id, time);
  return eventStudyChart(eventStudy(panel, spec), lang, { y: labels[form.y] ?? form.y, controls: spec.controls?.map((c) => labels[c] ?? c), level: spec.level });
}

/**
 * The form as the spec's DID table: the two-way FE DID without controls and, when controls are
 * chosen, with them, then the 2×2 group means (rendered by analysisSheets like every table).
 */
export function didTableSpec(form: DidForm, id: string, time: string, lang: Lang): DidTableSpec {
  const spec = didSpecOf(form, id, time);
  return {
    type: "did", title: lang === "zh" ? "双重差分" : "DID", y: spec.y, controls: spec.controls,
    ...(spec.firstYearColumn ? { firstYearColumn: spec.firstYearColumn } : { treatedUnits: [...spec.treatedUnits!], firstYear: spec.firstYear }),
  };
}

/** A saved DID table back as the form (a reopened workbook shows its policy settings). */
export function didFormOf(table: DidTableSpec): DidForm {
  return {
    ...DEFAULT_DID_FORM, y: table.y, controls: table.controls ?? [], treated: table.treatedUnits ?? [],
    firstYear: table.firstYear === undefined ? "" : String(table.firstYear), firstYearColumn: table.firstYearColumn ?? "",
  };
}

export type TrendGrouping = RegionGrouping;

/** Mean index per year by NBS region (or south/north), with the national mean; `label` names the index (its display name). */
export function trendModel(panel: DataTable, index: string, grouping: TrendGrouping, id: string, time: string, lang: Lang, label?: string): ChartModel {
  if (!index) throw new ChartFormError("index", { en: "Choose an index (compute it in step 2) or another variable.", zh: "请选择指数（在第 2 步计算）或其他变量。" });
  return indexTrendChart(regionTrend(panel, index, grouping, id, time, lang), lang, grouping, label);
}

export function mapModel(panel: DataTable, index: string, year: string, id: string, time: string, lang: Lang, label?: string): ChartModel {
  if (!index) throw new ChartFormError("index", { en: "Choose an index (compute it in step 2) or another variable.", zh: "请选择指数（在第 2 步计算）或其他变量。" });
  const y = Number(year);
  if (year === "" || !Number.isInteger(y)) throw new ChartFormError("year", { en: "Choose the year to map.", zh: "请选择要绘制地图的年份。" });
  return indexMapChart(panel, { index, id, time, year: y, label }, lang);
}

/**
 * Writes a chart model to a new sheet and shows that sheet: the data block from A1, the chart to
 * its right (one blank column between), the notes under the chart.
 */
export async function writeChart(io: WorkbookIO, model: ChartModel, options: { replaceOwn?: boolean } = {}): Promise<{ sheet: string; outcome: ChartOutcome }> {
  const sheet = await io.addSheet(model.sheetName, { replaceOwn: options.replaceOwn });
  await io.writeValues(sheet, 0, 0, model.data);
  const width = maxOf(model.data.map((r) => r.length), 1);
  if (model.notes.length) await io.writeValues(sheet, CHART_ROWS + 1, width + 1, model.notes.map((n) => [n]));
  const outcome = await io.drawChart(sheet, model);
  await io.activateSheet(sheet);
  return { sheet, outcome };
}
