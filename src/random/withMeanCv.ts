/**
 * Build a distribution by family name from a mean and a coefficient of variation.
 *
 * @packageDocumentation
 */
import { Deterministic, deterministic } from "./deterministic.js";
import { Exponential, exponential } from "./exponential.js";
import { Gamma, gammaByMeanCv } from "./gamma.js";
import { Lognormal, lognormal } from "./lognormal.js";
import { describeValue, fail, requireNonNegative, requirePositive } from "./_validate.js";

/** The families that {@link withMeanCv} can build from a mean and a CV. */
export type MeanCvKind = "exponential" | "lognormal" | "gamma" | "deterministic";

/** The distributions that {@link withMeanCv} returns. */
export type MeanCvDistribution = Exponential | Lognormal | Gamma | Deterministic;

/**
 * The kinds accepted by {@link withMeanCv}, in a fixed order (for messages and UIs).
 *
 * @example
 * MEAN_CV_KINDS.includes("gamma"); //=> true
 */
export const MEAN_CV_KINDS: readonly MeanCvKind[] = Object.freeze([
  "exponential",
  "lognormal",
  "gamma",
  "deterministic",
]);

/**
 * Builds a distribution by family name from its mean and coefficient of variation: the form a
 * scenario uses ("work content: lognormal, mean 45 min, CV 0.8").
 *
 * - `"exponential"`: its CV is always 1, so `cv` must be omitted or 1.
 * - `"deterministic"`: its CV is always 0, so `cv` must be omitted or 0.
 * - `"lognormal"`: `cv` >= 0 is required; cv = 0 gives a degenerate lognormal that still draws
 *   two uniforms per sample (so sweeps over cv keep their common random numbers).
 * - `"gamma"`: `cv` >= 0 is required; cv = 0 (the limit of infinite shape) returns
 *   `deterministic(mean)`.
 *
 * @param kind - one of `"exponential"`, `"lognormal"`, `"gamma"`, `"deterministic"`.
 * @param mean - the mean, a finite number > 0.
 * @param cv - the coefficient of variation (standard deviation / mean), finite and >= 0.
 * @returns the distribution, with `mean` equal to the given mean and standard deviation cv·mean.
 * @throws {RangeError} if `kind` is unknown, `mean` is not > 0, `cv` is missing where required,
 *   negative or not finite, or `cv` contradicts a family with a fixed CV.
 * @example
 * withMeanCv("gamma", 30, 0.5).variance; //=> 225
 * withMeanCv("exponential", 10).kind; //=> "exponential"
 * withMeanCv("gamma", 30, 0).kind; //=> "deterministic"
 */
export function withMeanCv(kind: MeanCvKind, mean: number, cv?: number): MeanCvDistribution {
  if (!MEAN_CV_KINDS.includes(kind)) {
    fail("withMeanCv", "kind", `one of ${MEAN_CV_KINDS.map((k) => `"${k}"`).join(", ")}`, kind);
  }
  requirePositive("withMeanCv", "mean", mean);
  if (cv !== undefined) requireNonNegative("withMeanCv", "cv", cv);
  switch (kind) {
    case "exponential":
      if (cv !== undefined && cv !== 1) fixedCv(kind, 1, cv);
      return exponential(mean);
    case "deterministic":
      if (cv !== undefined && cv !== 0) fixedCv(kind, 0, cv);
      return deterministic(mean);
    case "lognormal":
      return lognormal({ mean, cv: requireCv(kind, cv) });
    case "gamma": {
      const c = requireCv(kind, cv);
      return c === 0 ? deterministic(mean) : gammaByMeanCv({ mean, cv: c });
    }
  }
}

function fixedCv(kind: MeanCvKind, fixed: number, cv: number): never {
  const expected = `omitted or ${fixed} for kind "${kind}" (its CV is always ${fixed})`;
  fail("withMeanCv", "cv", expected, cv);
}

function requireCv(kind: MeanCvKind, cv: number | undefined): number {
  if (cv === undefined) {
    throw new RangeError(
      `withMeanCv: cv must be a finite number >= 0 for kind "${kind}"; got ${describeValue(cv)}`,
    );
  }
  return cv;
}
