/**
 * Collects a run's records: contacts and staff minutes in the measurement window
 * [warmup, horizon), and one row per need of the cohort that arrived in that window.
 *
 * @packageDocumentation
 */
import { columnBytes, columns } from "./columns.js";
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
  private readonly n = columns(NEED_FIELDS);
  private readonly c = columns(CONTACT_FIELDS);
  /**
   * Contacts by reason and failure contacts by cause, kept sparse while the run goes (most are
   * zero): one entry per need row and code with a count; codes from REASON_NAMES.length on are
   * causes. Spread into one column per code at the end.
   */
  private readonly counts = columns(["row", "code", "count"] as const);
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
    const c = this.c;
    c.need.push(needId);
    c.service.push(service);
    c.team.push(team);
    c.channel.push(channel);
    c.reason.push(reason);
    c.outcome.push(outcome);
    c.time.push(time);
    c.wait.push(wait);
    c.minutes.push(minutes);
    c.origin.push(origin);
    c.cause.push(cause);
    c.afterRecord.push(afterRecord);
  }

  /** Records a cohort need's final row. */
  need(need: Need, end: number, expression: number): void {
    const n = this.n;
    const clean =
      need.status === 1 && need.failureContacts === 0 && need.reworks === 0 && need.retells === 0 &&
      need.reopened === 0 && need.stops === 0 && need.defectLeft === 0 ? 1 : 0;
    n.id.push(need.id);
    n.service.push(need.service);
    n.channel.push(need.firstChannel);
    n.isCase.push(need.isCase);
    n.arrival.push(need.arrival);
    n.end.push(end);
    n.status.push(need.status);
    n.contacts.push(need.contacts);
    n.failureContacts.push(need.failureContacts);
    n.outbound.push(need.outbound);
    n.handoffs.push(need.handoffs);
    n.reworks.push(need.reworks);
    n.firstContactResolved.push(need.firstContactResolved);
    n.contacted.push(need.contacted);
    n.reopened.push(need.reopened);
    n.selfServed.push(need.selfServed);
    n.clean.push(clean);
    n.effortMinutes.push(need.effort);
    n.staffMinutes.push(need.staffMinutes);
    n.internalMinutes.push(need.completeAt >= 0 && need.closedAt >= 0 ? need.closedAt - need.completeAt : NaN);
    n.expression.push(expression);
    n.patience.push(need.patience);
    n.firstContactAt.push(timeOrNaN(need.firstContactAt));
    n.closings.push(need.closings);
    n.firstClosedAt.push(timeOrNaN(need.firstClosedAt));
    n.lastClosedAt.push(timeOrNaN(need.lastClosedAt));
    n.reopens.push(need.reopens);
    n.firstReopenAt.push(timeOrNaN(need.firstReopenAt));
    n.lastReopenAt.push(timeOrNaN(need.lastReopenAt));
    n.abandonedContacts.push(need.abandonedContacts);
    n.chases.push(need.chases);
    n.clarifications.push(need.clarifications);
    n.consults.push(need.consults);
    const clock = this.clocks[need.service];
    const minutes = clock === undefined ? NaN : clockMinutes(need, clock);
    n.clockMinutes.push(minutes);
    n.clockTargetMet.push(clock?.targetMinutes == null || Number.isNaN(minutes) ? NaN : minutes <= clock.targetMinutes ? 1 : 0);
    const row = n.id.length - 1;
    const counts = this.counts;
    if (need.contacts === 0) return;
    for (let k = 0; k < REASONS; k++) {
      const x = need.byReason[k] as number;
      if (x !== 0) counts.row.push(row), counts.code.push(k), counts.count.push(x);
    }
    if (need.failureContacts === 0) return;
    for (let k = 0; k < CAUSES; k++) {
      const x = need.byCause[k] as number;
      if (x !== 0) counts.row.push(row), counts.code.push(REASONS + k), counts.count.push(x);
    }
  }

  /** Bytes the records hold now (need, count and contact columns), for the run's memory stop. */
  heldBytes(): number {
    return columnBytes(this.n) + columnBytes(this.counts) + columnBytes(this.c);
  }

  /** The need rows as typed arrays. */
  needRecords(): NeedRecords {
    const out: Record<string, Float64Array | number> = { length: this.n.id.length };
    for (const f of NEED_FIELDS) out[f] = this.n[f].toArray();
    const n = this.n.id.length;
    const dense = Array.from({ length: REASONS + CAUSES }, () => new Float64Array(n));
    const c = this.counts;
    for (let i = 0; i < c.row.length; i++) (dense[c.code.get(i)] as Float64Array)[c.row.get(i)] = c.count.get(i);
    return {
      ...(out as unknown as Omit<NeedRecords, "contactsByReason" | "failureContactsByCause">),
      contactsByReason: dense.slice(0, REASONS),
      failureContactsByCause: dense.slice(REASONS),
    };
  }

  /** The contact rows as typed arrays. */
  contactRecords(): ContactRecords {
    const out: Record<string, Float64Array | number> = { length: this.c.need.length };
    for (const f of CONTACT_FIELDS) out[f] = this.c[f].toArray();
    return out as unknown as ContactRecords;
  }
}
