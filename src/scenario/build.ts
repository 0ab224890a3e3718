/**
 * From validated input (units already read into minutes) to the model's {@link Scenario}:
 * fills in defaults, normalises profiles to mean 1, renames fields to their model names and
 * freezes the result.
 *
 * @packageDocumentation
 */
import { citizensSchema, mechanismsSchema } from "./behaviourSchema.js";
import { buildChannelRules } from "./channelRules.js";
import { buildEvents } from "./events.js";
import { CITIZEN_DEFAULTS, CLOCK_DEFAULTS, MECHANISM_DEFAULTS, PROFILE_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from "./defaults.js";
import type { ParsedInput } from "./schema.js";
import type { ArrivalProfile, CitizenSpec, MechanismSpec, Scenario, ServiceSpec, StepSpec, TeamSpec } from "./types.js";
import { parseDuration } from "./units.js";

type Parsed<K extends keyof ParsedInput> = NonNullable<ParsedInput[K]>;

/** Object spread that keeps `base` where `over` has undefined. */
function merge<T extends object>(base: T, over: Partial<T> | undefined): T {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Weights scaled to mean 1. Only their ratios matter, so weights near the largest number (whose
 * sum overflows) or near the smallest (whose mean underflows to 0) are first divided by the
 * largest; ordinary weights are divided by their mean directly, as always (the same numbers).
 */
function normalise(weights: readonly number[]): number[] {
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  if (Number.isFinite(mean) && mean >= MIN_NORMAL) return weights.map((w) => w / mean);
  const largest = Math.max(...weights);
  // (validation leaves only finite weights ≥ 0, not all 0: the largest is finite and > 0)
  return Number.isFinite(largest) && largest > 0 ? normalise(weights.map((w) => w / largest)) : [...weights];
}

/** The smallest normal double: below it a mean loses precision (and 5e-324 / 7 is 0). */
const MIN_NORMAL = 2.2250738585072014e-308;

function buildProfile(p: Parsed<"services">[number]["profile"]): ArrivalProfile {
  return {
    byDay: normalise(p?.byDay ?? PROFILE_DEFAULTS.byDay),
    byHour: normalise(p?.byHour ?? PROFILE_DEFAULTS.byHour),
    byMonth: normalise(p?.byMonth ?? PROFILE_DEFAULTS.byMonth),
  };
}

function buildTeam(t: Parsed<"teams">[number]): TeamSpec {
  return { id: t.id, name: t.name ?? t.id, role: t.role, staff: t.staff, hours: t.hours, channels: t.channels ?? [] };
}

function buildStep(s: NonNullable<Parsed<"services">[number]["steps"]>[number]): StepSpec {
  return {
    id: s.id,
    name: s.name ?? s.id,
    team: s.team,
    work: s.work,
    specialist: s.specialist ?? false,
    checksCompleteness: s.checksCompleteness ?? false,
    externalWait: s.externalWait ?? null,
    failureProbability: s.failureProbability ?? SERVICE_DEFAULTS.failureProbability,
    scheduled: s.scheduled === undefined ? null : { everyMinutes: s.scheduled.every, offsetMinutes: s.scheduled.offset ?? 0 },
  };
}

function buildService(s: Parsed<"services">[number]): ServiceSpec {
  return {
    id: s.id,
    name: s.name ?? s.id,
    arrivalsPerMinute: s.arrivals,
    profile: buildProfile(s.profile),
    demandTypes: s.demandTypes,
    typeConcentration: s.typeConcentration ?? SERVICE_DEFAULTS.typeConcentration,
    frontResolvableShare: s.frontResolvableShare,
    caseShare: s.caseShare,
    frontWork: s.frontWork,
    backOfficeWork: s.backOfficeWork,
    backOffice: s.backOffice,
    specialistShare: s.specialistShare ?? SERVICE_DEFAULTS.specialistShare,
    informationQuality: s.informationQuality,
    selfServiceShare: s.selfServiceShare ?? SERVICE_DEFAULTS.selfServiceShare,
    channelMix: s.channelMix,
    steps: (s.steps ?? []).map(buildStep),
    expectationMinutes: s.expectation,
    internalClock: {
      startsAt: s.internalClock?.startsAt ?? CLOCK_DEFAULTS.startsAt,
      pausesForCitizen: s.internalClock?.pausesForCitizen ?? CLOCK_DEFAULTS.pausesForCitizen,
      targetMinutes: s.internalClock?.target ?? CLOCK_DEFAULTS.targetMinutes,
    },
  };
}

function buildCitizens(over: ParsedInput["citizens"]): CitizenSpec {
  const c = merge(citizensSchema.parse(CITIZEN_DEFAULTS), over);
  return {
    phonePatience: c.phonePatience,
    visitPatience: c.visitPatience,
    emailPatience: c.emailPatience ?? null,
    eformPatience: c.eformPatience ?? null,
    redialProbability: c.redialProbability,
    redialDelay: c.redialDelay,
    giveUpProbability: c.giveUpProbability,
    chaseRatePerMinute: c.chaseRate,
    returnProbability: c.returnProbability,
    returnDelay: c.returnDelay,
    responseDelay: c.responseDelay,
    letterUnclearProbability: c.letterUnclearProbability,
    noticeDefectProbability: c.noticeDefectProbability,
    noticeDelay: c.noticeDelay,
    searchMinutes: c.searchTime,
    complaintPropensity: c.complaintPropensity,
  };
}

function buildMechanisms(over: ParsedInput["mechanisms"]): MechanismSpec {
  const m = merge(mechanismsSchema.parse(MECHANISM_DEFAULTS), over);
  return {
    handoffInfoLoss: m.handoffInfoLoss,
    misrouteProbability: m.misrouteProbability,
    misrouteMinutes: m.misrouteWork,
    clarificationWork: m.clarificationWork,
    clarificationDelay: m.clarificationDelay,
    reworkShare: m.reworkShare,
    generalistPenalty: m.generalistPenalty,
    batchSetupSaving: m.batchSetupSaving,
    chaseNoteMinutes: m.chaseNoteWork,
    callbackExpectationMinutes: m.callbackExpectation,
    consultShare: m.consultShare,
    completenessHelpMinutes: m.completenessHelpWork,
    completenessHelpSuccess: m.completenessHelpSuccess,
    infoLossFailure: m.infoLossFailure,
    prematureClosure: m.prematureClosure,
    confirmationCatch: m.confirmationCatch,
    confirmationMinutes: m.confirmationWork,
    updateIntervalMinutes: m.updateInterval,
    updateMinutes: m.updateWork,
    firstUpdate: m.firstUpdate,
    proactiveChaseFactor: m.proactiveChaseFactor,
    complaintMinutes: m.complaintWork,
    cutUnresolvedProbability: m.cutUnresolvedProbability,
    cutPassOnProbability: m.cutPassOnProbability,
    basicRepertoire: m.basicRepertoire,
    wrongAnswerProbability: m.wrongAnswerProbability,
    breadthContactTime: m.breadthContactTime,
    trainingMinutesPerYear: m.trainingTime,
    consultRelayMinutes: m.consultRelayWork,
    consultRelayLoss: m.consultRelayLoss,
    measureGaming: m.measureGaming,
    sicknessSpellsPerMinute: m.sicknessSpells,
    sicknessLength: m.sicknessLength,
    holidayWeeks: m.holidayWeeks,
    coverAfterMinutes: m.coverAfter,
    readInWork: m.readInWork,
    pay: {
      scripted: m.payScripted,
      generalist: m.payGeneralist,
      caseWork: m.payCaseWork,
      specialist: m.paySpecialist,
      field: m.payField,
      meeting: m.payMeeting,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The mark of a scenario built here from validated input: a symbol no copy carries. */
const PARSED = Symbol("helhet.parsedScenario");

/**
 * Builds the model's scenario from validated input: defaults filled in, profiles normalised to
 * mean 1, fields renamed to their model names (`horizon` → `horizonMinutes`, `arrivals` →
 * `arrivalsPerMinute`, ...), everything frozen. Call only after validation succeeded.
 *
 * @param p - the output of `scenarioInputSchema` (units already in minutes)
 * @returns the scenario, deeply frozen
 * @example
 * ```ts
 * buildScenario(scenarioInputSchema.parse(teachingScenario)).horizonMinutes; //=> 524160
 * ```
 */
export function buildScenario(p: ParsedInput): Scenario {
  const scenario = {
    name: p.name,
    description: p.description ?? "",
    sources: p.sources ?? [],
    population: p.population,
    costPerStaffHour: p.costPerStaffHour,
    currency: p.currency ?? RUN_DEFAULTS.currency,
    horizonMinutes: p.horizon ?? parseDuration(RUN_DEFAULTS.horizon),
    warmupMinutes: p.warmup ?? parseDuration(RUN_DEFAULTS.warmup, { allowZero: true }),
    drainMinutes: p.drain ?? parseDuration(RUN_DEFAULTS.drain, { allowZero: true }),
    teams: p.teams.map(buildTeam),
    services: p.services.map(buildService),
    citizens: buildCitizens(p.citizens),
    mechanisms: buildMechanisms(p.mechanisms),
    channelRules: buildChannelRules(p.channelRules),
    // no events: no field, so a scenario without them is the same object as before events
    ...(p.events !== undefined ? { events: buildEvents(p.events) } : {}),
  };
  // known valid and frozen: `validateScenario` need not check it again (a copy has no mark)
  Object.defineProperty(scenario, PARSED, { value: true });
  return deepFreeze(scenario);
}

/**
 * Whether a value is a scenario built by {@link buildScenario} (so validated and deeply frozen),
 * not a copy or a scenario built in code.
 *
 * @param x - anything
 * @returns true for a parsed scenario
 * @example
 * ```ts
 * isParsedScenario(loadScenario("teaching")); //=> true
 * isParsedScenario({ ...loadScenario("teaching") }); //=> false
 * ```
 */
export function isParsedScenario(x: unknown): x is Scenario {
  return typeof x === "object" && x !== null && Object.prototype.hasOwnProperty.call(x, PARSED) && Object.isFrozen(x);
}
