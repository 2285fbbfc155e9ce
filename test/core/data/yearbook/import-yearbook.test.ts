import { importYearbook } from "../../../../src/core/data/yearbook/import-yearbook";
import { tidyPanelGrid, tidyPanelTable } from "../../../../src/core/data/yearbook/panel-grid";
import { numericColumn } from "../../../../src/core/data/data-table";
import { Cell } from "../../../../src/core/data/cells";
import { EconError } from "../../../../src/core/errors";
import { SheetInput } from "../../../../src/core/data/yearbook/types";
import { INDICATORS, MISSING, NAMES, YEARS, long, perIndicator, perYear, value } from "./small-panel";

// Expected values are the generating formula in small-panel.ts (hand-made data, no external software needed).
function expectedGrid(): (string | number)[][] {
  const codes: Record<string, number> = { 北京: 11, 河北: 13, 内蒙古: 15, 广东: 44 };
  const rows: (string | number)[][] = [];
  for (const p of NAMES.keys()) for (const y of YEARS.keys()) rows.push([NAMES[p], codes[NAMES[p]], YEARS[y], ...INDICATORS.map((_, k) => value(p, y, k) ?? "")]);
  return [["province", "code", "year", ...INDICATORS], ...rows];
}

function thrown(f: () => unknown): EconError {
  try {
    f();
  } catch (e) {
    if (e instanceof EconError) return e;
    throw e;
  }
  throw new Error("expected an EconError");
}

describe("importYearbook: three layouts of the same data", () => {
  const a = importYearbook(perIndicator());
  const b = importYearbook(perYear());
  const c = importYearbook(long());

  test("layouts are detected", () => {
    expect(a.report.sheets.map((s) => s.layout)).toEqual(["per-indicator", "per-indicator", "per-indicator"]);
    expect(b.report.sheets.map((s) => s.layout)).toEqual(["per-year", "per-year", "per-year", "per-year"]);
    expect(b.report.sheets.map((s) => s.year)).toEqual(YEARS);
    expect(c.report.sheets.map((s) => s.layout)).toEqual(["long"]);
  });

  test("identical tidy panels, sorted by NBS code then year", () => {
    expect(b.panel).toEqual(a.panel);
    expect(c.panel).toEqual(a.panel);
    expect(tidyPanelGrid(a.panel)).toEqual(expectedGrid());
  });

  test("report: rows, missing cells by province-year, left missing", () => {
    expect(a.report.nobs).toBe(16);
    expect(a.report.nprovinces).toBe(4);
    expect(a.report.years).toEqual({ first: 2003, last: 2006, count: 4 });
    const gdp = a.report.indicators.find((r) => r.name === "gdp")!;
    expect(gdp).toMatchObject({ rows: 16, observed: 15, action: "left-missing" });
    expect(gdp.missing).toEqual([{ province: "河北", code: 13, year: 2004, place: "gdp!C3" }]);
    expect(gdp.leftMissing).toEqual(gdp.missing);
    expect(a.report.indicators.find((r) => r.name === "pop")!.action).toBe("none");
    expect(c.report.indicators.find((r) => r.name === "urb")!.missing).toEqual([{ province: "内蒙古", code: 15, year: 2003, place: expect.stringMatching(/^panel!E\d+$/) }]);
  });

  test("DataTable for the estimators: missing is NaN there, '' in the grid, never NaN in the grid", () => {
    const t = tidyPanelTable(a.panel);
    expect(t.names).toEqual(["province", "code", "year", ...INDICATORS]);
    const gdp = numericColumn(t, "gdp");
    expect(Number.isNaN(gdp[5])).toBe(true); // 河北 2004
    expect(gdp[0]).toBe(1000);
    expect(tidyPanelGrid(a.panel).flat().some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
  });

  test("interpolation within province fills the interior gap and leaves the start missing", () => {
    const r = importYearbook(perYear(), { interpolate: true });
    const gdp = r.report.indicators.find((x) => x.name === "gdp")!;
    expect(gdp.action).toBe("interpolated");
    // 河北 2004 between 2003 (1250) and 2005 (1325): (1250 + 1325) / 2.
    expect(gdp.filled).toEqual([{ province: "河北", code: 13, year: 2004, place: "2004!B3", value: 1287.5 }]);
    expect(gdp.leftMissing).toEqual([]);
    expect(r.panel.indicators[0].values[5]).toBe(1287.5);
    const urb = r.report.indicators.find((x) => x.name === "urb")!;
    expect(urb.filled).toEqual([]);
    expect(urb.leftMissing).toEqual([{ province: "内蒙古", code: 15, year: 2003, place: "2003!D4" }]);
    expect(MISSING).toHaveLength(2);
  });
});

describe("importYearbook: a messy yearbook workbook", () => {
  const full: Record<string, string> = { 北京: "北京市", 河北: "河 北 省", 内蒙古: "内蒙古自治区", 广东: "Guangdong" };
  const units = ["亿元", "万人", "%"];
  function messy(): SheetInput[] {
    const sheets: SheetInput[] = INDICATORS.map((ind, k) => {
      const grid: Cell[][] = [
        [`表 ${k + 1}  各地区${ind}（2003—2006年）`],
        [],
        ["", "", "", "", `单位：${units[k]}`],
        ["地  区", ...YEARS.map((y) => `${y}年`)],
        ["全国", ...YEARS.map(() => 99999)],
        [],
        ...NAMES.map((n, p) => [full[n], ...YEARS.map((_, y) => value(p, y, k) ?? (k === 0 ? "—" : "..."))]),
        ["注：本表数据为测试用合成数据。"],
        ["资料来源：EconSheet 测试。"],
      ];
      return { name: ind, grid };
    });
    return [{ name: "说明", grid: [["本工作簿为合成数据"], ["31 个省份"]] }, ...sheets];
  }
  const clean = importYearbook(perIndicator());
  const r = importYearbook(messy());

  test("imports to the same panel as the clean layout", () => {
    expect(tidyPanelGrid(r.panel)).toEqual(tidyPanelGrid(clean.panel));
    expect(r.report.sheets.map((s) => s.headerRow)).toEqual([4, 4, 4]);
  });

  test("units and titles kept as metadata; README sheet skipped", () => {
    expect(r.panel.indicators.map((c) => c.unit)).toEqual(units);
    expect(r.report.sheets[0].title).toBe("表 1  各地区gdp（2003—2006年）");
    expect(r.report.skippedSheets).toEqual([{ sheet: "说明", reason: expect.objectContaining({ en: expect.stringMatching(/no province names/) }) }]);
  });

  test("missing cells listed with their token; national totals and notes reported as skipped", () => {
    expect(r.report.indicators[0].missing).toEqual([{ province: "河北", code: 13, year: 2004, place: "gdp!C8", token: "—" }]);
    expect(r.report.indicators[2].missing).toEqual([{ province: "内蒙古", code: 15, year: 2003, place: "urb!B9", token: "..." }]);
    const gdpSkips = r.report.skippedRows.filter((s) => s.sheet === "gdp");
    expect(gdpSkips.map((s) => [s.row, s.reason])).toEqual([[5, "national-total"], [11, "note"], [12, "note"]]);
  });
});

describe("importYearbook: messy per-year sheets in English", () => {
  const english: Record<string, string> = { 北京: "Beijing", 河北: "HEBEI", 内蒙古: "Inner Mongolia", 广东: "Guangdong Province" };
  test("titles, 'Unit:' rows, NA / #N/A missing, 'Note:' lines, a Total row: same panel as the clean layouts", () => {
    const sheets: SheetInput[] = YEARS.map((year, y) => ({
      name: `${year}年`,
      grid: [
        [`Main indicators by region, ${year}`],
        ["Unit: various"],
        ["Region", ...INDICATORS],
        ...NAMES.map((n, p) => [english[n], ...INDICATORS.map((_, k) => value(p, y, k) ?? (k === 0 ? "NA" : "#N/A"))]),
        ["Total", 1, 2, 3],
        ["Note: synthetic test data."],
      ],
    }));
    const r = importYearbook(sheets);
    expect(tidyPanelGrid(r.panel)).toEqual(expectedGrid());
    expect(r.report.indicators[0].missing).toEqual([{ province: "河北", code: 13, year: 2004, place: "2004年!B5", token: "NA" }]);
    expect(r.report.skippedRows.map((s) => s.reason)).toEqual(YEARS.flatMap(() => ["national-total", "note"]));
  });
});

describe("importYearbook: numbers and refusals", () => {
  test("numbers stored as text with thousands separators, full-width digits, '2003' headers as text", () => {
    const r = importYearbook([{ name: "gdp", grid: [["地区", "2003", "2004"], ["北京", "1,234.5", " 12,000 "], ["天津", "１，２３４", 7]] }]);
    expect(tidyPanelGrid(r.panel).slice(1).map((row) => row[3])).toEqual([1234.5, 12000, 1234, 7]);
  });

  test("an unknown province name is refused with sheet and row named (English and Chinese)", () => {
    const e = thrown(() => importYearbook([{ name: "gdp", grid: [["地区", 2003], ["北京", 1], ["东部地区", 2]] }]));
    expect(e.kind).toBe("value");
    expect(e.text.en).toMatch(/Sheet 'gdp' row 3 \(cell A3\): '东部地区' is not one of the 31 mainland provinces/);
    expect(e.text.zh).toMatch(/工作表 'gdp' 第 3 行/);
  });

  test("text in a data cell: sheet, cell address and province-year named", () => {
    const e = thrown(() => importYearbook([{ name: "gdp", grid: [["title"], ["地区", 2003, 2004], ["北京", 1, 2], ["河北", 3, "n.a.x"]] }]));
    expect(e.text.en).toMatch(/Sheet 'gdp' cell C4 \(河北, 2004\), indicator 'gdp': 'n.a.x' is not a number/);
    expect(e.text.zh).toMatch(/单元格 C4（河北，2004）/);
  });

  test("the same province-year in two sheets: both places named", () => {
    const e = thrown(() =>
      importYearbook([
        { name: "2003", grid: [["地区", "gdp"], ["北京", 1]] },
        { name: "panel", grid: [["province", "year", "gdp"], ["北京市", 2003, 1]] },
      ]),
    );
    expect(e.text.en).toMatch(/'gdp' for 北京 2003 appears twice: 2003!B2 and panel!C2/);
  });

  test("a province listed twice under two spellings is a duplicate", () => {
    const e = thrown(() => importYearbook([{ name: "gdp", grid: [["地区", 2003], ["北京", 1], ["Beijing", 2]] }]));
    expect(e.text.en).toMatch(/2003 appears twice: gdp!B2 and gdp!B3/);
  });

  test("a footnote-looking row with values is not skipped silently", () => {
    const e = thrown(() => importYearbook([{ name: "gdp", grid: [["地区", 2003], ["北京", 1], ["*西藏", 2]] }]));
    expect(e.text.en).toMatch(/Sheet 'gdp' row 3: the row starts like a footnote \('\*西藏 2'\) but cell B3 holds the value 2/);
  });

  test("per-year sheet takes its year from the title when the sheet name has none", () => {
    const r = importYearbook([{ name: "Sheet1", grid: [["2010年各地区主要指标"], ["地区", "GDP(亿元)", "人口(万人)"], ["上海", "17,166", 2303]] }]);
    expect(r.report.sheets[0]).toMatchObject({ layout: "per-year", year: 2010 });
    // The full header is the column name; the unit in parentheses also goes to unit, the rest to label.
    expect(r.panel.indicators.map((c) => [c.name, c.label, c.unit])).toEqual([["GDP(亿元)", "GDP", "亿元"], ["人口(万人)", "人口", "万人"]]);
    expect(tidyPanelGrid(r.panel)[0]).toEqual(["province", "code", "year", "GDP(亿元)", "人口(万人)"]);
    expect(tidyPanelGrid(r.panel)[1]).toEqual(["上海", 31, 2010, 17166, 2303]);
    expect(r.report.indicators.map((c) => [c.name, c.label, c.unit])).toEqual([["GDP(亿元)", "GDP", "亿元"], ["人口(万人)", "人口", "万人"]]);
  });

  test("full-width brackets in headers become ASCII (NFKC), so sheets written either way give one column", () => {
    const r = importYearbook([
      { name: "2010", grid: [["地区", "地区生产总值（亿元）"], ["上海", 17166]] },
      { name: "2011", grid: [["地区", "地区生产总值(亿元)"], ["上海", 19195]] },
    ]);
    expect(r.panel.indicators.map((c) => [c.name, c.label, c.unit])).toEqual([["地区生产总值(亿元)", "地区生产总值", "亿元"]]);
    expect(r.report.notes).toEqual([]);
  });

  test("headers that differ only in the unit stay separate columns, with a note", () => {
    const r = importYearbook([
      { name: "2010", grid: [["地区", "GDP(亿元)"], ["上海", 17166]] },
      { name: "2011", grid: [["地区", "GDP(万元)"], ["上海", 191950000]] },
    ]);
    expect(r.panel.indicators.map((c) => c.name)).toEqual(["GDP(亿元)", "GDP(万元)"]);
    expect(r.report.notes.map((n) => n.en).join(" ")).toMatch(/Indicators 'GDP\(亿元\)', 'GDP\(万元\)' are 'GDP' with different units \(or none\); they are kept as separate columns/);
    expect(r.report.notes.map((n) => n.zh).join(" ")).toMatch(/已作为不同的列保留/);
  });

  test("a per-year sheet without a year is refused with advice", () => {
    const e = thrown(() => importYearbook([{ name: "Sheet1", grid: [["地区", "GDP"], ["上海", 1]] }]));
    expect(e.text.en).toMatch(/Sheet 'Sheet1'.*has no year\. Name the sheet by its year/);
  });

  test("values in a row without a province are refused; a workbook without provinces is empty", () => {
    expect(thrown(() => importYearbook([{ name: "gdp", grid: [["地区", 2003], ["北京", 1], ["", 5]] }])).text.en).toMatch(/cell B3 holds '5' but the province cell A3 is empty/);
    expect(thrown(() => importYearbook([{ name: "x", grid: [["a", "b"], [1, 2]] }])).kind).toBe("na");
  });

  test("long layout ignores code and text columns and reports them", () => {
    const r = importYearbook([{ name: "long", grid: [["代码", "省份", "年份", "region", "gdp"], [11, "北京", "2003年", "East", 5], [13, "河北", "2003年", "East", 6]] }]);
    expect(r.report.sheets[0].ignoredColumns.map((c) => c.column)).toEqual(["A", "D"]);
    expect(tidyPanelGrid(r.panel)).toEqual([["province", "code", "year", "gdp"], ["北京", 11, 2003, 5], ["河北", 13, 2003, 6]]);
  });

  test("--sheets selection and unknown sheet names", () => {
    const r = importYearbook(perIndicator(), { sheets: ["pop"] });
    expect(r.panel.indicators.map((c) => c.name)).toEqual(["pop"]);
    expect(thrown(() => importYearbook(perIndicator(), { sheets: ["gpd"] })).text.en).toMatch(/No sheet named 'gpd'. Sheets: gdp, pop, urb/);
  });
});
