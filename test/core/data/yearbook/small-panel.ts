import { Cell } from "../../../../src/core/data/cells";
import { SheetInput } from "../../../../src/core/data/yearbook/types";

/**
 * One small synthetic panel (4 provinces × 4 years × 3 indicators, two missing cells) and the
 * same data in the three yearbook layouts, for the import tests. Values are made up.
 */
export const NAMES = ["北京", "河北", "内蒙古", "广东"];
export const YEARS = [2003, 2004, 2005, 2006];
export const INDICATORS = ["gdp", "pop", "urb"];
/** [province index, year index, indicator index] of the missing cells. */
export const MISSING: [number, number, number][] = [
  [1, 1, 0], // 河北 2004 gdp (interior gap)
  [2, 0, 2], // 内蒙古 2003 urb (at the start)
];

export function value(p: number, y: number, k: number): number | null {
  if (MISSING.some(([a, b, c]) => a === p && b === y && c === k)) return null;
  return [1000 + 250 * p + 37.5 * y, 500 + 11 * p + 0.5 * y, 40 + 3 * p + 1.25 * y][k];
}

const cell = (v: number | null): Cell => (v === null ? "" : v);

export function perIndicator(): SheetInput[] {
  return INDICATORS.map((ind, k) => ({
    name: ind,
    grid: [["地区", ...YEARS], ...NAMES.map((n, p) => [n, ...YEARS.map((_, y) => cell(value(p, y, k)))])],
  }));
}

export function perYear(): SheetInput[] {
  return YEARS.map((year, y) => ({
    name: String(year),
    grid: [["地区", ...INDICATORS], ...NAMES.map((n, p) => [n, ...INDICATORS.map((_, k) => cell(value(p, y, k)))])],
  }));
}

export function long(): SheetInput[] {
  const rows: Cell[][] = [];
  // Deliberately not sorted: the importer sorts by NBS code then year.
  for (const y of [...YEARS.keys()].reverse()) for (const p of NAMES.keys()) rows.push([NAMES[p], YEARS[y], ...INDICATORS.map((_, k) => cell(value(p, y, k)))]);
  return [{ name: "panel", grid: [["province", "year", ...INDICATORS], ...rows] }];
}
