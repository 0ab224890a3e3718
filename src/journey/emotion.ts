/**
 * The journey emotion score (docs/evidence.md, metric 10): a model assumption, not a
 * measurement. It starts at 0 when the need arises, falls with each wait beyond expectation (a
 * chase), each repeat, each hand-off and each "tell your story again", and rises with a
 * resolution, most of all at the first contact. The weights are GUESSes in the spirit of the
 * phase-3 bad-experience score (`model/expression.ts`); no source calibrates them. Used to find
 * the moments where citizens' experience drops most (pain points, candidate moments of truth).
 *
 * @packageDocumentation
 */
import { JournalEvent, NeedStatus, Outcome, Reason, Task } from "../model/index.js";
import type { RawEvent } from "./journalRows.js";

/**
 * Emotion change per moment (GUESS). Kept next to the phase-3 weights of the model: a failure
 * contact, a retelling and a chase count 1 there as here, a hand-off 0.5, giving up 3.
 *
 * @example
 * ```ts
 * EMOTION_WEIGHTS.handoff; //=> -0.5
 * ```
 */
export const EMOTION_WEIGHTS = {
  /** The citizen found no usable information before getting in touch (phase 1). */
  noInformation: -0.5,
  /** Hung up in a phone queue or left a desk queue. */
  hungUp: -0.5,
  /** Waited beyond what they expected and chased: "where is my case?" */
  chase: -1,
  /** Had to get in touch again: not done right, letter not understood, wrong place, unresolved, reopened. */
  repeat: -1,
  /** The need was handed to another team. */
  handoff: -0.5,
  /** Asked to tell the story again (information lost at a hand-off). */
  retell: -1,
  /** The need was met at the first contact. */
  firstContactResolution: 2,
  /** The need was met later. */
  resolved: 1,
  /** The citizen gave the need up. */
  gaveUp: -3,
} as const;

/** A moment name: a key of {@link EMOTION_WEIGHTS}. */
export type Moment = keyof typeof EMOTION_WEIGHTS;

/**
 * Short labels of the moments, for tables and charts.
 *
 * @example
 * ```ts
 * MOMENT_LABELS.retell; //=> "tells the story again"
 * ```
 */
export const MOMENT_LABELS: Readonly<Record<Moment, string>> = {
  noInformation: "finds no usable information",
  hungUp: "hangs up in the queue",
  chase: "chases after waiting too long",
  repeat: "has to get in touch again",
  handoff: "handed on",
  retell: "tells the story again",
  firstContactResolution: "resolved at first contact",
  resolved: "need met",
  gaveUp: "gives up",
};

/** What decides a moment beyond the event itself. */
export interface MomentContext {
  /** Whether this contact is the need's first handled (not abandoned) contact. */
  readonly firstHandled: boolean;
  /** Whether the need was resolved at its first contact. */
  readonly firstContactResolved: boolean;
}

/**
 * The emotion moment an event is, if any.
 *
 * @param e - the event
 * @param ctx - first contact and first-contact resolution
 * @returns the moment, or null
 * @example
 * ```ts
 * momentOf({ ...e, code: JournalEvent.handoff }, ctx); //=> "handoff"
 * ```
 */
export function momentOf(e: RawEvent, ctx: MomentContext): Moment | null {
  switch (e.code) {
    case JournalEvent.arose:
      return e.detail === 0 ? "noInformation" : null;
    case JournalEvent.contact:
      if (e.detail === Outcome.abandoned) return "hungUp";
      if (e.reason === Reason.progressChasing) return "chase";
      if (e.reason === Reason.complaint) return null;
      if (e.reason !== Reason.firstRequest) return "repeat";
      return ctx.firstHandled && e.detail === Outcome.resolved ? "firstContactResolution" : null;
    case JournalEvent.handoff:
      return "handoff";
    case JournalEvent.citizenWait:
      return e.reason === Reason.clarification ? "retell" : null;
    case JournalEvent.work:
      return e.detail === Task.callback && e.failure === 1 ? "retell" : null;
    case JournalEvent.ended:
      if (e.detail === NeedStatus.abandoned) return "gaveUp";
      return e.detail === NeedStatus.resolved && !ctx.firstContactResolved ? "resolved" : null;
    default:
      return null;
  }
}
