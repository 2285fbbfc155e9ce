import { termLabel, columnTitle, clusterName, tableLabel, allTableLabels } from "../../src/render/table-labels";
import { digitsFor, pText, displayWidth, shownNumber, cellNumberFormat, looksLikeFormula } from "../../src/render/format";
import { regressionTable, TableColumn } from "../../src/render/regression-table";
import { weightsByPeriodTable, pooledWeightsTable, aboveMeanByYearTable, scoresGridTable } from "../../src/render/weights-table";
import { toGrid } from "../../src/render/grid";
import { EntropyResult } from "../../src/core/indices/entropy-index";

describe("the label catalogue", () => {
  test("every entry in both languages, Chinese different from English where words are involved", () => {
    for (const [k, v] of Object.entries(allTableLabels())) {
      expect({ k, en: !!v.en, zh: !!v.zh }).toEqual({ k, en: true, zh: true });
      if (/[a-z]{3}/.test(v.en.replace(/\{\w+\}|wild cluster bootstrap|LSDV/g, ""))) expect({ k, same: v.en === v.zh }).toEqual({ k, same: false });
    }
  });
  test("terms: labels, the constant, lags of labelled variables", () => {
    const labels = { fi: "要素创新" };
    expect(termLabel("fi", labels, "zh")).toBe("要素创新");
    expect(termLabel("_cons", labels, "zh")).toBe("常数项");
    expect(termLabel("_cons", labels, "en")).toBe("Constant");
    expect(termLabel("lag(fi,1)", labels, "zh")).toBe("L.要素创新");
    expect(termLabel("lag(fi, 2)", labels, "en")).toBe("L2.要素创新");
    expect(termLabel("lag(urb,1)", labels, "en")).toBe("L.urb");
    expect(termLabel("lag(fi,1)", { ...labels, "lag(fi,1)": "滞后要素创新" }, "zh")).toBe("滞后要素创新");
  });
  test("built-in column titles and regions follow the language; the user's titles stay", () => {
    expect(columnTitle("RE", "zh")).toBe("随机效应");
    expect(columnTitle("L.regressors", "zh")).toBe("滞后一期");
    expect(columnTitle("Northeast", "zh")).toBe("东北");
    expect(columnTitle("南方", "en")).toBe("South");
    expect(columnTitle("我的模型", "en")).toBe("我的模型");
    expect(columnTitle(undefined, "zh")).toBeUndefined();
  });
  test("cluster name: 省份 for province ids, else the label or the column", () => {
    expect(clusterName("province", ["北京", "Shanghai", "内蒙古自治区"], {}, "zh", "province")).toBe("省份");
    expect(clusterName("province", ["北京"], {}, "en", "province")).toBe("province");
    expect(clusterName("firm", [1, 2, 3], {}, "zh", "firm")).toBe("firm");
    expect(clusterName("firm", [1, 2], { firm: "企业" }, "zh", "firm")).toBe("企业");
    expect(tableLabel("clusteredBy", "zh", { name: "省份" })).toBe("按省份聚类");
  });
});

describe("number rules", () => {
  test("small values get decimals up to their first significant digit (at most digits + 3)", () => {
    expect(digitsFor(0.1234, 3)).toBe(3);
    expect(digitsFor(0.0007, 3)).toBe(3); // prints 0.001: not zero, no extra digit (its SE may ask for one)
    expect(digitsFor(0.00049, 3)).toBe(4);
    expect(digitsFor(0.0005, 3)).toBe(3); // prints 0.001
    expect(digitsFor(-0.000012, 3)).toBe(5);
    expect(digitsFor(1e-9, 3)).toBe(3);
    expect(digitsFor(0, 3)).toBe(3);
  });
  test("p-values: three decimals or <0.001, never scientific", () => {
    expect(pText(0.0000025397)).toBe("<0.001");
    expect(pText(0.001)).toBe("0.001");
    expect(pText(0.04567)).toBe("0.046");
    expect(pText(NaN)).toBe("");
  });
  test("display width, shown numbers, number formats, formula-like text", () => {
    expect(displayWidth("R&D经费")).toBe(7);
    expect(shownNumber(29.968104934, undefined, "0.00")).toBe("29.97");
    expect(shownNumber(0.1234, undefined, "0.0%")).toBe("12.3%");
    expect(cellNumberFormat({ value: 341 })).toBe("0");
    expect(cellNumberFormat({ value: 0.5, digits: 2 })).toBe("0.00");
    expect(cellNumberFormat({ value: 0.5 }, true)).toBeUndefined();
    expect(cellNumberFormat({ value: "0.5" })).toBeUndefined();
    expect(["-0.307***", "+", "=A1", "0.3"].map(looksLikeFormula)).toEqual([true, true, true, false]);
  });
});

describe("regression table conventions", () => {
  const col = (over: Partial<TableColumn>): TableColumn => ({ params: { x: 0.5, _cons: 1 }, stdErrors: { x: 0.1, _cons: 0.2 }, tstats: {}, pvalues: { x: 0.01, _cons: 0.5 }, nobs: 100, ...over });
  test("dependent variables over the columns, R² one row per kind, few clusters marked, omitted terms noted", () => {
    const t = regressionTable([
      col({ dependent: "y", rsquared: 0.5, rsquaredKind: "within", nclusters: 31, entityEffects: true }),
      col({ dependent: "y", rsquared: 0.4, rsquaredKind: "overall", nclusters: 3, omitted: ["z"] }),
    ], { lang: "zh", depVarRow: true, labels: { y: "全要素生产率", z: "城镇化率" } });
    const g = toGrid(t);
    expect(g[0]).toEqual(["", "全要素生产率", "全要素生产率"]);
    expect(t.spanHeaderRows).toEqual([0]);
    expect(g[1]).toEqual(["变量", "(1)", "(2)†"]);
    expect(g.find((r) => r[0] === "组内R²")).toEqual(["组内R²", "0.500", ""]);
    expect(g.find((r) => r[0] === "整体R²")).toEqual(["整体R²", "", "0.400"]);
    expect(g.map((r) => r[0])).not.toContain("R²");
    expect(t.notes).toContain("† 聚类数少于 20：第(2)列 3 个聚类；聚类数过少时聚类稳健标准误及显著性星号不可靠（宜改用 wild cluster bootstrap）。");
    expect(t.notes).toContain("第(2)列：城镇化率 被省略（共线或被固定效应吸收）。");
  });
  test("the constant can be hidden even when the terms list it", () => {
    const g = toGrid(regressionTable([col({})], { terms: ["x", "_cons"], constant: false }));
    expect(g.map((r) => r[0])).not.toContain("Constant");
  });
});

describe("entropy tables in the paper's layout", () => {
  const r = {
    indicators: ["a", "b", "c"], directions: { a: "positive", b: "negative", c: "positive" },
    weights: { a: 0.2, b: 0.3, c: 0.5 }, groups: { G1: 0.5, G2: 0.5 }, indicatorGroups: { a: "G1", b: "G1", c: "G2" },
    periods: [{ label: "2003", weights: { a: 0.1, b: 0.4, c: 0.5 }, groups: { G1: 0.5, G2: 0.5 } }, { label: "2004-2012", weights: { a: 0.25, b: 0.25, c: 0.5 }, groups: { G1: 0.5, G2: 0.5 } }],
    notes: ["0 missing value(s) filled by linear interpolation within entity."], notesZh: ["0 个缺失值以个体内线性插值补齐。"],
  } as unknown as EntropyResult;
  test("by period: 一级 | 二级 | 权重/% | 时期 | 权重/% | 三级 | one column per period, in %", () => {
    const g = toGrid(weightsByPeriodTable(r, r, "指数", "zh"));
    expect(g[0]).toEqual(["一级指标", "二级指标", "权重/%", "时期", "权重/%", "三级指标", "2003", "2004-2012"]);
    expect(g[1]).toEqual(["指数", "G1", 50, "2003", 50, "a", 10, 25]);
    expect(g[2]).toEqual(["", "", "", "2004-2012", 50, "b", 40, 25]);
    expect(g[3]).toEqual(["", "G2", 50, "2003", 50, "c", 50, 50]);
    expect(g[4]).toEqual(["", "", "", "2004-2012", 50, "", "", ""]);
    expect(g.length).toBe(5); // the note that reports nothing is left out
  });
  test("pooled in the same style, with the direction", () => {
    const g = toGrid(pooledWeightsTable(r, "指数", "zh"));
    expect(g[0]).toEqual(["一级指标", "二级指标", "权重/%", "三级指标", "方向", "权重/%"]);
    expect(g[2]).toEqual(["", "", "", "b", "负向", 30]);
  });
  test("above the mean: one row per year, provinces joined by 、, then every year", () => {
    const g = toGrid(aboveMeanByYearTable({ years: [{ time: 2003, mean: 0.2, above: ["北京", "上海"] }, { time: 2004, mean: 0.3, above: ["北京"] }], alwaysAbove: ["北京"] }, "zh"));
    expect(g).toEqual([["年份", "全国均值", "个数", "高于均值的地区"], ["2003", 0.2, 2, "北京、上海"], ["2004", 0.3, 1, "北京"], ["各年均高于均值", "", 1, "北京"]]);
  });
  test("scores grid: provinces × years and the national mean of the provinces scored", () => {
    const s: Record<string, number> = { "北京|2003": 0.5, "上海|2003": 0.3, "北京|2004": 0.6 };
    const g = toGrid(scoresGridTable(["北京", "上海"], [2003, 2004], (e, t) => s[`${e}|${t}`], "zh"));
    expect(g).toEqual([["地区", "2003", "2004"], ["北京", 0.5, 0.6], ["上海", 0.3, ""], ["全国均值", 0.4, 0.6]]);
  });
});
