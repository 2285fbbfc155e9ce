import { DataTable, labelColumn, columnIndex, rangeRow } from "../data/data-table";
import { parseTime } from "../data/panel-frame";
import { regionLabels, REGION4_LABELS, SOUTHNORTH_LABELS } from "../data/provinces";
import { inputError, Lang } from "../errors";

const BUILT_IN: Record<string, "region4" | "southnorth"> = {
  region4: "region4", region: "region4", regions: "region4", nbs: "region4", 四大区域: "region4", 区域: "region4",
  southnorth: "southnorth", "south-north": "southnorth", south_north: "southnorth", 南北: "southnorth", 南北方: "southnorth",
};

/**
 * Group labels per row for the inequality decompositions: a column of the data when it exists,
 * otherwise the built-in NBS four regions ("region4") or South/North ("southnorth") from the
 * province names of the id column (labels in `lang`, groups in the regions' order). An unknown
 * name is an error listing the columns and the built-in groupings.
 */
export function groupColumn(table: DataTable, group: string, id: string | undefined, lang: Lang): { groups: (string | null)[]; order?: string[]; builtIn?: "region4" | "southnorth" } {
  if (table.names.includes(group)) {
    const builtIn = BUILT_IN[group.toLowerCase()];
    const order = builtIn ? Object.values(builtIn === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS).flatMap((l) => [l.en, l.zh]) : undefined;
    return { groups: labelColumn(table, group), order };
  }
  const builtIn = BUILT_IN[group.trim().toLowerCase()];
  if (!builtIn) {
    throw inputError(
      `Group '${group}' is neither a column (${table.names.join(", ")}) nor a built-in grouping (region4: the NBS four regions; southnorth: South/North). Name a column of group labels or one of those two.`,
      `分组 '${group}' 既不是数据中的列（${table.names.join("、")}），也不是内置分组（region4：国家统计局四大区域；southnorth：南北方）。请给出分组列名或上述两者之一。`,
    );
  }
  if (!id) throw inputError(`The built-in grouping '${group}' is read from the province names: give the id column (e.g. id = province).`, `内置分组 '${group}' 由省份名称得出：请给出个体列（例如 id = province）。`);
  const hint = { en: " Use the 31 provinces' names (北京, 内蒙古, …) or a column of group labels.", zh: "请使用 31 个省份名称（北京、内蒙古……）或给出分组列。" };
  const labels = builtIn === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS;
  return { groups: regionLabels(labelColumn(table, id), id, builtIn, lang, hint, table), order: Object.values(labels).map((l) => l[lang]), builtIn };
}

/**
 * A time column as numbers, reading "2003" and "2003年" as 2003 (as the panel frame does); a
 * blank is NaN; other text is an error naming the column and the row.
 */
export function timeColumn(table: DataTable, name: string): number[] {
  const j = columnIndex(table, name);
  return table.rows.map((r, i) => {
    const c = r[j];
    if (c === null || c === undefined || (typeof c === "string" && c.trim() === "")) return NaN;
    const t = parseTime(c);
    if (t === undefined) {
      throw inputError(
        `Column '${name}' row ${rangeRow(i, table)}: '${String(c)}' is not a year. Write years as 2003 or 2003年.`,
        `列 '${name}' 第 ${rangeRow(i, table)} 行：'${String(c)}' 不是年份。请写成 2003 或 2003年。`,
      );
    }
    return t;
  });
}
