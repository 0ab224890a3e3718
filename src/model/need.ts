import type { InternalClockSpec } from "../scenario/types.js";
import { CAUSE_NAMES, REASON_NAMES } from "./codes.js";
import { primeFractions } from "../engine/shape.js";

/**
 * The runtime state of one citizen need while it is alive. Needs are pooled and reused, so a
 * long run keeps only the needs alive in memory; a closed need is written to the records.
 *
 * @packageDocumentation
 */

/**
 * Fixed roles in a need's bank of uniforms. Every number about one need is a counter-based
 * uniform of the need's own key (`counterUniform(need.key0, need.key1, counter)`, computed only
 * when used), so that the same need meets the same luck under every policy (common random
 * numbers). The first time (or, for {@link Repeated} draws, the first {@link REPEATED_DEPTH}
 * times) a decision or delay comes up, its counter is its slot here; any later time, the next
 * counter of the need's own sequence from {@link OWN_BASE} (`World.own`). A delay or amount of
 * work (lognormal) takes two slots.
 *
 * Step decisions use `stepBase + STEP_ROLES × step + k` with k one of {@link StepRole}.
 */
export const U = {
  /** Is the first front contact about the request cut short? */
  frontCut: 0,
  /** Does help at the first contact make the application complete? */
  completenessHelp: 1,
  /** Premature closure at the first closing. */
  premature: 2,
  /** Does the citizen notice a defect left at the first closing? */
  noticeDefect: 3,
  /** Does the first confirmation catch a defect? */
  confirmCatch: 4,
  /** What the citizen says afterwards. */
  expression: 5,
  /** Self-service. */
  selfServe: 6,
  /** Does the first passed-on enquiry lose information? */
  callbackInfoLoss: 7,
  /** Is the first passed-on enquiry misrouted? */
  frontMisroute: 8,
  /** The first chase delay (most needs never chase; later chases use the need's chase stream). */
  firstChase: 9,
  secondChase: 10,
  /** Minutes to recover information lost on the first passed-on enquiry (2 slots). */
  callbackClarifyWork: 11,
  /** When a citizen told "not for here" after the first pass gets in touch again (2 slots). */
  wrongPlaceDelay: 13,
  /** When the citizen notices a defect left at the first closing (2 slots). */
  noticeDelay: 15,
  /** When a complaint comes (2 slots; a need ends once). */
  complaintDelay: 17,
  /** {@link Repeated} `closedLine`: when in the next opening period the citizen tries again (1 slot a time). */
  closedLine: 19,
  /** {@link Repeated} `repeatCut`: is a contact about the request after the first cut short (1 slot a time)? */
  repeatCut: 21,
  /** {@link Repeated} `cutReturn`: after an enquiry is cut short, see {@link CutReturn} (4 slots a time). */
  cutReturn: 23,
  /** {@link Repeated} `hangUp`: after a hang-up, see {@link HangUp} (4 slots a time). */
  hangUp: 31,
  /** Is the front line's first answer to an enquiry wrong or incomplete? */
  wrongAnswer: 39,
  /** Is something lost when the first consult about an enquiry is relayed? */
  relayLoss: 40,
  /** Does the first contact cut short leave the request unresolved? */
  cutUnresolved: 41,
  /** Is the first enquiry cut short passed on instead of left to the citizen? */
  cutPassOn: 42,
  stepBase: 43,
} as const;

/**
 * Draws per case step, in the need's bank of uniforms, for the first pass through the step
 * (rework passes take the need's own sequence). On its first pass a step has at most one
 * clarification with the citizen (lost information, or an incomplete application), so one
 * set of clarification slots is enough.
 */
export const StepRole = {
  cut: 0,
  infoLoss: 1,
  misroute: 2,
  fail: 3,
  /** Staff minutes of the clarification (2 slots). */
  clarifyWork: 4,
  /** How long the citizen takes to answer it (2 slots). */
  citizenDelay: 6,
  /** Is the letter asking for missing information unclear? */
  letterUnclear: 8,
  /** When, within the answer's delay, the unclear letter's call comes. */
  unclearCall: 9,
  /** The step's outside wait (2 slots). */
  externalWait: 10,
  /** Is something lost when the step's consult is relayed to the case owner? */
  relayLoss: 12,
  /** Does work cut short at the step's target leave a defect? */
  cutDefect: 13,
} as const;

/** Number of uniforms per case step. */
export const STEP_ROLES = 14;

/**
 * First counter of what the citizen brings when the need arises (type, case, specialist,
 * information, channel, front and back-office work, patience, each step's work: see `arise`).
 * The counter ranges of a need are far apart, so the bank's step slots never reach them.
 */
export const ARISE_BASE = 2 ** 28;

/**
 * Counters (from {@link ARISE_BASE}) of what a citizen brings when their need arises; work and
 * patience take two each, and each step's work two from `steps` on (read when the step comes
 * up: `World.stepMinutes`).
 *
 * @example
 * ```ts
 * ARISE_BASE + Arise.steps + 2 * 3; // the first of the two counters of step 3's work
 * ```
 */
export const Arise = { type: 0, isCase: 1, specialist: 2, informed: 3, channel: 4, frontWork: 5, backWork: 7, patience: 9, steps: 11 } as const;

/** First counter of the need's own sequence, for a decision or delay after its bank slots are used. */
export const OWN_BASE = 2 ** 29;

/** First counter of the need's chase delays (the first two are bank slots; this sequence from the third on). */
export const CHASE_BASE = 2 ** 29 + 2 ** 28;

/**
 * Draws that can come up again and again for one need and have no first-time flag of their
 * own: finding the line closed, a contact about the request after the first, what the citizen
 * does after an enquiry is cut short, and after hanging up. The first {@link REPEATED_DEPTH}
 * times take their slots in the bank; later times the need's own sequence. Values are
 * positions in `Need.repeats`.
 */
export const Repeated = { closedLine: 0, repeatCut: 1, cutReturn: 2, hangUp: 3 } as const;

/**
 * How many times a {@link Repeated} draw takes its slots from the bank (later times take the
 * need's own sequence). Two: under the minutes preset a need cut short at the front often comes
 * back once, and a caller may find the line closed twice. At most 3: `Need.repeats` counts
 * each draw in two bits.
 */
export const REPEATED_DEPTH = 2;

/** First bank slot of each {@link Repeated} draw, by its index. */
export const REPEATED_BASE: readonly number[] = [U.closedLine, U.repeatCut, U.cutReturn, U.hangUp];

/** Bank slots each time of a {@link Repeated} draw takes, by its index. */
export const REPEATED_WIDTH: readonly number[] = [1, 1, 4, 4];

/** The slots of one `cutReturn` time, from its first slot. */
export const CutReturn = { giveUp: 0, comesBack: 1, delay: 2 } as const;

/** The slots of one `hangUp` time, from its first slot. */
export const HangUp = { giveUp: 0, redial: 1, delay: 2 } as const;

/** The fields of {@link Need} that hold fractional numbers (times and minutes; see engine/shape.ts). */
const NEED_FRACTIONS = [
  "arrival", "lastUpdateAt", "effort", "staffMinutes", "completeAt", "closedAt", "firstContactAt", "registeredAt", "pauseAt",
  "pausedBeforeFirstClosing", "pausedAfterComplete", "firstClosedAt", "lastClosedAt", "firstReopenAt", "lastReopenAt", "endAt",
  "expectationDue", "patience", "writtenPatience", "emailPatience", "frontMinutes", "backMinutes",
] as const;

/**
 * A live need. Fields are plain numbers so that V8 keeps one object shape.
 *
 * @example
 * ```ts
 * const n = new Need();
 * n.contacts; //=> 0
 * ```
 */
export class Need {
  /** Sequence number of the need in the run. */
  id = 0;
  /** Generation: bumped when the object is reused for another need, so old tasks see they are stale. */
  gen = 0;
  service = 0;
  arrival = 0;
  /** 1 when the need belongs to the measured cohort (arrived in [warmup, horizon)). */
  cohort = 0;
  /** 1 while the need is in the cohort and its record is not written yet (counted in the run's `cohortOpen`). */
  recordDue = 0;
  /** 1 when the need's journey is journalled (a sample of the cohort). */
  journal = 0;
  status = 0;
  isCase = 0;
  needsSpecialist = 0;
  /** Whether the citizen's information is complete (for applications). */
  complete = 0;
  /** Information was lost at a hand-off and has not been recovered. */
  infoLost = 0;
  /** The reason code of a defect left in the work (0 = none). */
  defect = 0;
  typeRank = 0;
  /** The channel the citizen uses now (a caller who gives up calling may write instead). */
  channel = 0;
  /** The channel the citizen chose first (phase 1). */
  firstChannel = 0;
  /** Index of the current case step. */
  step = 0;
  contacts = 0;
  failureContacts = 0;
  outbound = 0;
  handoffs = 0;
  reworks = 0;
  /** Times the case stopped to ask the citizen for missing information (M7). */
  stops = 0;
  /** 1 if a defect was left in at closing and never noticed. */
  defectLeft = 0;
  /** The step where the defect arose (for rework), or -1. */
  defectStep = -1;
  /** The planned team where the latest failure arose (cut short, lost, misrouted, unclear letter), or -1. */
  origin = -1;
  /** The planned team that left the defect in (cut, failed or closed too early), or -1. */
  defectTeam = -1;
  /** The mechanism that left the defect in (a `Cause` code, with {@link Need.defectTeam}). */
  defectCause = 0;
  /** When the citizen last received a proactive progress update, or -1. */
  lastUpdateAt = -1;
  /** 1 while a proactive update waits in the owner's line. */
  updatePending = 0;
  /** The personal case owner (person index in {@link Need.personTeam}), or -1. */
  person = -1;
  /** The planned team of the personal case owner, or -1. */
  personTeam = -1;
  /** Times a colleague took the need over from an absent owner. */
  covered = 0;
  waitsBeyond = 0;
  retells = 0;
  failedAttempts = 0;
  effort = 0;
  staffMinutes = 0;
  /** 1 if resolved at the first contact. */
  firstContactResolved = 0;
  /** 1 once a first contact has been handled. */
  contacted = 0;
  reopened = 0;
  selfServed = 0;
  /** When the application became complete (the organisation's clock start), or -1. */
  completeAt = -1;
  /** When the organisation first closed the need (its own end), or -1. */
  closedAt = -1;
  /** When the citizen first got through: the start of the first handled contact, or -1. */
  firstContactAt = -1;
  /** When the case was registered (it entered the case flow), or -1. */
  registeredAt = -1;
  /** When the organisation last began to wait for the citizen's answer to a clarification, or -1. */
  pauseAt = -1;
  /** Minutes the organisation waited for the citizen before its first closing. */
  pausedBeforeFirstClosing = 0;
  /** Minutes it waited for the citizen after the application was complete and before the closing that stops that clock ({@link Need.closedAt}). */
  pausedAfterComplete = 0;
  /** Closings: a case closed, an enquiry answered (see {@link noteClosing}). */
  closings = 0;
  /** When the need was first and last closed, or -1. */
  firstClosedAt = -1;
  lastClosedAt = -1;
  /** Reopenings: a defect reported after closing and the work redone (see {@link noteReopen}). */
  reopens = 0;
  /** When the need was first and last reopened, or -1. */
  firstReopenAt = -1;
  lastReopenAt = -1;
  /** Attempts that hung up in a queue (phone or desk). */
  abandonedContacts = 0;
  /** Progress-chasing attempts that joined a queue (handled or hung up). */
  chases = 0;
  /** Clarifications the organisation made with the citizen (lost information, missing information). */
  clarifications = 0;
  /** Expertise pulled as a consult (for an enquiry, or a specialist step under case ownership). */
  consults = 0;
  /** Handled contacts by reason code. */
  readonly byReason = new Float64Array(REASON_NAMES.length);
  /** Handled failure-demand contacts by cause code. */
  readonly byCause = new Float64Array(CAUSE_NAMES.length);
  /**
   * The reason codes (bit `1 << reason`) and cause codes (bit `1 << cause`) whose counts above
   * are not zero: the need's record and its reset visit those entries only (most needs have one
   * or two). Both lists of codes are shorter than 31.
   */
  reasonsSeen = 0;
  causesSeen = 0;
  /**
   * How many times each {@link Repeated} draw has come up, up to {@link REPEATED_DEPTH} (all
   * that matters: later times take the need's own sequence), two bits each: draw r's count is
   * `(repeats >> 2r) & 3`. One small integer, not an array, so a new need clears it in one store.
   */
  repeats = 0;
  /** Chase delays drawn so far (the first two from the bank). */
  chaseDraws = 0;
  /** Pending chase timer (event id), or -1. */
  chaseEvent = -1;
  /** Planned team that owns the case now (-1: the front line). */
  owner = -1;
  /** 1 while a complaint about the need is being handled. */
  afterCare = 0;
  /** 1 while the ball is in the citizen's court (no chasing meanwhile). */
  awaitingCitizen = 0;
  /** When the need was met or given up (its end for the citizen), or -1. */
  endAt = -1;
  /** Phase-3 expression code, or -1. */
  expression = -1;
  /** When the citizen's current expectation runs out. */
  expectationDue = 0;
  /** How long this citizen waits in a phone queue or at a desk before giving up (drawn once). */
  patience = 0;
  /**
   * How long this citizen's e-mail or e-form enquiry waits for an answer before they give up on
   * it: Infinity unless the scenario sets a written patience; drawn once, from the same two
   * uniforms as `patience` (an impatient caller is an impatient writer).
   */
  writtenPatience = Infinity;
  /**
   * The e-mail patience of the same citizen (from the same two uniforms): the written patience
   * once an e-form writer whose enquiry went unanswered writes an e-mail instead. Infinity unless
   * the scenario sets `emailPatience`.
   */
  emailPatience = Infinity;
  /** Minutes of work at the first contact, and for the back office to answer an enquiry. */
  frontMinutes = 0;
  backMinutes = 0;
  /** The need's key words: its numbers are `counterUniform(key0, key1, counter)`. */
  key0 = 0;
  key1 = 0;
  /** Numbers of the need's own sequence used so far (counters from {@link OWN_BASE}). */
  ownDraws = 0;

  /**
   * @param first - whether this is the first need of its pool: it settles the class's fractional
   *   fields for all needs made after it (see engine/shape.ts)
   */
  constructor(first = true) {
    if (first) primeFractions(this, NEED_FRACTIONS);
  }

  /** Clears the counters for reuse. */
  reset(): void {
    // only the counts by reason and cause that were counted (most needs have one or two)
    for (let m = this.reasonsSeen; m !== 0; m &= m - 1) this.byReason[lowestBit(m)] = 0;
    for (let m = this.causesSeen; m !== 0; m &= m - 1) this.byCause[lowestBit(m)] = 0;
    this.reasonsSeen = 0;
    this.causesSeen = 0;
    this.cohort = 0;
    this.recordDue = 0;
    this.journal = 0;
    this.status = 0;
    this.isCase = 0;
    this.needsSpecialist = 0;
    this.complete = 0;
    this.infoLost = 0;
    this.defect = 0;
    this.step = 0;
    this.contacts = 0;
    this.failureContacts = 0;
    this.outbound = 0;
    this.handoffs = 0;
    this.reworks = 0;
    this.stops = 0;
    this.defectLeft = 0;
    this.defectStep = -1;
    this.origin = -1;
    this.defectTeam = -1;
    this.defectCause = 0;
    this.lastUpdateAt = -1;
    this.updatePending = 0;
    this.person = -1;
    this.personTeam = -1;
    this.covered = 0;
    this.waitsBeyond = 0;
    this.retells = 0;
    this.failedAttempts = 0;
    this.effort = 0;
    this.staffMinutes = 0;
    this.firstContactResolved = 0;
    this.contacted = 0;
    this.reopened = 0;
    this.selfServed = 0;
    this.completeAt = -1;
    this.closedAt = -1;
    this.firstContactAt = -1;
    this.registeredAt = -1;
    this.pauseAt = -1;
    this.pausedBeforeFirstClosing = 0;
    this.pausedAfterComplete = 0;
    this.closings = 0;
    this.firstClosedAt = -1;
    this.lastClosedAt = -1;
    this.reopens = 0;
    this.firstReopenAt = -1;
    this.lastReopenAt = -1;
    this.abandonedContacts = 0;
    this.chases = 0;
    this.clarifications = 0;
    this.consults = 0;
    this.chaseEvent = -1;
    this.chaseDraws = 0;
    this.ownDraws = 0;
    this.repeats = 0;
    this.owner = -1;
    this.afterCare = 0;
    this.awaitingCitizen = 0;
    this.endAt = -1;
    this.expression = -1;
    this.expectationDue = 0;
  }
}

/**
 * The index of the lowest set bit of a non-zero 32-bit mask (for {@link Need.reasonsSeen} and
 * {@link Need.causesSeen}).
 *
 * @param mask - a non-zero integer
 * @returns the bit's index, 0 to 31
 * @example
 * ```ts
 * lowestBit(0b10100); //=> 2
 * ```
 */
export function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * Counts a handled contact of the need by its reason and, for failure demand, its cause.
 *
 * @param need - the need
 * @param reason - the contact's reason code
 * @param cause - its cause code, counted when `failure` is true
 * @param failure - whether the contact is failure demand
 * @example
 * ```ts
 * const n = new Need();
 * countContact(n, 1, 4, true);
 * [n.byReason[1], n.byCause[4], n.reasonsSeen, n.causesSeen]; //=> [1, 1, 2, 16]
 * ```
 */
export function countContact(need: Need, reason: number, cause: number, failure: boolean): void {
  need.byReason[reason]! += 1;
  need.reasonsSeen |= 1 << reason;
  if (failure) {
    need.byCause[cause]! += 1;
    need.causesSeen |= 1 << cause;
  }
}

/**
 * Notes that the organisation closed the need at `now`: a case closed after its last step (or
 * its rework), an enquiry answered (at the front, by a call-back or through a relayed consult).
 * For the need records; changes nothing in the run.
 *
 * @param need - the need
 * @param now - the time
 * @example
 * ```ts
 * const n = new Need();
 * noteClosing(n, 10); noteClosing(n, 30);
 * [n.closings, n.firstClosedAt, n.lastClosedAt]; //=> [2, 10, 30]
 * ```
 */
export function noteClosing(need: Need, now: number): void {
  need.closings++;
  if (need.firstClosedAt < 0) need.firstClosedAt = now;
  need.lastClosedAt = now;
}

/**
 * Notes that the need was reopened at `now`: the citizen reported a defect after closing and
 * the work is redone. For the need records; changes nothing in the run.
 *
 * @param need - the need
 * @param now - the time
 * @example
 * ```ts
 * const n = new Need();
 * noteReopen(n, 50);
 * [n.reopens, n.firstReopenAt, n.lastReopenAt]; //=> [1, 50, 50]
 * ```
 */
export function noteReopen(need: Need, now: number): void {
  need.reopens++;
  if (need.firstReopenAt < 0) need.firstReopenAt = now;
  need.lastReopenAt = now;
}

/**
 * The minutes on a case's internal clock (docs/metrics.md, `internalClock`): from its start
 * (`startsAt`) to the organisation's first closing at or after it, less the waits for the
 * citizen before that closing when the clock pauses for them; NaN for a need without a clock
 * (an enquiry, a case not yet closed, or one whose application was never complete). Reads the
 * need only.
 *
 * @param need - the need
 * @param clock - its service's internal clock
 * @returns minutes, or NaN
 * @example
 * ```ts
 * const n = new Need();
 * n.isCase = 1; n.arrival = 0; n.registeredAt = 5; n.completeAt = 20; n.firstClosedAt = n.closedAt = 100;
 * clockMinutes(n, { startsAt: "completeApplication", pausesForCitizen: false, targetMinutes: null }); //=> 80
 * clockMinutes(n, { startsAt: "firstContact", pausesForCitizen: false, targetMinutes: null }); //=> 100
 * ```
 */
export function clockMinutes(need: Need, clock: InternalClockSpec): number {
  if (need.isCase !== 1) return NaN;
  const pauses = clock.pausesForCitizen;
  if (clock.startsAt === "completeApplication") {
    if (need.completeAt < 0 || need.closedAt < need.completeAt) return NaN;
    return need.closedAt - need.completeAt - (pauses ? need.pausedAfterComplete : 0);
  }
  const start = clock.startsAt === "registration" ? need.registeredAt : need.arrival;
  if (start < 0 || need.firstClosedAt < start) return NaN;
  return need.firstClosedAt - start - (pauses ? need.pausedBeforeFirstClosing : 0);
}
