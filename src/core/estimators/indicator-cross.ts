import type { IndicatorCross } from "./demean";

/**
 * X'x̃ of one transformed column over the raw design: cross.byCode[c] = Σ x̃ᵢ over the rows with
 * codes[i] = c ≥ 0, cross.dots[d] = Σ dense[d]ᵢ·x̃ᵢ — each in row order, as projectedLeastSquares
 * would sum them.
 */
export function gatherCross(codes: Int32Array, out: Float64Array, cross: IndicatorCross): void {
  const { byCode, dense, dots } = cross;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c >= 0) byCode[c] += out[i];
  }
  for (let d = 0; d < dense.length; d++) {
    const x = dense[d];
    let t = 0;
    for (let i = 0; i < n; i++) t += x[i] * out[i];
    dots[d] = t;
  }
}
