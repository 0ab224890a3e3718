/**
 * From the model's {@link Scenario} back to the input format (units, readable hours), for
 * saving a scenario as YAML or JSON. Reading the result back gives the same scenario (up to
 * the last digit of floating point: numbers are written with 12 significant digits).
 *
 * It is also how a scenario built or changed in code is checked (`validateScenario`): a value
 * of the wrong kind (a text where minutes belong, a missing list) is passed on as it is, so that
 * reading the result reports it where a file would have it.
 *
 * @packageDocumentation
 */
import { channelRulesToInput } from "./channelRules.js";
import { eventToInput } from "./events.js";
import { formatHours } from "./hours.js";
import type { ScenarioInput } from "./schema.js";
import type { Scenario } from "./types.js";
import { CHANNELS } from "./types.js";
import { formatDuration, formatRate } from "./units.js";

type Raw = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Raw {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Minutes as a duration text; anything else as it is. */
function duration(x: unknown): unknown {
  return typeof x === "number" ? formatDuration(x) : x;
}

/** A per-minute rate as a rate text; anything else as it is. */
function rate(x: unknown): unknown {
  return typeof x === "number" ? formatRate(x) : x;
}

/** A spread in the input format: `{ mean, cv }` for the lognormal, else its family's form. */
function spread(s: unknown): unknown {
  if (!isRecord(s)) return s;
  switch (s["family"]) {
    case "exponential":
      return { exponential: duration(s["mean"]) };
    case "deterministic":
      return { deterministic: duration(s["mean"]) };
    case "gamma":
      return { gamma: clean({ mean: duration(s["mean"]), cv: s["cv"] }) };
    case "triangular":
      return { triangular: clean({ min: duration(s["min"]), mode: duration(s["mode"]), max: duration(s["max"]) }) };
    case "uniform":
      return { uniform: clean({ min: duration(s["min"]), max: duration(s["max"]) }) };
    case "empirical":
      return { empirical: { values: list(s["values"]), unit: "min" } };
    default:
      return clean({ mean: duration(s["mean"]), cv: s["cv"] });
  }
}

function list(x: unknown): unknown {
  return Array.isArray(x) ? [...(x as unknown[])] : x;
}

function each(x: unknown, f: (r: Raw) => unknown): unknown {
  return Array.isArray(x) ? (x as unknown[]).map((r) => (isRecord(r) ? f(r) : r)) : x;
}

function profile(p: unknown): unknown {
  return isRecord(p) ? clean({ byDay: list(p["byDay"]), byHour: list(p["byHour"]), byMonth: list(p["byMonth"]) }) : p;
}

function hours(h: unknown): unknown {
  const intervals = Array.isArray(h) && h.every((i) => Array.isArray(i) && i.length === 2 && i.every((m) => typeof m === "number" && Number.isFinite(m)));
  if (!intervals) return h;
  try {
    return formatHours(h as [number, number][]);
  } catch {
    return h;
  }
}

function team(t: Raw): unknown {
  const channels = t["channels"];
  return clean({
    id: t["id"],
    name: t["name"],
    role: t["role"],
    staff: t["staff"],
    hours: hours(t["hours"]),
    ...(Array.isArray(channels) && channels.length === 0 ? {} : { channels: list(channels) }),
  });
}

function step(s: Raw): unknown {
  const scheduled = s["scheduled"];
  return clean({
    id: s["id"],
    name: s["name"],
    team: s["team"],
    work: spread(s["work"]),
    specialist: s["specialist"],
    checksCompleteness: s["checksCompleteness"],
    ...(s["externalWait"] === null ? {} : { externalWait: spread(s["externalWait"]) }),
    failureProbability: s["failureProbability"],
    ...(scheduled === null
      ? {}
      : { scheduled: isRecord(scheduled) ? clean({ every: duration(scheduled["everyMinutes"]), offset: duration(scheduled["offsetMinutes"]) }) : scheduled }),
  });
}

function channelMix(mix: unknown): unknown {
  return Array.isArray(mix) ? Object.fromEntries(CHANNELS.map((c, i) => [c, (mix as unknown[])[i] ?? 0])) : mix;
}

function service(s: Raw): unknown {
  return clean({
    id: s["id"],
    name: s["name"],
    arrivals: rate(s["arrivalsPerMinute"]),
    profile: profile(s["profile"]),
    demandTypes: s["demandTypes"],
    typeConcentration: s["typeConcentration"],
    frontResolvableShare: s["frontResolvableShare"],
    caseShare: s["caseShare"],
    frontWork: spread(s["frontWork"]),
    backOfficeWork: spread(s["backOfficeWork"]),
    backOffice: s["backOffice"],
    specialistShare: s["specialistShare"],
    informationQuality: s["informationQuality"],
    selfServiceShare: s["selfServiceShare"],
    channelMix: channelMix(s["channelMix"]),
    // no steps: left out, as a file without cases leaves them out
    ...(Array.isArray(s["steps"]) && s["steps"].length === 0 ? {} : { steps: each(s["steps"], step) }),
    expectation: duration(s["expectationMinutes"]),
    internalClock: internalClock(s["internalClock"]),
  });
}

/** The internal clock, every field explicit but a target of null (none), which is left out. */
function internalClock(c: unknown): unknown {
  if (!isRecord(c)) return c;
  return clean({
    startsAt: c["startsAt"],
    pausesForCitizen: c["pausesForCitizen"],
    ...(c["targetMinutes"] === null ? {} : { target: duration(c["targetMinutes"]) }),
  });
}

function citizens(c: unknown): unknown {
  if (!isRecord(c)) return c;
  return clean({
    phonePatience: spread(c["phonePatience"]),
    visitPatience: spread(c["visitPatience"]),
    ...(c["emailPatience"] === null || c["emailPatience"] === undefined ? {} : { emailPatience: spread(c["emailPatience"]) }),
    ...(c["eformPatience"] === null || c["eformPatience"] === undefined ? {} : { eformPatience: spread(c["eformPatience"]) }),
    redialProbability: c["redialProbability"],
    redialDelay: spread(c["redialDelay"]),
    giveUpProbability: c["giveUpProbability"],
    chaseRate: rate(c["chaseRatePerMinute"]),
    returnProbability: c["returnProbability"],
    returnDelay: spread(c["returnDelay"]),
    responseDelay: spread(c["responseDelay"]),
    letterUnclearProbability: c["letterUnclearProbability"],
    noticeDefectProbability: c["noticeDefectProbability"],
    noticeDelay: spread(c["noticeDelay"]),
    searchTime: duration(c["searchMinutes"]),
    complaintPropensity: c["complaintPropensity"],
  });
}

function mechanisms(m: unknown): unknown {
  if (!isRecord(m)) return m;
  const pay = isRecord(m["pay"]) ? m["pay"] : {};
  return clean({
    handoffInfoLoss: m["handoffInfoLoss"],
    misrouteProbability: m["misrouteProbability"],
    misrouteWork: duration(m["misrouteMinutes"]),
    clarificationWork: spread(m["clarificationWork"]),
    clarificationDelay: spread(m["clarificationDelay"]),
    reworkShare: m["reworkShare"],
    generalistPenalty: m["generalistPenalty"],
    batchSetupSaving: m["batchSetupSaving"],
    chaseNoteWork: duration(m["chaseNoteMinutes"]),
    callbackExpectation: duration(m["callbackExpectationMinutes"]),
    consultShare: m["consultShare"],
    completenessHelpWork: duration(m["completenessHelpMinutes"]),
    completenessHelpSuccess: m["completenessHelpSuccess"],
    infoLossFailure: m["infoLossFailure"],
    prematureClosure: m["prematureClosure"],
    confirmationCatch: m["confirmationCatch"],
    confirmationWork: duration(m["confirmationMinutes"]),
    updateInterval: duration(m["updateIntervalMinutes"]),
    updateWork: duration(m["updateMinutes"]),
    firstUpdate: m["firstUpdate"],
    proactiveChaseFactor: m["proactiveChaseFactor"],
    complaintWork: duration(m["complaintMinutes"]),
    cutUnresolvedProbability: m["cutUnresolvedProbability"],
    cutPassOnProbability: m["cutPassOnProbability"],
    basicRepertoire: m["basicRepertoire"],
    wrongAnswerProbability: m["wrongAnswerProbability"],
    breadthContactTime: m["breadthContactTime"],
    trainingTime: duration(m["trainingMinutesPerYear"]),
    consultRelayWork: duration(m["consultRelayMinutes"]),
    consultRelayLoss: m["consultRelayLoss"],
    measureGaming: m["measureGaming"],
    payScripted: pay["scripted"],
    payGeneralist: pay["generalist"],
    payCaseWork: pay["caseWork"],
    paySpecialist: pay["specialist"],
    payField: pay["field"],
    payMeeting: pay["meeting"],
    sicknessSpells: rate(m["sicknessSpellsPerMinute"]),
    sicknessLength: spread(m["sicknessLength"]),
    holidayWeeks: m["holidayWeeks"],
    coverAfter: duration(m["coverAfterMinutes"]),
    readInWork: spread(m["readInWork"]),
  });
}

/** The object without its undefined values (an absent field, not a field set to undefined); one level. */
function clean(x: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(x)) if (x[k] === undefined) delete x[k];
  return x;
}

/**
 * Writes a scenario in the input format, every field explicit (citizens and mechanisms
 * included), so that `parseScenario(scenarioToInput(s))` gives `s` back. A value of the wrong
 * kind (e.g. in a scenario changed in code) is written as it is, for the reader to report.
 *
 * @param s - a scenario (from {@link parseScenario} or built by hand)
 * @returns the scenario in the input format, ready for `YAML.stringify` or `JSON.stringify`
 * @example
 * ```ts
 * scenarioToInput(loadScenario("teaching")).horizon; //=> "52 weeks"
 * ```
 */
export function scenarioToInput(s: Scenario): ScenarioInput {
  const r = s as unknown as Raw;
  return clean({
    name: r["name"],
    description: r["description"],
    sources: list(r["sources"]),
    population: r["population"],
    costPerStaffHour: r["costPerStaffHour"],
    currency: r["currency"],
    horizon: duration(r["horizonMinutes"]),
    warmup: duration(r["warmupMinutes"]),
    drain: duration(r["drainMinutes"]),
    teams: each(r["teams"], team),
    services: each(r["services"], service),
    citizens: citizens(r["citizens"]),
    mechanisms: mechanisms(r["mechanisms"]),
    // channel rules only where they differ from today's (a scenario built before them has none)
    ...(isRecord(r["channelRules"]) ? { channelRules: channelRulesToInput(s.channelRules) } : {}),
    ...(r["events"] !== undefined ? { events: Array.isArray(r["events"]) ? r["events"].map((e) => (isRecord(e) ? eventToInput(e as never) : e)) : r["events"] } : {}),
  }) as unknown as ScenarioInput;
}
