import { Packer } from "docx";
import type { Lang } from "../../core/errors";
import type { AnalysisRun } from "../../core/spec/run-analysis";
import { analysisSheets } from "../../render/analysis-sheets";
import { analysisFigures } from "../../render/charts/analysis-figures";
import { DocxFigure, wordDocument, wordTables } from "../../render/docx-document";

/**
 * The task pane's "Word file": the same document `econsheet run SPEC --docx` writes — every
 * table of the run as a Word three-line table, the figures as pictures — packed as a Blob in the
 * browser. This module (with the `docx` library) is loaded only when the button is clicked
 * (a dynamic import in app.tsx), so the pane's start-up does not grow.
 */

export interface Png {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface WordFileOptions {
  title?: string;
  /** SVG → PNG; in the pane a canvas (svgToPngInBrowser), in a unit test resvg. */
  toPng?: (svg: string) => Promise<Png>;
  onProgress?: (done: number, total: number, phase: "figures" | "writing") => void;
  isCancelled?: () => boolean;
}

export interface WordFile {
  blob: Blob;
  tables: number;
  figures: number;
  /** Figures that could not be made into pictures (left out), with the reason. */
  failed: { name: string; reason: string }[];
  /** Figures the run could not draw at all (analysisFigures' own list). */
  skipped: string[];
}

/** Pixel size of an SVG from its width/height attributes (else its viewBox; else 720 × 480). */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const num = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(tag)?.[1]);
  let width = num("width"), height = num("height");
  if (!(width > 0 && height > 0)) {
    const vb = /viewBox="[\d.-]+\s+[\d.-]+\s+([\d.]+)\s+([\d.]+)"/.exec(tag);
    width = vb ? Number(vb[1]) : 720;
    height = vb ? Number(vb[2]) : 480;
  }
  return { width, height };
}

/**
 * An SVG figure as PNG through the browser's own renderer: the SVG as an image on a canvas at
 * `scale` times its size (2, print resolution, as the CLI's resvg), on white.
 */
export async function svgToPngInBrowser(svg: string, scale = 2): Promise<Png> {
  const { width, height } = svgSize(svg);
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2-D canvas");
  g.fillStyle = "#FFFFFF";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the canvas gave no PNG");
  return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}

/** The run's Word file, or null when cancelled. */
export async function wordFile(run: AnalysisRun, lang: Lang, options: WordFileOptions = {}): Promise<WordFile | null> {
  const tables = wordTables(analysisSheets(run, lang));
  const { figures, skipped } = analysisFigures(run, lang);
  const toPng = options.toPng ?? ((svg: string) => svgToPngInBrowser(svg));
  const pictures: DocxFigure[] = [];
  const failed: WordFile["failed"] = [];
  for (const [k, f] of figures.entries()) {
    if (options.isCancelled?.()) return null;
    options.onProgress?.(k, figures.length, "figures");
    try {
      pictures.push({ caption: f.caption ?? f.name, ...(await toPng(f.svg)) });
    } catch (e) {
      failed.push({ name: f.caption ?? f.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  if (options.isCancelled?.()) return null;
  options.onProgress?.(figures.length, figures.length, "writing");
  const blob = await Packer.toBlob(wordDocument(options.title, tables, pictures, lang));
  return { blob, tables: tables.length, figures: pictures.length, failed, skipped };
}
