import { DataTable, appendColumns, labelColumn } from "../data/data-table";
import { normalizeProvince, REGION4_LABELS, SOUTHNORTH_LABELS } from "../data/provinces";
import { inputError, Lang } from "../errors";
import { groupTrend, GroupTrend } from "./group-trend";

export type RegionGrouping = "region4" | "southnorth" | "none";

/**
 * Mean of a variable per year by NBS region (East, Central, West, Northeast — in that order) or
 * South/North, with the national mean. The groups come from the province names of the id column,
 * labelled in `lang` (a region column already in the data is not used); an unknown name is an
 * error naming its row.
 */
export function regionTrend(table: DataTable, value: string, grouping: RegionGrouping, id: string, time: string, lang: Lang): GroupTrend {
  if (grouping === "none") return groupTrend(table, { value, time });
  const labels = grouping === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS;
  const groups = labelColumn(table, id).map((name, i) => {
    const p = normalizeProvince(name);
    if (!p) {
      throw inputError(
        `Row ${i + 2}: '${name}' in column '${id}' is not a province name EconSheet knows, so it has no region.`,
        `第 ${i + 2} 行：列 '${id}' 中的 '${name}' 不是可识别的省份名称，无法归入区域。`,
      );
    }
    const key = grouping === "region4" ? p.region : p.southNorth;
    return (labels as Record<string, { en: string; zh: string }>)[key][lang];
  });
  const column = "__econsheet_group";
  const order = Object.values(labels).map((l) => l[lang]);
  return groupTrend(appendColumns(table, [{ name: column, values: groups }]), { value, time, group: column, order });
}
