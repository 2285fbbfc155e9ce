import { DataTable, numericColumn, rangeRow } from "../data/data-table";
import { buildPanelFrame, PanelFrame } from "../data/panel-frame";
import { inputError } from "../errors";

/**
 * How treatment is given:
 * - `treat`: a 0/1 column that is 1 in treated entity-periods (treated × post);
 * - `treatedUnits` + `firstYear`: the treated entities and the year treatment starts (one year
 *   for all, or a column of per-entity first treated years — staggered adoption; blank or 0 =
 *   never treated).
 */
export interface TreatmentSpec {
  treat?: string;
  treatedUnits?: readonly string[];
  firstYear?: number;
  /** Column holding each entity's first treated year (staggered adoption). */
  firstYearColumn?: string;
}

export interface Treatment {
  frame: PanelFrame;
  /** D_it: 1 in treated entity-periods. */
  d: Float64Array;
  /** First treated year per row's entity (NaN = never treated). */
  first: Float64Array;
  /** Cohorts (distinct first treated years), ascending. */
  cohorts: number[];
  staggered: boolean;
}

export function buildTreatment(table: DataTable, id: string, time: string, spec: TreatmentSpec): Treatment {
  const frame = buildPanelFrame(table, id, time);
  const n = frame.nrows;
  const firstByEntity = new Float64Array(frame.entityNames.length).fill(NaN);
  if (spec.treat) {
    const d = numericColumn(table, spec.treat, frame.rowLabel);
    for (let i = 0; i < n; i++) {
      const v = d[i];
      if (Number.isNaN(v)) continue;
      if (v !== 0 && v !== 1) {
        throw inputError(`Column '${spec.treat}' row ${rangeRow(i)} (${frame.rowLabel(i)}): ${v} is not 0 or 1.`, `列 '${spec.treat}' 第 ${rangeRow(i)} 行（${frame.rowLabel(i)}）：${v} 不是 0 或 1。`);
      }
      const e = frame.entity[i];
      if (v === 1 && !(frame.timeValue[i] >= firstByEntity[e])) firstByEntity[e] = frame.timeValue[i];
    }
    // A 0/1 column that switches off again is not staggered adoption: keep D as given.
  } else if (spec.treatedUnits) {
    const known = new Set(frame.entityNames);
    for (const u of spec.treatedUnits) if (!known.has(u)) throw inputError(`Treated unit '${u}' is not in column '${id}'.`, `处理组个体 '${u}' 不在列 '${id}' 中。`);
    if (spec.firstYear === undefined) throw inputError("Give the first treated year with the treated units.", "请同时给出处理组个体的首次处理年份。");
    frame.entityNames.forEach((name, e) => {
      if (spec.treatedUnits!.includes(name)) firstByEntity[e] = spec.firstYear!;
    });
  } else if (spec.firstYearColumn) {
    const fy = numericColumn(table, spec.firstYearColumn, frame.rowLabel);
    for (let i = 0; i < n; i++) {
      const e = frame.entity[i];
      const v = fy[i] === 0 ? NaN : fy[i];
      if (!Number.isNaN(firstByEntity[e]) && !Number.isNaN(v) && firstByEntity[e] !== v) {
        throw inputError(`Column '${spec.firstYearColumn}': entity ${frame.entityNames[e]} has two first treated years (${firstByEntity[e]} and ${v}).`, `列 '${spec.firstYearColumn}'：个体 ${frame.entityNames[e]} 有两个首次处理年份（${firstByEntity[e]} 和 ${v}）。`);
      }
      if (!Number.isNaN(v)) firstByEntity[e] = v;
    }
  } else {
    throw inputError("Give the treatment: a 0/1 column (treat), or treated units with the first treated year.", "请给出处理变量：0/1 列（treat），或处理组个体及首次处理年份。");
  }
  // Plain loops: a mapping callback per row is slow at a million rows.
  const first = new Float64Array(n);
  for (let i = 0; i < n; i++) first[i] = firstByEntity[frame.entity[i]];
  let d: Float64Array;
  if (spec.treat) d = numericColumn(table, spec.treat, frame.rowLabel);
  else {
    d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = !Number.isNaN(first[i]) && frame.timeValue[i] >= first[i] ? 1 : 0;
  }
  const cohorts = [...new Set(Array.from(firstByEntity).filter((f) => !Number.isNaN(f)))].sort((a, b) => a - b);
  if (cohorts.length === 0) throw inputError("No entity is ever treated.", "没有任何个体接受处理。");
  if (cohorts.length === 1 && Array.from(firstByEntity).every((f) => !Number.isNaN(f))) {
    throw inputError(`Every entity is treated in the same year (${cohorts[0]}): there is no control group, and the year effects absorb the treatment.`, `所有个体在同一年（${cohorts[0]}）接受处理：没有对照组，处理效应被年份固定效应吸收。`);
  }
  // The treated entities must be seen both before and after their first treated year.
  let before = 0, after = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(first[i])) continue;
    if (frame.timeValue[i] < first[i]) before++;
    else after++;
  }
  // A loop, not a spread into Math.min: spreading a million values overflows the call stack.
  let tMin = Infinity, tMax = -Infinity;
  for (const v of frame.timeValue) {
    if (v < tMin) tMin = v;
    if (v > tMax) tMax = v;
  }
  const span = `${tMin}–${tMax}`;
  if (after === 0) {
    throw inputError(`No treated entity is observed in or after its first treated year (${cohorts.join(", ")}); the data cover ${span}.`, `没有处理组个体在首次处理年份（${cohorts.join("、")}）及之后被观测到；数据覆盖 ${span}。`);
  }
  if (before === 0) {
    throw inputError(`No treated entity is observed before its first treated year (${cohorts.join(", ")}; the data cover ${span}): with entity fixed effects the effect cannot be told apart from the entity's level.`, `没有处理组个体在首次处理年份（${cohorts.join("、")}）之前被观测到（数据覆盖 ${span}）：在个体固定效应下，处理效应无法与个体水平区分。`);
  }
  return { frame, d, first, cohorts, staggered: cohorts.length > 1 };
}
