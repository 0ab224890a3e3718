/**
 * The journey journal: for a sample of needs, every event of their journey (phase 1 search and
 * channel choice, each contact, each piece of work, hand-offs, waits for the citizen or for
 * outsiders, closing, the end and what the citizen said). Memory stays bounded: only sampled
 * needs are journalled; aggregates for all needs are in the records.
 *
 * @packageDocumentation
 */
import { columnBytes, columns } from "./columns.js";
import type { Need } from "./need.js";

/**
 * Journal event codes.
 *
 * @example
 * ```ts
 * JOURNAL_EVENT_NAMES[JournalEvent.contact]; //=> "contact"
 * ```
 */
export const JournalEvent = {
  /** The need arose; `minutes` = search effort, `detail` = 1 if the citizen found the information. */
  arose: 0,
  /** A contact the citizen made; `detail` = outcome code, `reason` = reason code. */
  contact: 1,
  /** A piece of staff work for the need; `detail` = task code. */
  work: 2,
  /** The case or enquiry was handed to another team; `team` = the receiver. */
  handoff: 3,
  /** The need waited for the citizen (missing information, clarification); `wait` = the wait. */
  citizenWait: 4,
  /** The need waited for outsiders (referral, neighbours, booking); `wait` = the wait. */
  externalWait: 5,
  /** The organisation closed the case; `detail` = 1 if a defect was left in. */
  closed: 6,
  /** The need ended; `detail` = NeedStatus code. */
  ended: 7,
  /** What the citizen said afterwards; `detail` = Expression code. */
  expressed: 8,
  /** The citizen noticed a defect; `reason` = the reason of the report that follows. */
  noticed: 9,
  /** The citizen found the phone line or desk closed and will try at `time` + `wait`; `team` = that front team. */
  closedLine: 10,
} as const;

/**
 * Journal event names indexed by code.
 *
 * @example
 * ```ts
 * JOURNAL_EVENT_NAMES[0]; //=> "arose"
 * ```
 */
export const JOURNAL_EVENT_NAMES: readonly string[] = [
  "arose", "contact", "work", "handoff", "citizenWait", "externalWait", "closed", "ended", "expressed", "noticed", "closedLine",
];

/** The journal of a run: one row per event of a sampled need, in time order per need. */
export interface JournalRecords {
  readonly length: number;
  readonly need: Float64Array;
  readonly event: Float64Array;
  /** When the event started (for contacts: when the citizen got in touch). */
  readonly time: Float64Array;
  /** Planned team index, or -1. */
  readonly team: Float64Array;
  readonly channel: Float64Array;
  readonly reason: Float64Array;
  /** Waiting before the event (queue, batch, citizen, outsiders), minutes. */
  readonly wait: Float64Array;
  /** Staff minutes, or the citizen's search minutes for "arose". */
  readonly minutes: Float64Array;
  /** 1 if failure demand or failure work. */
  readonly failure: Float64Array;
  /** Event-specific code (see {@link JournalEvent}). */
  readonly detail: Float64Array;
  /** For a failure-demand contact: the planned team where the failure or wait arose; else -1. */
  readonly origin: Float64Array;
  /** The case step of a piece of work, a hand-off or an outside wait; else -1. */
  readonly step: Float64Array;
  /** For a failure-demand contact: the mechanism that caused it (a `Cause` code); else 0. */
  readonly cause: Float64Array;
}

const FIELDS = ["need", "event", "time", "team", "channel", "reason", "wait", "minutes", "failure", "detail", "origin", "step", "cause"] as const;

/**
 * Collects events of sampled needs. Internal to the model.
 *
 * @example
 * ```ts
 * const j = new Journal(10);
 * j.wants(0); //=> true
 * ```
 */
export class Journal {
  private readonly c = columns(FIELDS, 64);
  private sampled = 0;

  /** @param every - journal one cohort need in `every` (0 = none) */
  constructor(private readonly every: number, private readonly max = 5000) {}

  /** Whether the need with this cohort sequence number should be journalled. */
  wants(cohortIndex: number): boolean {
    if (this.every <= 0 || this.sampled >= this.max || cohortIndex % this.every !== 0) return false;
    this.sampled++;
    return true;
  }

  /** Bytes the journal holds now, for the run's memory stop. */
  heldBytes(): number {
    return columnBytes(this.c);
  }

  /**
   * Records an event of a journalled need (others are ignored). Small, so that it is inlined
   * where it is called and the numbers of a need that is not journalled are never passed on.
   */
  log(need: Need, event: number, time: number, team: number, reason: number, wait: number, minutes: number, failure: number, detail: number, origin = -1, step = -1, cause = 0): void {
    if (need.journal === 1) this.write(need, event, time, team, reason, wait, minutes, failure, detail, origin, step, cause);
  }

  private write(need: Need, event: number, time: number, team: number, reason: number, wait: number, minutes: number, failure: number, detail: number, origin: number, step: number, cause: number): void {
    const c = this.c;
    c.need.push(need.id);
    c.event.push(event);
    c.time.push(time);
    c.team.push(team);
    c.channel.push(need.channel);
    c.reason.push(reason);
    c.wait.push(wait);
    c.minutes.push(minutes);
    c.failure.push(failure);
    c.detail.push(detail);
    c.origin.push(origin);
    c.step.push(step);
    c.cause.push(cause);
  }

  /**
   * The journal as typed arrays, sorted by need and then by time (events are appended when
   * they complete, so a piece of work is logged after events that happened while it waited).
   */
  records(): JournalRecords {
    const n = this.c.need.length;
    // the sort reads the columns in place, and each field is copied once, already in order
    const order = byNeedThenTime(this.c.need.view(), this.c.time.view());
    const out: Record<string, Float64Array | number> = { length: n };
    for (const f of FIELDS) out[f] = this.c[f].gather(order);
    return out as unknown as JournalRecords;
  }
}

/**
 * Indices of the entries sorted by need, then time, then entry order: a counting sort by need
 * (stable), then an insertion sort by time within each need's entries (few, and nearly in time
 * order already). Linear in practice where a comparison sort of every entry was a few percent
 * of a run.
 */
function byNeedThenTime(need: Float64Array, time: Float64Array): Int32Array {
  const n = need.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = need[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const start = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) start[need[i]! - lo + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const fill = start.slice();
  for (let i = 0; i < n; i++) order[fill[need[i]! - lo]!++] = i;
  for (let k = 0; k + 1 < start.length; k++) {
    for (let j = start[k]! + 1; j < start[k + 1]!; j++) {
      const x = order[j]!;
      const t = time[x]!;
      let m = j - 1;
      while (m >= start[k]! && time[order[m]!]! > t) {
        order[m + 1] = order[m]!;
        m--;
      }
      order[m + 1] = x;
    }
  }
  return order;
}
