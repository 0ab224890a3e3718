/**
 * Weekly rate profiles: how the arrival rate varies over the hours of the week.
 *
 * Time is in minutes; t = 0 is Monday 00:00 and the profile repeats every week (10080 minutes).
 *
 * @packageDocumentation
 */
import { fail } from "./_validate.js";

const MINUTES_PER_HOUR = 60;
const HOURS_PER_DAY = 24;
const DAYS_PER_WEEK = 7;
const HOURS_PER_WEEK = HOURS_PER_DAY * DAYS_PER_WEEK;
const MINUTES_PER_WEEK = HOURS_PER_WEEK * MINUTES_PER_HOUR;

/** Options of {@link rateProfile}; multipliers are relative, only their ratios matter. */
export interface RateProfileOptions {
  /** 7 non-negative multipliers, Monday first. Omitted: all days alike. */
  readonly byDay?: readonly number[];
  /** 24 non-negative multipliers, hour 0 (00:00-01:00) first. Omitted: all hours alike. */
  readonly byHour?: readonly number[];
}

/**
 * A piecewise-constant multiplier of a base rate for each of the 168 hours of the week,
 * normalised so that the mean multiplier over the week is 1. A base rate multiplied by the
 * profile therefore keeps its meaning as the **weekly average rate**: "120 / week" with any
 * profile still gives 120 arrivals a week on average. If every multiplier is 0 the profile is
 * all zero (mean 0) and cannot be normalised. Made by {@link rateProfile} or
 * {@link hourlyRateProfile}.
 *
 * @example
 * const p: RateProfile = rateProfile({ byDay: [1, 1, 1, 1, 1, 1, 0] });
 * p.multiplierAt(0); //=> 1.1666666666666667 (7/6 on Monday)
 * p.meanMultiplier; //=> 1
 */
export class RateProfile {
  /** The 168 normalised multipliers, hour-of-week order (index 0 = Monday 00:00-01:00). */
  readonly hourly: readonly number[];
  /** The largest multiplier (the thinning bound); 0 for an all-zero profile. */
  readonly maxMultiplier: number;
  /** The mean multiplier over the week: 1, or 0 for an all-zero profile. */
  readonly meanMultiplier: number;
  private readonly table: Float64Array;

  /** @internal Use {@link rateProfile} or {@link hourlyRateProfile}, which validate. */
  constructor(raw: readonly number[]) {
    let sum = 0;
    for (const m of raw) sum += m;
    const scale = sum > 0 ? HOURS_PER_WEEK / sum : 0;
    this.table = Float64Array.from(raw, (m) => m * scale);
    this.hourly = Object.freeze(Array.from(this.table));
    this.maxMultiplier = Math.max(...this.table);
    this.meanMultiplier = sum > 0 ? 1 : 0;
  }

  /**
   * The multiplier in force at time t (minutes since Monday 00:00, any week; negative times
   * wrap around too). Each hour is a half-open interval [60h, 60h + 60).
   *
   * @param t - time in minutes.
   * @returns the multiplier, >= 0; NaN if t is not finite.
   */
  multiplierAt(t: number): number {
    if (!Number.isFinite(t)) return Number.NaN;
    let m = t % MINUTES_PER_WEEK;
    if (m < 0) m += MINUTES_PER_WEEK;
    const hour = Math.min(Math.floor(m / MINUTES_PER_HOUR), HOURS_PER_WEEK - 1);
    return this.table[hour] as number;
  }
}

/**
 * Builds a weekly profile as the product of a day-of-week and an hour-of-day pattern,
 * normalised so that the mean multiplier over the 168 hours of the week is 1 (the base rate it
 * multiplies is then the weekly average rate).
 *
 * @param options - `{ byDay?: 7 numbers, Monday first; byHour?: 24 numbers }`, all finite and
 *   >= 0. Omitted parts are flat.
 * @returns the profile.
 * @throws {TypeError} if `options` is not an object.
 * @throws {RangeError} if `byDay` does not have 7 entries or `byHour` 24, or an entry is
 *   negative or not finite (the message names the entry).
 * @example
 * // open 8-16 on weekdays only: 40 open hours share the week's 168 "average" hours
 * const p = rateProfile({
 *   byDay: [1, 1, 1, 1, 1, 0, 0],
 *   byHour: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 1 : 0)),
 * });
 * p.multiplierAt(9 * 60); //=> 4.2 (168 / 40, Monday 09:00)
 * p.multiplierAt(5 * 1440 + 9 * 60); //=> 0 (Saturday)
 */
export function rateProfile(options: RateProfileOptions): RateProfile {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`rateProfile: options must be an object; got ${String(options)}`);
  }
  const byDay = checkMultipliers("rateProfile", "options.byDay", options.byDay, DAYS_PER_WEEK);
  const byHour = checkMultipliers("rateProfile", "options.byHour", options.byHour, HOURS_PER_DAY);
  const raw: number[] = [];
  for (let d = 0; d < DAYS_PER_WEEK; d++) {
    for (let h = 0; h < HOURS_PER_DAY; h++) {
      raw.push((byDay?.[d] ?? 1) * (byHour?.[h] ?? 1));
    }
  }
  return new RateProfile(raw);
}

/**
 * Builds a weekly profile from 168 hourly multipliers (Monday 00:00-01:00 first), normalised so
 * that their mean is 1.
 *
 * @param multipliers - 168 finite numbers >= 0.
 * @returns the profile.
 * @throws {RangeError} if there are not exactly 168 entries, or an entry is negative or not
 *   finite.
 * @example
 * const p = hourlyRateProfile(Array.from({ length: 168 }, (_, h) => (h < 84 ? 3 : 1)));
 * p.hourly[0]; //=> 1.5
 * p.maxMultiplier; //=> 1.5
 */
export function hourlyRateProfile(multipliers: readonly number[]): RateProfile {
  const checked = checkMultipliers("hourlyRateProfile", "multipliers", multipliers, HOURS_PER_WEEK);
  if (checked === undefined) {
    fail("hourlyRateProfile", "multipliers", `an array of ${HOURS_PER_WEEK} numbers`, multipliers);
  }
  return new RateProfile(checked);
}

/** Validates an optional array of `length` finite non-negative multipliers. */
function checkMultipliers(
  fn: string,
  param: string,
  values: readonly number[] | undefined,
  length: number,
): readonly number[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values) || values.length !== length) {
    fail(fn, param, `an array of ${length} numbers`, values);
  }
  for (let i = 0; i < length; i++) {
    const v: unknown = values[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      fail(fn, `${param}[${i}]`, "a finite number >= 0", v);
    }
  }
  return values;
}
