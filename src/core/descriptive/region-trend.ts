import { DataTable, appendColumns, labelColumn } from "../data/data-table";
import { regionLabels, REGION4_LABELS, SOUTHNORTH_LABELS } from "../data/provinces";
import { Lang } from "../errors";
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
  const groups = regionLabels(labelColumn(table, id), id, grouping, lang, undefined, table);
  const labels = grouping === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS;
  const column = "__econsheet_group";
  const order = Object.values(labels).map((l) => l[lang]);
  return groupTrend(appendColumns(table, [{ name: column, values: groups }]), { value, time, group: column, order });
}
