import {
  AlignmentType, BorderStyle, Document, ImageRun, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlign, WidthType, IBorderOptions,
} from "docx";
import { TableModel, TableCell as ModelCell } from "./table-model";
import { shownNumber, displayWidth, cellNumberFormat } from "./format";
import { maxOf, pushAll } from "../core/data/extent";

/*
 * The Word file of a run, format-neutral: a `docx` Document that the CLI packs to a Buffer
 * (`econsheet run SPEC --docx`, src/cli/docx-write.ts) and the task pane packs to a Blob
 * (its "Word file" button, src/taskpane/journey/word-file.ts). No Node or browser I/O here.
 */

/** Word sizes are in half-points: 10.5 pt (五号) body, 9 pt (小五) notes. */
const BODY = 21;
const NOTE = 18;
const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" };
/** Border sizes are in eighths of a point: 1.5 pt top and bottom rules, 0.75 pt under the header. */
export const RULE_HEAVY = 12;
export const RULE_THIN = 6;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const heavy: IBorderOptions = { style: BorderStyle.SINGLE, size: RULE_HEAVY, color: "000000" };
const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: RULE_THIN, color: "000000" };

export interface DocxFigure {
  caption: string;
  png: Uint8Array;
  /** Pixel size of the PNG (the picture is scaled to the text width keeping its proportions). */
  width: number;
  height: number;
}

function text(c: ModelCell | undefined): string {
  if (!c || c.value === null) return "";
  if (typeof c.value === "number") return Number.isFinite(c.value) ? shownNumber(c.value, c.digits, cellNumberFormat(c, false)) : "";
  return c.value;
}

function para(s: string, size: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false, keepNext = false): Paragraph {
  return new Paragraph({ alignment: align, spacing: { before: 0, after: 0, line: Math.round(size * 12.4) }, keepNext: keepNext || undefined, children: [new TextRun({ text: s, font: FONT, size, bold })] });
}

/** Text width of a landscape A4 page with 2.54 cm margins, in cm. */
const TEXT_WIDTH_CM = 24.6;
/** Cell padding (60 twips a side) in cm. */
const PAD_CM = (2 * 60) / 567;

/**
 * Font size (half-points) at which a table of `chars` digit widths over `cols` columns fits the
 * text width: 10.5 pt when it fits, smaller for a wide table (a provinces × years grid), never
 * below 7 pt. A digit is half an em wide (Times New Roman).
 */
export function fittingSize(chars: number, cols: number): number {
  const perPoint = 0.5 * 0.03528;
  const pt = (TEXT_WIDTH_CM - cols * PAD_CM) / (chars * perPoint);
  return Math.max(14, Math.min(BODY, Math.floor(pt * 2)));
}

/**
 * A table model as a Word three-line table: 1.5 pt rules above the header and under the last
 * row, 0.75 pt under the header (and under a dependent variable spanning its models), no
 * vertical or inner rules; 宋体 for Chinese and Times New Roman for Latin text at 10.5 pt; the
 * title above, the notes below at 9 pt.
 */
export function docxTable(model: TableModel): (Paragraph | Table)[] {
  const rows = [...model.header, ...model.body];
  const width = maxOf(rows.map((r) => r.length), 1);
  const spans = new Set(model.spanHeaderRows ?? []);
  const out: (Paragraph | Table)[] = [];
  if (model.title) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 60 }, keepNext: true, children: [new TextRun({ text: model.title, font: FONT, size: BODY, bold: true })] }));
  const colChars = Array.from({ length: width }, (_, j) => maxOf(rows.map((r) => displayWidth(text(r[j]))), 4));
  const total = colChars.reduce((a, b) => a + b, 0);
  const size = fittingSize(total + width, width);
  const tableRows = rows.map((row, i) => {
    const isHeader = i < model.header.length;
    const lastHeader = i === model.header.length - 1;
    const cells: TableCell[] = [];
    for (let j = 0; j < width; j++) {
      let span = 1;
      if (isHeader && spans.has(i) && j > 0) while (j + span < width && text(row[j + span]) === text(row[j]) && text(row[j]) !== "") span++;
      const c = row[j];
      const left = j === 0 || (!isHeader && c?.role === "label");
      const borders = { top: NONE, left: NONE, right: NONE, bottom: lastHeader || (isHeader && spans.has(i) && span > 1) ? thin : NONE };
      cells.push(new TableCell({
        columnSpan: span > 1 ? span : undefined,
        borders,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: Math.round((colChars.slice(j, j + span).reduce((a, b) => a + b, 0) / total) * 5000), type: WidthType.PERCENTAGE },
        margins: { left: 60, right: 60 },
        // The last row keeps with the notes under it (a page break never parts a table from its notes).
        children: [para(text(c), size, left ? AlignmentType.LEFT : AlignmentType.CENTER, false, i === rows.length - 1 && model.notes.length > 0)],
      }));
      j += span - 1;
    }
    return new TableRow({ children: cells, tableHeader: isHeader, cantSplit: true });
  });
  out.push(new Table({
    rows: tableRows,
    width: { size: 5000, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.AUTOFIT,
    borders: { top: heavy, bottom: heavy, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  }));
  model.notes.forEach((n, k) => out.push(new Paragraph({ spacing: { before: 40, after: 0 }, keepNext: k < model.notes.length - 1 || undefined, children: [new TextRun({ text: n, font: FONT, size: NOTE })] })));
  return out;
}

/**
 * The tables of a run's sheets that go into Word: every table except the panel and the data
 * blocks (the panel, the density curves behind their figure), which stay in the workbook.
 */
export function wordTables(sheets: readonly { role?: string; tables: readonly TableModel[] }[]): TableModel[] {
  return sheets.filter((s) => s.role !== "panel").flatMap((s) => s.tables).filter((t) => !t.data && !t.figureData);
}

/**
 * A Word document of the run: every table as a three-line table (one after another, landscape
 * pages so wide tables fit), then the figures as pictures with their captions.
 */
export function wordDocument(title: string | undefined, tables: readonly TableModel[], figures: readonly DocxFigure[] = [], lang: "en" | "zh" = "en"): Document {
  const children: (Paragraph | Table)[] = [];
  if (title) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, font: FONT, size: 28, bold: true })] }));
  for (const t of tables) pushAll(children, docxTable(t));
  // Text width of a landscape A4 page with 2.54 cm margins, in pixels at 96 dpi (about 24.6 cm).
  const maxWidth = 930;
  for (const [k, f] of figures.entries()) {
    const w = Math.min(maxWidth * 0.75, f.width);
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, keepNext: true, children: [new ImageRun({ type: "png", data: f.png, transformation: { width: w, height: (w * f.height) / f.width } })] }));
    children.push(para(lang === "zh" ? `图${k + 1} ${f.caption}` : `Figure ${k + 1}. ${f.caption}`, BODY, AlignmentType.CENTER));
  }
  const doc = new Document({
    creator: "EconSheet",
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } } }, children }],
  });
  return doc;
}
