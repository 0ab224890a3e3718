/**
 * Arrivals whose rate follows a weekly profile and a yearly (monthly) season.
 *
 * @packageDocumentation
 */
import { primeFractions } from "../engine/shape.js";
import type { ArrivalProcess } from "./arrivals.js";
import type { RateProfile } from "./profile.js";
import type { Rng } from "./stream.js";
import { fail } from "./_validate.js";

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_HOUR = 60;
/**
 * Minutes at either end of an hour where the thinning works the rate out again instead of using
 * the one it remembered, plus {@link MEMO_RELATIVE} of the time itself: far more than the
 * rounding of `t / 60` or `t / 1440` can move an hour's edge (about 2 × 10⁻¹⁶ of t).
 */
const MEMO_MARGIN = 1e-6;
const MEMO_RELATIVE = 1e-12;
/** Days in each month of the 365-day model year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A non-homogeneous Poisson process with rate `base × weekly(t) × monthly(t)`, sampled by
 * thinning (Lewis & Shedler 1979). Day 0 is 1 January of a 365-day year, and time 0 is
 * Monday 00:00, so the weekly profile and the calendar year run side by side.
 * Made by {@link seasonalArrivals}.
 *
 * @example
 * ```ts
 * const a: SeasonalArrivals = seasonalArrivals(0.01, rateProfile({}), new Array(12).fill(1));
 * a.meanRate; //=> 0.01
 * ```
 */
export class SeasonalArrivals implements ArrivalProcess {
  readonly kind = "seasonal" as const;
  /** The yearly average rate per minute. */
  readonly meanRate: number;
  /** Month multipliers, normalised so that their day-weighted mean is 1. */
  readonly byMonth: readonly number[];
  private readonly monthOfDay: Uint8Array;
  /**
   * `byMonth` in a typed array, for {@link SeasonalArrivals.rateAt}: V8's optimised code reads a
   * frozen array's elements through a generic lookup, not inline.
   */
  private readonly monthRate: Float64Array;
  private readonly maxRate: number;
  /** The hour, less its margins, whose rate the thinning remembers (none yet), and that rate. */
  private memoFrom = 0;
  private memoTo = 0;
  private memoRate = 0;

  /** @internal Use {@link seasonalArrivals}. */
  constructor(
    private readonly baseRate: number,
    private readonly weekly: RateProfile,
    byMonth: readonly number[],
  ) {
    const dayWeighted = byMonth.reduce((a, m, i) => a + m * (MONTH_DAYS[i] as number), 0) / 365;
    this.byMonth = Object.freeze(byMonth.map((m) => (dayWeighted > 0 ? m / dayWeighted : 0)));
    this.monthRate = Float64Array.from(this.byMonth);
    this.monthOfDay = new Uint8Array(365);
    let day = 0;
    MONTH_DAYS.forEach((n, month) => {
      for (let k = 0; k < n; k++) this.monthOfDay[day++] = month;
    });
    this.meanRate = dayWeighted > 0 ? baseRate * weekly.meanMultiplier : 0;
    this.maxRate = baseRate * weekly.maxMultiplier * Math.max(...this.byMonth);
    primeFractions(this, ["memoFrom", "memoTo", "memoRate"]);
  }

  /**
   * The rate in force at time t.
   *
   * @param t - minutes since Monday 00:00, 1 January.
   * @returns arrivals per minute.
   */
  rateAt(t: number): number {
    const day = Math.floor(t / MINUTES_PER_DAY) % 365;
    const month = this.monthOfDay[day < 0 ? day + 365 : day] as number;
    return this.baseRate * this.weekly.multiplierAt(t) * (this.monthRate[month] as number);
  }

  /**
   * The next arrival after `now` (thinning against the largest rate). Infinity when the rate
   * is zero everywhere.
   *
   * @param now - current time in minutes.
   * @param rng - the arrival stream.
   * @param until - give up (return Infinity) past this time: a profile that is zero for long
   *   stretches would otherwise cost a search proportional to the gap (default: never).
   * @returns the next arrival time.
   */
  next(now: number, rng: Rng, until = Infinity): number {
    if (Number.isNaN(now)) throw new RangeError("SeasonalArrivals.next: now must be a number; got NaN");
    const maxRate = this.maxRate;
    if (!(maxRate > 0) || now === Infinity) return Infinity;
    let t = now;
    for (;;) {
      t -= Math.log(1 - rng()) / maxRate;
      if (t > until) return Infinity;
      // the rate is constant within an hour: remembered for the rest of the hour, less a
      // margin far wider than rounding, so it is the same number rateAt(t) would give
      const rate = t > this.memoFrom && t < this.memoTo ? this.memoRate : this.remember(t);
      if (rng() * maxRate < rate) return t;
    }
  }

  /** The rate at `t`, remembered for the hour around it. */
  private remember(t: number): number {
    const rate = this.rateAt(t);
    const hourStart = Math.floor(t / MINUTES_PER_HOUR) * MINUTES_PER_HOUR;
    // (past about 10¹³ minutes the margins cover the hour and nothing is remembered)
    const margin = MEMO_MARGIN + Math.abs(hourStart) * MEMO_RELATIVE;
    this.memoFrom = hourStart + margin;
    this.memoTo = hourStart + MINUTES_PER_HOUR - margin;
    this.memoRate = rate;
    return rate;
  }
}

/**
 * Creates seasonal arrivals: a yearly average rate shaped by a weekly profile and twelve
 * month multipliers (normalised to a day-weighted mean of 1).
 *
 * @param ratePerMinute - the yearly average rate, finite and ≥ 0.
 * @param weekly - the weekly profile (mean multiplier 1).
 * @param byMonth - twelve non-negative multipliers, January first.
 * @returns the process.
 * @throws {RangeError} for a negative rate or a month list of the wrong length or sign.
 * @example
 * const snowy = seasonalArrivals(0.01, rateProfile({}), [3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
 * snowy.rateAt(0) > snowy.rateAt(200 * 1440); //=> true
 */
export function seasonalArrivals(ratePerMinute: number, weekly: RateProfile, byMonth: readonly number[]): SeasonalArrivals {
  if (!(Number.isFinite(ratePerMinute) && ratePerMinute >= 0)) {
    fail("seasonalArrivals", "ratePerMinute", "a finite number >= 0", ratePerMinute);
  }
  if (byMonth.length !== 12 || byMonth.some((m) => !(Number.isFinite(m) && m >= 0))) {
    fail("seasonalArrivals", "byMonth", "twelve finite numbers >= 0", byMonth);
  }
  return new SeasonalArrivals(ratePerMinute, weekly, byMonth);
}
