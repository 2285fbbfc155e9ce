/**
 * Publication test: the sample analysis (sample/spec.json on the synthetic sample/yearbook.xlsx)
 * written by `econsheet run --out … --docx …` in Chinese and in English, read back as a reader
 * (exceljs, the docx's XML) and checked for what a journal would refuse. When LibreOffice and
 * poppler are installed, the workbook's table sheets and the Word file are rendered to PNG under
 * test-artifacts/publication/ for a person to look at.
 */
import { mkdtempSync, mkdirSync, readFileSync, existsSync, readdirSync, rmSync } from "fs";
import { join, resolve } from "path";
import { tmpdir } from "os";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cli } from "../helpers/cli";
import { displayWidth, shownNumber } from "../../src/render/format";

const root = resolve(__dirname, "../..");
const specPath = join(root, "sample", "spec.json");
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const dir = mkdtempSync(join(tmpdir(), "econsheet-publication-"));

/** Every string the user typed in the spec (names, labels, titles, indicator names): allowed in any table. */
function typed(x: unknown, out: string[] = []): string[] {
  if (typeof x === "string") out.push(x);
  else if (Array.isArray(x)) x.forEach((v) => typed(v, out));
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) if (k !== "$comment" && k !== "formula") typed(v, out);
  return out;
}
const userStrings = typed(spec).filter((s) => /[A-Za-z]/.test(s) && /[\u0080-\uffff]/.test(s)).sort((a, b) => b.length - a.length);
/** Codes that have a label: index names and renamed columns. */
const codes = [...spec.indices.map((i: { name: string }) => i.name), ...spec.tables.flatMap((t: { rename?: object }) => Object.keys(t.rename ?? {}))];
/** English words a Chinese table may hold: method names, as Chinese journals print them. */
// Method names and the notation of the Dagum decomposition (Gw, Gnb, Gt), as Chinese papers print them.
const METHOD_WORDS = new Set(["Sobel", "Aroian", "Bootstrap", "bootstrap", "wild", "cluster", "LSDV", "Dagum", "Gw", "Gnb", "Gt",
  // the kernel-density note's bandwidth rule (R's bw.nrd0: 0.9·min(sd, IQR/1.34)·n^(−1/5)) and grid (min − 3h … max + 3h)
  "bw", "nrd", "sd", "IQR", "min", "max"]);

/** A cell's plain text (rich-text runs joined; a merged cell reads its master's text). */
function textOf(c: ExcelJS.Cell): string {
  const v = c.value;
  if (v && typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return c.text;
}

interface Read {
  text: string;
  cells: ExcelJS.Cell[];
}

async function readTables(path: string): Promise<Map<string, { ws: ExcelJS.Worksheet; read: Read }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, { ws: ExcelJS.Worksheet; read: Read }>();
  wb.eachSheet((ws) => {
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    out.set(ws.name, { ws, read: { text: cells.map(textOf).join("\n"), cells } });
  });
  return out;
}

/** The text a cell shows: numbers in their number format. */
function shown(c: ExcelJS.Cell): string {
  return typeof c.value === "number" ? shownNumber(c.value, undefined, c.numFmt) : textOf(c);
}

function isMergedSlaveOrSpan(ws: ExcelJS.Worksheet, c: ExcelJS.Cell): boolean {
  return c.isMerged;
}

const runs: Record<"zh" | "en", { xlsx: string; docx: string }> = {
  zh: { xlsx: join(dir, "zh.xlsx"), docx: join(dir, "zh.docx") },
  en: { xlsx: join(dir, "en.xlsx"), docx: join(dir, "en.docx") },
};

beforeAll(async () => {
  for (const lang of ["zh", "en"] as const) {
    const r = await cli("run", specPath, "--out", runs[lang].xlsx, "--docx", runs[lang].docx, "--lang", lang);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}, 120000);

describe.each(["zh", "en"] as const)("the sample analysis in %s", (lang) => {
  test("every table sheet: labels not codes, whole language, dependent variable, R² kinds, number formats, widths, printing, few clusters", async () => {
    const book = await readTables(runs[lang].xlsx);
    const tableSheets = [...book.entries()].filter(([name]) => name !== (lang === "zh" ? "面板数据" : "Panel"));
    const aboveMean = spec.indices.filter((i: { aboveMean?: boolean }) => i.aboveMean).length;
    expect(tableSheets.length).toBe(3 * 2 + aboveMean + spec.tables.length);
    for (const [name, { ws, read }] of tableSheets) {
      const where = `${lang} sheet '${name}'`;
      // No code where a label exists, no formula-syntax term, no _cons.
      for (const c of read.cells) {
        const t = textOf(c).trim();
        expect({ where, t, code: codes.includes(t) }).toEqual({ where, t, code: false });
        expect({ where, t, lag: /lag\(|_cons|\bM = (fi|rcd|dig)\b|\bX = fi\b/.test(t) }).toEqual({ where, t, lag: false });
      }
      // A Chinese table holds no English words beyond symbols, method names and what the user typed.
      if (lang === "zh") {
        let text = read.text;
        for (const s of userStrings) text = text.split(s).join(" ");
        const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !METHOD_WORDS.has(w));
        expect({ where, words }).toEqual({ where, words: [] });
      } else {
        expect({ where, zhWords: /按|聚类|常数项|组内|是否|控制/.test(read.text) }).toEqual({ where, zhWords: false });
      }
      // Every number has a number format; every cell fits its column (wrapped cells excepted).
      for (const c of read.cells) {
        if (typeof c.value === "number") expect({ where, at: c.address, fmt: !!c.numFmt && c.numFmt !== "General" }).toEqual({ where, at: c.address, fmt: true });
        if (isMergedSlaveOrSpan(ws, c) || c.alignment?.wrapText) continue;
        const width = ws.getColumn(Number(c.col)).width ?? 8.43;
        expect({ where, at: c.address, text: shown(c), fits: width >= displayWidth(shown(c)) }).toEqual({ where, at: c.address, text: shown(c), fits: true });
      }
      // Print setup: the used area, one page wide.
      expect({ where, fit: ws.pageSetup.fitToPage, wide: ws.pageSetup.fitToWidth, area: !!ws.pageSetup.printArea }).toEqual({ where, fit: true, wide: 1, area: true });
      // R² rows are named by their kind, never a bare "R²".
      const r2 = read.cells.filter((c) => Number(c.col) === 1 && /R²/.test(textOf(c))).map((c) => textOf(c));
      for (const l of r2) expect(lang === "zh" ? ["组内R²", "整体R²", "组间R²", "调整R²", "LSDV R²"] : ["Within R²", "Overall R²", "Between R²", "Adjusted R²", "R² (LSDV)"]).toContain(l);
    }
    // Regression tables name the dependent variable and mark columns with fewer than 20 clusters.
    const y = "全要素生产率";
    for (const t of spec.tables.filter((t: { type: string }) => !["descriptive", "coupling", "dagum", "density"].includes(t.type))) {
      const { read } = book.get(t.title)!;
      expect(read.text).toContain(y);
      const heads = read.cells.filter((c) => /^\(\d+\)†?$/.test(textOf(c))).map((c) => textOf(c));
      expect(heads.length).toBeGreaterThan(0);
      if (t.type === "heterogeneity") {
        // Province-clustered SEs with 3–16 provinces per region: every column marked, a note says how many.
        expect(heads.every((h) => h.endsWith("†"))).toBe(true);
        const items = heads.map((_, k) => (lang === "zh" ? `第\\(${k + 1}\\)列 \\d+ 个聚类` : `column \\(${k + 1}\\) \\d+ clusters`)).join(lang === "zh" ? "，" : ", ");
        expect(read.text).toMatch(new RegExp(lang === "zh" ? `† 聚类数少于 20：${items}；` : `† Fewer than 20 clusters: ${items};`));
      } else expect(heads.some((h) => h.endsWith("†"))).toBe(false);
      expect(read.text).toContain(lang === "zh" ? "按省份聚类" : "clustered by province");
    }
    // Robustness: the RE column's R² is its overall R², on its own row; lags print as L.<label>.
    const rob = book.get("表7 稳健性检验")!.read.text;
    expect(rob).toContain(lang === "zh" ? "整体R²" : "Overall R²");
    expect(rob).toContain("L.要素创新");
    expect(rob).toContain(lang === "zh" ? "随机效应" : "Random effects");
    // Heterogeneity: region names in the table's language.
    expect(book.get("表8 异质性分析（四大区域）")!.read.text).toContain(lang === "zh" ? "东北" : "Northeast");
    // Weights in % with two decimals; the pooled level-2 weights of an index add up to 100.
    const w = book.get(lang === "zh" ? "要素创新权重" : "要素创新 weights")!;
    const pcts = w.read.cells.filter((c) => typeof c.value === "number");
    expect(pcts.every((c) => c.numFmt === "0.00")).toBe(true);
    // The first table's level-2 weights: one per group of the first index, in column C.
    const level2 = w.read.cells.filter((c) => Number(c.col) === 3 && typeof c.value === "number").slice(0, spec.indices[0].groups.length).map((c) => c.value as number);
    expect(level2.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 8);
    // Scores: provinces × years with a national-mean row, three decimals.
    const s = book.get(lang === "zh" ? "要素创新得分" : "要素创新 scores")!;
    expect(s.read.text).toContain(lang === "zh" ? "全国均值" : "National mean");
    expect(s.read.cells.filter((c) => typeof c.value === "number" && Number(c.row) < 40).every((c) => c.numFmt === "0.000" || c.numFmt === "0")).toBe(true);
  }, 60000);

  test("the Word file: one three-line table per table (1.5 pt top and bottom rules, 0.75 pt under the header, no vertical rules), 宋体/Times New Roman 10.5 pt, the figures as PNG", async () => {
    const zip = await JSZip.loadAsync(readFileSync(runs[lang].docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const book = await readTables(runs[lang].xlsx);
    const titles = [...book.values()].flatMap(({ read }) => read.cells.filter((c) => Number(c.col) === 1 && c.isMerged && c.font?.bold).map((c) => textOf(c)));
    // Every titled table of the workbook except the density curves, whose figure stands for them in Word.
    const figureData = [...book.keys()].filter((n) => /核密度|[Kk]ernel dens/.test(n)).length;
    expect(figureData).toBe(1);
    expect(tables.length).toBe(new Set(titles).size - figureData);
    expect(xml).not.toMatch(/核密度<\/w:t>[\s\S]{0,400}<w:tbl>/);
    for (const t of tables) {
      const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1];
      expect(borders).toMatch(/<w:top w:val="single" w:color="000000" w:sz="12"\/>/);
      expect(borders).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="12"\/>/);
      for (const side of ["left", "right", "insideH", "insideV"]) expect(borders).toMatch(new RegExp(`<w:${side} w:val="none"`));
      expect(t).toMatch(/<w:tcBorders>[\s\S]*?<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/);
      expect(t).not.toMatch(/<w:(left|right) w:val="single"/);
      expect(t).toMatch(/w:eastAsia="SimSun"/);
      expect(t).toMatch(/w:ascii="Times New Roman"/);
      // 10.5 pt (half-points 21); a table too wide for the page (the provinces × years grid) shrinks, never below 7 pt.
      const sizes = [...t.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
      if (/<w:t[^>]*>\(1\)/.test(t)) expect(sizes.every((z) => z === 21)).toBe(true);
    }
    expect(xml).toContain(lang === "zh" ? "表5 基准回归" : "表5 基准回归");
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    // The figures of the sample spec: three index trends and the three regional figures (coupling, Dagum shares, densities).
    expect(media.length).toBe(6);
    const png = await zip.file(media[0])!.async("uint8array");
    expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  }, 60000);
});

const have = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

test("rendered with LibreOffice for a person to look at (test-artifacts/publication/)", async () => {
  if (!have("soffice") || !have("pdftoppm")) {
    console.warn("LibreOffice or poppler not installed: no rendered pages");
    return;
  }
  const out = join(root, "test-artifacts", "publication");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The table sheets only (the tidy panel would print as a hundred pages of data).
  const tablesOnly = async (lang: "zh" | "en") => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(runs[lang].xlsx);
    wb.removeWorksheet(wb.getWorksheet(lang === "zh" ? "面板数据" : "Panel")!.id);
    const path = join(dir, `tables-${lang}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  };
  const profile = `file://${join(dir, "lo-profile")}`;
  for (const [file, stem] of [[await tablesOnly("zh"), "workbook-zh"], [await tablesOnly("en"), "workbook-en"], [runs.zh.docx, "word-zh"], [runs.en.docx, "word-en"]] as const) {
    const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { encoding: "utf8", timeout: 90000 });
    expect(r.status).toBe(0);
    const pdf = join(dir, file.replace(/^.*\//, "").replace(/\.(xlsx|docx)$/, ".pdf"));
    expect(existsSync(pdf)).toBe(true);
    expect(spawnSync("pdftoppm", ["-png", "-r", "80", pdf, join(out, stem)]).status).toBe(0);
  }
  expect(readdirSync(out).filter((f) => f.startsWith("workbook-zh")).length).toBeGreaterThan(5);
}, 240000);
