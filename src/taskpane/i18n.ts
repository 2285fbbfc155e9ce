import type { Lang } from "../core/errors";
import { isEconError } from "../core/errors";
import { fillTemplate } from "../render/template";

/**
 * Every string of the task pane in English and Simplified Chinese. The language follows
 * Office (`Office.context.displayLanguage`: zh-* → Chinese, anything else → English) and the
 * user can switch it in the pane.
 */
const STRINGS = {
  appTitle: { en: "EconSheet", zh: "EconSheet" },
  appSubtitle: { en: "From yearbook sheets to index and regression tables", zh: "从年鉴数据到综合指数与回归表" },
  language: { en: "Language", zh: "语言" },
  langEn: { en: "English", zh: "English" },
  langZh: { en: "中文", zh: "中文" },
  steps: { en: "Steps", zh: "步骤" },
  stepData: { en: "1 Data", zh: "1 数据" },
  stepIndex: { en: "2 Index", zh: "2 指数" },
  stepModels: { en: "3 Models", zh: "3 模型" },
  stepTables: { en: "4 Tables", zh: "4 表格" },
  stepCharts: { en: "5 Charts", zh: "5 图表" },
  next: { en: "Next", zh: "下一步" },
  back: { en: "Back", zh: "上一步" },
  actions: { en: "Workbook actions", zh: "工作簿操作" },
  rerun: { en: "Re-run", zh: "重新运行" },
  rerunHint: { en: "Rebuild every sheet from the spec saved in this workbook", zh: "按工作簿中保存的分析设定重建全部工作表" },
  freeze: { en: "Freeze as values", zh: "公式转为数值" },
  freezeHint: { en: "Replace ECON.* formulas in the selection by their values (for colleagues without the add-in)", zh: "把所选区域中的 ECON.* 公式替换为数值（便于未安装加载项的同事查看）" },
  exportSpec: { en: "Export spec", zh: "导出分析设定" },
  exportSpecHint: { en: "The JSON the command-line runner (econsheet run) reads", zh: "命令行工具（econsheet run）读取的 JSON" },
  specLabel: { en: "Analysis spec (JSON)", zh: "分析设定（JSON）" },
  copy: { en: "Copy", zh: "复制" },
  download: { en: "Download", zh: "下载" },
  close: { en: "Close", zh: "关闭" },
  frozen: { en: "Froze {n} cell(s) in {address}.", zh: "已将 {address} 中的 {n} 个单元格转为数值。" },
  noSpec: { en: "This workbook has no saved EconSheet spec yet: walk through the steps first.", zh: "本工作簿还没有保存的分析设定：请先完成各步骤。" },
  rerunDone: { en: "Re-ran the saved spec: {n} sheet(s) rebuilt.", zh: "已按保存的设定重新运行：重建 {n} 个工作表。" },
  // Data step
  dataIntro: { en: "Pick the yearbook sheets (or use the current selection). EconSheet detects the layout, normalises province names and reports missing values.", zh: "选择年鉴工作表（或使用当前选中的区域）。EconSheet 会识别版式、统一省份名称并报告缺失值。" },
  source: { en: "Source", zh: "数据来源" },
  sourceSheets: { en: "Sheets", zh: "工作表" },
  sourceSelection: { en: "Current selection", zh: "当前选中区域" },
  sheetsLabel: { en: "Yearbook sheets", zh: "年鉴工作表" },
  refreshSheets: { en: "Refresh list", zh: "刷新列表" },
  detect: { en: "Detect layout", zh: "识别版式" },
  layout: { en: "Detected layout", zh: "识别的版式" },
  layoutLong: { en: "Long table (one row per province-year)", zh: "长表（每行一个省份-年份）" },
  layoutIndicator: { en: "One sheet per indicator (provinces × years)", zh: "每个指标一张表（省份 × 年份）" },
  layoutYear: { en: "One sheet per year (provinces × indicators)", zh: "每年一张表（省份 × 指标）" },
  layoutMixed: { en: "Several layouts (each sheet detected on its own)", zh: "多种版式（逐表识别）" },
  preview: { en: "Preview of the tidy panel", zh: "整理后面板数据预览" },
  provinceReport: { en: "Province names", zh: "省份名称" },
  provinceRenamed: { en: "{n} name(s) normalised", zh: "统一了 {n} 个名称" },
  provinceSkipped: { en: "rows skipped (national totals)", zh: "跳过的行（全国合计）" },
  missingReport: { en: "Missing values", zh: "缺失值" },
  noMissing: { en: "No missing values.", zh: "没有缺失值。" },
  interpolate: { en: "Fill interior gaps by linear interpolation within province", zh: "在省份内部对中间缺口做线性插值" },
  panelSheetName: { en: "Panel sheet name", zh: "面板工作表名称" },
  writePanel: { en: "Write tidy panel sheet", zh: "写入面板数据工作表" },
  wroteSheet: { en: "Wrote sheet '{name}'.", zh: "已写入工作表“{name}”。" },
  replaceOwn: { en: "Replace sheets EconSheet created earlier (never your own sheets)", zh: "替换 EconSheet 之前创建的工作表（不会替换您自己的工作表）" },
  rows: { en: "rows", zh: "行" },
  provinces: { en: "provinces", zh: "个省份" },
  years: { en: "years", zh: "年份" },
  // Index step
  indexIntro: { en: "Build the indicator system (level 2 groups, indicators with + / − direction) and compute entropy weights.", zh: "构建指标体系（二级维度、带正负方向的指标）并计算熵值法权重。" },
  indexName: { en: "Index column name", zh: "指数列名" },
  indexLabel: { en: "Display name", zh: "显示名称" },
  addIndex: { en: "Add index", zh: "添加指数" },
  removeIndex: { en: "Remove index", zh: "删除指数" },
  indicator: { en: "Indicator", zh: "指标" },
  group: { en: "Level-2 group", zh: "二级维度" },
  direction: { en: "Direction", zh: "方向" },
  positive: { en: "+ positive", zh: "+ 正向" },
  negative: { en: "− negative", zh: "− 负向" },
  addIndicator: { en: "Add indicator", zh: "添加指标" },
  removeIndicator: { en: "Remove indicator {name}", zh: "删除指标 {name}" },
  readFromSheet: { en: "Read hierarchy from sheet", zh: "从工作表读取指标体系" },
  mode: { en: "Weights", zh: "权重方式" },
  modePooled: { en: "Pooled (all years)", zh: "混合（全部年份）" },
  modeYear: { en: "Per year", zh: "逐年" },
  modePeriods: { en: "Sub-periods", zh: "分时期" },
  periods: { en: "Periods", zh: "时期" },
  shift: { en: "Shift h", zh: "平移量 h" },
  missingChoice: { en: "Missing values", zh: "缺失值处理" },
  missingError: { en: "Stop and list them", zh: "停止并列出" },
  missingDrop: { en: "Drop those rows", zh: "删除这些行" },
  missingInterpolate: { en: "Interpolate within province (ends dropped)", zh: "省份内插值（首尾缺失删除）" },
  aboveMean: { en: "List provinces above the national mean each year", zh: "列出各年高于全国均值的省份" },
  computeIndex: { en: "Compute and write weights and scores", zh: "计算并写入权重与得分" },
  // Models step
  modelsIntro: { en: "Choose the variables and the estimator for each table, or start from a preset.", zh: "为每张表选择变量与估计方法，或从预设开始。" },
  preset: { en: "Preset", zh: "预设" },
  presetBaseline: { en: "Baseline regression", zh: "基准回归" },
  presetMediation: { en: "Mediation", zh: "中介效应" },
  presetHeterogeneity: { en: "Heterogeneity by region", zh: "区域异质性" },
  presetDescriptive: { en: "Descriptive statistics", zh: "描述性统计" },
  presetRobustness: { en: "Robustness (lag, RE)", zh: "稳健性检验（滞后、随机效应）" },
  addTable: { en: "Add table", zh: "添加表格" },
  removeTable: { en: "Remove table {name}", zh: "删除表格 {name}" },
  tableTitle: { en: "Table title (sheet name)", zh: "表标题（工作表名）" },
  yVar: { en: "Dependent variable Y", zh: "被解释变量 Y" },
  xVars: { en: "Core explanatory variables X", zh: "核心解释变量 X" },
  controls: { en: "Controls", zh: "控制变量" },
  mediators: { en: "Mediators", zh: "中介变量" },
  effects: { en: "Fixed effects", zh: "固定效应" },
  effIndividual: { en: "Province", zh: "省份" },
  effTime: { en: "Year", zh: "年份" },
  effTwoways: { en: "Province and year", zh: "省份和年份" },
  model: { en: "Estimator", zh: "估计方法" },
  modelFe: { en: "Fixed effects", zh: "固定效应" },
  modelRe: { en: "Random effects", zh: "随机效应" },
  modelPooled: { en: "Pooled OLS", zh: "混合 OLS" },
  seType: { en: "Standard errors", zh: "标准误" },
  seClassical: { en: "Classical", zh: "普通" },
  seRobust: { en: "Robust", zh: "稳健" },
  seCluster: { en: "Clustered by province", zh: "按省份聚类" },
  seWild: { en: "Clustered + wild bootstrap p", zh: "聚类 + wild bootstrap p 值" },
  wildHint: { en: "Fewer than 20 clusters in a column: the wild cluster bootstrap p (9,999 draws) is suggested.", zh: "某列聚类数少于 20：建议使用 wild cluster bootstrap p 值（9,999 次抽样）。" },
  grouping: { en: "Groups", zh: "分组" },
  groupRegion4: { en: "East / Central / West / Northeast", zh: "东部 / 中部 / 西部 / 东北" },
  groupSouthNorth: { en: "South / North", zh: "南方 / 北方" },
  columns: { en: "Model columns", zh: "模型列" },
  stepwise: { en: "Add controls one column at a time", zh: "逐列加入控制变量" },
  bootstrap: { en: "Bootstrap replications (0 = Sobel only)", zh: "Bootstrap 次数（0 表示只做 Sobel 检验）" },
  seed: { en: "Seed", zh: "随机种子" },
  type: { en: "Type", zh: "类型" },
  // Tables step
  tablesIntro: { en: "Write every table as a three-line table in its own new sheet.", zh: "每张表以三线表形式写入单独的新工作表。" },
  tableLang: { en: "Table labels", zh: "表格标签语言" },
  writeTables: { en: "Write tables", zh: "写入表格" },
  saveSpec: { en: "Save spec in workbook", zh: "在工作簿中保存分析设定" },
  // Charts step
  chartsIntro: { en: "Charts are Excel chart objects in new sheets, drawn from the data written beside them, so they stay in the workbook.", zh: "图表是写入新工作表的 Excel 图表对象，数据写在图表旁边，随工作簿保存。" },
  didTitle: { en: "Policy evaluation (difference-in-differences)", zh: "政策评估（双重差分）" },
  didIntro: { en: "Tick the pilot provinces and give the first year of the policy (or a column of first treated years when adoption is staggered). Two-way fixed effects, SEs clustered by province.", zh: "勾选试点省份并填写政策首次实施年份（交错实施时选择首次处理年份所在的列）。双向固定效应，按省份聚类标准误。" },
  outcome: { en: "Outcome Y", zh: "结果变量 Y" },
  treatedProvinces: { en: "Treated (pilot) provinces", zh: "处理组（试点）省份" },
  firstYear: { en: "First treated year", zh: "首次处理年份" },
  firstYearColumn: { en: "Or: column of first treated years (staggered)", zh: "或：首次处理年份所在列（交错处理）" },
  leads: { en: "Leads (periods before)", zh: "前置期数" },
  lags: { en: "Lags (periods after)", zh: "后置期数" },
  referencePeriod: { en: "Reference period", zh: "基期" },
  eventStudyChart: { en: "Event-study chart", zh: "绘制事件研究图" },
  didTable: { en: "DID table", zh: "写入双重差分表" },
  permutations: { en: "Placebo permutations", zh: "安慰剂置换次数" },
  placeboChart: { en: "Placebo histogram", zh: "绘制安慰剂检验图" },
  trendTitle: { en: "Index trends by region", zh: "分区域指数趋势" },
  indexVar: { en: "Index (or variable)", zh: "指数（或变量）" },
  groupNone: { en: "National mean only", zh: "仅全国均值" },
  trendChart: { en: "Index trend chart", zh: "绘制指数趋势图" },
  mapTitle: { en: "Index scores by province", zh: "各省指数得分" },
  mapYear: { en: "Year", zh: "年份" },
  mapChart: { en: "Index map", zh: "绘制指数地图" },
  chartWritten: { en: "Wrote the chart and its data to sheet '{sheet}'.", zh: "已将图表及其数据写入工作表 '{sheet}'。" },
  chartFellBack: { en: "This Excel cannot draw a filled map here, so sheet '{sheet}' has a sorted bar chart of the same data ({reason}).", zh: "当前 Excel 无法在此绘制填充地图，已在工作表 '{sheet}' 中改为同一数据的排序条形图（{reason}）。" },
  placeboProgress: { en: "Placebo permutations {done}/{total}", zh: "安慰剂置换 {done}/{total}" },
  progress: { en: "Working… {done} of {total}", zh: "处理中… {done} / {total}" },
  cancel: { en: "Cancel", zh: "取消" },
  cancelled: { en: "Cancelled. Nothing more was written.", zh: "已取消，未再写入任何内容。" },
  done: { en: "Done.", zh: "完成。" },
  noData: { en: "Import the data first (step 1).", zh: "请先导入数据（第 1 步）。" },
  none: { en: "(none)", zh: "（无）" },
  error: { en: "Error", zh: "错误" },
  unexpected: { en: "Unexpected error: {message}", zh: "意外错误：{message}" },
  regionalTitle: { en: "Regional analysis of the indices", zh: "指数的区域分析" },
  regionalIntro: { en: "Coupling coordination between indices, the Dagum Gini decomposition by region and kernel densities over time; each writes a table sheet and a chart sheet and is saved with the spec.", zh: "指数间的耦合协调度、按区域的 Dagum 基尼系数分解及核密度演变；各写入一张表格工作表和一张图表工作表，并随分析设定保存。" },
  couplingSystems: { en: "Indices to couple", zh: "参与耦合的指数" },
  regionalIndex: { en: "Index for Gini and density", zh: "基尼系数与核密度所用指数" },
  densityYears: { en: "Density years", zh: "核密度年份" },
  withTheil: { en: "Also the Theil index and its split", zh: "同时计算泰尔指数及其分解" },
  couplingButton: { en: "Coupling table and chart", zh: "耦合协调度表与图" },
  dagumButton: { en: "Dagum Gini table and chart", zh: "Dagum 基尼系数表与图" },
  densityButton: { en: "Kernel density chart", zh: "核密度图" },
} as const;

export type StringKey = keyof typeof STRINGS;

/** zh-CN, zh-TW, zh-Hans … → "zh"; everything else (and an unknown host) → "en". */
export function langFromOffice(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^zh\b/i.test(displayLanguage.trim()) ? "zh" : "en";
}

/** A UI string with {placeholders} filled. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(STRINGS[key][lang], vars);
}

/** Every key has both languages (checked by the unit test). */
export function allStrings(): Record<string, { en: string; zh: string }> {
  return STRINGS;
}

/** An error as the user should read it: the core's own bilingual text, or a generic line. */
export function errorText(e: unknown, lang: Lang): string {
  if (isEconError(e)) return e.messageIn(lang);
  const message = e instanceof Error ? e.message : String(e);
  return t(lang, "unexpected", { message });
}
