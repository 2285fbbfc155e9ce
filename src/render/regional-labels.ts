import { Lang } from "../core/errors";
import { fillTemplate } from "./template";

/** Fixed labels of the regional-analysis tables and charts, in English and Simplified Chinese. */
const REGIONAL_LABELS = {
  entity: { en: "Entity", zh: "地区" },
  year: { en: "Year", zh: "年份" },
  group: { en: "Region", zh: "区域" },
  national: { en: "All", zh: "全国" },
  n: { en: "N", zh: "样本量" },
  C: { en: "Coupling C", zh: "耦合度 C" },
  T: { en: "Development T", zh: "综合发展指数 T" },
  D: { en: "Coordination D", zh: "耦合协调度 D" },
  meanD: { en: "Mean D", zh: "D 均值" },
  level: { en: "Level", zh: "等级" },
  levelName: { en: "Coordination level", zh: "协调等级" },
  levelOfMean: { en: "Level of mean D", zh: "均值所处等级" },
  dPlus: { en: "D⁺", zh: "D⁺" },
  dMinus: { en: "D⁻", zh: "D⁻" },
  closeness: { en: "Closeness C", zh: "贴近度 C" },
  rank: { en: "Rank", zh: "排名" },
  G: { en: "Overall G", zh: "总体基尼系数" },
  within: { en: "Within-group Gini", zh: "区域内基尼系数" },
  between: { en: "Between-group Gini", zh: "区域间基尼系数" },
  shares: { en: "Contribution (%)", zh: "贡献率（%）" },
  Gw: { en: "Within", zh: "区域内" },
  Gnb: { en: "Between", zh: "区域间" },
  Gt: { en: "Transvariation", zh: "超变密度" },
  theilTotal: { en: "Theil T", zh: "泰尔指数" },
  theilWithin: { en: "Within", zh: "区域内" },
  theilBetween: { en: "Between", zh: "区域间" },
  theilWithinShare: { en: "Within share (%)", zh: "区域内贡献率（%）" },
  theilBetweenShare: { en: "Between share (%)", zh: "区域间贡献率（%）" },
  x: { en: "x", zh: "x" },
  density: { en: "Density", zh: "核密度" },
  bandwidth: { en: "Bandwidth", zh: "带宽" },
  couplingNote: { en: "C = n·(∏U)^(1/n)/ΣU, T = Σα·U (α = {alpha}), D = √(C·T); levels are bands of width 0.1 of D, a boundary value in the upper band.", zh: "C = n·(∏U)^(1/n)/ΣU，T = Σα·U（α = {alpha}），D = √(C·T)；等级按 D 每 0.1 一档划分，边界值归入上一档。" },
  dagumNote: { en: "Dagum (1997) decomposition of the Gini coefficient of {variable}: G = Gw + Gnb + Gt; between-group pairs name the group with the higher mean first.", zh: "{variable} 的 Dagum（1997）基尼系数分解：G = Gw + Gnb + Gt；区域间组合中均值较高的区域在前。" },
  densityNote: { en: "Gaussian kernel, bandwidth 0.9·min(sd, IQR/1.34)·n^(−1/5) (R bw.nrd0), evaluated exactly on {points} points from min − 3h to max + 3h.", zh: "高斯核，带宽 0.9·min(sd, IQR/1.34)·n^(−1/5)（R bw.nrd0），在 min − 3h 至 max + 3h 的 {points} 个点上精确计算。" },
  topsisNote: { en: "Entropy-TOPSIS: x′ standardised as the entropy method, v = w·x′ with entropy weights ({mode}); C = D⁻/(D⁺ + D⁻); rank 1 = best within the year.", zh: "熵权 TOPSIS：x′ 按熵值法标准化，v = w·x′，权重为熵值法权重（{mode}）；C = D⁻/(D⁺ + D⁻)；排名在当年内，1 为最优。" },
  couplingChart: { en: "Coupling coordination degree D by region", zh: "分区域耦合协调度 D" },
  dagumChart: { en: "Contributions to the Gini coefficient", zh: "基尼系数的来源贡献率" },
  densityChart: { en: "Kernel density of {variable}", zh: "{variable} 的核密度" },
  share: { en: "Share (%)", zh: "贡献率（%）" },
} as const;

export type RegionalLabelKey = keyof typeof REGIONAL_LABELS;

export function regionalLabel(key: RegionalLabelKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillTemplate(REGIONAL_LABELS[key][lang], values);
}

export function allRegionalLabels(): Record<string, { en: string; zh: string }> {
  return REGIONAL_LABELS;
}
