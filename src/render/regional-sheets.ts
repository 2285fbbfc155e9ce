import type { Lang } from "../core/errors";
import type { RegionalTableResult } from "../core/regional/run-regional";
import { TableModel } from "./table-model";
import { couplingDistributionTable, dagumTable, theilTable, densityTable } from "./regional-table";

/**
 * The tables of a regional spec entry, one under the other on its sheet: the coupling-level
 * distribution by region and year; the Dagum table (and the Theil split); the density curves.
 */
export function regionalTables(t: RegionalTableResult, lang: Lang): TableModel[] {
  switch (t.kind) {
    case "coupling":
      return [couplingDistributionTable(t.coupling, (i) => t.regions[i], t.regionOrder, lang)];
    case "dagum": {
      const out = [dagumTable(t.dagum, lang)];
      if (t.theil) out.push({ ...theilTable(t.theil, lang), title: lang === "zh" ? `${t.dagum.variable} 的泰尔指数及其分解` : `Theil index of ${t.dagum.variable} and its decomposition` });
      return out;
    }
    case "density":
      return [{ ...densityTable(t.density, lang), figureData: true }];
  }
}
