/**
 * A scenario as the model reads it: plain data, every duration in minutes and every rate per
 * minute. Scenario files (YAML/JSON) use units ("45 min", "120 / week") and readable opening
 * hours; `parseScenario` turns them into this form.
 *
 * Time 0 is Monday 00:00 of week 0, and day 0 is 1 January (a 365-day year).
 *
 * @packageDocumentation
 */
import type { WeekInterval } from "../engine/index.js";

/** How a citizen reaches the municipality. */
export type Channel = "phone" | "visit" | "email" | "eform";

/**
 * The channels in a fixed order (used for channel-mix arrays and records).
 *
 * @example
 * ```ts
 * CHANNELS.indexOf("eform"); //=> 3
 * loadScenario("teaching").services[0]?.channelMix[CHANNELS.indexOf("phone")]; //=> 0.6
 * ```
 */
export const CHANNELS: readonly Channel[] = ["phone", "visit", "email", "eform"];

/**
 * The distribution families a {@link Spread} may take, in the order messages and docs list them
 * (`lognormal` is the default: a spread without a `family`).
 *
 * @example
 * ```ts
 * SPREAD_FAMILIES.includes("gamma"); //=> true
 * ```
 */
export const SPREAD_FAMILIES = ["lognormal", "exponential", "gamma", "deterministic", "triangular", "uniform", "empirical"] as const;

/** A distribution family of a {@link Spread}. */
export type SpreadFamily = (typeof SPREAD_FAMILIES)[number];

/**
 * A positive amount that varies (work, patience, a delay), in minutes. Every spread has its
 * `mean` and coefficient of variation `cv` (what the load analysis and the variety of work
 * read); `family` says how values are drawn:
 *
 * - absent or `"lognormal"`: lognormal with that mean and cv (cv 0 = always the mean);
 * - `"exponential"` (cv 1), `"gamma"` (by mean and cv > 0), `"deterministic"` (cv 0, always
 *   the mean);
 * - `"triangular"` (`min`, `mode`, `max`), `"uniform"` (`min`, `max`) and `"empirical"` (the
 *   observed `values`, each drawn equally often): their own parameters, and `mean` and `cv`
 *   must be theirs (`parseScenario` computes them).
 *
 * Every family draws from the same two uniforms per value (common random numbers; see
 * `spreadDistribution`).
 */
export type Spread =
  | { readonly family?: "lognormal" | "exponential" | "gamma" | "deterministic"; readonly mean: number; readonly cv: number }
  | { readonly family: "triangular"; readonly mean: number; readonly cv: number; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly family: "uniform"; readonly mean: number; readonly cv: number; readonly min: number; readonly max: number }
  | { readonly family: "empirical"; readonly mean: number; readonly cv: number; readonly values: readonly number[] };

/**
 * How one channel's contacts meet a closed team and when a citizen's patience starts.
 *
 * - `whenClosed`: a call or visit that finds its team closed (or everyone there away) comes
 *   back later (`"comeBack"`, at a random time in the next opening period, as a new contact
 *   with its patience restarting) or waits in the line until the team opens (`"queue"`).
 *   Written contacts (e-mail, e-form) always wait in the line: their rule says `"queue"`.
 * - `patienceFrom`: the patience counts from joining an open line (`"joining"`: for a contact
 *   made while the team is closed, from the opening) or from the moment the contact is made
 *   (`"arrival"`: time waiting for the opening counts). A contact that comes back later is a
 *   new contact at an open line, so under `"comeBack"` the two are the same.
 */
export interface ChannelRule {
  readonly whenClosed: "comeBack" | "queue";
  readonly patienceFrom: "joining" | "arrival";
}

/** A {@link ChannelRule} for every channel. */
export type ChannelRules = Readonly<Record<Channel, ChannelRule>>;

/** What a team does in the flow. */
export type TeamRole = "front" | "caseWork" | "specialist" | "field" | "meeting";

/** A team (touchpoint): people with the same role and opening hours. */
export interface TeamSpec {
  /** Identifier used by services and steps, e.g. "contactCentre". */
  readonly id: string;
  /** Readable name, e.g. "contact centre". */
  readonly name: string;
  readonly role: TeamRole;
  /** Staff on duty (servers), an integer ≥ 1. */
  readonly staff: number;
  /** Weekly opening hours: open intervals in minutes after Monday 00:00. */
  readonly hours: readonly WeekInterval[];
  /** For front teams: the channels this team answers. */
  readonly channels: readonly Channel[];
}

/** One step of a case flow (for applications: intake, assessment, decision, ...). */
export interface StepSpec {
  readonly id: string;
  readonly name: string;
  /** The team that does this step when cases are handed from specialist to specialist. */
  readonly team: string;
  /** Staff minutes of work content (its cv is the variety of this step's work). */
  readonly work: Spread;
  /** Only cases that need specialist expertise pass this step; a case owner pulls it as a consult. */
  readonly specialist: boolean;
  /** The step where a back-office completeness check finds missing information (M7). */
  readonly checksCompleteness: boolean;
  /** Calendar time after the work waiting for outsiders (referrals, neighbour hearing); no staff time. */
  readonly externalWait: Spread | null;
  /** Chance that the work fails and must be redone, e.g. a field visit (M8), before any information loss. */
  readonly failureProbability: number;
  /**
   * A step that by law or structure runs at fixed times whatever the policy (for example a
   * yearly school-placement run): cases wait for the next run. Policy batching adds to it.
   */
  readonly scheduled: ScheduledRun | null;
}

/** Fixed times at which a step runs: every `everyMinutes`, starting `offsetMinutes` after time 0. */
export interface ScheduledRun {
  readonly everyMinutes: number;
  readonly offsetMinutes: number;
}

/** Weekly, daily and seasonal shape of the arrival rate; each normalised to mean 1. */
export interface ArrivalProfile {
  /** Seven multipliers, Monday first. */
  readonly byDay: readonly number[];
  /** Twenty-four multipliers, hour 0 first. */
  readonly byHour: readonly number[];
  /** Twelve multipliers, January first. */
  readonly byMonth: readonly number[];
}

/**
 * Where a service's internal clock starts (docs/scenario-format.md, `internalClock`):
 * `completeApplication` when the application is complete (at once, or when the missing
 * information arrives), `registration` when the case is registered (it first reaches the
 * case flow), `firstContact` when the citizen first got in touch (the need's arrival: its
 * first attempt or e-form, queue and inbox time included).
 *
 * @example
 * ```ts
 * CLOCK_STARTS[0]; //=> "completeApplication"
 * ```
 */
export const CLOCK_STARTS = ["completeApplication", "registration", "firstContact"] as const;

/** One of {@link CLOCK_STARTS}. */
export type ClockStart = (typeof CLOCK_STARTS)[number];

/**
 * The organisation's own processing-time clock of a service's cases (measurement only: it
 * changes nothing in a run). It stops at the organisation's first closing (decision) of the
 * case at or after its start; reopenings are not counted.
 */
export interface InternalClockSpec {
  readonly startsAt: ClockStart;
  /** Whether the clock stands still while the organisation waits for the citizen (clarifications, missing information). */
  readonly pausesForCitizen: boolean;
  /** The target for the clock, in minutes (e.g. 10 weeks for a building permit), or null for none. */
  readonly targetMinutes: number | null;
}

/** A service: one kind of citizen need and how it flows. */
export interface ServiceSpec {
  readonly id: string;
  readonly name: string;
  /** Mean rate at which needs arise (M1), per minute, averaged over the year. */
  readonly arrivalsPerMinute: number;
  readonly profile: ArrivalProfile;
  /** Number of distinct demand types (M1, M2): the variety a front line must absorb. */
  readonly demandTypes: number;
  /** Zipf exponent of the type frequencies: 0 = all types equally common, larger = a few types dominate. */
  readonly typeConcentration: number;
  /** Share of demand types a fully skilled front line could resolve; the rest need the back office. */
  readonly frontResolvableShare: number;
  /** Share of needs that are applications or cases going through `steps`; the rest are enquiries. */
  readonly caseShare: number;
  /** Minutes of work at the first contact (understand, answer, or take in an application). */
  readonly frontWork: Spread;
  /** Minutes the back office needs to answer an enquiry the front could not. */
  readonly backOfficeWork: Spread;
  /** The team that answers enquiries passed on or pulled from the front. */
  readonly backOffice: string;
  /** Share of cases that need specialist expertise. */
  readonly specialistShare: number;
  /** Chance a citizen finds complete information before contact (phase 1): clean applications, self-service. */
  readonly informationQuality: number;
  /** Share of enquiries that self-service can meet when the citizen found the information. */
  readonly selfServiceShare: number;
  /** Channel mix of first contacts, in the order of {@link CHANNELS}; sums to 1. */
  readonly channelMix: readonly number[];
  readonly steps: readonly StepSpec[];
  /** How long the citizen expects the need to take before chasing it (M9 "E"). */
  readonly expectationMinutes: number;
  /** The organisation's own processing-time clock of the service's cases (default {@link CLOCK_DEFAULTS}). */
  readonly internalClock: InternalClockSpec;
}

/** How citizens behave (M3, M7, M9, M10, M11 and phase 3). */
export interface CitizenSpec {
  /** Time a caller will wait in a phone queue before hanging up (M11). */
  readonly phonePatience: Spread;
  /** Time a visitor waits at a busy desk before leaving (M11). */
  readonly visitPatience: Spread;
  /** Time an e-mail waits for an answer before the citizen gives up on it (null: as long as it takes). */
  readonly emailPatience: Spread | null;
  /** Time an e-form enquiry waits for an answer before the citizen gives up on it (null: as long as it takes). */
  readonly eformPatience: Spread | null;
  /** Chance a caller who hung up calls again (M11). */
  readonly redialProbability: number;
  readonly redialDelay: Spread;
  /** Chance to give up the whole need after a failed attempt (M11). */
  readonly giveUpProbability: number;
  /** Rate of chasing contacts per minute once a wait exceeds the expectation (M9 "h"). */
  readonly chaseRatePerMinute: number;
  /** Chance a citizen comes back after a contact that left the need unresolved (M3). */
  readonly returnProbability: number;
  readonly returnDelay: Spread;
  /** Time to send in missing information after a request (M7). */
  readonly responseDelay: Spread;
  /** Chance a letter asking for missing information prompts a "what does this mean?" call (M7). */
  readonly letterUnclearProbability: number;
  /** Chance a defect left at closing is noticed and reported (M10). */
  readonly noticeDefectProbability: number;
  readonly noticeDelay: Spread;
  /** Minutes spent searching for information before contact when the information is good (phase 1). */
  readonly searchMinutes: number;
  /** Phase 3: chance of a formal complaint per unit of bad experience (see the model docs). */
  readonly complaintPropensity: number;
}

/** Strengths of the organisational mechanisms (M3, M4, M7–M10, the whole design's own failure modes and costs, pay by role). */
export interface MechanismSpec {
  /** Chance a hand-off loses information, which triggers a clarification with the citizen (M4). */
  readonly handoffInfoLoss: number;
  /** Chance a hand-off goes to the wrong place first and bounces back (M4). */
  readonly misrouteProbability: number;
  /** Staff minutes spent at the wrong place before a misrouted case bounces back. */
  readonly misrouteMinutes: number;
  /** Staff minutes for a clarification with the citizen. */
  readonly clarificationWork: Spread;
  /** Time for the citizen to answer a clarification call or message (M4, M7 at first contact). */
  readonly clarificationDelay: Spread;
  /** Share of a step's work needed to redo it after a defect (M8, M10). */
  readonly reworkShare: number;
  /** Extra share of work when a case owner does a step a specialised team used to do. */
  readonly generalistPenalty: number;
  /** Share of work saved when a step's work is done in a batch sweep (set-up shared, M6). */
  readonly batchSetupSaving: number;
  /** Back-office minutes to answer a chase passed on from the front. */
  readonly chaseNoteMinutes: number;
  /** How soon a citizen expects a promised call-back. */
  readonly callbackExpectationMinutes: number;
  /** Share of back-office or specialist work done as a consult when a front line or owner pulls expertise. */
  readonly consultShare: number;
  /** Extra front minutes to help complete an application at the first contact (M7). */
  readonly completenessHelpMinutes: number;
  /** Chance that help at the first contact makes an incomplete application complete. */
  readonly completenessHelpSuccess: number;
  /** Extra chance that work fails when information was lost upstream (M8). */
  readonly infoLossFailure: number;
  /** Chance of closing a case before the need is met when staff are held to cases closed (M10). */
  readonly prematureClosure: number;
  /** When the citizen confirms closure: chance a remaining defect is caught before closing. */
  readonly confirmationCatch: number;
  /** Staff minutes for a confirmation contact. */
  readonly confirmationMinutes: number;
  /** Proactive progress information: interval between updates and staff minutes per update. */
  readonly updateIntervalMinutes: number;
  readonly updateMinutes: number;
  /** Proactive progress information: the first update after this share of the expectation (if sooner than the interval). */
  readonly firstUpdate: number;
  /** Proactive progress information: multiplier of the chasing rate. */
  readonly proactiveChaseFactor: number;
  /** Back-office minutes to handle a formal complaint. */
  readonly complaintMinutes: number;
  /** Chance a contact cut short at its target leaves the request unresolved (M3). */
  readonly cutUnresolvedProbability: number;
  /** Chance an enquiry cut short at the front is passed on (or its expertise pulled) instead of left to the citizen. */
  readonly cutPassOnProbability: number;
  /** Share of front-resolvable types a scripted front line answers reliably. */
  readonly basicRepertoire: number;
  /** Chance of a wrong or incomplete answer for the rarest type a front line resolves (0 at the basic repertoire's edge). */
  readonly wrongAnswerProbability: number;
  /** Extra share of front contact time at full breadth. */
  readonly breadthContactTime: number;
  /** Training minutes per person per year at full breadth. */
  readonly trainingMinutesPerYear: number;
  /** Minutes to relay a consult's answer. */
  readonly consultRelayMinutes: number;
  /** Chance something is lost when a consult's answer is relayed. */
  readonly consultRelayLoss: number;
  /** Chance a late case is closed early under an end-to-end measure (scaled by variety). */
  readonly measureGaming: number;
  /** Sickness spells per person per minute. */
  readonly sicknessSpellsPerMinute: number;
  /** Length of a sickness spell (minutes of calendar time). */
  readonly sicknessLength: Spread;
  /** Consecutive weeks of summer holiday per person. */
  readonly holidayWeeks: number;
  /** A personal owner's work goes to a colleague when the owner will be away longer than this (minutes). */
  readonly coverAfterMinutes: number;
  /** Minutes a colleague needs to read into an absent owner's case. */
  readonly readInWork: Spread;
  /** Pay by role as multiples of the scenario's cost per staff hour. */
  readonly pay: {
    readonly scripted: number;
    readonly generalist: number;
    readonly caseWork: number;
    readonly specialist: number;
    readonly field: number;
    readonly meeting: number;
  };
}

/**
 * A scenario event in the model: from `atMinutes` to `untilMinutes` (null: to the end of the
 * run), one of a demand factor (`demand`, with `service` or for every service), a staff change
 * (`team`, `staff`: people added, negative for people away) or opening hours (`team`, `hours`).
 *
 * @example
 * ```ts
 * const surge: ScenarioEvent = { atMinutes: 20 * 10080, untilMinutes: 28 * 10080, demand: 1.15 };
 * ```
 */
export interface ScenarioEvent {
  /** When the change starts (minutes from the start of the run). */
  readonly atMinutes: number;
  /** When it ends (minutes), or null when it lasts to the end of the run. */
  readonly untilMinutes: number | null;
  /** A factor on the arrival rate (1.15 for "+15%"). */
  readonly demand?: number;
  /** The one service a demand change applies to (absent: every service). */
  readonly service?: string;
  /** The team a staff or hours change applies to. */
  readonly team?: string;
  /** People added (positive) or away (negative) while the event lasts. */
  readonly staff?: number;
  /** The team's opening hours while the event lasts (week intervals). */
  readonly hours?: readonly WeekInterval[];
}

/** A whole scenario: teams, services, citizens and mechanism strengths. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Where the numbers come from; GUESS values are marked in the scenario file. */
  readonly sources: readonly string[];
  readonly population: number;
  /** Cost of one staff hour (for cost per contact and per need), in the scenario's currency. */
  readonly costPerStaffHour: number;
  readonly currency: string;
  /** Default run length: needs arriving before it are counted. */
  readonly horizonMinutes: number;
  /** Default warm-up: excluded from the statistics. */
  readonly warmupMinutes: number;
  /** After the horizon, how long needs that arrived in time may still finish. */
  readonly drainMinutes: number;
  readonly teams: readonly TeamSpec[];
  readonly services: readonly ServiceSpec[];
  readonly citizens: CitizenSpec;
  readonly mechanisms: MechanismSpec;
  /** Per channel: closed-team and patience rules (defaults: today's, see {@link ChannelRule}). */
  readonly channelRules: ChannelRules;
  /** Dated changes during the run (demand, staff, opening hours); absent or empty: none. */
  readonly events?: readonly ScenarioEvent[];
}
