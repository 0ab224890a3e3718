import { describe, expect, it } from "vitest";
import { createStream, triangular } from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const N = 200_000;

describe("triangular", () => {
  it("has mean (a+b+c)/3 and variance (a²+b²+c²-ab-ac-bc)/18", () => {
    const d = triangular({ min: 2, mode: 5, max: 14 });
    expect(d.kind).toBe("triangular");
    expect(d.mean).toBe(7);
    expect(d.variance).toBeCloseTo((4 + 25 + 196 - 10 - 28 - 70) / 18, 14);
  });

  it("has the closed-form CDF: F(mode) = (c-a)/(b-a), quadratic on each side", () => {
    const d = triangular({ min: 2, mode: 5, max: 14 });
    expect(d.cdf(5)).toBeCloseTo(3 / 12, 15);
    expect(d.cdf(3)).toBeCloseTo(1 / (12 * 3), 15); // (x-a)²/((b-a)(c-a))
    expect(d.cdf(11)).toBeCloseTo(1 - 9 / (12 * 9), 15); // 1 - (b-x)²/((b-a)(b-c))
    expect(d.cdf(2)).toBe(0);
    expect(d.cdf(14)).toBe(1);
  });

  it.each([
    [0, 3, 10],
    [0, 0, 1], // mode at min
    [5, 8, 8], // mode at max
  ])("samples match mean, variance and CDF for (%s, %s, %s) (n = 2e5, 4 SE)", (min, mode, max) => {
    const d = triangular({ min, mode, max });
    const rng = createStream(2024, 0, `test:triangular:${min}:${mode}:${max}`);
    const xs = Float64Array.from({ length: N }, () => d.sample(rng));
    expectMeanWithinSE(xs, d.mean, d.variance);
    // Excess kurtosis of every triangular distribution is -3/5, so μ4 = 2.4 σ⁴.
    expectVarianceWithinSE(xs, d.variance, 4, 2.4 * d.variance ** 2);
    const w = max - min;
    const points = [min + 0.1 * w, min + 0.3 * w, mode, min + 0.8 * w, max];
    expectCdfWithinSE(xs, (x) => d.cdf(x), points);
  });

  it("rejects invalid options, naming the field", () => {
    expect(() => triangular({ min: 0, mode: 11, max: 10 })).toThrow(
      /triangular: options.mode must be a number in \[options.min, options.max\] = \[0, 10\]; got 11/,
    );
    expect(() => triangular({ min: 5, mode: 5, max: 5 })).toThrow(
      /triangular: options.max must be a number > options.min \(5\); got 5/,
    );
    expect(() => triangular({ min: Number.NaN, mode: 0, max: 1 })).toThrow(
      /options.min must be a finite number; got NaN/,
    );
  });
});
