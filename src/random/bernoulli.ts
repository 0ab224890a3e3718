/**
 * The Bernoulli distribution and the `chance` shorthand.
 *
 * @packageDocumentation
 */
import type { Distribution } from "./distribution.js";
import type { Rng } from "./stream.js";
import { requireProbability } from "./_validate.js";

/**
 * A Bernoulli distribution: 1 with probability p, else 0. Made by {@link bernoulli}.
 *
 * @example
 * const d: Bernoulli = bernoulli(0.1);
 * d.p; //=> 0.1
 */
export class Bernoulli implements Distribution {
  readonly kind = "bernoulli" as const;
  readonly mean: number;
  readonly variance: number;
  /** The probability of a 1. */
  readonly p: number;

  /** @internal Use {@link bernoulli}, which validates. */
  constructor(p: number) {
    this.p = p;
    this.mean = p;
    this.variance = p * (1 - p);
  }

  /**
   * P(X <= x): 0 below 0, 1 - p on [0, 1), 1 from 1 on.
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    if (Number.isNaN(x)) return Number.NaN;
    if (x < 0) return 0;
    return x < 1 ? 1 - this.p : 1;
  }

  /**
   * Draws 1 if u < p, else 0: one uniform per variate (p = 0 never gives 1, p = 1 always does).
   *
   * @param rng - stream of uniforms.
   * @returns 1 or 0.
   */
  sample(rng: Rng): number {
    return rng() < this.p ? 1 : 0;
  }
}

/**
 * Creates a Bernoulli distribution.
 *
 * @param p - probability of a 1, in [0, 1].
 * @returns the distribution (mean p, variance p(1 - p)).
 * @throws {RangeError} if `p` is not a number in [0, 1].
 * @example
 * const d = bernoulli(0.25);
 * d.variance; //=> 0.1875
 * d.cdf(0); //=> 0.75
 */
export function bernoulli(p: number): Bernoulli {
  return new Bernoulli(requireProbability("bernoulli", "p", p));
}

/**
 * Returns true with probability p, consuming exactly one uniform: `rng() < p`.
 *
 * @param rng - stream of uniforms.
 * @param p - the probability, in [0, 1].
 * @returns true with probability p.
 * @throws {RangeError} if `p` is not a number in [0, 1].
 * @example
 * chance(createStream(1, 0, "rework"), 1); //=> true
 * chance(createStream(1, 0, "rework"), 0); //=> false
 */
export function chance(rng: Rng, p: number): boolean {
  if (!(p >= 0 && p <= 1)) requireProbability("chance", "p", p);
  return rng() < p;
}
