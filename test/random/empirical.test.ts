import { describe, expect, it } from "vitest";
import { createStream, empirical, type Rng } from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

/** A fake stream that always returns u (to probe a sampler at chosen uniforms). */
function constantRng(u: number): Rng {
  return Object.assign(() => u, { double: () => u, int32: () => 0, quick: () => u });
}

const N = 200_000;

describe("empirical", () => {
  it("computes mean, variance and CDF of the discrete distribution (by hand)", () => {
    const d = empirical([5, 10, 30], [0.5, 0.3, 0.2]);
    expect(d.kind).toBe("empirical");
    // mean = 2.5 + 3 + 6 = 11.5; E[X²] = 12.5 + 30 + 180 = 222.5; var = 222.5 - 132.25
    expect(d.mean).toBeCloseTo(11.5, 14);
    expect(d.variance).toBeCloseTo(90.25, 12);
    expect(d.cdf(4.99)).toBe(0);
    expect(d.cdf(5)).toBeCloseTo(0.5, 15);
    expect(d.cdf(29)).toBeCloseTo(0.8, 15);
    expect(d.cdf(30)).toBe(1);
  });

  it("sorts, merges duplicates, drops zero weights and normalises", () => {
    const d = empirical([30, 5, 10, 5, 99], [1, 2, 3, 2, 0]);
    expect(d.support).toEqual([5, 10, 30]);
    expect(d.probabilities).toEqual([0.5, 0.375, 0.125]);
  });

  it("weights all values equally when weights are omitted", () => {
    const d = empirical([3, 1, 2, 2]);
    expect(d.support).toEqual([1, 2, 3]);
    expect(d.probabilities).toEqual([0.25, 0.5, 0.25]);
    expect(d.mean).toBe(2);
  });

  it("samples match mean, variance and CDF (n = 2e5, 4 SE)", () => {
    const values = [1, 2, 4, 8, 16, 32];
    const weights = [6, 5, 4, 3, 2, 1];
    const d = empirical(values, weights);
    const rng = createStream(2024, 0, "test:empirical");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    let mu4 = 0;
    d.support.forEach((x, i) => {
      mu4 += (d.probabilities[i] as number) * (x - d.mean) ** 4;
    });
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectVarianceWithinSE(xs, d.variance, 4, mu4);
    expectCdfWithinSE(xs, (x) => d.cdf(x), [0.5, 1, 3, 8, 20, 32]);
    // Every sample is one of the values.
    expect(xs.every((x) => values.includes(x))).toBe(true);
  });

  it("samples by inversion: monotone in u, covering each value's share of [0, 1)", () => {
    const d = empirical([10, 20, 30], [1, 2, 1]);
    expect(d.sample(constantRng(0))).toBe(10);
    expect(d.sample(constantRng(0.2499))).toBe(10);
    expect(d.sample(constantRng(0.25))).toBe(20);
    expect(d.sample(constantRng(0.7499))).toBe(20);
    expect(d.sample(constantRng(0.75))).toBe(30);
    expect(d.sample(constantRng(1 - 2 ** -32))).toBe(30);
  });

  it("rejects invalid values and weights, naming the entry", () => {
    expect(() => empirical([])).toThrow(
      /empirical: values must be a non-empty array of finite numbers; got an array of length 0/,
    );
    expect(() => empirical([1, Number.NaN])).toThrow(
      /empirical: values\[1\] must be a finite number; got NaN/,
    );
    expect(() => empirical([1, 2], [1])).toThrow(
      /empirical: weights must be an array of 2 weights/,
    );
    expect(() => empirical([1, 2], [1, -1])).toThrow(
      /empirical: weights\[1\] must be a finite number >= 0; got -1/,
    );
    expect(() => empirical([1, 2], [0, 0])).toThrow(
      /empirical: weights must have a positive finite sum; got sum 0/,
    );
  });
});
