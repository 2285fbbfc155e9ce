import { DataTable, numericColumn, labelColumn, rangeRow } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import { Direction } from "./direction";
import { EntropyInput } from "./entropy-index";
import { inputError } from "../errors";

/** "labour:a,b; capital:c" → indicator → level-2 group. */
export function parseGroups(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const part of text.split(/[;；]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([^:：]+)[:：](.+)$/.exec(p);
    if (!m) throw inputError(`Groups '${text}': write "group:indicator1,indicator2; group2:…".`, `分组 '${text}'：请写成 "维度:指标1,指标2; 维度2:…"。`);
    for (const ind of m[2].split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
      if (out.has(ind)) throw inputError(`Groups: indicator '${ind}' is in two groups.`, `分组：指标 '${ind}' 属于两个维度。`);
      out.set(ind, m[1].trim());
    }
  }
  return out;
}

export interface TableIndicatorSpec {
  indicators: readonly string[];
  directions: readonly Direction[];
  id?: string;
  time?: string;
  groups?: Map<string, string>;
  /** Range row number of the first data row, for messages: 2 with a header row (default), 1 without. */
  firstRow?: number;
}

/** Builds the entropy input from table columns; text cells are errors naming column, row and entity-year. */
export function entropyInputFromTable(table: DataTable, spec: TableIndicatorSpec): EntropyInput {
  const first = spec.firstRow ?? 2;
  // A CSV table's rows are named by their line in the file (rangeRow); a range's by i + first.
  const rowNo = (i: number) => (first === 2 ? rangeRow(i, table) : i + first);
  let rowLabel = (i: number) => `row ${rowNo(i)}`;
  let ids: (string | null)[] | undefined;
  let times: number[] | undefined;
  if (spec.id && spec.time) {
    const frame = buildPanelFrame(table, spec.id, spec.time);
    rowLabel = (i) => `${frame.rowLabel(i)}, row ${rowNo(i)}`;
    ids = labelColumn(table, spec.id);
    times = Array.from(frame.timeValue);
  } else if (spec.time) {
    times = Array.from(numericColumn(table, spec.time));
  }
  const groups = spec.groups ?? new Map<string, string>();
  for (const g of groups.keys()) {
    if (!spec.indicators.includes(g)) throw inputError(`Groups name '${g}', which is not among the indicators (${spec.indicators.join(", ")}).`, `分组中的 '${g}' 不在指标列表中（${spec.indicators.join("、")}）。`);
  }
  if (groups.size > 0) {
    const ungrouped = spec.indicators.filter((n) => !groups.has(n));
    if (ungrouped.length) throw inputError(`Groups: indicator(s) ${ungrouped.join(", ")} belong to no group.`, `分组：指标 ${ungrouped.join("、")} 不属于任何维度。`);
  }
  return {
    ids,
    times,
    rowLabel,
    groupOrder: [...new Set(groups.values())],
    indicators: spec.indicators.map((name, j) => ({
      name,
      values: numericColumn(table, name, (i) => (ids && times ? `${ids[i]}, ${times[i]}` : undefined)),
      direction: spec.directions[j] ?? "positive",
      group: groups.get(name),
    })),
  };
}
