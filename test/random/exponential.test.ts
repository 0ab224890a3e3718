import { describe, expect, it } from "vitest";
import { createStream, exponential, type Rng } from "../../src/random/index.js";
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

describe("exponential", () => {
  it("has mean m, variance m², rate 1/m", () => {
    const d = exponential(4);
    expect(d.kind).toBe("exponential");
    expect(d.mean).toBe(4);
    expect(d.variance).toBe(16);
    expect(d.rate).toBe(0.25);
  });

  it("has the closed-form CDF: F(mean) = 1 - e^-1, F(m ln 2) = 1/2", () => {
    const d = exponential(7.5);
    expect(d.cdf(7.5)).toBeCloseTo(1 - Math.exp(-1), 15);
    expect(d.cdf(7.5 * Math.LN2)).toBeCloseTo(0.5, 15);
    expect(d.cdf(0)).toBe(0);
    expect(d.cdf(-3)).toBe(0);
    expect(d.cdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("samples match mean, variance and CDF (n = 2e5, 4 SE)", () => {
    const d = exponential(12);
    const rng = createStream(2024, 0, "test:exponential");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    // Fourth central moment of the exponential: 9 m^4 (excess kurtosis 6).
    expectVarianceWithinSE(xs, d.variance, 4, 9 * d.mean ** 4);
    expectCdfWithinSE(xs, (x) => d.cdf(x), [0, 1, 6, 12, 30, 60]);
  });

  it("maps u = 0 to 0 and never returns a non-finite value", () => {
    expect(Math.abs(exponential(3).sample(constantRng(0)))).toBe(0);
    const u = 1 - 2 ** -32; // the largest alea output
    expect(exponential(3).sample(constantRng(u))).toBeCloseTo(3 * 32 * Math.LN2, 10);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects mean %s", (mean) => {
    expect(() => exponential(mean)).toThrow(RangeError);
    expect(() => exponential(mean)).toThrow(/exponential: mean must be a finite number > 0; got/);
  });
});
