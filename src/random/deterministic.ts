/**
 * The degenerate (constant) distribution.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { requireFinite } from "./_validate.js";

/**
 * A distribution that always gives the same value. Made by {@link deterministic}.
 *
 * @example
 * const d: Deterministic = deterministic(15);
 * d.value; //=> 15
 */
export class Deterministic implements DrawnFromUniforms {
  readonly kind = "deterministic" as const;
  readonly mean: number;
  readonly variance: number;
  /** The constant value. */
  readonly value: number;

  /** @internal Use {@link deterministic}, which validates. */
  constructor(value: number) {
    this.value = value;
    this.mean = value;
    this.variance = 0;
  }

  /**
   * A unit step at the value: 0 below it, 1 from it on.
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    if (Number.isNaN(x)) return Number.NaN;
    return x < this.value ? 0 : 1;
  }

  /**
   * Returns the value. Consumes no uniforms (the argument is accepted for the interface).
   *
   * @param _rng - unused.
   * @returns the constant value.
   */
  sample(_rng: Rng): number {
    return this.value;
  }

  /**
   * Returns the value whatever the uniforms (a scenario spread's family can change to or from
   * a fixed value without moving the other draws).
   *
   * @param _u1 - not used.
   * @param _u2 - not used.
   * @returns the constant value.
   * @example
   * deterministic(12).fromUniforms(0.3, 0.7); //=> 12
   */
  fromUniforms(_u1: number, _u2: number): number {
    return this.value;
  }
}

/**
 * Creates a constant "distribution", e.g. a fixed standard time.
 *
 * @param value - the constant, a finite number.
 * @returns the distribution (variance 0).
 * @throws {RangeError} if `value` is not a finite number.
 * @example
 * const d = deterministic(12);
 * d.sample(createStream(1, 0, "work")); //=> 12
 * d.cdf(11.9); //=> 0
 */
export function deterministic(value: number): Deterministic {
  return new Deterministic(requireFinite("deterministic", "value", value));
}
