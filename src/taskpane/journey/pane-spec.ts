import type { Lang } from "../../core/errors";
import { AnalysisSpec, DidTableSpec, IndexSpec, ModelTableSpec, parseAnalysisSpec, REGIONAL_TABLE_TYPES, RegionalTableSpec, SPEC_SCHEMA, SPEC_VERSION } from "../../core/spec/analysis-spec";
import { DraftError, DraftField, draftToSpec, specToDraft, TableDraft } from "./table-drafts";

/** The pane's id and time columns (the tidy panel it writes). */
export const PANE_ID = "province";
export const PANE_TIME = "year";

/** The pane's choices that make a spec (besides the tables). */
export interface PaneChoices {
  tableLang: Lang;
  sheets: string[];
  interpolate: boolean;
  indices: IndexSpec[];
  /** The Index step's missing-value choice where an index has none (follows the Data step). */
  defaultMissing: NonNullable<IndexSpec["missing"]>;
}

/** The spec of the pane's choices: the Models step's tables, then the Charts step's DID table, then the regional tables. */
export function paneSpec(c: PaneChoices, tables: ModelTableSpec[], did: DidTableSpec | null, regional: RegionalTableSpec[]): AnalysisSpec {
  return {
    schema: SPEC_SCHEMA, version: SPEC_VERSION, lang: c.tableLang,
    data: { sheets: c.sheets, interpolate: c.interpolate, id: PANE_ID, time: PANE_TIME },
    indices: c.indices.map((ix) => ({ ...ix, missing: ix.missing ?? c.defaultMissing })),
    tables: [...tables, ...(did ? [did] : []), ...regional],
  };
}

/**
 * The drafts as table specs, or the first draft's error: `errors` (per draft key and field, in
 * the UI's language) goes beside the Models step's fields, `error` names the table.
 */
export function checkDrafts(drafts: readonly TableDraft[], tableLang: Lang, lang: Lang): { specs: ModelTableSpec[]; errors: Record<string, Partial<Record<DraftField, string>>>; error?: DraftError } {
  const specs: ModelTableSpec[] = [];
  for (const [i, d] of drafts.entries()) {
    try {
      specs.push(draftToSpec(d, tableLang));
    } catch (e) {
      if (!(e instanceof DraftError)) throw e;
      return { specs, errors: { [d.key]: { [e.field]: e.text[lang] } }, error: new DraftError(e.field, { en: `Table ${i + 1} (${d.title}): ${e.text.en}`, zh: `表 ${i + 1}（${d.title}）：${e.text.zh}` }) };
    }
  }
  return { specs, errors: {} };
}

/** What a workbook's saved spec restores in the pane (its choices per step). Throws on an unreadable spec. */
export function savedChoices(text: string): { sheets: string[]; interpolate: boolean; indices: IndexSpec[]; drafts: TableDraft[]; regional: RegionalTableSpec[]; did: DidTableSpec | null; lang?: Lang } {
  const spec = parseAnalysisSpec(JSON.parse(text));
  const isRegional = (x: { type: string }): x is RegionalTableSpec => (REGIONAL_TABLE_TYPES as readonly string[]).includes(x.type);
  const tables = spec.tables ?? [];
  return {
    sheets: spec.data.sheets ?? [],
    interpolate: !!spec.data.interpolate,
    indices: spec.indices ?? [],
    drafts: tables.filter((x): x is ModelTableSpec => x.type !== "did" && !isRegional(x)).map(specToDraft),
    regional: tables.filter(isRegional),
    did: tables.find((x): x is DidTableSpec => x.type === "did") ?? null,
    lang: spec.lang,
  };
}
