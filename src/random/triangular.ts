/**
 * The triangular distribution on [min, max] with a mode.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { fail, requireFinite, requireOptions } from "./_validate.js";

/** Options of {@link triangular}: min < max and min <= mode <= max, all finite. */
export interface TriangularOptions {
  /** Lower end of the support. */
  readonly min: number;
  /** Most likely value, in [min, max]. */
  readonly mode: number;
  /** Upper end of the support, > min. */
  readonly max: number;
}

/**
 * A triangular distribution on [min, max] with its peak at mode (formulas as in e.g.
 * M. Evans, N. Hastings & B. Peacock, *Statistical Distributions*, 3rd ed., Wiley 2000, ch. 40).
 * Made by {@link triangular}.
 *
 * @example
 * const d: Triangular = triangular({ min: 0, mode: 0, max: 30 });
 * d.mean; //=> 10
 */
export class Triangular implements DrawnFromUniforms {
  readonly kind = "triangular" as const;
  readonly mean: number;
  readonly variance: number;
  /** Lower end of the support. */
  readonly min: number;
  /** The mode. */
  readonly mode: number;
  /** Upper end of the support. */
  readonly max: number;
  /** F(mode) = (mode - min) / (max - min). */
  private readonly modeCdf: number;

  /** @internal Use {@link triangular}, which validates. */
  constructor(min: number, mode: number, max: number) {
    this.min = min;
    this.mode = mode;
    this.max = max;
    this.mean = (min + mode + max) / 3;
    this.variance =
      (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    this.modeCdf = (mode - min) / (max - min);
  }

  /**
   * The piecewise-quadratic CDF: (x-a)²/((b-a)(c-a)) up to the mode c, then
   * 1 - (b-x)²/((b-a)(b-c)).
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    const { min, mode, max } = this;
    if (x <= min) return 0;
    if (x >= max) return 1;
    if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
    return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
  }

  /**
   * Draws by inversion of the CDF (one uniform per variate, monotone in u):
   * min + √(u(b-a)(c-a)) if u < F(c), else max - √((1-u)(b-a)(b-c)).
   *
   * @param rng - stream of uniforms.
   * @returns a variate in [min, max].
   */
  sample(rng: Rng): number {
    return this.fromUniforms(rng(), 0);
  }

  /**
   * The variate {@link Triangular.sample} would give if the stream's next uniform were `u1`
   * (inversion); `u2` is not used (every family a scenario spread can take draws from a pair
   * of uniforms).
   *
   * @param u1 - a uniform in [0, 1).
   * @param _u2 - not used.
   * @returns a variate in [min, max].
   * @example
   * triangular({ min: 0, mode: 10, max: 20 }).fromUniforms(0.5, 0.1); //=> 10
   */
  fromUniforms(u1: number, _u2: number): number {
    const { min, mode, max } = this;
    if (u1 < this.modeCdf) return min + Math.sqrt(u1 * (max - min) * (mode - min));
    return max - Math.sqrt((1 - u1) * (max - min) * (max - mode));
  }
}

/**
 * Creates a triangular distribution, the usual "min, most likely, max" estimate.
 *
 * @param options - `{ min, mode, max }` with min < max and min <= mode <= max, all finite.
 * @returns the distribution.
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if a field is not finite, if max <= min, or if mode is outside [min, max].
 * @example
 * const d = triangular({ min: 0, mode: 10, max: 20 });
 * d.mean; //=> 10
 * d.cdf(10); //=> 0.5
 */
export function triangular(options: TriangularOptions): Triangular {
  requireOptions("triangular", "options", options);
  const min = requireFinite("triangular", "options.min", options.min);
  const mode = requireFinite("triangular", "options.mode", options.mode);
  const max = requireFinite("triangular", "options.max", options.max);
  if (!(max > min)) fail("triangular", "options.max", `a number > options.min (${min})`, max);
  if (mode < min || mode > max) {
    const expected = `a number in [options.min, options.max] = [${min}, ${max}]`;
    fail("triangular", "options.mode", expected, mode);
  }
  return new Triangular(min, mode, max);
}
