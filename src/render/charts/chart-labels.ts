import type { Lang } from "../../core/errors";
import { fillTemplate } from "../template";

/** Fixed words of the charts and their data blocks, in English and Simplified Chinese. */
const LABELS = {
  eventSheet: { en: "Event study chart", zh: "事件研究图" },
  eventTitle: { en: "Event study: {y}", zh: "事件研究：{y}" },
  relTime: { en: "Periods relative to treatment", zh: "相对政策实施的期数" },
  coefficient: { en: "Coefficient (95% CI)", zh: "系数（95% 置信区间）" },
  /** The event study's y axis when no estimator has intervals (exact fit). */
  coefficientNoCi: { en: "Coefficient", zh: "系数" },
  rel: { en: "Relative time", zh: "相对时间" },
  estimate: { en: "Estimate", zh: "估计值" },
  se: { en: "SE", zh: "标准误" },
  ciLow: { en: "CI low", zh: "置信区间下限" },
  ciHigh: { en: "CI high", zh: "置信区间上限" },
  p: { en: "p", zh: "p 值" },
  twfe: { en: "TWFE", zh: "TWFE" },
  sa: { en: "Sun–Abraham", zh: "Sun–Abraham" },
  ciOf: { en: "{name} {level}% CI", zh: "{name} {level}% 置信区间" },
  xOf: { en: "x ({name})", zh: "横轴（{name}）" },
  reference: { en: "Reference period (t = {ref})", zh: "基期（t = {ref}）" },
  zero: { en: "Zero", zh: "零线" },
  chartData: { en: "Chart data", zh: "绘图数据" },
  period: { en: "Period", zh: "期数" },
  lower: { en: "(lower)", zh: "（下限）" },
  upper: { en: "(upper)", zh: "（上限）" },
  preTrend: { en: "Pre-trend test ({name}, all leads = 0): F({df1}, {df2}) = {F}, p = {p}.", zh: "平行趋势检验（{name}，前置期系数全为 0）：F({df1}, {df2}) = {F}，p = {p}。" },
  binned: { en: "Endpoints are binned: {lo} includes every earlier period and {hi} every later one. The reference period {ref} is omitted (coefficient 0). Controls: {controls}. Never-treated units are the controls ({control}).", zh: "端点合并：{lo} 包含更早的所有期，{hi} 包含更晚的所有期。基期 {ref} 省略（系数为 0）。控制变量：{controls}。对照组：{control}。" },
  neverTreated: { en: "never-treated", zh: "从未处理的个体" },
  lastTreated: { en: "last-treated cohort before its treatment", zh: "最后一批处理个体（处理前）" },
  noControls: { en: "none", zh: "无" },
  seNote: { en: "Two-way fixed effects; {level}% confidence intervals from SEs clustered by {cluster}.", zh: "双向固定效应；{level}% 置信区间基于按{cluster}聚类的标准误。" },
  placeboSheet: { en: "Placebo test chart", zh: "安慰剂检验图" },
  placeboTitle: { en: "Placebo test: {n} random reassignments", zh: "安慰剂检验：{n} 次随机分配" },
  placeboX: { en: "Placebo DID estimate", zh: "安慰剂 DID 估计值" },
  frequency: { en: "Frequency", zh: "频数" },
  binFrom: { en: "Bin from", zh: "组下限" },
  binTo: { en: "Bin to", zh: "组上限" },
  binMid: { en: "Bin centre", zh: "组中值" },
  placeboCount: { en: "Placebo estimates", zh: "安慰剂估计值" },
  realEstimate: { en: "Real estimate ({value})", zh: "真实估计值（{value}）" },
  placeboNote: { en: "Real DID estimate {value} (the vertical line). Placebo estimates: mean {mean}, SD {sd}; share at least as large in absolute value (randomization p, two-sided) = {p}. {n} permutations, seed {seed}{failed}.", zh: "真实 DID 估计值 {value}（图中竖线）。安慰剂估计值：均值 {mean}，标准差 {sd}；绝对值不小于真实值的比例（随机化 p 值，双侧）= {p}。置换 {n} 次，种子 {seed}{failed}。" },
  placeboP: { en: " (randomization p = {p})", zh: "（随机化 p 值 = {p}）" },
  placeboFailed: { en: "; {k} permutation(s) failed and are left out", zh: "；{k} 次置换失败，已剔除" },
  trendSheet: { en: "Index trends chart", zh: "指数趋势图" },
  trendTitle: { en: "{index} by {grouping}, mean per year", zh: "{index}：按{grouping}的年度均值" },
  year: { en: "Year", zh: "年份" },
  national: { en: "National", zh: "全国" },
  meanOf: { en: "Mean of {index}", zh: "{index} 均值" },
  trendNote: { en: "Unweighted mean of {index} over the provinces in each group and year ({n} province-years; blanks skipped).", zh: "各组各年份省份 {index} 的简单平均（共 {n} 个省份-年份观测，缺失值跳过）。" },
  groupRegion4: { en: "region", zh: "区域" },
  groupSouthNorth: { en: "south/north", zh: "南北" },
  groupNone: { en: "year", zh: "年份" },
  mapSheet: { en: "Index map", zh: "指数地图" },
  mapTitle: { en: "{index}, {year}", zh: "{index}（{year} 年）" },
  province: { en: "Province", zh: "省份" },
  country: { en: "Country", zh: "国家" },
  geo: { en: "Province (map)", zh: "省份（地图）" },
  mapNote: { en: "Provinces sorted by {index} in {year}. A filled map where Excel can draw one (region map chart; the map service needs the English names in column C), otherwise a sorted bar chart.", zh: "按 {year} 年 {index} 排序的省份。Excel 支持时绘制填充地图（地图图表；地图服务使用 C 列的英文名称），否则绘制排序条形图。" },
  mapFallbackTitle: { en: "{index}, {year} (sorted)", zh: "{index}（{year} 年，排序）" },
} as const;

export type ChartLabel = keyof typeof LABELS;

export function chartLabel(key: ChartLabel, lang: Lang, vars: Record<string, string | number> = {}): string {
  return fillTemplate(LABELS[key][lang], vars);
}

export function allChartLabels(): Record<string, { en: string; zh: string }> {
  return LABELS;
}

/** A number for a note line: 4 significant decimals, "−" for minus. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return "—";
  const s = Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(digits) : v.toExponential(2);
  return s.replace(/^-/, "−");
}
