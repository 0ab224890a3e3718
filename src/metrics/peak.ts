/**
 * Peak measures: the busiest hour of the week by contacts offered, and what callers met in it,
 * beside the same figures over every hour of the window. Counted from the contact records.
 *
 * @packageDocumentation
 */
import { CHANNELS } from "../scenario/types.js";
import { Outcome } from "../model/codes.js";
import { Column } from "../model/columns.js";
import type { RunResult } from "../model/runResult.js";

const PHONE = CHANNELS.indexOf("phone");
const HOUR = 60;
const HOURS_A_WEEK = 168;

/** What callers met in one group of hours (the busiest hour of the week, or every hour). */
export interface HourFigures {
  /** Contacts offered (every contact that joined a queue, on any channel, handled or hung up) per hour. */
  readonly offeredContacts: number;
  /** Different needs that called (phone attempts of one need in one clock hour count once) per hour. */
  readonly uniqueCallers: number;
  /** Phone attempts that hung up in the queue ÷ phone attempts. */
  readonly callAbandonment: number;
  /** Mean wait of answered phone attempts, in minutes. */
  readonly phoneWaitMinutes: number;
}

/** The busiest hour of the week and its figures. */
export interface PeakHour extends HourFigures {
  /** Hour of the week with the most contacts offered over the window: 0 = Monday 00:00–01:00, 167 = Sunday 23:00–24:00. */
  readonly hourOfWeek: number;
}

/**
 * The busiest hour of the week in a run (by contacts offered, over every week of the
 * measurement window; the earliest hour on a tie) with its figures per occurrence of that hour,
 * and the same figures over every hour of the window.
 *
 * @param run - the result of `simulate`
 * @returns the peak hour and the window's figures per hour
 * @example
 * ```ts
 * const { peak, allHours } = peakHour(simulate(loadScenario("teaching"), policies.minutes));
 * peak.offeredContacts >= allHours.offeredContacts; //=> true
 * ```
 */
export function peakHour(run: RunResult): { readonly peak: PeakHour; readonly allHours: HourFigures } {
  const c = run.contacts;
  const offered = new Float64Array(HOURS_A_WEEK);
  const maxNeed = offeredByHour(c, offered);
  let peak = 0;
  for (let h = 1; h < HOURS_A_WEEK; h++) if ((offered[h] as number) > (offered[peak] as number)) peak = h;
  // the clock hours of the window: each occurrence of an hour of the week
  const firstHour = Math.floor(run.warmupMinutes / HOUR);
  const endHour = Math.ceil(run.horizonMinutes / HOUR);
  const hours = endHour - firstHour;
  const occurrences = occurrencesOf(peak, firstHour, endHour);
  const all = new Tally();
  const top = new Tally();
  // a need calling several times in one clock hour is one caller in that hour
  tallyCalls(c, peak, maxNeed + 1, all, top);
  return { peak: { hourOfWeek: peak, ...top.figures(occurrences) }, allHours: all.figures(hours) };
}

/**
 * Counts the contacts offered in each hour of the week into `offered`; returns the largest need
 * id. The loops of {@link peakHour} are functions of their own, and nothing but the loop: each
 * runs once per run, so V8 compiles it while the loop runs, and a small function compiles fast
 * (bench/README.md, "Summaries compiled on every thread").
 */
function offeredByHour(c: RunResult["contacts"], offered: Float64Array): number {
  const { time, need } = c;
  let maxNeed = 0;
  for (let i = 0; i < c.length; i++) {
    const h = Math.floor((time[i] as number) / HOUR) % HOURS_A_WEEK;
    offered[h] = (offered[h] as number) + 1;
    if ((need[i] as number) > maxNeed) maxNeed = need[i] as number;
  }
  return maxNeed;
}

/** How many clock hours from `firstHour` (inclusive) to `endHour` (exclusive) fall on hour `hour` of the week. */
function occurrencesOf(hour: number, firstHour: number, endHour: number): number {
  let occurrences = 0;
  for (let a = firstHour; a < endHour; a++) if (a % HOURS_A_WEEK === hour) occurrences++;
  return occurrences;
}

/** Tallies every contact into `all`, and those in the peak hour of the week into `top`; phone calls by their (clock hour, need) key, so a need calling several times in one clock hour is one caller in that hour. */
function tallyCalls(c: RunResult["contacts"], peak: number, stride: number, all: Tally, top: Tally): void {
  const { time, need, channel, outcome, wait } = c;
  for (let i = 0; i < c.length; i++) {
    const a = Math.floor((time[i] as number) / HOUR);
    const inPeak = a % HOURS_A_WEEK === peak;
    if (inPeak) top.offered++;
    all.offered++;
    if (channel[i] !== PHONE) continue;
    const key = a * stride + (need[i] as number);
    const abandoned = outcome[i] === Outcome.abandoned;
    const w = wait[i] as number;
    all.call(key, abandoned, w);
    if (inPeak) top.call(key, abandoned, w);
  }
}

/** Counts of one group of hours. */
class Tally {
  offered = 0;
  calls = 0;
  hungUp = 0;
  answeredWait = 0;
  /** Each call's (clock hour, need) key; the different keys are counted at the end. */
  private readonly keys = new Column(1024);

  call(key: number, abandoned: boolean, wait: number): void {
    this.calls++;
    this.keys.push(key);
    if (abandoned) this.hungUp++;
    else this.answeredWait += wait;
  }

  /** The number of different keys: sorted as a typed array (numerically, no comparator), then counted. */
  private callers(): number {
    const sorted = this.keys.toArray().sort();
    let different = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) different++;
    return different;
  }

  figures(hours: number): HourFigures {
    const answered = this.calls - this.hungUp;
    return {
      offeredContacts: hours > 0 ? this.offered / hours : 0,
      uniqueCallers: hours > 0 ? this.callers() / hours : 0,
      callAbandonment: this.calls > 0 ? this.hungUp / this.calls : 0,
      phoneWaitMinutes: answered > 0 ? this.answeredWait / answered : 0,
    };
  }
}
