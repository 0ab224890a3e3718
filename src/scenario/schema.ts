/**
 * The zod schema of the scenario input format (what users write in YAML or JSON): the shape of
 * `Scenario` with units ("45 min", "120 / week") and readable opening hours. Unknown keys
 * are errors. Cross-references (team ids, channel coverage, sums) are checked in `crossCheck.ts`.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import { citizensSchema, mechanismsSchema } from "./behaviourSchema.js";
import { channelRulesSchema } from "./channelRules.js";
import { CLOCK_STARTS } from "./types.js";
import { eventSchema } from "./events.js";
import {
  channel,
  channelMix,
  duration,
  durationOrZero,
  expecting,
  hours,
  identifier,
  nonNegative,
  oneLineName,
  perYearLimit,
  positiveInteger,
  rate,
  share,
  text,
  weights,
} from "./fields.js";
import { spread } from "./spreadFields.js";

const flag = expecting(z.boolean(), "true or false");

/**
 * The most demand types a service may have (an engineering choice, not a fact about services:
 * a run builds three tables of this length per service, 24 bytes a type, and the load analysis
 * sums over them; a million is far beyond any real variety of demand and costs 24 MB).
 *
 * @example
 * ```ts
 * MAX_DEMAND_TYPES; //=> 1000000
 * ```
 */
export const MAX_DEMAND_TYPES = 1_000_000;
const teamRef = expecting(identifier.describe("Team id"), "the id of a team");

/**
 * A team (touchpoint) in the input format.
 *
 * @example
 * ```ts
 * teamSchema.parse({ id: "cc", role: "front", staff: 3, hours: "Mon-Fri 08:00-16:30", channels: ["phone"] }).hours.length; //=> 5
 * ```
 */
export const teamSchema = expecting(
  z.strictObject({
    id: identifier.describe("Identifier used by services and steps, e.g. contactCentre"),
    name: oneLineName.optional().describe("Readable name (default: the id)"),
    role: expecting(z.enum(["front", "caseWork", "specialist", "field", "meeting"]), "one of front, caseWork, specialist, field, meeting").describe("What the team does in the flow"),
    staff: expecting(z.number().int().min(1).max(100_000), "a whole number from 1 to 100,000").describe("Staff on duty (servers)"),
    hours: hours.describe('Weekly opening hours: "Mon-Fri 08:00-16:30", a list of such entries, or "always"'),
    channels: expecting(z.array(channel), "a list of channels: phone, visit, email, eform").optional().describe("For front teams: the channels this team answers"),
  }),
  "a team { id, role, staff, hours, channels }",
);

const scheduledSchema = expecting(
  z.strictObject({
    every: duration.describe('Time between runs, e.g. "52 weeks"'),
    offset: durationOrZero.optional().describe('Time of the first run after time 0 (Monday 1 January 00:00), e.g. "10 weeks"; default 0'),
  }),
  'a schedule { every: "52 weeks", offset: "10 weeks" }',
);

/**
 * One step of a case flow in the input format.
 *
 * @example
 * ```ts
 * stepSchema.parse({ id: "decide", team: "permits", work: { mean: "1 hour", cv: 0.5 } }).work; //=> { mean: 60, cv: 0.5 }
 * ```
 */
export const stepSchema = expecting(
  z.strictObject({
    id: identifier.describe("Step id, unique within the service"),
    name: oneLineName.optional().describe("Readable name (default: the id)"),
    team: teamRef.describe("The team that does this step when cases are handed from specialist to specialist"),
    work: spread.describe("Staff time of work content (its cv is the variety of this step's work)"),
    specialist: flag.optional().describe("Only cases that need specialist expertise pass this step (default false)"),
    checksCompleteness: flag.optional().describe("The step where a back-office completeness check finds missing information (M7; default false)"),
    externalWait: spread.optional().describe("Calendar time after the work waiting for outsiders (neighbour hearing, referrals); no staff time"),
    failureProbability: expecting(z.number().min(0).lt(1), "a number from 0 up to (not including) 1: work that always fails is never done")
      .optional()
      .describe("Chance the work fails and must be redone (M8; default 0)"),
    scheduled: scheduledSchema.optional().describe("Fixed runs by law or structure, e.g. a yearly placement run: cases wait for the next run"),
  }),
  "a step { id, team, work, ... }",
);

const profileSchema = expecting(
  z.strictObject({
    byDay: weights(7, "Monday first").optional().describe("7 relative weights, Monday first (default: office-week shape)"),
    byHour: weights(24, "hour 0 first").optional().describe("24 relative weights, 00:00-01:00 first (default: office-hours shape)"),
    byMonth: weights(12, "January first").optional().describe("12 relative weights, January first (default: mild seasonal shape)"),
  }),
  "a profile { byDay: 7 weights, byHour: 24 weights, byMonth: 12 weights } (each optional)",
);

const clockSchema = expecting(
  z.strictObject({
    startsAt: expecting(z.enum(CLOCK_STARTS), "one of completeApplication, registration, firstContact")
      .optional()
      .describe("Where the clock starts: when the application is complete, when the case is registered, or at the citizen's first contact (default completeApplication)"),
    pausesForCitizen: flag.optional().describe("Whether the clock stands still while the organisation waits for the citizen's answer to a clarification (default false)"),
    target: duration.optional().describe('The target for the clock, e.g. "10 weeks" (default none)'),
  }),
  'an internal clock { startsAt: completeApplication, pausesForCitizen: false, target: "10 weeks" } (each optional)',
);

/**
 * A service (one kind of citizen need and how it flows) in the input format.
 *
 * @example
 * ```ts
 * serviceSchema.shape.arrivals.parse("120 / week"); //=> 0.011904761904761904
 * ```
 */
export const serviceSchema = expecting(
  z.strictObject({
    id: identifier.describe("Service id"),
    name: oneLineName.optional().describe("Readable name (default: the id)"),
    arrivals: expecting(rate.pipe(z.number().max(perYearLimit(1e8))), 'a positive rate up to 100,000,000 / year (about 190 a minute), e.g. "300 / year"', "rate").describe(
      'Mean rate at which needs arise, averaged over the year, e.g. "300 / year" (M1)',
    ),
    profile: profileSchema.optional().describe("Weekly, daily and seasonal shape of the arrival rate; each part normalised to mean 1"),
    demandTypes: expecting(z.number().int().min(1).max(MAX_DEMAND_TYPES), "a whole number from 1 to 1,000,000").describe(
      "Number of distinct demand types: the variety a front line must absorb (M1, M2)",
    ),
    typeConcentration: nonNegative.optional().describe("Zipf exponent of the type frequencies: 0 = all equally common (default 1)"),
    frontResolvableShare: share.describe("Share of demand types a fully skilled front line could resolve"),
    caseShare: share.describe("Share of needs that are applications or cases going through the steps; the rest are enquiries"),
    frontWork: spread.describe("Staff time at the first contact (understand, answer, or take in an application)"),
    backOfficeWork: spread.describe("Staff time the back office needs to answer an enquiry the front could not"),
    backOffice: teamRef.describe("The team that answers enquiries passed on or pulled from the front"),
    specialistShare: share.optional().describe("Share of cases that need specialist expertise (default 0)"),
    informationQuality: share.describe("Chance a citizen finds complete information before contact (phase 1)"),
    selfServiceShare: share.optional().describe("Share of enquiries self-service can meet when the information was found (default 0)"),
    channelMix: channelMix.describe("Channel mix of first contacts; missing channels are 0; sums to 1"),
    steps: expecting(z.array(stepSchema), "a list of steps").optional().describe("The case flow (required when caseShare > 0)"),
    expectation: duration.describe('How long the citizen expects the need to take before chasing it (M9 "E"), e.g. "2 weeks"'),
    internalClock: clockSchema
      .optional()
      .describe("The organisation's own processing-time clock of the cases, and its target (measurement only; default: from the complete application to the first closing, no pauses, no target)"),
  }),
  "a service { id, arrivals, demandTypes, ..., channelMix, steps, expectation }",
);

/**
 * The whole scenario input format. `citizens` and `mechanisms` are optional, and so is every
 * field in them.
 *
 * @example
 * ```ts
 * scenarioInputSchema.safeParse(teachingScenario).success; //=> true
 * ```
 */
export const scenarioInputSchema = expecting(
  z
    .strictObject({
      name: oneLineName.describe("Scenario name"),
      description: text.optional().describe("What the scenario is for"),
      sources: expecting(z.array(text), "a list of texts").optional().describe("Where the numbers come from (E-numbers of docs/evidence.md, documents); GUESS values are marked in the file"),
      population: positiveInteger.describe("Inhabitants"),
      costPerStaffHour: expecting(z.number().min(0).max(1e9), "a number from 0 to 1,000,000,000").describe("Cost of one staff hour, in the scenario's currency"),
      currency: text.optional().describe('Currency of costPerStaffHour (default "SEK")'),
      horizon: duration.optional().describe('Run length: needs arriving before it are counted (default "52 weeks")'),
      warmup: durationOrZero.optional().describe('Warm-up excluded from the statistics (default "8 weeks")'),
      drain: durationOrZero.optional().describe('Time after the horizon for needs that arrived in time to finish (default "26 weeks")'),
      teams: expecting(z.array(teamSchema).min(1), "a list of at least one team").describe("Teams (touchpoints)"),
      services: expecting(z.array(serviceSchema).min(1), "a list of at least one service").describe("Services (kinds of citizen needs)"),
      citizens: citizensSchema.partial().optional().describe("Citizen behaviour; every field optional (defaults in docs/scenario-format.md)"),
      mechanisms: mechanismsSchema.partial().optional().describe("Mechanism strengths; every field optional (defaults in docs/scenario-format.md)"),
      channelRules: channelRulesSchema.optional().describe("Per channel: whether a call or visit that finds the team closed queues or comes back later, and when patience starts (defaults: today's rules)"),
      events: expecting(z.array(eventSchema), "a list of events").optional().describe("Dated changes during the run: demand, staff or opening hours of a team, from at until until (see docs/scenario-format.md#events-all-optional)"),
    })
    .meta({ title: "helhet scenario", description: "A municipality's teams and services as flows of citizen needs (durations and rates with units)." }),
  "a scenario object { name, population, costPerStaffHour, teams, services, ... }",
);

/** A scenario as written by users (YAML, JSON or a JavaScript object): the `Scenario` type with units, readable hours and optional parts. */
export type ScenarioInput = z.input<typeof scenarioInputSchema>;

/** The schema's output before defaults are filled in (minutes and per-minute rates). */
export type ParsedInput = z.output<typeof scenarioInputSchema>;

/** Citizen behaviour as written in the input format. */
export type CitizensInput = z.input<typeof citizensSchema>;

/** Mechanism strengths as written in the input format. */
export type MechanismsInput = z.input<typeof mechanismsSchema>;

/** An arrival profile as written in the input format. */
export type ProfileInput = z.input<typeof profileSchema>;
