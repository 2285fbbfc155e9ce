import { excelGrid } from "../excel-grid";
import { parseNumber } from "../../core/options/parse-option";
import { tableFromGrid, DataTable } from "../../core/data/data-table";
import { Cell, isBlank, parseNumberCell, showCell } from "../../core/data/cells";
import { entropyIndex, aboveMean, EntropyResult } from "../../core/indices/entropy-index";
import { entropyInputFromTable, parseGroups } from "../../core/indices/entropy-input";
import { resolveEntropyMode, resolveMissingChoice } from "../../core/indices/entropy-options";
import { parseDirection, Direction } from "../../core/indices/direction";
import { entropyWeightsTable, entropyScoreColumn, aboveMeanTable } from "../../render/entropy-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionalText, optionBool, parseVarList } from "../options";
import { inputError, Lang } from "../../core/errors";
import { maxOf } from "../../core/data/extent";

const ENTROPY_OPTIONS = ["id", "time", "mode", "periods", "shift", "missing", "groups", "level1", "lang", "indicators", "subindices"];

/**
 * Parses the [directions] argument: one row (or column) of +1/−1, "+"/"-", "正向"/"负向", either
 * one per indicator in column order, or one per column of the range (the cells above the id and
 * time columns are then left blank). Omitted: every indicator is positive.
 */
export function directionsFrom(arg: unknown, indicators: readonly string[], columns: readonly string[] = indicators): Direction[] {
  if (arg === null || arg === undefined || arg === "") return indicators.map(() => "positive");
  const cells = Array.isArray(arg) ? (arg as unknown[]).flat() : [arg];
  if (cells.length === columns.length && columns.length !== indicators.length) {
    columns.forEach((c, k) => {
      if (!indicators.includes(c) && !isBlank(cells[k] as Cell)) {
        throw inputError(`Directions: column '${c}' is not an indicator; leave its direction cell blank.`, `方向：列 '${c}' 不是指标，请将其方向单元格留空。`);
      }
    });
    return indicators.map((n) => parseDirection(cells[columns.indexOf(n)], `indicator '${n}'`));
  }
  if (cells.length !== indicators.length) {
    throw inputError(
      `Directions: ${cells.length} value(s) given for ${indicators.length} indicator(s) (${indicators.join(", ")}). Give one +1/−1 per indicator, in column order.`,
      `方向：给出了 ${cells.length} 个值，但有 ${indicators.length} 个指标（${indicators.join("、")}）。请按列顺序为每个指标给出 +1/−1。`,
    );
  }
  return cells.map((c, j) => parseDirection(c, `indicator '${indicators[j]}'`));
}

/**
 * A range whose first row holds only numbers (and blanks) has no header row: its columns are named
 * "column 1", "column 2", … and its text cells are reported with their own row numbers.
 */
function readRange(data: unknown[][]): { table: DataTable; hasHeader: boolean } {
  const grid = excelGrid(data);
  const first = grid[0] ?? [];
  const hasHeader = !(first.some((c) => typeof c === "number") && first.every((c) => typeof c === "number" || isBlank(c)));
  if (hasHeader) return { table: tableFromGrid(grid), hasHeader };
  const width = maxOf(grid.map((r) => r.length));
  const names = Array.from({ length: width }, (_, j) => `column ${j + 1}`);
  grid.forEach((row, i) =>
    row.forEach((c, j) => {
      if (parseNumberCell(c) === undefined) {
        throw inputError(
          `Column ${j + 1} row ${i + 1}: text '${showCell(c)}' is not a number. Enter a number or leave the cell blank; give the range a header row if it has id or time columns.`,
          `第 ${j + 1} 列第 ${i + 1} 行：文本 '${showCell(c)}' 不是数值。请填入数值或留空；若区域含个体或时间列，请加上表头行。`,
        );
      }
    }),
  );
  return { table: tableFromGrid([names, ...grid]), hasHeader };
}

interface Prepared {
  table: DataTable;
  hasHeader: boolean;
  result: EntropyResult;
  lang: Lang;
  level1?: string;
  subindices: boolean;
  ids?: readonly (string | null)[];
  times?: readonly number[];
}

function prepare(data: unknown[][], directions: unknown, options: OptionsArg, fn: string): Prepared {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ENTROPY_OPTIONS, fn);
  const { table, hasHeader } = readRange(data);
  const id = opts.get("id") || undefined;
  const time = opts.get("time") || undefined;
  if (!hasHeader && (id || time || opts.get("indicators") || opts.get("groups"))) {
    throw inputError(
      `${fn}: options id, time, indicators and groups name columns, so the range needs a header row (its first row holds numbers only).`,
      `${fn}：选项 id、time、indicators、groups 按列名引用，所选区域需要表头行（其首行全是数值）。`,
    );
  }
  const listed = parseVarList(opts.get("indicators"));
  // Every column other than id and time is an indicator; a text column is then an error naming its cell.
  const indicators = listed.length ? listed : table.names.filter((n) => n !== id && n !== time);
  if (indicators.length === 0) throw inputError(`${fn}: the range has no indicator columns besides id and time.`, `${fn}：除个体列和时间列外，区域中没有指标列。`);
  const shiftText = opts.get("shift");
  const shift = parseNumber(shiftText, "option 'shift'", { min: 0 });
  const input = entropyInputFromTable(table, {
    indicators,
    directions: directionsFrom(directions, indicators, table.names),
    id,
    time,
    groups: parseGroups(opts.get("groups")),
    firstRow: hasHeader ? 2 : 1,
  });
  const result = entropyIndex(input, {
    mode: resolveEntropyMode(opts.get("mode")),
    periods: opts.get("periods"),
    shift,
    missing: resolveMissingChoice(opts.get("missing")),
  });
  return {
    table, hasHeader, result, lang: opts.get("lang") === "zh" ? "zh" : "en", level1: opts.get("level1"),
    subindices: optionBool(opts, "subindices"), ids: input.ids, times: input.times,
  };
}

/**
 * ECON.ENTROPYWEIGHTS: indicator, direction, e, d, w (pooled); one weight column per year or
 * sub-period in those modes; with groups the paper's Table 1 layout. Notes under the table.
 */
export function entropyWeightsRange(data: unknown[][], directions: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ENTROPYWEIGHTS");
  return toGrid(entropyWeightsTable(p.result, { lang: p.lang, level1: p.level1 }));
}

/**
 * ECON.ENTROPYSCORE: one score per data row, aligned with the input so it can sit beside it:
 * the header "Score" first when the input has a header row, none when it has not; a row left
 * out (missing = drop, or outside every period) is blank. With subindices=TRUE and groups, one
 * more column per level-2 group (its sub-index; the sub-indices add up to the score).
 */
export function entropyScoreRange(data: unknown[][], directions: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ENTROPYSCORE");
  const grid = toGrid(entropyScoreColumn(p.result, p.lang, p.subindices), { notes: false });
  return p.hasHeader ? grid : grid.slice(1);
}

/**
 * ECON.ABOVEMEAN: for one year (or every year) the entities whose score is above that year's
 * cross-section mean, then those above it in every year. Needs id and time columns.
 */
export function aboveMeanRange(data: unknown[][], directions: unknown, year: unknown, options: OptionsArg): SpillGrid {
  const p = prepare(data, directions, options, "ECON.ABOVEMEAN");
  if (!p.ids || !p.times) throw inputError("ECON.ABOVEMEAN needs id and time columns: options \"id=province; time=year\".", "ECON.ABOVEMEAN 需要个体列和时间列：选项 \"id=province; time=year\"。");
  const y = optionalText(year);
  const yearValue = y === undefined ? undefined : Number(y);
  if (yearValue !== undefined && !Number.isFinite(yearValue)) throw inputError(`ECON.ABOVEMEAN: year '${y}' is not a number.`, `ECON.ABOVEMEAN：年份 '${y}' 不是数值。`);
  const a = aboveMean(p.result.scores, p.ids, p.times, yearValue);
  const index = new Map<string, number>();
  p.ids.forEach((id, k) => index.set(`${id}\u0000${p.times![k]}`, k));
  const scoreOf = (t: number, e: string) => {
    const i = index.get(`${e}\u0000${t}`);
    return i === undefined ? undefined : (p.result.scores[i] ?? undefined);
  };
  return toGrid(aboveMeanTable(a, scoreOf, p.lang), { notes: false });
}
