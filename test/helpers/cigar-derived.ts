import { readCsvGrid } from "../../src/cli/read-data";
import { fixturePath } from "./fixtures";

/**
 * The Cigar variables of reference.mediation.json, derived as its description says:
 * ln_sales = ln(sales), ln_real_ndi = ln(ndi/cpi), ln_real_price = ln(price/cpi),
 * ln_real_pimin = ln(pimin/cpi), ln_share16 = ln(pop16/pop).
 */
export function cigarMediationGrid(): (string | number)[][] {
  const grid = readCsvGrid(fixturePath("cigar.csv"));
  const h = grid[0] as string[];
  const col = (row: unknown[], name: string) => Number(row[h.indexOf(name)]);
  const out: (string | number)[][] = [["state", "year", "ln_sales", "ln_real_ndi", "ln_real_price", "ln_real_pimin", "ln_share16"]];
  for (const row of grid.slice(1)) {
    const cpi = col(row, "cpi");
    out.push([
      Number(row[h.indexOf("state")]), Number(row[h.indexOf("year")]),
      Math.log(col(row, "sales")), Math.log(col(row, "ndi") / cpi), Math.log(col(row, "price") / cpi), Math.log(col(row, "pimin") / cpi), Math.log(col(row, "pop16") / col(row, "pop")),
    ]);
  }
  return out;
}
