import { describe, expect, it } from "vitest";
import { mser5 } from "../../src/stats/index.js";

/** Test data only: Numerical Recipes' 32-bit LCG (a = 1664525, c = 1013904223), uniform on [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("mser5", () => {
  it("deletes the two transient batches of a hand example", () => {
    // Batch means: 9, 5, 1, 1, 1, 1 (m = 6, so d ∈ {0, 1, 2}). Keeping batches 3–6 leaves a
    // constant tail: MSER(2) = 0 < MSER(1), MSER(0).
    const xs = [9, 9, 9, 9, 9, 5, 5, 5, 5, 5, 1, 0, 2, 1, 1, 0, 1, 2, 1, 1, 1, 2, 0, 1, 1, 1, 1, 0, 2, 1];
    expect(mser5(xs)).toEqual({ truncationBatches: 2, truncationIndex: 10, batchSize: 5 });
  });

  it("truncates just after the end of an obvious initial transient", () => {
    // A linear ramp from 20 down to 0 over the first 100 observations, then uniform noise on
    // (−1, 1). Deleting less than 100 keeps heavily biased values; MSER should stop within
    // a few batches after the ramp ends (observed 100–130 over these seeds).
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rand = lcg(seed);
      const xs = Array.from({ length: 1000 }, (_, i) => Math.max(0, 20 - 0.2 * i) + 2 * (rand() - 0.5));
      const { truncationIndex } = mser5(xs);
      expect(truncationIndex).toBeGreaterThanOrEqual(100);
      expect(truncationIndex).toBeLessThanOrEqual(150);
    }
  });

  it("deletes (almost) nothing from a stationary series", () => {
    const rand = lcg(42);
    const xs = Array.from({ length: 1000 }, () => rand());
    expect(mser5(xs).truncationIndex).toBeLessThan(100);
  });

  it("ignores a trailing partial batch and never deletes half or more of the batches", () => {
    // 12 values = 2 batches + 2 ignored; m = 2 so only d = 0 is allowed.
    expect(mser5([5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 99, 99]).truncationBatches).toBe(0);
    expect(() => mser5([1, 2, 3, 4, 5, 6, 7, 8, 9, Infinity])).toThrow(/series\[9\] must be finite/);
    expect(() => mser5([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/at least 10 values, got 9/);
  });
});
