/**
 * Each service's routing as an absorbing Markov chain over stations (one kind of work at one
 * team: a first contact, a call-back, a step, a completeness clarification, a confirmation),
 * restated from the model (src/model: arise.ts, front.ts, cases.ts, closure.ts, servicePlan.ts)
 * for the load analysis (offeredLoad.ts), and the patience of each channel's contacts.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/types.js";
import { MAX_DEMAND_TYPES } from "../scenario/schema.js";
import { CHANNELS, type Scenario, type ServiceSpec } from "../scenario/types.js";
import { frontBreadth, type PlannedTeam } from "./teamLayout.js";

/** What routing one service needs to know: the inputs and the planned team of each scenario team. */
export interface Context {
  readonly scenario: Scenario;
  readonly policy: Policy;
  readonly teams: readonly PlannedTeam[];
  /** Planned team index of a scenario team id. */
  readonly planned: (id: string) => number;
  /** The scenario team of an id. */
  readonly team: (id: string) => Scenario["teams"][number];
}

/** A service's routing as a chain: stations, entry probabilities γ and moves (from, to, p). */
export interface Chain {
  /** `patient`: a first contact on a channel whose citizens have a patience (see {@link TeamLoad.patientMinutesPerWeek}). */
  readonly stations: { team: number; label: string; minutes: number; patient: boolean }[];
  readonly entry: number[];
  readonly moves: [number, number, number][];
}

/**
 * The patience of a channel's contacts, or null for none: phone and visit always have one;
 * e-mail and e-form only when the scenario gives one (front.ts in the model).
 *
 * @param citizens - the scenario's citizens
 * @param channel - a channel
 * @returns the patience spread, or null
 * @example
 * ```ts
 * channelPatience(loadScenario("soderhamn").citizens, "phone") !== null; //=> true
 * ```
  *
 * @example
 * ```ts
 * channelPatience(loadScenario("teaching").citizens, "email"); //=> null (no e-mail patience given)
 * ```
 */
export function channelPatience(citizens: Scenario["citizens"], channel: (typeof CHANNELS)[number]): Scenario["citizens"]["phonePatience"] | null {
  return channel === "phone" ? citizens.phonePatience : channel === "visit" ? citizens.visitPatience : channel === "email" ? citizens.emailPatience : citizens.eformPatience;
}

/**
 * The scenario team that answers each channel first, in the order of CHANNELS: the first front
 * team answering it (e-forms go to the e-mail team), else the first answering the phone, else
 * the first front team. The model and the analysis both route by it.
 *
 * @example
 * ```ts
 * frontTeamIndex(loadScenario("teaching").teams); //=> [0, 0, 0, 0] (the desk answers every channel)
 * ```
 */
export function frontTeamIndex(teams: Scenario["teams"]): number[] {
  const answering = (channel: string) => teams.findIndex((t) => t.role === "front" && t.channels.some((c) => c === channel));
  return CHANNELS.map((c) => {
    let i = answering(c === "eform" ? "email" : c);
    if (i < 0) i = answering("phone");
    if (i < 0) i = Math.max(0, teams.findIndex((t) => t.role === "front"));
    return i;
  });
}

/** The planned front team per channel ({@link frontTeamIndex}).  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const { teams, teamOf } = planLayout(s, policies.minutes);
 * const planned = (id: string) => teamOf[s.teams.findIndex((t) => t.id === id)]!;
 * const context = { scenario: s, policy: policies.minutes, teams, planned, team: (id: string) => s.teams.find((t) => t.id === id)! };
 * frontTeams(context); //=> [0, 0, 0, 0] (the desk answers every channel)
 * ```
 */
export function frontTeams(context: Context): number[] {
  const teams = context.scenario.teams;
  return frontTeamIndex(teams).map((i) => context.planned(teams[i]!.id));
}

/** Share of enquiries the front resolves: demand types ranked below the repertoire (servicePlan.ts). */
function frontResolvedShare(service: ServiceSpec, policy: Policy): number {
  const repertoire = Math.ceil(policy.frontOffice.skillCoverage * service.frontResolvableShare * service.demandTypes - 1e-9);
  const n = Math.max(0, Math.floor(service.demandTypes));
  const c = service.typeConcentration;
  const total = zipfSum(c, n);
  return Math.min(1, (repertoire >= n ? total : zipfSum(c, Math.max(0, repertoire))) / total);
}

/**
 * The most demand types summed term by term (1 / rᶜ, r = 1 … n, in order, as the model's
 * table is built): every scenario that passes validation (MAX_DEMAND_TYPES). Beyond it, in a
 * scenario built in code, the rest is the Euler–Maclaurin estimate of the tail, so the analysis
 * (and the run-cost estimate that refuses such a run) stays quick instead of taking seconds or
 * gigabytes.
 */
const EXACT_TERMS = MAX_DEMAND_TYPES;

/** Σ_{r=1}^{n} 1 / rᶜ: summed in order up to {@link EXACT_TERMS}, the rest estimated. */
function zipfSum(c: number, n: number): number {
  let sum = 0;
  const exact = Math.min(n, EXACT_TERMS);
  for (let r = 0; r < exact; r++) sum += 1 / (r + 1) ** c;
  if (n <= exact) return sum;
  // Σ_{r=a}^{b} f(r) ≈ ∫_a^b f + (f(a) + f(b))/2 + (f′(b) − f′(a))/12 for f(r) = r^−c, a = exact + 1
  const [a, b] = [exact + 1, n];
  const f = (r: number) => r ** -c;
  const df = (r: number) => -c * r ** (-c - 1);
  const integral = c === 1 ? Math.log(b / a) : (b ** (1 - c) - a ** (1 - c)) / (1 - c);
  return sum + integral + (f(a) + f(b)) / 2 + (df(b) - df(a)) / 12;
}

/** Whether a step's work waits for batch sweeps under the policy (batchRule in servicePlan.ts). */
function isBatched(context: Context, service: ServiceSpec, k: number): boolean {
  const { policy } = context;
  const step = service.steps[k]!;
  const own = policy.batching.steps[`${service.id}.${step.id}`];
  const byRole = policy.batching.byRole[context.team(step.team).role];
  const every = own !== undefined ? own : byRole !== undefined ? byRole : policy.batching.everyMinutes;
  return every !== null && every > 0;
}

function addStation(chain: Chain, team: number, label: string, minutes: number, entry = 0, patient = false): number {
  chain.stations.push({ team, label, minutes, patient });
  chain.entry.push(entry);
  return chain.stations.length - 1;
}

/**
 * The chain of one service (arise.ts, front.ts): a need is a case with caseShare, needs a
 * specialist with specialistShare, has complete information with informationQuality, picks a
 * channel by channelMix; informed enquiries serve themselves with selfServiceShare; e-form
 * cases go straight to the steps; every other need makes a first contact at its channel's
 * front team (plus completenessHelpMinutes for an incomplete case under "firstContact", which
 * completes it with completenessHelpSuccess). A first contact about the need's own request
 * takes 1 + breadthContactTime × breadth of the front work (servicePlan.ts `frontTimeFactor`).
 * Enquiries outside the front's repertoire go to the back office: a call-back under
 * "logAndPass", a consult of consultShare under "resolve", whose answer the front relays
 * (consultRelayWork).
  *
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * const { teams, teamOf } = planLayout(s, policies.minutes);
 * const planned = (id: string) => teamOf[s.teams.findIndex((t) => t.id === id)]!;
 * const context = { scenario: s, policy: policies.minutes, teams, planned, team: (id: string) => s.teams.find((t) => t.id === id)! };
 * serviceChain(context, 0).stations[1]?.label; //=> "first contact (enquiry)"
 * ```
 */
export function serviceChain(context: Context, s: number): Chain {
  const { scenario, policy } = context;
  const service = scenario.services[s]!;
  const m = scenario.mechanisms;
  const chain: Chain = { stations: [], entry: [], moves: [] };
  const { caseShare: c, informationQuality: q, specialistShare: sp } = service;
  const frontMean = service.frontWork.mean * (1 + m.breadthContactTime * frontBreadth(scenario, policy));
  // case classes [incomplete][needs specialist]: their first station, or null
  const batched: (boolean | undefined)[] = [];
  const cases = [false, true].map((inc) => [false, true].map((spec) => caseChain(context, chain, s, spec, inc, batched)));
  const intoCases = (from: number | null, p: number, complete: number) => {
    for (const [inc, pInc] of [[0, complete], [1, 1 - complete]] as const) {
      for (const [spec, pSpec] of [[0, 1 - sp], [1, sp]] as const) {
        const to = cases[inc]![spec]!;
        if (to === null || p * pInc * pSpec === 0) continue;
        if (from === null) chain.entry[to]! += p * pInc * pSpec;
        else chain.moves.push([from, to, p * pInc * pSpec]);
      }
    }
  };
  const resolve = policy.frontOffice.scope === "resolve";
  const back = service.backOfficeWork.mean * (resolve ? m.consultShare : 1);
  // under log and pass one call-back station; under resolve a consult per channel (its relay is at that channel's front)
  const answer = resolve ? -1 : addStation(chain, context.planned(service.backOffice), "call-back (enquiry)", back);
  const resolved = frontResolvedShare(service, policy);
  const helps = policy.completenessCheck === "firstContact";
  const front = frontTeams(context);
  CHANNELS.forEach((ch, k) => {
    const mix = service.channelMix[k] ?? 0;
    const team = front[k] as number;
    if (mix === 0) return;
    const patient = channelPatience(scenario.citizens, ch) !== null;
    const enquiry = addStation(chain, team, "first contact (enquiry)", frontMean, (1 - c) * (1 - q * service.selfServiceShare) * mix, patient);
    if (resolve) {
      // the front that pulled the expertise relays the answer (consultDone in cases.ts)
      const relay = addStation(chain, team, "relay of a consult (enquiry)", m.consultRelayMinutes);
      const consult = addStation(chain, context.planned(service.backOffice), "consult (enquiry)", back);
      chain.moves.push([enquiry, consult, 1 - resolved], [consult, relay, 1]);
    } else chain.moves.push([enquiry, answer, 1 - resolved]);
    if (ch === "eform") return intoCases(null, c * mix, q);
    intoCases(addStation(chain, team, "first contact (case)", frontMean, c * q * mix, patient), 1, 1);
    const label = helps ? "first contact (case, completeness help)" : "first contact (case)";
    const incomplete = addStation(chain, team, label, frontMean + (helps ? m.completenessHelpMinutes : 0), c * (1 - q) * mix, patient);
    intoCases(incomplete, 1, helps ? m.completenessHelpSuccess : 0);
  });
  return chain;
}

/**
 * The case flow of one class of case (cases.ts, closure.ts): each step once in order,
 * specialist steps only when a specialist is needed (a consult under "caseOwner"); a
 * clarification first at the first completeness-checking step when information is incomplete;
 * a step that fails with probability p is redone (self-loop, 1/(1 − p) visits); pooled case
 * owners doing a step take 1 + generalistPenalty × (share of the pooled staff not from the
 * step's own team) of the work (servicePlan.ts `stepGeneralist`); work that lands in a
 * batched inbox (a hand-off, or the reply to a clarification) or waits for a structural run
 * saves batchSetupSaving; a confirmation by the owner under "citizenConfirms".
 *
 * @param batched - whether step k is batched, filled in as first asked (shared by the classes of a service)
 * @returns the first station of the class, or null if the case passes no station
 */
function caseChain(context: Context, chain: Chain, s: number, specialist: boolean, incomplete: boolean, batched: (boolean | undefined)[]): number | null {
  const { scenario, policy, teams, planned } = context;
  const service = scenario.services[s]!;
  const m = scenario.mechanisms;
  const path = { first: null as number | null, prev: -1, stay: 0, owner: -1, missing: incomplete };
  const link = (at: number, stay = 0) => {
    if (path.prev < 0) path.first = at;
    else chain.moves.push([path.prev, at, 1 - path.stay]);
    if (stay > 0) chain.moves.push([at, at, stay]);
    path.prev = at;
    path.stay = stay;
  };
  service.steps.forEach((step, k) => {
    if (step.specialist && !specialist) return;
    if (step.failureProbability >= 1) throw new RangeError(`offeredLoad: services.${service.id}.steps.${step.id}.failureProbability must be below 1, got ${step.failureProbability}`);
    const team = planned(step.team);
    const consult = policy.caseHandling === "caseOwner" && step.specialist;
    const handOff = !consult && team !== path.owner;
    if (handOff) path.owner = team;
    const clarify = path.missing && step.checksCompleteness;
    if (clarify) link(addStation(chain, team, `${step.name}: clarification`, m.clarificationWork.mean));
    if (clarify) path.missing = false;
    // after the citizen's reply the step joins its team's inbox as ordinary work (responseArrived)
    const asConsult = consult && !clarify;
    const saving = !asConsult && (step.scheduled !== null || ((handOff || clarify) && (batched[k] ??= isBatched(context, service, k))));
    // the penalty in proportion to the pooled staff not from the step's own team (stepGeneralist)
    const generalist = asConsult ? 0 : 1 - context.team(step.team).staff / teams[team]!.staff;
    const minutes = step.work.mean * (1 + m.generalistPenalty * generalist) * (saving ? 1 - m.batchSetupSaving : 1);
    link(addStation(chain, team, step.name, minutes), step.failureProbability);
    // a consult's answer goes back into the case through its owner (stepDone → relayDone in cases.ts)
    if (asConsult) link(addStation(chain, path.owner >= 0 ? path.owner : planned(service.backOffice), `${step.name}: relay`, m.consultRelayMinutes));
  });
  if (policy.closure === "citizenConfirms") {
    link(addStation(chain, path.owner >= 0 ? path.owner : planned(service.backOffice), "confirmation", m.confirmationMinutes));
  }
  return path.first;
}
