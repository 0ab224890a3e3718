/**
 * The shapes of a customer journey (kundresa): the three phases, the events of one citizen's
 * journey and the segments its end-to-end time is split into. Plain JSON-able data: no typed
 * arrays, no NaN (missing values are `null`).
 *
 * @packageDocumentation
 */

/** A phase of the customer journey: before, during or after contact (docs/evidence.md, E1). */
export type Phase = "before" | "during" | "after";

/**
 * The three phases in journey order.
 *
 * @example
 * ```ts
 * PHASES.join(" → "); //=> "before → during → after"
 * ```
 */
export const PHASES: readonly Phase[] = ["before", "during", "after"];

/**
 * What a piece of end-to-end time was spent on:
 * `beforeContact` from the need arising to the first contact (a closed line, or the search of a
 * self-served citizen); `queue` in a team's line; `inbox` before work joined a team's line
 * (batch sweeps, scheduled meetings, the next release); `handling` staff working on the need;
 * `away` the citizen coming back after something went wrong (a redial, a repeat, a defect
 * noticed later); `citizen` waiting for the citizen's answer; `outsiders` waiting for referrals,
 * neighbours or bookings; `other` anything the journal does not explain (normally 0).
 */
export type SegmentKind = "beforeContact" | "queue" | "inbox" | "handling" | "away" | "citizen" | "outsiders" | "other";

/** One piece of a need's end-to-end time, attributed to the touchpoint where it arose. */
export interface JourneySegment {
  readonly phase: "before" | "during";
  readonly kind: SegmentKind;
  /** Team name, or a pseudo touchpoint ("before contact", "the citizen", "outsiders", "unattributed"). */
  readonly touchpoint: string;
  /** Team id as run, or null for a pseudo touchpoint. */
  readonly teamId: string | null;
  readonly minutes: number;
  /** Index of the journey event the segment belongs to. */
  readonly event: number;
}

/** One event of a citizen's journey, readable and JSON-able. */
export interface JourneyEvent {
  /** Journal event name: arose, contact, work, handoff, citizenWait, externalWait, closed, ended, expressed, noticed. */
  readonly event: string;
  readonly phase: Phase;
  /** Clock time in minutes since the start of the run (Monday 1 January, 00:00). */
  readonly timeMinutes: number;
  /** Day number of the run (1 = the first Monday). */
  readonly day: number;
  readonly weekday: string;
  /** Time of day, "HH:MM". */
  readonly clock: string;
  /** Minutes since the need arose. */
  readonly sinceArrivalMinutes: number;
  /** The team the event happened at (name), or null. */
  readonly touchpoint: string | null;
  readonly teamId: string | null;
  /** The channel the citizen used at the time (phone, visit, email, eform). */
  readonly channel: string;
  /** Waiting before the event: queue, citizen's answer, outsiders (minutes). */
  readonly waitMinutes: number;
  /** Time before the work joined the team's line, or before the citizen came back (minutes). */
  readonly idleMinutes: number;
  /** Staff minutes (for "arose": the citizen's search minutes). */
  readonly handlingMinutes: number;
  /** The citizen's effort in this event: search, time on the line or at the desk, the contact. */
  readonly effortMinutes: number;
  /** Task name of a piece of work, or null. */
  readonly task: string | null;
  /** Contact outcome, need status (ended), expression (expressed), or another short word. */
  readonly outcome: string | null;
  /** "value" or "failure" for contacts and work; null otherwise. */
  readonly demand: "value" | "failure" | null;
  /** Reason name of a contact or of failure work. */
  readonly reason: string | null;
  /** For failure demand: where the failure or wait arose (team name), when known. */
  readonly origin: string | null;
  /** For a failure-demand contact: the mechanism that caused it (a name of `CAUSE_NAMES`), else null. */
  readonly cause: string | null;
  /** The emotion moment this event is (see EMOTION_WEIGHTS), or null. */
  readonly moment: string | null;
  readonly emotionChange: number;
  /** Emotion level after the event (0 at the start). */
  readonly emotion: number;
  /** The event as a line a teacher can read aloud. */
  readonly text: string;
}

/** Durations of the three phases; before + during = end-to-end time. */
export interface PhaseMinutes {
  readonly before: number;
  /** null while the need is open. */
  readonly during: number | null;
  readonly after: number;
}

/** One citizen's journey with one need. */
export interface Journey {
  readonly need: number;
  readonly service: string;
  readonly serviceName: string;
  /** The channel chosen first. */
  readonly channel: string;
  readonly isCase: boolean;
  /** resolved, abandoned or open. */
  readonly status: string;
  readonly arrivalMinutes: number;
  readonly endMinutes: number | null;
  readonly endToEndMinutes: number | null;
  readonly phases: PhaseMinutes;
  /** Contacts the citizen made and the front handled; of them failure demand. */
  readonly contacts: number;
  readonly failureContacts: number;
  readonly handoffs: number;
  readonly firstContactResolved: boolean;
  readonly effortMinutes: number;
  /** Phase-3 expression, or null while open. */
  readonly expression: string | null;
  /** Emotion level at the end of the journey. */
  readonly emotion: number;
  readonly events: readonly JourneyEvent[];
  /** The end-to-end time split by touchpoint (empty while open); adds up to endToEndMinutes. */
  readonly segments: readonly JourneySegment[];
  /** The journey told line by line. */
  readonly narrative: readonly string[];
}
