import { describe, expect, it } from "vitest";
import { bernoulli, chance, createStream, type Rng } from "../../src/random/index.js";
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

describe("bernoulli", () => {
  it("has mean p, variance p(1-p) and CDF 1-p on [0, 1)", () => {
    const d = bernoulli(0.25);
    expect(d.kind).toBe("bernoulli");
    expect(d.mean).toBe(0.25);
    expect(d.variance).toBe(0.1875);
    expect(d.cdf(-0.1)).toBe(0);
    expect(d.cdf(0)).toBe(0.75);
    expect(d.cdf(0.9)).toBe(0.75);
    expect(d.cdf(1)).toBe(1);
  });

  it("samples match mean, variance and CDF (n = 2e5, 4 SE)", () => {
    const p = 0.3;
    const d = bernoulli(p);
    const rng = createStream(2024, 0, "test:bernoulli");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    // Fourth central moment of Bernoulli(p): p(1-p)(1 - 3p + 3p²).
    expectVarianceWithinSE(xs, d.variance, 4, p * (1 - p) * (1 - 3 * p + 3 * p * p));
    expectCdfWithinSE(xs, (x) => d.cdf(x), [-1, 0, 0.5, 1]);
  });

  it("never gives 1 for p = 0 and always for p = 1", () => {
    const rng = createStream(1, 0, "test:bernoulli:edges");
    for (let i = 0; i < 1000; i++) {
      expect(bernoulli(0).sample(rng)).toBe(0);
      expect(bernoulli(1).sample(rng)).toBe(1);
    }
    expect(bernoulli(0).sample(constantRng(0))).toBe(0);
  });

  it.each([-0.1, 1.1, Number.NaN])("rejects p = %s", (p) => {
    expect(() => bernoulli(p)).toThrow(/bernoulli: p must be a number in \[0, 1\]; got/);
  });
});

describe("chance", () => {
  it("is rng() < p: one uniform, the same draws as bernoulli", () => {
    const a = createStream(5, 0, "test:chance");
    const b = createStream(5, 0, "test:chance");
    const d = bernoulli(0.4);
    for (let i = 0; i < 1000; i++) expect(chance(a, 0.4) ? 1 : 0).toBe(d.sample(b));
  });

  it("has frequency p (n = 2e5, 4 SE)", () => {
    const rng = createStream(2024, 0, "test:chance:freq");
    const xs = Float64Array.from({ length: N }, () => (chance(rng, 0.07) ? 1 : 0));
    expectMeanWithinSE(xs, 0.07, 0.07 * 0.93);
  });

  it("rejects p outside [0, 1]", () => {
    const rng = createStream(1, 0, "x");
    expect(() => chance(rng, 2)).toThrow(/chance: p must be a number in \[0, 1\]; got 2/);
  });
});
