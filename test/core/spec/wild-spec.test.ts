/**
 * The analysis spec's `wild` field: validated with paths, run for regression / robustness /
 * heterogeneity / DID tables with the same numbers as the core call, rendered with the bootstrap
 * p in brackets and its note.
 */
import { runAnalysis } from "../../../src/core/spec/run-analysis";
import { parseAnalysisSpec } from "../../../src/core/spec/analysis-spec";
import { tableFromGrid } from "../../../src/core/data/data-table";
import { syntheticGrid } from "../../../scripts/lib/synthetic-panel";
import { wildBootstrapPanel } from "../../../src/core/inference/wild-panel";
import { analysisSheets } from "../../../src/render/analysis-sheets";
import { toGrid } from "../../../src/render/grid";
import { errorOf } from "../../helpers/error-of";
import { EconError } from "../../../src/core/errors";

const panel = tableFromGrid(syntheticGrid());
const base = { schema: "econsheet.analysis", version: 1, data: { id: "province", time: "year" } };

test("a regression, robustness and heterogeneity table with wild: {reps, weights, seed}", () => {
  const spec = parseAnalysisSpec({
    ...base,
    tables: [
      { type: "regression", title: "Baseline", wild: { reps: 999, weights: "webb", seed: 3 }, models: [{ formula: "hq ~ fi", effect: "twoways", vcov: "cluster" }] },
      { type: "robustness", title: "Robustness", wild: { reps: 999 }, base: { formula: "hq ~ fi + urb", vcov: "cluster" }, variants: ["re"] },
      { type: "heterogeneity", title: "Heterogeneity", wild: { reps: 9999 }, base: { formula: "hq ~ fi + urb", vcov: "cluster" }, groups: "region4" },
    ],
  });
  const run = runAnalysis(panel, spec);
  const t0 = run.tables[0];
  if (t0.kind !== "regression") throw new Error("expected a regression table");
  const direct = wildBootstrapPanel(panel, { formula: "hq ~ fi", id: "province", time: "year", effect: "twoways", vcov: "cluster" }, { reps: 999, weights: "webb", seed: 3, interval: false }).wildBootstrap;
  expect(t0.wild![0]).toEqual(direct);
  expect(direct.terms.fi.confInt).toEqual([null, null]); // the sheet prints p only
  expect(direct.notes.join(" ")).not.toMatch(/whole line/);
  const t1 = run.tables[1];
  if (t1.kind !== "regression") throw new Error("expected a regression table");
  expect(t1.wild![0]).toBeDefined();
  expect(t1.wild![1]).toBeUndefined(); // the RE column keeps its z inference
  const t2 = run.tables[2];
  if (t2.kind !== "regression") throw new Error("expected a regression table");
  // Regions of 3 to 12 provinces: Rademacher draws are enumerated.
  expect(t2.wild!.every((w) => w!.enumerated && w!.reps === 2 ** w!.nclusters)).toBe(true);
  const sheet = analysisSheets(run, "en").find((x) => x.name === "Baseline")!;
  const grid = toGrid(sheet.tables[0]);
  const i = grid.findIndex((r) => r[0] === "fi");
  expect(grid[i + 2][1]).toBe(`[${direct.terms.fi.p.toFixed(3)}]`);
  expect(grid.some((r) => String(r[0]).startsWith("Wild cluster bootstrap p-values in brackets"))).toBe(true);
});

test("a DID table with wild tests the treatment term of each column", () => {
  const spec = parseAnalysisSpec({ ...base, tables: [{ type: "did", title: "DID", y: "hq", treatedUnits: ["北京", "上海", "广东"], firstYear: 2013, controls: ["urb"], wild: { reps: 999, seed: 2 } }] });
  const run = runAnalysis(panel, spec);
  const t = run.tables[0];
  if (t.kind !== "did") throw new Error("expected a DID table");
  expect(t.wild).toHaveLength(2);
  expect(Object.keys(t.wild![0].terms)).toEqual([t.did[0].term]);
  expect(t.wild![0].terms[t.did[0].term].confInt[0]).toBeLessThan(t.did[0].estimate);
});

test("a bad wild field names its path", () => {
  const e = errorOf<EconError>(() => parseAnalysisSpec({ ...base, tables: [{ type: "regression", title: "T", wild: { reps: 0 }, models: [{ formula: "hq ~ fi" }] }] }));
  expect(e.text.en).toMatch(/tables\[0\]\.wild\.reps/);
  const w = errorOf<EconError>(() => parseAnalysisSpec({ ...base, tables: [{ type: "regression", title: "T", wild: { reps: 99, weights: "mammen" }, models: [{ formula: "hq ~ fi" }] }] }));
  expect(w.text.zh).toMatch(/rademacher、webb/);
});

test("a heterogeneity table with wild has one bootstrap note listing each column's draws", () => {
  const spec = parseAnalysisSpec({ ...base, tables: [{ type: "heterogeneity", title: "Het", lang: "zh", wild: { reps: 9999 }, base: { formula: "hq ~ fi + urb", vcov: "cluster", effect: "twoways" }, groups: "region4" }] });
  const sheet = analysisSheets(runAnalysis(panel, spec), "zh").find((x) => x.name === "Het")!;
  const notes = sheet.tables[0].notes.filter((n) => n.includes("wild cluster bootstrap p"));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain("(4) 穷举 2^3 = 8");
  expect(notes[0]).not.toContain("随机抽样另加原样本");
});
