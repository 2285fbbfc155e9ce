import { DataTable, appendColumns } from "../data/data-table";
import { whereMask, Where } from "../data/where";
import { parseFormula } from "../data/formula";
import { fitPanel, PanelSpec } from "./fit-panel";
import { inputError } from "../errors";

export interface GroupDifference {
  term: string;
  groupA: string;
  groupB: string;
  /** Coefficient in group B minus coefficient in group A. */
  difference: number;
  se: number;
  p: number;
  nobs: number;
  method: string;
}

/**
 * Tests whether a coefficient differs between two subgroups (heterogeneity tables): one pooled
 * model on the two groups with every regressor interacted with the group-B indicator
 * (`y ~ x + c + gB:x + gB:c`, same fixed effects and SE type); the coefficient of `gB:term` is
 * the difference, with its (clustered) SE and p-value. With entity effects this equals the
 * difference of the separate within estimates; with year effects the pooled model shares them.
 */
export function groupDifference(table: DataTable, spec: PanelSpec, groupA: { label: string; where: Where }, groupB: { label: string; where: Where }, term: string): GroupDifference {
  const a = whereMask(table, groupA.where);
  const b = whereMask(table, groupB.where);
  const name = "group_b";
  if (!a.some((v, i) => v || b[i])) throw inputError("The two groups have no rows.", "两个分组中没有观测。");
  // 0 in group A, 1 in group B, blank elsewhere: the `where` below keeps the two groups only.
  const both = appendColumns(table, [{ name, values: Array.from(a, (v, i) => (b[i] ? 1 : v ? 0 : null)) }]);
  const f = parseFormula(spec.formula);
  if (!f.regressors.some((r) => r.name === term)) throw inputError(`'${term}' is not a regressor of '${spec.formula}'.`, `'${term}' 不是 '${spec.formula}' 的解释变量。`);
  const interacted = `${f.response.source} ~ ${[...f.regressors.map((r) => r.source), ...f.regressors.map((r) => `${name}:${r.source}`)].join(" + ")}`;
  const m = fitPanel(both, { ...spec, formula: interacted, where: `${name} in (0,1)` });
  const key = `${name}:${term}`;
  if (!(key in m.params)) throw inputError(`The group difference of '${term}' cannot be estimated (collinear).`, `无法估计 '${term}' 的组间差异（共线）。`);
  return {
    term, groupA: groupA.label, groupB: groupB.label, difference: m.params[key], se: m.stdErrors[key], p: m.pvalues[key], nobs: m.nobs,
    method: "fully interacted pooled model",
  };
}
