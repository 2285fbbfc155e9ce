/**
 * Writes the bundled SYNTHETIC yearbook workbook sample/yearbook.xlsx and the indicator
 * hierarchy sample/indicators.json. Run: `npx tsx scripts/make-sample.ts`.
 *
 * The data are made up (seedrandom, fixed seed) and shaped like a provincial statistical
 * yearbook download: one sheet per indicator, a title row, a "单位：…" row, a header of
 * "2003年"…"2023年", a 全国 row, 31 provinces under their full names (北京市, 内蒙古自治区 …),
 * a few "—" cells and footnotes. The data-generating process is documented in sample/README.md.
 * Reproducible: the same seed gives the same values; the workbook's created/modified dates are
 * fixed, so the files differ only by the zip entries' timestamps.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import seedrandom from "seedrandom";
import { PROVINCES } from "../src/core/data/provinces";

export const SEED = "econsheet-yearbook-sample-v1";
export const FIRST_YEAR = 2003;
export const LAST_YEAR = 2023;
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

type Latent = "F" | "R" | "D" | "hq" | "pcgdp" | "urb" | "open" | "gov" | "fin";

interface IndicatorDef {
  /** Sheet name = indicator name in the tidy panel. */
  name: string;
  en: string;
  unit: string;
  direction: "+" | "-";
  /** Latent driver and the values at latent 0 and 1 (lo, hi; swapped roles for negative indicators). */
  latent: Latent;
  lo: number;
  hi: number;
  decimals: number;
  /** Multiplicative noise (sd of a log factor) per province-year and per province. */
  noise: number;
  provinceNoise: number;
}

interface GroupDef {
  name: string;
  en: string;
  indicators: IndicatorDef[];
}

interface IndexDef {
  name: string;
  label: string;
  labelEn: string;
  groups: GroupDef[];
}

const I = (name: string, en: string, unit: string, direction: "+" | "-", latent: Latent, lo: number, hi: number, decimals = 2, noise = 0.04, provinceNoise = 0.1): IndicatorDef => ({
  name, en, unit, direction, latent, lo, hi, decimals, noise, provinceNoise,
});

/** Three composite indices built by the entropy method: index → level-2 group → indicator (direction). */
export const INDICES: IndexDef[] = [
  {
    name: "fi", label: "要素创新", labelEn: "Factor innovation",
    groups: [
      { name: "劳动力创新", en: "Labour", indicators: [
        I("每万人R&D人员全时当量", "R&D personnel (FTE) per 10,000 people", "人年/万人", "+", "F", 3, 80),
        I("每十万人口高校在校生数", "Tertiary students per 100,000 people", "人", "+", "F", 800, 5500, 0),
        I("城镇登记失业率", "Registered urban unemployment rate", "%", "-", "F", 2.0, 4.5, 2, 0.05, 0.08),
      ] },
      { name: "资本创新", en: "Capital", indicators: [
        I("R&D经费投入强度", "R&D expenditure / GDP", "%", "+", "F", 0.2, 6.5),
        I("科技支出占财政支出比重", "Science & technology share of public expenditure", "%", "+", "F", 0.5, 7),
        I("人均资本存量", "Capital stock per capita", "万元/人", "+", "F", 1.5, 30),
      ] },
      { name: "技术创新", en: "Technology", indicators: [
        I("每万人发明专利授权数", "Invention patents granted per 10,000 people", "件/万人", "+", "F", 0.05, 40),
        I("技术市场成交额占GDP比重", "Technology market turnover / GDP", "%", "+", "F", 0.05, 15),
        I("单位GDP能耗", "Energy use per unit of GDP", "吨标准煤/万元", "-", "F", 0.25, 2.5, 3),
      ] },
    ],
  },
  {
    name: "rcd", label: "区域协调发展", labelEn: "Regional coordinated development",
    groups: [
      { name: "城乡协调", en: "Urban-rural", indicators: [
        I("城乡居民收入比", "Urban / rural per-capita income", "倍", "-", "R", 1.8, 3.8, 2, 0.03, 0.06),
        I("城乡居民消费支出比", "Urban / rural per-capita consumption", "倍", "-", "R", 1.6, 3.5, 2, 0.03, 0.06),
      ] },
      { name: "区域协调", en: "Inter-regional", indicators: [
        I("人均GDP相对差距", "Gap of GDP per capita to the national mean", "%", "-", "R", 5, 70, 2, 0.08, 0.15),
      ] },
      { name: "公共服务均等", en: "Public services", indicators: [
        I("人均教育支出", "Education expenditure per capita", "元", "+", "R", 600, 6000, 0),
        I("每千人医疗卫生机构床位数", "Hospital beds per 1,000 people", "张", "+", "R", 2.5, 8),
      ] },
      { name: "基础设施与生态", en: "Infrastructure and ecology", indicators: [
        I("公路网密度", "Road density", "公里/百平方公里", "+", "R", 5, 200, 2, 0.04, 0.3),
        I("森林覆盖率", "Forest coverage", "%", "+", "R", 5, 65, 2, 0.02, 0.35),
      ] },
    ],
  },
  {
    name: "dig", label: "产业数字化", labelEn: "Industrial digitization",
    groups: [
      { name: "数字基础设施", en: "Digital infrastructure", indicators: [
        I("每百人互联网宽带接入用户数", "Broadband subscribers per 100 people", "户/百人", "+", "D", 1, 45),
        I("移动电话普及率", "Mobile phones per 100 people", "部/百人", "+", "D", 20, 180),
      ] },
      { name: "数字化应用", en: "Digital adoption", indicators: [
        I("有电子商务交易活动的企业比重", "Share of firms trading online", "%", "+", "D", 3, 20),
        I("电子商务销售额占GDP比重", "E-commerce sales / GDP", "%", "+", "D", 1, 60),
      ] },
      { name: "数字产业", en: "Digital industry", indicators: [
        I("软件和信息技术服务业收入占GDP比重", "Software and IT services revenue / GDP", "%", "+", "D", 0.05, 15),
        I("数字普惠金融指数", "Digital financial inclusion index", "指数", "+", "D", 30, 460, 2, 0.03, 0.05),
      ] },
    ],
  },
];

interface PlainDef {
  name: string;
  en: string;
  unit: string;
  latent: Latent;
  decimals: number;
  role: "outcome" | "control";
  /** Written as text with thousands separators ("12,345"), as some yearbook downloads do. */
  asText?: boolean;
}

export const OUTCOMES: PlainDef[] = [
  { name: "全要素生产率", en: "Total factor productivity (high-quality development proxy)", unit: "指数", latent: "hq", decimals: 4, role: "outcome" },
  { name: "人均地区生产总值", en: "GDP per capita", unit: "元", latent: "pcgdp", decimals: 0, role: "outcome", asText: true },
];
export const CONTROLS: PlainDef[] = [
  { name: "城镇化率", en: "Urbanisation rate", unit: "%", latent: "urb", decimals: 2, role: "control" },
  { name: "对外开放度", en: "Openness (imports + exports) / GDP", unit: "%", latent: "open", decimals: 2, role: "control" },
  { name: "政府支出占GDP比重", en: "Government expenditure / GDP", unit: "%", latent: "gov", decimals: 2, role: "control" },
  { name: "金融发展水平", en: "Financial development (deposits + loans) / GDP", unit: "倍", latent: "fin", decimals: 3, role: "control" },
];

/** Cells printed as "—" (not available), by indicator: [province short name, year]. */
export const DASHES: Record<string, [string, number][]> = {
  每万人发明专利授权数: [["西藏", 2003], ["西藏", 2004]],
  技术市场成交额占GDP比重: [["西藏", 2003]],
  科技支出占财政支出比重: [["新疆", 2019]],
  电子商务销售额占GDP比重: [["青海", 2010]],
  有电子商务交易活动的企业比重: [["海南", 2015]],
  软件和信息技术服务业收入占GDP比重: [["宁夏", 2008], ["西藏", 2012]],
};

/** Coefficients of the outcome equation (see sample/README.md). */
export const DGP = { hq: { F: 0.6, R: 0.3, D: 0.5, urb: 0.3, open: 0.1, gov: -0.4, fin: 0.03 }, D: { F: 0.5 } };

type Panel = Record<Latent, number[][]>; // [province][year]

function simulate(): Panel {
  const rng = seedrandom(SEED);
  const normal = () => {
    let u = 0;
    while (u === 0) u = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const T = LAST_YEAR - FIRST_YEAR + 1;
  const panel = Object.fromEntries((["F", "R", "D", "hq", "pcgdp", "urb", "open", "gov", "fin"] as Latent[]).map((k) => [k, [] as number[][]])) as Panel;
  for (const p of PROVINCES) {
    const regionLevel = { East: 0.45, Northeast: 0.2, Central: 0.1, West: 0 }[p.region];
    const dev = Math.min(1, Math.max(0, regionLevel + 0.12 * normal() + (["北京", "上海"].includes(p.name) ? 0.35 : 0)));
    const gF = 0.014 + 0.008 * rng();
    const gR = 0.008 + 0.006 * rng();
    const gD = 0.018 + 0.01 * rng();
    const alpha = 0.1 * normal();
    const rows = Object.fromEntries(Object.keys(panel).map((k) => [k, [] as number[]])) as Record<Latent, number[]>;
    let uF = 0;
    let uD = 0;
    for (let t = 0; t < T; t++) {
      uF = 0.5 * uF + 0.04 * normal(); // persistent innovation shocks
      const F = 0.1 + 0.35 * dev + gF * t + uF;
      const R = 0.25 + 0.25 * dev + gR * t + 0.04 * normal();
      uD = 0.5 * uD + 0.06 * normal();
      const D = 0.02 + DGP.D.F * F + 0.1 * dev + gD * t + uD;
      const urb = 0.3 + 0.3 * dev + 0.011 * t + 0.01 * normal();
      const open = (0.08 + 0.7 * dev * dev + (p.region === "East" ? 0.1 : 0)) * Math.exp(0.15 * normal());
      const gov = 0.28 - 0.15 * dev + 0.003 * t + 0.015 * normal() + (p.name === "西藏" ? 0.6 : p.region === "West" ? 0.08 : 0);
      const fin = 2 + 1.5 * dev + 0.05 * t + 0.1 * normal();
      const c = DGP.hq;
      const hq = 0.6 + alpha + 0.005 * t + c.F * F + c.R * R + c.D * D + c.urb * urb + c.open * open + c.gov * gov + c.fin * fin + 0.03 * normal();
      const pcgdp = Math.exp(9.2 + 1.3 * dev + 0.085 * t + 0.6 * (F - 0.1 - 0.35 * dev - gF * t) + 0.03 * normal());
      const vals: Record<Latent, number> = { F, R, D, hq, pcgdp, urb: 100 * urb, open: 100 * open, gov: 100 * gov, fin };
      for (const k of Object.keys(vals) as Latent[]) rows[k].push(vals[k]);
    }
    for (const k of Object.keys(panel) as Latent[]) panel[k].push(rows[k]);
  }
  return panel;
}

function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

/**
 * Indicator values from a latent in [0, ~1.2]: linear between lo (latent 0) and hi (latent 1),
 * reversed for negative indicators, times a province factor and a province-year factor
 * exp(N(0, provinceNoise²)) · exp(N(0, noise²)).
 */
function indicatorValues(def: IndicatorDef, latent: number[][], rng: () => number): number[][] {
  const normal = () => {
    let u = 0;
    while (u === 0) u = rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  return latent.map((series) => {
    const fe = def.provinceNoise * normal();
    return series.map((L) => {
      const s = Math.min(1.4, Math.max(0, def.direction === "+" ? L : 1 - L));
      const x = (def.lo + (def.hi - def.lo) * s) * Math.exp(fe + def.noise * normal());
      return round(x, def.decimals);
    });
  });
}

export interface SampleSheet {
  def: { name: string; en: string; unit: string; decimals: number; asText?: boolean };
  values: number[][];
}

/** Every indicator's values (province × year), in sheet order. */
export function sampleSheets(): SampleSheet[] {
  const panel = simulate();
  const rng = seedrandom(SEED + "/indicators");
  const out: SampleSheet[] = [];
  for (const idx of INDICES) for (const g of idx.groups) for (const d of g.indicators) out.push({ def: d, values: indicatorValues(d, panel[d.latent], rng) });
  for (const d of [...OUTCOMES, ...CONTROLS]) out.push({ def: d, values: panel[d.latent].map((s) => s.map((x) => round(x, d.decimals))) });
  return out;
}

function thousands(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 20 });
}

export async function writeSample(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);
  const wb = new ExcelJS.Workbook();
  wb.creator = "EconSheet scripts/make-sample.ts";
  wb.lastModifiedBy = "EconSheet scripts/make-sample.ts";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = "EconSheet synthetic yearbook sample (SYNTHETIC DATA, not real statistics)";

  const readme = wb.addWorksheet("说明");
  const sheets = sampleSheets();
  const lines = [
    "合成数据（SYNTHETIC DATA）——不是真实统计数据 / NOT real statistics",
    "本工作簿由 scripts/make-sample.ts 按固定随机种子生成，仅用于演示和测试 EconSheet 的年鉴导入、熵值法指数和面板回归。",
    "This workbook was generated by scripts/make-sample.ts with a fixed seed, for demonstrating and testing EconSheet (yearbook import, entropy indices, panel models).",
    `随机种子 Seed: ${SEED}；年份 Years: ${FIRST_YEAR}–${LAST_YEAR}；省份 Provinces: 31；指标 Indicators: ${sheets.length}（每个指标一张工作表 / one sheet per indicator）。`,
    "数据生成过程、指标体系见 sample/README.md 与 sample/indicators.json。The data-generating process and indicator hierarchy: sample/README.md, sample/indicators.json.",
    "“—”表示缺失 / “—” marks a missing value.",
    "",
    "",
  ];
  lines.forEach((l, i) => (readme.getCell(i + 1, 1).value = l));
  sheets.forEach((s, i) => {
    const r = lines.length + 1 + i;
    readme.getCell(r, 1).value = s.def.name;
    readme.getCell(r, 2).value = s.def.unit;
    readme.getCell(r, 3).value = s.def.en;
  });
  readme.getCell(lines.length, 1).value = "工作表 Sheet";
  readme.getCell(lines.length, 2).value = "单位 Unit";
  readme.getCell(lines.length, 3).value = "English";
  readme.getColumn(1).width = 34;
  readme.getColumn(2).width = 16;
  readme.getColumn(3).width = 60;

  sheets.forEach((s, k) => {
    const ws = wb.addWorksheet(s.def.name);
    ws.getCell(1, 1).value = `表 ${k + 1}  各地区${s.def.name}（${FIRST_YEAR}—${LAST_YEAR}年）【合成数据 SYNTHETIC】`;
    ws.getCell(1, 1).font = { bold: true };
    ws.getCell(2, 1).value = `单位：${s.def.unit}`;
    ws.getRow(3).values = ["地区", ...years.map((y) => `${y}年`)];
    ws.getRow(3).font = { bold: true };
    const dashes = DASHES[s.def.name] ?? [];
    const cell = (x: number) => (s.def.asText ? thousands(x) : x);
    // National row: the unweighted mean of the provinces (a synthetic stand-in for the 全国 figure).
    ws.getRow(4).values = ["全国", ...years.map((_, t) => cell(round(s.values.reduce((a, row) => a + row[t], 0) / s.values.length, s.def.decimals)))];
    PROVINCES.forEach((p, i) => {
      ws.getRow(5 + i).values = [p.full, ...years.map((y, t) => (dashes.some(([n, yy]) => n === p.name && yy === y) ? "—" : cell(s.values[i][t])))];
    });
    const foot = 5 + PROVINCES.length;
    ws.getCell(foot, 1).value = "注：本表为 EconSheet 合成（SYNTHETIC）示例数据，由 scripts/make-sample.ts 按固定种子生成，不是真实统计数据。“—”表示缺失。";
    ws.getCell(foot + 1, 1).value = "资料来源：合成数据（非国家统计局数据）。";
    ws.getColumn(1).width = 18;
  });
  const path = join(dir, "yearbook.xlsx");
  await wb.xlsx.writeFile(path);

  const hierarchy = {
    schema: "econsheet.indicators",
    version: 1,
    synthetic: true,
    note: "Indicator hierarchy of the SYNTHETIC sample workbook sample/yearbook.xlsx (generated by scripts/make-sample.ts). Indicator names are the sheet names = tidy-panel column names.",
    workbook: "yearbook.xlsx",
    seed: SEED,
    id: "province",
    time: "year",
    years: [FIRST_YEAR, LAST_YEAR],
    indices: INDICES.map((idx) => ({
      name: idx.name,
      label: idx.label,
      labelEn: idx.labelEn,
      groups: idx.groups.map((g) => ({ name: g.name, nameEn: g.en, indicators: g.indicators.map((d) => ({ name: d.name, direction: d.direction, unit: d.unit, en: d.en })) })),
    })),
    outcomes: OUTCOMES.map((d) => ({ name: d.name, unit: d.unit, en: d.en })),
    controls: CONTROLS.map((d) => ({ name: d.name, unit: d.unit, en: d.en })),
    missing: Object.entries(DASHES).flatMap(([indicator, cells]) => cells.map(([province, year]) => ({ indicator, province, year }))),
  };
  writeFileSync(join(dir, "indicators.json"), JSON.stringify(hierarchy, null, 2) + "\n", "utf8");
  return path;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "sample");
  writeSample(dir).then(
    (p) => console.log(`wrote ${p} and ${join(dir, "indicators.json")} (synthetic, seed ${SEED})`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
