/**
 * Private standard-normal helpers: a sampler with a fixed number of uniforms per variate, and
 * an accurate CDF. Never re-exported.
 *
 * @internal
 * @packageDocumentation
 */
import { regularizedGammaQ } from "./_incompleteGamma.js";
import type { Rng } from "./stream.js";

const TWO_PI = 2 * Math.PI;

/**
 * One standard normal variate by the Box–Muller transform (G. E. P. Box & M. E. Muller, "A note
 * on the generation of random normal deviates", Ann. Math. Statist. 29(2) (1958) 610-611).
 *
 * It always consumes exactly two uniforms and caches nothing (the second, independent variate
 * of the pair is discarded), so the i-th normal drawn from a stream always comes from uniforms
 * 2i and 2i+1: the property common random numbers need. `1 - u` is used inside the logarithm
 * because alea gives u in [0, 1) (never 1), so the logarithm is always finite. With alea's
 * 2^-32 resolution the largest |z| is about 6.66; the mass beyond that is about 3e-11.
 *
 * @param rng - stream of uniforms in [0, 1).
 * @returns a variate from N(0, 1).
 * @example
 * Number.isFinite(standardNormal(createStream(1, 0, "x"))); //=> true
 */
export function standardNormal(rng: Rng): number {
  const u1 = rng();
  const u2 = rng();
  return boxMuller(u1, u2);
}

/**
 * The Box–Muller transform of two given uniforms: what {@link standardNormal} returns when the
 * stream's next two uniforms are `u1` and `u2`.
 *
 * @param u1 - a uniform in [0, 1) (the radius).
 * @param u2 - a uniform in [0, 1) (the angle).
 * @returns a variate from N(0, 1).
 * @example
 * boxMuller(0, 0); //=> 0
 */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
}

/**
 * The standard normal CDF Φ(z) = erfc(-z/√2) / 2, using erfc(y) = Q(1/2, y²) for y >= 0
 * (Abramowitz & Stegun 6.5.17 with 7.1.2; the approach of Numerical Recipes, 3rd ed., §6.2).
 * The lower tail is computed directly, so it keeps its relative accuracy (Φ(-8) ≈ 6.2e-16).
 *
 * @param z - any number.
 * @returns Φ(z) in [0, 1].
 * @example
 * standardNormalCdf(0); //=> 0.5
 */
export function standardNormalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = 0.5 * regularizedGammaQ(0.5, 0.5 * z * z);
  return z < 0 ? tail : 1 - tail;
}
