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
