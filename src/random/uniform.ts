/**
 * The continuous uniform distribution on [min, max).
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { fail, requireFinite, requireOptions } from "./_validate.js";

/** Options of {@link uniform}: finite min < max. */
export interface UniformOptions {
  /** Lower end of the support. */
  readonly min: number;
  /** Upper end of the support, > min. */
  readonly max: number;
}

/**
 * A continuous uniform distribution on [min, max). Made by {@link uniform}.
 *
 * @example
 * const d: Uniform = uniform({ min: 0, max: 6 });
 * d.variance; //=> 3
 */
export class Uniform implements DrawnFromUniforms {
  readonly kind = "uniform" as const;
  readonly mean: number;
  readonly variance: number;
  /** Lower end of the support. */
  readonly min: number;
  /** Upper end of the support. */
  readonly max: number;

  /** @internal Use {@link uniform}, which validates. */
  constructor(min: number, max: number) {
    this.min = min;
    this.max = max;
    this.mean = (min + max) / 2;
    this.variance = ((max - min) * (max - min)) / 12;
  }

  /**
   * P(X <= x) = (x - min) / (max - min), clamped to [0, 1].
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return (x - this.min) / (this.max - this.min);
  }

  /**
   * Draws `min + (max - min) u`: one uniform per variate, monotone in u.
   *
   * @param rng - stream of uniforms.
   * @returns a variate in [min, max).
   */
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng();
  }

  /**
   * The variate {@link Uniform.sample} would give if the stream's next uniform were `u1`;
   * `u2` is not used (every family a scenario spread can take draws from a pair of uniforms).
   *
   * @param u1 - a uniform in [0, 1).
   * @param _u2 - not used.
   * @returns a variate in [min, max).
   * @example
   * uniform({ min: 10, max: 20 }).fromUniforms(0.25, 0.9); //=> 12.5
   */
  fromUniforms(u1: number, _u2: number): number {
    return this.min + (this.max - this.min) * u1;
  }
}

/**
 * Creates a continuous uniform distribution.
 *
 * @param options - `{ min, max }`, finite, with min < max.
 * @returns the distribution.
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if a bound is not finite or max <= min.
 * @example
 * const d = uniform({ min: 10, max: 20 });
 * d.mean; //=> 15
 * d.cdf(12.5); //=> 0.25
 */
export function uniform(options: UniformOptions): Uniform {
  requireOptions("uniform", "options", options);
  const min = requireFinite("uniform", "options.min", options.min);
  const max = requireFinite("uniform", "options.max", options.max);
  if (!(max > min)) fail("uniform", "options.max", `a number > options.min (${min})`, max);
  return new Uniform(min, max);
}
