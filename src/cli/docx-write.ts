import { Packer } from "docx";
import type { TableModel } from "../render/table-model";
import { wordDocument, DocxFigure } from "../render/docx-document";

export { docxTable, fittingSize, RULE_HEAVY, RULE_THIN, wordTables } from "../render/docx-document";
export type { DocxFigure } from "../render/docx-document";

/**
 * `econsheet run SPEC --docx FILE.docx`: the run's Word file (src/render/docx-document.ts) as
 * bytes for the CLI's output guard.
 */
export async function docxDocument(title: string | undefined, tables: readonly TableModel[], figures: readonly DocxFigure[] = [], lang: "en" | "zh" = "en"): Promise<Buffer> {
  return Packer.toBuffer(wordDocument(title, tables, figures, lang));
}
