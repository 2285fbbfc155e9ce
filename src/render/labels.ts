import { Lang } from "../core/errors";

/** Every fixed label a rendered table uses, in English and Simplified Chinese. */
const LABELS = {
  variable: { en: "Variable", zh: "变量" },
  n: { en: "N", zh: "样本量" },
  mean: { en: "Mean", zh: "均值" },
  sd: { en: "SD", zh: "标准差" },
  min: { en: "Min", zh: "最小值" },
  max: { en: "Max", zh: "最大值" },
  median: { en: "Median", zh: "中位数" },
  p25: { en: "P25", zh: "25%分位数" },
  p75: { en: "P75", zh: "75%分位数" },
  skewness: { en: "Skewness", zh: "偏度" },
  kurtosis: { en: "Kurtosis", zh: "峰度" },
  sdBetween: { en: "SD between", zh: "组间标准差" },
  sdWithin: { en: "SD within", zh: "组内标准差" },
  nMissing: { en: "Missing", zh: "缺失" },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}
