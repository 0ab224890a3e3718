/**
 * The exponential distribution, parameterised by its mean.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { requirePositive } from "./_validate.js";

/**
 * An exponential distribution with a given mean (rate = 1 / mean). Made by {@link exponential}.
 *
 * @example
 * const d: Exponential = exponential(4);
 * d.rate; //=> 0.25
 */
export class Exponential implements DrawnFromUniforms {
  readonly kind = "exponential" as const;
  readonly mean: number;
  readonly variance: number;
  /** The rate 1 / mean. */
  readonly rate: number;

  /** @internal Use {@link exponential}, which validates. */
  constructor(mean: number) {
    this.mean = mean;
    this.variance = mean * mean;
    this.rate = 1 / mean;
  }

  /**
   * P(X <= x) = 1 - exp(-x / mean) for x >= 0, computed as `-expm1(-x / mean)` so that small
   * probabilities keep their accuracy.
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    return x <= 0 ? 0 : -Math.expm1(-x / this.mean);
  }

  /**
   * Draws by inversion, `-mean * ln(1 - u)` (e.g. L. Devroye, *Non-Uniform Random Variate
   * Generation*, Springer 1986, §II.2): exactly one uniform per variate, and since u < 1 the
   * logarithm is always finite (u = 0 gives 0).
   *
   * @param rng - stream of uniforms.
   * @returns a variate >= 0.
   */
  sample(rng: Rng): number {
    return -this.mean * Math.log(1 - rng());
  }

  /**
   * The p-quantile, `-mean * ln(1 - p)`: the inverse of the CDF.
   *
   * @param p - a probability in [0, 1].
   * @returns the quantile (0 at p = 0, Infinity at p = 1).
   * @example
   * exponential(10).quantile(0.5); //=> 6.931471805599453 (10 ln 2)
   */
  quantile(p: number): number {
    return -this.mean * Math.log1p(-p);
  }

  /**
   * The variate {@link Exponential.sample} would give if the stream's next uniform were `u1`
   * (inversion); `u2` is not used. Every family a scenario spread can take draws from a pair
   * of uniforms, so a spread's family can change without moving the other draws.
   *
   * @param u1 - a uniform in [0, 1).
   * @param _u2 - not used.
   * @returns a variate >= 0.
   * @example
   * exponential(10).fromUniforms(0, 0.5); //=> 0
   */
  fromUniforms(u1: number, _u2: number): number {
    return -this.mean * Math.log(1 - u1);
  }
}

/**
 * Creates an exponential distribution with the given mean (so its CV is 1).
 *
 * @param mean - the mean, a finite number > 0 (e.g. minutes between events).
 * @returns the distribution.
 * @throws {RangeError} if `mean` is not a finite number > 0.
 * @example
 * const d = exponential(10);
 * d.variance; //=> 100
 * d.cdf(10); //=> 0.6321205588285577 (1 - e^-1)
 */
export function exponential(mean: number): Exponential {
  return new Exponential(requirePositive("exponential", "mean", mean));
}
