import { quoteName } from "../data/formula";
import seedrandom from "seedrandom";
import { DataTable, appendColumns } from "../data/data-table";
import { fitPanel, PanelSpec, prepareFit } from "../estimators/fit-panel";
import { fitEstimates } from "../estimators/fit-sample";
import { buildPanelFrame } from "../data/panel-frame";
import { PanelResult } from "../results/panel-result";
import { inputError } from "../errors";
import { buildTreatment, TreatmentSpec, Treatment } from "./treatment";
import { quantileSorted } from "../descriptive/quantile";

export interface DidSpec extends TreatmentSpec {
  y: string;
  id: string;
  time: string;
  controls?: string[];
  /** Default "cluster" by entity. */
  vcov?: string;
  cluster?: string;
  where?: string;
}

export interface GroupMeans {
  /** Mean of y: treated/control × before/after, and the difference-in-differences of means. */
  treatedBefore: number;
  treatedAfter: number;
  controlBefore: number;
  controlAfter: number;
  diffInDiff: number;
  /** The cut for "after" in the control group (the first treatment year; the earliest cohort when staggered). */
  cut: number;
  counts: { treatedBefore: number; treatedAfter: number; controlBefore: number; controlAfter: number };
}

export interface DidResult {
  /** Name of the treatment term in the model ("treat_post" or the given column). */
  term: string;
  estimate: number;
  se: number;
  p: number;
  confInt: [number, number];
  model: PanelResult;
  means: GroupMeans;
  staggered: boolean;
  cohorts: number[];
  notes: string[];
  notesZh: string[];
}

export const DID_TERM = "treat_post";


function groupMeans(t: Treatment, y: Float64Array): GroupMeans {
  const cut = t.cohorts[0];
  const acc = { treatedBefore: [0, 0], treatedAfter: [0, 0], controlBefore: [0, 0], controlAfter: [0, 0] };
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    const treated = !Number.isNaN(t.first[i]);
    const after = treated ? t.frame.timeValue[i] >= t.first[i] : t.frame.timeValue[i] >= cut;
    const key = treated ? (after ? "treatedAfter" : "treatedBefore") : after ? "controlAfter" : "controlBefore";
    acc[key][0] += y[i];
    acc[key][1] += 1;
  }
  const m = (k: keyof typeof acc) => (acc[k][1] ? acc[k][0] / acc[k][1] : NaN);
  const out = { treatedBefore: m("treatedBefore"), treatedAfter: m("treatedAfter"), controlBefore: m("controlBefore"), controlAfter: m("controlAfter") };
  return {
    ...out,
    diffInDiff: out.treatedAfter - out.treatedBefore - (out.controlAfter - out.controlBefore),
    cut,
    counts: { treatedBefore: acc.treatedBefore[1], treatedAfter: acc.treatedAfter[1], controlBefore: acc.controlBefore[1], controlAfter: acc.controlAfter[1] },
  };
}

/**
 * Difference-in-differences: two-way FE regression of y on D = treated × post and controls,
 * SEs clustered by entity by default (Stata `xtreg y D i.year, fe vce(cluster id)` /
 * `reghdfe y D, absorb(id year) cluster(id)`), plus the 2×2 table of group means.
 */
/** The DID regression as a panel model: the data with D = treated × post appended, and its spec. */
export function didPanelSpec(table: DataTable, spec: DidSpec): { data: DataTable; panel: PanelSpec; term: string; treatment: Treatment } {
  const t = buildTreatment(table, spec.id, spec.time, spec);
  const term = spec.treat ?? DID_TERM;
  const data = spec.treat ? table : appendColumns(table, [{ name: DID_TERM, values: t.d }]);
  const formula = `${quoteName(spec.y)} ~ ${[term, ...(spec.controls ?? [])].map(quoteName).join(" + ")}`;
  return { data, term, treatment: t, panel: { formula, id: spec.id, time: spec.time, model: "fe", effect: "twoways", vcov: (spec.vcov ?? "cluster") as PanelSpec["vcov"], cluster: spec.cluster, where: spec.where } };
}

export function did(table: DataTable, spec: DidSpec): DidResult {
  const { data, panel, term, treatment: t } = didPanelSpec(table, spec);
  const model = fitPanel(data, panel);
  if (!(term in model.params)) throw inputError(`The treatment term was dropped (${model.omitted.join(", ")}): it is collinear with the fixed effects.`, `处理变量被省略（${model.omitted.join("、")}）：与固定效应共线。`);
  const y = t.frame.numeric(spec.y);
  const notes: string[] = [];
  const notesZh: string[] = [];
  if (t.staggered) {
    notes.push(`Staggered adoption (${t.cohorts.length} cohorts: ${t.cohorts.join(", ")}): the TWFE estimate averages cohort effects with weights that can be negative when effects change over time; compare the Sun–Abraham event study.`);
    notesZh.push(`交错处理（${t.cohorts.length} 个批次：${t.cohorts.join("、")}）：双向固定效应估计以可能为负的权重平均各批次效应；请对照 Sun–Abraham 事件研究。`);
  }
  return {
    term, estimate: model.params[term], se: model.stdErrors[term], p: model.pvalues[term], confInt: model.confInt[term],
    model, means: groupMeans(t, y), staggered: t.staggered, cohorts: t.cohorts, notes, notesZh,
  };
}

export interface PlaceboResult {
  estimate: number;
  permutations: number;
  failed: number;
  /** Share of placebo estimates at least as large in absolute value (two-sided randomization p). */
  pTwoSided: number;
  mean: number;
  sd: number;
  quantiles: { p05: number; p50: number; p95: number };
  estimates: number[];
  seed: string;
}

/**
 * Placebo (randomization inference): reassign the treatment paths at random across entities
 * (each entity draws another entity's first treated year, keeping the number of treated units
 * and the cohort sizes), re-estimate N times and locate the real estimate.
 */
export function placebo(
  table: DataTable, spec: DidSpec, permutations = 500, seed: number | string = 20240601,
  options: { onProgress?: (done: number, total: number) => boolean | void } = {},
): PlaceboResult {
  const real = did(table, spec);
  const t = buildTreatment(table, spec.id, spec.time, spec);
  // The estimation sample is built once, with the real D as a stand-in column; each permutation
  // replaces that column and re-fits the coefficients only (as the cluster bootstrap does).
  const term = "placebo_treat";
  const frame = buildPanelFrame(appendColumns(table, [{ name: term, values: t.d }]), spec.id, spec.time);
  const { sample, options: fitOptions } = prepareFit(frame, { formula: `${quoteName(spec.y)} ~ ${[term, ...(spec.controls ?? [])].map(quoteName).join(" + ")}`, id: spec.id, time: spec.time, model: "fe", effect: "twoways", vcov: "classical", where: spec.where });
  const j = sample.names.indexOf(term);
  const G = frame.entityNames.length;
  const firstByEntity = new Float64Array(G).fill(NaN);
  for (let i = 0; i < frame.nrows; i++) firstByEntity[frame.entity[i]] = t.first[i];
  const rng = seedrandom(String(seed));
  const estimates: number[] = [];
  let failed = 0;
  for (let r = 0; r < permutations; r++) {
    const perm = Array.from(firstByEntity);
    for (let i = perm.length - 1; i > 0; i--) {
      const k = Math.floor(rng() * (i + 1));
      [perm[i], perm[k]] = [perm[k], perm[i]];
    }
    const d = Float64Array.from(sample.rows, (i) => {
      const f = perm[frame.entity[i]];
      return !Number.isNaN(f) && frame.timeValue[i] >= f ? 1 : 0;
    });
    try {
      const est = fitEstimates({ ...sample, X: sample.X.map((x, c) => (c === j ? d : x)) }, fitOptions).params[term];
      if (est !== undefined) estimates.push(est);
      else failed++;
    } catch {
      failed++;
    }
    // A progress callback that returns false stops the permutations (the result covers those done).
    if (options.onProgress?.(r + 1, permutations) === false) break;
  }
  const sorted = Float64Array.from(estimates).sort();
  const mean = estimates.reduce((a, b) => a + b, 0) / Math.max(estimates.length, 1);
  const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(estimates.length - 1, 1));
  const extreme = estimates.filter((e) => Math.abs(e) >= Math.abs(real.estimate)).length;
  return {
    estimate: real.estimate, permutations: estimates.length, failed, pTwoSided: (extreme + 1) / (estimates.length + 1), mean, sd,
    quantiles: { p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) }, estimates, seed: String(seed),
  };
}
