/**
 * The random layer: seeded named streams, distributions that carry their theory, and arrival
 * processes with weekly profiles. Explicit named re-exports only; files starting with `_` are
 * private.
 *
 * @packageDocumentation
 */
export type { Rng } from "./stream.js";
export type { StreamState } from "./stream.js";
export { createStream } from "./stream.js";
export { streamState } from "./stream.js";
export { restoreStream } from "./stream.js";
export { childWord, counterKey, counterUniform, counterWord, mix32 } from "./counter.js";
export type { CounterKey } from "./counter.js";

export type { Distribution } from "./distribution.js";
export type { DrawnFromUniforms } from "./distribution.js";

export type { Exponential } from "./exponential.js";
export { exponential } from "./exponential.js";
export type { Lognormal } from "./lognormal.js";
export type { LognormalOptions } from "./lognormal.js";
export { lognormal } from "./lognormal.js";
export type { Gamma } from "./gamma.js";
export type { GammaOptions } from "./gamma.js";
export type { GammaMeanCvOptions } from "./gamma.js";
export { gamma } from "./gamma.js";
export { gammaByMeanCv } from "./gamma.js";
export type { Triangular } from "./triangular.js";
export type { TriangularOptions } from "./triangular.js";
export { triangular } from "./triangular.js";
export type { Uniform } from "./uniform.js";
export type { UniformOptions } from "./uniform.js";
export { uniform } from "./uniform.js";
export type { Deterministic } from "./deterministic.js";
export { deterministic } from "./deterministic.js";
export type { Empirical } from "./empirical.js";
export { empirical } from "./empirical.js";
export type { Bernoulli } from "./bernoulli.js";
export { bernoulli } from "./bernoulli.js";
export { chance } from "./bernoulli.js";
export type { MeanCvKind } from "./withMeanCv.js";
export type { MeanCvDistribution } from "./withMeanCv.js";
export { MEAN_CV_KINDS } from "./withMeanCv.js";
export { withMeanCv } from "./withMeanCv.js";

export type { RateProfile } from "./profile.js";
export type { RateProfileOptions } from "./profile.js";
export { rateProfile } from "./profile.js";
export { hourlyRateProfile } from "./profile.js";
export type { ArrivalProcess } from "./arrivals.js";
export type { PoissonArrivals } from "./arrivals.js";
export type { ProfiledArrivals } from "./arrivals.js";
export { poissonArrivals } from "./arrivals.js";
export { profiledArrivals } from "./arrivals.js";
export type { SeasonalArrivals } from "./seasonal.js";
export { seasonalArrivals } from "./seasonal.js";
