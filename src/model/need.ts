import type { Rng } from "../random/index.js";

/**
 * The runtime state of one citizen need while it is alive. Needs are pooled and reused, so a
 * long run keeps only the needs alive in memory; a closed need is written to the records.
 *
 * @packageDocumentation
 */

/**
 * Fixed roles in a need's bank of uniforms, drawn when the need arises, so that the same
 * need meets the same luck under every policy (common random numbers). Step decisions use
 * `stepBase + STEP_ROLES × step + k` with k one of {@link StepRole}.
 */
export const U = {
  frontCut: 0,
  frontInfoLoss: 1,
  frontMisroute: 2,
  completenessHelp: 3,
  premature: 4,
  noticeDefect: 5,
  confirmCatch: 6,
  expression: 7,
  selfServe: 8,
  callbackInfoLoss: 9,
  /** The first chase delay (most needs never chase; later chases use the need's own stream). */
  firstChase: 10,
  secondChase: 11,
  stepBase: 12,
} as const;

/** Decisions per case step, in the need's bank of uniforms. */
export const StepRole = { cut: 0, infoLoss: 1, misroute: 2, fail: 3 } as const;

/** Number of uniforms per case step. */
export const STEP_ROLES = 4;

/**
 * A live need. Fields are plain numbers so that V8 keeps one object shape.
 *
 * @example
 * ```ts
 * const n = new Need(4);
 * n.steps.length; //=> 4
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
  /** This citizen's own chasing stream, made when the need first chases (common random numbers). */
  chaseRng: Rng | null = null;
  /** Chase delays drawn so far (the first from the bank of uniforms). */
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
  /** Minutes of work at the first contact, and for the back office to answer an enquiry. */
  frontMinutes = 0;
  backMinutes = 0;
  readonly steps: Float64Array;
  readonly u: Float64Array;

  /** @param maxSteps - the largest number of steps of any service */
  constructor(maxSteps: number) {
    this.steps = new Float64Array(Math.max(1, maxSteps));
    this.u = new Float64Array(U.stepBase + STEP_ROLES * Math.max(1, maxSteps));
  }

  /** Clears the counters for reuse. */
  reset(): void {
    this.cohort = 0;
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
    this.chaseEvent = -1;
    this.chaseRng = null;
    this.chaseDraws = 0;
    this.owner = -1;
    this.afterCare = 0;
    this.awaitingCitizen = 0;
    this.endAt = -1;
    this.expression = -1;
    this.expectationDue = 0;
  }
}
