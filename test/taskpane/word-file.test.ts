/**
 * The task pane's "Word file" (src/taskpane/journey/word-file.ts) on the sample analysis
 * (sample/spec.json on sample/yearbook.xlsx): the same document as `econsheet run --docx`
 * (src/cli/docx-write.ts) — every table a three-line table, every figure a picture — packed as a
 * Blob as the browser does, read back as a reader would (the docx's XML).
 */
import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { loadPanel } from "../../src/cli/load-panel";
import { parseAnalysisSpec } from "../../src/core/spec/analysis-spec";
import { runAnalysis } from "../../src/core/spec/run-analysis";
import { analysisSheets } from "../../src/render/analysis-sheets";
import { analysisFigures } from "../../src/render/charts/analysis-figures";
import { svgToPng } from "../../src/cli/figure-png";
import { docxDocument, wordTables } from "../../src/cli/docx-write";
import { svgSize, wordFile } from "../../src/taskpane/journey/word-file";

const root = join(__dirname, "..", "..");
const spec = parseAnalysisSpec(JSON.parse(readFileSync(join(root, "sample", "spec.json"), "utf8")));
const toPng = async (svg: string) => svgToPng(svg);

async function documentXml(bytes: ArrayBuffer | Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
}

describe("the pane's Word file", () => {
  let run: ReturnType<typeof runAnalysis>;
  beforeAll(async () => {
    const { table } = await loadPanel(join(root, "sample", "yearbook.xlsx"), spec.data);
    run = runAnalysis(table, spec);
  }, 60_000);

  test("every table as a three-line table and every figure as a picture, as `run --docx` writes them", async () => {
    const progress: string[] = [];
    const file = (await wordFile(run, "zh", { title: spec.title, toPng, onProgress: (d, n, phase) => progress.push(`${phase} ${d}/${n}`) }))!;
    expect(file.blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = await documentXml(await file.blob.arrayBuffer());
    const sheets = analysisSheets(run, "zh");
    const tables = wordTables(sheets);
    const { figures } = analysisFigures(run, "zh");
    expect(file.tables).toBe(tables.length);
    expect(file.figures).toBe(figures.length);
    expect(file.failed).toEqual([]);
    expect(tables.length).toBeGreaterThan(8);
    expect(figures.length).toBeGreaterThan(2);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(tables.length);
    expect((xml.match(/<pic:pic\b/g) ?? []).length).toBe(figures.length);
    // Rules: 1.5 pt top and bottom (sz 12), 0.75 pt under the header (sz 6), no vertical rules.
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="12"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(xml).toMatch(/<w:insideV w:val="none"/);
    for (const t of tables.filter((x) => x.title)) expect(xml).toContain(t.title!.replace(/&/g, "&amp;"));
    expect(xml).toContain("图1 ");
    expect(progress[0]).toBe(`figures 0/${figures.length}`);
    expect(progress[progress.length - 1]).toBe(`writing ${figures.length}/${figures.length}`);
    // The same document the CLI writes for the run (its bytes differ only in the timestamps).
    const cli = await docxDocument(spec.title, tables, await Promise.all(figures.map(async (f) => ({ caption: f.caption ?? f.name, ...(await toPng(f.svg)) }))), "zh");
    // (docx numbers its pictures across documents: ids aside.)
    const ids = (x: string) => x.replace(/ (id|r:embed)="(rId)?\d+"/g, ' $1="#"');
    const other = await documentXml(cli);
    expect(ids(xml) === ids(other)).toBe(true);
  }, 120_000);

  test("a figure that cannot be drawn is left out and named; Cancel returns null", async () => {
    let k = 0;
    const file = (await wordFile(run, "en", { toPng: async (svg) => { if (k++ === 0) throw new Error("no canvas"); return toPng(svg); } }))!;
    const { figures } = analysisFigures(run, "en");
    expect(file.failed).toEqual([{ name: figures[0].caption ?? figures[0].name, reason: "no canvas" }]);
    expect(file.figures).toBe(figures.length - 1);
    expect(await wordFile(run, "en", { toPng, isCancelled: () => true })).toBeNull();
  }, 120_000);

  test("svgSize reads width and height, else the viewBox", () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="450" viewBox="0 0 720 450">')).toEqual({ width: 720, height: 450 });
    expect(svgSize('<svg viewBox="0 0 640 400">')).toEqual({ width: 640, height: 400 });
  });
});
