import { join } from "path";
import { readFileSync } from "fs";
import { readWorkbookGrids } from "../../src/cli/xlsx-io";
import { importYearbook } from "../../src/core/data/yearbook/import-yearbook";
import { YearbookImport } from "../../src/core/data/yearbook/types";
import { PROVINCES } from "../../src/core/data/provinces";
import { sampleSheets, DASHES, INDICES, OUTCOMES, CONTROLS } from "../../scripts/make-sample";

const root = join(__dirname, "..", "..");

describe("bundled sample sample/yearbook.xlsx (synthetic)", () => {
  let imported: YearbookImport;
  beforeAll(async () => {
    imported = importYearbook(await readWorkbookGrids(join(root, "sample", "yearbook.xlsx")));
  }, 30000);

  test("imports cleanly: 31 provinces × 21 years = 651 rows, every sheet per-indicator, 说明 skipped", () => {
    const r = imported.report;
    expect([r.nobs, r.nprovinces, r.years.first, r.years.last]).toEqual([651, 31, 2003, 2023]);
    expect(r.sheets.every((s) => s.layout === "per-indicator" && s.headerRow === 3)).toBe(true);
    expect(r.skippedSheets.map((s) => s.sheet)).toEqual(["说明"]);
    expect(r.skippedRows.filter((s) => s.reason === "national-total")).toHaveLength(r.sheets.length);
    expect(imported.panel.ids.slice(0, 21).every((id) => id === "北京")).toBe(true);
    expect([...new Set(imported.panel.ids)]).toEqual(PROVINCES.map((p) => p.name));
  });

  test("the '—' cells are exactly the ones the script marks, listed by province-year", () => {
    const listed = imported.report.indicators.flatMap((i) => i.missing.map((m) => `${i.name}|${m.province}|${m.year}|${m.token}`)).sort();
    const expected = Object.entries(DASHES).flatMap(([ind, cells]) => cells.map(([p, y]) => `${ind}|${p}|${y}|—`)).sort();
    expect(listed).toEqual(expected);
  });

  test("the committed workbook holds what scripts/make-sample.ts generates (same seed, same values)", () => {
    const sheets = sampleSheets();
    expect(imported.panel.indicators.map((c) => c.name)).toEqual(sheets.map((s) => s.def.name));
    sheets.forEach((s, k) => {
      const col = imported.panel.indicators[k].values;
      s.values.forEach((series, p) =>
        series.forEach((v, t) => {
          const got = col[p * 21 + t];
          if (!Number.isNaN(got)) expect(got).toBe(v);
        }),
      );
    });
  });

  test("indicators.json lists the hierarchy: 3 indices (9 / 7 / 6 indicators, negatives marked), outcomes and controls, all in the workbook", () => {
    const spec = JSON.parse(readFileSync(join(root, "sample", "indicators.json"), "utf8"));
    expect(spec.synthetic).toBe(true);
    const counts = spec.indices.map((i: { groups: { indicators: unknown[] }[] }) => i.groups.reduce((a, g) => a + g.indicators.length, 0));
    expect(counts).toEqual([9, 7, 6]);
    expect(spec.indices[0].groups.map((g: { name: string }) => g.name)).toEqual(["劳动力创新", "资本创新", "技术创新"]);
    const names = new Set(imported.panel.indicators.map((c) => c.name));
    const all = [...INDICES.flatMap((i) => i.groups.flatMap((g) => g.indicators)), ...OUTCOMES, ...CONTROLS];
    expect(all.every((d) => names.has(d.name))).toBe(true);
    expect(spec.indices[0].groups.flatMap((g: { indicators: { direction: string }[] }) => g.indicators).filter((d: { direction: string }) => d.direction === "-")).toHaveLength(2);
  });
});
