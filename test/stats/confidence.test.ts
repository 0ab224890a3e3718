import { describe, expect, it } from "vitest";
import { independentDifference, meanInterval, meanIntervals, pairedDifference, pairedDifferences } from "../../src/stats/index.js";

/** Test data only: Numerical Recipes' 32-bit LCG (a = 1664525, c = 1013904223), uniform on [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("meanInterval", () => {
  it("matches a hand computation for [1, 2, 3, 4, 5]", () => {
    // mean 3, s² = (4+1+0+1+4)/4 = 2.5; half-width = t(0.975, 4)·√2.5/√5 = 2.77644511·√0.5
    // = 1.96324316 (t from tables; scipy: 2.7764451051977934·√0.5 = 1.9632431614775572).
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.n).toBe(5);
    expect(r.level).toBe(0.95);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(r.halfWidth).toBeCloseTo(1.9632431614775572, 12);
    expect(r.ci?.[0]).toBeCloseTo(3 - 1.9632431614775572, 12);
    expect(r.ci?.[1]).toBeCloseTo(3 + 1.9632431614775572, 12);
  });

  it("widens with the level", () => {
    const xs = Float64Array.of(4.1, 3.9, 5.2, 4.8, 4.4, 4.6);
    const h90 = meanInterval(xs, 0.9).halfWidth as number;
    const h95 = meanInterval(xs, 0.95).halfWidth as number;
    const h99 = meanInterval(xs, 0.99).halfWidth as number;
    expect(h90).toBeLessThan(h95);
    expect(h95).toBeLessThan(h99);
  });

  it("returns JSON-safe nulls for a single value and a zero-width interval for constants", () => {
    const one = meanInterval([7]);
    expect(one).toEqual({ mean: 7, sd: null, n: 1, level: 0.95, halfWidth: null, ci: null });
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
    const flat = meanInterval([2, 2, 2]);
    expect(flat.halfWidth).toBe(0);
    expect(flat.ci).toEqual([2, 2]);
  });

  it("rejects empty input, non-finite values and bad levels", () => {
    expect(() => meanInterval([])).toThrow(/values must not be empty/);
    expect(() => meanInterval([1, NaN])).toThrow(/values\[1\] must be finite, got NaN/);
    expect(() => meanInterval([1, 2], 1)).toThrow(/level must be in \(0, 1\), got 1/);
    expect(() => meanInterval([1, 2], 0)).toThrow(RangeError);
  });
});

describe("pairedDifference", () => {
  it("matches a hand computation", () => {
    // d = [1, 2, 1]: mean 4/3, s² = (1/9 + 4/9 + 1/9)/2 = 1/3, half-width = t(0.975, 2)·√(1/3)/√3
    // = 4.30265273/3 = 1.43421758 (scipy: 4.302652729749462/3 = 1.434217576583154).
    const r = pairedDifference([10, 12, 11], [9, 10, 10]);
    expect(r.mean).toBeCloseTo(4 / 3, 14);
    expect(r.sd).toBeCloseTo(Math.sqrt(1 / 3), 14);
    expect(r.n).toBe(3);
    expect(r.halfWidth).toBeCloseTo(1.434217576583154, 12);
  });

  it("throws when the lengths differ or a value is not finite", () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/equal lengths, got 3 and 2/);
    expect(() => pairedDifference([], [])).toThrow(/must not be empty/);
    expect(() => pairedDifference([1, 2], [1, Infinity])).toThrow(/b\[1\] must be finite/);
    expect(() => pairedDifference([1, 2], [1, 2], 2)).toThrow(/level/);
  });
});

describe("meanIntervals and pairedDifferences (many intervals, one t quantile per size)", () => {
  const rand = lcg(11);
  // sizes 1 to 7, some repeated: the shared quantile must be the one of each sample's own size
  const samples = [5, 1, 5, 2, 7, 5, 3, 2].map((n) => Array.from({ length: n }, () => 100 * rand() - 20));
  const partners = samples.map((s) => s.map((x) => x + 10 * rand() - 5));

  it("gives each sample what meanInterval gives it alone, bit for bit, at any level", () => {
    for (const level of [0.95, 0.9, 0.99]) {
      expect(meanIntervals(samples, level)).toStrictEqual(samples.map((s) => meanInterval(s, level)));
    }
    expect(meanIntervals([])).toStrictEqual([]);
  });

  it("gives each pair what pairedDifference gives it alone, bit for bit", () => {
    expect(pairedDifferences(samples, partners)).toStrictEqual(samples.map((s, k) => pairedDifference(s, partners[k]!)));
    expect(pairedDifferences(samples, partners, 0.8)).toStrictEqual(samples.map((s, k) => pairedDifference(s, partners[k]!, 0.8)));
  });

  it("names the sample at fault", () => {
    expect(() => meanIntervals([[1, 2], []])).toThrow(/meanIntervals: samples\[1\] must not be empty/);
    expect(() => meanIntervals([[1, 2], [3, NaN]])).toThrow(/samples\[1\]\[1\] must be finite, got NaN/);
    expect(() => meanIntervals([[1, 2]], 1)).toThrow(/level must be in \(0, 1\), got 1/);
    expect(() => pairedDifferences([[1, 2]], [])).toThrow(/a and b must hold as many samples, got 1 and 0/);
    expect(() => pairedDifferences([[1, 2], [1, 2, 3]], [[1, 2], [1, 2]])).toThrow(/a\[1\] and b\[1\] must have equal lengths, got 3 and 2/);
    expect(() => pairedDifferences([[1, 2]], [[1, Infinity]])).toThrow(/b\[0\]\[1\] must be finite/);
    expect(() => pairedDifferences([[]], [[]])).toThrow(/a\[0\] and b\[0\] must not be empty/);
  });
});

describe("independentDifference (Welch)", () => {
  it("matches a hand computation", () => {
    // a = [1..5]: mean 3, s² = 2.5; b = [2,4,6,8]: mean 5, s² = 20/3.
    // se² = 2.5/5 + (20/3)/4 = 13/6; df = (13/6)² / ((1/2)²/4 + (5/3)²/3) = 2028/427 ≈ 4.7494.
    // scipy: t.ppf(0.975, 2028/427)·√(13/6) = 3.84463638394009.
    const r = independentDifference([1, 2, 3, 4, 5], [2, 4, 6, 8]);
    expect(r.mean).toBe(-2);
    expect(r.se).toBeCloseTo(Math.sqrt(13 / 6), 14);
    expect(r.df).toBeCloseTo(2028 / 427, 12);
    expect(r.halfWidth).toBeCloseTo(3.84463638394009, 10);
    expect(r.ci?.[0]).toBeCloseTo(-2 - 3.84463638394009, 10);
  });

  it("reduces to the pooled interval's df = 2(n − 1) for equal sizes and variances", () => {
    const r = independentDifference([1, 2, 3], [11, 12, 13]);
    expect(r.df).toBeCloseTo(4, 12);
  });

  it("returns nulls below two values per sample and zero width for constant samples", () => {
    expect(independentDifference([1], [1, 2])).toEqual({ mean: -0.5, se: null, df: null, level: 0.95, halfWidth: null, ci: null });
    expect(independentDifference([3, 3], [1, 1])).toEqual({ mean: 2, se: 0, df: null, level: 0.95, halfWidth: 0, ci: [2, 2] });
    expect(() => independentDifference([], [1])).toThrow(/a must not be empty/);
  });

  it("is much wider than the paired interval on common random numbers", () => {
    // 20 replications: a large common component (the citizens, shared through common random
    // numbers) plus small policy-specific noise; policy a is 1 unit slower.
    const rand = lcg(7);
    const common = Array.from({ length: 20 }, () => 50 + 20 * rand());
    const a = common.map((c) => c + 1 + rand() - 0.5);
    const b = common.map((c) => c + rand() - 0.5);
    const paired = pairedDifference(a, b);
    const welch = independentDifference(a, b);
    expect(paired.mean).toBeCloseTo(welch.mean, 12);
    expect(paired.halfWidth as number).toBeLessThan((welch.halfWidth as number) / 10);
    expect(paired.ci?.[0]).toBeGreaterThan(0); // pairing detects the difference ...
    expect(welch.ci?.[0]).toBeLessThan(0); // ... which the independent interval cannot
  });
});
