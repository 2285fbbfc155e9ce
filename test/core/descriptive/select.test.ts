import fc from "fast-check";
import { quantilesType7 } from "../../../src/core/descriptive/select";
import { quantileSorted } from "../../../src/core/descriptive/quantile";

/* The selected quartiles must be exactly the sorted-array quartiles (R type 7, PERCENTILE.INC). */
describe("quantilesType7 by selection", () => {
  const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
  const sortedQuantiles = (xs: number[]) => {
    const sorted = Float64Array.from(xs).sort();
    return ps.map((p) => quantileSorted(sorted, p, 7));
  };

  test("equals sorting for random arrays with many ties, runs and extremes (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, min: -1e300, max: 1e300 })), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const values = Float64Array.from(xs);
          const copy = values.slice();
          expect(quantilesType7(values, ps)).toEqual(sortedQuantiles(xs));
          expect(values).toEqual(copy); // the input is left as it was
        },
      ),
      { numRuns: 400 },
    );
  });

  test("sorted, reversed and constant inputs (the cases that break naive pivots)", () => {
    const up = Array.from({ length: 10001 }, (_, i) => i);
    for (const xs of [up, [...up].reverse(), new Array<number>(5000).fill(7), up.map((i) => i % 2)]) {
      expect(quantilesType7(Float64Array.from(xs), ps)).toEqual(sortedQuantiles(xs));
    }
  });

  test("by hand: 1..10 has quartiles 3.25, 5.5, 7.75 (R quantile(1:10), Excel QUARTILE.INC)", () => {
    expect(quantilesType7(Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]), [0.25, 0.5, 0.75])).toEqual([3.25, 5.5, 7.75]);
  });
});
