import { analysisFigures } from "../../../src/render/charts/analysis-figures";
import { runAnalysis } from "../../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../../src/core/spec/analysis-spec";
import { regionTrend } from "../../../src/core/descriptive/region-trend";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";

const panel = tableFromGrid(syntheticGrid());

test("an index trend per index, and the DID table's event study and placebo; names safe for files", () => {
  const run = runAnalysis(panel, parseAnalysisSpec({
    schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" },
    indices: [{ name: "env", label: "环境/质量", groups: [{ name: "g", indicators: [{ name: "urb" }, { name: "fin" }] }] }],
    tables: [{ type: "did", title: "表9 DID", y: "hq", treatedUnits: ["北京", "上海"], firstYear: 2013, eventStudy: {}, placebo: { permutations: 10 } }],
  }));
  const { figures, skipped } = analysisFigures(run, "zh");
  expect(figures.map((f) => f.name)).toEqual(["环境_质量 分区域趋势", "表9 DID 事件研究", "表9 DID 安慰剂检验"]);
  expect(skipped).toEqual([]);
  expect(figures[0].svg).toContain("东部");
  expect(figures[0].svg).toContain("环境/质量：按区域的年度均值"); // the index's label, not its column name
});

test("ids that are not provinces: no trend figure, and the reason", () => {
  const grid = [["firm", "year", "a", "b"], ...[1, 2, 3].flatMap((f) => [2001, 2002].map((y) => [`F${f}`, y, f + y / 1000, f * y / 1000]))];
  const run = runAnalysis(tableFromGrid(grid), parseAnalysisSpec({ schema: "econsheet.analysis", version: 1, data: { id: "firm", time: "year" }, indices: [{ name: "ix", groups: [{ name: "g", indicators: [{ name: "a" }, { name: "b" }] }] }] }));
  const { figures, skipped } = analysisFigures(run, "en");
  expect(figures).toEqual([]);
  expect(skipped[0]).toMatch(/^ix: Row 2: 'F1' in column 'firm' is not a province name/);
});

test("regionTrend: South/North groups in the chart's language, canonical order", () => {
  const t = regionTrend(panel, "hq", "southnorth", "province", "year", "zh");
  expect(t.groups).toEqual(["南方", "北方"]);
  expect(t.times[0]).toBe(2003);
});
