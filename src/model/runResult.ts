/**
 * What one simulation run returns: columnar records of needs and contacts, staff minutes by
 * team and task, and team statistics. Everything is plain data (typed arrays and numbers), so
 * a run can be sent between worker threads and summarised later.
 *
 * @packageDocumentation
 */
import type { TeamStats } from "../engine/index.js";
import type { InternalClockSpec, TeamRole } from "../scenario/types.js";
import type { JournalRecords } from "./journal.js";
import type { RunSeries } from "./series.js";

/**
 * A column of counts in {@link NeedRecords}: a `Uint16Array`, or a `Uint32Array` when some
 * need's count in it passed 65,535 (a citizen who redialled a closed line for years, say).
 * Read it by index either way; for array methods in TypeScript, which cannot call a method on a
 * union of typed arrays, take `Array.from(column)` first.
 *
 * @example
 * ```ts
 * const counts: CountColumn = Uint16Array.of(0, 2, 1);
 * counts[1]; //=> 2
 * ```
 */
export type CountColumn = Uint16Array | Uint32Array;

/**
 * One row per need of the measured cohort (arrived in [warmup, horizon)). Codes are explained
 * in `codes.ts`; times are minutes since the start of the run.
 *
 * Each column is a typed array as narrow as its values allow, so a million needs' rows take
 * 186 MB rather than 464: times and minutes are `Float64Array`; the id is a `Uint32Array`; the
 * expression and the clock's verdict are `Float32Array` (exact for their small codes, and NaN
 * where they have none); the service is a `Uint16Array`, and every count a {@link CountColumn};
 * codes and 0/1 flags are `Uint8Array`. Read them as numbers (`needs.contacts[i]`);
 * `Float64Array.from(column)` makes a float copy where one is wanted.
 */
export interface NeedRecords {
  readonly length: number;
  readonly id: Uint32Array;
  readonly service: Uint16Array;
  /** The channel the citizen chose first (CHANNELS index). */
  readonly channel: Uint8Array;
  readonly isCase: Uint8Array;
  readonly arrival: Float64Array;
  /** When the need was met or given up; NaN while open at the end of the run. */
  readonly end: Float64Array;
  /** NeedStatus code. */
  readonly status: Uint8Array;
  /** Contacts the citizen made (handled, not abandoned attempts). */
  readonly contacts: CountColumn;
  readonly failureContacts: CountColumn;
  /** Contacts the organisation made (clarifications, confirmations, updates). */
  readonly outbound: CountColumn;
  readonly handoffs: CountColumn;
  readonly reworks: CountColumn;
  readonly firstContactResolved: Uint8Array;
  /** 1 if at least one contact was handled. */
  readonly contacted: Uint8Array;
  readonly reopened: Uint8Array;
  readonly selfServed: Uint8Array;
  /** 1 if met right first time: no failure demand, rework, clarification or reopening. */
  readonly clean: Uint8Array;
  readonly effortMinutes: Float64Array;
  readonly staffMinutes: Float64Array;
  /** The organisation's own clock: from complete application to its first closing; NaN if none. */
  readonly internalMinutes: Float64Array;
  /** Expression code (phase 3); NaN while open. */
  readonly expression: Float32Array;
  /** The citizen's patience in a queue (minutes), drawn when the need arose. */
  readonly patience: Float64Array;
  /** When the citizen first got through: the start of the first handled contact (queue time + wait); NaN if none. */
  readonly firstContactAt: Float64Array;
  /** Times the organisation closed the need: a case closed after its last step or rework, an enquiry answered (at the front, by a call-back, through a relayed consult). */
  readonly closings: CountColumn;
  /** When the need was first and last closed; NaN if never. */
  readonly firstClosedAt: Float64Array;
  readonly lastClosedAt: Float64Array;
  /** Times the citizen reported a defect after closing and the work was redone (`reopened` is 1 when this is ≥ 1). */
  readonly reopens: CountColumn;
  /** When the need was first and last reopened; NaN if never. */
  readonly firstReopenAt: Float64Array;
  readonly lastReopenAt: Float64Array;
  /** Attempts that hung up in a queue (not in `contacts`). */
  readonly abandonedContacts: CountColumn;
  /** Progress-chasing attempts that joined a queue, handled or hung up. */
  readonly chases: CountColumn;
  /** Clarifications the organisation made with the citizen (information lost, or missing from the application). */
  readonly clarifications: CountColumn;
  /** Expertise pulled as a consult (an enquiry under `resolve`, a specialist step under `caseOwner`). */
  readonly consults: CountColumn;
  /**
   * Minutes on the case's internal clock (its service's `internalClock`: from its start to the
   * organisation's first closing at or after it, less the waits for the citizen if it pauses
   * for them); NaN for an enquiry or a case without both ends. See docs/metrics.md.
   */
  readonly clockMinutes: Float64Array;
  /** 1 if the clock met its service's target, 0 if not; NaN without a target or a clock. */
  readonly clockTargetMet: Float32Array;
  /** Handled contacts by reason: one column per `Reason` code (REASON_NAMES order); they add up to `contacts`. */
  readonly contactsByReason: readonly CountColumn[];
  /** Handled failure-demand contacts by cause: one column per `Cause` code (CAUSE_NAMES order); they add up to `failureContacts`. */
  readonly failureContactsByCause: readonly CountColumn[];
}

/**
 * One row per contact attempt by a citizen whose time falls in [warmup, horizon). As in
 * {@link NeedRecords}, columns are as narrow as their values: times and minutes `Float64Array`,
 * the need's id `Uint32Array`, service and team `Uint16Array`, the origin `Int16Array` (-1 for
 * value demand), codes and flags `Uint8Array`: 39 bytes per contact.
 */
export interface ContactRecords {
  readonly length: number;
  readonly need: Uint32Array;
  readonly service: Uint16Array;
  /** Index into {@link RunResult.teams}. */
  readonly team: Uint16Array;
  readonly channel: Uint8Array;
  /** Reason code. */
  readonly reason: Uint8Array;
  /** Outcome code. */
  readonly outcome: Uint8Array;
  readonly time: Float64Array;
  readonly wait: Float64Array;
  readonly minutes: Float64Array;
  /**
   * For failure demand: the team (index into {@link RunResult.teams}) where the failure or the
   * wait arose — the touchpoint that caused the contact; -1 for value demand.
   */
  readonly origin: Int16Array;
  /** For failure demand: the mechanism that caused the contact (a `Cause` code); 0 for value demand. */
  readonly cause: Uint8Array;
  /**
   * 1 for a contact that ended after its need's record had been written (a chase still in the
   * line when the need was met, say): the need's own counts in {@link NeedRecords} leave it out.
   */
  readonly afterRecord: Uint8Array;
}

/** A team as it ran (after any pooling of teams into case-owner teams). */
export interface TeamResult {
  readonly id: string;
  readonly name: string;
  readonly role: TeamRole;
  readonly staff: number;
  /** The scenario teams it is made of (one, or several pooled into case owners). */
  readonly members: readonly string[];
  /** Statistics over [warmup, horizon). */
  readonly stats: TeamStats;
  /** Staff minutes of value work and of failure work in the window. */
  readonly valueMinutes: number;
  readonly failureMinutes: number;
  /** Staff minutes by task code in the window. */
  readonly minutesByTask: readonly number[];
  /** Pay as a multiple of the scenario's cost per staff hour (by role; see the model docs). */
  readonly pay: number;
}

/** The result of {@link simulate}. */
export interface RunResult {
  readonly scenario: string;
  readonly policy: string;
  readonly seed: number | string;
  readonly replication: number;
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  /** When the run stopped (all cohort needs closed, or horizon + drain). */
  readonly endMinutes: number;
  /** Events the model fired (the marks that read the series at period ends are not counted). */
  readonly events: number;
  /** Needs that arose during the whole run (warm-up and drain included). */
  readonly needsArisen: number;
  readonly costPerStaffHour: number;
  readonly currency: string;
  readonly serviceIds: readonly string[];
  readonly serviceNames: readonly string[];
  /** Each service's case steps: ids and readable names, by step index. */
  readonly serviceSteps: readonly (readonly { readonly id: string; readonly name: string }[])[];
  /** Each service's internal clock, by service index (docs/scenario-format.md, `internalClock`). */
  readonly internalClocks: readonly InternalClockSpec[];
  readonly teams: readonly TeamResult[];
  readonly needs: NeedRecords;
  readonly contacts: ContactRecords;
  /** Needs met (by anyone in the population) with their end in the window: the denominator of staff minutes per need. */
  readonly resolvedInWindow: number;
  /** Phone attempts and abandoned phone attempts in the window (M11). */
  readonly phoneAttempts: number;
  readonly phoneAbandoned: number;
  /** Needs alive at the end of each day of the run (day 1 first): the series for warm-up analysis. */
  readonly dailyOpenNeeds: Float64Array;
  /** Every event of a sample of cohort needs' journeys (see `journal.ts`). */
  readonly journal: JournalRecords;
  /** The measures per week, day or hour of the window (`SimulateOptions.series`); null when switched off. */
  readonly series: RunSeries | null;
}
