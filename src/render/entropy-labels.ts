import { Lang } from "../core/errors";

/** Fixed labels of the entropy tables (weights, scores, above-mean lists), in English and Simplified Chinese. */
const ENTROPY_LABELS = {
  indicator: { en: "Indicator", zh: "指标" },
  direction: { en: "Direction", zh: "方向" },
  e: { en: "Entropy e", zh: "信息熵 e" },
  d: { en: "Redundancy d", zh: "冗余度 d" },
  w: { en: "Weight w", zh: "权重 w" },
  level1: { en: "Level 1", zh: "一级指标" },
  level2: { en: "Level 2", zh: "二级指标" },
  level3: { en: "Level 3", zh: "三级指标" },
  pos: { en: "+", zh: "正向" },
  neg: { en: "−", zh: "负向" },
  score: { en: "Score", zh: "得分" },
  year: { en: "Year", zh: "年份" },
  entity: { en: "Entity", zh: "地区" },
  mean: { en: "Year mean", zh: "当年均值" },
  every: { en: "Every year", zh: "各年均高于均值" },
} as const;

export type EntropyLabelKey = keyof typeof ENTROPY_LABELS;

export function entropyLabel(key: EntropyLabelKey, lang: Lang): string {
  return ENTROPY_LABELS[key][lang];
}
