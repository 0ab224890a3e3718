/**
 * From a scenario {@link Spread} to the distribution its values are drawn from: each family of
 * `src/random`, every one drawn from a pair of uniforms (`fromUniforms`), so a citizen's
 * numbers stay in the same slots whatever the family (common random numbers).
 *
 * @packageDocumentation
 */
import {
  deterministic,
  empirical,
  exponential,
  gammaByMeanCv,
  lognormal,
  triangular,
  uniform,
  type Deterministic,
  type Empirical,
  type Exponential,
  type Gamma,
  type Lognormal,
  type Triangular,
  type Uniform,
} from "../random/index.js";
import { SPREAD_FAMILIES, type Spread } from "./types.js";

/** The distributions a spread can be: each can draw a value from a pair of uniforms. */
export type SpreadDistribution = Lognormal | Exponential | Gamma | Deterministic | Triangular | Uniform | Empirical;

/** Relative tolerance for a spread's stated mean and cv against its family's own. */
const MATCH = 1e-9;

/**
 * The distribution of a spread's values: lognormal by mean and cv (no `family`, or
 * `"lognormal"`), exponential by its mean, gamma by mean and cv, a fixed value, or triangular,
 * uniform or empirical by their own parameters. Its `fromUniforms(u1, u2)` gives a value from
 * a pair of uniforms: the lognormal's Box–Muller pair, the other families by inversion of `u1`.
 *
 * @param spread - a spread of a scenario (minutes)
 * @returns the distribution, whose `mean` is the spread's mean
 * @throws {RangeError} for an unknown family (naming the families accepted), parameters a
 *   family refuses, or a `mean` or `cv` that is not the family's own (e.g. a `cv` of 0.5 on an
 *   exponential spread, whose cv is always 1, or a triangular spread whose mean was changed
 *   without its min, mode and max)
 * @example
 * ```ts
 * spreadDistribution({ mean: 20, cv: 0.5 }).kind; //=> "lognormal"
 * spreadDistribution({ family: "exponential", mean: 10, cv: 1 }).fromUniforms(0.5, 0.9); //=> 6.931471805599453
 * ```
 */
export function spreadDistribution(spread: Spread): SpreadDistribution {
  const family = spread.family ?? "lognormal";
  switch (spread.family) {
    case undefined:
    case "lognormal":
      return lognormal({ mean: Math.max(spread.mean, 1e-9), cv: spread.cv });
    case "exponential":
      fixedCv(spread, 1);
      return exponential(spread.mean);
    case "deterministic":
      fixedCv(spread, 0);
      return deterministic(spread.mean);
    case "gamma":
      return gammaByMeanCv({ mean: spread.mean, cv: spread.cv });
    case "triangular":
      return matching(spread, triangular({ min: spread.min, mode: spread.mode, max: spread.max }), "min, mode and max");
    case "uniform":
      return matching(spread, uniform({ min: spread.min, max: spread.max }), "min and max");
    case "empirical":
      return matching(spread, empirical(spread.values), "the values");
    default:
      throw new RangeError(`a spread's family must be one of ${SPREAD_FAMILIES.join(", ")}; got ${JSON.stringify(family)}`);
  }
}

/**
 * The coefficient of variation of a distribution: its standard deviation over its mean.
 *
 * @param d - a distribution with a mean > 0
 * @returns √variance / mean
 * @example
 * ```ts
 * cvOf(exponential(10)); //=> 1
 * ```
 */
export function cvOf(d: { readonly mean: number; readonly variance: number }): number {
  return Math.sqrt(d.variance) / d.mean;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= MATCH * Math.max(1, Math.abs(a), Math.abs(b));
}

function fixedCv(spread: Spread, cv: number): void {
  if (spread.cv !== cv) {
    throw new RangeError(`a spread of family "${String(spread.family)}" has cv ${cv} always; got cv ${spread.cv}`);
  }
}

function matching<D extends SpreadDistribution>(spread: Spread, d: D, params: string): D {
  if (!close(spread.mean, d.mean) || !close(spread.cv, cvOf(d))) {
    throw new RangeError(
      `a spread of family "${String(spread.family)}" takes its mean and cv from ${params} (mean ${d.mean}, cv ${cvOf(d)}); ` +
        `got mean ${spread.mean} and cv ${spread.cv}: change ${params} instead`,
    );
  }
  return d;
}
