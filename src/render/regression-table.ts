import { Lang } from "../core/errors";
import { TableModel, TableCell, cell } from "./table-model";
import { fixed, digitsFor } from "./format";
import { stars, starNote, DEFAULT_STAR_LEVELS } from "./stars";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { wildTableNote } from "./wild-labels";
import { tableLabel, termLabel, CONSTANT_TERMS, VariableLabels } from "./table-labels";
import { pushAll } from "../core/data/extent";

/**
 * One fitted model as a column of a publication table. Built from a panel result (or any
 * regression) by the caller; the table builder formats, it never estimates.
 */
export interface TableColumn {
  /** Column title under the model number, e.g. the dependent variable or a subgroup ("East"). */
  title?: string;
  /** Coefficients by term name; terms absent from a model show as blank cells. */
  params: Record<string, number>;
  stdErrors: Record<string, number>;
  tstats: Record<string, number>;
  pvalues: Record<string, number>;
  nobs: number;
  /** The R² the column reports, and which one it is (labelled in the row name when all agree). */
  rsquared?: number;
  rsquaredKind?: "within" | "lsdv" | "overall" | "between" | "ols" | "adjusted";
  ngroups?: number;
  entityEffects?: boolean;
  timeEffects?: boolean;
  /** Terms whose rows are folded into a "Controls: Yes" row. */
  controls?: readonly string[];
  /** How the SEs were computed, for the note ("clustered by province"), in one or both languages. */
  seLabel?: string | { en: string; zh: string };
  /** Wild cluster bootstrap p-values of the tested terms: printed in brackets under the SE, stars from them. */
  wildPvalues?: Record<string, number>;
  /** The bootstrap behind `wildPvalues`, for the note naming weights, draws and null (render/wild-labels.ts). */
  wild?: WildBootstrapResult;
  /** Dependent variable (named in a header row when `depVarRow` is set). */
  dependent?: string;
  /** Number of clusters of clustered SEs (fewer than 20 marks the column with a dagger and a note). */
  nclusters?: number;
  /** Regressors dropped as collinear or absorbed (listed in the notes). */
  omitted?: readonly string[];
}

export interface RegressionTableOptions {
  lang?: Lang;
  title?: string;
  /** Terms to show, in order; default: every term of every column in first-seen order, constant last. */
  terms?: readonly string[];
  /** Display names for terms ("dig" → "产业数字化"). */
  rename?: Readonly<Record<string, string>>;
  /** What goes in parentheses under a coefficient. */
  under?: "se" | "t";
  digits?: number;
  starLevels?: readonly number[];
  /** Show the constant row (term "_cons" or "(Intercept)"). Default true. */
  constant?: boolean;
  /** Show "Entity FE / Year FE Yes/No" rows. Default true when any column has effects. */
  effectRows?: boolean;
  /** Fold control variables into one "Controls Yes/No" row. Default false. */
  foldControls?: boolean;
  /** Header row of the dependent variable(s) above the model numbers. */
  depVarLabel?: string;
  /** Extra note lines. */
  notes?: readonly string[];
  /** Variable labels (index display names, renames) for terms and dependent variables; `rename` wins. */
  labels?: VariableLabels;
  /** A header row naming each column's dependent variable (from `TableColumn.dependent`). */
  depVarRow?: boolean;
  /** Columns with fewer clusters than this get a dagger and a note (default 20; 0 turns it off). */
  fewClusters?: number;
}

function r2Label(kind: TableColumn["rsquaredKind"], lang: Lang): string {
  switch (kind) {
    case "within": return tableLabel("r2within", lang);
    case "lsdv": return tableLabel("r2lsdv", lang);
    case "overall": return tableLabel("r2overall", lang);
    case "between": return tableLabel("r2between", lang);
    case "adjusted": return tableLabel("r2adjusted", lang);
    default: return tableLabel("r2", lang);
  }
}

/**
 * A multi-column regression table in the layout of economics papers (Stata esttab / outreg2):
 * a coefficient row with stars and a row with the SE (or t) in parentheses per term, then
 * optional "Controls", "Entity FE", "Year FE" rows, N, R² and groups, and a note with the star
 * levels and the SE type. Returns a format-neutral table model (render with toGrid/toText/toCsv).
 */
export function regressionTable(columns: readonly TableColumn[], options: RegressionTableOptions = {}): TableModel {
  const lang = options.lang ?? "en";
  const digits = options.digits ?? 3;
  const levels = options.starLevels ?? DEFAULT_STAR_LEVELS;
  const under = options.under ?? "se";
  const labels: VariableLabels = { ...(options.labels ?? {}), ...(options.rename ?? {}) };
  const name = (t: string) => termLabel(t, labels, lang);
  const fold = options.foldControls ?? false;
  const controlSet = new Set(fold ? columns.flatMap((c) => c.controls ?? []) : []);
  const fewAt = options.fewClusters ?? 20;
  const few = columns.map((c) => c.nclusters !== undefined && c.nclusters < fewAt);

  const seen: string[] = [];
  for (const c of columns) for (const t of Object.keys(c.params)) if (!seen.includes(t)) seen.push(t);
  let terms = options.terms ? [...options.terms] : seen.filter((t) => !CONSTANT_TERMS.includes(t));
  terms = terms.filter((t) => !controlSet.has(t));
  if (options.constant === false) terms = terms.filter((t) => !CONSTANT_TERMS.includes(t));
  const constantTerm = CONSTANT_TERMS.find((t) => seen.includes(t));
  if (!options.terms && options.constant !== false && constantTerm) terms.push(constantTerm);

  const header: TableCell[][] = [];
  const spanHeaderRows: number[] = [];
  if (options.depVarLabel) header.push([cell("", "header"), ...columns.map(() => cell(options.depVarLabel!, "header"))]);
  else if (options.depVarRow && columns.some((c) => c.dependent)) {
    spanHeaderRows.push(header.length);
    header.push([cell("", "header"), ...columns.map((c) => cell(c.dependent ? name(c.dependent) : "", "header"))]);
  }
  header.push([cell(tableLabel("variable", lang), "header"), ...columns.map((_, i) => cell(`(${i + 1})${few[i] ? "†" : ""}`, "header"))]);
  if (columns.some((c) => c.title)) header.push([cell("", "header"), ...columns.map((c) => cell(c.title ?? "", "header"))]);

  const body: TableCell[][] = [];
  for (const term of terms) {
    const d = columns.map((c) => Math.max(digitsFor(c.params[term], digits), digitsFor(under === "t" ? c.tstats[term] : c.stdErrors[term], digits)));
    body.push([
      cell(name(term), "label"),
      ...columns.map((c, k) => (term in c.params ? cell(fixed(c.params[term], d[k]) + stars(c.wildPvalues?.[term] ?? c.pvalues[term], levels), "coef") : cell(null, "blank"))),
    ]);
    body.push([
      cell("", "label"),
      ...columns.map((c, k) => {
        if (!(term in c.params)) return cell(null, "blank");
        const v = under === "t" ? c.tstats[term] : c.stdErrors[term];
        return Number.isFinite(v) ? cell(`(${fixed(v, d[k])})`, "se") : cell(null, "blank");
      }),
    ]);
    if (columns.some((c) => c.wildPvalues?.[term] !== undefined)) {
      body.push([
        cell("", "label"),
        ...columns.map((c) => (c.wildPvalues?.[term] !== undefined && term in c.params ? cell(`[${fixed(c.wildPvalues[term], digits)}]`, "se") : cell(null, "blank"))),
      ]);
    }
  }
  const rulesAfter = [body.length - 1];

  const yesNo = (b: boolean | undefined) => cell(b ? tableLabel("yes", lang) : tableLabel("no", lang), "stat");
  if (fold && controlSet.size > 0) {
    body.push([cell(tableLabel("controls", lang), "label"), ...columns.map((c) => ((c.controls ?? []).some((t) => t in c.params) ? cell(tableLabel("controlled", lang), "stat") : yesNo(false)))]);
  }
  const anyEffects = columns.some((c) => c.entityEffects || c.timeEffects);
  if (options.effectRows ?? anyEffects) {
    body.push([cell(tableLabel("entityFe", lang), "label"), ...columns.map((c) => yesNo(c.entityEffects))]);
    body.push([cell(tableLabel("timeFe", lang), "label"), ...columns.map((c) => yesNo(c.timeEffects))]);
  }
  body.push([cell(tableLabel("n", lang), "label"), ...columns.map((c) => cell(c.nobs, "stat", 0))]);
  // One R² row per kind, named by its kind (within for FE, overall for RE, …), blank elsewhere.
  const kinds = [...new Set(columns.filter((c) => c.rsquared !== undefined).map((c) => c.rsquaredKind))];
  for (const kind of kinds) {
    body.push([cell(r2Label(kind, lang), "label"), ...columns.map((c) => cell(c.rsquared === undefined || c.rsquaredKind !== kind ? null : fixed(c.rsquared, digits), "stat"))]);
  }
  if (columns.some((c) => c.ngroups !== undefined)) {
    body.push([cell(tableLabel("groups", lang), "label"), ...columns.map((c) => cell(c.ngroups ?? null, "stat", 0))]);
  }

  const seLabels = [...new Set(columns.map((c) => (typeof c.seLabel === "object" ? c.seLabel[lang] : c.seLabel)).filter((s): s is string => !!s))];
  const parens = tableLabel(under === "t" ? "tNote" : "seNote", lang);
  const sep = lang === "zh" ? "；" : "; ";
  const notes = [
    (seLabels.length && under === "se" ? (lang === "zh" ? `${parens}（${seLabels.join("，")}）` : `${parens} (${seLabels.join(", ")})`) : parens) + sep + starNote(levels),
    ...[wildTableNote(columns.map((c) => c.wild), lang)].filter((n): n is string => !!n),
  ];
  // Few clusters: one note naming each marked column and its number of clusters.
  const items = columns.flatMap((c, i) => (few[i] ? [tableLabel("fewClustersItem", lang, { col: i + 1, g: c.nclusters! })] : []));
  if (items.length) notes.push(tableLabel("fewClusters", lang, { list: items.join(lang === "zh" ? "，" : ", ") }));
  columns.forEach((c, i) => {
    if (c.omitted?.length) notes.push(tableLabel("omitted", lang, { col: `(${i + 1})`, terms: c.omitted.map(name).join(lang === "zh" ? "、" : ", ") }));
  });
  pushAll(notes, options.notes ?? []);
  return { title: options.title, header, body, notes, rulesAfter, ...(spanHeaderRows.length ? { spanHeaderRows } : {}) };
}
