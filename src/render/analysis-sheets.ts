import { Lang } from "../core/errors";
import { Cell, parseNumberCell } from "../core/data/cells";
import { AnalysisRun } from "../core/spec/run-analysis";
import { TableModel, cell, headerRow } from "./table-model";
import { describeTable } from "./describe-table";
import { regressionTable } from "./regression-table";
import { panelColumn } from "./panel-columns";
import { mediationRegressionTable, mediationSummaryTable } from "./mediation-table";
import { entropyWeightsTable, aboveMeanTable } from "./entropy-table";
import { didMeansTable, didRegressionTable, eventStudyTable, placeboSummaryTable } from "./did-table";
import { regionalTables } from "./regional-sheets";

export interface Sheet {
  /** Worksheet name (≤ 31 characters, unique, no []:*?/\). */
  name: string;
  /** Tables written one under the other. */
  tables: TableModel[];
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 3)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The panel (with index scores) as one plain table; numbers read from text (CSV) become numbers. */
export function panelTable(run: AnalysisRun): TableModel {
  const value = (c: Cell): string | number | null => {
    if (c === undefined || c === null) return null;
    if (typeof c === "number") return c;
    const n = parseNumberCell(c);
    return typeof n === "number" ? n : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  };
  return { header: [headerRow([...run.panel.names])], body: run.panel.rows.map((r) => r.map((c) => cell(value(c)))), notes: [] };
}

/**
 * Every output of a run as sheets: the tidy panel with scores, per index the weights (pooled
 * and by sub-period, Table-1 layout) and the above-mean list, then one sheet per table.
 */
export function analysisSheets(run: AnalysisRun, lang: Lang = "en"): Sheet[] {
  const taken = new Set<string>();
  const sheets: Sheet[] = [{ name: sheetName(lang === "zh" ? "面板数据" : "Panel", taken), tables: [panelTable(run)] }];
  for (const ix of run.indices) {
    const label = ix.spec.label ?? ix.spec.name;
    const weights = entropyWeightsTable(ix.result, { lang, level1: label });
    weights.title = lang === "zh" ? `${label}指标体系与权重` : `${label}: indicators and weights`;
    const tables = [weights];
    if (ix.periods) {
      const byPeriod = entropyWeightsTable(ix.periods, { lang, level1: label });
      byPeriod.title = lang === "zh" ? `${label}分时期权重` : `${label}: weights by period`;
      tables.push(byPeriod);
    }
    if (ix.aboveMean) {
      const idj = run.panel.names.indexOf(run.id), tj = run.panel.names.indexOf(run.time), sj = run.panel.names.indexOf(ix.spec.name);
      const scoreOf = (t: number, e: string) => {
        const row = run.panel.rows.find((r) => String(r[idj]) === e && Number(String(r[tj]).replace(/年$/, "")) === t);
        return row && typeof row[sj] === "number" ? (row[sj] as number) : undefined;
      };
      const a = aboveMeanTable(ix.aboveMean, scoreOf, lang);
      a.title = lang === "zh" ? `${label}高于全国均值的地区` : `${label}: above the national mean`;
      tables.push(a);
    }
    sheets.push({ name: sheetName(`${label}${lang === "zh" ? "权重" : " weights"}`, taken), tables });
  }
  for (const t of run.tables) {
    const tlang = t.spec.lang ?? lang;
    let tables: TableModel[];
    if (t.kind === "descriptive") tables = [describeTable(t.describe, tlang)];
    else if (t.kind === "regression") {
      const diffNotes = (t.differences ?? []).map((d) =>
        tlang === "zh"
          ? `组间系数差异检验（${d.term}，${d.groupB} − ${d.groupA}）：${d.difference.toFixed(3)}（标准误 ${d.se.toFixed(3)}），p = ${d.p.toFixed(3)}；方法：全交互混合模型`
          : `Group difference in ${d.term} (${d.groupB} − ${d.groupA}): ${d.difference.toFixed(3)} (SE ${d.se.toFixed(3)}), p = ${d.p.toFixed(3)}; fully interacted pooled model`,
      );
      tables = [regressionTable(t.models.map((m, k) => panelColumn(m, t.titles[k], t.wild?.[k])), { lang: tlang, rename: t.spec.rename, terms: "terms" in t.spec ? t.spec.terms : undefined, notes: diffNotes })];
    } else if (t.kind === "did") {
      const y = (t.spec as { y: string }).y;
      tables = [didRegressionTable(t.did, y, tlang, t.spec.rename, t.wild), didMeansTable(t.did[t.did.length - 1], y, tlang)];
      if (t.eventStudy) tables.push({ ...eventStudyTable(t.eventStudy, tlang), title: tlang === "zh" ? "事件研究" : "Event study" });
      if (t.placebo) tables.push(placeboSummaryTable(t.placebo, tlang));
    } else if (t.kind === "coupling" || t.kind === "dagum" || t.kind === "density") {
      tables = regionalTables(t, tlang);
    } else {
      tables = [mediationRegressionTable(t.mediation, { lang: tlang, rename: t.spec.rename }), mediationSummaryTable(t.mediation, tlang)];
    }
    tables[0].title = t.spec.title;
    sheets.push({ name: sheetName(t.spec.title, taken), tables });
  }
  return sheets;
}
