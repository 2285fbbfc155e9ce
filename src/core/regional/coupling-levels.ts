import type { Localized } from "../errors";

/**
 * The ten coupling-coordination levels (耦合协调度等级), bands of width 0.1 of D: level k covers
 * [(k − 1)/10, k/10); a value on a boundary goes to the upper band and D = 1 is level 10.
 */
export const COUPLING_LEVELS: readonly Localized[] = [
  { en: "extreme imbalance", zh: "极度失调" },
  { en: "serious imbalance", zh: "严重失调" },
  { en: "moderate imbalance", zh: "中度失调" },
  { en: "mild imbalance", zh: "轻度失调" },
  { en: "on the verge of imbalance", zh: "濒临失调" },
  { en: "barely coordinated", zh: "勉强协调" },
  { en: "primary coordination", zh: "初级协调" },
  { en: "intermediate coordination", zh: "中级协调" },
  { en: "good coordination", zh: "良好协调" },
  { en: "high-quality coordination", zh: "优质协调" },
];

/**
 * Level 1..10 of a coordination degree D in [0, 1]: 1 + the number of boundaries 0.1, …, 0.9
 * with D ≥ boundary. The boundaries are the doubles nearest k/10 (not 0.1·k, which puts 0.3 at
 * 0.30000000000000004), so D = 0.3 typed or computed as 3/10 is level 4.
 */
export function couplingLevel(d: number): number {
  let level = 1;
  for (let k = 1; k <= 9; k++) if (d >= k / 10) level++;
  return level;
}
