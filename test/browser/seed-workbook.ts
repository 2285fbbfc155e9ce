import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import seedrandom from "seedrandom";
import { syntheticProvincePanel } from "../../scripts/lib/synthetic-panel";
import { PROVINCES } from "../../src/core/data/provinces";

/**
 * The workbook the browser test seeds the Excel double with, read with exceljs (as a user's
 * file would be). When sample/yearbook.xlsx exists (scripts/make-sample.ts) its sheets are added;
 * the journey itself runs on the "面板" + "指标体系" sheets built here from the synthetic
 * provincial panel (scripts/lib/synthetic-panel.ts), with raw indicators for three indices,
 * full province names (北京市, Inner Mongolia), "2003年" years, a 全国 row and three "—" gaps.
 */
export type Grid = (string | number | boolean | null)[][];
export interface SeedSheet {
  name: string;
  values: Grid;
  formulas?: { row: number; col: number; formula: string; values: Grid }[];
}

export const INDICES = [
  { name: "fi", label: "要素创新", groups: [["研发投入", "fi_rd", "+"], ["研发投入", "fi_staff", "+"], ["环境代价", "fi_waste", "-"]] },
  { name: "rcd", label: "区域协调", groups: [["城乡差距", "rcd_gap", "-"], ["开放联通", "rcd_trade", "+"], ["开放联通", "rcd_road", "+"]] },
  { name: "dig", label: "产业数字化", groups: [["数字基础", "dig_net", "+"], ["数字应用", "dig_ecom", "+"], ["数字应用", "dig_soft", "+"]] },
] as const;
export const RAW = ["fi_rd", "fi_staff", "fi_waste", "rcd_gap", "rcd_trade", "rcd_road", "dig_net", "dig_ecom", "dig_soft"] as const;
export const CONTROLS = ["urb", "open", "gov", "fin"] as const;
/** Cells left as "—" in the long sheet: [province, year, column]; interior, so interpolation fills them. */
export const GAPS: [string, number, string][] = [["河北", 2010, "fi_rd"], ["四川", 2015, "dig_ecom"], ["甘肃", 2008, "urb"]];

export interface ExpectedRow {
  province: string;
  year: number;
  values: Record<string, number>;
}

/** The long panel the importer should produce (short names, numeric years, gaps interpolated). */
export function expectedPanel(): ExpectedRow[] {
  const rng = seedrandom("econsheet-browser-test");
  const noise = () => (rng() - 0.5) * 0.02;
  const rows = syntheticProvincePanel().map((r) => ({
    province: r.province,
    year: r.year,
    values: {
      hq: r.hq, urb: r.urb, open: r.open, gov: r.gov, fin: r.fin,
      fi_rd: r.fi * 100 + noise() * 100, fi_staff: r.fi * 50 + noise() * 40, fi_waste: 10 - r.fi * 5 + noise() * 10,
      rcd_gap: 3 - r.rcd * 2 + noise() * 5, rcd_trade: r.rcd * 80 + noise() * 90, rcd_road: r.rcd + noise(),
      dig_net: r.dig * 30 + noise() * 20, dig_ecom: r.dig * 70 + noise() * 60, dig_soft: r.dig * 10 + noise() * 10,
    } as Record<string, number>,
  }));
  return rows;
}

function longSheet(rows: ExpectedRow[]): Grid {
  const cols = ["hq", ...CONTROLS, ...RAW];
  const grid: Grid = [["2003—2023年各省份面板数据（合成数据，非真实数据）"], ["单位：见说明"], ["省份", "年份", ...cols]];
  rows.forEach((r, i) => {
    const p = PROVINCES.find((x) => x.name === r.province)!;
    const name = p.name === "内蒙古" ? "Inner Mongolia" : i % 2 === 0 ? p.full : p.name;
    const year = r.year % 5 === 0 ? `${r.year}年` : r.year;
    grid.push([name, year, ...cols.map((c) => (GAPS.some(([gp, gy, gc]) => gp === r.province && gy === r.year && gc === c) ? "—" : r.values[c]))]);
    if (i === 20) grid.push(["全国", 2023, ...cols.map(() => 1)]);
  });
  grid.push([]);
  grid.push(["注：合成数据，仅用于测试。"]);
  return grid;
}

function hierarchySheet(): Grid {
  const grid: Grid = [["一级指标", "二级指标", "三级指标", "方向"]];
  for (const ix of INDICES) {
    ix.groups.forEach(([g, ind, dir], k) => grid.push([k === 0 ? `${ix.label} (${ix.name})` : null, g, ind, dir === "+" ? "正向" : "负向"]));
  }
  return grid;
}

/** A user's own sheet with an ECON.* spill, to test "Freeze as values" and that nothing else changes. */
function notesSheet(): SeedSheet {
  return {
    name: "Notes",
    values: [["My notes — do not touch", null, null], ["x", 1, 2]],
    formulas: [{ row: 4, col: 0, formula: "=ECON.DESCRIBE(面板!C3:D654)", values: [["Variable", "N", "Mean"], ["hq", 651, 1.25], ["urb", 651, 0.6]] }],
  };
}

function cellValue(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "result" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  return String(v);
}

async function readSheets(file: string): Promise<SeedSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const values: Grid = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (out[c - 1] = cellValue(cell.value)));
      values[r - 1] = Array.from(out, (x) => (x === undefined ? null : x));
    });
    return { name: ws.name, values: Array.from(values, (r) => r ?? []) };
  });
}

/** What the journey clicks: the data sheets, the hierarchy sheet and the variables of the three tables. */
export interface JourneyConfig {
  source: "sample/yearbook.xlsx" | "synthetic";
  dataSheets: string[];
  hierarchySheet: string;
  y: string;
  x: string;
  controls: string[];
  mediator: string;
  indices: string[];
}

/** The Table-1 layout sheet for the indices of sample/spec.json ("要素创新 (fi)" names the column fi). */
function hierarchyFromSpec(indices: { name: string; label?: string; groups: { name: string; indicators: { name: string; direction?: string }[] }[] }[]): Grid {
  const grid: Grid = [["一级指标", "二级指标", "三级指标", "方向"]];
  for (const ix of indices) {
    let first = true;
    for (const g of ix.groups) {
      g.indicators.forEach((ind, k) => {
        grid.push([first ? `${ix.label ?? ix.name} (${ix.name})` : null, k === 0 ? g.name : null, ind.name, ind.direction === "-" ? "负向" : "正向"]);
        first = false;
      });
    }
  }
  return grid;
}

/**
 * The seed workbook and the journey on it. With the bundled sample (sample/yearbook.xlsx from
 * scripts/make-sample.ts, read with exceljs) the journey imports its yearbook sheets and builds
 * the indices of sample/spec.json from a hierarchy sheet; without it, a synthetic long sheet.
 * A user's "Notes" sheet with an ECON.* spill is added either way.
 */
export async function buildJourney(root: string): Promise<{ seed: SeedSheet[]; config: JourneyConfig }> {
  const sample = path.join(root, "sample", "yearbook.xlsx");
  const specFile = path.join(root, "sample", "spec.json");
  if (fs.existsSync(sample) && fs.existsSync(specFile)) {
    const spec = JSON.parse(fs.readFileSync(specFile, "utf8"));
    const sheets = await readSheets(sample);
    const indicators = new Set<string>(spec.indices.flatMap((ix: { groups: { indicators: { name: string }[] }[] }) => ix.groups.flatMap((g) => g.indicators.map((i) => i.name))));
    const base = spec.tables.find((t: { type: string }) => t.type === "regression").models[1].formula as string;
    const [y, rhs] = base.split("~").map((x: string) => x.trim());
    const terms = rhs.split("+").map((x: string) => x.trim());
    const mediation = spec.tables.find((t: { type: string }) => t.type === "mediation");
    const dataSheets = sheets.filter((s) => indicators.has(s.name) || [y, ...terms].includes(s.name)).map((s) => s.name);
    return {
      seed: [...sheets, { name: "指标体系", values: hierarchyFromSpec(spec.indices) }, notesSheet()],
      config: { source: "sample/yearbook.xlsx", dataSheets, hierarchySheet: "指标体系", y, x: terms[0], controls: terms.slice(1), mediator: mediation.mediators[0], indices: spec.indices.map((ix: { name: string }) => ix.name) },
    };
  }
  return {
    seed: await buildSeed(root),
    config: { source: "synthetic", dataSheets: ["面板"], hierarchySheet: "指标体系", y: "hq", x: "fi", controls: [...CONTROLS], mediator: "dig", indices: INDICES.map((ix) => ix.name) },
  };
}

/** Writes the synthetic seed workbook to test-artifacts/seed.xlsx, reads it back with exceljs and returns its sheets. */
export async function buildSeed(root: string): Promise<SeedSheet[]> {
  const out = path.join(root, "test-artifacts");
  fs.mkdirSync(out, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const add = (name: string, grid: Grid) => {
    const ws = wb.addWorksheet(name);
    grid.forEach((r) => ws.addRow(r));
  };
  add("面板", longSheet(expectedPanel()));
  add("指标体系", hierarchySheet());
  const file = path.join(out, "seed.xlsx");
  await wb.xlsx.writeFile(file);
  return [...(await readSheets(file)), notesSheet()];
}
