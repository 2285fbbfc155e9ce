import { writeFileSync, mkdirSync } from "fs";
import { dirname, resolve, extname } from "path";
import ExcelJS from "exceljs";
import { Command } from "./command";
import { checkFlags, flagString } from "../args";
import { parseAnalysisSpec } from "../../core/spec/analysis-spec";
import { runAnalysis } from "../../core/spec/run-analysis";
import { analysisSheets } from "../../render/analysis-sheets";
import { analysisFigures } from "../../render/charts/analysis-figures";
import { writeTablesSheet } from "../xlsx-write";
import { readDataTable, readJsonFile } from "../read-data";
import { loadPanel } from "../load-panel";
import { inputError } from "../../core/errors";
import { DataTable } from "../../core/data/data-table";

/**
 * `econsheet run SPEC.json [--data WORKBOOK.xlsx] --out RESULT.xlsx [--figures DIR]`: imports,
 * builds the indices, fits the models and writes a workbook: the tidy panel, index sheets and
 * one sheet per table as three-line tables; with --figures, the charts as SVG files (index
 * trends by region, event studies, placebo histograms). A progress line per step on stderr. The
 * output depends only on the spec and the data (no timestamps), so two runs give identical values.
 */
export const runCommand: Command = {
  name: "run",
  summary: "Run an analysis spec: indices and every table, written to a result workbook",
  usage: "econsheet run SPEC.json [--data WORKBOOK.xlsx|panel.csv] --out RESULT.xlsx [--figures DIR] [--lang zh]",
  async run(args, io) {
    checkFlags(args, ["data", "out", "lang", "sheet", "figures"]);
    const specPath = args.positional[0];
    if (!specPath) throw inputError("Give the analysis spec: econsheet run SPEC.json --out RESULT.xlsx.", "请给出分析设定：econsheet run SPEC.json --out RESULT.xlsx。");
    const out = flagString(args, "out", true);
    const spec = parseAnalysisSpec(readJsonFile(specPath));
    const dataPath = flagString(args, "data") ?? (spec.data.workbook ? resolve(dirname(specPath), spec.data.workbook) : undefined);
    if (!dataPath) throw inputError(`${specPath}: no data.workbook and no --data.`, `${specPath}：既没有 data.workbook，也没有 --data。`);
    io.stderr(`[1] reading ${dataPath}\n`);
    let panel: DataTable;
    if (extname(dataPath).toLowerCase() === ".csv") panel = await readDataTable(dataPath);
    else {
      const loaded = await loadPanel(dataPath, spec.data);
      panel = loaded.table;
      for (const line of loaded.report) io.stderr(`    ${line}\n`);
    }
    let n = 1;
    const run = runAnalysis(panel, spec, { onStep: (m) => io.stderr(`[${++n}] ${m}\n`) });
    const lang = (flagString(args, "lang") as "zh" | "en" | undefined) ?? spec.lang ?? "en";
    const wb = new ExcelJS.Workbook();
    wb.creator = "EconSheet";
    const fixed = new Date(Date.UTC(2000, 0, 1));
    wb.created = fixed;
    wb.modified = fixed;
    const sheets = analysisSheets(run, lang, { digits: spec.digits, constant: spec.constant });
    for (const sheet of sheets) writeTablesSheet(wb.addWorksheet(sheet.name), sheet.tables);
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
    io.stderr(`[${++n}] wrote ${out} (${wb.worksheets.length} sheets)\n`);
    const figuresDir = flagString(args, "figures");
    if (figuresDir) {
      const { figures, skipped } = analysisFigures(run, lang);
      mkdirSync(figuresDir, { recursive: true });
      for (const f of figures) writeFileSync(resolve(figuresDir, `${f.name}.svg`), f.svg);
      io.stderr(`[${++n}] wrote ${figures.length} figure(s) to ${figuresDir}\n`);
      for (const line of skipped) io.stderr(`    no figure for ${line}\n`);
    }
    return 0;
  },
};
