import { writeFileSync, mkdirSync } from "fs";
import { dirname, resolve, extname } from "path";
import ExcelJS from "exceljs";
import { Command } from "./command";
import { checkFlags, flagString, flagBool } from "../args";
import { parseAnalysisSpec } from "../../core/spec/analysis-spec";
import { runAnalysis } from "../../core/spec/run-analysis";
import { analysisSheets } from "../../render/analysis-sheets";
import { analysisFigures } from "../../render/charts/analysis-figures";
import { writeTablesSheet } from "../xlsx-write";
import { docxDocument } from "../docx-write";
import { svgToPng } from "../figure-png";
import { existsSync } from "fs";
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
  usage: "econsheet run SPEC.json [--data WORKBOOK.xlsx|panel.csv] --out RESULT.xlsx [--docx RESULT.docx] [--figures DIR [--figure-format svg|png|both]] [--lang zh] [--force]",
  async run(args, io) {
    checkFlags(args, ["data", "out", "lang", "sheet", "figures", "docx", "figure-format", "force"]);
    const figureFormat = flagString(args, "figure-format") ?? "svg";
    if (!["svg", "png", "both"].includes(figureFormat)) throw inputError(`--figure-format: '${figureFormat}' is not one of svg, png, both.`, `--figure-format：'${figureFormat}' 不是 svg、png、both 之一。`);
    const docxPath = flagString(args, "docx");
    if (docxPath && extname(docxPath).toLowerCase() !== ".docx") throw inputError(`--docx ${docxPath}: give a file name ending in .docx.`, `--docx ${docxPath}：请给出以 .docx 结尾的文件名。`);
    if (docxPath && existsSync(docxPath) && !flagBool(args, "force")) throw inputError(`--docx ${docxPath}: the file exists; choose another name or add --force to replace it.`, `--docx ${docxPath}：文件已存在；请换一个文件名，或加 --force 覆盖。`);
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
    const needFigures = figuresDir || docxPath;
    const { figures, skipped } = needFigures ? analysisFigures(run, lang) : { figures: [], skipped: [] };
    const pngs = new Map<string, ReturnType<typeof svgToPng>>();
    const png = (f: (typeof figures)[number]) => pngs.get(f.name) ?? pngs.set(f.name, svgToPng(f.svg)).get(f.name)!;
    if (figuresDir) {
      mkdirSync(figuresDir, { recursive: true });
      for (const f of figures) {
        if (figureFormat !== "png") writeFileSync(resolve(figuresDir, `${f.name}.svg`), f.svg);
        if (figureFormat !== "svg") writeFileSync(resolve(figuresDir, `${f.name}.png`), png(f).png);
      }
      io.stderr(`[${++n}] wrote ${figures.length} figure(s) to ${figuresDir}\n`);
      for (const line of skipped) io.stderr(`    no figure for ${line}\n`);
    }
    if (docxPath) {
      const tables = sheets.filter((s) => s.role !== "panel").flatMap((s) => s.tables);
      const buf = await docxDocument(spec.title, tables, figures.map((f) => ({ caption: f.caption ?? f.name, ...png(f) })), lang);
      mkdirSync(dirname(resolve(docxPath)), { recursive: true });
      writeFileSync(docxPath, buf);
      io.stderr(`[${++n}] wrote ${docxPath} (${tables.length} tables, ${figures.length} figure(s))\n`);
    }
    return 0;
  },
};
