// Every family a scenario spread can take is drawn from a pair of uniforms (fromUniforms), so
// that the model keeps its common random numbers whatever the family. These tests hold each
// family's pair-drawn variates against its theory (mean, variance with the true fourth moment,
// CDF points and a Kolmogorov–Smirnov test), pin that the inversion families use the first
// uniform only and are monotone in it, and check the gamma quantile against scipy.
import { describe, expect, it } from "vitest";
import {
  createStream,
  deterministic,
  empirical,
  exponential,
  gamma,
  lognormal,
  triangular,
  uniform,
  type DrawnFromUniforms,
  type Rng,
} from "../../src/random/index.js";
import { inverseRegularizedGammaP, regularizedGammaP } from "../../src/random/_incompleteGamma.js";
import {
  expectCdfWithinSE,
  expectKolmogorovSmirnov,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const N = 200_000;

/** n variates, each from the next two uniforms of a fixed stream. */
function drawPairs(d: DrawnFromUniforms, name: string, n = N): Float64Array {
  const rng = createStream(2026, 0, `test:pairs:${name}`);
  return Float64Array.from({ length: n }, () => d.fromUniforms(rng(), rng()));
}

/** A fake stream that always returns u. */
function constantRng(u: number): Rng {
  return Object.assign(() => u, { double: () => u, int32: () => 0, quick: () => u });
}

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("gamma quantile (inversion)", () => {
  it("matches scipy 1.17.1 gamma.ppf from the tails to the body", () => {
    // scipy.stats.gamma(a).ppf(p)
    const cases: [number, number, number][] = [
      [0.3, 0.2, 0.0032703395246849493],
      [0.3, 0.999, 4.618936042791333],
      [2.5, 0.5, 2.175730095547763],
      [2.5, 1e-6, 0.0064480801032485435],
      [4, 0.99, 10.045117514831617],
      [400, 0.25, 386.33468684581493],
      [0.05, 0.5, 5.573878440746256e-7],
      [25, 0.999999, 56.30404624943174],
    ];
    for (const [a, p, x] of cases) expect(relErr(inverseRegularizedGammaP(a, p), x), `a ${a}, p ${p}`).toBeLessThan(1e-10);
  });

  it("stays finite and rising for the smallest shapes a scenario allows (much of their mass below 1e-300)", () => {
    // scipy.stats.gamma(a).ppf(p); the first is a subnormal double, so compared on a log scale
    expect(Math.log(inverseRegularizedGammaP(0.0025, 0.158014944056049))).toBeCloseTo(Math.log(1.695e-321), 2);
    expect(relErr(inverseRegularizedGammaP(0.0025, 0.999), 0.6655411548095744)).toBeLessThan(1e-9);
    expect(relErr(inverseRegularizedGammaP(0.01, 0.5), 4.465535018910562e-31)).toBeLessThan(1e-9);
    expect(relErr(inverseRegularizedGammaP(1e-6, 0.9999999), 1.5001325548120612)).toBeLessThan(1e-9);
    for (const a of [1e-6, 0.0025, 0.01, 0.3]) {
      let last = 0;
      for (let k = 1; k < 2000; k++) {
        const x = inverseRegularizedGammaP(a, k / 2000);
        expect(Number.isFinite(x) && x >= last, `a ${a}, p ${k / 2000}: ${x}`).toBe(true);
        last = x;
      }
    }
  });

  it("inverts the CDF: P(a, P⁻¹(a, p)) = p for shapes 0.05 to 1000", () => {
    for (const a of [0.05, 0.3, 1, 2.5, 4, 25, 1000]) {
      for (const p of [1e-9, 1e-4, 0.01, 0.3, 0.5, 0.9, 0.999, 1 - 2 ** -32]) {
        const x = inverseRegularizedGammaP(a, p);
        const back = p < 0.5 ? regularizedGammaP(a, x) : 1 - regularizedGammaP(a, x);
        const target = p < 0.5 ? p : 1 - p;
        expect(relErr(back, target), `a ${a}, p ${p}`).toBeLessThan(1e-8);
      }
    }
  });

  it("is the exponential quantile for shape 1 and chi-square(1)'s 95% point for shape 1/2, scale 2", () => {
    expect(relErr(gamma({ shape: 1, scale: 10 }).quantile(0.5), 10 * Math.LN2)).toBeLessThan(1e-12);
    // R: qchisq(0.95, 1) = 3.841458820694124
    expect(relErr(gamma({ shape: 0.5, scale: 2 }).quantile(0.95), 3.841458820694124)).toBeLessThan(1e-12);
    expect(gamma({ shape: 2, scale: 1 }).quantile(0)).toBe(0);
    expect(gamma({ shape: 2, scale: 1 }).quantile(1)).toBe(Infinity);
    expect(gamma({ shape: 2, scale: 1 }).quantile(1.5)).toBeNaN();
  });
});

describe("variates from a pair of uniforms", () => {
  // [name, distribution, fourth central moment or undefined, CDF points]
  const lognormalMu4 = (mean: number, cv: number) => {
    const w = 1 + cv * cv;
    return (cv * mean) ** 4 * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3);
  };
  const continuous: [string, DrawnFromUniforms, number, number[]][] = [
    ["exponential(10)", exponential(10), 9 * 10 ** 4, [1, 5, 10, 30]],
    ["gamma(shape 0.3, scale 20)", gamma({ shape: 0.3, scale: 20 }), 3 * 0.3 * 2.3 * 20 ** 4, [0.01, 1, 6, 30]],
    ["gamma(shape 4, scale 5)", gamma({ shape: 4, scale: 5 }), 3 * 4 * 6 * 5 ** 4, [5, 15, 20, 40]],
    ["gamma(shape 40, scale 0.5)", gamma({ shape: 40, scale: 0.5 }), 3 * 40 * 42 * 0.5 ** 4, [15, 20, 25]],
    ["triangular(5, 10, 40)", triangular({ min: 5, mode: 10, max: 40 }), 2.4 * triangular({ min: 5, mode: 10, max: 40 }).variance ** 2, [7, 10, 20, 35]],
    ["uniform(5, 15)", uniform({ min: 5, max: 15 }), 10 ** 4 / 80, [6, 10, 14]],
    ["lognormal(20, 0.5)", lognormal({ mean: 20, cv: 0.5 }), lognormalMu4(20, 0.5), [10, 20, 40]],
  ];

  it.each(continuous)("%s: mean, variance, CDF points and KS test (n = 2e5)", (name, d, mu4, points) => {
    const xs = drawPairs(d, name);
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectVarianceWithinSE(xs, d.variance, 4, mu4);
    expectCdfWithinSE(xs, (x) => d.cdf(x), points);
    expectKolmogorovSmirnov(xs, (x) => d.cdf(x));
  });

  it("empirical: each observed value with its share; mean and variance of the observations", () => {
    const values = [3, 7, 7, 12, 20, 45, 45, 45, 90];
    const d = empirical(values);
    const xs = drawPairs(d, "empirical");
    const mu4 = d.support.reduce((a, x, i) => a + (d.probabilities[i] as number) * (x - d.mean) ** 4, 0);
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectVarianceWithinSE(xs, d.variance, 4, mu4);
    expectCdfWithinSE(xs, (x) => d.cdf(x), [3, 7, 12, 20, 45, 89]);
    expect(new Set(xs)).toEqual(new Set(values));
  });

  it("deterministic: always the value", () => {
    expect(drawPairs(deterministic(12), "deterministic", 100).every((x) => x === 12)).toBe(true);
  });
});

describe("common random numbers", () => {
  const us = [0, 1e-6, 0.1, 0.25, 0.5, 0.75, 0.9, 1 - 2 ** -32];
  const inversions: [string, DrawnFromUniforms][] = [
    ["exponential", exponential(3)],
    ["gamma k < 1", gamma({ shape: 0.3, scale: 2 })],
    ["gamma k > 1", gamma({ shape: 4, scale: 2 })],
    ["triangular", triangular({ min: 0, mode: 1, max: 3 })],
    ["uniform", uniform({ min: 2, max: 5 })],
    ["empirical", empirical([1, 2, 3, 4, 5, 6, 7, 8, 9])],
  ];

  it.each(inversions)("%s: the variate depends on the first uniform only, rising with it", (_name, d) => {
    const xs = us.map((u) => d.fromUniforms(u, 0.5));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1] as number);
    expect(xs[xs.length - 1]).toBeGreaterThan(xs[0] as number);
    for (const u of us) expect(d.fromUniforms(u, 0.9)).toBe(d.fromUniforms(u, 0.1));
  });

  it.each(inversions.filter(([n]) => !n.startsWith("gamma")))("%s: fromUniforms(u, ·) is what sample gives when the stream's next uniform is u", (_name, d) => {
    for (const u of us) expect(d.fromUniforms(u, 0.3)).toBe(d.sample(constantRng(u)));
  });

  it("lognormal: fromUniforms(rng(), rng()) is bit for bit sample(rng) (today's scenarios keep their numbers)", () => {
    const d = lognormal({ mean: 20, cv: 0.8 });
    const a = createStream(5, 0, "test:crn");
    const b = createStream(5, 0, "test:crn");
    for (let i = 0; i < 1000; i++) expect(d.fromUniforms(b(), b())).toBe(d.sample(a));
  });
});
