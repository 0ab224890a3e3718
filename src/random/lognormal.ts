/**
 * The lognormal distribution, parameterised by its own mean and coefficient of variation.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { boxMuller, standardNormal, standardNormalCdf } from "./_normal.js";
import { requireNonNegative, requireOptions, requirePositive } from "./_validate.js";

/** Options of {@link lognormal}: the distribution's own mean and coefficient of variation. */
export interface LognormalOptions {
  /** Mean of the lognormal variate itself (not of its logarithm); > 0. */
  readonly mean: number;
  /** Coefficient of variation (standard deviation / mean) of the variate itself; >= 0. */
  readonly cv: number;
}

/**
 * A lognormal distribution X = exp(mu + sigma Z), Z ~ N(0, 1), with
 * sigma² = ln(1 + cv²) and mu = ln(mean) - sigma² / 2, so that E[X] = mean and
 * SD[X] = cv · mean (e.g. N. L. Johnson, S. Kotz & N. Balakrishnan, *Continuous Univariate
 * Distributions*, vol. 1, 2nd ed., Wiley 1994, ch. 14). Made by {@link lognormal}.
 *
 * @example
 * const d: Lognormal = lognormal({ mean: 10, cv: 0 });
 * [d.mu, d.sigma]; //=> [Math.log(10), 0]
 */
export class Lognormal implements DrawnFromUniforms {
  readonly kind = "lognormal" as const;
  readonly mean: number;
  readonly variance: number;
  /** Coefficient of variation of X. */
  readonly cv: number;
  /** Mean of ln X. */
  readonly mu: number;
  /** Standard deviation of ln X (0 when cv = 0). */
  readonly sigma: number;

  /** @internal Use {@link lognormal}, which validates. */
  constructor(mean: number, cv: number) {
    const sigma2 = Math.log1p(cv * cv);
    this.mean = mean;
    this.cv = cv;
    this.variance = (cv * mean) ** 2;
    this.mu = Math.log(mean) - sigma2 / 2;
    this.sigma = Math.sqrt(sigma2);
  }

  /**
   * P(X <= x) = Φ((ln x - mu) / sigma), with Φ computed via erfc (accurate to about 1e-14);
   * a step at the mean when cv = 0.
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    if (x <= 0) return 0;
    if (this.sigma === 0) return Number.isNaN(x) ? x : x < this.mean ? 0 : 1;
    return standardNormalCdf((Math.log(x) - this.mu) / this.sigma);
  }

  /**
   * Draws `exp(mu + sigma z)` with z from the Box–Muller transform, which always consumes
   * exactly two uniforms (even when cv = 0, and caching nothing), so the i-th sample of a
   * stream always uses uniforms 2i and 2i+1 whatever the parameters: good for common random
   * numbers across scenarios that differ only in mean or cv.
   *
   * @param rng - stream of uniforms.
   * @returns a variate > 0 (exactly the mean when cv = 0).
   */
  sample(rng: Rng): number {
    const z = standardNormal(rng);
    return this.sigma === 0 ? this.mean : Math.exp(this.mu + this.sigma * z);
  }

  /**
   * The variate {@link Lognormal.sample} would give if the stream's next two uniforms were
   * `u1` and `u2`: for uniforms drawn ahead of time (helhet's model keeps a bank of them per
   * citizen need, so the same need meets the same values under every policy).
   *
   * @param u1 - a uniform in [0, 1), the first of the pair.
   * @param u2 - a uniform in [0, 1), the second of the pair.
   * @returns a variate > 0 (exactly the mean when cv = 0).
   * @example
   * lognormal({ mean: 10, cv: 0 }).fromUniforms(0.3, 0.7); //=> 10
   */
  fromUniforms(u1: number, u2: number): number {
    return this.sigma === 0 ? this.mean : Math.exp(this.mu + this.sigma * boxMuller(u1, u2));
  }
}

/**
 * Creates a lognormal distribution from its own mean and coefficient of variation: the natural
 * way to state skewed work content ("45 minutes on average, CV 0.8"). cv = 0 is allowed and
 * degenerates to the constant `mean` (it still consumes two uniforms per sample).
 *
 * @param options - `{ mean, cv }`: mean > 0, cv >= 0, both finite.
 * @returns the distribution.
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if `options.mean` or `options.cv` is out of range (the message names it).
 * @example
 * const d = lognormal({ mean: 45, cv: 0.8 });
 * d.mean; //=> 45
 * d.variance; //=> 1296 ((0.8 * 45)^2)
 * d.cdf(Math.exp(d.mu)); //=> 0.5 (the median is e^mu)
 */
export function lognormal(options: LognormalOptions): Lognormal {
  requireOptions("lognormal", "options", options);
  const mean = requirePositive("lognormal", "options.mean", options.mean);
  const cv = requireNonNegative("lognormal", "options.cv", options.cv);
  return new Lognormal(mean, cv);
}
