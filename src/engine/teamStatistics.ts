import { primeFractions } from "./shape.js";
import { WeeklyCalendar } from "./weeklyCalendar.js";

/** A team's statistics over a period (from the start or the last reset to now). */
export interface TeamStats {
  readonly name: string;
  readonly servers: number;
  /** Length of the period. */
  readonly elapsed: number;
  /** Open time in the period (by the opening hours: any server open; absence aside). */
  readonly openTime: number;
  /**
   * Server time available in the period: each server's open time (by its own hours), added
   * up, less the open time it was absent ({@link TeamStats.absentTime}).
   */
  readonly capacityTime: number;
  /**
   * Server time lost to absence in the period: each server's open time (by its own hours)
   * while absent ({@link Team.setAbsent}), added up; spells that began before the period or
   * are still running count for their part inside it.
   */
  readonly absentTime: number;
  readonly arrivals: number;
  readonly started: number;
  readonly completed: number;
  readonly reneged: number;
  /** Waiting now. */
  readonly queueLength: number;
  /** Waiting when the period started. */
  readonly queueAtStart: number;
  /** Working now. */
  readonly busy: number;
  readonly maxQueueLength: number;
  /** Time-average number waiting. */
  readonly meanQueueLength: number;
  /** Time-average number of servers working. */
  readonly meanBusy: number;
  /** Server time spent working in the period. */
  readonly busyTime: number;
  /**
   * Server time spent working outside capacity: while the server's own hours were closed, or
   * while it was absent (finishing the work in hand it had when its absence began).
   */
  readonly overtime: number;
  /**
   * busyTime ÷ (capacityTime + overtime): the share of the available capacity that was
   * used, in [0, 1]; 0 when no capacity was available. Every minute of work falls either in
   * capacity (a present server in its own open hours) or in overtime, so the ratio never
   * exceeds 1, and it measures present staff only.
   */
  readonly utilisation: number;
  /** Mean wait of the entities whose service started. */
  readonly meanWait: number;
  /** Sample variance of those waits. */
  readonly waitVariance: number;
  /** Mean time in line of every entity that left the line (started or reneged). */
  readonly meanTimeInLine: number;
}

/** The fields of {@link TeamStatistics} that hold times and areas (fractional numbers; see engine/shape.ts). */
const STATISTICS_FRACTIONS = ["waitSum", "waitSumSq", "renegeWaitSum", "lastT", "startT", "queueArea", "busyArea", "overtimeArea", "absentArea"];

/**
 * Counters and time-weighted integrals behind {@link TeamStats}. Internal to the engine.
 *
 * @example
 * ```ts
 * const st = new TeamStatistics(0, [WeeklyCalendar.always()], new Uint8Array(1));
 * st.update(10, 0, 1); // nobody waited, 1 server idle for 10
 * st.snapshot(20, "desk", 0, 1).meanBusy; //=> 0.5
 * ```
 */
export class TeamStatistics {
  arrivals = 0;
  completed = 0;
  private started = 0;
  private reneged = 0;
  private waitSum = 0;
  private waitSumSq = 0;
  private renegeWaitSum = 0;
  private maxQueue = 0;
  private queueAtStart = 0;
  // numbers from the start (not declared bare, which defines them as undefined first): V8 then
  // keeps a double field's value in place instead of allocating a new number at every update
  private lastT = 0;
  private readonly always: boolean;
  private readonly uniform: boolean;
  private readonly servers: number;
  private startT = 0;
  private queueArea = 0;
  private busyArea = 0;
  private overtimeArea = 0;
  /** Servers busy while absent (finishing their work in hand); the team keeps it up to date. */
  private absentBusy = 0;
  private absentNow = 0;
  /** When each server's absence began; NaN while present. */
  private readonly absentSince: Float64Array;
  /** Open time lost to absence spells that ended in the period (their part inside it). */
  private absentArea = 0;
  /**
   * A stretch of one open spell of the team's hours (one calendar for all servers), from a time
   * the spell was seen open to the spell's end, below {@link EXACT_SPAN}: an update from within
   * it to within it has no overtime, so {@link TeamStatistics.update} skips the calendar (and
   * the call that would box its times). Empty until the first such update.
   */
  private openFrom = Infinity;
  private openUntil = -Infinity;

  /**
   * @param now - start of the first period
   * @param calendars - each server's opening hours
   * @param busyFlags - the team's flags of busy servers (read, never written here)
   */
  constructor(
    now: number,
    private readonly calendars: readonly WeeklyCalendar[],
    private readonly busyFlags: Uint8Array,
  ) {
    this.lastT = now;
    this.startT = now;
    this.servers = calendars.length;
    this.uniform = calendars.every((c) => c === calendars[0]);
    this.always = this.uniform && (calendars[0]?.isAlways ?? true);
    this.absentSince = new Float64Array(this.servers).fill(NaN);
    primeFractions(this, STATISTICS_FRACTIONS);
  }

  /**
   * Integrates the queue and busy signals up to `now`, given their values since the last
   * update; call it before every change.
   */
  update(now: number, queue: number, busy: number): void {
    const dt = now - this.lastT;
    if (dt > 0) {
      this.queueArea += queue * dt;
      this.busyArea += busy * dt;
      // overtime only where some server is busy and the team has hours or absences, and not
      // from within the open spell remembered to within it with nobody absent and busy (that
      // test in line: as a call that V8 did not inline, it boxed the time); the rest out of line,
      // so that V8's inlining budget goes to the common path of the team's events
      if (busy > 0 && (this.absentBusy > 0 || !this.always) && !(this.absentBusy === 0 && this.lastT >= this.openFrom && now <= this.openUntil)) {
        this.addOvertime(now, dt, busy);
      }
      this.lastT = now;
    }
  }

  /** Adds the overtime of the last `dt` up to `now` (before `lastT` moves to `now`). */
  private addOvertime(now: number, dt: number, busy: number): void {
    if (this.absentBusy > 0) {
      this.overtimeArea += this.overtimeWithAbsence(now, dt, busy);
      return;
    }
    // within one open spell there is no overtime: closedPart would drop the sum's rounding
    // noise anyway (well below its 1e-6 at times below EXACT_SPAN), so skip the sum
    const lastT = this.lastT;
    const within = now < EXACT_SPAN;
    if (this.uniform) {
      const calendar = this.calendars[0]!;
      if (!(within && calendar.openThroughout(lastT, now))) this.overtimeArea += busy * closedPart(dt, calendar.openMinutesBetween(lastT, now));
      else this.rememberOpen(lastT, calendar.nextClosing(lastT));
    } else {
      for (let k = 0; k < this.servers; k++) {
        const calendar = this.calendars[k]!;
        if (this.busyFlags[k] === 1 && !(within && calendar.openThroughout(lastT, now))) this.overtimeArea += closedPart(dt, calendar.openMinutesBetween(lastT, now));
      }
    }
  }

  /** Remembers that the hours are open from `from` to `until`, the end of that spell (see {@link TeamStatistics.openFrom}). */
  private rememberOpen(from: number, until: number): void {
    if (!(until < EXACT_SPAN)) return;
    this.openFrom = from;
    this.openUntil = until;
  }

  /** Overtime in the last `dt` up to `now` while some busy server is absent: all its work is overtime. */
  private overtimeWithAbsence(now: number, dt: number, busy: number): number {
    if (this.uniform) {
      const present = busy - this.absentBusy;
      const closed = present > 0 && !this.always ? present * closedPart(dt, this.calendars[0]!.openMinutesBetween(this.lastT, now)) : 0;
      return this.absentBusy * dt + closed;
    }
    let sum = 0;
    for (let k = 0; k < this.servers; k++) {
      if (this.busyFlags[k] !== 1) continue;
      sum += Number.isNaN(this.absentSince[k]) ? closedPart(dt, this.calendars[k]!.openMinutesBetween(this.lastT, now)) : dt;
    }
    return sum;
  }

  /** Records that `server` is absent from `now` on; call {@link TeamStatistics.update} first. */
  absenceStarted(server: number, now: number, busy: boolean): void {
    this.absentSince[server] = now;
    this.absentNow++;
    if (busy) this.absentBusy++;
  }

  /** Records that `server` is back at `now`; call {@link TeamStatistics.update} first. */
  absenceEnded(server: number, now: number, busy: boolean): void {
    this.absentArea += this.lostSince(server, now);
    this.absentSince[server] = NaN;
    this.absentNow--;
    if (busy) this.absentBusy--;
  }

  /** Records that an absent server finished its work in hand; call {@link TeamStatistics.update} first. */
  absentServerDone(): void {
    this.absentBusy--;
  }

  /** Open time of `server` lost to its running absence, within the period, up to `now`. */
  private lostSince(server: number, now: number): number {
    const from = Math.max(this.absentSince[server] as number, this.startT);
    return from < now ? this.calendars[server]!.openMinutesBetween(from, now) : 0;
  }

  /** Open time lost to absence in the period up to `now`, running spells included. */
  private absentTime(now: number): number {
    let lost = this.absentArea;
    if (this.absentNow > 0) {
      for (let k = 0; k < this.servers; k++) if (!Number.isNaN(this.absentSince[k])) lost += this.lostSince(k, now);
    }
    return lost;
  }

  /** Records a queue length, for the maximum. */
  noteQueue(queue: number): void {
    if (queue > this.maxQueue) this.maxQueue = queue;
  }

  /** Records a service start after `waited`. */
  noteStart(waited: number): void {
    this.started++;
    this.waitSum += waited;
    this.waitSumSq += waited * waited;
  }

  /** Records an entity that left the line after `waited`. */
  noteRenege(waited: number): void {
    this.reneged++;
    this.renegeWaitSum += waited;
  }

  /** Starts a new period at `now` with the current queue and busy servers. */
  reset(now: number, queue: number, busy: number): void {
    this.update(now, queue, busy);
    this.arrivals = 0;
    this.completed = 0;
    this.started = 0;
    this.reneged = 0;
    this.waitSum = 0;
    this.waitSumSq = 0;
    this.renegeWaitSum = 0;
    this.maxQueue = queue;
    this.queueAtStart = queue;
    this.queueArea = 0;
    this.busyArea = 0;
    this.overtimeArea = 0;
    this.absentArea = 0; // running spells count from the new start on
    this.startT = now;
  }

  private unionOpen(now: number): number {
    const distinct = [...new Set(this.calendars)];
    const all = distinct.flatMap((c) => c.intervals);
    return WeeklyCalendar.fromIntervals(all).openMinutesBetween(this.startT, now);
  }

  /**
   * The statistics of the period up to `now`, as {@link TeamStatistics.snapshot} gives them,
   * without integrating up to `now`: the running sums are left exactly as they were, so taking
   * a look between changes does not alter a later snapshot by one bit (a split integral would
   * round differently).
   */
  peek(now: number, name: string, queue: number, busy: number): TeamStats {
    const lastT = this.lastT;
    const queueArea = this.queueArea;
    const busyArea = this.busyArea;
    const overtimeArea = this.overtimeArea;
    const stats = this.snapshot(now, name, queue, busy);
    this.lastT = lastT;
    this.queueArea = queueArea;
    this.busyArea = busyArea;
    this.overtimeArea = overtimeArea;
    return stats;
  }

  /**
   * Four running sums of the period up to `now`, written to `out[at…at+3]`: busy time, available
   * time (capacity + overtime, as in {@link TeamStats.utilisation}), the time-integral of the
   * queue and the time elapsed. Like {@link TeamStatistics.peek} it leaves the sums as they
   * were, and it builds no statistics object: cheap enough to call every simulated hour.
   */
  sumsInto(now: number, queue: number, busy: number, out: Float64Array, at: number): void {
    const lastT = this.lastT;
    const queueArea = this.queueArea;
    const busyArea = this.busyArea;
    const overtimeArea = this.overtimeArea;
    this.update(now, queue, busy);
    const scheduled = this.uniform ? this.servers * this.calendars[0]!.openMinutesBetween(this.startT, now) : this.calendars.reduce((a, c) => a + c.openMinutesBetween(this.startT, now), 0);
    const absentTime = this.absentTime(now);
    const capacityTime = absentTime > 0 ? Math.max(0, scheduled - absentTime) : scheduled;
    out[at] = this.busyArea;
    out[at + 1] = capacityTime + this.overtimeArea;
    out[at + 2] = this.queueArea;
    out[at + 3] = now - this.startT;
    this.lastT = lastT;
    this.queueArea = queueArea;
    this.busyArea = busyArea;
    this.overtimeArea = overtimeArea;
  }

  /** The statistics of the period up to `now`. */
  snapshot(now: number, name: string, queue: number, busy: number): TeamStats {
    this.update(now, queue, busy);
    const elapsed = now - this.startT;
    const first = this.calendars[0]!;
    const openTime = this.uniform ? first.openMinutesBetween(this.startT, now) : this.unionOpen(now);
    const scheduled = this.uniform ? this.servers * openTime : this.calendars.reduce((a, c) => a + c.openMinutesBetween(this.startT, now), 0);
    const absentTime = this.absentTime(now);
    const capacityTime = absentTime > 0 ? Math.max(0, scheduled - absentTime) : scheduled;
    const capacity = capacityTime + this.overtimeArea;
    const n = this.started;
    const meanWait = n > 0 ? this.waitSum / n : 0;
    const left = n + this.reneged;
    return {
      name,
      servers: this.servers,
      elapsed,
      openTime,
      capacityTime,
      absentTime,
      arrivals: this.arrivals,
      started: n,
      completed: this.completed,
      reneged: this.reneged,
      queueLength: queue,
      queueAtStart: this.queueAtStart,
      busy,
      maxQueueLength: this.maxQueue,
      meanQueueLength: elapsed > 0 ? this.queueArea / elapsed : queue,
      meanBusy: elapsed > 0 ? this.busyArea / elapsed : busy,
      busyTime: this.busyArea,
      overtime: this.overtimeArea,
      utilisation: capacity > 0 ? Math.min(1, this.busyArea / capacity) : 0,
      meanWait,
      waitVariance: n > 1 ? Math.max(0, (this.waitSumSq - n * meanWait * meanWait) / (n - 1)) : 0,
      meanTimeInLine: left > 0 ? (this.waitSum + this.renegeWaitSum) / left : 0,
    };
  }
}

/**
 * The closed part of an interval of length dt with `open` minutes open. Differences below a
 * microsecond-scale tolerance are rounding noise of times around 10⁵–10⁶ minutes, not overtime.
 */
/**
 * Times (minutes) below which an open spell's open minutes, summed from the calendar's weeks and
 * intervals, differ from its length by far less than {@link closedPart}'s 1e-6: 10^8 minutes,
 * about 190 years (test/engine/weeklyCalendar.test.ts checks it).
 */
const EXACT_SPAN = 1e8;

function closedPart(dt: number, open: number): number {
  const closed = dt - open;
  return closed > 1e-6 ? closed : 0;
}
