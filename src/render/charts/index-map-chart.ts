import type { Lang } from "../../core/errors";
import { inputError } from "../../core/errors";
import { DataTable, labelColumn, numericColumn } from "../../core/data/data-table";
import { normalizeProvince } from "../../core/data/provinces";
import { ChartModel, ChartValue } from "./chart-model";
import { chartLabel } from "./chart-labels";

export interface IndexMapSpec {
  index: string;
  id: string;
  time: string;
  year: number;
  /** Display name of the index in titles, axis and notes (default its column name). */
  label?: string;
}

/**
 * Index scores of one year by province, largest first, drawn as Excel's filled region map
 * (geography columns "China" + the English province name, which the map service recognises) and,
 * where the host cannot draw maps, as a sorted bar chart of the same cells.
 */
export function indexMapChart(table: DataTable, spec: IndexMapSpec, lang: Lang): ChartModel {
  const L = (k: Parameters<typeof chartLabel>[0], v: Record<string, string | number> = {}) => chartLabel(k, lang, v);
  const ids = labelColumn(table, spec.id);
  const times = numericColumn(table, spec.time);
  const values = numericColumn(table, spec.index);
  const name = spec.label ?? spec.index;
  const rows: { display: string; english: string; value: number }[] = [];
  ids.forEach((id, i) => {
    if (times[i] !== spec.year || Number.isNaN(values[i])) return;
    const p = normalizeProvince(id);
    if (!p) throw inputError(`Row ${i + 2}: '${id}' in column '${spec.id}' is not a province EconSheet can place on a map.`, `第 ${i + 2} 行：列 '${spec.id}' 中的 '${id}' 不是可在地图上定位的省份。`);
    rows.push({ display: lang === "zh" ? p.name : p.english, english: p.english, value: values[i] });
  });
  if (rows.length === 0) {
    const years = [...new Set(Array.from(times).filter((t) => !Number.isNaN(t)))].sort((a, b) => a - b);
    throw inputError(
      `No province has a value of '${spec.index}' in ${spec.year}. Years in the data: ${years.join(", ")}.`,
      `${spec.year} 年没有任何省份的 '${spec.index}' 数值。数据中的年份：${years.join("、")}。`,
    );
  }
  rows.sort((a, b) => b.value - a.value);
  const n = rows.length;
  const data: ChartValue[][] = [[L("province"), L("country"), L("geo"), `${name} ${spec.year}`], ...rows.map((r) => [r.display, "China", r.english, r.value])];
  const title = L("mapTitle", { index: name, year: spec.year });
  const value = { col: 3, from: 1, to: n };
  return {
    kind: "indexMap",
    sheetName: L("mapSheet"),
    type: "RegionMap",
    title,
    data,
    categories: { col: 1, colCount: 2, from: 1, to: n },
    series: [{ name: `${name} ${spec.year}`, values: value, style: "column" }],
    fallback: {
      type: "BarClustered",
      title: L("mapFallbackTitle", { index: name, year: spec.year }),
      yTitle: name,
      categories: { col: 0, from: 1, to: n },
      series: [{ name: `${name} ${spec.year}`, values: value, style: "column", color: "#2E75B6" }],
      reverseCategories: true,
    },
    numberFormats: [{ col: 3, from: 1, to: n, format: "0.0000" }],
    notes: [L("mapNote", { index: name, year: spec.year })],
  };
}
