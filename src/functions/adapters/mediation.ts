import { excelGrid } from "../excel-grid";
import { parseDigits, parseReplicationCount } from "../../core/options/parse-option";
import { tableFromGrid } from "../../core/data/data-table";
import { mediation } from "../../core/mediation/mediation";
import { mediationSummaryTable } from "../../render/mediation-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionBool, optionalText, listArg } from "../options";
import { inputError } from "../../core/errors";
import type { HostRun } from "../host-run";

/**
 * Bootstrap replications allowed inside a custom function, in all: replications × mediators
 * (each mediator is bootstrapped on its own). Excel recalculates a formula on every change, and a
 * custom function cannot show progress and, once started, runs to its end (Excel can cancel it
 * only before it starts: src/functions/host-run.ts). bench/host-blocking.ts measures ~0.75 s of CPU
 * for 500 replications of one mediator on the provincial shape (31 × 21) and ~1.5 s for two
 * mediators × 500, hence a budget in total rather than per mediator; the task pane and
 * `econsheet mediation` run any number, with progress and a cancel button.
 */
export const MAX_FUNCTION_BOOTSTRAP = 500;

/** ECON.MEDIATION(data, y, x, m, [controls], id, time, [options]) */
export function mediationRange(data: unknown[][], y: unknown, x: unknown, m: unknown, controls: unknown, id: unknown, time: unknown, options: OptionsArg, run: HostRun = { preview: false }): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["model", "effect", "vcov", "cluster", "where", "bootstrap", "seed", "xtomonly", "lang", "digits", "adjust"], "ECON.MEDIATION");
  const need = (v: unknown, what: string, zh: string) => {
    const s = optionalText(v);
    if (!s) throw inputError(`ECON.MEDIATION: ${what} is missing.`, `ECON.MEDIATION：缺少${zh}。`);
    return s;
  };
  const mediators = listArg(m);
  if (mediators.length === 0) need(m, "the mediator (m)", "中介变量 m");
  const ctrl = listArg(controls);
  const reps = parseReplicationCount(opts.get("bootstrap"), "ECON.MEDIATION: option 'bootstrap'") ?? 0;
  const digits = parseDigits(opts.get("digits"), "ECON.MEDIATION: option 'digits'") ?? 3;
  const perMediator = Math.floor(MAX_FUNCTION_BOOTSTRAP / Math.max(1, mediators.length));
  if (reps > perMediator) {
    const split = mediators.length > 1 ? ` in all (${mediators.length} mediators: at most ${perMediator} each)` : "";
    const splitZh = mediators.length > 1 ? `（合计；${mediators.length} 个中介变量时每个最多 ${perMediator} 次）` : "";
    throw inputError(
      `ECON.MEDIATION runs at most ${MAX_FUNCTION_BOOTSTRAP} bootstrap replications${split} so Excel stays responsive; use the task pane (with progress and cancel) or 'econsheet mediation --bootstrap ${reps}' for more.`,
      `为保证 Excel 响应，ECON.MEDIATION 最多运行 ${MAX_FUNCTION_BOOTSTRAP} 次 bootstrap${splitZh}；更多次数请使用任务窗格（可显示进度并取消）或 'econsheet mediation --bootstrap ${reps}'。`,
    );
  }
  const r = mediation(tableFromGrid(excelGrid(data)), {
    y: need(y, "the outcome (y)", "被解释变量 y"), x: need(x, "the treatment (x)", "解释变量 x"), mediators, controls: ctrl,
    id: need(id, "the id column", "个体列"), time: need(time, "the time column", "时间列"),
    model: opts.get("model"), effect: opts.get("effect"), vcov: opts.get("vcov"), cluster: opts.get("cluster"), clusterAdjustment: opts.get("adjust"),
    where: opts.get("where"), bootstrap: run.preview ? 0 : reps, seed: opts.get("seed"), xToMOnly: optionBool(opts, "xtomonly"),
  });
  return toGrid(mediationSummaryTable(r, opts.get("lang") === "zh" ? "zh" : "en", digits));
}
