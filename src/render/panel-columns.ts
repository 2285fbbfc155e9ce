import { PanelResult } from "../core/results/panel-result";
import { TableColumn } from "./regression-table";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { wildPvalues } from "./wild-labels";

/**
 * A fitted panel model as a column of a publication table. The R² shown is the one papers
 * print for each model: within (Stata) for FE, overall for RE, the OLS R² for pooled OLS.
 */
export function panelColumn(r: PanelResult, title?: string, wild?: WildBootstrapResult): TableColumn {
  const r2 = r.model === "fe" ? { rsquared: r.rsquared.within, rsquaredKind: "within" as const }
    : r.model === "re" ? { rsquared: r.rsquared.overall, rsquaredKind: "overall" as const }
    : { rsquared: r.rsquared.ols, rsquaredKind: "ols" as const };
  const seLabel = r.vcov === "cluster" ? { en: `clustered by ${r.cluster}`, zh: `按 ${r.cluster} 聚类` } : r.vcov === "robust" ? { en: "robust", zh: "稳健标准误" } : undefined;
  return {
    title,
    params: r.params,
    stdErrors: r.stdErrors,
    tstats: r.tstats,
    pvalues: r.pvalues,
    nobs: r.nobs,
    ngroups: r.ngroups,
    entityEffects: r.model === "fe" && (r.effect === "individual" || r.effect === "twoways"),
    timeEffects: r.model === "fe" && (r.effect === "time" || r.effect === "twoways"),
    seLabel,
    ...r2,
    ...(wild ? { wildPvalues: wildPvalues(wild), wild } : {}),
  };
}
