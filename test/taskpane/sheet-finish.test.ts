/**
 * Table sheets written by the task pane (write-sheets.ts → excel-io.ts → excel-sheets.ts) on the
 * Excel double: the title and notes merged across the table and wrapped with row heights for
 * their lines, a dependent variable merged over its models, fonts, and the print setup (print
 * area, A4, one page wide, landscape when wide) — applied where the host has ExcelApi 1.9 and
 * reported as skipped where it has not (the manifest asks for 1.7).
 */
import fs from "fs";
import path from "path";
import { officeWorkbookIO, CellValue } from "../../src/taskpane/excel-io";
import { sheetFinish, threeLineFormat, wrappedLines, writeOutputs, tableValues } from "../../src/taskpane/journey/write-sheets";
import { cell, headerRow, TableModel } from "../../src/render/table-model";

interface Merge { row: number; col: number; rowCount: number; colCount: number }
interface Double {
  dump(): { name: string; values: CellValue[][]; merges: Merge[] }[];
  values(name: string): CellValue[][];
  merges(name: string): Merge[];
  rowHeights(name: string): Record<string, number>;
  pageLayout(name: string): { printArea: string | null; orientation: string; paperSize: string; zoom: Record<string, number>; centerHorizontally: boolean };
  cellFormat(name: string, r: number, c: number): { numberFormat: string; borders: unknown; font: { name?: string; size?: number; bold?: boolean } | null; wrapText: boolean; horizontalAlignment: string; verticalAlignment: string } | null;
}

function loadDouble(seed: unknown): Double {
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = { __ECONSHEET_SEED__: seed };
  const code = fs.readFileSync(path.join(__dirname, "..", "browser", "excel-double.js"), "utf8");
  new Function("window", code)(g.window);
  const w = g.window as Record<string, unknown>;
  g.Office = w.Office;
  g.Excel = w.Excel;
  return w.__excelDouble as Double;
}

const LONG_NOTE = "注：括号内为按省份聚类的稳健标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。所有模型均控制个体固定效应与年份固定效应，样本为 2003—2023 年 31 个省份。";

/** A regression-like table: title, dependent variable over two models, numbers, two notes. */
function model(columns = 2): TableModel {
  const models = Array.from({ length: columns }, (_, k) => `(${k + 1})`);
  return {
    title: "表5 基准回归",
    header: [headerRow(["", ...models.map(() => "产业数字化")]), headerRow(["变量", ...models])],
    spanHeaderRows: [0],
    body: [
      [cell("要素创新", "label"), ...models.map((_, k) => cell(k % 2 ? "-0.307***" : "0.412**", "coef"))],
      [cell("", "label"), ...models.map(() => cell("(0.051)", "se"))],
      [cell("N", "label"), ...models.map(() => cell(651, "stat", 0))],
    ],
    rulesAfter: [1],
    notes: [LONG_NOTE, "† 少于 20 个聚类。"],
  };
}

describe("the finish of a table sheet", () => {
  test("sheetFinish: title and notes merged across the width with heights for their lines; the dependent variable over its models; print area", () => {
    const m = model();
    const f = threeLineFormat(m, 0, 0);
    const widths = f.columnWidths!;
    const fin = sheetFinish([{ model: m, format: f }], widths);
    const grid = tableValues(m);
    const noteRow = f.bodyEnd + 1;
    expect(grid[noteRow][0]).toBe(LONG_NOTE);
    expect(fin.merges).toEqual(expect.arrayContaining([
      { row: 0, col: 0, rowCount: 1, colCount: 3, align: "Center", wrap: true },
      { row: noteRow, col: 0, rowCount: 1, colCount: 3, align: "Left", wrap: true },
      { row: noteRow + 1, col: 0, rowCount: 1, colCount: 3, align: "Left", wrap: true },
      { row: 1, col: 1, rowCount: 1, colCount: 2, align: "Center", wrap: false },
    ]));
    const span = widths.reduce((a, b) => a + b, 0);
    // The long note (~150 display units) over a narrow table needs several 9-pt lines.
    const lines = wrappedLines(LONG_NOTE, 9, span);
    expect(lines).toBeGreaterThan(2);
    expect(fin.rowHeights.find((h) => h.row === noteRow)!.height).toBeCloseTo(lines * 9 * 1.45 + 2, 0);
    expect(fin.print).toEqual({ rowCount: grid.length, colCount: 3, landscape: false });
    // A note longer than Excel's tallest row (409 pt) gets the tallest row, not an error.
    const long = { ...m, notes: ["x".repeat(20000)] };
    const lf = threeLineFormat(long, 0, 0);
    expect(sheetFinish([{ model: long, format: lf }], lf.columnWidths!).rowHeights.find((h) => h.row === lf.bodyEnd + 1)!.height).toBe(409);
    // A table wider than a portrait page prints landscape.
    const wide = model(12);
    const wf = threeLineFormat(wide, 0, 0);
    expect(sheetFinish([{ model: wide, format: wf }], wf.columnWidths!).print!.landscape).toBe(true);
  });

  test("written on a host with ExcelApi 1.9: merged and wrapped notes, values kept, fonts, print setup", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.9" });
    const io = officeWorkbookIO();
    const skipped: string[] = [];
    const [name] = await writeOutputs(io, [{ name: "表5", tables: [model()] }], { onPrintSkipped: (s) => skipped.push(s) });
    expect(skipped).toEqual([]);
    const grid = tableValues(model());
    const values = dbl.values(name);
    const noteRow = grid.length - 2;
    // Every value as written, except the repeated dependent-variable label inside its merge.
    expect(values[noteRow][0]).toBe(LONG_NOTE);
    expect(values[3][0]).toBe("要素创新");
    expect(values[3][2]).toBe("-0.307***");
    expect(values[2]).toEqual(["变量", "(1)", "(2)"]);
    expect(values[1][1]).toBe("产业数字化");
    expect(values[1][2]).toBe("");
    expect(dbl.merges(name)).toEqual(expect.arrayContaining([
      { row: 0, col: 0, rowCount: 1, colCount: 3 },
      { row: 1, col: 1, rowCount: 1, colCount: 2 },
      { row: noteRow, col: 0, rowCount: 1, colCount: 3 },
      { row: noteRow + 1, col: 0, rowCount: 1, colCount: 3 },
    ]));
    const note = dbl.cellFormat(name, noteRow, 0)!;
    expect(note).toMatchObject({ wrapText: true, horizontalAlignment: "Left", verticalAlignment: "Top" });
    expect(note.font).toMatchObject({ name: "SimSun", size: 9 });
    expect(dbl.cellFormat(name, 0, 0)).toMatchObject({ horizontalAlignment: "Center", font: { bold: true, size: 10.5 } });
    // A thin rule under the dependent variable over its two models, not under the "变量" cell.
    expect((dbl.cellFormat(name, 1, 1)!.borders as Record<string, { weight?: string }>).EdgeBottom?.weight).toBe("Thin");
    expect((dbl.cellFormat(name, 1, 0)!.borders as Record<string, { weight?: string }>).EdgeBottom).toBeUndefined();
    expect(dbl.rowHeights(name)[noteRow]).toBeGreaterThan(30);
    expect(dbl.pageLayout(name)).toEqual({ printArea: `A1:C${grid.length}`, orientation: "Portrait", paperSize: "A4", zoom: { horizontalFitToPages: 1 }, centerHorizontally: true });
  });

  test("on a host before ExcelApi 1.9: merges and wrapping still done, the print setup skipped and reported, no 1.9 call", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.8" });
    const io = officeWorkbookIO();
    const skipped: string[] = [];
    const [name] = await writeOutputs(io, [{ name: "Wide", tables: [model(12)] }], { onPrintSkipped: (s) => skipped.push(s) });
    expect(skipped).toEqual(["Wide"]);
    expect(dbl.merges(name).length).toBeGreaterThanOrEqual(4);
    expect(dbl.pageLayout(name)).toMatchObject({ printArea: null, orientation: "Portrait", paperSize: "Letter" });
  });

  test("a plain data sheet (panel, scores) gets no merges and no print setup", async () => {
    const dbl = loadDouble({ sheets: [{ name: "Data", values: [["x"]] }], excelApi: "1.9" });
    const skipped: string[] = [];
    const [name] = await writeOutputs(officeWorkbookIO(), [{ name: "Panel", data: [["province", "year"], ["北京", 2003]] }], { onPrintSkipped: (s) => skipped.push(s) });
    expect(dbl.merges(name)).toEqual([]);
    expect(dbl.pageLayout(name).printArea).toBeNull();
    expect(skipped).toEqual([]);
  });
});

describe("the Excel double models merge and page layout as Office.js documents them", () => {
  test("a merge keeps the upper-left value and empties the others", async () => {
    const dbl = loadDouble({ sheets: [{ name: "S", values: [["a", "b", "c"]] }] });
    await (globalThis as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 3).merge(false);
      await ctx.sync();
    });
    expect(dbl.values("S")).toEqual([["a"]]);
    expect(dbl.merges("S")).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 3 }]);
  });

  test("pageLayout is ExcelApi 1.9: ApiNotFound before; zoom outside Office's ranges is refused", async () => {
    loadDouble({ sheets: [{ name: "S", values: [["a"]] }], excelApi: "1.8" });
    const X = (globalThis as unknown as { Excel: typeof Excel }).Excel;
    await expect(X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape";
      await ctx.sync();
    })).rejects.toThrow(/ApiNotFound/);
    loadDouble({ sheets: [{ name: "S", values: [["a"]] }], excelApi: "1.9" });
    const Y = (globalThis as unknown as { Excel: typeof Excel }).Excel;
    await expect(Y.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").pageLayout.zoom = { scale: 5 };
      await ctx.sync();
    })).rejects.toThrow(/InvalidArgument/);
  });
});
