/**
 * Collects a run's records: contacts and staff minutes in the measurement window
 * [warmup, horizon), and one row per need of the cohort that arrived in that window.
 *
 * @packageDocumentation
 */
import { kindMax, Table, type FieldKind, type TypedColumn } from "./columns.js";
import { clockMinutes, countContact, lowestBit, type Need } from "./need.js";
import type { Task } from "./task.js";
import type { InternalClockSpec } from "../scenario/types.js";
import type { ContactRecords, NeedRecords } from "./runResult.js";
import { CAUSE_NAMES, FIRST_FAILURE_REASON, Outcome, Reason, REASON_NAMES, TASK_NAMES } from "./codes.js";

const REASONS = REASON_NAMES.length;

/**
 * The need row, widest fields first (see {@link Table}): times as 64-bit floats; the id as a
 * 32-bit integer; the expression and the clock's verdict as 32-bit floats (NaN while open or
 * without a target); the service and every count (contacts by reason and failure contacts by
 * cause last) as 16-bit integers, a count past 65,535 widening its column at the end
 * ({@link Recorder.widen}); codes and flags as bytes. 186 bytes a row.
 */
const NEED_LAYOUT: readonly (readonly [string, FieldKind])[] = [
  ["arrival", "f64"], ["end", "f64"], ["effortMinutes", "f64"], ["staffMinutes", "f64"], ["internalMinutes", "f64"],
  ["patience", "f64"], ["firstContactAt", "f64"], ["firstClosedAt", "f64"], ["lastClosedAt", "f64"],
  ["firstReopenAt", "f64"], ["lastReopenAt", "f64"], ["clockMinutes", "f64"],
  ["id", "u32"], ["expression", "f32"], ["clockTargetMet", "f32"],
  ["service", "u16"], ["contacts", "u16"], ["failureContacts", "u16"], ["outbound", "u16"], ["handoffs", "u16"],
  ["reworks", "u16"], ["closings", "u16"], ["reopens", "u16"], ["abandonedContacts", "u16"], ["chases", "u16"],
  ["clarifications", "u16"], ["consults", "u16"],
  ...REASON_NAMES.map((r): readonly [string, FieldKind] => [`reason:${r}`, "u16"]),
  ...CAUSE_NAMES.map((c): readonly [string, FieldKind] => [`cause:${c}`, "u16"]),
  ["channel", "u8"], ["isCase", "u8"], ["status", "u8"], ["firstContactResolved", "u8"], ["contacted", "u8"],
  ["reopened", "u8"], ["selfServed", "u8"], ["clean", "u8"],
];

/** The fields of {@link NeedRecords} in their public order (the counts by reason and cause follow as arrays). */
const NEED_FIELDS = [
  "id", "service", "channel", "isCase", "arrival", "end", "status", "contacts", "failureContacts",
  "outbound", "handoffs", "reworks", "firstContactResolved", "contacted", "reopened", "selfServed",
  "clean", "effortMinutes", "staffMinutes", "internalMinutes", "expression", "patience",
  "firstContactAt", "closings", "firstClosedAt", "lastClosedAt", "reopens", "firstReopenAt", "lastReopenAt",
  "abandonedContacts", "chases", "clarifications", "consults", "clockMinutes", "clockTargetMet",
] as const;

/** The contact row, widest fields first: 39 bytes. */
const CONTACT_LAYOUT: readonly (readonly [string, FieldKind])[] = [
  ["time", "f64"], ["wait", "f64"], ["minutes", "f64"],
  ["need", "u32"],
  ["service", "u16"], ["team", "u16"], ["origin", "i16"],
  ["channel", "u8"], ["reason", "u8"], ["outcome", "u8"], ["cause", "u8"], ["afterRecord", "u8"],
];

/** The fields of {@link ContactRecords} in their public order. */
const CONTACT_FIELDS = ["need", "service", "team", "channel", "reason", "outcome", "time", "wait", "minutes", "origin", "cause", "afterRecord"] as const;

/** The most a need's count, a need id, a service or a team index may be, by the width of its field. */
const COUNT_MAX = kindMax("u16");
const ID_MAX = kindMax("u32");
const TEAM_MAX = kindMax("i16");

/** A count past this is out of any run's reach (its events are bounded far below). */
const WIDE_MAX = ID_MAX;

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
  /** Need rows (NEED_LAYOUT). */
  private readonly n = new Table(NEED_LAYOUT);
  /** Contact rows (CONTACT_LAYOUT). */
  private readonly c = new Table(CONTACT_LAYOUT);
  /** First elements within a chunk (Table.indexOf) of the first field of each width: need rows. */
  private readonly n4 = this.n.indexOf("id");
  private readonly n2 = this.n.indexOf("service");
  private readonly n1 = this.n.indexOf("channel");
  /** The same for contact rows. */
  private readonly c4 = this.c.indexOf("need");
  /** Counts too large for their 16-bit fields, by field and row (see {@link Recorder.widen}). */
  private readonly wide: { readonly field: string; readonly row: number; readonly value: number }[] = [];
  private readonly c2 = this.c.indexOf("service");
  private readonly c1 = this.c.indexOf("channel");
  private readonly value: Float64Array;
  private readonly failure: Float64Array;
  private readonly byTask: Float64Array;
  resolvedInWindow = 0;
  phoneAttempts = 0;
  phoneAbandoned = 0;

  constructor(
    teams: number,
    private readonly warmup: number,
    private readonly horizon: number,
    /** Each service's internal clock (none: no clock columns filled, NaN). */
    private readonly clocks: readonly InternalClockSpec[] = [],
  ) {
    if (teams > TEAM_MAX) throw new RangeError(`a run's records hold at most ${TEAM_MAX} teams, got ${teams}`);
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

  /**
   * Adds a finished task's staff minutes if the clock is in the window: a task for a need that
   * mixes failure work into value work (failure minutes, no failure flag) as its failure
   * minutes of failure and the rest of value, any other as its minutes of the kind its flag
   * says (own work, with no need, as value). The same sums, in the same order, as
   * {@link Recorder.work} for each part; the numbers are read from the task and the clock, not
   * passed: V8 boxes a fraction passed to a call it does not inline.
   */
  workOf(task: Task, clock: { readonly now: number }): void {
    const t = clock.now;
    if (t < this.warmup || t >= this.horizon) return;
    const team = task.team;
    const k = team * TASK_NAMES.length + task.kind;
    if (task.need !== null && task.failureMinutes > 0 && !task.failure) {
      const lost = task.failureMinutes;
      this.failure[team] = (this.failure[team] as number) + lost;
      this.byTask[k] = (this.byTask[k] as number) + lost;
      const rest = task.minutes - lost;
      this.value[team] = (this.value[team] as number) + rest;
      this.byTask[k] = (this.byTask[k] as number) + rest;
      return;
    }
    const minutes = task.minutes;
    if (task.need !== null && task.failure) this.failure[team] = (this.failure[team] as number) + minutes;
    else this.value[team] = (this.value[team] as number) + minutes;
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
      countContact(need, reason, cause, reason >= FIRST_FAILURE_REASON);
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
    if (needId > ID_MAX) throw new RangeError(`need ids above ${ID_MAX} do not fit a contact's record`);
    // in the order of CONTACT_LAYOUT: row r of a field is element index + r of its kind's view,
    // and the next field of the same width is a chunk's rows further on
    const t = this.c;
    const r = t.add();
    const step = t.rowsPerChunk;
    const f64 = t.f64;
    let i = r;
    f64[i] = time;
    f64[(i += step)] = wait;
    f64[i + step] = minutes;
    t.u32[this.c4 + r] = needId;
    i = this.c2 + r;
    const u16 = t.u16;
    u16[i] = service;
    u16[(i += step)] = team;
    t.i16[i + step] = origin;
    i = this.c1 + r;
    const u8 = t.u8;
    u8[i] = channel;
    u8[(i += step)] = reason;
    u8[(i += step)] = outcome;
    u8[(i += step)] = cause;
    u8[i + step] = afterRecord;
  }

  /**
   * Records a cohort need's final row: its end and expression from `need.endAt` and
   * `need.expression`, or NaN for both while it is still `open` when the run ends. (Read here, not
   * passed in: V8 boxes a fraction passed to a call it does not inline.)
   */
  need(need: Need, open = false): void {
    const end = open ? NaN : need.endAt;
    const expression = open ? NaN : need.expression;
    const t = this.n;
    const clean =
      need.status === 1 && need.failureContacts === 0 && need.reworks === 0 && need.retells === 0 &&
      need.reopened === 0 && need.stops === 0 && need.defectLeft === 0 ? 1 : 0;
    const clock = this.clocks[need.service];
    const minutes = clock === undefined ? NaN : clockMinutes(need, clock);
    if (need.id > ID_MAX) throw new RangeError(`need ids above ${ID_MAX} do not fit a need's record`);
    // in the order of NEED_LAYOUT (see contactOf)
    const row = t.length;
    const r = t.add();
    const step = t.rowsPerChunk;
    let i = r;
    const f64 = t.f64;
    f64[i] = need.arrival; // arrival
    f64[(i += step)] = end; // end
    f64[(i += step)] = need.effort; // effortMinutes
    f64[(i += step)] = need.staffMinutes; // staffMinutes
    f64[(i += step)] = need.completeAt >= 0 && need.closedAt >= 0 ? need.closedAt - need.completeAt : NaN; // internalMinutes
    f64[(i += step)] = need.patience; // patience
    f64[(i += step)] = timeOrNaN(need.firstContactAt); // firstContactAt
    f64[(i += step)] = timeOrNaN(need.firstClosedAt); // firstClosedAt
    f64[(i += step)] = timeOrNaN(need.lastClosedAt); // lastClosedAt
    f64[(i += step)] = timeOrNaN(need.firstReopenAt); // firstReopenAt
    f64[(i += step)] = timeOrNaN(need.lastReopenAt); // lastReopenAt
    f64[i + step] = minutes; // clockMinutes
    i = this.n4 + r;
    t.u32[i] = need.id; // id
    t.f32[(i += step)] = expression; // expression
    t.f32[i + step] = clock?.targetMinutes == null || Number.isNaN(minutes) ? NaN : minutes <= clock.targetMinutes ? 1 : 0; // clockTargetMet
    i = this.n2 + r;
    const u16 = t.u16;
    if (need.service > COUNT_MAX) throw new RangeError(`a run's records hold at most ${COUNT_MAX + 1} services, got service ${need.service}`);
    u16[i] = need.service;
    u16[(i += step)] = this.count(need.contacts, "contacts", row);
    u16[(i += step)] = this.count(need.failureContacts, "failureContacts", row);
    u16[(i += step)] = this.count(need.outbound, "outbound", row);
    u16[(i += step)] = this.count(need.handoffs, "handoffs", row);
    u16[(i += step)] = this.count(need.reworks, "reworks", row);
    u16[(i += step)] = this.count(need.closings, "closings", row);
    u16[(i += step)] = this.count(need.reopens, "reopens", row);
    u16[(i += step)] = this.count(need.abandonedContacts, "abandonedContacts", row);
    u16[(i += step)] = this.count(need.chases, "chases", row);
    u16[(i += step)] = this.count(need.clarifications, "clarifications", row);
    u16[(i += step)] = this.count(need.consults, "consults", row);
    i += step;
    // contacts by reason and failure contacts by cause (zero in a new row): only those counted
    for (let m = need.reasonsSeen; m !== 0; m &= m - 1) {
      const k = lowestBit(m);
      const x = need.byReason[k] as number;
      u16[i + k * step] = x <= COUNT_MAX ? x : this.widen(`reason:${REASON_NAMES[k]}`, row, x);
    }
    for (let m = need.causesSeen; m !== 0; m &= m - 1) {
      const k = lowestBit(m);
      const x = need.byCause[k] as number;
      u16[i + (REASONS + k) * step] = x <= COUNT_MAX ? x : this.widen(`cause:${CAUSE_NAMES[k]}`, row, x);
    }
    i = this.n1 + r;
    const u8 = t.u8;
    u8[i] = need.firstChannel; // channel
    u8[(i += step)] = need.isCase; // isCase
    u8[(i += step)] = need.status; // status
    u8[(i += step)] = need.firstContactResolved; // firstContactResolved
    u8[(i += step)] = need.contacted; // contacted
    u8[(i += step)] = need.reopened; // reopened
    u8[(i += step)] = need.selfServed; // selfServed
    u8[i + step] = clean; // clean
  }

  /** A count for a 16-bit field: the count itself, or (past 65,535) a note to widen the field's column. */
  private count(value: number, field: string, row: number): number {
    return value <= COUNT_MAX ? value : this.widen(field, row, value);
  }

  /**
   * Notes a count too large for its 16-bit field (a need that redialled for years, say): the
   * field's column comes out as a Uint32Array with the count in place. Returns what the row
   * holds meanwhile.
   */
  private widen(field: string, row: number, value: number): number {
    if (value > WIDE_MAX) throw new RangeError(`need row ${row} has ${field} ${value}, more than the ${WIDE_MAX} a need's record holds`);
    this.wide.push({ field, row, value });
    return COUNT_MAX;
  }

  /** Bytes the records hold now (need and contact rows), for the run's memory stop. */
  heldBytes(): number {
    return this.n.bytes + this.c.bytes;
  }

  /** The need rows as typed columns. */
  needRecords(): NeedRecords {
    const cols = this.n.columns();
    const byName = new Map<string, TypedColumn>(NEED_LAYOUT.map(([f], k) => [f, cols[k] as TypedColumn]));
    // counts past 65,535: their columns widened to 32 bits
    for (const { field, row, value } of this.wide) {
      let col = byName.get(field) as TypedColumn;
      if (!(col instanceof Uint32Array)) byName.set(field, (col = Uint32Array.from(col)));
      col[row] = value;
    }
    const out: Record<string, TypedColumn | number | TypedColumn[]> = { length: this.n.length };
    for (const f of NEED_FIELDS) out[f] = byName.get(f) as TypedColumn;
    out.contactsByReason = REASON_NAMES.map((r) => byName.get(`reason:${r}`) as TypedColumn);
    out.failureContactsByCause = CAUSE_NAMES.map((c) => byName.get(`cause:${c}`) as TypedColumn);
    return out as unknown as NeedRecords;
  }

  /** The contact rows as typed columns. */
  contactRecords(): ContactRecords {
    const cols = this.c.columns();
    const byName = new Map<string, TypedColumn>(CONTACT_LAYOUT.map(([f], k) => [f, cols[k] as TypedColumn]));
    const out: Record<string, TypedColumn | number> = { length: this.c.length };
    for (const f of CONTACT_FIELDS) out[f] = byName.get(f) as TypedColumn;
    return out as unknown as ContactRecords;
  }
}
