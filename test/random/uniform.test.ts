import { describe, expect, it } from "vitest";
import { createStream, uniform } from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const N = 200_000;

describe("uniform", () => {
  it("has mean (a+b)/2, variance (b-a)²/12 and a linear CDF", () => {
    const d = uniform({ min: 10, max: 20 });
    expect(d.kind).toBe("uniform");
    expect(d.mean).toBe(15);
    expect(d.variance).toBeCloseTo(100 / 12, 14);
    expect(d.cdf(15)).toBe(0.5);
    expect(d.cdf(12.5)).toBe(0.25);
    expect(d.cdf(9)).toBe(0);
    expect(d.cdf(21)).toBe(1);
  });

  it("samples match mean, variance and CDF (n = 2e5, 4 SE)", () => {
    const d = uniform({ min: -3, max: 7 });
    const rng = createStream(2024, 0, "test:uniform");
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    // Fourth central moment of U(a, b): (b - a)^4 / 80.
    expectVarianceWithinSE(xs, d.variance, 4, 10 ** 4 / 80);
    expectCdfWithinSE(xs, (x) => d.cdf(x), [-3, -2, 0, 2, 6.5]);
  });

  it("rejects invalid options, naming the field", () => {
    expect(() => uniform({ min: 1, max: 1 })).toThrow(
      /uniform: options.max must be a number > options.min \(1\); got 1/,
    );
    expect(() => uniform({ min: 0, max: Number.POSITIVE_INFINITY })).toThrow(
      /uniform: options.max must be a finite number; got Infinity/,
    );
    expect(() => uniform("0..1" as never)).toThrow(
      /uniform: options must be an object; got "0..1"/,
    );
  });
});
