import { writeOutputFile, checkOutputPath } from "../output-file";
import { Command, CliIO, printJson } from "./command";
import { checkFlags, flagBool, flagList, flagString, ParsedArgs } from "../args";
import { readWorkbookGrids } from "../xlsx-io";
import { inputError, Lang } from "../../core/errors";
import { importYearbook } from "../../core/data/yearbook/import-yearbook";
import { tidyPanelGrid } from "../../core/data/yearbook/panel-grid";
import { ImportReport } from "../../core/data/yearbook/types";
import { gridCsv } from "../../render/csv";

const FLAGS = ["out", "interpolate", "sheets", "json", "lang", "force"];

/**
 * CSV text of a grid: RFC 4180, CRLF line ends, and a UTF-8 byte-order mark first, so Excel
 * (which reads a BOM-less CSV in the system code page, e.g. GBK) shows Chinese names correctly;
 * R's read.csv(fileEncoding = "UTF-8-BOM"), pandas and Stata 14+ `import delimited` read it too.
 * Numbers are written in JavaScript's shortest round-trip form; missing values are empty fields.
 */
export function gridToCsv(grid: readonly (readonly (string | number)[])[]): string {
  return "\uFEFF" + gridCsv(grid);
}

function reportText(r: ImportReport, lang: Lang, out: string | undefined): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(
    zh
      ? `整理后的面板：${r.nobs} 行（${r.nprovinces} 个省份 × ${r.years.count} 年，${r.years.first}–${r.years.last}），${r.indicators.length} 个指标${out ? `，已写入 ${out}` : ""}。`
      : `Tidy panel: ${r.nobs} rows (${r.nprovinces} provinces × ${r.years.count} years, ${r.years.first}–${r.years.last}), ${r.indicators.length} indicators${out ? `, written to ${out}` : ""}.`,
  );
  for (const s of r.sheets) {
    lines.push(zh ? `  工作表 '${s.sheet}'：${s.layout}，表头第 ${s.headerRow} 行，${s.cells} 个数据单元格` : `  sheet '${s.sheet}': ${s.layout}, header row ${s.headerRow}, ${s.cells} data cells`);
    for (const c of s.ignoredColumns) lines.push(zh ? `    忽略第 ${c.column} 列 '${c.header}'：${c.reason.zh}` : `    ignored column ${c.column} '${c.header}': ${c.reason.en}`);
  }
  for (const s of r.skippedSheets) lines.push(zh ? `  跳过工作表 '${s.sheet}'：${s.reason.zh}` : `  skipped sheet '${s.sheet}': ${s.reason.en}`);
  const byReason = new Map<string, number>();
  for (const s of r.skippedRows) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  if (byReason.size > 0) lines.push((zh ? "  跳过的行：" : "  skipped rows: ") + [...byReason].map(([k, n]) => `${k} ${n}`).join(", "));
  for (const ind of r.indicators) {
    // The unit is shown once: in the name when the header carried it ("GDP(亿元)"), else in brackets.
    const unit = ind.unit && !ind.label ? ` [${ind.unit}]` : "";
    if (ind.missing.length === 0) {
      lines.push(zh ? `  ${ind.name}${unit}：${ind.observed}/${ind.rows}，无缺失` : `  ${ind.name}${unit}: ${ind.observed}/${ind.rows}, nothing missing`);
      continue;
    }
    const list = ind.missing.map((m) => `${m.province} ${m.year}`).join(", ");
    const what =
      ind.action === "interpolated"
        ? zh
          ? `省内线性插值补 ${ind.filled.length} 个，${ind.leftMissing.length} 个（序列首尾）仍缺失`
          : `${ind.filled.length} filled by linear interpolation within province, ${ind.leftMissing.length} left missing (start or end of a series)`
        : zh
          ? "保留为缺失"
          : "left missing";
    lines.push(zh ? `  ${ind.name}${unit}：${ind.observed}/${ind.rows}，缺失 ${ind.missing.length} 个（${list}）：${what}` : `  ${ind.name}${unit}: ${ind.observed}/${ind.rows}, ${ind.missing.length} missing (${list}): ${what}`);
  }
  for (const n of r.notes) lines.push("  " + n[lang]);
  return lines.join("\n") + "\n";
}

/**
 * `econsheet import WORKBOOK.xlsx [--out panel.csv] [--interpolate] [--sheets a,b] [--json] [--lang zh]`:
 * yearbook sheets → tidy long panel CSV (UTF-8 with BOM) and an import report (JSON with --json).
 * Without --out nothing is written (a check of what would be imported).
 */
export const importCommand: Command = {
  name: "import",
  summary: "Yearbook workbook (sheet per indicator / per year / long) -> tidy panel CSV and import report",
  usage:
    "econsheet import WORKBOOK.xlsx [--out panel.csv [--force]] [--interpolate] [--sheets a,b] [--json] [--lang zh]\n" +
    "  Detects each sheet's layout, skips titles, unit rows, notes and national totals, normalises province names,\n" +
    "  and writes province,code,year,<indicators> sorted by NBS code and year (CSV in UTF-8 with a BOM for Excel).\n" +
    "  --interpolate fills interior gaps by linear interpolation within province; gaps at the ends stay missing.",
  async run(args: ParsedArgs, io: CliIO) {
    checkFlags(args, FLAGS);
    const path = args.positional[0];
    if (!path) throw inputError("Give the workbook to import: econsheet import WORKBOOK.xlsx --out panel.csv", "请给出要导入的工作簿：econsheet import WORKBOOK.xlsx --out panel.csv");
    if (!/\.(xlsx|xlsm)$/i.test(path)) throw inputError(`${path}: import reads .xlsx workbooks.`, `${path}：import 读取 .xlsx 工作簿。`);
    const out = flagString(args, "out");
    const lang: Lang = flagString(args, "lang") === "zh" ? "zh" : "en";
    const guard = { force: flagBool(args, "force"), inputs: [path] };
    if (out) checkOutputPath(out, "--out", guard);
    const sheets = await readWorkbookGrids(path);
    const result = importYearbook(sheets, { interpolate: flagBool(args, "interpolate"), sheets: flagList(args, "sheets") });
    const grid = tidyPanelGrid(result.panel);
    if (out) writeOutputFile(out, gridToCsv(grid), "--out", guard);
    if (flagBool(args, "json")) {
      printJson(io, { workbook: path, out: out ?? null, columns: grid[0], ...result.report });
    } else {
      io.stdout(reportText(result.report, lang, out));
    }
    return 0;
  },
};
