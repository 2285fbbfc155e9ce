import type { Lang } from "../../core/errors";
import type { DataTable } from "../../core/data/data-table";
import type { AnalysisSpec, RegionalTableSpec } from "../../core/spec/analysis-spec";
import { REGIONAL_TABLE_TYPES } from "../../core/spec/analysis-spec";
import { runAnalysis } from "../../core/spec/run-analysis";
import type { RegionalTableResult } from "../../core/regional/run-regional";
import { regionalChart } from "../../render/charts/regional-charts";
import type { WorkbookIO } from "../excel-io";
import { tableSheets } from "./pipeline";
import { writeOutputs } from "./write-sheets";
import { writeChart } from "./charts";

/**
 * The Index step's regional analysis as plain functions: the card's choices as spec entries
 * (saved with the spec, so Re-run and `econsheet run` rebuild them), run on the panel, written
 * as a table sheet and a chart sheet.
 */
export type RegionalKind = (typeof REGIONAL_TABLE_TYPES)[number];

export interface RegionalForm {
  /** Indices coupled (two or more). */
  systems: string[];
  /** Index decomposed / whose density is drawn. */
  variable: string;
  grouping: "region4" | "southnorth";
  /** "2003,2013,2023"; blank = first, middle and last year. */
  years: string;
  theil: boolean;
}

export class RegionalFormError extends Error {
  constructor(readonly text: { en: string; zh: string }) {
    super(text.en);
  }
}

const TITLES: Record<RegionalKind, { en: string; zh: string }> = {
  coupling: { en: "Coupling coordination", zh: "耦合协调度" },
  dagum: { en: "Dagum Gini decomposition", zh: "Dagum基尼系数分解" },
  density: { en: "Kernel density", zh: "核密度估计" },
};

/** The card's choices as one spec entry of `kind`. */
export function regionalSpec(kind: RegionalKind, form: RegionalForm, lang: Lang): RegionalTableSpec {
  const title = TITLES[kind][lang];
  if (kind === "coupling") {
    if (form.systems.length < 2) throw new RegionalFormError({ en: "Tick two or more indices to couple.", zh: "请勾选两个或更多指数。" });
    return { type: "coupling", title, systems: [...form.systems], groups: form.grouping, lang };
  }
  if (!form.variable) throw new RegionalFormError({ en: "Choose the index.", zh: "请选择指数。" });
  if (kind === "dagum") return { type: "dagum", title, var: form.variable, groups: form.grouping, ...(form.theil ? { theil: true } : {}), lang };
  const text = form.years.trim();
  const years = text ? text.split(/[,，;；\s]+/).filter(Boolean).map(Number) : undefined;
  if (years && !years.every(Number.isInteger)) throw new RegionalFormError({ en: `Years: write whole years separated by commas, e.g. 2003,2013,2023 (got '${text}').`, zh: `年份：请用逗号分隔整数年份，例如 2003,2013,2023（实际为 '${text}'）。` });
  return { type: "density", title, var: form.variable, ...(years ? { years } : {}), lang };
}

/** The saved regional entries with `entry` in place of one of its type. */
export function withRegional(saved: readonly RegionalTableSpec[], entry: RegionalTableSpec): RegionalTableSpec[] {
  return [...saved.filter((t) => t.type !== entry.type), entry];
}

/** Runs one regional entry on the imported panel (indices computed from the spec) and writes its table sheet and chart. */
export async function writeRegional(io: WorkbookIO, panel: DataTable, spec: AnalysisSpec, entry: RegionalTableSpec, lang: Lang, replaceOwn: boolean): Promise<string[]> {
  const run = runAnalysis(panel, { ...spec, tables: [entry] });
  const names = await writeOutputs(io, tableSheets(run, lang), { replaceOwn });
  const result = run.tables[0] as RegionalTableResult;
  const variable = entry.type === "coupling" ? undefined : entry.var;
  const label = spec.indices?.find((ix) => ix.name === variable)?.label ?? variable;
  const chart = await writeChart(io, regionalChart(result, lang, label), { replaceOwn });
  return [...names, chart.sheet];
}
