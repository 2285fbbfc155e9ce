/**
 * scaledQuadForm / waldForm by hand: the decision is taken on S⁻¹VS⁻¹, so a variance of 1e-24
 * beside one of 1e24 is not a rank deficiency; a singular V keeps its rank; `top` measures V on
 * the scale given (what Hausman uses to call V_FE − V_RE rounding noise).
 */
import { scaledQuadForm, waldForm } from "../../../src/core/inference/quad-form";

test("V = diag(1e24, 1e-24), b = (1e12, 1e-12): b'V⁻¹b = 2, rank 2 (raw eigenvalues would say rank 1)", () => {
  const w = waldForm([1e12, 1e-12], [1e24, 0, 0, 1e-24]);
  expect(w.rank).toBe(2);
  expect(w.value).toBeCloseTo(2, 12);
});

test("correlated pair rescaled: the value is the same as unscaled", () => {
  // V = [[1, .5], [.5, 1]], b = (1, 2): b'V⁻¹b = (1 − 2·.5·2 + 4)/(1 − .25) = 3/.75 = 4.
  for (const c of [1, 1e-9, 1e9]) {
    const w = waldForm([1 / c, 2], [1 / (c * c), 0.5 / c, 0.5 / c, 1]);
    expect(w.value).toBeCloseTo(4, 10);
  }
});

test("a singular or indefinite covariance gives no Wald value, with the reason", () => {
  expect(waldForm([1, 1], [1, 1, 1, 1])).toEqual({ rank: 1, k: 2, reason: "rank" });
  expect(waldForm([1, 1], [1, 0, 0, -1]).reason).toBe("indefinite");
});

test("top: the largest eigenvalue on the given scale", () => {
  const g = scaledQuadForm([1e-20, 0, 0, 2e-20], [1e-10, 1e-10], [1, 1]);
  expect(g.top).toBeCloseTo(2e-20, 30);
  expect(g.rank).toBe(2);
});
