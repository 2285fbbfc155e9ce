import { useState } from "react";
import type { Lang } from "../core/errors";
import type { DataTable } from "../core/data/data-table";
import type { AnalysisSpec, DidTableSpec, IndexSpec, ModelTableSpec, RegionalTableSpec } from "../core/spec/analysis-spec";
import { runAnalysis } from "../core/spec/run-analysis";
import type { ChartModel } from "../render/charts/chart-model";
import { placeboChart } from "../render/charts/placebo-chart";
import type { WorkbookIO } from "./excel-io";
import type { LongTask } from "./use-long-task";
import { t, errorText } from "./i18n";
import type { ImportResult } from "./journey/import-sheets";
import { draftToSpec, TableDraft } from "./journey/table-drafts";
import { specJson, tableSheets } from "./journey/pipeline";
import { writeOutputs } from "./journey/write-sheets";
import { ChartFormError, DidForm, TrendGrouping, checkPermutations, didSpecOf, didTableSpec, eventStudyModel, mapModel, trendModel, writeChart } from "./journey/charts";
import { placeboOffThread } from "./journey/worker-run";
import type { ChartErrors } from "./steps/charts-step";

const ID = "province";
const TIME = "year";

export interface ChartActionsDeps {
  io: WorkbookIO;
  lang: Lang;
  tableLang: Lang;
  imported: ImportResult | undefined;
  indices: IndexSpec[];
  drafts: TableDraft[];
  didForm: DidForm;
  trend: { index: string; grouping: TrendGrouping };
  mapChoice: { index: string; year: string };
  replaceOwn: boolean;
  /** Display names of the indices by code (index label), so charts name an index as the tables do. */
  rename: Record<string, string>;
  task: LongTask;
  buildSpec(tables: ModelTableSpec[], did?: DidTableSpec | null, regional?: RegionalTableSpec[]): AnalysisSpec;
  setStatus(text: string | undefined): void;
  setDidTable(table: DidTableSpec): void;
  markDone(): void;
}

/**
 * The Charts step's actions (moved out of app.tsx as they were): the DID table, the event-study
 * chart, the placebo histogram, the index trend and the map, each on the panel with the index
 * scores; errors beside the field they concern or under the card's buttons.
 */
export function useChartActions(d: ChartActionsDeps) {
  const { io, lang, tableLang, imported, indices, drafts, didForm, trend, mapChoice, replaceOwn, rename, task, buildSpec, setStatus, setDidTable, markDone } = d;
  const [chartErrors, setChartErrors] = useState<ChartErrors>({});

  /**
   * Builds a chart from the panel with the index scores (step 2's indices) and writes it to a new
   * sheet. Errors go beside the field they concern or under the card's buttons.
   */
  const drawChart = (card: "did" | "trend" | "map", build: (panel: DataTable, report: (done: number, total: number) => void, isCancelled: () => boolean) => Promise<ChartModel | null>) =>
    withPanel(card, async (panel, report, isCancelled) => {
      const model = await build(panel, report, isCancelled);
      if (!model) {
        setStatus(t(lang, "cancelledNothing"));
        return;
      }
      const r = await writeChart(io, model, { replaceOwn });
      setStatus(r.outcome.fellBack ? t(lang, "chartFellBack", { sheet: r.sheet, reason: r.outcome.reason ?? "" }) : t(lang, "chartWritten", { sheet: r.sheet }));
      markDone();
    });

  /** Runs Charts-step work on the panel with the index scores; errors beside the field or under the card. */
  const withPanel = async (card: "did" | "trend" | "map", work: (panel: DataTable, report: (done: number, total: number) => void, isCancelled: () => boolean) => Promise<void>) => {
    setStatus(undefined);
    setChartErrors({});
    try {
      if (!imported) throw new ChartFormError("y", { en: t("en", "noData"), zh: t("zh", "noData") });
      await task.run(async (report, isCancelled) => {
        // Index scores are computed only when the card uses an index (a chart of raw variables
        // must not fail on an index's missing cells).
        const used = card === "did" ? [didForm.y, didForm.firstYearColumn, ...didForm.controls] : card === "trend" ? [trend.index] : [mapChoice.index];
        const needsIndex = indices.some((ix) => used.includes(ix.name));
        const panel = needsIndex ? runAnalysis(imported.table, buildSpec([], null, [])).panel : imported.table;
        await work(panel, (done, total) => report({ done, total, label: t(lang, "placeboProgress", { done, total }) }), isCancelled);
      });
    } catch (e) {
      // A form error sits beside its field when the card shows that field, otherwise under the card's button.
      const beside = e instanceof ChartFormError && (card === "did" ? e.field !== "index" : e.field === "year");
      setChartErrors({ [beside ? (e as ChartFormError).field : card]: e instanceof ChartFormError ? e.text[lang] : errorText(e, lang) });
    }
  };

  const writeDidTable = () =>
    withPanel("did", async () => {
      const table = didTableSpec(didForm, ID, TIME, tableLang);
      // Saved with the Models step's tables that are complete (an unfinished draft is reported when tables are written).
      const complete = drafts.flatMap((d) => { try { return [draftToSpec(d, tableLang)]; } catch { return []; } });
      const spec = buildSpec(complete, table);
      await io.saveSpec(specJson(spec));
      setDidTable(table);
      const run = runAnalysis(imported!.table, { ...spec, tables: [table] });
      const names = await writeOutputs(io, tableSheets(run, tableLang), { replaceOwn });
      await io.activateSheet(names[0]);
      setStatus(names.map((name) => t(lang, "wroteSheet", { name })).join(" "));
    });
  const eventStudyChart = () => drawChart("did", async (panel) => eventStudyModel(panel, didForm, ID, TIME, tableLang, rename));
  const placeboHistogram = () =>
    drawChart("did", async (panel, report, isCancelled) => {
      const spec = didSpecOf(didForm, ID, TIME);
      checkPermutations(didForm);
      const result = await placeboOffThread(panel, spec, didForm.permutations, didForm.seed, report, isCancelled);
      return result ? placeboChart(result, tableLang) : null;
    });
  // Charts name an index by its display name (its label), as the tables do.
  const trendChart = () => drawChart("trend", async (panel) => trendModel(panel, trend.index, trend.grouping, ID, TIME, tableLang, rename[trend.index]));
  const mapChart = () => drawChart("map", async (panel) => mapModel(panel, mapChoice.index, mapChoice.year, ID, TIME, tableLang, rename[mapChoice.index]));

  return { chartErrors, writeDidTable, eventStudyChart, placeboHistogram, trendChart, mapChart };
}
