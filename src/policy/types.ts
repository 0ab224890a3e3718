import type { TeamRole } from "../scenario/types.js";

/**
 * A policy is plain data: a set of named design choices. The presets `minutes` and `whole`
 * are just two values; hybrids are other values, and any choice can be swept.
 *
 * @packageDocumentation
 */

/** What the front line does with a need it meets first. */
export interface FrontOfficeChoice {
  /** "logAndPass": log the request and pass it on; "resolve": resolve at the first point of contact, pulling expertise when needed. */
  readonly scope: "logAndPass" | "resolve";
  /** Share of a service's front-resolvable demand types the front line is trained and allowed to resolve (0–1). */
  readonly skillCoverage: number;
}

/** Handling-time targets (standard times) and how strictly they are kept. */
export interface HandlingTimeChoice {
  /** Absolute target minutes per front-line contact, the same for every service, or null for none. */
  readonly frontMinutes: number | null;
  /**
   * Target per front-line contact as a multiple of the service's mean front work (its standard
   * time, like `stepFactor`), or null for none. With both targets set the shorter one holds.
   */
  readonly frontFactor: number | null;
  /** Target per back-office step as a multiple of the step's mean work (its standard time), or null for none. */
  readonly stepFactor: number | null;
  /** Chance that work needing longer than the target is cut short at the target (M3). */
  readonly cutShortProbability: number;
}

/** Batching of back-office steps (M6). */
export interface BatchingChoice {
  /** Interval in minutes between batch sweeps of every back-office step's inbox, or null for flow. */
  readonly everyMinutes: number | null;
  /** Overrides by the role of the team a step belongs to (e.g. `meeting`: a monthly committee). */
  readonly byRole: Readonly<Partial<Record<TeamRole, number | null>>>;
  /** Overrides per step, keyed "serviceId.stepId": an interval in minutes or null for flow. */
  readonly steps: Readonly<Record<string, number | null>>;
}

/** The design choices of a policy. */
export interface Policy {
  readonly name: string;
  readonly description: string;
  readonly frontOffice: FrontOfficeChoice;
  readonly handlingTime: HandlingTimeChoice;
  /** "handoffs": each step by its specialised team; "caseOwner": one owner per need, pulling expertise as consults. */
  readonly caseHandling: "handoffs" | "caseOwner";
  readonly batching: BatchingChoice;
  /** "none": citizens chase when a wait exceeds their expectation; "proactive": regular updates. */
  readonly progressInformation: "none" | "proactive";
  /** "targetDriven": closed when the step ends; "citizenConfirms": closed when the citizen confirms the need is met. */
  readonly closure: "targetDriven" | "citizenConfirms";
  /** "backOfficeLetter": missing information found at back-office intake and asked for by letter; "firstContact": checked with the citizen at the first contact. */
  readonly completenessCheck: "backOfficeLetter" | "firstContact";
  /**
   * What staff are held to: "casesClosed" (tempts premature closure of any case) or
   * "endToEndTime" (tempts closing late cases early to stop the clock).
   */
  readonly activityMeasure: "casesClosed" | "endToEndTime";
  /**
   * Where pulled expertise (a consult) waits in the specialist's line: "queue" behind the work
   * already there, or "first" ahead of it (faster for the puller, slower for the specialist's own
   * work).
   */
  readonly consultPriority: "queue" | "first";
  /**
   * Under "caseOwner": "personal" — each need has one person as its owner (the one at work with
   * the fewest open needs per working hour when it arrives), waits for them, and is taken over by a colleague who
   * must read in when they are away long; "pool" — the owners share one line, and whoever is
   * free takes the next piece of work. No effect under "handoffs".
   */
  readonly ownership: "personal" | "pool";
}
