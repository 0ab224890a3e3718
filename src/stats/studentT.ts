/**
 * Student t distribution: CDF and quantile for real degrees of freedom ν ≥ 1 (Welch intervals
 * need non-integer ν).
 *
 * Method: the upper tail is P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) (M. Abramowitz & I. A. Stegun
 * (1964), Handbook of Mathematical Functions, §26.7: A(t|ν) = 1 − I_{ν/(ν+t²)}(ν/2, ½)), with
 * the incomplete beta evaluated by a hand-written continued fraction (`incompleteBeta.ts`).
 * The quantile inverts that tail by bracketing and bisection to full double precision.
 * Special cases:
 * - ν ≥ 1e5, where the continued fraction gets slow and loses accuracy: the 1/ν expansion
 *   around the normal quantile (A&S 26.7.5, `studentTLargeDf.ts`);
 * - t > 1e100 (tiny tail probabilities at small ν): the tail's power law (`logTailConstant`);
 * - ν = 1 (Cauchy, F(t) = ½ + arctan(t)/π) and ν = 2 (F(t) = ½ + t/(2√(2 + t²))) invert in
 *   closed form.
 * Spot checks against mpmath (50 digits) and scipy 1.17.1: relative error below 1e-10 for
 * 1 ≤ ν ≤ 1e14 (see test/stats/studentT.test.ts).
 */
import { incompleteBeta, logGammaRatio } from "./incompleteBeta.js";
import { LARGE_DF, upperTailLargeDf, upperTQuantileLargeDf } from "./studentTLargeDf.js";

/** Above this |t| the tail is taken from its power law (t² would lose x = ν/(ν+t²) to underflow). */
const LARGE_T = 1e100;

function checkDf(fn: string, df: number): void {
  if (!(df >= 1) || !Number.isFinite(df)) {
    throw new RangeError(`${fn}: df must be a finite number >= 1, got ${df}`);
  }
}

/**
 * ln A where P(T > t) = A·t^(−ν)·(1 + O(1/t²)) as t → ∞: integrating the density's power law
 * f(t) ~ Γ((ν+1)/2)/(√(νπ)Γ(ν/2))·ν^((ν+1)/2)·t^(−ν−1) gives A = Γ((ν+1)/2)·ν^(ν/2−1)/(√π·Γ(ν/2)).
 * (ν = 1: A = 1/π, the Cauchy tail 1/(πt).) For t > 1e100 the O(1/t²) term is below 1e-190.
 */
function logTailConstant(df: number): number {
  return logGammaRatio(df / 2, 0.5) + (df / 2 - 1) * Math.log(df) - 0.5 * Math.log(Math.PI);
}

/** P(T > t) for t ≥ 0, computed without cancellation for large t. */
function upperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  // For ν ≥ 1e5 and t > 40, (ν+1)/2·ln(1 + t²/ν) > 790: the tail is below the smallest double.
  if (df >= LARGE_DF) return t <= 40 ? upperTailLargeDf(t, df) : 0;
  if (t > LARGE_T) return Math.exp(logTailConstant(df) - df * Math.log(t));
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/**
 * The Student t cumulative distribution function P(T ≤ t).
 * @param t - the point (±Infinity allowed)
 * @param df - degrees of freedom, finite and ≥ 1 (need not be an integer)
 * @returns P(T ≤ t)
 * @throws RangeError if `t` is NaN or `df` is not a finite number ≥ 1
 * @example
 * tCdf(2.7764451051977934, 4);
 * //=> 0.9749999999999999
 */
export function tCdf(t: number, df: number): number {
  checkDf("tCdf", df);
  if (Number.isNaN(t)) throw new RangeError(`tCdf: t must be a number, got ${t}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

/** The t > 0 with P(T > t) = q, for 0 < q < ½. */
function invertUpperTail(q: number, df: number): number {
  // ν = 1: t = tan(π(½ − q)) = 1/tan(πq); use whichever argument is computed exactly.
  if (df === 1) return q < 0.25 ? 1 / Math.tan(Math.PI * q) : Math.tan(Math.PI * (0.5 - q));
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  if (df >= LARGE_DF) return upperTQuantileLargeDf(q, df);
  if (upperTail(LARGE_T, df) > q) return Math.exp((logTailConstant(df) - Math.log(q)) / df);
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  // Bisect until the bracket cannot shrink any more in double precision.
  for (let i = 0; i < 2200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (upperTail(mid, df) > q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The Student t quantile: the t with P(T ≤ t) = p.
 *
 * Relative error below 1e-10 for ν ≥ 1 in spot checks (the tabulated values in the tests
 * agree to 1e-8). Symmetric: `tQuantile(1 - p, df)` equals `-tQuantile(p, df)` up to the
 * rounding of `1 - p`.
 *
 * @param p - probability in [0, 1]; 0 and 1 give −Infinity and Infinity
 * @param df - degrees of freedom, finite and ≥ 1 (need not be an integer)
 * @returns the quantile
 * @throws RangeError if `p` is outside [0, 1] or NaN, or `df` is not a finite number ≥ 1
 * @example
 * tQuantile(0.975, 9);
 * //=> 2.2621571627982044 (tables: 2.26215716)
 */
export function tQuantile(p: number, df: number): number {
  checkDf("tQuantile", df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Work with the smaller tail probability: 1 − p is exact for p ≥ ½ (Sterbenz).
  const q = p < 0.5 ? p : 1 - p;
  const t = invertUpperTail(q, df);
  return p < 0.5 ? -t : t;
}
