/**
 * From the model's {@link Scenario} back to the input format (units, readable hours), for
 * saving a scenario as YAML or JSON. Reading the result back gives the same scenario (up to
 * the last digit of floating point: numbers are written with 12 significant digits).
 *
 * @packageDocumentation
 */
import type { SpreadInput } from "./fields.js";
import { channelRulesToInput } from "./channelRules.js";
import { formatHours } from "./hours.js";
import type { ScenarioInput } from "./schema.js";
import type { ArrivalProfile, Scenario, ServiceSpec, Spread, StepSpec, TeamSpec } from "./types.js";
import { CHANNELS } from "./types.js";
import { formatDuration, formatRate } from "./units.js";

function spread(s: Spread): SpreadInput {
  switch (s.family) {
    case "exponential":
      return { exponential: formatDuration(s.mean) };
    case "deterministic":
      return { deterministic: formatDuration(s.mean) };
    case "gamma":
      return { gamma: { mean: formatDuration(s.mean), cv: s.cv } };
    case "triangular":
      return { triangular: { min: formatDuration(s.min), mode: formatDuration(s.mode), max: formatDuration(s.max) } };
    case "uniform":
      return { uniform: { min: formatDuration(s.min), max: formatDuration(s.max) } };
    case "empirical":
      return { empirical: { values: [...s.values], unit: "min" } };
    default:
      return { mean: formatDuration(s.mean), cv: s.cv };
  }
}

function profile(p: ArrivalProfile): { byDay: number[]; byHour: number[]; byMonth: number[] } {
  return { byDay: [...p.byDay], byHour: [...p.byHour], byMonth: [...p.byMonth] };
}

function team(t: TeamSpec): ScenarioInput["teams"][number] {
  const hours = formatHours(t.hours);
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    staff: t.staff,
    hours,
    ...(t.channels.length > 0 ? { channels: [...t.channels] } : {}),
  };
}

function step(s: StepSpec): NonNullable<ScenarioInput["services"][number]["steps"]>[number] {
  return {
    id: s.id,
    name: s.name,
    team: s.team,
    work: spread(s.work),
    specialist: s.specialist,
    checksCompleteness: s.checksCompleteness,
    ...(s.externalWait === null ? {} : { externalWait: spread(s.externalWait) }),
    failureProbability: s.failureProbability,
    ...(s.scheduled === null
      ? {}
      : { scheduled: { every: formatDuration(s.scheduled.everyMinutes), offset: formatDuration(s.scheduled.offsetMinutes) } }),
  };
}

function service(s: ServiceSpec): ScenarioInput["services"][number] {
  return {
    id: s.id,
    name: s.name,
    arrivals: formatRate(s.arrivalsPerMinute),
    profile: profile(s.profile),
    demandTypes: s.demandTypes,
    typeConcentration: s.typeConcentration,
    frontResolvableShare: s.frontResolvableShare,
    caseShare: s.caseShare,
    frontWork: spread(s.frontWork),
    backOfficeWork: spread(s.backOfficeWork),
    backOffice: s.backOffice,
    specialistShare: s.specialistShare,
    informationQuality: s.informationQuality,
    selfServiceShare: s.selfServiceShare,
    channelMix: Object.fromEntries(CHANNELS.map((c, i) => [c, s.channelMix[i] ?? 0])),
    steps: s.steps.map(step),
    expectation: formatDuration(s.expectationMinutes),
  };
}

/**
 * Writes a scenario in the input format, every field explicit (citizens and mechanisms
 * included; channel rules where they differ from the defaults), so that `parseScenario(scenarioToInput(s))` gives `s` back.
 *
 * @param s - a scenario (from {@link parseScenario} or built by hand)
 * @returns the scenario in the input format, ready for `YAML.stringify` or `JSON.stringify`
 * @example
 * ```ts
 * scenarioToInput(loadScenario("teaching")).horizon; //=> "52 weeks"
 * ```
 */
export function scenarioToInput(s: Scenario): ScenarioInput {
  const c = s.citizens;
  const m = s.mechanisms;
  // channel rules are written only where they differ from today's (a scenario built by hand
  // before channel rules existed has none)
  const rules = s.channelRules === undefined ? undefined : channelRulesToInput(s.channelRules);
  return {
    name: s.name,
    description: s.description,
    sources: [...s.sources],
    population: s.population,
    costPerStaffHour: s.costPerStaffHour,
    currency: s.currency,
    horizon: formatDuration(s.horizonMinutes),
    warmup: formatDuration(s.warmupMinutes),
    drain: formatDuration(s.drainMinutes),
    teams: s.teams.map(team),
    services: s.services.map(service),
    citizens: {
      phonePatience: spread(c.phonePatience),
      visitPatience: spread(c.visitPatience),
      ...(c.emailPatience === null ? {} : { emailPatience: spread(c.emailPatience) }),
      ...(c.eformPatience === null ? {} : { eformPatience: spread(c.eformPatience) }),
      redialProbability: c.redialProbability,
      redialDelay: spread(c.redialDelay),
      giveUpProbability: c.giveUpProbability,
      chaseRate: formatRate(c.chaseRatePerMinute),
      returnProbability: c.returnProbability,
      returnDelay: spread(c.returnDelay),
      responseDelay: spread(c.responseDelay),
      letterUnclearProbability: c.letterUnclearProbability,
      noticeDefectProbability: c.noticeDefectProbability,
      noticeDelay: spread(c.noticeDelay),
      searchTime: formatDuration(c.searchMinutes),
      complaintPropensity: c.complaintPropensity,
    },
    mechanisms: {
      handoffInfoLoss: m.handoffInfoLoss,
      misrouteProbability: m.misrouteProbability,
      misrouteWork: formatDuration(m.misrouteMinutes),
      clarificationWork: spread(m.clarificationWork),
      clarificationDelay: spread(m.clarificationDelay),
      reworkShare: m.reworkShare,
      generalistPenalty: m.generalistPenalty,
      batchSetupSaving: m.batchSetupSaving,
      chaseNoteWork: formatDuration(m.chaseNoteMinutes),
      callbackExpectation: formatDuration(m.callbackExpectationMinutes),
      consultShare: m.consultShare,
      completenessHelpWork: formatDuration(m.completenessHelpMinutes),
      completenessHelpSuccess: m.completenessHelpSuccess,
      infoLossFailure: m.infoLossFailure,
      prematureClosure: m.prematureClosure,
      confirmationCatch: m.confirmationCatch,
      confirmationWork: formatDuration(m.confirmationMinutes),
      updateInterval: formatDuration(m.updateIntervalMinutes),
      updateWork: formatDuration(m.updateMinutes),
      firstUpdate: m.firstUpdate,
      proactiveChaseFactor: m.proactiveChaseFactor,
      complaintWork: formatDuration(m.complaintMinutes),
      cutUnresolvedProbability: m.cutUnresolvedProbability,
      cutPassOnProbability: m.cutPassOnProbability,
      basicRepertoire: m.basicRepertoire,
      wrongAnswerProbability: m.wrongAnswerProbability,
      breadthContactTime: m.breadthContactTime,
      trainingTime: formatDuration(m.trainingMinutesPerYear),
      consultRelayWork: formatDuration(m.consultRelayMinutes),
      consultRelayLoss: m.consultRelayLoss,
      measureGaming: m.measureGaming,
      payScripted: m.pay.scripted,
      payGeneralist: m.pay.generalist,
      payCaseWork: m.pay.caseWork,
      paySpecialist: m.pay.specialist,
      payField: m.pay.field,
      payMeeting: m.pay.meeting,
      sicknessSpells: formatRate(m.sicknessSpellsPerMinute),
      sicknessLength: spread(m.sicknessLength),
      holidayWeeks: m.holidayWeeks,
      coverAfter: formatDuration(m.coverAfterMinutes),
      readInWork: spread(m.readInWork),
    },
    ...(rules === undefined ? {} : { channelRules: rules }),
  };
}
