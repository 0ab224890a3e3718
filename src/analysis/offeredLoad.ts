/**
 * Offered load per team before a run: the value-demand work every team must do for each need
 * to flow once, from the routing of the scenario's services under a policy.
 *
 * Each service's routing is written as an absorbing Markov chain over *stations* (one kind of
 * work at one team: a first contact, a call-back, a step, a completeness clarification, a
 * confirmation). Solving the traffic equations λ = γ + Rᵀλ per need (γ: where a need enters,
 * R: the routing probabilities, rework self-loops included) station by station in topological
 * order ({@link solveVisits}: linear in the stations) gives the mean visits per need to every
 * station. Then
 *
 *   load (min/week) = Σ over services and stations of needs/week × visits × mean minutes,
 *   utilisation     = load ÷ (capacity × present share), capacity = Σ over member teams of
 *                     staff × open min/week, present share = 1 − the expected share of time
 *                     a person is away (sickness spells × mean length + summer holiday weeks).
 *
 * The routing follows the model (src/model: arise.ts, front.ts, cases.ts, closure.ts,
 * servicePlan.ts, teams.ts, world.ts), which sits above this layer and so is re-stated here,
 * not imported. Failure demand (chasing, repeats, hand-off losses, misroutes, premature
 * closure, defects, complaints, abandonment) and proactive updates are NOT included: the
 * simulation makes them and they come on top, so this is the floor. See docs/analysis.md.
 *
 * @packageDocumentation
 */
import { create, lusolveDependencies, type FactoryFunctionMap } from "mathjs";
import { MINUTES_PER_WEEK, WeeklyCalendar } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import { MAX_DEMAND_TYPES } from "../scenario/schema.js";
import { CHANNELS, type Scenario, type ServiceSpec, type TeamRole } from "../scenario/types.js";

// Only the LU solver, for a small bundle. (The typings say `*Dependencies` may be undefined; it never is.)
const math = create({ lusolveDependencies: lusolveDependencies as FactoryFunctionMap });

/** The offered value-demand load of one team (as the model runs it, after any pooling). */
export interface TeamLoad {
  /** Team id; pooled case owners are "owners:a+b" as in the model. */
  readonly team: string;
  readonly name: string;
  readonly role: TeamRole;
  /** Staff (for pooled owners: the sum over the member teams). */
  readonly staff: number;
  /** Open minutes per week per staff member; for pooled owners capacity ÷ staff (see {@link offeredLoad}). */
  readonly openMinutesPerWeek: number;
  /**
   * The expected share of the year a person is at work: 1 − (sickness spells × their mean length
   * + summer holiday weeks) as shares of the year (overlaps ignored), at least 0.
   */
  readonly presentShare: number;
  /** Staff minutes per week the value demand needs from this team. */
  readonly offeredMinutesPerWeek: number;
  /**
   * offeredMinutesPerWeek ÷ (staff × openMinutesPerWeek × presentShare); Infinity when work
   * meets no open hours.
   */
  readonly utilisation: number;
  /** Minutes per week by service id (services with load only). */
  readonly byService: Readonly<Record<string, number>>;
  /**
   * Of `offeredMinutesPerWeek`, the minutes of first contacts made on a channel whose citizens
   * have a patience: phone and visit, and e-mail or e-form where the scenario gives them one.
   * Such callers hang up rather than wait for ever, so a team overloaded by them sheds part of
   * its load as abandoned contacts and redials (the run-cost estimate counts on it). Absent: 0.
   */
  readonly patientMinutesPerWeek?: number;
  /**
   * Minutes per week of training that keeps a broad repertoire up (breadth costs; included in
   * `offeredMinutesPerWeek`, not in `byService`).
   */
  readonly trainingMinutesPerWeek: number;
  /** Readable name of each service in `byService`, by id. */
  readonly serviceNames: Readonly<Record<string, string>>;
}

/** One station of a service's routing with its mean visits per need. */
export interface RoutedStation {
  readonly service: string;
  /** Planned team id (as in {@link TeamLoad.team}). */
  readonly team: string;
  /** What the work is, e.g. "first contact (enquiry)", "assessment", "intake: clarification". */
  readonly label: string;
  /** Mean visits per need of the service (rework loops included). */
  readonly visits: number;
  /** Mean staff minutes per visit. */
  readonly minutes: number;
}

/** A planned team: the rule of `planTeams` in src/model/teams.ts, restated. */
interface PlannedTeam {
  readonly id: string;
  readonly name: string;
  readonly role: TeamRole;
  readonly staff: number;
  /** Σ staff × open minutes per week over the member teams. */
  readonly capacity: number;
  /** Training minutes per person per year (teams.ts: front line by breadth, pooled owners in full). */
  readonly trainingPerYear: number;
  /** Whether its people are personal case owners, each with a line of their own ("caseOwner" and "personal"). */
  readonly personal: boolean;
}

/** What routing one service needs to know: the inputs and the planned team of each scenario team. */
interface Context {
  readonly scenario: Scenario;
  readonly policy: Policy;
  readonly teams: readonly PlannedTeam[];
  /** Planned team index of a scenario team id. */
  readonly planned: (id: string) => number;
  /** The scenario team of an id. */
  readonly team: (id: string) => Scenario["teams"][number];
}

/** A service's routing as a chain: stations, entry probabilities γ and moves (from, to, p). */
interface Chain {
  /** `patient`: a first contact on a channel whose citizens have a patience (see {@link TeamLoad.patientMinutesPerWeek}). */
  readonly stations: { team: number; label: string; minutes: number; patient: boolean }[];
  readonly entry: number[];
  readonly moves: [number, number, number][];
}

/** A station with its visits per need (team: planned team index). */
type Routed = Omit<RoutedStation, "team" | "service"> & { readonly team: number; readonly service: number };

/**
 * The offered value-demand load and utilisation of every team, from the scenario's routing
 * under a policy. Needs arise at each service's yearly average rate. Teams come in the order
 * the model runs them; under `caseOwner` the teams doing a service's ordinary steps and its
 * back office are pooled, as in the model, and their capacity is the sum over the member
 * teams of staff × open minutes per week (the people and their hours; see docs/analysis.md).
 *
 * Failure demand comes on top: this is the floor of what the run will ask of each team.
 *
 * @param scenario - a parsed scenario
 * @param policy - the policy
 * @returns one entry per planned team
 * @throws RangeError if a step fails with probability 1 (its work would never end)
 * @example
 * ```ts
 * const loads = offeredLoad(loadScenario("soderhamn"), policies.minutes);
 * loads.find((t) => t.team === "planning")?.utilisation.toFixed(2); //=> "0.59"
 * ```
 */
export function offeredLoad(scenario: Scenario, policy: Policy): TeamLoad[] {
  return loadAnalysis(scenario, policy).loads;
}

/** The load analysis of one policy in one pass, for {@link offeredLoad}, {@link serviceRouting} and the run-cost estimate. */
export interface LoadAnalysis {
  /** As {@link offeredLoad}. */
  readonly loads: TeamLoad[];
  /** As {@link serviceRouting}. */
  readonly stations: RoutedStation[];
  /** The planned team answering each channel, in the order of CHANNELS (e-forms: the e-mail team). */
  readonly channelTeams: readonly string[];
  /** Planned team ids whose people are personal case owners, each an engine team of their own. */
  readonly personalTeams: readonly string[];
  /** The planned team of each scenario team, by the scenario team's id. */
  readonly plannedTeam: Readonly<Record<string, string>>;
}

/**
 * The load analysis of a policy: the loads of {@link offeredLoad} and the routing of
 * {@link serviceRouting} from one solve, time linear in the scenario's size.
 *
 * @param scenario - a parsed scenario
 * @param policy - the policy
 * @returns loads, stations, the team per channel and the teams of personal owners
 * @throws RangeError if a step fails with probability 1
 */
export function loadAnalysis(scenario: Scenario, policy: Policy): LoadAnalysis {
  const { teams, routed, channelTeams, teamOf, patient } = route(scenario, policy);
  const load = teams.map(() => new Map<string, number>());
  for (const r of routed) {
    const service = scenario.services[r.service]!;
    const add = service.arrivalsPerMinute * MINUTES_PER_WEEK * r.visits * r.minutes;
    if (add > 0) load[r.team]!.set(service.id, (load[r.team]!.get(service.id) ?? 0) + add);
  }
  const nameOf = new Map(scenario.services.map((sv) => [sv.id, sv.name]));
  const present = presentShare(scenario);
  const loads = teams.map((t, j): TeamLoad => {
    const training = (t.staff * t.trainingPerYear) / 52;
    const offered = [...load[j]!.values()].reduce((a, x) => a + x, 0) + training;
    return {
      team: t.id,
      name: t.name,
      role: t.role,
      staff: t.staff,
      openMinutesPerWeek: t.capacity / t.staff,
      presentShare: present,
      offeredMinutesPerWeek: offered,
      utilisation: offered === 0 ? 0 : t.capacity * present > 0 ? offered / (t.capacity * present) : Infinity,
      byService: Object.fromEntries(load[j]!),
      patientMinutesPerWeek: patient[j]!,
      trainingMinutesPerWeek: training,
      serviceNames: Object.fromEntries([...load[j]!.keys()].map((id) => [id, nameOf.get(id) as string])),
    };
  });
  return {
    loads,
    stations: routed.map((r) => ({ ...r, service: scenario.services[r.service]!.id, team: teams[r.team]!.id })),
    channelTeams: channelTeams.map((j) => teams[j]!.id),
    personalTeams: teams.filter((t) => t.personal).map((t) => t.id),
    plannedTeam: Object.fromEntries(scenario.teams.map((t, i) => [t.id, teams[teamOf[i]!]!.id])),
  };
}

/**
 * The routing behind {@link offeredLoad}: mean visits per need and mean minutes per visit of
 * every station of every service. Stations of the same team, label and minutes per visit are
 * merged (so a step appears twice when, say, only some cases reach it through a batched inbox).
 *
 * @param scenario - a parsed scenario
 * @param policy - the policy
 * @returns the stations visited, service by service
 * @throws RangeError if a step fails with probability 1 (its work would never end)
 * @example
 * ```ts
 * const r = serviceRouting(loadScenario("soderhamn"), policies.minutes);
 * r.find((x) => x.service === "wasteIssue" && x.label === "return pick-up by the contractor")?.visits.toFixed(4);
 * //=> "0.7059" (a case share of 0.6 × 1/(1 − 0.15) visits per case)
 * ```
 */
export function serviceRouting(scenario: Scenario, policy: Policy): RoutedStation[] {
  return loadAnalysis(scenario, policy).stations;
}

/** Every service's chain solved, stations of the same team, label and minutes merged. */
function route(scenario: Scenario, policy: Policy): { teams: readonly PlannedTeam[]; routed: Routed[]; channelTeams: number[]; teamOf: readonly number[]; patient: number[] } {
  const { teams, teamOf } = planLayout(scenario, policy);
  const index = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const context: Context = {
    scenario,
    policy,
    teams,
    planned: (id) => teamOf[index.get(id) as number] as number,
    team: (id) => scenario.teams[index.get(id) as number]!,
  };
  // minutes a week of first contacts by citizens with a patience, by planned team
  const patient = teams.map(() => 0);
  const routed = scenario.services.flatMap((service, s) => {
    const chain = serviceChain(context, s);
    const merged = new Map<string, { service: number; team: number; label: string; visits: number; minutes: number }>();
    solveVisits(chain.entry, chain.moves).forEach((v, i) => {
      const st = chain.stations[i]!;
      if (st.patient) patient[st.team]! += service.arrivalsPerMinute * MINUTES_PER_WEEK * v * st.minutes;
      const key = `${st.team}|${st.label}|${st.minutes}`;
      const m = merged.get(key) ?? { service: s, team: st.team, label: st.label, visits: 0, minutes: st.minutes };
      m.visits += v;
      merged.set(key, m);
    });
    return [...merged.values()].filter((m) => m.visits > 0);
  });
  return { teams, routed, channelTeams: frontTeams(context), teamOf, patient };
}

/**
 * The expected share of the time a person is at work, from the scenario's absence
 * parameters (absence.ts in the model): 1 − sickness spells per year × mean length − holiday
 * weeks ÷ 52, at least 0.
 *
 * @param scenario - a parsed scenario
 * @returns a share in [0, 1]
 * @example
 * ```ts
 * const s = loadScenario("teaching");
 * presentShare({ ...s, mechanisms: { ...s.mechanisms, sicknessSpellsPerMinute: 0, holidayWeeks: 0 } }); //=> 1
 * ```
 */
export function presentShare(scenario: Scenario): number {
  const m = scenario.mechanisms;
  const away = m.sicknessSpellsPerMinute * m.sicknessLength.mean + m.holidayWeeks / 52;
  return Math.max(0, 1 - away);
}

/**
 * Visits per need: the traffic equations v = γ + Rᵀv, i.e. (I − Rᵀ)v = γ, solved in time
 * linear in the stations and moves. A service's routing is a chain of stations whose only
 * loops are rework self-loops (a step redone with its failure probability), so taken in
 * topological order (Kahn's algorithm) each station's visits are
 * v = (γ + Σ over moves in of p × v_from) ÷ (1 − p_self). Should a routing ever have a longer
 * loop, the stations on or after it are solved together by LU decomposition (mathjs
 * `lusolve`), as every chain was before: cubic in their number, so only such loops pay for it.
 *
 * @param entry - γ: where a need enters, per station (its length is the number of stations)
 * @param moves - [from, to, probability]; from === to is a self-loop
 * @returns the mean visits per need of every station (negative rounding clamped to 0)
 * @example
 * ```ts
 * solveVisits([1, 0], [[0, 1, 1], [1, 1, 0.2]]); //=> [1, 1.25]
 * ```
 */
export function solveVisits(entry: readonly number[], moves: readonly (readonly [number, number, number])[]): number[] {
  const n = entry.length;
  const inflow = [...entry];
  const self = new Array<number>(n).fill(0);
  const waiting = new Array<number>(n).fill(0);
  const out: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [from, to, p] of moves) {
    if (from === to) self[to]! += p;
    else {
      out[from]!.push([to, p]);
      waiting[to]!++;
    }
  }
  const visits = new Array<number>(n).fill(0);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) ready.push(i);
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k]!;
    const v = inflow[i]! / (1 - self[i]!);
    visits[i] = v;
    for (const [to, p] of out[i]!) {
      inflow[to]! += p * v;
      if (--waiting[to]! === 0) ready.push(to);
    }
  }
  if (ready.length < n) solveLoops(moves, visits, inflow, waiting);
  // (I − Rᵀ)⁻¹ = Σₙ (Rᵀ)ⁿ ≥ 0, so a negative visit count can only be rounding
  return visits.map((v) => Math.max(0, v));
}

/** The stations on or after a loop (still `waiting`), solved together by LU with what flows in from the rest. */
function solveLoops(moves: readonly (readonly [number, number, number])[], visits: number[], inflow: readonly number[], waiting: readonly number[]): void {
  const rest = waiting.flatMap((w, i) => (w > 0 ? [i] : []));
  const at = new Map(rest.map((i, k) => [i, k]));
  const a = rest.map((_, j) => rest.map((__, i) => (i === j ? 1 : 0)));
  for (const [from, to, p] of moves) {
    const [f, t] = [at.get(from), at.get(to)];
    if (f !== undefined && t !== undefined) a[t]![f]! -= p;
  }
  const column = math.lusolve(a, rest.map((i) => inflow[i]!)) as number[][];
  rest.forEach((i, k) => (visits[i] = column[k]![0] as number));
}

/**
 * The planned teams, by the rule of `planTeams` (src/model/teams.ts): under "caseOwner" the
 * non-front teams of each service's non-specialist steps and its back office are pooled
 * (union–find, lowest index as root); groups come in the order of their lowest member.
 */
function planLayout(scenario: Scenario, policy: Policy): { teams: PlannedTeam[]; teamOf: number[] } {
  const n = scenario.teams.length;
  const index = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const owners = new Set<number>();
  for (const service of policy.caseHandling === "caseOwner" ? scenario.services : []) {
    const ids = [...service.steps.filter((st) => !st.specialist).map((st) => st.team), service.backOffice];
    const list = [...new Set(ids.map((id) => index.get(id) as number))].filter((i) => scenario.teams[i]?.role !== "front");
    for (const i of list) owners.add(i);
    for (const i of list.slice(1)) {
      const [a, b] = [find(list[0] as number), find(i)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [i]);
    else group.push(i);
  }
  const teams: PlannedTeam[] = [];
  const teamOf = new Array<number>(n).fill(-1);
  const breadth = frontBreadth(scenario, policy);
  for (const members of groups.values()) {
    for (const m of members) teamOf[m] = teams.length;
    const personal = policy.ownership === "personal" && members.some((m) => owners.has(m));
    teams.push({ ...plannedTeam(scenario, members, breadth), personal });
  }
  return { teams, teamOf };
}

/** Breadth of the front line's repertoire beyond the basic one, in [0, 1] (`frontBreadth` in teams.ts). */
function frontBreadth(scenario: Scenario, policy: Policy): number {
  const basic = scenario.mechanisms.basicRepertoire;
  if (basic >= 1) return 0;
  return Math.min(1, Math.max(0, (policy.frontOffice.skillCoverage - basic) / (1 - basic)));
}

/** A planned team; pooled owners get the model's id, name and role, and the members' capacity. */
function plannedTeam(scenario: Scenario, members: readonly number[], breadth: number): Omit<PlannedTeam, "personal"> {
  const specs = members.map((m) => scenario.teams[m]!);
  const capacity = specs.reduce((a, s) => a + s.staff * WeeklyCalendar.fromIntervals(s.hours).openMinutesPerWeek, 0);
  const staff = specs.reduce((a, s) => a + s.staff, 0);
  const first = specs[0]!;
  const training = scenario.mechanisms.trainingMinutesPerYear;
  if (specs.length === 1) {
    return { id: first.id, name: first.name, role: first.role, staff, capacity, trainingPerYear: first.role === "front" ? training * breadth : 0 };
  }
  const [ids, names] = [specs.map((s) => s.id).join("+"), specs.map((s) => s.name).join(", ")];
  return { id: `owners:${ids}`, name: `case owners (${names})`, role: "caseWork", staff, capacity, trainingPerYear: training };
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
 */
export function channelPatience(citizens: Scenario["citizens"], channel: (typeof CHANNELS)[number]): Scenario["citizens"]["phonePatience"] | null {
  return channel === "phone" ? citizens.phonePatience : channel === "visit" ? citizens.visitPatience : channel === "email" ? citizens.emailPatience : citizens.eformPatience;
}

/**
 * The share of a team's offered load that is first contacts by citizens with a patience
 * ({@link TeamLoad.patientMinutesPerWeek}), from 0 to 1 (0 for a team offered nothing). Such
 * citizens leave rather than wait for ever; the rest of the load waits however long. The load
 * warnings and the run-cost estimate both read an overloaded team through it.
 *
 * @param t - a team's load
 * @returns the share, in [0, 1]
 * @example
 * ```ts
 * patientShare({ offeredMinutesPerWeek: 1000, patientMinutesPerWeek: 900 } as TeamLoad); //=> 0.9
 * ```
 */
export function patientShare(t: TeamLoad): number {
  return t.offeredMinutesPerWeek > 0 ? Math.min(1, (t.patientMinutesPerWeek ?? 0) / t.offeredMinutesPerWeek) : 0;
}

/** The planned front team per channel, as `frontTeams` in src/model/world.ts (e-forms go to the e-mail team). */
function frontTeams(context: Context): number[] {
  const teams = context.scenario.teams;
  const answering = (channel: string) => teams.findIndex((t) => t.role === "front" && t.channels.some((c) => c === channel));
  return CHANNELS.map((c) => {
    let i = answering(c === "eform" ? "email" : c);
    if (i < 0) i = answering("phone");
    if (i < 0) i = Math.max(0, teams.findIndex((t) => t.role === "front"));
    return context.planned(teams[i]!.id);
  });
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
 */
function serviceChain(context: Context, s: number): Chain {
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
