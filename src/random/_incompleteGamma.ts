/**
 * Private special functions: log-gamma and the regularised incomplete gamma functions
 * P(a, x) and Q(a, x) = 1 - P(a, x). Used by the gamma CDF and (through erf) the normal CDF.
 * Never re-exported.
 *
 * Sources:
 * - lnGamma: Lanczos approximation (C. Lanczos, "A precision approximation of the gamma
 *   function", SIAM J. Numer. Anal. B 1 (1964) 86-96) with g = 7 and the 9 coefficients of
 *   P. Godfrey (as tabulated in the Wikipedia article "Lanczos approximation"); relative error
 *   about 1e-15 for x > 0. Reflection Γ(x)Γ(1-x) = π / sin(πx) below 0.5.
 * - P and Q: the series and the Legendre continued fraction (evaluated by the modified Lentz
 *   method) of Press, Teukolsky, Vetterling & Flannery, *Numerical Recipes*, 3rd ed. (2007),
 *   §6.2 (`gser`, `gcf`); the series is used for x < a + 1, the continued fraction otherwise,
 *   so each converges quickly (in O(√a) terms) and the smaller tail is computed directly.
 *
 * @internal
 * @packageDocumentation
 */

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS: readonly number[] = Object.freeze([
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
]);
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Relative convergence tolerance of the series and continued fraction. */
const EPS = 1e-15;
/** Smallest magnitude allowed in the Lentz recursion (avoids division by zero). */
const FPMIN = 1e-300;
/** Iteration cap; convergence needs O(√a) terms, so this covers a up to about 1e8. */
const MAX_ITERATIONS = 100_000;

/**
 * Natural logarithm of the gamma function for x > 0.
 *
 * @param x - a positive number.
 * @returns ln Γ(x); NaN for x <= 0 or NaN.
 * @example
 * lnGamma(5); //=> 3.178053830347944 (ln 24 = 3.1780538303479458)
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0] as number;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    sum += (LANCZOS_COEFFICIENTS[i] as number) / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** exp(a ln x - x - ln Γ(a)): the common factor of the series and the continued fraction. */
function prefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - lnGamma(a));
}

/** P(a, x) by its series; converges fast for x < a + 1 (NR3 §6.2, gser). */
function seriesP(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * prefactor(a, x);
}

/** Q(a, x) by its continued fraction (modified Lentz); for x >= a + 1 (NR3 §6.2, gcf). */
function continuedFractionQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h * prefactor(a, x);
}

/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a): the CDF at x of a
 * gamma distribution with shape a and scale 1.
 *
 * @param a - shape, > 0.
 * @param x - point, any number (P = 0 for x <= 0, 1 for x = Infinity).
 * @returns P(a, x) in [0, 1]; NaN if an argument is NaN or a <= 0.
 * @example
 * regularizedGammaP(1, 1); //=> 0.6321205588285583 (1 - e^-1 = 0.6321205588285577)
 */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(x) || !(a > 0)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return Math.min(1, seriesP(a, x));
  return Math.max(0, 1 - continuedFractionQ(a, x));
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x), computed directly in
 * the upper tail so that small values keep their relative accuracy.
 *
 * @param a - shape, > 0.
 * @param x - point, any number (Q = 1 for x <= 0, 0 for x = Infinity).
 * @returns Q(a, x) in [0, 1]; NaN if an argument is NaN or a <= 0.
 * @example
 * regularizedGammaQ(1, 1); //=> 0.36787944117144167 (e^-1 = 0.36787944117144233)
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(x) || !(a > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return Math.max(0, 1 - seriesP(a, x));
  return Math.min(1, continuedFractionQ(a, x));
}

/** Relative step size at which the quantile's Halley iteration stops. */
const QUANTILE_EPS = 1e-12;
/** Iteration cap of the quantile (Halley converges in a handful from the starting guess). */
const QUANTILE_MAX_ITERATIONS = 30;

/**
 * The inverse of P(a, ·): the x with P(a, x) = p, i.e. the p-quantile of a gamma distribution
 * with shape a and scale 1. The method of Numerical Recipes, 3rd ed. (2007), §6.2.1
 * (`invgammp`): a starting guess (for a > 1 from the Wilson–Hilferty normal approximation with
 * the normal quantile of Abramowitz & Stegun 26.2.22; for a <= 1 from the leading terms of the
 * series), then Halley's method on P(a, x) - p. Three changes: the error is computed from Q in
 * the upper half (so a p near 1 keeps its accuracy), the iteration stops at a relative step of
 * 1e-12 rather than 1e-8, and for a <= 1 the lower start inverts the series' leading term
 * x^a / Γ(a + 1) exactly, returned as it is below 1e-100 (small shapes put much of their
 * mass there, where Halley's step would overflow).
 *
 * @param a - shape, > 0.
 * @param p - probability in [0, 1].
 * @returns x >= 0 with P(a, x) = p (0 for p = 0, Infinity for p = 1); NaN for bad arguments.
 * @example
 * inverseRegularizedGammaP(1, 1 - Math.exp(-1)); //=> 1 (to about 1e-15)
 */
export function inverseRegularizedGammaP(a: number, p: number): number {
  if (!(a > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const gln = lnGamma(a);
  const a1 = a - 1;
  const lna1 = a > 1 ? Math.log(a1) : 0;
  const afac = a > 1 ? Math.exp(a1 * (lna1 - 1) - gln) : 0;
  let x: number;
  if (a > 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3));
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    if (p < t) {
      // the leading term of the series, P(a, x) = x^a / Γ(a + 1) (1 + O(x)), inverted (a closer
      // start than NR3's (p / t)^(1/a)); so small an x is already exact to O(x), and Halley's
      // step would overflow there (the density grows like x^(a-1))
      x = Math.exp((Math.log(p) + lnGamma(a + 1)) / a);
      if (x < 1e-100) return x;
    } else x = 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let j = 0; j < QUANTILE_MAX_ITERATIONS; j++) {
    if (x <= 0) return 0;
    const err = p < 0.5 ? regularizedGammaP(a, x) - p : 1 - p - regularizedGammaQ(a, x);
    // the gamma(a, 1) density at x, in the form of NR3 that avoids overflow for large a
    const density = a > 1 ? afac * Math.exp(-(x - a1) + a1 * (Math.log(x) - lna1)) : Math.exp(-x + a1 * Math.log(x) - gln);
    if (!(density > 0)) break;
    const u = err / density;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - 1)));
    if (!Number.isFinite(step)) break;
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < QUANTILE_EPS * x) break;
  }
  return x;
}
