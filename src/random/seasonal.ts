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
const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 168;
/** Days in each month of the 365-day model year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A non-homogeneous Poisson process with rate `base × weekly(t) × monthly(t)`, sampled by
 * inverting its cumulative rate: one exponential number per arrival, spent hour by hour (the
 * rate is constant within an hour) until it is used up (A. M. Law (2015), Simulation Modeling
 * and Analysis, 5th ed., §8.6.2). Day 0 is 1 January of a 365-day year, and time 0 is Monday
 * 00:00, so the weekly profile and the calendar year run side by side.
 *
 * Inversion, not thinning, so that the same stream gives arrivals that move together when the
 * rate changes: a process at a higher rate everywhere has each of its arrivals no later than
 * the same arrival of the process at the lower rate (common random numbers across scenarios).
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
  /** The weekly profile's multiplier of each hour of the week (its `multiplierAt` of the hour). */
  private readonly weekHour: Float64Array;
  /** The hour (counted from time 0) whose rate is remembered (NaN: none yet), and that rate. */
  private memoHour = Number.NaN;
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
    this.weekHour = Float64Array.from({ length: HOURS_PER_WEEK }, (_, h) => weekly.multiplierAt(h * MINUTES_PER_HOUR));
    primeFractions(this, ["memoHour", "memoRate"]);
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
   * The next arrival after `now`: an exponential number from `rng`, spent on the cumulative
   * rate hour by hour from `now`. Infinity when the rate is zero everywhere.
   *
   * @param now - current time in minutes.
   * @param rng - the arrival stream (one number per arrival).
   * @param until - give up (return Infinity) past this time: a profile that is zero for long
   *   stretches would otherwise cost a search proportional to the gap (default: never).
   * @returns the next arrival time.
   */
  next(now: number, rng: Rng, until = Infinity): number {
    if (Number.isNaN(now)) throw new RangeError("SeasonalArrivals.next: now must be a number; got NaN");
    if (!(this.maxRate > 0) || now === Infinity) return Infinity;
    let e = -Math.log(1 - rng());
    let hour = Math.floor(now / MINUTES_PER_HOUR);
    let from = now;
    for (;;) {
      const to = (hour + 1) * MINUTES_PER_HOUR;
      const rate = hour === this.memoHour ? this.memoRate : this.hourRate(hour);
      const room = rate * (to - from);
      if (e < room) {
        const at = from + e / rate;
        return at > until ? Infinity : at;
      }
      if (to >= until) return Infinity;
      e -= room;
      from = to;
      hour++;
    }
  }

  /**
   * The rate of an hour (counted from time 0), the same number as {@link SeasonalArrivals.rateAt}
   * of any time in it, remembered for the next question.
   */
  private hourRate(hour: number): number {
    let week = hour % HOURS_PER_WEEK;
    if (week < 0) week += HOURS_PER_WEEK;
    let day = Math.floor(hour / HOURS_PER_DAY) % 365;
    if (day < 0) day += 365;
    const rate = this.baseRate * (this.weekHour[week] as number) * (this.monthRate[this.monthOfDay[day] as number] as number);
    this.memoHour = hour;
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
