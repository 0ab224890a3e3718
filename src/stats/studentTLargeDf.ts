/**
 * Student t for very large degrees of freedom, where the incomplete-beta continued fraction
 * converges too slowly for its stopping test (its error grows from 1e-13 at ν = 1e4 to 3e-7 at
 * ν = 1e10). Internal: not re-exported from the index.
 *
 * Source: M. Abramowitz & I. A. Stegun (1964), Handbook of Mathematical Functions, eq. 26.7.5,
 * the expansion of the t quantile in powers of 1/ν around the normal quantile x:
 *   t = x + g₁(x)/ν + g₂(x)/ν² + g₃(x)/ν³ + g₄(x)/ν⁴ + O(ν⁻⁵), with
 *   g₁ = (x³ + x)/4, g₂ = (5x⁵ + 16x³ + 3x)/96, g₃ = (3x⁷ + 19x⁵ + 17x³ − 15x)/384,
 *   g₄ = (79x⁹ + 776x⁷ + 1482x⁵ − 1920x³ − 945x)/92160.
 * For ν ≥ 1e5 and |x| ≤ 40 (every tail probability a double can hold) the omitted term is
 * below about 1e-11; at ν = 1e4 the expansion already agrees with mpmath to 1e-15 for |x| ≤ 7.
 */
import { normalUpperQuantile, normalUpperTail } from "./normal.js";

/** Use the expansion at and above this many degrees of freedom. */
export const LARGE_DF = 1e5;

/** g₁…g₄ as coefficients of x, x³, x⁵, x⁷, x⁹. */
const G = [
  [1 / 4, 1 / 4],
  [3 / 96, 16 / 96, 5 / 96],
  [-15 / 384, 17 / 384, 19 / 384, 3 / 384],
  [-945 / 92160, -1920 / 92160, 1482 / 92160, 776 / 92160, 79 / 92160],
] as const;

/** Coefficients c_j of x^(2j+1) in x + Σ g_k(x)/ν^k. */
function oddCoefficients(df: number): number[] {
  const c = [1, 0, 0, 0, 0];
  let scale = 1;
  for (const g of G) {
    scale /= df;
    g.forEach((coef, j) => {
      c[j] = (c[j] as number) + coef * scale;
    });
  }
  return c;
}

/** Value and derivative of the odd polynomial Σ c_j x^(2j+1), by Horner in x². */
function evaluate(c: readonly number[], x: number): [number, number] {
  const x2 = x * x;
  let p = 0;
  let dp = 0;
  for (let j = c.length - 1; j >= 0; j--) {
    p = p * x2 + (c[j] as number);
    dp = dp * x2 + (2 * j + 1) * (c[j] as number);
  }
  return [p * x, dp];
}

/**
 * The t quantile with upper tail q for ν ≥ {@link LARGE_DF}, 0 < q < ½.
 * @param q - upper tail probability
 * @param df - degrees of freedom (≥ 1e5)
 * @returns t > 0 with P(T > t) = q
 * @example
 * upperTQuantileLargeDf(0.025, 1e6);
 * //=> 1.959966356814108 (mpmath: 1.959966356814107)
 */
export function upperTQuantileLargeDf(q: number, df: number): number {
  return evaluate(oddCoefficients(df), normalUpperQuantile(q))[0];
}

/**
 * P(T > t) for ν ≥ {@link LARGE_DF} and 0 ≤ t ≤ 40 + 1e-3: invert the expansion by Newton's
 * method (it is increasing there), then take the normal upper tail.
 * @param t - the point
 * @param df - degrees of freedom (≥ 1e5)
 * @returns the upper tail probability
 * @example
 * upperTailLargeDf(1.959966356814107, 1e6);
 * //=> 0.025000000000000133
 */
export function upperTailLargeDf(t: number, df: number): number {
  const c = oddCoefficients(df);
  let x = t;
  for (let i = 0; i < 20; i++) {
    const [h, dh] = evaluate(c, x);
    const step = (h - t) / dh;
    x -= step;
    if (Math.abs(step) <= Number.EPSILON * Math.abs(x)) break;
  }
  return normalUpperTail(x);
}
