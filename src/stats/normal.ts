/**
 * The standard normal upper tail and quantile, used by the Student t quantile for very large
 * degrees of freedom. Internal: not re-exported from the index.
 *
 * Sources: M. Abramowitz & I. A. Stegun (1964), Handbook of Mathematical Functions,
 * eq. 7.1.6 (series for erf with positive terms) and eq. 7.1.14 (continued fraction for erfc),
 * the latter evaluated with the modified Lentz method (Press et al. (2007), Numerical Recipes,
 * 3rd ed., §5.2).
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const EPS = 4 * Number.EPSILON;

/** erf(x) for 0 ≤ x < 2 by A&S 7.1.6: (2/√π)e^(−x²) Σ 2ⁿx^(2n+1)/(1·3···(2n+1)). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > EPS * sum; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** erfc(x) for x ≥ 2 by A&S 7.1.14: (e^(−x²)/√π)·1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcContinuedFraction(x: number): number {
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const an = k / 2;
    d = 1 / (x + an * d);
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return (TWO_OVER_SQRT_PI / 2) * (Math.exp(-x * x) / f);
}

/**
 * The standard normal upper tail P(Z > z), with full relative precision in the upper tail.
 * @param z - the point
 * @returns 1 − Φ(z)
 * @example
 * normalUpperTail(1.959963984540054);
 * //=> 0.025000000000000133
 */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const erfc = x < 2 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The z > 0 with P(Z > z) = q, for 0 < q < ½, by bisection to full double precision.
 * @param q - upper tail probability in (0, ½)
 * @returns the upper q-quantile of the standard normal
 * @example
 * normalUpperQuantile(0.025);
 * //=> 1.959963984540055 (scipy: 1.9599639845400545)
 */
export function normalUpperQuantile(q: number): number {
  let lo = 0;
  let hi = 40; // P(Z > 40) ≈ 4e-350 is below every positive double
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (normalUpperTail(mid) > q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
