import { Lang } from "../core/errors";
import { REGION4_LABELS, SOUTHNORTH_LABELS, normalizeProvince } from "../core/data/provinces";
import { fillTemplate } from "./template";

/**
 * The one catalogue of words that publication tables, their notes, the figures' captions and
 * the command line's table text use, in English and Simplified Chinese — so a table's language
 * is whole. (Descriptive-statistics, entropy and chart words live in labels.ts,
 * entropy-labels.ts and charts/chart-labels.ts; they are re-exported through `tableLabel` for
 * the same lookup.) Placeholders in braces are filled by `tableLabel(key, lang, vars)`.
 */
const TABLE_LABELS = {
  variable: { en: "Variable", zh: "变量" },
  constant: { en: "Constant", zh: "常数项" },
  controls: { en: "Controls", zh: "控制变量" },
  controlled: { en: "Yes", zh: "控制" },
  entityFe: { en: "Entity FE", zh: "个体固定效应" },
  timeFe: { en: "Year FE", zh: "年份固定效应" },
  n: { en: "N", zh: "样本量" },
  groups: { en: "Groups", zh: "个体数" },
  clusters: { en: "Clusters", zh: "聚类数" },
  yes: { en: "Yes", zh: "是" },
  no: { en: "No", zh: "否" },
  r2: { en: "R²", zh: "R²" },
  r2within: { en: "Within R²", zh: "组内R²" },
  r2lsdv: { en: "R² (LSDV)", zh: "LSDV R²" },
  r2overall: { en: "Overall R²", zh: "整体R²" },
  r2between: { en: "Between R²", zh: "组间R²" },
  r2adjusted: { en: "Adjusted R²", zh: "调整R²" },
  seNote: { en: "Standard errors in parentheses", zh: "括号内为标准误" },
  tNote: { en: "t statistics in parentheses", zh: "括号内为 t 值" },
  clusteredBy: { en: "clustered by {name}", zh: "按{name}聚类" },
  robust: { en: "robust", zh: "稳健标准误" },
  province: { en: "province", zh: "省份" },
  fewClusters: {
    en: "† Fewer than 20 clusters: {list}; cluster-robust standard errors and their stars are unreliable with so few clusters (a wild cluster bootstrap is safer).",
    zh: "† 聚类数少于 20：{list}；聚类数过少时聚类稳健标准误及显著性星号不可靠（宜改用 wild cluster bootstrap）。",
  },
  fewClustersItem: { en: "column ({col}) {g} clusters", zh: "第({col})列 {g} 个聚类" },
  omitted: { en: "Column {col}: {terms} omitted (collinear or absorbed by the fixed effects).", zh: "第{col}列：{terms} 被省略（共线或被固定效应吸收）。" },
  depVar: { en: "Dependent variable", zh: "被解释变量" },
  titleBaseline: { en: "Baseline", zh: "基准回归" },
  titleLagAll: { en: "Lagged regressors", zh: "滞后一期" },
  titleLagX: { en: "Lagged X", zh: "解释变量滞后一期" },
  titleRe: { en: "Random effects", zh: "随机效应" },
  groupDiff: {
    en: "Group difference in {term} ({b} − {a}): {diff} (SE {se}), p = {p}; fully interacted pooled model.",
    zh: "组间系数差异检验（{term}，{b} − {a}）：{diff}（标准误 {se}），p = {p}；方法：全交互混合模型。",
  },
  panelSheet: { en: "Panel", zh: "面板数据" },
  weightsSheet: { en: "{index} weights", zh: "{index}权重" },
  scoresSheet: { en: "{index} scores", zh: "{index}得分" },
  aboveSheet: { en: "{index} above mean", zh: "{index}高于均值" },
  weightsTitle: { en: "{index}: indicator system and weights", zh: "{index}指标体系及指标权重" },
  weightsByPeriodTitle: { en: "{index}: indicator system and weights by period", zh: "{index}指标体系及分时期指标权重" },
  scoresTitle: { en: "{index} by province and year", zh: "各省份{index}得分" },
  aboveTitle: { en: "{index}: provinces above the national mean", zh: "{index}高于全国均值的地区" },
  nationalMean: { en: "National mean", zh: "全国均值" },
  mediationTitle: { en: "{title}: indirect effect", zh: "{title}：中介效应检验" },
} as const;

export type TableLabelKey = keyof typeof TABLE_LABELS;

export function tableLabel(key: TableLabelKey, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(TABLE_LABELS[key][lang], vars);
}

/** Every entry (for tests that check both languages are present and differ where they should). */
export function allTableLabels(): Record<string, { en: string; zh: string }> {
  return TABLE_LABELS;
}

const REGIONS: Record<string, { en: string; zh: string }> = { ...REGION4_LABELS, ...SOUTHNORTH_LABELS };
const BUILTIN_TITLES: Record<string, TableLabelKey> = { Baseline: "titleBaseline", "L.regressors": "titleLagAll", "L.X": "titleLagX", RE: "titleRe" };

/**
 * A column title in the table's language: the runner's built-in titles (Baseline, L.regressors,
 * L.X, RE) and region keys (East … Northeast, South, North, in either language) are translated;
 * any other title is the user's and stays as typed.
 */
export function columnTitle(title: string | undefined, lang: Lang): string | undefined {
  if (title === undefined) return undefined;
  const key = BUILTIN_TITLES[title];
  if (key) return tableLabel(key, lang);
  const region = REGIONS[title] ?? Object.values(REGIONS).find((r) => r.zh === title);
  return region ? region[lang] : title;
}

export const CONSTANT_TERMS = ["_cons", "(Intercept)", "const"];

/** Display names of variables (column name → label), from index labels, indicator names and renames. */
export type VariableLabels = Readonly<Record<string, string>>;

/**
 * How a term prints: its label when the user gave one, "常数项"/"Constant" for the constant,
 * "L.要素创新" for `lag(fi,1)` ("L2.…" for a second lag), unless the user renamed the lagged term
 * itself.
 */
export function termLabel(term: string, labels: VariableLabels, lang: Lang): string {
  if (term in labels) return labels[term];
  if (CONSTANT_TERMS.includes(term)) return tableLabel("constant", lang);
  const lag = /^lag\((.+?),\s*(\d+)\)$/.exec(term);
  if (lag) return `L${lag[2] === "1" ? "" : lag[2]}.${termLabel(lag[1], labels, lang)}`;
  return term;
}

/**
 * The name of the cluster variable in a note: "省份"/"province" when the ids are provinces and
 * the clustering is by id, else the column's label (or its name).
 */
export function clusterName(cluster: string, ids: readonly unknown[], labels: VariableLabels, lang: Lang, idColumn?: string): string {
  if (cluster in labels) return labels[cluster];
  const sample = ids.slice(0, 50).filter((v) => v !== null && v !== undefined && v !== "");
  if ((idColumn === undefined || cluster === idColumn) && sample.length > 0 && sample.every((v) => normalizeProvince(v) !== undefined)) return tableLabel("province", lang);
  return cluster;
}
