import { PanelFrame } from "../data/panel-frame";
import { parseFormula, Formula, quoteName } from "../data/formula";
import { rangeRow } from "../data/data-table";
import { prepareFit, PanelSpec } from "../estimators/fit-panel";
import { FitOptions } from "../estimators/fit-sample";
import { PanelSample } from "../estimators/panel-sample";
import { inputError } from "../errors";
import { DidSpec } from "./did";

/** Leads, lags and reference must be whole numbers (a window of 2.5 leads has no meaning). */
export function checkWindow(leads: number, lags: number, ref: number): void {
  for (const [name, v] of [["leads", leads], ["lags", lags], ["reference", ref]] as const) {
    if (!Number.isInteger(v)) {
      throw inputError(
        `Event study: ${name} = ${v} is not a whole number. Give ${name} as a whole number of periods (e.g. ${name === "reference" ? "−1" : "4"}).`,
        `事件研究：${name} = ${v} 不是整数。请以整数期数给出 ${name}（例如 ${name === "reference" ? "−1" : "4"}）。`,
      );
    }
  }
  if (leads < 1 || lags < 0) throw inputError("leads must be ≥ 1 and lags ≥ 0.", "leads 应 ≥ 1，lags 应 ≥ 0。");
  if (ref < -leads || ref > lags) throw inputError(`The reference period ${ref} is outside the window [−${leads}, ${lags}].`, `参照期 ${ref} 不在窗口 [−${leads}, ${lags}] 内。`);
}

/**
 * Relative time needs whole-number periods: every time value and every first treated year must be
 * a whole number (a year such as 2003); the first offending row is named.
 */
export function checkWholeTimes(frame: PanelFrame, first: Float64Array, time: string): void {
  for (let i = 0; i < frame.nrows; i++) {
    const t = frame.timeValue[i];
    if (!Number.isInteger(t)) {
      throw inputError(
        `Column '${time}' row ${rangeRow(i, frame.table)} (${frame.rowLabel(i)}): ${t} is not a whole period. Event studies count periods from the first treated year, so every time value must be a whole number such as 2003.`,
        `列 '${time}' 第 ${rangeRow(i, frame.table)} 行（${frame.rowLabel(i)}）：${t} 不是整数期。事件研究从首次处理年份起按期计数，所有时间值都必须是 2003 这样的整数。`,
      );
    }
    if (!Number.isNaN(first[i]) && !Number.isInteger(first[i])) {
      throw inputError(
        `Row ${rangeRow(i, frame.table)} (${frame.rowLabel(i)}): the first treated year ${first[i]} is not a whole number. Give it as a year such as 2008.`,
        `第 ${rangeRow(i, frame.table)} 行（${frame.rowLabel(i)}）：首次处理年份 ${first[i]} 不是整数。请给出 2008 这样的年份。`,
      );
    }
  }
}

/** A typed regressor added to the estimation sample, with its values over the sample's rows (empty when given as indicator codes). */
export interface EventColumn {
  name: string;
  values: Float64Array;
}

/**
 * The two-way FE estimation sample of an event study: y and the controls (rows missing either
 * dropped and reported), the `where` subset and a row restriction; options resolved as fitPanel does.
 */
export function eventSample(frame: PanelFrame, spec: DidSpec, rowMask?: Uint8Array): { sample: PanelSample; options: FitOptions } {
  const controls = spec.controls ?? [];
  const response = parseFormula(`${spec.y} ~ ${spec.y}`).response;
  const formula: Formula = { response, regressors: controls.length ? parseFormula(`${quoteName(spec.y)} ~ ${controls.map(quoteName).join(" + ")}`).regressors : [] };
  const pspec: PanelSpec = {
    formula: `${quoteName(spec.y)} ~ ${controls.map(quoteName).join(" + ") || "1"}`, id: spec.id, time: spec.time, model: "fe", effect: "twoways",
    vcov: (spec.vcov ?? "cluster") as PanelSpec["vcov"], cluster: spec.cluster, where: spec.where,
  };
  const { sample, options } = prepareFit(frame, pspec, { formula, rowMask });
  return { sample, options: { ...options, skipEffectsTest: true } };
}

/** The sample with typed columns put before the controls (built over sample.rows, no cell round-trip). */
export function withColumns(sample: PanelSample, cols: readonly EventColumn[]): PanelSample {
  return { ...sample, names: [...cols.map((c) => c.name), ...sample.names], X: [...cols.map((c) => c.values), ...sample.X] };
}
