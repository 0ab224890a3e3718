/**
 * The system over time: a run's measures per week, day or hour of the measurement window
 * [warmup, horizon). Counts come from the records (needs by their arrival, contacts by the time
 * they joined a queue); needs met or given up are counted when it happens; the backlog and the
 * teams' queues and utilisation are read at each period's end without touching the teams'
 * running sums, so recording them changes no other figure of the run.
 *
 * @packageDocumentation
 */
import { NeedStatus, Outcome } from "./codes.js";
import type { ContactRecords, NeedRecords } from "./runResult.js";

/** The length of a period of the series. */
export type SeriesPeriod = "week" | "day" | "hour";

/**
 * The periods a series can have, longest first.
 *
 * @example
 * ```ts
 * SERIES_PERIODS; //=> ["week", "day", "hour"]
 * ```
 */
export const SERIES_PERIODS: readonly SeriesPeriod[] = ["week", "day", "hour"];

/**
 * Minutes in each period.
 *
 * @example
 * ```ts
 * PERIOD_MINUTES.week; //=> 10080
 * ```
 */
export const PERIOD_MINUTES: Readonly<Record<SeriesPeriod, number>> = { week: 10080, day: 1440, hour: 60 };

/**
 * The measures of one run per period, as columns. Periods follow the calendar from time 0
 * (Monday 00:00): week k is [k·10,080, (k+1)·10,080) minutes. The first period starts at the
 * warm-up's end and the last ends at the horizon, so either may be a part of a period when the
 * window does not fall on period boundaries. Definitions: docs/metrics.md, "Over time".
 */
export interface RunSeries {
  readonly period: SeriesPeriod;
  /** Start of each period, minutes from the start of the run. */
  readonly start: Float64Array;
  /** End of each period (the next one's start; the horizon for the last). */
  readonly end: Float64Array;
  /**
   * One column per series, each with one value per period: `arrived`, `valueDemand`,
   * `failureDemand`, `contacts`, `failureDemandShare`, `openNeeds`, `resolved`, `abandoned`,
   * `endToEndDays`, `internalClockTargetMetShare` (only when a service's internal clock has a
   * target), then `queueLength.<team id>` and `utilisation.<team id>` for every scenario
   * team (members of a pooled case-owner team share its figures).
   */
  readonly values: Readonly<Record<string, Float64Array>>;
}

/**
 * The boundaries of the periods of a window: the warm-up's end, every multiple of the period
 * inside the window, and the horizon.
 *
 * @param warmup - start of the window (minutes)
 * @param horizon - end of the window (minutes)
 * @param periodMinutes - the period's length
 * @returns P + 1 boundaries for P periods
 * @example
 * ```ts
 * Array.from(seriesBounds(1440, 3 * 1440 + 60, 1440)); //=> [1440, 2880, 4320, 4380]
 * ```
 */
export function seriesBounds(warmup: number, horizon: number, periodMinutes: number): Float64Array {
  const out = [warmup];
  for (let k = Math.floor(warmup / periodMinutes) + 1; k * periodMinutes < horizon; k++) out.push(k * periodMinutes);
  out.push(horizon);
  return Float64Array.from(out);
}

/**
 * Running sums of a team read at a period boundary, in this order: busy time, available time
 * (capacity + overtime), the time-integral of the queue, the time elapsed.
 */
const BUSY = 0;
const AVAILABLE = 1;
const QUEUE_AREA = 2;
const ELAPSED = 3;
const SUMS = 4;

/**
 * Collects a run's series while it runs. Internal to the model.
 *
 * @example
 * ```ts
 * const s = new SeriesTracker("day", 0, 2880, 1);
 * s.ended(1, 100, 40);
 * s.periods; //=> 2
 * ```
 */
export class SeriesTracker {
  readonly bounds: Float64Array;
  readonly periods: number;
  private readonly minutes: number;
  private readonly first: number;
  private readonly resolved: Float64Array;
  private readonly endToEndSum: Float64Array;
  private readonly abandoned: Float64Array;
  private readonly open: Float64Array;
  /** Cases whose internal clock stopped in the period, and those of them that met its target. */
  private readonly clockStopped: Float64Array;
  private readonly clockMet: Float64Array;
  /** Per boundary and planned team: busy time, available time, queue area, elapsed (0 at the warm-up's end). */
  private readonly sums: Float64Array;

  /**
   * @param period - the period
   * @param warmup - start of the window (minutes)
   * @param horizon - end of the window (minutes)
   * @param teams - planned teams of the run
   * @param clockTargets - whether any service's internal clock has a target (then the series
   *   `internalClockTargetMetShare` is kept)
   */
  constructor(
    readonly period: SeriesPeriod,
    private readonly warmup: number,
    private readonly horizon: number,
    private readonly teams: number,
    private readonly clockTargets = false,
  ) {
    this.minutes = PERIOD_MINUTES[period];
    this.bounds = seriesBounds(warmup, horizon, this.minutes);
    this.periods = this.bounds.length - 1;
    this.first = Math.floor(warmup / this.minutes);
    this.resolved = new Float64Array(this.periods);
    this.endToEndSum = new Float64Array(this.periods);
    this.abandoned = new Float64Array(this.periods);
    this.open = new Float64Array(this.periods);
    this.clockStopped = new Float64Array(clockTargets ? this.periods : 0);
    this.clockMet = new Float64Array(clockTargets ? this.periods : 0);
    this.sums = new Float64Array((this.periods + 1) * teams * SUMS);
  }

  /** The period of a time in the window. */
  private periodOf(t: number): number {
    return Math.floor(t / this.minutes) - this.first;
  }

  /** A need was met or given up at `now` (whatever its cohort). */
  ended(status: number, now: number, arrival: number): void {
    if (now < this.warmup || now >= this.horizon) return;
    const p = this.periodOf(now);
    if (status === NeedStatus.resolved) {
      this.resolved[p] = (this.resolved[p] as number) + 1;
      this.endToEndSum[p] = (this.endToEndSum[p] as number) + (now - arrival);
    } else this.abandoned[p] = (this.abandoned[p] as number) + 1;
  }

  /**
   * A case's internal clock with a target stopped at `now` (whatever its cohort); `met` when
   * within the target.
   */
  clockStop(met: boolean, now: number): void {
    if (!this.clockTargets || now < this.warmup || now >= this.horizon) return;
    const p = this.periodOf(now);
    this.clockStopped[p] = (this.clockStopped[p] as number) + 1;
    if (met) this.clockMet[p] = (this.clockMet[p] as number) + 1;
  }

  /**
   * The end of period `i − 1` (boundary `i`, from 1): the needs alive and every team's
   * running sums since the warm-up's end, which `read(team, out, at)` writes at `out[at…at+3]`
   * (busy time, available time, the queue's time-integral, time elapsed).
   */
  mark(i: number, live: number, read: (team: number, out: Float64Array, at: number) => void): void {
    this.open[i - 1] = live;
    for (let j = 0; j < this.teams; j++) read(j, this.sums, (i * this.teams + j) * SUMS);
  }

  /**
   * Counts the needs arrived in each period into `arrived`. The loops over the records are
   * methods of their own, and nothing but the loop: called once per run, each is compiled by V8
   * while its loop runs, and a small function compiles fast on every thread (bench/README.md,
   * "Summaries compiled on every thread").
   */
  private countArrivals(needs: NeedRecords, arrived: Float64Array): void {
    const arrival = needs.arrival;
    for (let i = 0; i < needs.length; i++) {
      const p = this.periodOf(arrival[i] as number);
      arrived[p] = (arrived[p] as number) + 1;
    }
  }

  /** Counts the contacts offered in each period, and the handled ones as value or failure demand. */
  private countContacts(contacts: ContactRecords, value: Float64Array, failure: Float64Array, offered: Float64Array): void {
    const { time, outcome, reason } = contacts;
    for (let i = 0; i < contacts.length; i++) {
      const p = this.periodOf(time[i] as number);
      offered[p] = (offered[p] as number) + 1;
      if (outcome[i] === Outcome.abandoned) continue;
      if ((reason[i] as number) > 0) failure[p] = (failure[p] as number) + 1;
      else value[p] = (value[p] as number) + 1;
    }
  }

  /**
   * The finished series.
   *
   * @param needs - the cohort's records
   * @param contacts - the window's contact records
   * @param teamIds - scenario team ids in order
   * @param teamOf - for each scenario team, the planned team it ran in
   */
  build(needs: NeedRecords, contacts: ContactRecords, teamIds: readonly string[], teamOf: readonly number[]): RunSeries {
    const P = this.periods;
    const arrived = new Float64Array(P);
    this.countArrivals(needs, arrived);
    const value = new Float64Array(P);
    const failure = new Float64Array(P);
    const offered = new Float64Array(P);
    this.countContacts(contacts, value, failure, offered);
    const share = new Float64Array(P);
    const endToEnd = new Float64Array(P);
    for (let p = 0; p < P; p++) {
      const handled = (value[p] as number) + (failure[p] as number);
      share[p] = handled > 0 ? (failure[p] as number) / handled : 0;
      const n = this.resolved[p] as number;
      endToEnd[p] = n > 0 ? (this.endToEndSum[p] as number) / n / 1440 : 0;
    }
    const values: Record<string, Float64Array> = {
      arrived,
      valueDemand: value,
      failureDemand: failure,
      contacts: offered,
      failureDemandShare: share,
      openNeeds: this.open.slice(),
      resolved: this.resolved.slice(),
      abandoned: this.abandoned.slice(),
      endToEndDays: endToEnd,
    };
    if (this.clockTargets) {
      const met = new Float64Array(P);
      for (let p = 0; p < P; p++) {
        const n = this.clockStopped[p] as number;
        met[p] = n > 0 ? (this.clockMet[p] as number) / n : 0;
      }
      values["internalClockTargetMetShare"] = met;
    }
    const queue = Array.from({ length: this.teams }, () => new Float64Array(P));
    const use = Array.from({ length: this.teams }, () => new Float64Array(P));
    for (let j = 0; j < this.teams; j++) {
      for (let p = 0; p < P; p++) {
        const a = (p * this.teams + j) * SUMS;
        const b = ((p + 1) * this.teams + j) * SUMS;
        const d = (k: number) => (this.sums[b + k] as number) - (this.sums[a + k] as number);
        const available = d(AVAILABLE);
        const elapsed = d(ELAPSED);
        (use[j] as Float64Array)[p] = available > 0 ? Math.min(1, Math.max(0, d(BUSY) / available)) : 0;
        (queue[j] as Float64Array)[p] = elapsed > 0 ? Math.max(0, d(QUEUE_AREA) / elapsed) : 0;
      }
    }
    teamIds.forEach((id, k) => (values[`queueLength.${id}`] = (queue[teamOf[k] as number] as Float64Array).slice()));
    teamIds.forEach((id, k) => (values[`utilisation.${id}`] = (use[teamOf[k] as number] as Float64Array).slice()));
    return { period: this.period, start: this.bounds.slice(0, P), end: this.bounds.slice(1), values };
  }
}
