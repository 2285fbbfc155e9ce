import { Lang } from "../core/errors";
import { WildBootstrapResult } from "../core/inference/wild-panel";

/**
 * The table note of a wild cluster bootstrap: weights, draws, null and clusters, e.g.
 * "Wild cluster bootstrap p-values in brackets (restricted WCR, H0: β = 0 imposed; Rademacher
 * weights, all 2^10 = 1024 sign vectors; clusters: firm, 10); stars from them."
 */
export function wildNote(w: WildBootstrapResult, lang: Lang, brackets = true, starsFromIt = true): string {
  const weights = w.weights === "rademacher" ? "Rademacher " : lang === "zh" ? "Webb 六点" : "Webb six-point ";
  if (lang === "zh") {
    const draws = w.enumerated ? `穷举全部 2^${w.nclusters} = ${w.reps} 个符号向量` : `${w.reps - 1} 次抽样加原样本（随机种子 ${w.seed}）`;
    const where = brackets ? "方括号内为 wild cluster bootstrap p 值" : "wild cluster bootstrap p 值";
    return `${where}（限制性 WCR，施加原假设 β = 0；${weights}权重，${draws}；按 ${w.cluster ?? "个体"} 聚类，${w.nclusters} 个聚类）${starsFromIt ? "；显著性星号依据该 p 值" : ""}。`;
  }
  const draws = w.enumerated ? `all 2^${w.nclusters} = ${w.reps} sign vectors` : `${w.reps - 1} draws plus the observed sample (seed ${w.seed})`;
  const where = brackets ? "Wild cluster bootstrap p-values in brackets" : "Wild cluster bootstrap p-values";
  return `${where} (restricted WCR, H0: β = 0 imposed; ${weights}weights, ${draws}; clustered by ${w.cluster ?? "entity"}, ${w.nclusters} clusters)${starsFromIt ? "; stars from them" : ""}.`;
}

/** The p-values of the tested terms, by term. */
export function wildPvalues(w: WildBootstrapResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, r] of Object.entries(w.terms)) out[t] = r.p;
  return out;
}

/**
 * One note for the bootstrap columns of a table: the shared parts once, the draws per column when
 * they differ (regional columns enumerate 2^G sign vectors with their own G).
 */
export function wildTableNote(ws: readonly (WildBootstrapResult | undefined)[], lang: Lang): string | undefined {
  const used = ws.map((w, i) => ({ w, i })).filter((x): x is { w: WildBootstrapResult; i: number } => !!x.w);
  if (used.length === 0) return undefined;
  const drawsOf = (w: WildBootstrapResult) => (w.enumerated ? `2^${w.nclusters} = ${w.reps}` : lang === "zh" ? `${w.reps - 1} 次（种子 ${w.seed}）` : `${w.reps - 1} (seed ${w.seed})`);
  const same = used.every((x) => drawsOf(x.w) === drawsOf(used[0].w) && x.w.weights === used[0].w.weights && x.w.enumerated === used[0].w.enumerated);
  if (same) return wildNote(used[0].w, lang);
  const weights = [...new Set(used.map((x) => (x.w.weights === "rademacher" ? "Rademacher" : lang === "zh" ? "Webb 六点" : "Webb six-point")))].join("/");
  const cluster = used[0].w.cluster ?? (lang === "zh" ? "个体" : "entity");
  const list = used.map((x) => `(${x.i + 1}) ${x.w.enumerated ? (lang === "zh" ? `穷举 ${drawsOf(x.w)}` : `all ${drawsOf(x.w)}`) : lang === "zh" ? `抽样 ${drawsOf(x.w)}` : `${drawsOf(x.w)} draws`}`);
  if (lang === "zh") {
    const plusZh = used.some((x) => !x.w.enumerated) ? "；随机抽样另加原样本" : "";
    return `方括号内为 wild cluster bootstrap p 值（限制性 WCR，施加原假设 β = 0；${weights} 权重；按 ${cluster} 聚类；各列抽样：${list.join("，")}${plusZh}）；显著性星号依据该 p 值。`;
  }
  const plus = used.some((x) => !x.w.enumerated) ? "; random draws add the observed sample" : "";
  return `Wild cluster bootstrap p-values in brackets (restricted WCR, H0: β = 0 imposed; ${weights} weights; clustered by ${cluster}; draws per column: ${list.join(", ")}${plus}); stars from them.`;
}
