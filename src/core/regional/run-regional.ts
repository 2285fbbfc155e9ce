import { DataTable, numericColumn, rangeRow } from "../data/data-table";
import { buildPanelFrame } from "../data/panel-frame";
import type { Lang } from "../errors";
import type { RegionalTableSpec } from "../spec/analysis-spec";
import { couplingCoordination, CouplingResult } from "./coupling";
import { dagumGini, DagumResult } from "./dagum-gini";
import { theilIndex, TheilResult } from "./theil";
import { kernelDensity, DensityResult } from "./kernel-density";
import { groupColumn } from "./group-column";

export type RegionalTableResult =
  | { spec: RegionalTableSpec; kind: "coupling"; coupling: CouplingResult; regions: (string | null)[]; regionOrder: string[]; grouping: string }
  | { spec: RegionalTableSpec; kind: "dagum"; dagum: DagumResult; theil?: TheilResult; grouping: string }
  | { spec: RegionalTableSpec; kind: "density"; density: DensityResult };

/** Default years of a density figure: the first, middle and last year of the data. */
export function defaultDensityYears(times: readonly number[]): number[] {
  const years = [...new Set(times.filter(Number.isFinite))].sort((a, b) => a - b);
  if (years.length <= 3) return years;
  return [years[0], years[Math.floor((years.length - 1) / 2)], years[years.length - 1]];
}

/**
 * Runs a regional table of an analysis spec on the panel (indices already appended): coupling
 * coordination with the regions of every row, the Dagum decomposition (and Theil's split), or
 * kernel densities. Groups default to the NBS four regions from the province names of `id`.
 */
export function runRegionalTable(table: DataTable, t: RegionalTableSpec, id: string, time: string, lang: Lang): RegionalTableResult {
  const frame = buildPanelFrame(table, id, time);
  const times = Array.from(frame.timeValue);
  const ids = frame.entityNames;
  const rowLabel = (i: number) => `${frame.rowLabel(i)}, row ${rangeRow(i, table)}`;
  switch (t.type) {
    case "coupling": {
      const grouping = t.groups ?? "region4";
      const g = groupColumn(table, grouping, id, lang);
      const coupling = couplingCoordination({ systems: t.systems.map((n) => ({ name: n, values: numericColumn(table, n) })), ids: Array.from(frame.entity, (e) => ids[e]), times, rowLabel }, { alpha: t.alpha, lang });
      return { spec: t, kind: "coupling", coupling, regions: g.groups, regionOrder: g.order ?? [], grouping };
    }
    case "dagum": {
      const grouping = t.groups ?? "region4";
      const g = groupColumn(table, grouping, id, lang);
      const input = { name: t.var, values: numericColumn(table, t.var), groups: g.groups, groupOrder: g.order, times, rowLabel };
      return { spec: t, kind: "dagum", dagum: dagumGini(input), theil: t.theil ? theilIndex(input) : undefined, grouping };
    }
    case "density":
      return { spec: t, kind: "density", density: kernelDensity(t.var, numericColumn(table, t.var), times, { years: t.years ?? defaultDensityYears(times), points: t.points }) };
  }
}
