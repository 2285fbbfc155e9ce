import { DataTable } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import { ModelColumnSpec, fitModels } from "../estimators/model-list";
import { resolveVcov } from "../estimators/fit-panel";
import { PanelResult } from "../results/panel-result";
import { inputError, isEconError } from "../errors";
import { wildBootstrapOnFrame, WildOptions, WildBootstrapResult } from "./wild-panel";

/**
 * Every column of a multi-model table fitted with its wild cluster bootstrap (same draws setting
 * for each column; each column has its own clusters, e.g. the provinces of one region).
 * Every column must use cluster-robust SEs: a bracketed bootstrap p under a classical SE would
 * mix two kinds of inference in one table. With `skipRandomEffects` (robustness tables) an RE
 * column is fitted as usual and gets no bootstrap.
 */
export function fitModelsWild(
  table: DataTable, id: string, time: string, specs: readonly ModelColumnSpec[], wild: WildOptions,
  options: { skipRandomEffects?: boolean } = {},
): { results: PanelResult[]; wild: (WildBootstrapResult | undefined)[] } {
  if (specs.length === 0) throw inputError("No models given.", "未给出模型。");
  const frame = buildPanelFrame(table, id, time);
  const results: PanelResult[] = [];
  const wilds: (WildBootstrapResult | undefined)[] = [];
  specs.forEach((s, i) => {
    if (options.skipRandomEffects && s.model === "re") {
      // A robustness column by random effects keeps its own (z) inference; the note says so.
      results.push(fitModels(table, id, time, [s])[0]);
      wilds.push(undefined);
      return;
    }
    if (resolveVcov(s.vcov) !== "cluster") {
      throw inputError(
        `Model (${i + 1}) '${s.formula}': the wild cluster bootstrap needs clustered SEs; set vcov=cluster for every column.`,
        `模型（${i + 1}）'${s.formula}'：wild cluster bootstrap 需要聚类标准误；请为每一列设置 vcov=cluster。`,
      );
    }
    try {
      const r = wildBootstrapOnFrame(frame, { ...s, id, time }, wild);
      results.push(r.model);
      wilds.push(r.wildBootstrap);
    } catch (e) {
      if (isEconError(e)) {
        throw inputError(`Model (${i + 1}) '${s.formula}'${s.where ? ` [${s.where}]` : ""}: ${e.text.en}`, `模型（${i + 1}）'${s.formula}'${s.where ? ` [${s.where}]` : ""}：${e.text.zh}`);
      }
      throw e;
    }
  });
  return { results, wild: wilds };
}
