import { DataTable, labelColumn } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import { fitPanelOnFrame, PanelSpec } from "./fit-panel";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";
import { quoteWhereName, quoteWhereValue } from "../data/where";

/** One column of a multi-model table: a panel spec plus its column title. */
export interface ModelColumnSpec extends Omit<PanelSpec, "id" | "time"> {
  title?: string;
}

const KEYS = ["model", "effect", "vcov", "cluster", "where", "title", "adjust"];

/**
 * Reads one model cell: `y ~ x + c | effect=twoways; vcov=cluster; where=region=East; title=East`.
 * Settings after `|` override `defaults`.
 */
export function parseModelCell(text: string, defaults: Partial<ModelColumnSpec> = {}): ModelColumnSpec {
  const [formula, settings] = text.split("|");
  const spec: ModelColumnSpec = { ...defaults, formula: formula.trim() };
  if (settings) {
    let last: string | undefined;
    for (const part of settings.split(/[;；]/)) {
      const p = part.trim();
      if (!p) continue;
      const eq = p.indexOf("=");
      const key = eq > 0 ? p.slice(0, eq).trim().toLowerCase() : "";
      if (eq > 0 && KEYS.includes(key)) {
        last = key;
        setKey(spec, key, p.slice(eq + 1).trim());
      } else if (last === "where") {
        spec.where = `${spec.where} & ${p}`;
      } else {
        throw inputError(`Model '${text}': cannot read '${p}'. Settings are ${KEYS.join(", ")} (key=value; …).`, `模型 '${text}'：无法识别 '${p}'。可用设置：${KEYS.join("、")}（键=值；…）。`);
      }
    }
  }
  return spec;
}

function setKey(spec: ModelColumnSpec, key: string, value: string): void {
  if (key === "adjust") spec.clusterAdjustment = value as ModelColumnSpec["clusterAdjustment"];
  else (spec as unknown as Record<string, string>)[key] = value;
}

/** One column per distinct value of `by` (heterogeneity), in order of first appearance. */
export function expandBy(table: DataTable, spec: ModelColumnSpec, by: string): ModelColumnSpec[] {
  const values = [...new Set(labelColumn(table, by).filter((v): v is string => v !== null))];
  if (values.length === 0) throw inputError(`Column '${by}' is empty: no groups to compare.`, `列 '${by}' 为空，没有可比较的分组。`);
  const col = quoteWhereName(by);
  return values.map((v) => ({ ...spec, where: spec.where ? `${spec.where} & ${col}=${quoteWhereValue(v)}` : `${col}=${quoteWhereValue(v)}`, title: v }));
}

/** Fits every column on one panel frame. */
export function fitModels(table: DataTable, id: string, time: string, specs: readonly ModelColumnSpec[]): PanelResult[] {
  if (specs.length === 0) throw inputError("No models given.", "未给出模型。");
  const frame = buildPanelFrame(table, id, time);
  return specs.map((s, i) => {
    try {
      return fitPanelOnFrame(frame, { ...s, id, time });
    } catch (e) {
      if (e instanceof Error && "text" in e) {
        const err = e as Error & { text: { en: string; zh: string } };
        throw inputError(`Model (${i + 1}) '${s.formula}'${s.where ? ` [${s.where}]` : ""}: ${err.text.en}`, `模型（${i + 1}）'${s.formula}'${s.where ? ` [${s.where}]` : ""}：${err.text.zh}`);
      }
      throw e;
    }
  });
}
