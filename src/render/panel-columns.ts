import { PanelResult } from "../core/results/panel-result";
import { TableColumn } from "./regression-table";
import { WildBootstrapResult } from "../core/inference/wild-panel";
import { wildPvalues } from "./wild-labels";
import { tableLabel } from "./table-labels";

/**
 * A fitted panel model as a column of a publication table. The R² shown is the one papers
 * print for each model: within (Stata) for FE, overall for RE, the OLS R² for pooled OLS.
 * `clusterName` names the cluster variable in the note in both languages (default: the column
 * name as given, e.g. "按 province 聚类" → pass {en: "province", zh: "省份"}).
 */
export function panelColumn(r: PanelResult, title?: string, clusterName?: { en: string; zh: string }, wild?: WildBootstrapResult): TableColumn {
  const r2 = r.model === "fe" ? { rsquared: r.rsquared.within, rsquaredKind: "within" as const }
    : r.model === "re" ? { rsquared: r.rsquared.overall, rsquaredKind: "overall" as const }
    : { rsquared: r.rsquared.ols, rsquaredKind: "ols" as const };
  const cn = clusterName ?? { en: r.cluster ?? "", zh: r.cluster ?? "" };
  const seLabel = r.vcov === "cluster"
    ? { en: tableLabel("clusteredBy", "en", { name: cn.en }), zh: tableLabel("clusteredBy", "zh", { name: /^[!-~]+$/.test(cn.zh) ? ` ${cn.zh} ` : cn.zh }) }
    : r.vcov === "robust" ? { en: tableLabel("robust", "en"), zh: tableLabel("robust", "zh") } : undefined;
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
    dependent: r.dependent,
    nclusters: r.vcov === "cluster" ? r.nclusters : undefined,
    omitted: r.omitted,
    ...r2,
    ...(wild ? { wildPvalues: wildPvalues(wild), wild } : {}),
  };
}
