/**
 * Reading the model's clock as a citizen would: weekday, time of day, day number, and
 * durations in words. Time 0 is Monday 1 January, 00:00 (model.md §1).
 *
 * @packageDocumentation
 */

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A moment of the run as a calendar reading. */
export interface ClockReading {
  /** Day number of the run (1 = the first Monday). */
  readonly day: number;
  readonly weekday: string;
  /** "HH:MM". */
  readonly clock: string;
}

/**
 * The weekday, time of day and day number of a moment of the run.
 *
 * @param minutes - minutes since the start of the run
 * @returns the calendar reading
 * @example
 * ```ts
 * clockOf(1440 + 9 * 60 + 14); //=> { day: 2, weekday: "Tuesday", clock: "09:14" }
 * ```
 */
export function clockOf(minutes: number): ClockReading {
  const whole = Math.floor(minutes);
  const dayIndex = Math.floor(whole / 1440);
  const inDay = whole - dayIndex * 1440;
  const hh = String(Math.floor(inDay / 60)).padStart(2, "0");
  const mm = String(inDay % 60).padStart(2, "0");
  return { day: dayIndex + 1, weekday: WEEKDAYS[((dayIndex % 7) + 7) % 7] as string, clock: `${hh}:${mm}` };
}

/**
 * A duration in words: minutes under an hour, hours under a day, days otherwise.
 *
 * @param minutes - a duration ≥ 0
 * @returns e.g. "3 min", "2 h 5 min", "4.5 days"
 * @example
 * ```ts
 * spellDuration(125); //=> "2 h 5 min"
 * ```
 */
export function spellDuration(minutes: number): string {
  if (!(minutes >= 0.5)) return "under a minute";
  if (minutes < 59.5) return `${Math.round(minutes)} min`;
  if (minutes < 1440) {
    const h = Math.floor(Math.round(minutes) / 60);
    const m = Math.round(minutes) - 60 * h;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = minutes / 1440;
  return `${days < 10 ? days.toFixed(1) : days.toFixed(0)} days`;
}
