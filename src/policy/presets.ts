/**
 * The two preset policies. Each choice is documented in docs/policies.md; the numbers are
 * starting points of regimes A and B in docs/evidence.md (GUESS).
 *
 * @packageDocumentation
 */
import type { Policy } from "./types.js";

const WEEK = 7 * 24 * 60;

/**
 * "Optimise each part's minutes": a scripted front line that logs and passes what it cannot
 * answer, a 4-minute handling-time target cut short half the time, standard times per step,
 * specialised hand-offs, weekly batch sweeps of every back-office inbox (monthly for
 * decisions, by committee), no progress information, closure when the step ends, a
 * completeness check by letter from the back office, and staff held to cases closed.
 *
 * @example
 * ```ts
 * minutesPolicy.caseHandling; //=> "handoffs"
 * ```
 */
export const minutesPolicy: Policy = {
  name: "minutes",
  description: "Optimise each part's minutes: standard times, handling-time targets, specialised hand-offs, batching",
  frontOffice: { scope: "logAndPass", skillCoverage: 0.3 },
  // standard times: each service's mean work plus a 20% allowance (GUESS), at the front as at
  // every step, so a service whose contacts are long is not held to a short line's clock; an
  // absolute line-wide target (frontMinutes) remains a choice
  handlingTime: { frontMinutes: null, frontFactor: 1.2, stepFactor: 1.2, cutShortProbability: 0.5 },
  caseHandling: "handoffs",
  batching: { everyMinutes: WEEK, byRole: { meeting: 4 * WEEK }, steps: {} },
  progressInformation: "none",
  closure: "targetDriven",
  completenessCheck: "backOfficeLetter",
  activityMeasure: "casesClosed",
  consultPriority: "queue",
  // no effect under hand-offs; a hybrid with case owners gets personal ones
  ownership: "personal",
};

/**
 * "Design for the whole": trained generalists at the front who resolve or pull expertise, no
 * handling-time targets, one case owner per need pulling specialists as consults, flow
 * instead of batches, proactive progress information, closure when the citizen confirms,
 * completeness checked with the citizen at the first contact, and staff held to end-to-end
 * time.
 *
 * @example
 * ```ts
 * wholePolicy.frontOffice.scope; //=> "resolve"
 * ```
 */
export const wholePolicy: Policy = {
  name: "whole",
  description: "Design for the whole: absorb variety at the first contact, one owner per need, pull expertise, flow, end-to-end measures",
  frontOffice: { scope: "resolve", skillCoverage: 0.8 },
  handlingTime: { frontMinutes: null, frontFactor: null, stepFactor: null, cutShortProbability: 0 },
  caseHandling: "caseOwner",
  batching: { everyMinutes: null, byRole: {}, steps: {} },
  progressInformation: "proactive",
  closure: "citizenConfirms",
  completenessCheck: "firstContact",
  activityMeasure: "endToEndTime",
  // pulled expertise waits in the specialist's line like other work (GUESS; "first" is a choice)
  consultPriority: "queue",
  // one owner per need is a person, with a caseload, holidays and sick days ("pool" is a choice)
  ownership: "personal",
};

/**
 * The presets by name.
 *
 * @example
 * ```ts
 * Object.keys(policies); //=> ["minutes", "whole"]
 * ```
 */
export const policies: { readonly minutes: Policy; readonly whole: Policy } = {
  minutes: minutesPolicy,
  whole: wholePolicy,
};
