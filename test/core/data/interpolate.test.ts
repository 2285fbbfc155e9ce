import { interpolateWithinEntity } from "../../../src/core/data/interpolate";

const f = (...v: number[]) => Float64Array.from(v);

// Expected values worked out by hand (linear in the time value, as Stata's `ipolate y year, by(id)`).
describe("interpolateWithinEntity", () => {
  test("fills an interior gap linearly", () => {
    const r = interpolateWithinEntity(["A", "A", "A"], [2001, 2002, 2003], f(1, NaN, 5));
    expect(Array.from(r.values)).toEqual([1, 3, 5]);
    expect(r.filled).toEqual([1]);
    expect(r.leftMissing).toEqual([]);
  });

  test("weights by the time value, not by row position (uneven spacing)", () => {
    // 2000 → 10, 2004 → 30: 2001 = 15, 2003 = 25
    const r = interpolateWithinEntity(["A", "A", "A", "A"], [2000, 2001, 2003, 2004], f(10, NaN, NaN, 30));
    expect(Array.from(r.values)).toEqual([10, 15, 25, 30]);
    expect(r.filled).toEqual([1, 2]);
  });

  test("rows in any order; entities never borrow from each other", () => {
    const r = interpolateWithinEntity(["A", "A", "A", "B", "A", "B", "B"], [2003, 2001, 2002, 2001, 2004, 2003, 2002], f(NaN, 1, NaN, 100, 7, 300, NaN));
    // A: 2001→1, 2004→7 ⇒ 2002 = 3, 2003 = 5; B: 2001→100, 2003→300 ⇒ 2002 = 200
    expect(Array.from(r.values)).toEqual([5, 1, 3, 100, 7, 300, 200]);
    expect(r.filled).toEqual([0, 2, 6]);
    expect(r.leftMissing).toEqual([]);
  });

  test("no extrapolation: leading and trailing gaps stay missing and are listed", () => {
    const r = interpolateWithinEntity(["A", "A", "A", "A", "A"], [2001, 2002, 2003, 2004, 2005], f(NaN, 2, NaN, 4, NaN));
    expect(Array.from(r.values)).toEqual([NaN, 2, 3, 4, NaN]);
    expect(r.filled).toEqual([2]);
    expect(r.leftMissing).toEqual([0, 4]);
  });

  test("an entity with a single observation or none is left as it is", () => {
    const r = interpolateWithinEntity(["A", "B", "B"], [2001, 2001, 2002], f(NaN, NaN, NaN));
    expect(r.filled).toEqual([]);
    expect(r.leftMissing).toEqual([0, 1, 2]);
  });

  test("does not modify its input; a row without an id is neither used nor filled, and is listed", () => {
    const input = f(1, NaN, 3, NaN);
    const r = interpolateWithinEntity(["A", "A", "A", null], [1, 2, 3, 2], input);
    expect(Number.isNaN(input[1])).toBe(true);
    expect(r.values[1]).toBe(2);
    expect(Number.isNaN(r.values[3])).toBe(true);
    expect(r.filled).toEqual([1]);
    expect(r.leftMissing).toEqual([3]);
  });

  test("a gap between two rows of the same time (duplicate entity-time) is not filled: no NaN slips into 'filled'", () => {
    const r = interpolateWithinEntity(["A", "A", "A"], [1, 1, 1], f(1, NaN, 3));
    expect(r.filled).toEqual([]);
    expect(r.leftMissing).toEqual([1]);
  });

  test("nothing missing: values unchanged, empty lists", () => {
    const r = interpolateWithinEntity(["A", "B"], [1, 1], f(1, 2));
    expect(Array.from(r.values)).toEqual([1, 2]);
    expect(r.filled).toEqual([]);
    expect(r.leftMissing).toEqual([]);
  });
});

test("ids, times and values of different lengths are an error, not a partial result", () => {
  expect(() => interpolateWithinEntity(["A"], [1, 2], f(1, 2))).toThrow(/2 values but 1 ids and 2 times/);
});
