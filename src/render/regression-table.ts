import { Lang } from "../core/errors";
import { TableModel, TableCell, cell } from "./table-model";
import { fixed } from "./format";
import { stars, starNote, DEFAULT_STAR_LEVELS } from "./stars";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { wildTableNote } from "./wild-labels";

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
}

const TEXT = {
  variable: { en: "Variable", zh: "变量" },
  constant: { en: "Constant", zh: "常数项" },
  controls: { en: "Controls", zh: "控制变量" },
  entityFe: { en: "Entity FE", zh: "个体固定效应" },
  timeFe: { en: "Year FE", zh: "年份固定效应" },
  n: { en: "N", zh: "样本量" },
  groups: { en: "Groups", zh: "个体数" },
  yes: { en: "Yes", zh: "是" },
  no: { en: "No", zh: "否" },
  r2: { en: "R²", zh: "R²" },
  r2within: { en: "Within R²", zh: "组内 R²" },
  r2lsdv: { en: "R² (LSDV)", zh: "R²（LSDV）" },
  r2overall: { en: "Overall R²", zh: "整体 R²" },
  r2between: { en: "Between R²", zh: "组间 R²" },
  r2adjusted: { en: "Adjusted R²", zh: "调整 R²" },
  seNote: { en: "Standard errors in parentheses", zh: "括号内为标准误" },
  tNote: { en: "t statistics in parentheses", zh: "括号内为 t 值" },
} as const;

const CONSTANT_TERMS = ["_cons", "(Intercept)", "const"];

function r2Label(kind: TableColumn["rsquaredKind"], lang: Lang): string {
  switch (kind) {
    case "within": return TEXT.r2within[lang];
    case "lsdv": return TEXT.r2lsdv[lang];
    case "overall": return TEXT.r2overall[lang];
    case "between": return TEXT.r2between[lang];
    case "adjusted": return TEXT.r2adjusted[lang];
    default: return TEXT.r2[lang];
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
  const rename = options.rename ?? {};
  const fold = options.foldControls ?? false;
  const controlSet = new Set(fold ? columns.flatMap((c) => c.controls ?? []) : []);

  const seen: string[] = [];
  for (const c of columns) for (const t of Object.keys(c.params)) if (!seen.includes(t)) seen.push(t);
  let terms = options.terms ? [...options.terms] : seen.filter((t) => !CONSTANT_TERMS.includes(t));
  terms = terms.filter((t) => !controlSet.has(t));
  const constantTerm = CONSTANT_TERMS.find((t) => seen.includes(t));
  if (!options.terms && options.constant !== false && constantTerm) terms.push(constantTerm);

  const header: TableCell[][] = [];
  if (options.depVarLabel) header.push([cell("", "header"), ...columns.map(() => cell(options.depVarLabel!, "header"))]);
  header.push([cell(TEXT.variable[lang], "header"), ...columns.map((_, i) => cell(`(${i + 1})`, "header"))]);
  if (columns.some((c) => c.title)) header.push([cell("", "header"), ...columns.map((c) => cell(c.title ?? "", "header"))]);

  const body: TableCell[][] = [];
  for (const term of terms) {
    const name = CONSTANT_TERMS.includes(term) ? (rename[term] ?? TEXT.constant[lang]) : (rename[term] ?? term);
    body.push([
      cell(name, "label"),
      ...columns.map((c) => (term in c.params ? cell(fixed(c.params[term], digits) + stars(c.wildPvalues?.[term] ?? c.pvalues[term], levels), "coef") : cell(null, "blank"))),
    ]);
    body.push([
      cell("", "label"),
      ...columns.map((c) => {
        if (!(term in c.params)) return cell(null, "blank");
        const v = under === "t" ? c.tstats[term] : c.stdErrors[term];
        return Number.isFinite(v) ? cell(`(${fixed(v, digits)})`, "se") : cell(null, "blank");
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

  const yesNo = (b: boolean | undefined) => cell(b ? TEXT.yes[lang] : TEXT.no[lang], "stat");
  if (fold && controlSet.size > 0) {
    body.push([cell(TEXT.controls[lang], "label"), ...columns.map((c) => yesNo((c.controls ?? []).some((t) => t in c.params)))]);
  }
  const anyEffects = columns.some((c) => c.entityEffects || c.timeEffects);
  if (options.effectRows ?? anyEffects) {
    body.push([cell(TEXT.entityFe[lang], "label"), ...columns.map((c) => yesNo(c.entityEffects))]);
    body.push([cell(TEXT.timeFe[lang], "label"), ...columns.map((c) => yesNo(c.timeEffects))]);
  }
  body.push([cell(TEXT.n[lang], "label"), ...columns.map((c) => cell(c.nobs, "stat", 0))]);
  if (columns.some((c) => c.rsquared !== undefined)) {
    const kinds = [...new Set(columns.map((c) => c.rsquaredKind))];
    const labelText = kinds.length === 1 ? r2Label(kinds[0], lang) : TEXT.r2[lang];
    body.push([cell(labelText, "label"), ...columns.map((c) => cell(c.rsquared === undefined ? null : fixed(c.rsquared, digits), "stat"))]);
  }
  if (columns.some((c) => c.ngroups !== undefined)) {
    body.push([cell(TEXT.groups[lang], "label"), ...columns.map((c) => cell(c.ngroups ?? null, "stat", 0))]);
  }

  const seLabels = [...new Set(columns.map((c) => (typeof c.seLabel === "object" ? c.seLabel[lang] : c.seLabel)).filter((s): s is string => !!s))];
  const parens = under === "t" ? TEXT.tNote[lang] : TEXT.seNote[lang];
  const sep = lang === "zh" ? "；" : "; ";
  const notes = [
    (seLabels.length && under === "se" ? (lang === "zh" ? `${parens}（${seLabels.join("，")}）` : `${parens} (${seLabels.join(", ")})`) : parens) + sep + starNote(levels),
    ...[wildTableNote(columns.map((c) => c.wild), lang)].filter((n): n is string => !!n),
    ...(options.notes ?? []),
  ];
  return { title: options.title, header, body, notes, rulesAfter };
}
