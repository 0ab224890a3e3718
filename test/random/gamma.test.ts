import { describe, expect, it } from "vitest";
import { createStream, gamma, gammaByMeanCv } from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const N = 200_000;

/** Erlang CDF (integer shape k, scale θ), closed form: 1 - Σ_{n<k} e^{-x/θ} (x/θ)^n / n!. */
function erlangCdf(k: number, theta: number, x: number): number {
  const y = x / theta;
  let term = Math.exp(-y);
  let sum = term;
  for (let n = 1; n < k; n++) {
    term *= y / n;
    sum += term;
  }
  return 1 - sum;
}

describe("gamma", () => {
  it("has mean kθ and variance kθ²", () => {
    const d = gamma({ shape: 2.5, scale: 4 });
    expect(d.kind).toBe("gamma");
    expect(d.mean).toBe(10);
    expect(d.variance).toBe(40);
  });

  it("matches the Erlang closed form for integer shapes", () => {
    for (const [k, theta] of [[1, 3], [2, 5], [4, 0.5], [12, 2]] as const) {
      const d = gamma({ shape: k, scale: theta });
      for (const x of [0.1, 1, 5, 10, 30]) {
        expect(d.cdf(x)).toBeCloseTo(erlangCdf(k, theta, x), 13);
      }
    }
  });

  it("matches known values: chi-square(1) and scipy 1.17.1 gamma.cdf", () => {
    // R: qchisq(0.95, 1) = 3.841458820694124; chi-square(ν) = gamma(ν/2, 2)
    expect(gamma({ shape: 0.5, scale: 2 }).cdf(3.841458820694124)).toBeCloseTo(0.95, 13);
    // scipy.stats.gamma(a, scale=θ).cdf(x)
    expect(gamma({ shape: 0.3, scale: 2 }).cdf(0.1)).toBeCloseTo(0.4484368621065926, 13);
    expect(gamma({ shape: 2.5, scale: 4 }).cdf(10)).toBeCloseTo(0.584119813004492, 13);
    expect(gamma({ shape: 400, scale: 0.075 }).cdf(29)).toBeCloseTo(0.2554274560076357, 12);
    expect(gamma({ shape: 2, scale: 1 }).cdf(0)).toBe(0);
    expect(gamma({ shape: 2, scale: 1 }).cdf(-1)).toBe(0);
  });

  // Shapes cover the k < 1 boost, the exponential case, a typical CV (0.63) and a narrow one.
  it.each([
    [0.3, 2, [0.01, 0.1, 0.5, 1, 3]],
    [1, 5, [0.5, 2, 5, 10, 20]],
    [2.5, 4, [2, 5, 10, 20, 40]],
    [25, 1.2, [20, 25, 30, 40]],
  ])("samples match theory for shape %s, scale %s (n = 2e5, 4 SE)", (k, theta, points) => {
    const d = gamma({ shape: k, scale: theta });
    const rng = createStream(2024, 0, `test:gamma:${k}`);
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    // Fourth central moment of gamma(k, θ): 3k(k + 2)θ⁴ (excess kurtosis 6/k).
    expectVarianceWithinSE(xs, d.variance, 4, 3 * k * (k + 2) * theta ** 4);
    expectCdfWithinSE(xs, (x) => d.cdf(x), points);
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  it("rejects invalid options, naming the field", () => {
    expect(() => gamma({ shape: 0, scale: 1 })).toThrow(
      /gamma: options.shape must be a finite number > 0; got 0/,
    );
    expect(() => gamma({ shape: 1, scale: -2 })).toThrow(
      /gamma: options.scale must be a finite number > 0; got -2/,
    );
    expect(() => gamma({ shape: Number.POSITIVE_INFINITY, scale: 1 })).toThrow(RangeError);
    expect(() => gamma(undefined as never)).toThrow(TypeError);
  });
});

describe("gammaByMeanCv", () => {
  it("sets shape = 1/cv² and scale = mean·cv²", () => {
    const d = gammaByMeanCv({ mean: 30, cv: 0.5 });
    expect(d.shape).toBe(4);
    expect(d.scale).toBe(7.5);
    expect(d.mean).toBe(30);
    expect(d.variance).toBe(225);
  });

  it("with cv = 1 is the exponential", () => {
    const d = gammaByMeanCv({ mean: 8, cv: 1 });
    expect(d.cdf(8)).toBeCloseTo(1 - Math.exp(-1), 14);
  });

  it("samples a narrow gamma (cv 0.05, shape 400) correctly (n = 2e5, 4 SE)", () => {
    const d = gammaByMeanCv({ mean: 30, cv: 0.05 });
    const rng = createStream(2024, 0, "test:gamma:narrow");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    const k = d.shape;
    expectMeanWithinSE(xs, d.mean, d.variance);
    expectVarianceWithinSE(xs, d.variance, 4, 3 * k * (k + 2) * d.scale ** 4);
    // scipy 1.17.1: stats.gamma(400, scale=0.075).cdf at 27, 29, 30, 31, 33
    expectCdfWithinSE(xs, (x) => d.cdf(x), [27, 29, 30, 31, 33]);
    expect(d.cdf(27)).toBeCloseTo(0.01998604477106592, 12);
    expect(d.cdf(33)).toBeCloseTo(0.9746200375679858, 12);
  });

  it("rejects cv = 0 (use deterministic) and other invalid options", () => {
    expect(() => gammaByMeanCv({ mean: 30, cv: 0 })).toThrow(
      /gammaByMeanCv: options.cv must be a finite number > 0; got 0/,
    );
    expect(() => gammaByMeanCv({ mean: -1, cv: 1 })).toThrow(
      /gammaByMeanCv: options.mean .*got -1/,
    );
    expect(() => gammaByMeanCv({ mean: 1, cv: 1e-200 })).toThrow(/options.cv must be large enough/);
  });
});
