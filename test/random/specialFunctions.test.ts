// Internal special functions, tested directly (they are not part of the public API).
import { describe, expect, it } from "vitest";
import {
  lnGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from "../../src/random/_incompleteGamma.js";
import { standardNormalCdf } from "../../src/random/_normal.js";

/** Relative difference, for values spanning many orders of magnitude. */
function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Erlang CDF, closed form: P(k, x) = 1 - e^-x Σ_{n<k} x^n / n!, summed in log space. */
function erlangP(k: number, x: number): number {
  let q = 0;
  for (let n = 0; n < k; n++) q += Math.exp(-x + n * Math.log(x) - lnFactorial(n));
  return 1 - q;
}

function lnFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

describe("lnGamma", () => {
  it("matches closed forms: Γ(1/2) = √π, Γ(1) = Γ(2) = 1, Γ(10) = 9!", () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(2)).toBeCloseTo(0, 14);
    expect(relErr(lnGamma(10), Math.log(362880))).toBeLessThan(1e-14);
  });

  it("matches scipy 1.17.1 gammaln for small and large arguments", () => {
    // scipy.special.gammaln(0.1), gammaln(1000.5)
    expect(relErr(lnGamma(0.1), 2.252712651734206)).toBeLessThan(1e-14);
    expect(relErr(lnGamma(1000.5), 5908.674175848678)).toBeLessThan(1e-14);
  });

  it("is NaN outside its domain", () => {
    expect(lnGamma(0)).toBeNaN();
    expect(lnGamma(-1)).toBeNaN();
  });
});

describe("regularizedGammaP / Q", () => {
  it("matches the exponential (a = 1) and Erlang (integer a) closed forms", () => {
    for (const x of [0.01, 0.5, 1, 2, 7, 30]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
      expect(relErr(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-13);
    }
    const cases: Array<[number, number]> = [
      [2, 0.5], [3, 3], [5, 2], [5, 9], [10, 10], [100, 100], [100, 120],
    ];
    for (const [k, x] of cases) {
      expect(regularizedGammaP(k, x)).toBeCloseTo(erlangP(k, x), 12);
    }
  });

  it("matches scipy 1.17.1 gammainc/gammaincc, including tails and large a", () => {
    expect(regularizedGammaP(400, 400)).toBeCloseTo(0.5066491298389054, 12);
    expect(relErr(regularizedGammaQ(400, 460), 0.001998717742210752)).toBeLessThan(1e-10);
    expect(relErr(regularizedGammaP(0.5, 1e-10), 1.1283791670578994e-5)).toBeLessThan(1e-12);
    expect(relErr(regularizedGammaQ(3, 50), 2.509303552201055e-19)).toBeLessThan(1e-12);
  });

  it("has P + Q = 1 and the right limits", () => {
    const cases: Array<[number, number]> = [[0.3, 0.2], [2.5, 3], [50, 40], [50, 70]];
    for (const [a, x] of cases) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaP(2, -1)).toBe(0);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedGammaP(2, Number.NaN)).toBeNaN();
  });
});

describe("standardNormalCdf", () => {
  it("matches known values (scipy 1.17.1 norm.cdf; R qnorm(0.975) = 1.959963984540054)", () => {
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(standardNormalCdf(0.3)).toBeCloseTo(0.6179114221889526, 14);
    expect(relErr(standardNormalCdf(-5), 2.866515718791933e-7)).toBeLessThan(1e-12);
    expect(relErr(standardNormalCdf(-8), 6.22096057427174e-16)).toBeLessThan(1e-12);
    // erf(1) = 0.8427007929497148 (Abramowitz & Stegun table 7.1): Φ(√2) = (1 + erf(1)) / 2
    expect(standardNormalCdf(Math.SQRT2)).toBeCloseTo((1 + 0.8427007929497148) / 2, 14);
  });
});
