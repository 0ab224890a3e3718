/**
 * Small integer codes used in the model's columnar records, with their names. Records store
 * codes in typed arrays; reports turn them back into names with these tables.
 *
 * @packageDocumentation
 */

/**
 * Why a citizen contacted the municipality. Codes below `FIRST_FAILURE_REASON` are value
 * demand; the rest are failure demand (E2; docs/evidence.md, metric 3).
 *
 * @example
 * ```ts
 * REASON_NAMES[Reason.progressChasing]; //=> "progressChasing"
 * isFailureReason(Reason.progressChasing); //=> true
 * ```
 */
export const Reason = {
  /** A first request for what the service exists to provide (value demand). */
  firstRequest: 0,
  /** Chasing progress: "where is my case?" (M9). */
  progressChasing: 1,
  /** The need was not done, or not done right (M3, M8). */
  notDoneRight: 2,
  /** Not understood: what does this letter mean, please explain again (M7, M4). */
  clarification: 3,
  /** Wrong place: "not for here", sent on (M4). */
  wrongPlace: 4,
  /** Coming back because the last contact left the need unresolved (M3, M11). */
  repeatUnresolved: 5,
  /** Reopened after the case was closed (M10). */
  reopened: 6,
  /** A formal complaint (phase 3). */
  complaint: 7,
} as const;

/** A reason code. */
export type ReasonCode = (typeof Reason)[keyof typeof Reason];

/** The first failure-demand reason code. */
export const FIRST_FAILURE_REASON = 1;

/**
 * Reason names indexed by code.
 *
 * @example
 * ```ts
 * REASON_NAMES[1]; //=> "progressChasing"
 * ```
 */
export const REASON_NAMES: readonly string[] = [
  "firstRequest",
  "progressChasing",
  "notDoneRight",
  "clarification",
  "wrongPlace",
  "repeatUnresolved",
  "reopened",
  "complaint",
];

/**
 * Whether a contact reason is failure demand.
 *
 * @param reason - a {@link Reason} code
 * @example
 * ```ts
 * isFailureReason(Reason.firstRequest); //=> false
 * ```
 */
export function isFailureReason(reason: number): boolean {
  return reason >= FIRST_FAILURE_REASON;
}

/**
 * The mechanism that made a failure-demand contact: why the failure behind it happened, beside
 * the contact's {@link Reason} (what the citizen said). Value demand has cause `none`.
 * Causes belong to one design or the other, or to both: `cutShort` (handling-time targets),
 * `wrongAnswer` (a broad front line answering beyond what it handles often), `consultLoss`
 * (pulled expertise relayed with a gap), `missedUpdate` (a promised update that came too late),
 * `measureGaming` (a late case closed early to stop the end-to-end clock), and so on.
 *
 * @example
 * ```ts
 * CAUSE_NAMES[Cause.wrongAnswer]; //=> "wrongAnswer"
 * ```
 */
export const Cause = {
  /** Value demand: no failure. */
  none: 0,
  /** Work cut short at a handling-time target (M3). */
  cutShort: 1,
  /** A generalist answered a demand type beyond the basic repertoire wrongly or incompletely. */
  wrongAnswer: 2,
  /** Information lost when a consult's answer was relayed to the citizen or the owner. */
  consultLoss: 3,
  /** Information lost at a hand-off between teams (M4). */
  infoLoss: 4,
  /** Work sent to the wrong place first (M4). */
  misroute: 5,
  /** A letter asking for missing information was not understood (M7). */
  unclearLetter: 6,
  /** Field work that failed and had to be done again (M8). */
  fieldFailure: 7,
  /** Other work that failed and had to be done again (M8). */
  workFailed: 8,
  /** Closed before the need was met under a cases-closed measure (M10). */
  prematureClosure: 9,
  /** A late case closed early to stop the end-to-end clock (the end-to-end measure's dysfunction). */
  measureGaming: 10,
  /** The wait ran past what the citizen expected (M9). */
  waitBeyondExpectation: 11,
  /** Promised progress updates, but none reached the citizen in time (M9). */
  missedUpdate: 12,
  /** The need waited for its absent case owner. */
  ownerAbsent: 13,
  /** A formal complaint about the experience as a whole (phase 3). */
  badExperience: 14,
} as const;

/**
 * Cause names indexed by code.
 *
 * @example
 * ```ts
 * CAUSE_NAMES[1]; //=> "cutShort"
 * ```
 */
export const CAUSE_NAMES: readonly string[] = [
  "none",
  "cutShort",
  "wrongAnswer",
  "consultLoss",
  "infoLoss",
  "misroute",
  "unclearLetter",
  "fieldFailure",
  "workFailed",
  "prematureClosure",
  "measureGaming",
  "waitBeyondExpectation",
  "missedUpdate",
  "ownerAbsent",
  "badExperience",
];

/**
 * What a piece of staff work was for. Work on a citizen-initiated contact is `contact`; the
 * others are back-office tasks.
 *
 * @example
 * ```ts
 * TASK_NAMES[Task.step]; //=> "step"
 * ```
 */
export const Task = {
  /** Handling a contact the citizen made (phone, visit, e-mail). */
  contact: 0,
  /** A step of a case flow. */
  step: 1,
  /** Answering an enquiry passed on by the front (log and pass). */
  callback: 2,
  /** Expertise pulled by a front line or a case owner. */
  consult: 3,
  /** Answering a chase passed on by the front. */
  chaseNote: 4,
  /** Calling the citizen to clarify missing or lost information. */
  clarify: 5,
  /** Looking at work that landed in the wrong place before sending it on. */
  misroute: 6,
  /** Confirming with the citizen that the need is met. */
  confirm: 7,
  /** A proactive progress update. */
  update: 8,
  /** Handling a formal complaint. */
  complaint: 9,
  /** Redoing work that was not done right. */
  rework: 10,
  /** Relaying a consult's answer to the citizen (front) or into the case (owner). */
  relay: 11,
  /** Training that keeps a broad repertoire up (hours taken from capacity). */
  training: 12,
} as const;

/** A task code. */
export type TaskCode = (typeof Task)[keyof typeof Task];

/**
 * Task names indexed by code.
 *
 * @example
 * ```ts
 * TASK_NAMES[0]; //=> "contact"
 * ```
 */
export const TASK_NAMES: readonly string[] = [
  "contact",
  "step",
  "callback",
  "consult",
  "chaseNote",
  "clarify",
  "misroute",
  "confirm",
  "update",
  "complaint",
  "rework",
  "relay",
  "training",
];

/**
 * How a contact ended.
 *
 * @example
 * ```ts
 * OUTCOME_NAMES[Outcome.abandoned]; //=> "abandoned"
 * ```
 */
export const Outcome = {
  /** The need was met at this contact. */
  resolved: 0,
  /** Handled, and the need goes on elsewhere (passed on, case taken in, status given). */
  handled: 1,
  /** Cut short or not answerable: the need is left unresolved (M3). */
  unresolved: 2,
  /** The caller hung up in the queue (M11). */
  abandoned: 3,
} as const;

/**
 * Outcome names indexed by code.
 *
 * @example
 * ```ts
 * OUTCOME_NAMES[0]; //=> "resolved"
 * ```
 */
export const OUTCOME_NAMES: readonly string[] = ["resolved", "handled", "unresolved", "abandoned"];

/**
 * Where a need ended up.
 *
 * @example
 * ```ts
 * STATUS_NAMES[NeedStatus.resolved]; //=> "resolved"
 * ```
 */
export const NeedStatus = {
  open: 0,
  resolved: 1,
  abandoned: 2,
} as const;

/**
 * Status names indexed by code.
 *
 * @example
 * ```ts
 * STATUS_NAMES[2]; //=> "abandoned"
 * ```
 */
export const STATUS_NAMES: readonly string[] = ["open", "resolved", "abandoned"];

/**
 * What a citizen says afterwards (phase 3).
 *
 * @example
 * ```ts
 * EXPRESSION_NAMES[Expression.socialMedia]; //=> "socialMedia"
 * ```
 */
export const Expression = {
  silent: 0,
  praise: 1,
  wordOfMouth: 2,
  socialMedia: 3,
  complaint: 4,
} as const;

/**
 * Expression names indexed by code.
 *
 * @example
 * ```ts
 * EXPRESSION_NAMES[4]; //=> "complaint"
 * ```
 */
export const EXPRESSION_NAMES: readonly string[] = ["silent", "praise", "wordOfMouth", "socialMedia", "complaint"];
