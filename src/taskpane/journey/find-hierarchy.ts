import type { IndexSpec } from "../../core/spec/analysis-spec";
import type { WorkbookIO } from "../excel-io";
import { hierarchyFromGrid } from "./hierarchy-sheet";
import { nonDataName } from "./sheet-kinds";

/**
 * The first sheet outside the data that holds an indicator hierarchy (一级指标 / 二级指标 /
 * 三级指标 / 方向, or index / group / indicator / direction), sheets named like one (指标体系,
 * hierarchy…) first; null when there is none. Sheets EconSheet made are not looked at.
 */
export async function findHierarchySheet(io: WorkbookIO, dataSheets: readonly string[]): Promise<{ sheet: string; indices: IndexSpec[] } | null> {
  const all = (await io.listSheets()).filter((x) => !x.ownedByEconSheet && !dataSheets.includes(x.name));
  const candidates = [...all.filter((x) => nonDataName(x.name)), ...all.filter((x) => !nonDataName(x.name))];
  for (const c of candidates) {
    try {
      return { sheet: c.name, indices: hierarchyFromGrid(await io.readSheetValues(c.name), c.name) };
    } catch {
      /* not a hierarchy sheet */
    }
  }
  return null;
}
