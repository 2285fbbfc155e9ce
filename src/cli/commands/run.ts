import { existsSync, statSync } from "fs";
import { writeOutputFile, checkOutputPath } from "../output-file";
import { progressReporter } from "../progress";
import { dirname, resolve, extname } from "path";
import { Command } from "./command";
import { checkFlags, flagBool, flagString } from "../args";
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
  usage: "econsheet run SPEC.json [--data WORKBOOK.xlsx|panel.csv] [--sheet NAME] --out RESULT.xlsx [--docx RESULT.docx] [--figures DIR [--figure-format svg|png|both]] [--force] [--lang zh]",
  async run(args, io) {
    checkFlags(args, ["data", "out", "lang", "sheet", "figures", "docx", "figure-format", "force"]);
    const figureFormat = flagString(args, "figure-format") ?? "svg";
    if (!["svg", "png", "both"].includes(figureFormat)) throw inputError(`--figure-format: '${figureFormat}' is not one of svg, png, both.`, `--figure-format：'${figureFormat}' 不是 svg、png、both 之一。`);
    const docxPath = flagString(args, "docx");
    if (docxPath && extname(docxPath).toLowerCase() !== ".docx") throw inputError(`--docx ${docxPath}: give a file name ending in .docx.`, `--docx ${docxPath}：请给出以 .docx 结尾的文件名。`);
    const specPath = args.positional[0];
    if (!specPath) throw inputError("Give the analysis spec: econsheet run SPEC.json --out RESULT.xlsx.", "请给出分析设定：econsheet run SPEC.json --out RESULT.xlsx。");
    const out = flagString(args, "out", true);
    const spec = parseAnalysisSpec(readJsonFile(specPath), specPath);
    const dataPath = flagString(args, "data") ?? (spec.data.workbook ? resolve(dirname(specPath), spec.data.workbook) : undefined);
    if (!dataPath) throw inputError(`${specPath}: no data.workbook and no --data.`, `${specPath}：既没有 data.workbook，也没有 --data。`);
    const guard = { force: flagBool(args, "force"), inputs: [specPath, dataPath] };
    checkOutputPath(out, "--out", guard);
    if (docxPath) checkOutputPath(docxPath, "--docx", guard);
    const figuresDir = flagString(args, "figures");
    io.stderr(`[1] reading ${dataPath}${flagString(args, "data") ? "" : ` (data.workbook of ${specPath})`}\n`);
    let panel: DataTable;
    // --sheet reads one sheet of the workbook (overriding data.sheets); on a CSV it is refused by readDataTable.
    const sheet = flagString(args, "sheet");
    if (extname(dataPath).toLowerCase() === ".csv") panel = await readDataTable(dataPath, sheet);
    else {
      const loaded = await loadPanel(dataPath, sheet ? { ...spec.data, sheets: [sheet] } : spec.data);
      panel = loaded.table;
      for (const line of loaded.report) io.stderr(`    ${line}\n`);
    }
    let n = 1;
    const lang = (flagString(args, "lang") as "zh" | "en" | undefined) ?? spec.lang ?? "en";
    let progress = progressReporter(io, lang === "zh" ? "重抽样" : "resampling", lang);
    const run = runAnalysis(panel, spec, {
      onStep: (m) => {
        io.stderr(`[${++n}] ${m}\n`);
        progress = progressReporter(io, lang === "zh" ? "重抽样" : "resampling", lang);
      },
      onBootstrap: (done, total) => progress(done, total),
    });
    const { Workbook } = (await import("exceljs")).default; // loaded only when a workbook is written
    const wb = new Workbook();
    wb.creator = "EconSheet";
    const fixed = new Date(Date.UTC(2000, 0, 1));
    wb.created = fixed;
    wb.modified = fixed;
    const sheets = analysisSheets(run, lang, { digits: spec.digits, constant: spec.constant });
    for (const s of sheets) writeTablesSheet(wb.addWorksheet(s.name), s.tables);
    // Every figure path is checked before anything is written, so a refusal leaves no half-written set.
    const needFigures = figuresDir || docxPath;
    const { figures, skipped } = needFigures ? analysisFigures(run, lang) : { figures: [], skipped: [] };
    const exts = figureFormat === "both" ? ["svg", "png"] : [figureFormat];
    if (figuresDir) {
      if (existsSync(figuresDir) && !statSync(figuresDir).isDirectory()) throw inputError(`--figures ${figuresDir} is a file; give a folder name.`, `--figures ${figuresDir} 是文件；请给出文件夹名。`);
      for (const f of figures) for (const e of exts) checkOutputPath(resolve(figuresDir, `${f.name}.${e}`), "--figures", guard);
    }
    writeOutputFile(out, Buffer.from(await wb.xlsx.writeBuffer()), "--out", guard);
    io.stderr(`[${++n}] wrote ${out} (${wb.worksheets.length} sheets)\n`);
    // PNG rendering (resvg) and Word (docx) are loaded only when asked for.
    const needPng = !!docxPath || (!!figuresDir && figureFormat !== "svg");
    const { svgToPng } = needPng ? await import("../figure-png") : { svgToPng: undefined };
    const pngs = new Map<string, { png: Buffer; width: number; height: number }>();
    const png = (f: (typeof figures)[number]) => pngs.get(f.name) ?? pngs.set(f.name, svgToPng!(f.svg)).get(f.name)!;
    if (figuresDir) {
      for (const f of figures) {
        if (figureFormat !== "png") writeOutputFile(resolve(figuresDir, `${f.name}.svg`), f.svg, "--figures", guard);
        if (figureFormat !== "svg") writeOutputFile(resolve(figuresDir, `${f.name}.png`), png(f).png, "--figures", guard);
      }
      io.stderr(`[${++n}] wrote ${figures.length} figure(s) to ${figuresDir}\n`);
      for (const line of skipped) io.stderr(`    no figure for ${line}\n`);
    }
    if (docxPath) {
      const { docxDocument, wordTables } = await import("../docx-write");
      // Data blocks (the panel, the density curves behind their figure) stay in the workbook; Word gets the tables and figures.
      const tables = wordTables(sheets);
      const buf = await docxDocument(spec.title, tables, figures.map((f) => ({ caption: f.caption ?? f.name, ...png(f) })), lang);
      writeOutputFile(docxPath, buf, "--docx", guard);
      io.stderr(`[${++n}] wrote ${docxPath} (${tables.length} tables, ${figures.length} figure(s))\n`);
    }
    return 0;
  },
};
