import { inputError } from "../errors";
import { GroupedValues, yearBlocks, timeText, skipNotes } from "./year-groups";

export interface DagumYear {
  time: number | null;
  n: number;
  mean: number;
  /** Overall Gini G = ΣΣΣΣ|y_ji − y_hr| / (2n²μ). */
  G: number;
  /** Within-group contribution Gw = Σ G_jj p_j s_j. */
  Gw: number;
  /** Net between-group contribution Gnb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh. */
  Gnb: number;
  /** Transvariation (intensity of transvariation) Gt = Σ_{j>h} G_jh (p_j s_h + p_h s_j)(1 − D_jh). */
  Gt: number;
  /** Contribution shares Gw/G, Gnb/G, Gt/G (null when G = 0). */
  shares: { Gw: number | null; Gnb: number | null; Gt: number | null };
  /** Within-group Gini G_jj per group (result order). */
  within: Record<string, number>;
  /** Between-group Gini G_jh per pair, key "A|B" with the higher-mean group first. */
  between: Record<string, number>;
  /** Relative economic affluence D_jh per pair (same keys). */
  affluence: Record<string, number>;
  groupMeans: Record<string, number>;
  groupSizes: Record<string, number>;
}

export interface DagumResult {
  variable: string;
  groups: string[];
  years: DagumYear[];
  notes: string[];
  notesZh: string[];
}

/**
 * The Gini coefficient and its Dagum (1997) decomposition by subgroups, per year. Groups are
 * ordered by their mean in each year; for a pair j, h with μ_j ≥ μ_h:
 *   G_jj = Σ_iΣ_r |y_ji − y_jr| / (2 n_j² μ_j),  G_jh = Σ_iΣ_r |y_ji − y_hr| / (n_j n_h (μ_j + μ_h)),
 *   d_jh = Σ_iΣ_r max(y_ji − y_hr, 0)/(n_j n_h),  p_jh = Σ_iΣ_r max(y_hr − y_ji, 0)/(n_j n_h),
 *   D_jh = (d_jh − p_jh)/(d_jh + p_jh)  (0 when both are 0),
 *   p_j = n_j/n, s_j = n_j μ_j/(nμ), and G = Gw + Gnb + Gt exactly (in exact arithmetic).
 * Values must be ≥ 0 with a positive mean; every group needs two members in every year (one
 * member has no within-group Gini). Complexity O(n²) per year.
 * Reference: Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality
 * ratio. Empirical Economics 22(4), 515–531.
 */
export function dagumGini(input: GroupedValues): DagumResult {
  if (!input.groups) throw inputError("The Dagum decomposition needs a group column (e.g. region4).", "Dagum 分解需要分组列（例如 region4）。");
  const b = yearBlocks(input);
  const label = input.rowLabel ?? ((i: number) => `row ${i + 2}`);
  const groups = input.groups;
  const y = input.values;
  if (b.groups.length < 2) {
    throw inputError(
      `The Dagum decomposition needs at least two groups; '${input.name}' has ${b.groups.length === 1 ? `only '${b.groups[0]}'` : "none"}. Choose a group column with two or more groups (e.g. region4 or southnorth).`,
      `Dagum 分解至少需要两个分组；'${input.name}' ${b.groups.length === 1 ? `只有 '${b.groups[0]}'` : "没有分组"}。请选择含两个及以上分组的列（例如 region4 或 southnorth）。`,
    );
  }
  const years: DagumYear[] = [];
  for (const blk of b.blocks) {
    for (const i of blk.rows) {
      if (y[i] < 0) {
        throw inputError(
          `'${input.name}' (${label(i)}) is ${y[i]}: the Gini coefficient needs values ≥ 0 (incomes, index scores). Use a non-negative variable or shift it before the decomposition.`,
          `'${input.name}'（${label(i)}）为 ${y[i]}：基尼系数要求数值 ≥ 0（收入、指数得分等）。请使用非负变量，或先平移后再分解。`,
        );
      }
    }
    const members = b.groups.map((g) => blk.rows.filter((i) => groups[i] === g)).map((rows, k) => ({ name: b.groups[k], rows })).filter((m) => m.rows.length > 0);
    for (const m of members) {
      if (m.rows.length === 1) {
        throw inputError(
          `Group '${m.name}'${timeText(blk.time, "en")} has one member (${label(m.rows[0])}): its within-group Gini is undefined. Merge it into another group, drop it, or check the group column.`,
          `分组 '${m.name}'${blk.time === null ? "" : ` 在 ${blk.time} 年`}只有一个成员（${label(m.rows[0])}）：组内基尼系数无定义。请将其并入其他分组、删除该组，或检查分组列。`,
        );
      }
    }
    if (members.length < 2) {
      throw inputError(`${blk.time === null ? "The data" : `Year ${blk.time}`} has only group '${members[0].name}': the Dagum decomposition needs two or more groups in every year.`, `${blk.time === null ? "数据" : `${blk.time} 年`}只有分组 '${members[0].name}'：Dagum 分解要求每年至少有两个分组。`);
    }
    const n = blk.rows.length;
    const total = blk.rows.reduce((s, i) => s + y[i], 0);
    const mu = total / n;
    if (!(mu > 0)) {
      throw inputError(`'${input.name}'${timeText(blk.time, "en")}: every value is 0, so the Gini coefficient is undefined (0/0). Check the variable.`, `'${input.name}'${blk.time === null ? "" : `在 ${blk.time} 年`}全部为 0，基尼系数无定义（0/0）。请检查该变量。`);
    }
    const vals = members.map((m) => Float64Array.from(m.rows, (i) => y[i]));
    const means = vals.map((v) => v.reduce((s, x) => s + x, 0) / v.length);
    // Groups by mean, descending: j < h in this order means μ_j ≥ μ_h.
    const order = members.map((_, k) => k).sort((a, c) => means[c] - means[a]);
    const p = vals.map((v) => v.length / n);
    const s = vals.map((v, k) => (v.length * means[k]) / (n * mu));
    const within: Record<string, number> = {}, between: Record<string, number> = {}, affluence: Record<string, number> = {};
    let gw = 0, gnb = 0, gt = 0, sumAbs = 0;
    for (const k of members.keys()) {
      const v = vals[k];
      let a = 0;
      for (let i = 0; i < v.length; i++) for (let r = 0; r < v.length; r++) a += Math.abs(v[i] - v[r]);
      sumAbs += a;
      const gjj = a / (2 * v.length * v.length * means[k]);
      within[members[k].name] = gjj;
      gw += gjj * p[k] * s[k];
    }
    for (let a = 0; a < order.length; a++) {
      for (let c = a + 1; c < order.length; c++) {
        const j = order[a], h = order[c];
        const vj = vals[j], vh = vals[h];
        let up = 0, down = 0;
        for (let i = 0; i < vj.length; i++) {
          for (let r = 0; r < vh.length; r++) {
            const diff = vj[i] - vh[r];
            if (diff > 0) up += diff;
            else down -= diff;
          }
        }
        sumAbs += 2 * (up + down);
        const nn = vj.length * vh.length;
        const gjh = (up + down) / (nn * (means[j] + means[h]));
        const djh = up / nn, pjh = down / nn;
        const dd = djh + pjh > 0 ? (djh - pjh) / (djh + pjh) : 0;
        const key = `${members[j].name}|${members[h].name}`;
        between[key] = gjh;
        affluence[key] = dd;
        const weight = p[j] * s[h] + p[h] * s[j];
        gnb += gjh * weight * dd;
        gt += gjh * weight * (1 - dd);
      }
    }
    const G = sumAbs / (2 * n * n * mu);
    const share = (x: number) => (G > 0 ? x / G : null);
    years.push({
      time: blk.time, n, mean: mu, G, Gw: gw, Gnb: gnb, Gt: gt,
      shares: { Gw: share(gw), Gnb: share(gnb), Gt: share(gt) },
      within, between, affluence,
      groupMeans: Object.fromEntries(members.map((m, k) => [m.name, means[k]])),
      groupSizes: Object.fromEntries(members.map((m, k) => [m.name, vals[k].length])),
    });
  }
  return { variable: input.name, groups: b.groups, years, ...skipNotes(b, input.name) };
}
