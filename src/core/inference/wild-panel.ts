import { DataTable } from "../data/data-table";
import { buildPanelFrame, PanelFrame } from "../data/panel-frame";
import { PanelSpec, prepareFit, fitPanelOnFrame } from "../estimators/fit-panel";
import { FitOptions } from "../estimators/fit-sample";
import { PanelSample } from "../estimators/panel-sample";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";
import { wildDesign } from "./wild-design";
import { wildDraws, resolveWildWeights, WildWeights, WILD_DEFAULT_SEED } from "./wild-weights";
import { wildTermStats, wildTermResult, WildTermResult } from "./wild-bootstrap";

/** What the user asks for: `--wild-bootstrap B [--weights] [--seed] [--wild-terms]`, `wild=B`. */
export interface WildOptions {
  /** Draws B (Rademacher with 2^G ≤ B: all 2^G sign vectors instead). */
  reps: number;
  weights?: WildWeights | string;
  seed?: number | string;
  /** Terms to test (default: every slope). */
  terms?: string[];
  /** Confidence level of the interval (default 0.95). */
  level?: number;
  /** Compute the test-inversion interval (default true); tables that print only p skip it. */
  interval?: boolean;
  /** Called every reps/20 draws; returning false stops the draws (results are then incomplete: for timing only). */
  onProgress?: (done: number, total: number) => boolean | void;
}

/** The JSON `wildBootstrap` field (DESIGN.md "Wild cluster bootstrap"). */
export interface WildBootstrapResult {
  reps: number;
  weights: WildWeights;
  enumerated: boolean;
  seed: number | string | null;
  level: number;
  /** The null imposed, e.g. "beta = 0 (restricted, WCR)". */
  null: string;
  cluster?: string;
  nclusters: number;
  terms: Record<string, WildTermResult>;
  notes: string[];
  notesZh: string[];
}

/** The wild cluster bootstrap for a fit already made on `sample` with `options`. */
export function wildBootstrapFit(sample: PanelSample, options: FitOptions, result: PanelResult, wild: WildOptions): WildBootstrapResult {
  const weights = resolveWildWeights(wild.weights);
  const level = wild.level ?? options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw inputError(`The confidence level must lie between 0 and 1 (got ${level}).`, `置信水平应在 0 与 1 之间（当前为 ${level}）。`);
  const design = wildDesign(sample, options, result);
  const terms = wild.terms && wild.terms.length ? wild.terms.map((t) => t.replace(/\s+/g, "")) : design.names.filter((n) => n !== "_cons");
  for (const t of terms) {
    if (!design.names.includes(t)) {
      const why = result.omitted.includes(t) ? " (it was omitted from the model)" : "";
      const whyZh = result.omitted.includes(t) ? "（该变量已从模型中省略）" : "";
      throw inputError(
        `Wild bootstrap term '${t}' is not a coefficient of the model${why}. Choose from: ${design.names.filter((n) => n !== "_cons").join(", ")}.`,
        `wild bootstrap 检验项 '${t}' 不是模型的系数${whyZh}。可选：${design.names.filter((n) => n !== "_cons").join("、")}。`,
      );
    }
  }
  const seed = wild.seed ?? WILD_DEFAULT_SEED;
  const draws = wildDraws(design.G, wild.reps, weights, seed);
  const stats = wildTermStats(design, terms, draws, wild.onProgress);
  const out: Record<string, WildTermResult> = {};
  const notes: string[] = [];
  const notesZh: string[] = [];
  const wEn = weights === "rademacher" ? "Rademacher" : "Webb six-point";
  const wZh = weights === "rademacher" ? "Rademacher " : "Webb 六点";
  if (draws.enumerated) {
    notes.push(`Wild cluster bootstrap (restricted, null imposed; ${wEn} weights): all 2^${design.G} = ${draws.reps} sign vectors enumerated (exact, no seed); p = share of draws with |t*| ≥ |t|.`);
    notesZh.push(`wild cluster bootstrap（限制性，施加原假设；${wZh}权重）：穷举全部 2^${design.G} = ${draws.reps} 个符号向量（精确，无需随机种子）；p = |t*| ≥ |t| 的抽样比例。`);
  } else {
    notes.push(`Wild cluster bootstrap (restricted, null imposed; ${wEn} weights): ${draws.reps - 1} draws (seed ${seed}) plus the observed sample, ${draws.reps} in all; p = share of draws with |t*| ≥ |t|.`);
    notesZh.push(`wild cluster bootstrap（限制性，施加原假设；${wZh}权重）：${draws.reps - 1} 次抽样（随机种子 ${seed}）加原样本，共 ${draws.reps} 次；p = |t*| ≥ |t| 的抽样比例。`);
  }
  if (weights === "rademacher" && draws.reps < 200) {
    notes.push(`Only ${draws.reps} distinct Rademacher draws with ${design.G} clusters: p-values are multiples of ${2}/${draws.reps}; Webb weights give a finer distribution.`);
    notesZh.push(`${design.G} 个聚类只有 ${draws.reps} 种 Rademacher 抽样：p 值只能取 2/${draws.reps} 的倍数；Webb 权重的分布更细。`);
  }
  for (const s of stats) {
    const r = wildTermResult(s, level, wild.interval !== false);
    out[s.term] = r;
    if (wild.interval === false) continue;
    if (r.confInt[0] === null && r.confInt[1] === null) {
      notes.push(`${s.term}: no β0 is rejected at the ${Math.round((1 - level) * 1000) / 10}% level with ${design.G} clusters, so the ${level * 100}% bootstrap confidence set is the whole line.`);
      notesZh.push(`${s.term}：${design.G} 个聚类下任何 β0 在 ${Math.round((1 - level) * 1000) / 10}% 水平上都不被拒绝，${level * 100}% bootstrap 置信集为整条实轴。`);
    } else if (r.confInt[0] === null || r.confInt[1] === null) {
      notes.push(`${s.term}: the ${level * 100}% bootstrap confidence set is unbounded on one side.`);
      notesZh.push(`${s.term}：${level * 100}% bootstrap 置信集一侧无界。`);
    }
    if (r.notInterval) {
      notes.push(`${s.term}: the bootstrap confidence set is not an interval; its outer bounds are reported.`);
      notesZh.push(`${s.term}：bootstrap 置信集不是一个区间，报告的是其外侧边界。`);
    }
  }
  return {
    reps: draws.reps, weights, enumerated: draws.enumerated, seed: draws.enumerated ? null : seed, level,
    null: "beta = 0 (restricted, WCR)", cluster: result.cluster, nclusters: design.G, terms: out, notes, notesZh,
  };
}

/** Fits the panel model of `spec` and runs the wild cluster bootstrap on it. */
export function wildBootstrapOnFrame(frame: PanelFrame, spec: PanelSpec, wild: WildOptions): { model: PanelResult; wildBootstrap: WildBootstrapResult } {
  const model = fitPanelOnFrame(frame, spec);
  const { sample, options } = prepareFit(frame, spec);
  return { model, wildBootstrap: wildBootstrapFit(sample, options, model, wild) };
}

export function wildBootstrapPanel(table: DataTable, spec: PanelSpec, wild: WildOptions): { model: PanelResult; wildBootstrap: WildBootstrapResult } {
  return wildBootstrapOnFrame(buildPanelFrame(table, spec.id, spec.time), spec, wild);
}
