import { describe, expect, it } from "vitest";
import { summariseQuantiles, summariseSortedQuantiles } from "../../src/stats/index.js";

describe("summariseQuantiles", () => {
  it("matches R's quantile(1:10, c(.5, .85, .95)) (type 7)", () => {
    // Type 7 interpolates at h = (n − 1)p: 4.5 → 5.5, 7.65 → 8 + 0.65 = 8.65, 8.55 → 9.55.
    const values = Float64Array.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);
    const r = summariseQuantiles(values);
    expect(r.n).toBe(10);
    expect(r.mean).toBe(5.5);
    expect(r.median).toBe(5.5);
    expect(r.p85).toBeCloseTo(8.65, 14);
    expect(r.p95).toBeCloseTo(9.55, 14);
    expect(Array.from(values)).toEqual([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]); // input not mutated
  });

  it("handles a single value and plain arrays", () => {
    expect(summariseQuantiles([4])).toEqual({ n: 1, mean: 4, median: 4, p85: 4, p95: 4 });
  });

  it("sums exactly (fsum), so the mean survives cancellation", () => {
    // Naive left-to-right summation of [1e16, 1, −1e16] gives 0; the exact sum is 1.
    expect(summariseQuantiles([1e16, 1, -1e16]).mean).toBeCloseTo(1 / 3, 15);
  });

  it("rejects empty input, non-finite values and unsorted input to the sorted variant", () => {
    expect(() => summariseQuantiles(new Float64Array(0))).toThrow(/values must not be empty/);
    expect(() => summariseQuantiles([1, NaN])).toThrow(/values\[1\] must be finite, got NaN/);
    expect(() => summariseSortedQuantiles([2, 1])).toThrow(/must be ascending/);
    expect(summariseSortedQuantiles(Float64Array.of(1, 2, 3, 4)).median).toBe(2.5);
  });
});
