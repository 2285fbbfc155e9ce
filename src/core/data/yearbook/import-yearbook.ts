import { emptyError, inputError, Localized } from "../../errors";
import { interpolateWithinEntity } from "../interpolate";
import { classifyRow } from "./classify-row";
import { columnLetters } from "./cell-address";
import { detectLayout } from "./detect-layout";
import { readSheet } from "./read-sheet";
import {
  ImportOptions,
  ImportReport,
  IndicatorReport,
  MissingCell,
  Observation,
  SheetInput,
  SheetReport,
  SkippedRow,
  TidyPanel,
  YearbookImport,
} from "./types";
import { pushAll } from "../extent";

/**
 * Yearbook sheets → one tidy long panel (province, code, year, one column per indicator) and
 * an import report.
 *
 * Each sheet's layout is detected on its own (detect-layout.ts: one sheet per indicator,
 * one sheet per year, or a long table), so a workbook may mix them. Province names are
 * normalised to the canonical short form with the NBS code (provinces.ts); national totals,
 * footnotes and unit rows are skipped and listed; sheets without any province name are
 * skipped and listed. The panel has one row for every province-year that any sheet has a
 * cell for, sorted by code then year; a province-year that one indicator lacks is missing for
 * that indicator. The same province-year-indicator in two places is an error naming both.
 *
 * Missing values are listed per indicator by province-year and either left missing or, with
 * `interpolate`, filled by linear interpolation within province over the years
 * (interpolateWithinEntity, as Stata's `ipolate y year, by(id)`): gaps at the start or end of
 * a province's series stay missing and are listed in `leftMissing`.
 */
export function importYearbook(sheets: readonly SheetInput[], options: ImportOptions = {}): YearbookImport {
  const columns = { id: options.idName ?? "province", code: options.codeName ?? "code", time: options.timeName ?? "year" };
  const chosen = options.sheets;
  if (chosen) {
    const missingSheets = chosen.filter((n) => !sheets.some((s) => s.name === n));
    if (missingSheets.length > 0) {
      throw inputError(
        `No sheet named ${missingSheets.map((n) => `'${n}'`).join(", ")}. Sheets: ${sheets.map((s) => s.name).join(", ")}.`,
        `找不到工作表 ${missingSheets.map((n) => `'${n}'`).join("、")}。现有工作表：${sheets.map((s) => s.name).join("、")}。`,
      );
    }
  }
  const sheetReports: SheetReport[] = [];
  const skippedSheets: ImportReport["skippedSheets"] = [];
  const skippedRows: SkippedRow[] = [];
  const observations: Observation[] = [];
  for (const sheet of sheets) {
    if (chosen && !chosen.includes(sheet.name)) {
      skippedSheets.push({ sheet: sheet.name, reason: { en: "not selected", zh: "未选择" } });
      continue;
    }
    const rows = sheet.grid.map(classifyRow);
    const layout = detectLayout(sheet, rows);
    if (!layout) {
      if (chosen) {
        throw inputError(
          `Sheet '${sheet.name}' has no province names, so it cannot be imported. Put the provinces (北京, 天津, …) in one column.`,
          `工作表 '${sheet.name}' 中没有省份名称，无法导入。请把省份（北京、天津…）放在同一列。`,
        );
      }
      skippedSheets.push({ sheet: sheet.name, reason: { en: "no province names (not a data sheet)", zh: "没有省份名称（不是数据表）" } });
      continue;
    }
    const read = readSheet(sheet, layout);
    pushAll(observations, read.observations);
    pushAll(skippedRows, read.skippedRows);
    const indicators = layout.layout === "per-indicator" ? [sheet.name] : layout.indicatorColumns.map((c) => c.name);
    const rep: SheetReport = {
      sheet: sheet.name,
      layout: layout.layout,
      headerRow: layout.headerRow + 1,
      idColumn: columnLetters(layout.idColumn),
      indicators,
      cells: read.observations.length,
      ignoredColumns: layout.ignoredColumns,
    };
    if (layout.title) rep.title = layout.title;
    if (layout.unit) rep.unit = layout.unit;
    if (layout.year !== undefined) rep.year = layout.year;
    sheetReports.push(rep);
  }
  if (observations.length === 0) {
    throw emptyError(
      `No province data found in ${sheets.length === 1 ? `sheet '${sheets[0].name}'` : `the ${sheets.length} sheets`}. A yearbook sheet needs province names in one column and years or indicators in a header row.`,
      `在${sheets.length === 1 ? `工作表 '${sheets[0].name}'` : ` ${sheets.length} 个工作表`}中没有找到省份数据。年鉴表需要一列省份名称，并有一行年份或指标名称作表头。`,
    );
  }

  // Indicators in order of first appearance; province-years; duplicates.
  const indicatorNames: string[] = [];
  const byIndicator = new Map<string, { unit?: string; label?: string; units: Set<string>; sheets: Set<string>; cells: Map<number, Observation> }>();
  const reserved = new Set([columns.id, columns.code, columns.time]);
  const pairs = new Map<number, { province: string; code: number; year: number }>();
  for (const o of observations) {
    if (reserved.has(o.indicator)) {
      throw inputError(
        `Indicator '${o.indicator}' (${o.place}) has the name of a panel column (${[...reserved].join(", ")}). Rename the sheet or header.`,
        `指标 '${o.indicator}'（${o.place}）与面板列名（${[...reserved].join("、")}）重名。请重命名工作表或表头。`,
      );
    }
    let ind = byIndicator.get(o.indicator);
    if (!ind) {
      ind = { units: new Set(), sheets: new Set(), cells: new Map() };
      byIndicator.set(o.indicator, ind);
      indicatorNames.push(o.indicator);
    }
    if (o.unit) {
      ind.units.add(o.unit);
      ind.unit ??= o.unit;
    }
    if (o.label) ind.label ??= o.label;
    ind.sheets.add(o.place.slice(0, o.place.lastIndexOf("!")));
    const key = o.code * 10000 + o.year;
    const prev = ind.cells.get(key);
    if (prev) {
      throw inputError(
        `Indicator '${o.indicator}' for ${o.province} ${o.year} appears twice: ${prev.place} and ${o.place}. Keep one of them (check for a province listed twice, e.g. 北京 and 北京市, or a year in two sheets).`,
        `指标 '${o.indicator}' 的 ${o.province} ${o.year} 年出现两次：${prev.place} 和 ${o.place}。请只保留一个（检查是否同一省份出现两次，如 北京 和 北京市，或同一年份出现在两个工作表）。`,
      );
    }
    ind.cells.set(key, o);
    if (!pairs.has(key)) pairs.set(key, { province: o.province, code: o.code, year: o.year });
  }
  const keys = [...pairs.keys()].sort((a, b) => a - b);
  const ids = keys.map((k) => pairs.get(k)!.province);
  const codes = keys.map((k) => pairs.get(k)!.code);
  const times = keys.map((k) => pairs.get(k)!.year);
  const n = keys.length;

  const notes: Localized[] = [];
  const interpolate = options.interpolate === true;
  const panelIndicators: TidyPanel["indicators"] = [];
  const indicatorReports: IndicatorReport[] = [];
  for (const name of indicatorNames) {
    const ind = byIndicator.get(name)!;
    const values = new Float64Array(n).fill(NaN);
    const missing: MissingCell[] = [];
    const missingAt = (r: number): MissingCell => {
      const o = ind.cells.get(keys[r]);
      const m: MissingCell = { province: ids[r], code: codes[r], year: times[r] };
      if (o) m.place = o.place;
      if (o?.token) m.token = o.token;
      return m;
    };
    keys.forEach((k, r) => {
      const o = ind.cells.get(k);
      if (o && o.value !== null) values[r] = o.value;
      else missing.push(missingAt(r));
    });
    let out = values;
    let filled: IndicatorReport["filled"] = [];
    let leftMissing = missing;
    let action: IndicatorReport["action"] = missing.length === 0 ? "none" : "left-missing";
    if (interpolate && missing.length > 0) {
      const res = interpolateWithinEntity(ids, times, values);
      out = res.values;
      filled = res.filled.map((r) => ({ ...missingAt(r), value: res.values[r] }));
      leftMissing = res.leftMissing.map(missingAt);
      action = "interpolated";
    }
    if (ind.units.size > 1) {
      notes.push({
        en: `Indicator '${name}' has different units in different sheets (${[...ind.units].join(", ")}); '${ind.unit}' is kept. Check that the values are comparable.`,
        zh: `指标 '${name}' 在不同工作表中的单位不同（${[...ind.units].join("、")}），保留 '${ind.unit}'。请确认数值可比。`,
      });
    }
    const pi: TidyPanel["indicators"][number] = { name, values: out };
    if (ind.label) pi.label = ind.label;
    if (ind.unit) pi.unit = ind.unit;
    panelIndicators.push(pi);
    const rep: IndicatorReport = { name, sheets: [...ind.sheets], rows: n, observed: n - missing.length, missing, action, filled, leftMissing };
    if (ind.label) rep.label = ind.label;
    if (ind.unit) rep.unit = ind.unit;
    indicatorReports.push(rep);
  }
  // Headers that differ only in the unit ("GDP(亿元)" in one sheet, "GDP(万元)" or "GDP" in another)
  // stay separate columns, never merged silently; the note says how to merge them.
  const byLabel = new Map<string, string[]>();
  for (const r of indicatorReports) {
    const key = r.label ?? r.name;
    byLabel.set(key, [...(byLabel.get(key) ?? []), r.name]);
  }
  for (const [label, names] of byLabel) {
    if (names.length < 2) continue;
    notes.push({
      en: `Indicators ${names.map((x) => `'${x}'`).join(", ")} are '${label}' with different units (or none); they are kept as separate columns. If they are one series in one unit, write the headers the same way and import again.`,
      zh: `指标 ${names.map((x) => `'${x}'`).join("、")} 都是 '${label}'，但单位不同（或未注明）；已作为不同的列保留。若它们是同一单位的同一序列，请把表头写成一致后重新导入。`,
    });
  }
  const years = [...new Set(times)].sort((a, b) => a - b);
  const report: ImportReport = {
    nobs: n,
    nprovinces: new Set(codes).size,
    years: { first: years[0], last: years[years.length - 1], count: years.length },
    interpolate,
    sheets: sheetReports,
    skippedSheets,
    skippedRows,
    indicators: indicatorReports,
    notes,
  };
  return { panel: { columns, ids, codes, times, indicators: panelIndicators }, report };
}
