import { DataTable, labelColumn, numericColumn, rangeRow, columnIndex } from "./data-table";
import { inputError } from "../errors";
import { Cell, showCell } from "./cells";

/**
 * A data table indexed as a panel: entity and time per row. Built once; estimators, lags and
 * subsets use its integer codes. Time values must be numbers or text with a year in it
 * ("2003", "2003年"); lags and leads are matched by time value, so a gap is a gap.
 */
export interface PanelFrame {
  readonly table: DataTable;
  readonly id: string;
  readonly time: string;
  readonly nrows: number;
  /** Entity code 0..G−1 per row (order of first appearance). */
  readonly entity: Int32Array;
  readonly entityNames: readonly string[];
  /** Time value per row. */
  readonly timeValue: Float64Array;
  /** Row index of (entity, time), for lag matching. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** "北京, 2009" — the place of a row, for messages. */
  rowLabel(i: number): string;
  /** A numeric column; text cells are errors naming column, row and entity-time. */
  numeric(name: string): Float64Array;
}

const YEAR_IN_TEXT = /^\s*(\d{4})\s*(年)?\s*$/;

export function parseTime(cell: unknown): number | undefined {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string") {
    const t = cell.trim();
    if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
    const m = YEAR_IN_TEXT.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** True when every value is an integer in [0, 4n + 1024] (no blanks). */
function smallIntegers(values: Float64Array, n: number): boolean {
  const top = 4 * n + 1024;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= top) || v !== Math.floor(v)) return false;
  }
  return true;
}

export function panelKey(entity: number, time: number): string {
  return `${entity}\u0000${time}`;
}

export function buildPanelFrame(table: DataTable, id: string, time: string): PanelFrame {
  if (id === time) {
    throw inputError(`The id and time columns are both '${id}': name two different columns.`, `个体列与时间列都是 '${id}'：请指定两个不同的列。`);
  }
  const ij = columnIndex(table, id);
  const tj = columnIndex(table, time);
  const n = table.nrows;
  const entity = new Int32Array(n);
  const timeValue = new Float64Array(n);
  const names: string[] = [];
  const blankId = (i: number) =>
    inputError(`Column '${id}' row ${rangeRow(i, table)}: the entity id is blank. Every row needs an id.`, `列 '${id}' 第 ${rangeRow(i, table)} 行：个体标识为空，每一行都需要个体标识。`);
  const idCol = table.columns[ij];
  if (idCol.kind === "text") {
    // Codes of the interned text map to entities in order of first appearance.
    const trimmed = idCol.levels.map((s) => s.trim());
    const byText = new Map<string, number>();
    const byLevel = new Int32Array(idCol.levels.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = idCol.codes[i];
      if (c < 0 || trimmed[c] === "") throw blankId(i);
      let code = byLevel[c];
      if (code < 0) {
        const t = trimmed[c];
        code = byText.get(t) ?? -1;
        if (code < 0) {
          code = names.length;
          byText.set(t, code);
          names.push(t);
        }
        byLevel[c] = code;
      }
      entity[i] = code;
    }
  } else if (idCol.kind === "number" && smallIntegers(idCol.values, n)) {
    // Integer ids 0…~4n (firm numbers): a direct lookup instead of a hash map, as long as the largest id.
    let largest = 0;
    for (let i = 0; i < n; i++) if (idCol.values[i] > largest) largest = idCol.values[i];
    const byValue = new Int32Array(largest + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = idCol.values[i];
      let code = byValue[v];
      if (code < 0) {
        code = names.length;
        byValue[v] = code;
        names.push(String(v));
      }
      entity[i] = code;
    }
  } else if (idCol.kind === "number") {
    const byValue = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = idCol.values[i];
      if (Number.isNaN(v)) throw blankId(i);
      let code = byValue.get(v);
      if (code === undefined) {
        code = names.length;
        byValue.set(v, code);
        names.push(String(v));
      }
      entity[i] = code;
    }
  } else {
    const ids = labelColumn(table, id);
    const codes = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const e = ids[i];
      if (e === null) throw blankId(i);
      let code = codes.get(e);
      if (code === undefined) {
        code = names.length;
        codes.set(e, code);
        names.push(e);
      }
      entity[i] = code;
    }
  }
  const badTime = (i: number, cell: unknown) => {
    const e = names[entity[i]];
    const shown = cell === null || cell === undefined || String(cell).trim() === "" ? "a blank cell" : `'${showCell(cell as Cell)}'`;
    return inputError(
      `Column '${time}' row ${rangeRow(i, table)} (${e}): ${shown} is not a time value. Use years such as 2003 or "2003年".`,
      `列 '${time}' 第 ${rangeRow(i, table)} 行（${e}）：${shown === "a blank cell" ? "空单元格" : shown} 不是时间值。请使用 2003 或 "2003年" 这样的年份。`,
    );
  };
  const timeCol = table.columns[tj];
  if (timeCol.kind === "number") {
    for (let i = 0; i < n; i++) {
      const t = timeCol.values[i];
      if (!Number.isFinite(t)) throw badTime(i, Number.isNaN(t) ? null : t);
      timeValue[i] = t;
    }
  } else if (timeCol.kind === "text") {
    const levelTime = timeCol.levels.map((s) => parseTime(s));
    for (let i = 0; i < n; i++) {
      const c = timeCol.codes[i];
      const t = c < 0 ? undefined : levelTime[c];
      if (t === undefined) throw badTime(i, c < 0 ? null : timeCol.levels[c]);
      timeValue[i] = t;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const cell = timeCol.cells[i];
      const t = parseTime(cell);
      if (t === undefined) throw badTime(i, cell);
      timeValue[i] = t;
    }
  }
  // Duplicate (entity, time) pairs: none when the rows are sorted by entity and then time (the
  // usual layout: one pass); otherwise rows bucketed by entity (counting sort), times sorted within.
  const hasDuplicate = !sortedByEntityTime(entity, timeValue, n) && unsortedHasDuplicate(entity, timeValue, n, names.length);
  let rowOfMap: Map<string, number> | undefined;
  const buildRowOf = () => {
    const map = new Map<string, number>();
    const dups: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = panelKey(entity[i], timeValue[i]);
      const prev = map.get(key);
      if (prev !== undefined) {
        if (dups.length < 5) dups.push(`(${names[entity[i]]}, ${timeValue[i]}) in rows ${rangeRow(prev, table)} and ${rangeRow(i, table)}`);
        else if (dups.length === 5) dups.push("…");
        continue;
      }
      map.set(key, i);
    }
    if (dups.length > 0) {
      throw inputError(
        `Duplicate (${id}, ${time}) pairs: ${dups.join("; ")}. Each entity may appear once per period.`,
        `（${id}，${time}）重复：${dups.join("；")}。每个个体在每一期只能出现一次。`,
      );
    }
    return map;
  };
  if (hasDuplicate) buildRowOf(); // throws, naming the pairs and rows
  const cache = new Map<string, Float64Array>();
  const rowLabel = (i: number) => `${names[entity[i]]}, ${timeValue[i]}`;
  return {
    table, id, time, nrows: n, entity, entityNames: names, timeValue, rowLabel,
    /** Built on first use (lags and leads), so frames without lags skip a string-keyed map. */
    get rowOf() {
      return (rowOfMap ??= buildRowOf());
    },
    numeric(name: string) {
      let c = cache.get(name);
      if (!c) {
        // Shared with every caller of numeric() and read only, so a view of the table's values.
        c = numericColumn(table, name, rowLabel, true);
        cache.set(name, c);
      }
      return c;
    },
  };
}

/**
 * Whether rows run entity by entity (first-appearance codes never decrease) with strictly
 * increasing times within each entity: then no (entity, time) pair repeats.
 */
function sortedByEntityTime(entity: Int32Array, timeValue: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) {
    const e = entity[i], p = entity[i - 1];
    if (e < p || (e === p && !(timeValue[i] > timeValue[i - 1]))) return false;
  }
  return true;
}

/** Whether some (entity, time) pair repeats, for rows in any order: rows bucketed by entity (counting sort), times sorted within. */
function unsortedHasDuplicate(entity: Int32Array, timeValue: Float64Array, n: number, G: number): boolean {
  const start = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) start[entity[i] + 1]++;
  for (let g = 0; g < G; g++) start[g + 1] += start[g];
  const pos = start.slice(0, G);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[pos[entity[i]]++] = timeValue[i];
  let hasDuplicate = false;
  for (let g = 0; g < G && !hasDuplicate; g++) {
    const from = start[g], to = start[g + 1];
    if (to - from > 32) {
      const t = times.subarray(from, to).sort();
      for (let r = 1; r < t.length; r++) if (t[r] === t[r - 1]) hasDuplicate = true;
      continue;
    }
    // A short series (the usual panel): insertion sort in place, cheaper than a sort call per entity.
    for (let r = from + 1; r < to; r++) {
      const v = times[r];
      let q = r - 1;
      while (q >= from && times[q] > v) {
        times[q + 1] = times[q];
        q--;
      }
      times[q + 1] = v;
      if (q >= from && times[q] === v) hasDuplicate = true;
    }
  }
  return hasDuplicate;
}
