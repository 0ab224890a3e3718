import { describe, expect, it } from "vitest";
import { fsum } from "d3-array";
import { Welford } from "../../src/stats/index.js";

/** Test data only: Numerical Recipes' 32-bit LCG (a = 1664525, c = 1013904223), uniform on [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Reference: the two-pass formula with exactly rounded sums (d3-array's fsum). For data in
 * [c, 2c] every deviation x − x̄ is exact (Sterbenz), so the reference is good to a few ulps.
 */
function twoPass(xs: readonly number[]): { mean: number; variance: number } {
  const mean = fsum(xs) / xs.length;
  return { mean, variance: fsum(xs.map((x) => (x - mean) ** 2)) / (xs.length - 1) };
}

function fill(xs: readonly number[]): Welford {
  const w = new Welford();
  for (const x of xs) w.add(x);
  return w;
}

function sample(offset: number): number[] {
  const rand = lcg(20240601);
  return Array.from({ length: 10_000 }, () => offset + 10 * rand() + rand() ** 3);
}

const u = Number.EPSILON;
const n = 10_000;
/**
 * Tolerances from the error analysis, not from the observed errors:
 * - the running mean's rounding errors add up like a random walk, about √n·u: allow 10·√n·u;
 * - the variance from the updating (Welford/West) algorithm has relative error of order κ·u,
 *   where κ = √(1 + x̄²/s²) is the condition number of the data (Chan, Golub & LeVeque 1983,
 *   The American Statistician 37(3), 242–247, §3 and Table 1): allow 10·κ·u.
 * Two data sets: well conditioned (κ ≈ 2) and shifted by 1e6 (κ ≈ 3.4e5), where the
 * textbook Σx² − (Σx)²/n formula has relative error of order κ²·u ≈ 3e-5 or worse.
 */
const meanTolerance = 10 * Math.sqrt(n) * u;
const cases = [0, 1e6].map((offset) => {
  const data = sample(offset);
  const ref = twoPass(data);
  const kappa = Math.sqrt(1 + ref.mean ** 2 / ref.variance);
  return { offset, data, ref, kappa, varianceTolerance: 10 * kappa * u };
});
const data = sample(1e6);

describe("Welford", () => {
  it("matches a hand example: [2,4,4,4,5,5,7,9] has mean 5 and sample variance 32/7", () => {
    // Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32, divided by n − 1 = 7.
    const w = fill([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(w.count).toBe(8);
    expect(w.mean).toBe(5);
    expect(w.variance).toBeCloseTo(32 / 7, 14);
    expect(w.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect([w.min, w.max]).toEqual([2, 9]);
  });

  it("reports NaN mean when empty and NaN variance below two values", () => {
    const w = new Welford();
    expect(w.mean).toBeNaN();
    expect(w.variance).toBeNaN();
    w.add(3);
    expect(w.mean).toBe(3);
    expect(w.variance).toBeNaN();
    expect(w.sd).toBeNaN();
  });

  it.each(cases)("agrees with the two-pass formula on 10^4 values (offset $offset)", (c) => {
    const w = fill(c.data);
    expect(Math.abs(w.mean - c.ref.mean) / c.ref.mean).toBeLessThan(meanTolerance);
    expect(Math.abs(w.variance - c.ref.variance) / c.ref.variance).toBeLessThan(c.varianceTolerance);
    expect(w.min).toBe(Math.min(...c.data));
    expect(w.max).toBe(Math.max(...c.data));
  });

  it.each(cases)("merges shards into the two-pass result whatever the split (offset $offset)", (c) => {
    for (const cuts of [[5000], [1, 2, 9990], [3333, 6666], [17, 4000, 4001, 9999]]) {
      const bounds = [0, ...cuts, c.data.length];
      const merged = new Welford();
      for (let i = 0; i + 1 < bounds.length; i++) merged.merge(fill(c.data.slice(bounds[i], bounds[i + 1])));
      expect(merged.count).toBe(n);
      expect(Math.abs(merged.mean - c.ref.mean) / c.ref.mean).toBeLessThan(meanTolerance);
      expect(Math.abs(merged.variance - c.ref.variance) / c.ref.variance).toBeLessThan(c.varianceTolerance);
      expect([merged.min, merged.max]).toEqual([Math.min(...c.data), Math.max(...c.data)]);
    }
  });

  it("really is ill-conditioned in the shifted case (the textbook formula loses digits there)", () => {
    const c = cases[1]!;
    expect(c.kappa).toBeGreaterThan(1e5);
    const sum = c.data.reduce((a, x) => a + x, 0);
    const sumSq = c.data.reduce((a, x) => a + x * x, 0);
    const naive = (sumSq - (sum * sum) / n) / (n - 1);
    // κ²·u ≈ 2.6e-5: far beyond the 10·κ·u that Welford is held to above.
    expect(Math.abs(naive - c.ref.variance) / c.ref.variance).toBeGreaterThan(1000 * c.varianceTolerance);
  });

  it("gives bit-identical state for a.merge(b) and b.merge(a)", () => {
    const a = () => fill(data.slice(0, 3001));
    const b = () => fill(data.slice(3001));
    expect(a().merge(b()).toJSON()).toEqual(b().merge(a()).toJSON());
  });

  it("treats an empty accumulator as the identity of merge", () => {
    const a = fill([1, 2, 3.5]);
    expect(new Welford().merge(a).toJSON()).toEqual(a.toJSON());
    expect(fill([1, 2, 3.5]).merge(new Welford()).toJSON()).toEqual(a.toJSON());
  });

  it("round-trips through JSON (for worker threads), including the empty state", () => {
    const w = fill(data.slice(0, 100));
    const back = Welford.fromJSON(JSON.parse(JSON.stringify(w)));
    expect(back.toJSON()).toEqual(w.toJSON());
    expect(back.variance).toBe(w.variance);
    const empty = JSON.parse(JSON.stringify(new Welford()));
    expect(empty).toEqual({ count: 0, mean: 0, m2: 0, min: null, max: null });
    expect(Welford.fromJSON(empty).count).toBe(0);
    expect(Welford.fromJSON(empty).min).toBe(Infinity);
  });

  it("rejects non-finite observations and inconsistent saved state", () => {
    expect(() => new Welford().add(NaN)).toThrow(RangeError);
    expect(() => new Welford().add(Infinity)).toThrow(/x must be finite/);
    expect(() => Welford.fromJSON({ count: -1, mean: 0, m2: 0, min: null, max: null })).toThrow(/count/);
    expect(() => Welford.fromJSON({ count: 1.5, mean: 0, m2: 0, min: 0, max: 0 })).toThrow(RangeError);
    expect(() => Welford.fromJSON({ count: 2, mean: 0, m2: -1, min: 0, max: 0 })).toThrow(/m2/);
    expect(() => Welford.fromJSON({ count: 2, mean: 0, m2: 0, min: null, max: 0 })).toThrow(/min/);
    expect(() => Welford.fromJSON({ count: 2, mean: 0, m2: 0, min: 1, max: 0 })).toThrow(/max/);
  });
});
