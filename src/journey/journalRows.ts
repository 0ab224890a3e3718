/**
 * Reading the run's journal: rows grouped per need in time order, and one row as a plain event
 * (with the origin of a failure-demand contact and the case step of work, as the model wrote them).
 *
 * @packageDocumentation
 */
import type { RunResult } from "../model/index.js";

/** One journal row as plain numbers (codes as in `model/codes.ts` and `model/journal.ts`). */
export interface RawEvent {
  readonly code: number;
  readonly time: number;
  /** Planned team index (into RunResult.teams), or -1. */
  readonly team: number;
  readonly channel: number;
  readonly reason: number;
  readonly wait: number;
  readonly minutes: number;
  readonly failure: number;
  readonly detail: number;
  /** For a failure-demand contact: the planned team where its failure or wait arose; else -1. */
  readonly origin: number;
  /** The case step (index into RunResult.serviceSteps[service]) of work, a hand-off or an outside wait; else -1. */
  readonly step: number;
  /** For a failure-demand contact: the mechanism that caused it (a `Cause` code); else 0. */
  readonly cause: number;
}

/**
 * The journal's rows grouped by need, each group in time order (ties keep the order the rows
 * were written, which is the order events happened).
 *
 * @param run - a run
 * @returns need id → row indices, needs in order of their first row
 * @example
 * ```ts
 * const rows = journalRowsByNeed(run);
 * ```
 */
export function journalRowsByNeed(run: RunResult): Map<number, number[]> {
  const j = run.journal;
  const byNeed = new Map<number, number[]>();
  for (let i = 0; i < j.length; i++) {
    const need = j.need[i] as number;
    const list = byNeed.get(need);
    if (list === undefined) byNeed.set(need, [i]);
    else list.push(i);
  }
  for (const list of byNeed.values()) list.sort((a, b) => (j.time[a] as number) - (j.time[b] as number) || a - b);
  return byNeed;
}

/**
 * One journal row as a plain event.
 *
 * @param run - the run
 * @param row - the row index
 * @returns the event
 * @example
 * ```ts
 * rawEvent(run, 0).code; //=> JournalEvent.arose
 * ```
 */
export function rawEvent(run: RunResult, row: number): RawEvent {
  const j = run.journal;
  return {
    code: j.event[row] as number,
    time: j.time[row] as number,
    team: j.team[row] as number,
    channel: j.channel[row] as number,
    reason: j.reason[row] as number,
    wait: j.wait[row] as number,
    minutes: j.minutes[row] as number,
    failure: j.failure[row] as number,
    detail: j.detail[row] as number,
    origin: j.origin[row] as number,
    step: j.step[row] as number,
    cause: j.cause[row] as number,
  };
}
