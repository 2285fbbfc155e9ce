/**
 * Writes the sample's indices (fi, rcd, dig: the three entropy scores of sample/spec.json on the
 * SYNTHETIC workbook sample/yearbook.xlsx) with the four-region and South/North labels and fi's
 * nine raw indicators to test/fixtures/regional_sample.csv, the input of scripts/reference/regional.R.
 * Run: npx tsx scripts/reference/write-regional-data.ts
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { loadPanel } from "../../src/cli/load-panel";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { runAnalysis, addRegionColumns } from "../../src/core/spec/run-analysis";
import { columnIndex } from "../../src/core/data/data-table";

async function main() {
  const root = join(__dirname, "..", "..");
  const spec = parseAnalysisSpec(JSON.parse(readFileSync(join(root, "sample", "spec.json"), "utf8")));
  const { table } = await loadPanel(join(root, "sample", spec.data.workbook!), spec.data);
  const run = runAnalysis(table, { ...spec, tables: [] });
  const panel = addRegionColumns(run.panel, run.id, "en");
  const fiIndicators = spec.indices![0].groups.flatMap((g) => g.indicators.map((i) => i.name));
  const cols = [run.id, run.time, "region4", "southnorth", "fi", "rcd", "dig", ...fiIndicators];
  const idx = cols.map((c) => columnIndex(panel, c));
  const cell = (v: unknown) => (typeof v === "number" ? v.toPrecision(17) : v === null || v === undefined || v === "" ? "NA" : /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(String(v)) ? Number(v).toPrecision(17) : `"${String(v)}"`);
  // Indicator names are Chinese; the CSV names them x1..x9 (order of sample/spec.json).
  const header = ["province", "year", "region4", "southnorth", "fi", "rcd", "dig", ...fiIndicators.map((_, k) => `x${k + 1}`)];
  const lines = [header.map((h) => `"${h}"`).join(","), ...panel.rows.map((r) => idx.map((j, q) => (q === 1 ? String(r[j]) : cell(r[j]))).join(","))];
  writeFileSync(join(root, "test", "fixtures", "regional_sample.csv"), lines.join("\n") + "\n");
  console.log(`wrote ${panel.rows.length} rows; x1..x9 = ${fiIndicators.join(", ")}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
