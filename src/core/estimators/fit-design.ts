import { demeanOneWay, twoWayProjector, groupMeans, TwoWayProjector } from "./demean";
import { PanelSample } from "./panel-sample";
import { PanelResult, ModelKind, EffectKind } from "../results/panel-result";
import { inputError } from "../errors";
import { ones, sumSq, groupCounts, Indicators, indicatorColumn, indicatorCounts, indicatorRows } from "./fit-stats";
import { ABSORBED_TOL, withinSigma2, betweenSigma2u } from "./variance-components";

/** The regression the QR solves: transformed response and columns, with what the transformation absorbed. */
export interface Design {
  /** Regression columns (transformed), with names. */
  cols: Float64Array[];
  names: string[];
  /** Σ x[i]² of each column in row order, when the transformation has it (for the QR's column norms). */
  norms2?: number[];
  yT: Float64Array;
  /** Parameters absorbed by the fixed effects (G, T or G + T − 1). */
  absorbed: number;
  /** Whether names[0] is the constant. */
  hasConstant: boolean;
  /** The two-way within transformation (two-way FE), for the entity effects behind sigma_u. */
  projector?: TwoWayProjector;
  /**
   * Indicator designs (two-way, balanced or exact method): cross[b] = X'x̃_b over the design's raw columns (for the
   * columns whose transformation gathered it; undefined otherwise), for projectedLeastSquares.
   */
  cross?: (Float64Array | undefined)[];
}

export interface BuiltDesign {
  design: Design;
  /** Regressors absorbed by the fixed effects (FE). */
  absorbedNames: string[];
  demeanIterations?: number;
  demeanMethod?: PanelResult["demeanMethod"];
  /** RE: σₑ², σᵤ² and θᵢ. */
  sigma?: { e2: number; u2: number; thetaByGroup: Float64Array };
}

export type Note = (en: string, zh: string) => void;

export interface DesignOptions {
  demeanMethod?: "exact" | "alternating";
  estimatesOnly?: boolean;
  /** FE only: s.X[0..count−1] are these indicators (and may be empty placeholders). */
  indicators?: Indicators;
}

/** Columns per allocation: one 1M-row block of 16 columns is 128 MB. */
const BLOCK_ELEMENTS = 1 << 24;

/**
 * `count` zeroed columns of length n as views into a few large Float64Array blocks (at most
 * BLOCK_ELEMENTS each): one allocation per block instead of one per column, so a wide design
 * (an event study's ~80 cells at 1M rows) triggers few collections of the whole heap.
 */
export function columnBlocks(count: number, n: number): Float64Array[] {
  const perBlock = Math.max(1, Math.floor(BLOCK_ELEMENTS / Math.max(n, 1)));
  const out: Float64Array[] = [];
  for (let j = 0; j < count; j += perBlock) {
    const m = Math.min(perBlock, count - j);
    const block = new Float64Array(m * n);
    for (let c = 0; c < m; c++) out.push(block.subarray(c * n, (c + 1) * n));
  }
  return out;
}

export function isBalanced(s: PanelSample): boolean {
  return s.y.length === s.ngroups * s.nperiods;
}

/**
 * The design of pooled OLS (`[1, X]`), fixed effects (within transformation: one-way demeaning,
 * or the two-way projector) or random effects (Swamy–Arora quasi-demeaning with θᵢ).
 */
export function buildDesign(s: PanelSample, model: ModelKind, effect: EffectKind, note: Note, opts: DesignOptions = {}): BuiltDesign {
  const N = s.y.length;
  if (model === "pooled") {
    return { design: { cols: [ones(N), ...s.X], names: ["_cons", ...s.names], yT: s.y, absorbed: 0, hasConstant: true }, absorbedNames: [] };
  }
  if (model === "fe") return feDesign(s, effect, note, opts);
  return reDesign(s, note);
}

function feDesign(s: PanelSample, effect: EffectKind, note: Note, opts: DesignOptions): BuiltDesign {
  const G = s.ngroups;
  const T = s.nperiods;
  let yT: Float64Array;
  let XT: Float64Array[];
  let absorbed: number;
  let projector: TwoWayProjector | undefined;
  let demeanIterations: number | undefined;
  let demeanMethod: PanelResult["demeanMethod"];
  // Indicator columns are materialised one at a time into one buffer (never all at once).
  const ind = opts.indicators;
  const buffer = ind ? new Float64Array(s.y.length) : undefined;
  const raw = (x: Float64Array, j: number) => (ind && j < ind.count ? indicatorColumn(ind, j, buffer) : x);
  const rawNorm2 = ind ? indicatorCounts(ind) : undefined;
  // ‖x̃ⱼ‖² when the transformation already gave it (indicators, balanced or exact two-way), else NaN.
  const norm2 = new Float64Array(s.X.length).fill(NaN);
  const rawCross: (Float64Array | undefined)[] = new Array(s.X.length).fill(undefined);
  // Σ xⱼ[i]² of a dense raw column when the transformation summed it, else NaN.
  const rawNorm2Dense = new Float64Array(s.X.length).fill(NaN);
  if (effect === "individual" || effect === "time") {
    const codes = effect === "individual" ? s.entity : s.period;
    const n = effect === "individual" ? G : T;
    yT = demeanOneWay(s.y, codes, n);
    const out = columnBlocks(s.X.length, s.y.length);
    XT = s.X.map((x, j) => demeanOneWay(raw(x, j), codes, n, out[j]));
    absorbed = n;
  } else {
    const proj = twoWayProjector(s.entity, G, s.period, T, { balanced: isBalanced(s), method: opts.demeanMethod });
    projector = proj;
    yT = proj.apply(s.y);
    const out = columnBlocks(s.X.length, s.y.length);
    const byRow = ind && proj.indicatorInto ? indicatorRows(ind) : undefined;
    const dense = ind ? s.X.slice(ind.count) : [];
    XT = s.X.map((x, j) => {
      if (byRow && j < ind!.count) {
        // X'x̃ⱼ gathered in the same pass: sums over each indicator's rows, then dots with the dense columns.
        const c = (rawCross[j] = new Float64Array(s.X.length));
        const cross = { byCode: c.subarray(0, ind!.count), dense, dots: c.subarray(ind!.count) };
        norm2[j] = proj.indicatorInto!(ind!.codes, j, byRow.rows.subarray(byRow.start[j], byRow.start[j + 1]), out[j], cross);
        return out[j];
      }
      if (proj.applyIntoNorms && !(ind && j < ind.count)) {
        const nn = proj.applyIntoNorms(x, out[j]);
        rawNorm2Dense[j] = nn.x2;
        norm2[j] = nn.out2;
        return out[j];
      }
      return proj.applyInto(raw(x, j), out[j]);
    });
    absorbed = proj.absorbed;
    demeanMethod = proj.method;
    if (proj.method === "alternating") {
      demeanIterations = proj.iterations;
      if (proj.converged) note(`Two-way demeaning on an unbalanced panel: alternating projections converged in ${proj.iterations} sweeps (tolerance 1e-14).`, `非平衡面板的双向去均值：交替投影 ${proj.iterations} 次迭代收敛（容差 1e-14）。`);
      else note(`Two-way demeaning did not reach the 1e-14 tolerance in ${proj.iterations} sweeps; the estimates may be inexact.`, `双向去均值在 ${proj.iterations} 次迭代内未达到 1e-14 的容差，估计可能不精确。`);
    } else if (proj.method === "exact") {
      demeanIterations = 0;
      if (!opts.estimatesOnly) note("Two-way fixed effects on an unbalanced panel: exact within transformation (entity demeaning, then projection on the demeaned period dummies; no iterations).", "非平衡面板的双向固定效应：精确组内变换（先按个体去均值，再对去均值后的时期虚拟变量投影；无需迭代）。");
    }
    if (proj.absorbed < G + T - 1) note(`The entity–period structure falls into ${G + T - proj.absorbed} disconnected pieces, so only ${proj.absorbed} effects are identified (degrees of freedom adjusted).`, `个体—时期结构分成 ${G + T - proj.absorbed} 个互不相连的部分，仅能识别 ${proj.absorbed} 个效应（自由度已相应调整）。`);
  }
  const keepCols: Float64Array[] = [];
  const keepNames: string[] = [];
  const keepNorms2: number[] = [];
  const absorbedNames: string[] = [];
  XT.forEach((xt, j) => {
    const scale = Math.sqrt(ind && j < ind.count ? rawNorm2![j] : Number.isNaN(rawNorm2Dense[j]) ? sumSq(s.X[j]) : rawNorm2Dense[j]) || 1;
    const xtNorm2 = Number.isNaN(norm2[j]) ? sumSq(xt) : norm2[j];
    if (Math.sqrt(xtNorm2) <= ABSORBED_TOL * scale) {
      absorbedNames.push(s.names[j]);
      const by = effect === "individual" ? "entity" : effect === "time" ? "period" : "entity and period";
      const byZh = effect === "individual" ? "个体" : effect === "time" ? "时期" : "个体与时期";
      note(`${s.names[j]} omitted: it does not vary within ${by}, so the fixed effects absorb it.`, `${s.names[j]} 被省略：它在${byZh}内不变，被固定效应吸收。`);
    } else {
      keepCols.push(xt);
      keepNames.push(s.names[j]);
      keepNorms2.push(xtNorm2);
    }
  });
  const keptRaw = keepNames.map((nm) => s.names.indexOf(nm));
  const cross = rawCross.some((c) => c) ? keptRaw.map((j) => (rawCross[j] ? Float64Array.from(keptRaw, (a) => rawCross[j]![a]) : undefined)) : undefined;
  return { design: { cols: keepCols, names: keepNames, norms2: keepNorms2, yT, absorbed, hasConstant: false, projector, cross }, absorbedNames, demeanIterations, demeanMethod };
}

/** Random effects: variance components from the within and between regressions, then quasi-demeaning. */
function reDesign(s: PanelSample, note: Note): BuiltDesign {
  const N = s.y.length;
  const G = s.ngroups;
  const ew = withinSigma2(s);
  if (ew.df <= 0) {
    throw inputError(
      "Random effects need entities observed in more than one period (the within regression has no degrees of freedom).",
      "随机效应模型要求个体至少被观测两期（组内回归没有自由度）。",
    );
  }
  const between = betweenSigma2u(s, ew.sigma2);
  let u2 = between.sigma2u;
  if (u2 < 0) {
    note(`The between-entity variance estimate is negative (${u2.toPrecision(4)}); it is set to 0 and RE equals pooled OLS.`, `组间方差估计为负（${u2.toPrecision(4)}），按 0 处理，随机效应退化为混合 OLS。`);
    u2 = 0;
  }
  const Ti = groupCounts(s.entity, G);
  const theta = new Float64Array(G);
  for (let g = 0; g < G; g++) theta[g] = 1 - Math.sqrt(ew.sigma2 / (Ti[g] * u2 + ew.sigma2));
  const quasi = (x: Float64Array) => {
    const m = groupMeans(x, s.entity, G);
    const out = new Float64Array(N);
    for (let i = 0; i < N; i++) out[i] = x[i] - theta[s.entity[i]] * m[s.entity[i]];
    return out;
  };
  const c = new Float64Array(N);
  for (let i = 0; i < N; i++) c[i] = 1 - theta[s.entity[i]];
  if (!isBalanced(s)) note("Unbalanced panel: Swamy–Arora variance components in the Baltagi–Chang form (as plm 'swar' and gretl --unbalanced=bc).", "非平衡面板：Swamy–Arora 方差分量采用 Baltagi–Chang 形式（同 plm 'swar'、gretl --unbalanced=bc）。");
  return {
    design: { cols: [c, ...s.X.map(quasi)], names: ["_cons", ...s.names], yT: quasi(s.y), absorbed: 0, hasConstant: true },
    absorbedNames: [],
    sigma: { e2: ew.sigma2, u2, thetaByGroup: theta },
  };
}
