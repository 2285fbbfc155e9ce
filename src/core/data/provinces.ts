/**
 * The 31 provincial-level divisions of mainland China: canonical short name, NBS 2-digit
 * code, full name, English name, NBS four-region group and the South/North split by the
 * Qinling–Huaihe line.
 *
 * Regions (NBS, 国家统计局 东中西部和东北地区划分, 2011): East 10, Central 6, West 12, Northeast 3.
 * South 16 / North 15: provinces wholly or mostly south of the Qinling–Huaihe line are South
 * (上海 江苏 浙江 安徽 福建 江西 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏); the rest North.
 * 江苏 and 安徽 straddle the line and are counted South, the usual convention in the literature.
 */
import { inputError } from "../errors";
export type Region4 = "East" | "Central" | "West" | "Northeast";
export type SouthNorth = "South" | "North";

export interface Province {
  name: string;
  code: number;
  full: string;
  english: string;
  region: Region4;
  southNorth: SouthNorth;
}

const P = (name: string, code: number, full: string, english: string, region: Region4, southNorth: SouthNorth): Province => ({ name, code, full, english, region, southNorth });

export const PROVINCES: readonly Province[] = [
  P("北京", 11, "北京市", "Beijing", "East", "North"),
  P("天津", 12, "天津市", "Tianjin", "East", "North"),
  P("河北", 13, "河北省", "Hebei", "East", "North"),
  P("山西", 14, "山西省", "Shanxi", "Central", "North"),
  P("内蒙古", 15, "内蒙古自治区", "Inner Mongolia", "West", "North"),
  P("辽宁", 21, "辽宁省", "Liaoning", "Northeast", "North"),
  P("吉林", 22, "吉林省", "Jilin", "Northeast", "North"),
  P("黑龙江", 23, "黑龙江省", "Heilongjiang", "Northeast", "North"),
  P("上海", 31, "上海市", "Shanghai", "East", "South"),
  P("江苏", 32, "江苏省", "Jiangsu", "East", "South"),
  P("浙江", 33, "浙江省", "Zhejiang", "East", "South"),
  P("安徽", 34, "安徽省", "Anhui", "Central", "South"),
  P("福建", 35, "福建省", "Fujian", "East", "South"),
  P("江西", 36, "江西省", "Jiangxi", "Central", "South"),
  P("山东", 37, "山东省", "Shandong", "East", "North"),
  P("河南", 41, "河南省", "Henan", "Central", "North"),
  P("湖北", 42, "湖北省", "Hubei", "Central", "South"),
  P("湖南", 43, "湖南省", "Hunan", "Central", "South"),
  P("广东", 44, "广东省", "Guangdong", "East", "South"),
  P("广西", 45, "广西壮族自治区", "Guangxi", "West", "South"),
  P("海南", 46, "海南省", "Hainan", "East", "South"),
  P("重庆", 50, "重庆市", "Chongqing", "West", "South"),
  P("四川", 51, "四川省", "Sichuan", "West", "South"),
  P("贵州", 52, "贵州省", "Guizhou", "West", "South"),
  P("云南", 53, "云南省", "Yunnan", "West", "South"),
  P("西藏", 54, "西藏自治区", "Tibet", "West", "South"),
  P("陕西", 61, "陕西省", "Shaanxi", "West", "North"),
  P("甘肃", 62, "甘肃省", "Gansu", "West", "North"),
  P("青海", 63, "青海省", "Qinghai", "West", "North"),
  P("宁夏", 64, "宁夏回族自治区", "Ningxia", "West", "North"),
  P("新疆", 65, "新疆维吾尔自治区", "Xinjiang", "West", "North"),
];

export const REGION4_LABELS: Record<Region4, { en: string; zh: string }> = {
  East: { en: "East", zh: "东部" },
  Central: { en: "Central", zh: "中部" },
  West: { en: "West", zh: "西部" },
  Northeast: { en: "Northeast", zh: "东北" },
};
export const SOUTHNORTH_LABELS: Record<SouthNorth, { en: string; zh: string }> = { South: { en: "South", zh: "南方" }, North: { en: "North", zh: "北方" } };

/** Non-province rows a yearbook sheet may carry (national totals). */
export const NATIONAL_TOTALS = ["全国", "全国合计", "全国总计", "中国", "合计", "总计", "national", "total", "china", "nationaltotal", "nationwide"];

const ALIASES = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const a of [p.name, p.full, p.english, String(p.code)]) ALIASES.set(normaliseKey(a), p);
}
// Other spellings in circulation.
const EXTRA: [string, string][] = [["Nei Mongol", "内蒙古"], ["Inner Mongolia Autonomous Region", "内蒙古"], ["Xizang", "西藏"], ["Tibet Autonomous Region", "西藏"], ["Guangxi Zhuang Autonomous Region", "广西"], ["Ningxia Hui Autonomous Region", "宁夏"], ["Xinjiang Uygur Autonomous Region", "新疆"], ["Xinjiang Uyghur Autonomous Region", "新疆"], ["Shensi", "陕西"], ["Peking", "北京"], ["Heilongkiang", "黑龙江"]];
for (const [alias, name] of EXTRA) ALIASES.set(normaliseKey(alias), PROVINCES.find((p) => p.name === name)!);

function normaliseKey(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000·・]/g, "")
    .toLowerCase()
    .replace(/(province|municipality|autonomousregion|sheng|shi)$/, "");
}

/**
 * A province from any common spelling: 北京 / 北京市 / Beijing / 11, full-width characters,
 * spaces, "省/市/自治区" suffixes, "Inner Mongolia" / "Nei Mongol". Undefined when unknown —
 * callers refuse the name with its place rather than guess.
 */
export function normalizeProvince(name: unknown): Province | undefined {
  if (name === null || name === undefined) return undefined;
  const key = normaliseKey(String(name));
  const direct = ALIASES.get(key);
  if (direct) return direct;
  // Strip a trailing 省 / 市 / 自治区 / 壮族自治区 … and try again.
  const stripped = key.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, "");
  return ALIASES.get(stripped);
}

export function isNationalTotal(name: unknown): boolean {
  return NATIONAL_TOTALS.includes(normaliseKey(String(name ?? "")));
}

/** A grouping scheme for heterogeneity tables: NBS four regions or South/North (Qinling–Huaihe). */
export type RegionScheme = "region4" | "southNorth";

export interface RegionGroup {
  key: string;
  en: string;
  zh: string;
  /** Canonical short names, in NBS code order. */
  members: string[];
}

/**
 * The groups of a scheme with English and Chinese labels and their member provinces
 * (canonical short names): region4 → East 10, Central 6, West 12, Northeast 3;
 * southNorth → South 16, North 15 (lists in the header comment of this file).
 */
export function regionGroups(scheme: RegionScheme): RegionGroup[] {
  const labels: Record<string, { en: string; zh: string }> = scheme === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS;
  return Object.entries(labels).map(([key, l]) => ({
    key,
    en: l.en,
    zh: l.zh,
    members: PROVINCES.filter((p) => (scheme === "region4" ? p.region : p.southNorth) === key).map((p) => p.name),
  }));
}

/** Region labels of one province keyed by its canonical short name (undefined for an unknown name). */
export function provinceRegions(name: string): { region4: Region4; southNorth: SouthNorth } | undefined {
  const p = normalizeProvince(name);
  return p ? { region4: p.region, southNorth: p.southNorth } : undefined;
}

/**
 * The region label (in `lang`) of every id, for a grouping column: NBS four regions or
 * South/North. A name that is not one of the 31 provinces is an error naming its row and column.
 */
export function regionLabels(
  ids: readonly (string | null)[], column: string, scheme: "region4" | "southnorth", lang: "en" | "zh",
  hint: { en: string; zh: string } = { en: "", zh: "" },
  /** The table of `ids`, so a CSV row is named by its line in the file. */
  table?: { rowNumbers?: Int32Array },
): string[] {
  const labels: Record<string, { en: string; zh: string }> = scheme === "region4" ? REGION4_LABELS : SOUTHNORTH_LABELS;
  const rowOf = (i: number) => (table?.rowNumbers && i < table.rowNumbers.length ? table.rowNumbers[i] : i + 2);
  return ids.map((name, i) => {
    const p = normalizeProvince(name);
    if (!p) {
      throw inputError(
        `Row ${rowOf(i)}: '${name}' in column '${column}' is not a province name EconSheet knows, so it has no region.${hint.en}`,
        `第 ${rowOf(i)} 行：列 '${column}' 中的 '${name}' 不是可识别的省份名称，无法归入区域。${hint.zh}`,
      );
    }
    return labels[scheme === "region4" ? p.region : p.southNorth][lang];
  });
}
