import { histogram, defaultBins, binOf } from "../../../src/core/descriptive/histogram";
import { errorOf } from "../../helpers/error-of";

describe("histogram", () => {
  test("hand case: 0…4 in two bins, the last bin closed", () => {
    const h = histogram([0, 1, 2, 3, 4], { bins: 2 });
    expect(h.edges).toEqual([0, 2, 4]);
    expect(h.counts).toEqual([2, 3]);
    expect(h.width).toBe(2);
    expect(h.n).toBe(5);
  });
  test("the range covers the included values (a real estimate outside the placebo draws)", () => {
    const h = histogram([0, 0.5, 1], { bins: 4, include: [3] });
    expect(h.edges).toEqual([0, 0.75, 1.5, 2.25, 3]);
    expect(h.counts).toEqual([2, 1, 0, 0]);
    expect(binOf(3, 0, 0.75, 4)).toBe(3);
  });
  test("Stata's default bin count min(√N, 10·log10 N)", () => {
    expect(defaultBins(500)).toBe(22); // √500 = 22.36 < 26.99
    expect(defaultBins(50)).toBe(7); // √50 = 7.07 < 16.99
    expect(defaultBins(1)).toBe(1);
    expect(histogram(Array.from({ length: 100 }, (_, i) => i)).counts).toHaveLength(10);
  });
  test("equal values: one bin around them; non-finite values skipped", () => {
    const h = histogram([2, 2, NaN, 2]);
    expect(h.counts).toEqual([3]);
    expect(h.edges[0]).toBeLessThan(2);
    expect(h.edges[1]).toBeGreaterThan(2);
  });
  test("no values, or a bad bin count, is refused with a message", () => {
    expect(errorOf(() => histogram([NaN])).message).toMatch(/no values/);
    expect(errorOf(() => histogram([1, 2], { bins: 0 })).message).toMatch(/whole number ≥ 1 \(got 0\)/);
  });
});
