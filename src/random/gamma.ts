/**
 * The gamma distribution, by shape and scale or by mean and coefficient of variation.
 *
 * @packageDocumentation
 */
import type { DrawnFromUniforms } from "./distribution.js";
import type { Rng } from "./stream.js";
import { inverseRegularizedGammaP, regularizedGammaP } from "./_incompleteGamma.js";
import { standardNormal } from "./_normal.js";
import { fail, requireOptions, requirePositive } from "./_validate.js";

/** Options of {@link gamma}. */
export interface GammaOptions {
  /** Shape k > 0 (k = 1 is exponential; integer k is Erlang). */
  readonly shape: number;
  /** Scale θ > 0 (mean = kθ). */
  readonly scale: number;
}

/** Options of {@link gammaByMeanCv}. */
export interface GammaMeanCvOptions {
  /** Mean > 0. */
  readonly mean: number;
  /** Coefficient of variation > 0 (shape = 1 / cv², so cv = 1 is exponential). */
  readonly cv: number;
}

/**
 * A gamma distribution with shape k and scale θ. Made by {@link gamma} or {@link gammaByMeanCv}.
 *
 * @example
 * const d: Gamma = gammaByMeanCv({ mean: 20, cv: 0.5 });
 * [d.shape, d.scale]; //=> [4, 5]
 */
export class Gamma implements DrawnFromUniforms {
  readonly kind = "gamma" as const;
  readonly mean: number;
  readonly variance: number;
  /** Shape k. */
  readonly shape: number;
  /** Scale θ. */
  readonly scale: number;
  /** Marsaglia–Tsang constant d = k' - 1/3, where k' = k, or k + 1 when k < 1. */
  private readonly d: number;
  /** Marsaglia–Tsang constant c = 1 / √(9d). */
  private readonly c: number;
  /** 1 / k when k < 1 (the boost exponent), else 0 (no boost). */
  private readonly boostExponent: number;

  /** @internal Use {@link gamma} or {@link gammaByMeanCv}, which validate. */
  constructor(shape: number, scale: number) {
    this.shape = shape;
    this.scale = scale;
    this.mean = shape * scale;
    this.variance = shape * scale * scale;
    this.d = (shape < 1 ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.boostExponent = shape < 1 ? 1 / shape : 0;
  }

  /**
   * P(X <= x) = P(k, x / θ), the regularised lower incomplete gamma function (series and
   * continued fraction of Numerical Recipes, 3rd ed., §6.2; accurate to about 1e-14).
   *
   * @param x - any number.
   * @returns the probability.
   */
  cdf(x: number): number {
    return regularizedGammaP(this.shape, x / this.scale);
  }

  /**
   * Draws by the squeeze-and-reject method of G. Marsaglia & W. W. Tsang, "A simple method for
   * generating gamma variables", ACM TOMS 26(3) (2000) 363-372. For k < 1 it draws
   * Gamma(k + 1) and multiplies by U^(1/k) (the boost for k < 1 given in the same paper).
   * The number of uniforms per variate varies (rejection; acceptance is above 95% for all k),
   * so gamma samples are not synchronised across parameter values the way inversion samples
   * are.
   *
   * @param rng - stream of uniforms.
   * @returns a variate > 0.
   */
  sample(rng: Rng): number {
    const { d, c } = this;
    let v: number;
    for (;;) {
      let x: number;
      do {
        x = standardNormal(rng);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    let g = d * v;
    if (this.boostExponent !== 0) g *= Math.pow(1 - rng(), this.boostExponent);
    return g * this.scale;
  }

  /**
   * The p-quantile: θ · P⁻¹(k, p), the inverse of the regularised incomplete gamma function by
   * Halley's method from the starting guess of Numerical Recipes, 3rd ed., §6.2.1 (`invgammp`),
   * to a relative accuracy of about 1e-12.
   *
   * @param p - a probability in [0, 1].
   * @returns the quantile (0 at p = 0, Infinity at p = 1); NaN for p outside [0, 1].
   * @example
   * gamma({ shape: 1, scale: 10 }).quantile(0.5); // about 6.931471805599453 (10 ln 2)
   */
  quantile(p: number): number {
    return inverseRegularizedGammaP(this.shape, p) * this.scale;
  }

  /**
   * The variate of the uniform `u1` by inversion ({@link Gamma.quantile}); `u2` is not used.
   * Unlike {@link Gamma.sample} (rejection, a varying number of uniforms), this takes a fixed
   * pair of uniforms and is monotone in `u1`, as common random numbers need: a scenario
   * spread of the gamma family is drawn this way.
   *
   * @param u1 - a uniform in [0, 1).
   * @param _u2 - not used.
   * @returns a variate >= 0.
   * @example
   * gamma({ shape: 2, scale: 5 }).fromUniforms(0, 0.5); //=> 0
   */
  fromUniforms(u1: number, _u2: number): number {
    return this.quantile(u1);
  }
}

/**
 * Creates a gamma distribution from shape and scale.
 *
 * @param options - `{ shape, scale }`, both finite and > 0.
 * @returns the distribution, with mean kθ and variance kθ².
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if `options.shape` or `options.scale` is not a finite number > 0.
 * @example
 * const d = gamma({ shape: 2, scale: 5 });
 * d.mean; //=> 10
 * d.variance; //=> 50
 * d.cdf(5); //=> 0.2642411176571153 (Erlang: 1 - 2/e)
 */
export function gamma(options: GammaOptions): Gamma {
  requireOptions("gamma", "options", options);
  const shape = requirePositive("gamma", "options.shape", options.shape);
  const scale = requirePositive("gamma", "options.scale", options.scale);
  return new Gamma(shape, scale);
}

/**
 * Creates a gamma distribution from its mean and coefficient of variation: shape = 1 / cv²,
 * scale = mean · cv². For cv = 0 use `deterministic(mean)` (or `withMeanCv`, which does so).
 *
 * @param options - `{ mean, cv }`, both finite and > 0.
 * @returns the distribution.
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if `options.mean` or `options.cv` is not a finite number > 0, or if the
 *   implied shape or scale is not a positive finite number.
 * @example
 * const d = gammaByMeanCv({ mean: 30, cv: 0.5 });
 * d.shape; //=> 4
 * d.scale; //=> 7.5
 */
export function gammaByMeanCv(options: GammaMeanCvOptions): Gamma {
  requireOptions("gammaByMeanCv", "options", options);
  const mean = requirePositive("gammaByMeanCv", "options.mean", options.mean);
  const cv = requirePositive("gammaByMeanCv", "options.cv", options.cv);
  const shape = 1 / (cv * cv);
  const scale = mean * cv * cv;
  if (!Number.isFinite(shape) || !(scale > 0)) {
    fail("gammaByMeanCv", "options.cv", "large enough that 1 / cv² is finite", cv);
  }
  return new Gamma(shape, scale);
}
