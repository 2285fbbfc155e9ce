/** The non-UI logic of the task pane: i18n, the Data-step import, the hierarchy sheet, model drafts, table layout. */
import { langFromOffice, t, allStrings, errorText } from "../../src/taskpane/i18n";
import { importSheets, tableGrid } from "../../src/taskpane/journey/import-sheets";
import { hierarchyFromGrid } from "../../src/taskpane/journey/hierarchy-sheet";
import { draftToSpec, presetDraft, DraftError, specToDraft, paperSet, stepwiseColumns } from "../../src/taskpane/journey/table-drafts";
import { looksLikeData, matchesPattern, nonDataName } from "../../src/taskpane/journey/sheet-kinds";
import { threeLineFormat, fixedFormat, tableValues } from "../../src/taskpane/journey/write-sheets";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { inputError } from "../../src/core/errors";
import { regressionTable } from "../../src/render/regression-table";

describe("i18n", () => {
  test("every string exists in English and Chinese", () => {
    for (const [key, v] of Object.entries(allStrings())) {
      expect([key, v.en.trim().length > 0, v.zh.trim().length > 0]).toEqual([key, true, true]);
    }
  });
  test("zh-* display languages give Chinese, everything else English", () => {
    expect(["zh-CN", "zh-TW", "ZH-cn", "en-US", "de-DE", "", undefined].map(langFromOffice)).toEqual(["zh", "zh", "zh", "en", "en", "en", "en"]);
  });
  test("placeholders and core errors in the user's language", () => {
    expect(t("zh", "wroteSheet", { name: "面板数据" })).toBe("已写入工作表“面板数据”。");
    const e = inputError("Column 'gdp' row 3: bad", "列 'gdp' 第 3 行：错误");
    expect(errorText(e, "zh")).toBe("列 'gdp' 第 3 行：错误");
    expect(errorText(new Error("boom"), "en")).toBe("Unexpected error: boom");
  });
});

describe("importSheets (the Data step over the core importer)", () => {
  const long = [
    ["各省数据（单位：亿元）"],
    ["省份", "年份", "gdp", "pop"],
    ["北京市", "2003年", 10, 1],
    ["北京", 2004, "—", 2],
    ["Beijing", 2005, 30, 3],
    ["全国", 2005, 999, 9],
    ["天津市", 2003, 5, 1],
    ["天津", 2004, 6, 1],
    ["Tianjin", 2005, 7, 1],
    ["河北省", 2003, 1, 1],
    ["河北", 2004, 2, 1],
    ["Hebei", 2005, 3, 1],
    [],
    ["注：测试数据"],
  ];
  test("long layout: renames listed, 全国 skipped, 2003年 read, gap reported and interpolated", () => {
    const r = importSheets([{ name: "data", values: long }], { interpolate: true });
    expect(r.layout).toBe("long");
    expect(r.provinces).toEqual(["北京", "天津", "河北"]);
    expect(r.years).toEqual([2003, 2004, 2005]);
    expect(r.skipped).toEqual(["data 6: 全国 2005 999 9"]);
    expect(r.renamed).toEqual(expect.arrayContaining([{ from: "北京市", to: "北京" }, { from: "Beijing", to: "北京" }, { from: "Hebei", to: "河北" }]));
    expect(r.missing).toEqual([{ indicator: "gdp", province: "北京", year: 2004, filled: true }]);
    expect(r.table.names).toEqual(["province", "code", "year", "gdp", "pop"]);
    expect(r.table.rows[1]).toEqual(["北京", 11, 2004, 20, 2]);
  });
  test("without interpolation the gap stays missing (blank, never NaN)", () => {
    const r = importSheets([{ name: "data", values: long }]);
    expect(r.table.rows[1][3]).toBe("");
    expect(r.missing[0].filled).toBe(false);
    expect(tableGrid(r.table)[2]).toEqual(["北京", 11, 2004, null, 2]);
  });
  test("one sheet per indicator (provinces × years)", () => {
    const sheet = (name: string, k: number) => ({ name, values: [[`${name}（单位）`], ["地区", "2003年", "2004年"], ["北京市", k, k + 1], ["天津市", k, "..."], ["河北省", k, k + 2]] });
    const r = importSheets([sheet("gdp", 1), sheet("rd", 5)]);
    expect(r.layout).toBe("per-indicator");
    expect(r.indicators).toEqual(["gdp", "rd"]);
    expect(r.table.rows.find((x) => x[0] === "河北" && x[2] === 2004)!.slice(3)).toEqual([3, 7]);
    expect(r.missing.map((m) => `${m.indicator} ${m.province} ${m.year}`)).toEqual(["gdp 天津 2004", "rd 天津 2004"]);
  });
  test("the core's errors come through with the place, in both languages", () => {
    const bad = [["省份", "年份", "gdp"], ["北京", 2003, 1], ["天津", 2003, 1], ["河北", 2003, 1], ["火星省", 2003, 1]];
    try {
      importSheets([{ name: "S", values: bad }]);
      throw new Error("no error");
    } catch (e) {
      expect(errorText(e, "en")).toContain("A5");
      expect(errorText(e, "en")).toContain("火星省");
      expect(errorText(e, "zh")).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("hierarchyFromGrid", () => {
  test("Table-1 layout with merged cells, names in parentheses, directions", () => {
    const specs = hierarchyFromGrid([
      ["一级指标", "二级指标", "三级指标", "方向"],
      ["要素创新 (fi)", "研发", "rd", "正向"],
      [null, null, "staff", "+"],
      [null, "环境", "waste", "负向"],
      ["区域协调（rcd）", "差距", "gap", "-1"],
    ], "H");
    expect(specs.map((s) => [s.name, s.label])).toEqual([["fi", "要素创新"], ["rcd", "区域协调"]]);
    expect(specs[0].groups).toEqual([
      { name: "研发", indicators: [{ name: "rd", direction: "+" }, { name: "staff", direction: "+" }] },
      { name: "环境", indicators: [{ name: "waste", direction: "-" }] },
    ]);
    expect(specs[1].groups[0].indicators[0].direction).toBe("-");
  });
  test("a sheet without the header is an error naming it", () => {
    expect(() => hierarchyFromGrid([["a", "b"]], "Sheet9")).toThrow(/Sheet 'Sheet9': no header row/);
  });
});

describe("table drafts", () => {
  const vars = { y: "hq", x: ["fi"], controls: ["urb", "gov"], mediators: ["dig"] };
  test("presets give valid spec tables (checked by the spec parser)", () => {
    const tables = (["baseline", "mediation", "heterogeneity", "robustness", "descriptive"] as const).map((p) => draftToSpec(presetDraft(p, vars, "zh"), "zh"));
    const spec = parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { sheets: ["面板"] }, tables });
    expect(spec.tables!.map((t) => t.type)).toEqual(["regression", "mediation", "heterogeneity", "robustness", "descriptive"]);
    const base = spec.tables![0];
    // Stepwise as the paper's Table 5: X alone, then one more control per column.
    expect(base.type === "regression" && base.models.map((m) => m.formula)).toEqual(["hq ~ fi", "hq ~ fi + urb", "hq ~ fi + urb + gov"]);
    expect(base.title).toBe("基准回归");
  });
  test("stepwiseColumns: X alone, then one more control each", () => {
    expect(stepwiseColumns(["x"], [])).toEqual([["x"]]);
    expect(stepwiseColumns(["x"], ["a", "b", "c"])).toEqual([["x"], ["x", "a"], ["x", "a", "b"], ["x", "a", "b", "c"]]);
  });
  test("the paper set: Tables 4–8 (heterogeneity by four regions and South/North), index display names, valid specs", () => {
    const drafts = paperSet({ ...vars, x: ["fi", "rcd"] }, "zh", { fi: "要素创新", rcd: "区域协调" });
    const tables = drafts.map((d) => draftToSpec(d, "zh"));
    const spec = parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { sheets: ["面板"] }, tables });
    expect(spec.tables!.map((t) => t.type)).toEqual(["descriptive", "regression", "mediation", "robustness", "heterogeneity", "heterogeneity"]);
    expect(tables.map((t) => t.title)).toEqual(["表4 描述性统计", "表5 基准回归", "表6 中介效应", "表7 稳健性检验", "表8 区域异质性", "表8续 南北方异质性"]);
    expect(tables.slice(4).map((t) => (t as { groups: string }).groups)).toEqual(["region4", "southnorth"]);
    const med = tables[2] as { x: string; mediators: string[]; rename?: Record<string, string> };
    expect(med.x).toBe("fi");
    expect(med.mediators).toEqual(["dig"]);
    expect(med.rename).toEqual({ fi: "要素创新" });
    expect((tables[1] as { rename?: Record<string, string> }).rename).toEqual({ fi: "要素创新", rcd: "区域协调" });
    expect(paperSet(vars, "en").map((d) => d.title)[5]).toBe("Table 8b South-North");
  });
  test("errors name the field", () => {
    const d = presetDraft("mediation", { ...vars, mediators: [] }, "en");
    expect(() => draftToSpec(d, "en")).toThrow(DraftError);
    try {
      draftToSpec(d, "en");
    } catch (e) {
      expect((e as DraftError).field).toBe("mediators");
    }
    try {
      draftToSpec({ ...presetDraft("baseline", vars, "en"), controls: ["fi"] }, "en");
    } catch (e) {
      expect((e as DraftError).field).toBe("controls");
    }
  });
  test("a saved table reopens as the same draft", () => {
    const spec = draftToSpec(presetDraft("baseline", vars, "en"), "en");
    const again = draftToSpec({ ...specToDraft(spec), key: "k" }, "en");
    expect(again).toEqual(spec);
  });
});

describe("sheet kinds (Select all, import)", () => {
  test("read-me, notes and hierarchy sheets are not data by name", () => {
    expect(["说明", "Notes", "README", "目录", "指标体系", "notes 2019"].map(nonDataName)).toEqual([true, true, true, true, true, true]);
    expect(["城镇化率", "GDP notes per capita", "2019", "面板"].map(nonDataName)).toEqual([false, false, false, false]);
  });
  test("a sheet is data when its first columns name three provinces", () => {
    expect(looksLikeData([["地区", "2003年"], ["北京市", 1], ["天津市", 2], ["Hebei", 3]])).toBe(true);
    expect(looksLikeData([["说明"], ["本工作簿为合成数据，北京、上海仅举例。"]])).toBe(false);
    expect(looksLikeData([["一级指标", "二级指标", "三级指标"], ["要素创新 (fi)", "劳动力", "失业率"]])).toBe(false);
  });
  test("patterns: text anywhere, * and ? wildcards, case-insensitive", () => {
    expect(matchesPattern("GDP", "人均GDP相对差距")).toBe(true);
    expect(matchesPattern("每*数", "每万人发明专利授权数")).toBe(true);
    expect(matchesPattern("每*数", "每万人R&D人员全时当量")).toBe(false);
    expect(matchesPattern("sheet?", "Sheet1")).toBe(true);
    expect(matchesPattern("  ", "x")).toBe(false);
  });
});

describe("threeLineFormat", () => {
  test("rules and number formats follow the table model", () => {
    const model = regressionTable([{ params: { x: 0.5, _cons: 1 }, stdErrors: { x: 0.1, _cons: 0.2 }, tstats: { x: 5, _cons: 5 }, pvalues: { x: 0.001, _cons: 0.001 }, nobs: 100 }], { title: "T" });
    const f = threeLineFormat(model, 0, 0);
    expect(f.headerStart).toBe(1);
    expect(f.headerEnd).toBe(1);
    expect(f.bodyEnd).toBe(1 + model.body.length);
    expect(f.thinRulesAfter).toEqual([1 + 4]);
    expect(f.width).toBe(2);
    expect(fixedFormat(3)).toBe("0.000");
    expect(fixedFormat(0)).toBe("0");
  });
});

describe("threeLineFormat: what the pane's writer sets before the values", () => {
  test("text Excel would parse as a formula is formatted as text, every number has a format, widths fit (CJK double)", () => {
    const model = regressionTable([{ params: { x: -0.3071 }, stdErrors: { x: 0.1 }, tstats: { x: -3 }, pvalues: { x: 0.004 }, nobs: 341, ngroups: 31 }], { lang: "zh", rename: { x: "要素创新" }, title: "表5" });
    const f = threeLineFormat(model, 0, 0);
    const grid = tableValues(model);
    const at = (text: string | number) => {
      const r = grid.findIndex((row) => row.includes(text));
      return { row: r, col: grid[r].indexOf(text) };
    };
    expect(f.numberFormats).toContainEqual({ ...at("-0.307***"), format: "@" });
    expect(f.numberFormats).toContainEqual({ ...at(341), format: "0" });
    expect(f.numberFormats).toContainEqual({ ...at(31), format: "0" });
    // "个体固定效应"-style labels: 4 CJK characters are 8 columns wide, plus padding.
    expect(f.columnWidths![0]).toBeGreaterThanOrEqual(2 * "要素创新".length + 2);
    expect(f.centreFrom).toBe(1);
    // Chinese cells in 宋体, the rest (numbers, coefficients) in Times New Roman, 10.5 pt.
    expect(f.font).toMatchObject({ latin: "Times New Roman", cjk: "SimSun", size: 10.5 });
    expect(f.font!.cjkCells).toContainEqual(at("要素创新"));
    expect(f.font!.cjkCells).not.toContainEqual(at("-0.307***"));
  });
});
