import { describe, expect, it } from "vitest";
import { quantileOfSorted, quantilesBySelection, summariseQuantiles, summariseSortedQuantiles } from "../../src/stats/index.js";
import { createStream } from "../../src/random/index.js";

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

describe("quantilesBySelection", () => {
  const ps = [0.5, 0.85, 0.95, 0, 1, 0.001, 0.999, 0.5];
  // what a sort gives, number for number (Object.is: the same double)
  const bySort = (values: Float64Array) => ps.map((p) => quantileOfSorted(Float64Array.from(values).sort(), p));

  it("gives the numbers of a sort, for short and long arrays, with and without ties", () => {
    const rng = createStream(7, 0, "quantiles");
    for (const n of [1, 2, 3, 10, 599, 601, 5_000, 100_000]) {
      for (const ties of [false, true]) {
        const values = Float64Array.from({ length: n }, () => (ties ? Math.floor(rng() * 20) : -Math.log(1 - rng()) * 3));
        const expected = bySort(values);
        const got = quantilesBySelection(values, ps);
        got.forEach((x, k) => expect(Object.is(x, expected[k]), `n=${n} ties=${ties} p=${ps[k]}: ${x} vs ${expected[k]}`).toBe(true));
      }
    }
  });

  it("keeps the values, reordered", () => {
    const values = Float64Array.of(5, 3, 9, 1, 7, 3);
    quantilesBySelection(values, [0.5]);
    expect(Array.from(values).sort((a, b) => a - b)).toEqual([1, 3, 3, 5, 7, 9]);
  });

  it("gives NaN for an empty array", () => {
    expect(quantilesBySelection(new Float64Array(0), [0.5, 0.9])).toEqual([NaN, NaN]);
  });
});
