/**
 * Splitting a need's end-to-end time into segments, each attributed to the touchpoint where it
 * arose. The need's main flow is sequential (its own contacts, hand-offs, the work on it, waits
 * for the citizen or outsiders); side events running alongside (chases, letter questions, chase
 * notes, updates, complaints) are left out. Walking the main flow with a cursor from arrival to
 * end tiles the interval, so the segments add up to the end-to-end time exactly.
 *
 * @packageDocumentation
 */
import { JournalEvent, Reason, Task } from "../model/index.js";
import type { RawEvent } from "./journalRows.js";
import type { SegmentKind } from "./types.js";

/** A segment before names are attached: `team` is a planned team index, or -1. */
export interface RawSegment {
  readonly phase: "before" | "during";
  readonly kind: SegmentKind;
  readonly team: number;
  readonly minutes: number;
  readonly event: number;
}

const MAIN_CONTACT = new Set<number>([Reason.firstRequest, Reason.repeatUnresolved, Reason.wrongPlace, Reason.reopened, Reason.notDoneRight]);
const MAIN_WORK = new Set<number>([Task.step, Task.callback, Task.consult, Task.clarify, Task.misroute, Task.confirm, Task.rework]);

/**
 * Whether an event carries the need's main flow (as opposed to a side event such as a chase).
 *
 * @param e - the event
 * @returns true for own contacts, main work, citizen and outsider waits
 * @example
 * ```ts
 * isMainFlow({ ...e, code: JournalEvent.handoff }); //=> false (a marker: it takes no time)
 * ```
 */
export function isMainFlow(e: RawEvent): boolean {
  switch (e.code) {
    case JournalEvent.contact:
      return MAIN_CONTACT.has(e.reason);
    case JournalEvent.work:
      return MAIN_WORK.has(e.detail);
    case JournalEvent.citizenWait:
    case JournalEvent.externalWait:
      return true;
    default:
      return false;
  }
}

/**
 * The first moment the citizen is in touch: the first contact, hand-off, piece of work or wait.
 *
 * @param events - the journey in time order
 * @returns the time, or Infinity if the citizen never got in touch (self-service)
 * @example
 * ```ts
 * firstTouch(events); //=> 93422.9
 * ```
 */
export function firstTouch(events: readonly RawEvent[]): number {
  for (const e of events) {
    if (e.code === JournalEvent.contact || e.code === JournalEvent.handoff || e.code === JournalEvent.work) return e.time;
    if (e.code === JournalEvent.citizenWait || e.code === JournalEvent.externalWait) return e.time;
  }
  return Infinity;
}

/**
 * The segments of an ended need's end-to-end time.
 *
 * @param events - the journey in time order
 * @param arrival - when the need arose
 * @param end - when it was met or given up
 * @param awayTeam - per event: for a contact, the team the time before it is attributed to
 * @returns segments whose minutes add up to end − arrival
 * @example
 * ```ts
 * splitEndToEnd(events, 0, 600, awayTeam).reduce((s, x) => s + x.minutes, 0); //=> 600
 * ```
 */
export function splitEndToEnd(events: readonly RawEvent[], arrival: number, end: number, awayTeam: readonly number[]): RawSegment[] {
  const out: RawSegment[] = [];
  const touch = Math.min(firstTouch(events), end);
  const firstIndex = Math.max(0, events.findIndex((e) => e.time >= touch && e.code !== JournalEvent.arose));
  if (touch > arrival) out.push({ phase: "before", kind: "beforeContact", team: -1, minutes: touch - arrival, event: firstIndex });
  let cursor = Math.max(arrival, touch);
  const add = (kind: SegmentKind, team: number, from: number, to: number, event: number) => {
    const lo = Math.max(cursor, from);
    const hi = Math.min(to, end);
    if (hi > lo) {
      out.push({ phase: "during", kind, team, minutes: hi - lo, event });
      cursor = hi;
    }
  };
  events.forEach((e, i) => {
    if (e.time > end || !isMainFlow(e)) return;
    if (e.code === JournalEvent.contact || e.code === JournalEvent.work) {
      const contact = e.code === JournalEvent.contact;
      add(contact ? "away" : "inbox", contact ? (awayTeam[i] ?? e.team) : e.team, cursor, e.time, i);
      add("queue", e.team, e.time, e.time + e.wait, i);
      add("handling", e.team, e.time + e.wait, e.time + e.wait + e.minutes, i);
      return;
    }
    add("other", -1, cursor, e.time, i);
    add(e.code === JournalEvent.citizenWait ? "citizen" : "outsiders", -1, e.time, e.time + e.wait, i);
  });
  add("other", -1, cursor, end, Math.max(0, events.length - 1));
  return out;
}
