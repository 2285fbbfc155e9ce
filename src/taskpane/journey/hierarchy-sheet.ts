import type { Cell } from "../../core/data/cells";
import { isBlank, showCell } from "../../core/data/cells";
import { parseDirection } from "../../core/indices/direction";
import type { IndexSpec } from "../../core/spec/analysis-spec";
import { inputError } from "../../core/errors";

/**
 * Reads an indicator system from a sheet laid out like the paper's Table 1: columns for the
 * level-1 index, the level-2 group, the level-3 indicator and its direction (headers such as
 * 一级指标 / 二级指标 / 三级指标 / 方向, or index / group / indicator / direction). Blank index
 * and group cells repeat the value above (merged cells). "要素创新 (fi)" names the index column
 * fi with the display name 要素创新.
 */
const HEADERS = {
  index: ["一级指标", "index", "level1", "level 1", "指数"],
  group: ["二级指标", "group", "level2", "level 2", "维度"],
  indicator: ["三级指标", "indicator", "level3", "level 3", "指标"],
  direction: ["方向", "direction", "属性", "指标属性"],
};

export function hierarchyFromGrid(values: readonly (readonly Cell[])[], sheet: string): IndexSpec[] {
  const find = (names: string[], row: readonly Cell[]) => row.findIndex((c) => !isBlank(c) && names.includes(showCell(c).trim().toLowerCase()));
  const h = values.findIndex((r) => find(HEADERS.indicator, r) >= 0 && find(HEADERS.index, r) >= 0);
  if (h < 0) {
    throw inputError(
      `Sheet '${sheet}': no header row with the columns 一级指标 / 二级指标 / 三级指标 / 方向 (or index / group / indicator / direction).`,
      `工作表“${sheet}”：没有包含 一级指标 / 二级指标 / 三级指标 / 方向（或 index / group / indicator / direction）的表头行。`,
    );
  }
  const cols = { index: find(HEADERS.index, values[h]), group: find(HEADERS.group, values[h]), indicator: find(HEADERS.indicator, values[h]), direction: find(HEADERS.direction, values[h]) };
  const out: IndexSpec[] = [];
  let index = "", group = "";
  for (let i = h + 1; i < values.length; i++) {
    const r = values[i];
    const ind = r[cols.indicator];
    if (!isBlank(r[cols.index])) index = showCell(r[cols.index]).trim();
    if (cols.group >= 0 && !isBlank(r[cols.group])) group = showCell(r[cols.group]).trim();
    if (isBlank(ind)) continue;
    if (!index) throw inputError(`Sheet '${sheet}' row ${i + 1}: indicator '${showCell(ind)}' has no level-1 index above it.`, `工作表“${sheet}”第 ${i + 1} 行：指标 '${showCell(ind)}' 上方没有一级指标。`);
    const m = /^(.*?)\s*[(（]\s*([A-Za-z_][\w.]*)\s*[)）]\s*$/.exec(index);
    const name = m ? m[2] : index;
    const label = m ? m[1] : index;
    let spec = out.find((s) => s.name === name);
    if (!spec) {
      spec = { name, label, mode: "pooled", groups: [] };
      out.push(spec);
    }
    const gname = group || label;
    let g = spec.groups.find((x) => x.name === gname);
    if (!g) {
      g = { name: gname, indicators: [] };
      spec.groups.push(g);
    }
    const dir = cols.direction >= 0 ? parseDirection(r[cols.direction], `'${showCell(ind)}' (sheet '${sheet}' row ${i + 1})`) : "positive";
    g.indicators.push({ name: showCell(ind).trim(), direction: dir === "negative" ? "-" : "+" });
  }
  if (out.length === 0) throw inputError(`Sheet '${sheet}': the hierarchy lists no indicators.`, `工作表“${sheet}”：指标体系中没有指标。`);
  return out;
}
