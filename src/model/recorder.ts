/**
 * Collects a run's records: contacts and staff minutes in the measurement window
 * [warmup, horizon), and one row per need of the cohort that arrived in that window.
 *
 * @packageDocumentation
 */
import { Rows } from "./columns.js";
import { clockMinutes, type Need } from "./need.js";
import type { InternalClockSpec } from "../scenario/types.js";
import type { ContactRecords, NeedRecords } from "./runResult.js";
import { CAUSE_NAMES, FIRST_FAILURE_REASON, Outcome, Reason, REASON_NAMES, TASK_NAMES } from "./codes.js";

const NEED_FIELDS = [
  "id", "service", "channel", "isCase", "arrival", "end", "status", "contacts", "failureContacts",
  "outbound", "handoffs", "reworks", "firstContactResolved", "contacted", "reopened", "selfServed",
  "clean", "effortMinutes", "staffMinutes", "internalMinutes", "expression", "patience",
  "firstContactAt", "closings", "firstClosedAt", "lastClosedAt", "reopens", "firstReopenAt", "lastReopenAt",
  "abandonedContacts", "chases", "clarifications", "consults", "clockMinutes", "clockTargetMet",
] as const;

const CONTACT_FIELDS = ["need", "service", "team", "channel", "reason", "outcome", "time", "wait", "minutes", "origin", "cause", "afterRecord"] as const;

const REASONS = REASON_NAMES.length;
const CAUSES = CAUSE_NAMES.length;

/** Appends a (row, code, count) entry to the sparse counts. */
function addCount(counts: Rows, row: number, code: number, count: number): void {
  const i = counts.add();
  const d = counts.data;
  d[i] = row;
  d[i + 1] = code;
  d[i + 2] = count;
}

/** A time kept as -1 while unset, as NaN in the records. */
const timeOrNaN = (t: number): number => (t >= 0 ? t : NaN);

/**
 * The run's recorder. Internal to the model.
 *
 * @example
 * ```ts
 * const r = new Recorder(2, 0, 100);
 * r.work(5, 1, 0, 0, 12);
 * r.teamMinutes(1).value; //=> 12
 * ```
 */
export class Recorder {
  /** Need rows, fields in the order of NEED_FIELDS. */
  private readonly n = new Rows(NEED_FIELDS.length);
  /** Contact rows, fields in the order of CONTACT_FIELDS. */
  private readonly c = new Rows(CONTACT_FIELDS.length);
  /**
   * Contacts by reason and failure contacts by cause, kept sparse while the run goes (most are
   * zero): one entry per need row and code with a count; codes from REASON_NAMES.length on are
   * causes. Spread into one column per code at the end. Fields: row, code, count.
   */
  private readonly counts = new Rows(3);
  private readonly value: Float64Array;
  private readonly failure: Float64Array;
  private readonly byTask: Float64Array;
  resolvedInWindow = 0;
  phoneAttempts = 0;
  phoneAbandoned = 0;

  constructor(
    private readonly teams: number,
    private readonly warmup: number,
    private readonly horizon: number,
    /** Each service's internal clock (none: no clock columns filled, NaN). */
    private readonly clocks: readonly InternalClockSpec[] = [],
  ) {
    this.value = new Float64Array(teams);
    this.failure = new Float64Array(teams);
    this.byTask = new Float64Array(teams * TASK_NAMES.length);
  }

  /** Whether a time falls in the measurement window. */
  inWindow(t: number): boolean {
    return t >= this.warmup && t < this.horizon;
  }

  /** Records staff minutes finished at time t. */
  work(t: number, team: number, task: number, failure: number, minutes: number): void {
    if (t < this.warmup || t >= this.horizon) return;
    if (failure) this.failure[team] = (this.failure[team] as number) + minutes;
    else this.value[team] = (this.value[team] as number) + minutes;
    const k = team * TASK_NAMES.length + task;
    this.byTask[k] = (this.byTask[k] as number) + minutes;
  }

  /** Staff minutes of a team in the window. */
  teamMinutes(team: number): { value: number; failure: number; byTask: number[] } {
    const k = TASK_NAMES.length;
    return {
      value: this.value[team] as number,
      failure: this.failure[team] as number,
      byTask: Array.from(this.byTask.subarray(team * k, team * k + k)),
    };
  }

  /**
   * Records a contact attempt (if its time is in the window), and counts it in the need's own
   * record whatever its time: a handled contact by reason and cause (and the first time the
   * citizen got through), a hung-up attempt, a chase.
   */
  contact(need: Need, team: number, channel: number, reason: number, outcome: number, time: number, wait: number, minutes: number, origin: number, cause: number): void {
    if (outcome === Outcome.abandoned) need.abandonedContacts++;
    else {
      need.byReason[reason]! += 1;
      if (reason >= FIRST_FAILURE_REASON) need.byCause[cause]! += 1;
      if (need.firstContactAt < 0) need.firstContactAt = time + wait;
    }
    if (reason === Reason.progressChasing) need.chases++;
    this.contactOf(need.id, need.service, team, channel, reason, outcome, time, wait, minutes, origin, cause);
  }

  /**
   * Records a contact attempt by need id and service; `afterRecord` is 1 for a contact that
   * ended after its need's record was written (the need object has been reused), which the
   * need's own counts leave out.
   */
  contactOf(needId: number, service: number, team: number, channel: number, reason: number, outcome: number, time: number, wait: number, minutes: number, origin: number, cause: number, afterRecord = 0): void {
    if (time < this.warmup || time >= this.horizon) return;
    // in the order of CONTACT_FIELDS
    let i = this.c.add();
    const d = this.c.data;
    d[i++] = needId;
    d[i++] = service;
    d[i++] = team;
    d[i++] = channel;
    d[i++] = reason;
    d[i++] = outcome;
    d[i++] = time;
    d[i++] = wait;
    d[i++] = minutes;
    d[i++] = origin;
    d[i++] = cause;
    d[i] = afterRecord;
  }

  /** Records a cohort need's final row. */
  need(need: Need, end: number, expression: number): void {
    const n = this.n;
    const clean =
      need.status === 1 && need.failureContacts === 0 && need.reworks === 0 && need.retells === 0 &&
      need.reopened === 0 && need.stops === 0 && need.defectLeft === 0 ? 1 : 0;
    // in the order of NEED_FIELDS
    const row = n.length;
    let i = n.add();
    const d = n.data;
    d[i++] = need.id; // id
    d[i++] = need.service; // service
    d[i++] = need.firstChannel; // channel
    d[i++] = need.isCase; // isCase
    d[i++] = need.arrival; // arrival
    d[i++] = end; // end
    d[i++] = need.status; // status
    d[i++] = need.contacts; // contacts
    d[i++] = need.failureContacts; // failureContacts
    d[i++] = need.outbound; // outbound
    d[i++] = need.handoffs; // handoffs
    d[i++] = need.reworks; // reworks
    d[i++] = need.firstContactResolved; // firstContactResolved
    d[i++] = need.contacted; // contacted
    d[i++] = need.reopened; // reopened
    d[i++] = need.selfServed; // selfServed
    d[i++] = clean; // clean
    d[i++] = need.effort; // effortMinutes
    d[i++] = need.staffMinutes; // staffMinutes
    d[i++] = need.completeAt >= 0 && need.closedAt >= 0 ? need.closedAt - need.completeAt : NaN; // internalMinutes
    d[i++] = expression; // expression
    d[i++] = need.patience; // patience
    d[i++] = timeOrNaN(need.firstContactAt); // firstContactAt
    d[i++] = need.closings; // closings
    d[i++] = timeOrNaN(need.firstClosedAt); // firstClosedAt
    d[i++] = timeOrNaN(need.lastClosedAt); // lastClosedAt
    d[i++] = need.reopens; // reopens
    d[i++] = timeOrNaN(need.firstReopenAt); // firstReopenAt
    d[i++] = timeOrNaN(need.lastReopenAt); // lastReopenAt
    d[i++] = need.abandonedContacts; // abandonedContacts
    d[i++] = need.chases; // chases
    d[i++] = need.clarifications; // clarifications
    d[i++] = need.consults; // consults
    const clock = this.clocks[need.service];
    const minutes = clock === undefined ? NaN : clockMinutes(need, clock);
    d[i++] = minutes; // clockMinutes
    d[i++] = clock?.targetMinutes == null || Number.isNaN(minutes) ? NaN : minutes <= clock.targetMinutes ? 1 : 0; // clockTargetMet
    const counts = this.counts;
    if (need.contacts === 0) return;
    for (let k = 0; k < REASONS; k++) {
      const x = need.byReason[k] as number;
      if (x !== 0) addCount(counts, row, k, x);
    }
    if (need.failureContacts === 0) return;
    for (let k = 0; k < CAUSES; k++) {
      const x = need.byCause[k] as number;
      if (x !== 0) addCount(counts, row, REASONS + k, x);
    }
  }

  /** Bytes the records hold now (need, count and contact columns), for the run's memory stop. */
  heldBytes(): number {
    return this.n.bytes + this.counts.bytes + this.c.bytes;
  }

  /** The need rows as typed arrays. */
  needRecords(): NeedRecords {
    const n = this.n.length;
    const out: Record<string, Float64Array | number> = { length: n };
    const cols = this.n.columns();
    NEED_FIELDS.forEach((f, k) => {
      out[f] = cols[k] as Float64Array;
    });
    const dense = Array.from({ length: REASONS + CAUSES }, () => new Float64Array(n));
    const c = this.counts.data;
    for (let i = 0, end = 3 * this.counts.length; i < end; i += 3) (dense[c[i + 1] as number] as Float64Array)[c[i] as number] = c[i + 2] as number;
    return {
      ...(out as unknown as Omit<NeedRecords, "contactsByReason" | "failureContactsByCause">),
      contactsByReason: dense.slice(0, REASONS),
      failureContactsByCause: dense.slice(REASONS),
    };
  }

  /** The contact rows as typed arrays. */
  contactRecords(): ContactRecords {
    const out: Record<string, Float64Array | number> = { length: this.c.length };
    const cols = this.c.columns();
    CONTACT_FIELDS.forEach((f, k) => {
      out[f] = cols[k] as Float64Array;
    });
    return out as unknown as ContactRecords;
  }
}
