import { Cell } from "../../src/core/data/cells";

export interface SyntheticPanelOptions {
  /** Ids as "firm g" instead of g + 1. */
  textIds?: boolean;
  /** x3 = x1 − 2·x2 (collinear). */
  collinear?: boolean;
  /** y an exact linear function of the regressors and the two effects. */
  exact?: boolean;
  /** Rows left out. */
  skip?: (g: number, t: number) => boolean;
  /** Coefficient of g in the noisy y (an entity trend). */
  drift?: number;
  /** The (g, t) whose y is blank. */
  blankY?: [number, number];
}

/** A G entities × T periods panel (years from 2000) with y and 3 regressors, for fit tests that compare paths with each other. */
export function syntheticFePanel(G: number, T: number, opts: SyntheticPanelOptions = {}): Cell[][] {
  const rows: Cell[][] = [["id", "year", "y", "x1", "x2", "x3"]];
  for (let g = 0; g < G; g++) {
    for (let t = 0; t < T; t++) {
      if (opts.skip?.(g, t)) continue;
      const x1 = Math.sin(g * 7 + t * 3) + t * 0.1;
      const x2 = Math.cos(g * 5 - t) * 2;
      const x3 = opts.collinear ? x1 - 2 * x2 : ((g * 31 + t * 17) % 13) / 7;
      const noisy = 1 + 2 * x1 - x2 + 0.5 * x3 + Math.sin(g * 1.3 + t * 7.7);
      const y = opts.exact ? 1 + 2 * x1 - x2 + 0.5 * x3 + g * 0.3 + t * 0.05 : opts.drift ? noisy + g * opts.drift : noisy;
      const blank = opts.blankY !== undefined && opts.blankY[0] === g && opts.blankY[1] === t;
      rows.push([opts.textIds ? `firm ${g}` : g + 1, 2000 + t, blank ? null : y, x1, x2, x3]);
    }
  }
  return rows;
}
