/**
 * The common shape of every probability distribution in helhet.
 *
 * @packageDocumentation
 */
import type { Rng } from "./stream.js";

/**
 * A univariate probability distribution that carries its theory (mean, variance, CDF) next to
 * its sampler, so that tests and docs can compare samples against theory.
 *
 * Implementations are small classes whose fields are all set in the constructor (stable V8
 * shapes); they are made by validating factory functions such as `exponential(mean)`.
 *
 * @example
 * const d: Distribution = exponential(10);
 * d.kind; //=> "exponential"
 * d.mean; //=> 10
 * d.sample(createStream(1, 0, "work")) >= 0; //=> true
 */
export interface Distribution {
  /** Name of the family, e.g. `"exponential"`, `"lognormal"`, `"gamma"`. */
  readonly kind: string;
  /** The exact mean of the distribution. */
  readonly mean: number;
  /** The exact variance of the distribution. */
  readonly variance: number;
  /**
   * The cumulative distribution function P(X <= x), exact (to near machine precision) where a
   * closed form or a convergent series is known.
   *
   * @param x - any number (may be outside the support, or ±Infinity).
   * @returns a probability in [0, 1]; NaN for x = NaN.
   */
  cdf(x: number): number;
  /**
   * Draws one value.
   *
   * @param rng - the stream to draw uniforms from.
   * @returns one variate.
   */
  sample(rng: Rng): number;
}

/**
 * A distribution that can give the variate of two given uniforms: the form helhet's model
 * draws every scenario duration in. Whatever the family, a variate takes exactly two uniforms
 * (the lognormal's Box–Muller pair; the inversion families use the first and leave the second),
 * so a citizen's numbers stay in the same slots when a scenario changes a spread's family
 * (common random numbers).
 *
 * @example
 * const d: DrawnFromUniforms = exponential(10);
 * d.fromUniforms(0.5, 0.9); //=> 6.931471805599453 (the median, 10 ln 2)
 */
export interface DrawnFromUniforms extends Distribution {
  /**
   * The variate of the uniforms `u1` and `u2` (each in [0, 1)).
   *
   * @param u1 - the first uniform of the pair.
   * @param u2 - the second uniform of the pair.
   * @returns one variate.
   */
  fromUniforms(u1: number, u2: number): number;
}
