/** Minutes in a week: the period of every {@link WeeklyCalendar}. */
export const MINUTES_PER_WEEK = 10_080;

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1_440;

/** An open interval of the week: `[start, end)` in minutes after Monday 00:00. */
export type WeekInterval = readonly [start: number, end: number];

/** Times from which {@link WeeklyCalendar} remembers the spell they are in: 2^40 minutes, about two million years. */
const MEMO_LIMIT = 2 ** 40;

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * Opening hours that repeat every week. Time 0 is Monday 00:00; time is in minutes.
 *
 * @example
 * ```ts
 * const office = WeeklyCalendar.weekdays("08:00", "16:30");
 * office.isOpen(9 * 60); //=> true (Monday 09:00)
 * office.nextOpening(17 * 60); //=> 1920 (Tuesday 08:00)
 * office.openMinutesPerWeek; //=> 2550
 * ```
 */
export class WeeklyCalendar {
  /** Merged, sorted open intervals within one week. */
  readonly intervals: readonly WeekInterval[];
  /** Total open minutes in a week. */
  readonly openMinutesPerWeek: number;
  /** True when open around the clock. */
  readonly isAlways: boolean;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly cumBefore: Float64Array;
  /**
   * The spell of the last time looked up: [spellFrom, spellUntil), open throughout or closed
   * throughout. A memo only (a team asks many times within one spell); every answer is the one
   * the intervals give, and its ends are exact (whole weeks plus an interval's end).
   */
  private spellFrom = Infinity;
  private spellUntil = -Infinity;
  private spellOpen = false;
  /**
   * The spell remembered before it: a model asks about now and about the next opening or
   * closing in turn (when will the office open after it closes?), two spells, and one memo
   * would forget each in turn.
   */
  private priorFrom = Infinity;
  private priorUntil = -Infinity;
  private priorOpen = false;

  private constructor(intervals: readonly WeekInterval[]) {
    this.intervals = intervals;
    const n = intervals.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.cumBefore = new Float64Array(n + 1);
    let total = 0;
    intervals.forEach(([s, e], i) => {
      this.starts[i] = s;
      this.ends[i] = e;
      this.cumBefore[i] = total;
      total += e - s;
    });
    this.cumBefore[n] = total;
    this.openMinutesPerWeek = total;
    this.isAlways = total === MINUTES_PER_WEEK;
  }

  /**
   * Open all the time.
   *
   * @example
   * ```ts
   * WeeklyCalendar.always().isOpen(12345); //=> true
   * ```
   */
  static always(): WeeklyCalendar {
    return new WeeklyCalendar([[0, MINUTES_PER_WEEK]]);
  }

  /**
   * Builds a calendar from open intervals in minutes after Monday 00:00. Overlapping or
   * touching intervals are merged.
   *
   * @param intervals - pairs `[start, end)` with 0 ≤ start < end ≤ 10080
   * @throws RangeError naming the interval when one is out of range or empty
   * @example
   * ```ts
   * WeeklyCalendar.fromIntervals([[480, 960]]).openMinutesPerWeek; //=> 480
   * ```
   */
  static fromIntervals(intervals: readonly WeekInterval[]): WeeklyCalendar {
    intervals.forEach(([s, e], i) => {
      if (!(Number.isFinite(s) && Number.isFinite(e) && s >= 0 && e <= MINUTES_PER_WEEK && s < e)) {
        throw new RangeError(
          `intervals[${i}] must satisfy 0 ≤ start < end ≤ ${MINUTES_PER_WEEK}, got [${s}, ${e}]`,
        );
      }
    });
    const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const [s, e] of sorted) {
      const last = merged[merged.length - 1];
      if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    return new WeeklyCalendar(merged);
  }

  /**
   * The same daily hours on chosen days (Monday = 0 ... Sunday = 6; default Monday–Friday).
   *
   * @param open - opening time "HH:MM"
   * @param close - closing time "HH:MM", later than `open` on the same day
   * @param days - day numbers, Monday = 0
   * @throws RangeError for a malformed time or day
   * @example
   * ```ts
   * WeeklyCalendar.weekdays("09:00", "12:00", [0, 2]).openMinutesPerWeek; //=> 360
   * ```
   */
  static weekdays(open: string, close: string, days: readonly number[] = [0, 1, 2, 3, 4]): WeeklyCalendar {
    const from = parseClock(open, "open");
    const to = parseClock(close, "close");
    if (!(to > from)) throw new RangeError(`close (${close}) must be later than open (${open})`);
    const intervals = days.map((d, i): WeekInterval => {
      if (!Number.isInteger(d) || d < 0 || d > 6) {
        throw new RangeError(`days[${i}] must be an integer 0 (Monday) to 6 (Sunday), got ${d}`);
      }
      return [d * MINUTES_PER_DAY + from, d * MINUTES_PER_DAY + to];
    });
    return WeeklyCalendar.fromIntervals(intervals);
  }

  /**
   * Whether the calendar is open at time `t`.
   *
   * @param t - minutes since Monday 00:00 of week 0
   */
  isOpen(t: number): boolean {
    if (this.isAlways) return true;
    if (t >= this.spellFrom && t < this.spellUntil) return this.spellOpen;
    if (t >= this.priorFrom && t < this.priorUntil) {
      this.swapSpells();
      return this.spellOpen;
    }
    const open = this.openAt(t);
    // remembered only where the spell's ends are exact: whole weeks from t ≥ 0 well within 2^53
    if (t >= 0 && t < MEMO_LIMIT) {
      this.priorFrom = this.spellFrom;
      this.priorUntil = this.spellUntil;
      this.priorOpen = this.spellOpen;
      this.spellFrom = t;
      this.spellUntil = open ? this.closingAfter(t) : this.openingAfter(t);
      this.spellOpen = open;
    }
    return open;
  }

  /** Makes the prior spell the last one looked up, and the other way round. */
  private swapSpells(): void {
    const from = this.spellFrom;
    const until = this.spellUntil;
    const open = this.spellOpen;
    this.spellFrom = this.priorFrom;
    this.spellUntil = this.priorUntil;
    this.spellOpen = this.priorOpen;
    this.priorFrom = from;
    this.priorUntil = until;
    this.priorOpen = open;
  }

  /**
   * Whether the calendar is open throughout `[a, b)`, within one open spell (spells that run
   * on across midnight or the week's end count as one).
   *
   * @param a - start, minutes since Monday 00:00 of week 0
   * @param b - end, ≥ a
   * @example
   * ```ts
   * const office = WeeklyCalendar.weekdays("08:00", "16:00");
   * office.openThroughout(9 * 60, 15 * 60); //=> true
   * office.openThroughout(9 * 60, 17 * 60); //=> false
   * ```
   */
  openThroughout(a: number, b: number): boolean {
    if (this.isAlways) return true;
    if (!(a >= this.spellFrom && a < this.spellUntil)) {
      this.isOpen(a);
      if (!(a >= this.spellFrom && a < this.spellUntil)) return this.openAt(a) && b <= this.closingAfter(a);
    }
    return this.spellOpen && b <= this.spellUntil;
  }

  /** Whether the intervals hold `t` (no memo). */
  private openAt(t: number): boolean {
    const w = weekPosition(t);
    const i = this.lastStartAtOrBefore(w);
    return i >= 0 && w < (this.ends[i] as number);
  }

  /**
   * The first time ≥ t at which the calendar is open (t itself when open now); Infinity if
   * it is never open.
   *
   * @param t - minutes since Monday 00:00 of week 0
   */
  nextOpening(t: number): number {
    if (this.isAlways || this.isOpen(t)) return t;
    // the closed spell just looked up ends there (exactly: see spellFrom)
    return t >= this.spellFrom && t < this.spellUntil ? this.spellUntil : this.openingAfter(t);
  }

  /** The next opening after `t`, at which the calendar is closed. */
  private openingAfter(t: number): number {
    const n = this.intervals.length;
    if (n === 0) return Infinity;
    const base = t - weekPosition(t);
    const next = this.lastStartAtOrBefore(weekPosition(t)) + 1;
    if (next < n) return base + (this.starts[next] as number);
    return base + MINUTES_PER_WEEK + (this.starts[0] as number);
  }

  /**
   * The first time > t at which an open period that contains t ends, following open periods
   * that run on across midnight or the week boundary. Returns t when closed at t and
   * Infinity when open around the clock.
   *
   * @param t - minutes since Monday 00:00 of week 0
   */
  nextClosing(t: number): number {
    if (this.isAlways) return Infinity;
    if (!this.isOpen(t)) return t;
    return t >= this.spellFrom && t < this.spellUntil ? this.spellUntil : this.closingAfter(t);
  }

  /** The end of the open spell that holds `t`, at which the calendar is open. */
  private closingAfter(t: number): number {
    const n = this.intervals.length;
    let base = t - weekPosition(t);
    let i = this.lastStartAtOrBefore(weekPosition(t));
    for (;;) {
      const end = this.ends[i] as number;
      const nextIndex = (i + 1) % n;
      const nextStart = (this.starts[nextIndex] as number) + (nextIndex === 0 ? MINUTES_PER_WEEK : 0);
      if (nextStart !== end) return base + end;
      if (nextIndex === 0) base += MINUTES_PER_WEEK;
      i = nextIndex;
    }
  }

  /**
   * Open minutes in the time span `[a, b)`.
   *
   * @param a - start, minutes since Monday 00:00 of week 0
   * @param b - end, ≥ a
   */
  openMinutesBetween(a: number, b: number): number {
    if (this.isAlways) return b - a;
    return this.openMinutesBefore(b) - this.openMinutesBefore(a);
  }

  /** A readable description, for example "Monday 08:00–16:30, ...". */
  toString(): string {
    if (this.isAlways) return "always open";
    if (this.intervals.length === 0) return "never open";
    return this.intervals.map(([s, e]) => `${describe(s)}–${describe(e)}`).join(", ");
  }

  private openMinutesBefore(t: number): number {
    const w = weekPosition(t);
    const weeks = Math.round((t - w) / MINUTES_PER_WEEK);
    const i = this.lastStartAtOrBefore(w);
    let within = 0;
    if (i >= 0) within = (this.cumBefore[i] as number) + Math.min(w, this.ends[i] as number) - (this.starts[i] as number);
    return weeks * this.openMinutesPerWeek + within;
  }

  /** Index of the last interval whose start is ≤ w, or -1. */
  private lastStartAtOrBefore(w: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) <= w) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

function weekPosition(t: number): number {
  const w = t % MINUTES_PER_WEEK;
  return w < 0 ? w + MINUTES_PER_WEEK : w;
}

function parseClock(text: string, name: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!(h >= 0 && h <= 24 && min >= 0 && min < 60) || h * 60 + min > MINUTES_PER_DAY) {
    throw new RangeError(`${name} must be a time of day "HH:MM" between 00:00 and 24:00, got "${text}"`);
  }
  return h * 60 + min;
}

function describe(minuteOfWeek: number): string {
  const day = Math.min(6, Math.floor(minuteOfWeek / MINUTES_PER_DAY));
  const m = minuteOfWeek - day * MINUTES_PER_DAY;
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(Math.round(m % 60)).padStart(2, "0");
  return `${DAY_NAMES[day]} ${hh}:${mm}`;
}
