/**
 * Reading the run's journal: rows grouped per need in time order, one row as a plain event, and
 * the origin of failure-demand contacts looked up in the contact records.
 *
 * @packageDocumentation
 */
import { JournalEvent, Reason, type RunResult } from "../model/index.js";

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
  };
}

/**
 * The origin of each failure-demand contact in the contact records, keyed by need, time and
 * reason. Contact records cover the measured window only, so contacts after the horizon are
 * missing (see {@link contactOrigin} for the fallback).
 *
 * @param run - the run
 * @returns key → origin team index
 * @example
 * ```ts
 * const origins = contactOrigins(run);
 * ```
 */
export function contactOrigins(run: RunResult): Map<string, number> {
  const c = run.contacts;
  const out = new Map<string, number>();
  for (let i = 0; i < c.length; i++) {
    const origin = c.origin[i] as number;
    if (origin >= 0) out.set(`${c.need[i]}:${c.time[i]}:${c.reason[i]}`, origin);
  }
  return out;
}

/**
 * Where the failure behind a contact of a journey arose: from the contact records when the
 * contact is in them; otherwise inferred from the journey as the model decides it (a repeat or
 * a wrong place goes back to the front line of the contact before, a reopening or "not done
 * right" to the team that closed the case, a chase or complaint is not inferred).
 *
 * @param origins - from {@link contactOrigins}
 * @param need - the need id
 * @param events - the journey's events in time order
 * @param k - index of the contact in `events`
 * @returns a team index, or -1
 * @example
 * ```ts
 * contactOrigin(contactOrigins(run), 12, events, 3); //=> 0
 * ```
 */
export function contactOrigin(origins: ReadonlyMap<string, number>, need: number, events: readonly RawEvent[], k: number): number {
  const e = events[k] as RawEvent;
  const found = origins.get(`${need}:${e.time}:${e.reason}`);
  if (found !== undefined) return found;
  const lastBefore = (code: number) => {
    for (let i = k - 1; i >= 0; i--) if ((events[i] as RawEvent).code === code) return (events[i] as RawEvent).team;
    return -1;
  };
  switch (e.reason) {
    case Reason.repeatUnresolved:
    case Reason.wrongPlace:
      return lastBefore(JournalEvent.contact);
    case Reason.reopened:
    case Reason.notDoneRight:
      return lastBefore(JournalEvent.closed);
    default:
      return -1;
  }
}
