/**
 * fast-check generators of VALID scenarios and policies, written in the input format a user
 * writes (units, readable hours, partial citizens and mechanisms), with extreme but legal
 * values: zero and huge variety (cv 0, 20 and the largest, 1e150), every distribution family,
 * one person and a thousand, an hour and ten years, durations up to the longest a scenario takes
 * (1,000,000 years), shares at exactly 0 and 1, every channel and channel rule, written patience,
 * scheduled runs, arrival profiles with zeros and with weights near the largest and smallest
 * numbers, the largest pay and cost of a staff hour, and every policy choice in every
 * combination.
 *
 * Work per run is bounded by construction: each service's arrival rate is chosen so that about
 * `expectedNeeds` needs arise over horizon + drain, whatever the horizon. That keeps a
 * ten-year horizon as cheap as a one-hour one, so the generators can run thousands of cases.
 */
import fc from "fast-check";
import { parseDuration, type PolicyInput, type ScenarioInput } from "../../src/index.js";

type TeamInput = ScenarioInput["teams"][number];
type ServiceInput = ScenarioInput["services"][number];
type StepInput = NonNullable<ServiceInput["steps"]>[number];
type Role = TeamInput["role"];
type ContactChannel = "phone" | "visit" | "email";

const ROLES: readonly Role[] = ["front", "caseWork", "specialist", "field", "meeting"];
const CONTACT_CHANNELS: readonly ContactChannel[] = ["phone", "visit", "email"];

/** Durations in minutes, for choosing run lengths and rates. */
const MINUTES: Readonly<Record<string, number>> = {
  "1 hour": 60,
  "1 day": 1440,
  "3 days": 4320,
  "1 week": 10080,
  "3 weeks": 30240,
  "8 weeks": 80640,
  "26 weeks": 262080,
  "52 weeks": 524160,
  "520 weeks": 5241600,
};

/** Opening hours that read: all day, office hours, a quarter of an hour a week, overnight across the week's end, several entries. */
export const HOURS_CHOICES: ReadonlyArray<TeamInput["hours"]> = [
  "always",
  "Mon-Fri 08:00-16:30",
  "Mon 09:00-09:15",
  "Sun 22:00-06:00",
  "Sat-Mon 22:00-02:00",
  "weekends 10:00-14:00",
  "daily 00:00-24:00",
  "Mon,Wed,Fri 08:00-12:00,13:00-15:00",
  ["Tue 09:00-12:00", "Thu 10:00-12:00"],
  ["Mon-Thu 07:00-19:00", "Fri 07:00-12:00"],
];

/** A positive duration from a second to two months, written in several units, and now and then the longest a scenario takes (issue 14, D10). */
const durationText = fc.oneof(
  fc.constantFrom("1 s", "30 s", "1 min", "4 min", "45 min", "1.5 hours", "1 day", "3 days", "2 weeks", "2 months", "1000000 years"),
  fc.double({ min: 0.01, max: 5000, noNaN: true }).map((m) => `${m.toPrecision(6)} min`),
);

/** Short work times: a few seconds to a few hours (longer ones overload a short run by design), and the shortest positive one. */
const workText = fc.oneof(
  fc.constantFrom("5e-324 min", "1 s", "1 min", "5 min", "20 min", "2 hours"),
  fc.double({ min: 0.05, max: 240, noNaN: true }).map((m) => `${m.toPrecision(6)} min`),
);

/**
 * A coefficient of variation: none (fixed), ordinary, huge variety, or the largest a lognormal
 * can draw from (1e150; 1e300 once passed validation and stopped the run: issue 14, D10).
 */
const cv = fc.oneof(fc.constantFrom(0, 0, 0.5, 1, 5, 20, 1e6, 1e150), fc.double({ min: 0, max: 3, noNaN: true }));

/** A share with its ends: exactly 0 and exactly 1 are common. */
export const shareArb = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

/** Minutes of a generated duration text ("45 min", "1.5 hours", ...). */
const minutesOf = (text: string): number => parseDuration(text);
const tidyMinutes = (m: number): string => `${Number(m.toPrecision(6))} min`;

/** Whether a duration of this many minutes is within the longest a scenario takes (1,000,000 years of 365 days). */
const fits = (minutes: number) => minutes <= 1_000_000 * 365 * 1440;

/**
 * A spread: mostly today's lognormal { mean, cv }, else any other family around the same mean
 * (exponential, gamma, deterministic, triangular and uniform from 0, observed values).
 */
const spread = (mean: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ mean, cv }) },
    { weight: 1, arbitrary: mean.map((m) => ({ exponential: m })) },
    // a gamma's scale mean·cv² must be a number above 0: none from the tiniest means
    { weight: 1, arbitrary: fc.record({ mean, cv: fc.constantFrom(0.001, 0.5, 1, 5, 20) }).map((g) => (minutesOf(g.mean) * g.cv * g.cv > 1e-300 ? { gamma: g } : { deterministic: g.mean })) },
    { weight: 1, arbitrary: mean.map((m) => ({ deterministic: m })) },
    // the families drawn up to 2–3 times the mean: a deterministic one where that would pass the
    // longest duration a scenario takes (1,000,000 years)
    { weight: 1, arbitrary: mean.map((m) => (fits(3 * minutesOf(m)) ? { triangular: { min: "0 min", mode: m, max: tidyMinutes(3 * minutesOf(m)) } } : { deterministic: m })) },
    { weight: 1, arbitrary: mean.map((m) => (fits(2 * minutesOf(m)) ? { uniform: { min: "0 min", max: tidyMinutes(2 * minutesOf(m)) } } : { deterministic: m })) },
    { weight: 1, arbitrary: mean.map((m) => (fits(2 * minutesOf(m)) ? { empirical: ["0 min", m, tidyMinutes(2 * minutesOf(m))] } : { deterministic: m })) },
  );

/** Channel rules: each channel's rule given or left out, every combination. */
const channelRulesArb = fc.record(
  {
    phone: fc.record({ whenClosed: fc.constantFrom("comeBack", "queue"), patienceFrom: fc.constantFrom("joining", "arrival") }, { requiredKeys: [] }),
    visit: fc.record({ whenClosed: fc.constantFrom("comeBack", "queue"), patienceFrom: fc.constantFrom("joining", "arrival") }, { requiredKeys: [] }),
    email: fc.record({ patienceFrom: fc.constantFrom("joining", "arrival") }, { requiredKeys: [] }),
    eform: fc.record({ patienceFrom: fc.constantFrom("joining", "arrival") }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** Staff: one person, a handful, or a thousand. */
const staff = fc.oneof(fc.constantFrom(1, 1, 2, 1000), fc.integer({ min: 1, max: 40 }));

/** Weights, zeros among them; now and then near the largest or the smallest number (whose sum overflows or mean underflows: issue 14, D11). */
const weightsArb = (n: number) =>
  fc
    .array(fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })) }, { weight: 1, arbitrary: fc.constantFrom(1e308, 1.7976931348623157e308, 5e-324, 1e-300) }), { minLength: n, maxLength: n })
    .filter((w) => w.some((x) => x > 0));

/** Shares over `keys` that sum to 1: one key at 1, or normalised weights. */
function mixOf<K extends string>(keys: readonly K[]): fc.Arbitrary<Partial<Record<K, number>>> {
  if (keys.length === 0) return fc.constant({});
  const one = fc.constantFrom(...keys).map((k) => ({ [k]: 1 }) as Partial<Record<K, number>>);
  const spreadOut = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: keys.length, maxLength: keys.length })
    .filter((w) => w.reduce((a, x) => a + x, 0) > 1e-3)
    .map((w) => {
      const total = w.reduce((a, x) => a + x, 0);
      const out: Partial<Record<K, number>> = {};
      keys.forEach((k, i) => {
        out[k] = (w[i] as number) / total;
      });
      return out;
    });
  return fc.oneof(one, spreadOut);
}

const teamArb = (i: number): fc.Arbitrary<TeamInput> =>
  fc
    .record({
      role: fc.constantFrom(...ROLES),
      staff,
      hours: fc.constantFrom(...HOURS_CHOICES),
      channels: fc.subarray([...CONTACT_CHANNELS, "eform" as const], { minLength: 1 }),
      named: fc.boolean(),
    })
    .map(({ role, staff: n, hours, channels, named }) => ({
      id: `t${i}`,
      ...(named ? { name: `team ${i}` } : {}),
      role,
      staff: n,
      hours: Array.isArray(hours) ? [...hours] : hours,
      ...(role === "front" ? { channels } : {}),
    }));

/** Run lengths: very short to ten years; warm-up shorter than the horizon. */
export const runLengthArb = fc
  .record({
    horizon: fc.constantFrom("1 hour", "1 day", "1 week", "3 weeks", "8 weeks", "52 weeks", "520 weeks"),
    warmupShare: fc.constantFrom(0, 0, 0.25, 0.5, 0.9),
    drain: fc.constantFrom("0 min", "1 day", "1 week", "3 weeks", "26 weeks"),
  })
  .map(({ horizon, warmupShare, drain }) => {
    const h = MINUTES[horizon] as number;
    const warmupMinutes = Math.floor(h * warmupShare);
    return { horizon, warmup: warmupMinutes === 0 ? "0 min" : `${warmupMinutes} min`, drain, minutes: h + (drain === "0 min" ? 0 : (MINUTES[drain] as number)) };
  });

function stepArb(k: number, teamIds: readonly string[]): fc.Arbitrary<StepInput> {
  return fc
    .record({
      team: fc.constantFrom(...teamIds),
      work: spread(workText),
      specialist: fc.option(fc.boolean(), { nil: undefined }),
      checksCompleteness: fc.option(fc.boolean(), { nil: undefined }),
      externalWait: fc.option(spread(durationText), { nil: undefined }),
      // below 1, which validation refuses (work that always fails is never done; found.ts:
      // failureProbabilityOne); up to 0.9, so a step is redone a few times, not for the whole run
      failureProbability: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })), { nil: undefined }),
      scheduled: fc.option(fc.record({ every: fc.constantFrom("1 day", "1 week", "4 weeks", "52 weeks"), offset: fc.option(fc.constantFrom("0 min", "3 days", "10 weeks"), { nil: undefined }) }), { nil: undefined }),
    })
    .map((s) => {
      const out: Record<string, unknown> = { id: `s${k}`, team: s.team, work: s.work };
      for (const key of ["specialist", "checksCompleteness", "externalWait", "failureProbability"] as const) if (s[key] !== undefined) out[key] = s[key];
      if (s.scheduled !== undefined) out["scheduled"] = s.scheduled.offset === undefined ? { every: s.scheduled.every } : s.scheduled;
      return out as StepInput;
    });
}

function serviceArb(i: number, teamIds: readonly string[], answered: readonly ContactChannel[], runMinutes: number, expectedNeeds: fc.Arbitrary<number>): fc.Arbitrary<ServiceInput> {
  const channels: readonly ("phone" | "visit" | "email" | "eform")[] = [...answered, "eform"];
  return fc
    .record({
      needs: expectedNeeds,
      demandTypes: fc.oneof(fc.constantFrom(1, 1, 2, 100_000), fc.integer({ min: 1, max: 50 })),
      typeConcentration: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })), { nil: undefined }),
      frontResolvableShare: shareArb,
      caseShare: shareArb,
      frontWork: spread(workText),
      backOfficeWork: spread(workText),
      backOffice: fc.constantFrom(...teamIds),
      specialistShare: fc.option(shareArb, { nil: undefined }),
      informationQuality: shareArb,
      selfServiceShare: fc.option(shareArb, { nil: undefined }),
      channelMix: mixOf(channels),
      steps: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => stepArb(k, teamIds)))),
      withSteps: fc.boolean(),
      expectation: durationText,
      profile: fc.option(
        fc.record({
          byDay: fc.option(weightsArb(7), { nil: undefined }),
          byHour: fc.option(weightsArb(24), { nil: undefined }),
          byMonth: fc.option(weightsArb(12), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    .map((s) => {
      const perWeek = (s.needs / runMinutes) * 10080;
      const out: Record<string, unknown> = {
        id: `v${i}`,
        arrivals: `${perWeek.toPrecision(8)} / week`,
        demandTypes: s.demandTypes,
        frontResolvableShare: s.frontResolvableShare,
        caseShare: s.caseShare,
        frontWork: s.frontWork,
        backOfficeWork: s.backOfficeWork,
        backOffice: s.backOffice,
        informationQuality: s.informationQuality,
        channelMix: s.channelMix,
        expectation: s.expectation,
      };
      if (s.typeConcentration !== undefined) out["typeConcentration"] = s.typeConcentration;
      if (s.specialistShare !== undefined) out["specialistShare"] = s.specialistShare;
      if (s.selfServiceShare !== undefined) out["selfServiceShare"] = s.selfServiceShare;
      // cases need a flow; enquiry-only services may still list steps
      if (s.caseShare > 0 || s.withSteps) out["steps"] = s.steps;
      // The arrival process thins at the profile's peak rate until the run ends (once past it:
      // found.ts: slowSpikyProfile), so a profile costs about needs × peak multiplier draws; a
      // profile is kept where that stays below 3 million: with up to 300 needs nearly all are,
      // spiky profiles in short runs included.
      if (s.profile !== undefined && (perWeek / 10080) * peakMultiplier(s.profile) * runMinutes <= 3e6) {
        const p = Object.fromEntries(Object.entries(s.profile).filter(([, v]) => v !== undefined));
        out["profile"] = p;
      }
      return out as ServiceInput;
    });
}

/** The largest rate multiplier of a profile once each part is normalised to mean 1 (defaults for missing parts). */
export function peakMultiplier(p: { byDay?: readonly number[] | undefined; byHour?: readonly number[] | undefined; byMonth?: readonly number[] | undefined }): number {
  // divided by the largest first, so weights near the largest number do not overflow the sum
  const peak = (w: readonly number[] | undefined, fallback: number) => (w === undefined ? fallback : 1 / (w.reduce((a, x) => a + x / Math.max(...w), 0) / w.length));
  return peak(p.byDay, 1.7) * peak(p.byHour, 2.4) * peak(p.byMonth, 1.2);
}

const citizensArb = fc.record(
  {
    phonePatience: spread(fc.constantFrom("1 s", "2.5 min", "1 hour", "1000 weeks")),
    visitPatience: spread(fc.constantFrom("1 s", "30 min", "1 day")),
    emailPatience: fc.option(spread(fc.constantFrom("1 hour", "2 days", "4 weeks")), { nil: null }),
    eformPatience: fc.option(spread(fc.constantFrom("1 hour", "2 weeks")), { nil: null }),
    redialProbability: shareArb,
    redialDelay: spread(fc.constantFrom("1 min", "30 min", "1 day")),
    giveUpProbability: shareArb,
    chaseRate: fc.constantFrom("0 / week", "0.5 / week", "5 / day"),
    returnProbability: shareArb,
    returnDelay: spread(fc.constantFrom("1 hour", "2 days", "2 weeks")),
    responseDelay: spread(fc.constantFrom("1 min", "10 days")),
    letterUnclearProbability: shareArb,
    noticeDefectProbability: shareArb,
    noticeDelay: spread(fc.constantFrom("1 min", "1 week")),
    searchTime: fc.constantFrom("0 min", "10 min", "3 hours"),
    complaintPropensity: fc.constantFrom(0, 0.02, 1, 50),
  },
  { requiredKeys: [] },
);

const mechanismsArb = fc.record(
  {
    handoffInfoLoss: shareArb,
    misrouteProbability: shareArb,
    misrouteWork: fc.constantFrom("0 min", "5 min", "2 hours"),
    clarificationWork: spread(workText),
    clarificationDelay: spread(fc.constantFrom("1 min", "2 days")),
    reworkShare: shareArb,
    generalistPenalty: shareArb,
    batchSetupSaving: shareArb,
    chaseNoteWork: fc.constantFrom("0 min", "5 min"),
    callbackExpectation: fc.constantFrom("1 min", "2 days"),
    consultShare: shareArb,
    completenessHelpWork: fc.constantFrom("0 min", "10 min"),
    completenessHelpSuccess: shareArb,
    infoLossFailure: shareArb,
    prematureClosure: shareArb,
    confirmationCatch: shareArb,
    confirmationWork: fc.constantFrom("0 min", "3 min"),
    updateInterval: fc.constantFrom("1 hour", "1 week"),
    updateWork: fc.constantFrom("0 min", "2 min"),
    proactiveChaseFactor: fc.constantFrom(0, 0.2, 1, 10),
    complaintWork: fc.constantFrom("0 min", "1 hour"),
    firstUpdate: shareArb,
    cutUnresolvedProbability: shareArb,
    cutPassOnProbability: shareArb,
    basicRepertoire: shareArb,
    wrongAnswerProbability: shareArb,
    breadthContactTime: fc.constantFrom(0, 0.15, 3, 1000),
    trainingTime: fc.constantFrom("0 min", "40 hours", "300 hours"),
    consultRelayWork: fc.constantFrom("0 min", "5 min", "2 hours"),
    consultRelayLoss: shareArb,
    measureGaming: shareArb,
    payScripted: fc.constantFrom(0, 0.85, 5, 1000),
    payGeneralist: fc.constantFrom(0, 1, 5),
    payCaseWork: fc.constantFrom(0, 1),
    paySpecialist: fc.constantFrom(0, 1.2, 5),
    payField: fc.constantFrom(0, 0.95),
    payMeeting: fc.constantFrom(0, 2, 20, 1000),
    sicknessSpells: fc.constantFrom("0 / year", "4 / year", "50 / year"),
    sicknessLength: spread(fc.constantFrom("1 hour", "3 days", "20 weeks", "1000000 years")),
    holidayWeeks: fc.integer({ min: 0, max: 8 }),
    coverAfter: fc.constantFrom("0 min", "3 days", "52 weeks"),
    // reading in is a lognormal { mean, cv } whose mean may be 0 (no reading in): no other family
    readInWork: fc.record({ mean: fc.constantFrom("0 min", "1 min", "30 min", "1 day"), cv }),
  },
  { requiredKeys: [] },
);

/** Options of {@link scenarioArb}. */
export interface ScenarioArbOptions {
  /** Upper bound of the expected needs per service over horizon + drain (default 300). */
  readonly maxNeedsPerService?: number;
}

/** A generated scenario and the run window it was generated for. */
export interface GeneratedScenario {
  readonly input: ScenarioInput;
  readonly window: { readonly horizon: string; readonly warmup: string; readonly drain: string };
}

/**
 * A valid scenario in the input format (any number of teams and services; extreme but legal
 * values), with its run window.
 *
 * @param options - bounds of the work per run
 * @returns the arbitrary
 */
export function scenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<GeneratedScenario> {
  const maxNeeds = options.maxNeedsPerService ?? 300;
  const expectedNeeds = fc.oneof(fc.constantFrom(0.001, 1), fc.double({ min: 0.5, max: maxNeeds, noNaN: true }));
  return fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), runLengthArb)
    .chain(([nTeams, nServices, run]) =>
      fc.tuple(...Array.from({ length: nTeams }, (_, i) => teamArb(i))).chain((teams) => {
        const teamIds = teams.map((t) => t.id);
        const answered = CONTACT_CHANNELS.filter((c) => teams.some((t) => t.role === "front" && (t.channels ?? []).includes(c)));
        return fc
          .record({
            services: fc.tuple(...Array.from({ length: nServices }, (_, i) => serviceArb(i, teamIds, answered, run.minutes, expectedNeeds))),
            citizens: fc.option(citizensArb, { nil: undefined }),
            mechanisms: fc.option(mechanismsArb, { nil: undefined }),
            channelRules: fc.option(channelRulesArb, { nil: undefined }),
            population: fc.constantFrom(1, 8000, 1_000_000_000),
            costPerStaffHour: fc.constantFrom(0, 550, 1e6, 1e9),
          })
          .map(({ services, citizens, mechanisms, channelRules, population, costPerStaffHour }) => {
            const input: Record<string, unknown> = {
              name: "generated",
              population,
              costPerStaffHour,
              horizon: run.horizon,
              warmup: run.warmup,
              drain: run.drain,
              teams,
              services,
            };
            if (citizens !== undefined) input["citizens"] = citizens;
            if (mechanisms !== undefined) input["mechanisms"] = mechanisms;
            if (channelRules !== undefined) input["channelRules"] = channelRules;
            return { input: input as unknown as ScenarioInput, window: { horizon: run.horizon, warmup: run.warmup, drain: run.drain } };
          });
      }),
    );
}

const durationOrNone = fc.oneof(fc.constant("none"), fc.constantFrom("1 min", "4 min", "1 hour", "1 day", "1 week", "4 weeks"));

/**
 * A policy in the input format (for `parsePolicy`): every choice, in every combination, either
 * given in full or as changes to a preset (`extends`). Batching keys of steps refer to the
 * scenario's steps when `stepKeys` are given.
 *
 * @param stepKeys - "serviceId.stepId" keys that exist in the scenario
 * @returns the arbitrary
 */
export function policyInputArb(stepKeys: readonly string[] = []): fc.Arbitrary<PolicyInput> {
  const full = fc.record({
    frontOffice: fc.record({ scope: fc.constantFrom("logAndPass" as const, "resolve" as const), skillCoverage: shareArb }),
    handlingTime: fc.record({
      front: durationOrNone,
      frontFactor: fc.oneof(fc.constant("none" as const), fc.constantFrom(0.01, 0.5, 1.2, 10)),
      stepFactor: fc.oneof(fc.constant("none" as const), fc.constantFrom(0.01, 0.5, 1, 1.2, 10)),
      cutShortProbability: shareArb,
    }),
    caseHandling: fc.constantFrom("handoffs" as const, "caseOwner" as const),
    batching: fc.record({
      every: durationOrNone,
      byRole: fc.record({ front: durationOrNone, caseWork: durationOrNone, specialist: durationOrNone, field: durationOrNone, meeting: durationOrNone }, { requiredKeys: [] }),
      steps: stepKeys.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...stepKeys), durationOrNone, { maxKeys: 3 }),
    }),
    progressInformation: fc.constantFrom("none" as const, "proactive" as const),
    closure: fc.constantFrom("targetDriven" as const, "citizenConfirms" as const),
    completenessCheck: fc.constantFrom("backOfficeLetter" as const, "firstContact" as const),
    activityMeasure: fc.constantFrom("casesClosed" as const, "endToEndTime" as const),
    consultPriority: fc.constantFrom("queue" as const, "first" as const),
    ownership: fc.constantFrom("personal" as const, "pool" as const),
  });
  const choices: ("frontOffice" | "handlingTime" | "caseHandling" | "batching" | "progressInformation" | "closure" | "completenessCheck" | "activityMeasure" | "consultPriority" | "ownership")[] =
    ["frontOffice", "handlingTime", "caseHandling", "batching", "progressInformation", "closure", "completenessCheck", "activityMeasure", "consultPriority", "ownership"];
  return fc.tuple(full, fc.option(fc.constantFrom("minutes" as const, "whole" as const), { nil: undefined }), fc.subarray(choices)).map(([p, base, keep]) => {
    if (base === undefined) return { name: "generated", ...p } as PolicyInput;
    const out: Record<string, unknown> = { name: "generated", extends: base };
    for (const k of keep) out[k] = p[k];
    return out as PolicyInput;
  });
}

/** The "serviceId.stepId" keys of a scenario input. */
export function stepKeysOf(input: ScenarioInput): string[] {
  return input.services.flatMap((s) => (s.steps ?? []).map((st) => `${s.id}.${st.id}`));
}
