import { excelGrid } from "../excel-grid";
import { tableFromGrid } from "../../core/data/data-table";
import { describe } from "../../core/descriptive/describe";
import { describeTable } from "../../render/describe-table";
import { toGrid, SpillGrid } from "../../render/grid";
import { OptionsArg, parseOptions, checkOptionKeys, optionBool, parseVarList } from "../options";

/**
 * ECON.DESCRIBE without Office: a range with a header row in, a labelled value grid out.
 * Options: detail=TRUE (median, p25, p75, skewness, kurtosis), id=COLUMN (xtsum between/within SD),
 * time=COLUMN (left out), vars=a,b (which columns), lang=zh (Chinese labels).
 */
export function describeRange(data: unknown[][], options: OptionsArg): SpillGrid {
  const opts = parseOptions(options);
  checkOptionKeys(opts, ["detail", "id", "time", "vars", "lang"], "ECON.DESCRIBE");
  const table = tableFromGrid(excelGrid(data));
  const result = describe(table, {
    detail: optionBool(opts, "detail"),
    id: opts.get("id") || undefined,
    time: opts.get("time") || undefined,
    vars: parseVarList(opts.get("vars")),
  });
  return toGrid(describeTable(result, opts.get("lang") === "zh" ? "zh" : "en"));
}
