/**
 * Arrival processes: homogeneous Poisson, and non-homogeneous Poisson with a weekly profile.
 *
 * Time is in minutes; t = 0 is Monday 00:00.
 *
 * @packageDocumentation
 */
import { RateProfile } from "./profile.js";
import type { Rng } from "./stream.js";
import { requireNonNegative } from "./_validate.js";

/** A point process that yields arrival times one at a time. */
export interface ArrivalProcess {
  /** `"poisson"` (constant rate) or `"profiled"` (weekly profile). */
  readonly kind: string;
  /** The long-run average number of arrivals per minute. */
  readonly meanRate: number;
  /**
   * The instantaneous rate at time t.
   *
   * @param t - minutes since Monday 00:00.
   * @returns arrivals per minute.
   */
  rateAt(t: number): number;
  /**
   * The first arrival time strictly after `now` (for the continuous processes here, ties have
   * probability zero), or `Infinity` if no arrival will ever come.
   *
   * @param now - the current time in minutes (finite, or Infinity).
   * @param rng - the arrival stream.
   * @returns the next arrival time in minutes.
   */
  next(now: number, rng: Rng): number;
}

/**
 * A homogeneous Poisson process. Made by {@link poissonArrivals}.
 *
 * @example
 * const p: PoissonArrivals = poissonArrivals(0.5);
 * p.rateAt(123); //=> 0.5
 */
export class PoissonArrivals implements ArrivalProcess {
  readonly kind = "poisson" as const;
  readonly meanRate: number;

  /** @internal Use {@link poissonArrivals}, which validates. */
  constructor(ratePerMinute: number) {
    this.meanRate = ratePerMinute;
  }

  /**
   * The constant rate.
   *
   * @param _t - unused.
   * @returns arrivals per minute.
   */
  rateAt(_t: number): number {
    return this.meanRate;
  }

  /**
   * Adds an exponential gap `-ln(1 - u) / rate` (one uniform per arrival); Infinity when the
   * rate is 0 (no uniform consumed).
   *
   * @param now - current time in minutes.
   * @param rng - the arrival stream.
   * @returns the next arrival time.
   */
  next(now: number, rng: Rng): number {
    if (this.meanRate === 0) return Number.POSITIVE_INFINITY;
    return now - Math.log(1 - rng()) / this.meanRate;
  }
}

/**
 * A non-homogeneous Poisson process with a weekly rate profile. Made by {@link profiledArrivals}.
 *
 * @example
 * const profile = rateProfile({ byDay: [2, 1, 1, 1, 1, 1, 0] }); // days average 1
 * const p: ProfiledArrivals = profiledArrivals(0.5, profile);
 * p.maxRate; //=> 1 (Monday: 0.5 × 2)
 */
export class ProfiledArrivals implements ArrivalProcess {
  readonly kind = "profiled" as const;
  readonly meanRate: number;
  /** The base rate (the weekly average rate when the profile is not all zero). */
  readonly baseRate: number;
  /** The weekly profile. */
  readonly profile: RateProfile;
  /** The thinning bound: base rate times the profile's largest multiplier. */
  readonly maxRate: number;

  /** @internal Use {@link profiledArrivals}, which validates. */
  constructor(ratePerMinute: number, profile: RateProfile) {
    this.baseRate = ratePerMinute;
    this.profile = profile;
    this.meanRate = ratePerMinute * profile.meanMultiplier;
    this.maxRate = ratePerMinute * profile.maxMultiplier;
  }

  /**
   * The rate in force at time t: base rate times the profile's multiplier for that hour.
   *
   * @param t - minutes since Monday 00:00.
   * @returns arrivals per minute.
   */
  rateAt(t: number): number {
    return this.baseRate * this.profile.multiplierAt(t);
  }

  /**
   * Thinning (P. A. W. Lewis & G. S. Shedler, "Simulation of nonhomogeneous Poisson processes
   * by thinning", Naval Research Logistics Quarterly 26(3) (1979) 403-413): propose candidates
   * from a Poisson process at the maximum rate, and accept a candidate at time s with
   * probability rate(s) / maxRate. Two uniforms per candidate. The acceptance test is strict
   * (`u · maxRate < rate(s)`), so an hour with rate 0 never gets an arrival. Returns Infinity,
   * without looping, when the rate is 0 everywhere.
   *
   * @param now - current time in minutes (finite, or Infinity).
   * @param rng - the arrival stream.
   * @returns the next arrival time.
   * @throws {RangeError} if `now` is NaN or -Infinity (it would never reach an arrival).
   */
  next(now: number, rng: Rng): number {
    if (!(now < Number.POSITIVE_INFINITY && now > Number.NEGATIVE_INFINITY)) {
      if (now === Number.POSITIVE_INFINITY) return now;
      throw new RangeError(`ProfiledArrivals.next: now must be a finite number; got ${now}`);
    }
    const maxRate = this.maxRate;
    if (maxRate === 0) return Number.POSITIVE_INFINITY;
    let t = now;
    for (;;) {
      t -= Math.log(1 - rng()) / maxRate;
      if (rng() * maxRate < this.rateAt(t)) return t;
    }
  }
}

/**
 * Creates a homogeneous Poisson arrival process.
 *
 * @param ratePerMinute - arrivals per minute, finite and >= 0 (0: no arrivals ever).
 * @returns the process.
 * @throws {RangeError} if `ratePerMinute` is negative or not finite.
 * @example
 * const calls = poissonArrivals(120 / 10080); // 120 a week
 * const rng = createStream(42, 0, "arrivals");
 * calls.next(0, rng) > 0; //=> true
 * poissonArrivals(0).next(0, rng); //=> Infinity
 */
export function poissonArrivals(ratePerMinute: number): PoissonArrivals {
  return new PoissonArrivals(requireNonNegative("poissonArrivals", "ratePerMinute", ratePerMinute));
}

/**
 * Creates a Poisson arrival process whose rate follows a weekly profile:
 * rate(t) = ratePerMinute × profile.multiplierAt(t). Because profiles are normalised to mean
 * 1, `ratePerMinute` is the weekly average rate and equals `meanRate` (unless the profile is
 * all zero, when `meanRate` is 0 and `next` always returns Infinity).
 *
 * @param ratePerMinute - the weekly average rate in arrivals per minute, finite and >= 0.
 * @param profile - a profile from `rateProfile` or `hourlyRateProfile`.
 * @returns the process.
 * @throws {RangeError} if `ratePerMinute` is negative or not finite.
 * @throws {TypeError} if `profile` is not a `RateProfile`.
 * @example
 * const profile = rateProfile({ byDay: [1, 1, 1, 1, 1, 0, 0] });
 * const visits = profiledArrivals(0.5, profile);
 * visits.rateAt(0); //=> 0.7 (Monday: 0.5 × 7/5)
 * visits.rateAt(5 * 1440); //=> 0 (Saturday)
 */
export function profiledArrivals(ratePerMinute: number, profile: RateProfile): ProfiledArrivals {
  const rate = requireNonNegative("profiledArrivals", "ratePerMinute", ratePerMinute);
  if (!(profile instanceof RateProfile)) {
    throw new TypeError(
      "profiledArrivals: profile must be a RateProfile made by rateProfile or hourlyRateProfile",
    );
  }
  return new ProfiledArrivals(rate, profile);
}
