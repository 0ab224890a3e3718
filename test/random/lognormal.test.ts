import { describe, expect, it } from "vitest";
import { createStream, lognormal } from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const N = 200_000;

/**
 * Fourth central moment of a lognormal with variance v and ω = e^{σ²} = 1 + cv²:
 * μ4 = v² (ω⁴ + 2ω³ + 3ω² - 3), from its excess kurtosis ω⁴ + 2ω³ + 3ω² - 6
 * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions, vol. 1, 2nd ed., ch. 14).
 */
function lognormalFourthMoment(variance: number, cv: number): number {
  const w = 1 + cv * cv;
  return variance * variance * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3);
}

describe("lognormal", () => {
  it("is parameterised by its own mean and cv", () => {
    const d = lognormal({ mean: 45, cv: 0.8 });
    expect(d.kind).toBe("lognormal");
    expect(d.mean).toBe(45);
    expect(d.variance).toBeCloseTo(36 * 36, 9);
    // σ² = ln(1 + cv²), μ = ln(mean) - σ²/2
    expect(d.sigma).toBeCloseTo(Math.sqrt(Math.log(1.64)), 15);
    expect(d.mu).toBeCloseTo(Math.log(45) - Math.log(1.64) / 2, 14);
  });

  it("has an accurate CDF: median e^μ, normal quantiles, scipy values", () => {
    const d = lognormal({ mean: 45, cv: 0.8 });
    expect(d.cdf(Math.exp(d.mu))).toBeCloseTo(0.5, 14);
    // R: qnorm(0.975) = 1.959963984540054, so F(e^{μ + 1.96σ}) = 0.975
    expect(d.cdf(Math.exp(d.mu + 1.959963984540054 * d.sigma))).toBeCloseTo(0.975, 12);
    expect(d.cdf(Math.exp(d.mu - d.sigma))).toBeCloseTo(0.15865525393145707, 12);
    // scipy 1.17.1: stats.lognorm(s=σ, scale=e^μ).cdf(x) for mean 45, cv 0.8
    expect(d.cdf(10)).toBeCloseTo(0.03698607950001812, 12);
    expect(d.cdf(45)).toBeCloseTo(0.6374583303485954, 12);
    expect(d.cdf(200)).toBeCloseTo(0.9932908506346698, 12);
    expect(d.cdf(0)).toBe(0);
    expect(d.cdf(-1)).toBe(0);
  });

  it.each([
    [0.5, 30],
    [1, 20],
  ])("samples match mean, variance and CDF for cv %s (n = 2e5, 4 SE)", (cv, mean) => {
    const d = lognormal({ mean, cv });
    const rng = createStream(2024, 0, `test:lognormal:${cv}`);
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectVarianceWithinSE(xs, d.variance, 4, lognormalFourthMoment(d.variance, cv));
    const q = (z: number) => Math.exp(d.mu + z * d.sigma); // quantile at Φ(z)
    expectCdfWithinSE(xs, (x) => d.cdf(x), [q(-1.5), q(-0.5), q(0), q(1), q(2.5)]);
  });

  it("samples match mean and CDF for cv 2 (variance check skipped: heavy tail)", () => {
    // With cv = 2 the excess kurtosis is 944 and the sample variance is far from normal at
    // n = 2e5 (its own distribution is very skewed), so a k-SE check on it is meaningless.
    const d = lognormal({ mean: 10, cv: 2 });
    const rng = createStream(2024, 0, "test:lognormal:2");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectCdfWithinSE(xs, (x) => d.cdf(x), [0.5, 2, Math.exp(d.mu), 10, 60]);
  });

  it("degenerates to the constant mean when cv = 0 (still two uniforms per sample)", () => {
    const d = lognormal({ mean: 12, cv: 0 });
    expect(d.variance).toBe(0);
    const rng = createStream(1, 0, "x");
    expect([d.sample(rng), d.sample(rng)]).toEqual([12, 12]);
    expect(d.cdf(11.999)).toBe(0);
    expect(d.cdf(12)).toBe(1);
  });

  it("gives from two given uniforms exactly what sample gives when the stream's next two are those", () => {
    for (const cv of [0, 0.5, 2]) {
      const d = lognormal({ mean: 30, cv });
      const a = createStream(8, 0, "pair");
      const b = createStream(8, 0, "pair");
      for (let i = 0; i < 1000; i++) {
        const u1 = a();
        const u2 = a();
        expect(d.fromUniforms(u1, u2)).toBe(d.sample(b));
      }
    }
  });

  it("rejects invalid options, naming the field", () => {
    expect(() => lognormal({ mean: 0, cv: 1 })).toThrow(
      /lognormal: options.mean must be a finite number > 0; got 0/,
    );
    expect(() => lognormal({ mean: 5, cv: -0.1 })).toThrow(
      /lognormal: options.cv must be a finite number >= 0; got -0.1/,
    );
    expect(() => lognormal({ mean: 5, cv: Number.NaN })).toThrow(RangeError);
    expect(() => lognormal({ mean: 5 } as never)).toThrow(/options.cv .*got undefined/);
    expect(() => lognormal(null as never)).toThrow(TypeError);
  });
});
