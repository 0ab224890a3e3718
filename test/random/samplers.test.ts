// Properties shared by all samplers. Common random numbers need samplers that draw a fixed
// number of uniforms per variate (where the method allows it), so that the i-th variate of a
// stream always comes from the same uniforms whatever the parameters. These tests pin that
// count for each sampler, and check every CDF at -Infinity, +Infinity and NaN.
import { describe, expect, it } from "vitest";
import {
  bernoulli,
  createStream,
  deterministic,
  empirical,
  exponential,
  gamma,
  lognormal,
  triangular,
  uniform,
  type Distribution,
  type Rng,
} from "../../src/random/index.js";

/** Samples n times, then finds how many uniforms that used by matching the next uniform. */
function uniformsPerSample(d: Distribution, n = 50): number {
  const rng = createStream(11, 0, "test:consumption");
  for (let i = 0; i < n; i++) d.sample(rng);
  const next = rng();
  const reference = createStream(11, 0, "test:consumption");
  for (let used = 0; used <= 4 * n; used++) {
    if (reference() === next) return used / n;
  }
  throw new Error("consumption not found");
}

/** A fake stream that always returns u (to probe a sampler at chosen uniforms). */
function constantRng(u: number): Rng {
  return Object.assign(() => u, { double: () => u, int32: () => 0, quick: () => u });
}

describe("uniforms per sample", () => {
  it.each([
    ["exponential", 1, exponential(3)],
    ["lognormal", 2, lognormal({ mean: 3, cv: 0.7 })],
    ["lognormal with cv 0", 2, lognormal({ mean: 3, cv: 0 })],
    ["triangular", 1, triangular({ min: 0, mode: 1, max: 3 })],
    ["uniform", 1, uniform({ min: 0, max: 1 })],
    ["empirical", 1, empirical([1, 2, 3])],
    ["bernoulli", 1, bernoulli(0.5)],
    ["deterministic", 0, deterministic(3)],
  ] as const)("%s uses %s uniform(s) per sample", (_name, expected, d) => {
    expect(uniformsPerSample(d)).toBe(expected);
  });

  it("inversion samplers are monotone in u (CRN keep the order of variates)", () => {
    const us = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1 - 2 ** -32];
    const inversions = [
      exponential(3),
      triangular({ min: 0, mode: 1, max: 3 }),
      uniform({ min: 2, max: 5 }),
    ];
    for (const d of inversions) {
      const xs = us.map((u) => d.sample(constantRng(u)));
      for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
    }
  });
});

describe("cdf at the edges", () => {
  const all = [
    exponential(3),
    lognormal({ mean: 3, cv: 0.7 }),
    lognormal({ mean: 3, cv: 0 }),
    gamma({ shape: 0.4, scale: 2 }),
    triangular({ min: 0, mode: 1, max: 3 }),
    uniform({ min: 0, max: 1 }),
    empirical([1, 2, 3]),
    bernoulli(0.5),
    deterministic(3),
  ];
  it.each(all.map((d) => [d.kind, d] as const))("%s: 0 at -∞, 1 at +∞, NaN at NaN", (_k, d) => {
    expect(d.cdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(d.cdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(d.cdf(Number.NaN)).toBeNaN();
  });
});
