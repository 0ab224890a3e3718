/**
 * Offered load per team before a run: the value-demand work every team must do for each need
 * to flow once, from the routing of the scenario's services under a policy.
 *
 * Each service's routing is written as an absorbing Markov chain over *stations* (one kind of
 * work at one team: a first contact, a call-back, a step, a completeness clarification, a
 * confirmation). Solving the traffic equations λ = γ + Rᵀλ per need (γ: where a need enters,
 * R: the routing probabilities, rework self-loops included) with mathjs `lusolve` gives the
 * mean visits per need to every station. Then
 *
 *   load (min/week) = Σ over services and stations of needs/week × visits × mean minutes,
 *   utilisation     = load ÷ capacity, capacity = Σ over member teams of staff × open min/week.
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
  /** Staff minutes per week the value demand needs from this team. */
  readonly offeredMinutesPerWeek: number;
  /** offeredMinutesPerWeek ÷ (staff × openMinutesPerWeek); Infinity when work meets no open hours. */
  readonly utilisation: number;
  /** Minutes per week by service id (services with load only). */
  readonly byService: Readonly<Record<string, number>>;
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
  readonly members: readonly number[];
}

interface Layout {
  readonly teams: readonly PlannedTeam[];
  readonly teamOf: readonly number[];
}

/** A service's routing as a chain: stations, entry probabilities γ and moves (from, to, p). */
interface Chain {
  readonly stations: { team: number; label: string; minutes: number }[];
  readonly entry: number[];
  readonly moves: [number, number, number][];
}

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
 * @example
 * ```ts
 * const loads = offeredLoad(loadScenario("soderhamn"), policies.minutes);
 * loads.find((t) => t.team === "planning")?.utilisation.toFixed(2); //=> "0.59"
 * ```
 */
export function offeredLoad(scenario: Scenario, policy: Policy): TeamLoad[] {
  const layout = planLayout(scenario, policy);
  const load = layout.teams.map(() => new Map<string, number>());
  scenario.services.forEach((service, s) => {
    const perWeek = service.arrivalsPerMinute * MINUTES_PER_WEEK;
    const chain = serviceChain(scenario, policy, layout, s);
    solveVisits(chain).forEach((v, i) => {
      const st = chain.stations[i]!;
      const add = perWeek * v * st.minutes;
      if (add > 0) load[st.team]!.set(service.id, (load[st.team]!.get(service.id) ?? 0) + add);
    });
  });
  const nameOf = new Map(scenario.services.map((sv) => [sv.id, sv.name]));
  return layout.teams.map((t, j) => {
    const byService = Object.fromEntries(load[j]!);
    const offered = [...load[j]!.values()].reduce((a, x) => a + x, 0);
    const utilisation = offered === 0 ? 0 : t.capacity > 0 ? offered / t.capacity : Infinity;
    const serviceNames = Object.fromEntries([...load[j]!.keys()].map((id) => [id, nameOf.get(id) as string]));
    const open = t.staff > 0 ? t.capacity / t.staff : 0;
    return { team: t.id, name: t.name, role: t.role, staff: t.staff, openMinutesPerWeek: open, offeredMinutesPerWeek: offered, utilisation, byService, serviceNames };
  });
}

/**
 * The routing behind {@link offeredLoad}: mean visits per need and mean minutes per visit of
 * every station of every service. Stations of the same team, label and minutes per visit are
 * merged (so a step appears twice when, say, only some cases reach it through a batched inbox).
 *
 * @param scenario - a parsed scenario
 * @param policy - the policy
 * @returns the stations, service by service
 * @example
 * ```ts
 * const r = serviceRouting(loadScenario("soderhamn"), policies.minutes);
 * r.find((x) => x.service === "wasteIssue" && x.label === "return pick-up by the contractor")?.visits.toFixed(4);
 * //=> "0.7059" (a case share of 0.6 × 1/(1 − 0.15) visits per case)
 * ```
 */
export function serviceRouting(scenario: Scenario, policy: Policy): RoutedStation[] {
  const layout = planLayout(scenario, policy);
  return scenario.services.flatMap((service, s) => {
    const chain = serviceChain(scenario, policy, layout, s);
    const merged = new Map<string, { team: number; label: string; visits: number; minutes: number }>();
    solveVisits(chain).forEach((v, i) => {
      const st = chain.stations[i]!;
      const key = `${st.team}|${st.label}|${st.minutes}`;
      const m = merged.get(key) ?? { team: st.team, label: st.label, visits: 0, minutes: st.minutes };
      m.visits += v;
      merged.set(key, m);
    });
    return [...merged.values()]
      .filter((m) => m.visits > 0)
      .map((m) => ({ service: service.id, team: layout.teams[m.team]!.id, label: m.label, visits: m.visits, minutes: m.minutes }));
  });
}

/** Visits per need: (I − Rᵀ)v = γ solved by LU decomposition (mathjs `lusolve`). */
function solveVisits(chain: Chain): number[] {
  const n = chain.stations.length;
  if (n === 0) return [];
  const a = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));
  for (const [from, to, p] of chain.moves) a[to]![from]! -= p;
  const column = math.lusolve(a, [...chain.entry]) as number[][];
  // (I − Rᵀ)⁻¹ = Σₙ (Rᵀ)ⁿ ≥ 0, so a negative visit count can only be rounding
  return column.map((row) => Math.max(0, row[0] as number));
}

/**
 * The planned teams, by the rule of `planTeams` (src/model/teams.ts): under "caseOwner" the
 * non-front teams of each service's non-specialist steps and its back office are pooled
 * (union–find, lowest index as root); groups come in the order of their lowest member.
 */
function planLayout(scenario: Scenario, policy: Policy): Layout {
  const n = scenario.teams.length;
  const index = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
  if (policy.caseHandling === "caseOwner") {
    for (const service of scenario.services) {
      const ids = [...service.steps.filter((st) => !st.specialist).map((st) => st.team), service.backOffice];
      const list = [...new Set(ids.map((id) => index.get(id) as number))].filter((i) => scenario.teams[i]?.role !== "front");
      for (const i of list.slice(1)) {
        const a = find(list[0] as number);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  const teams: PlannedTeam[] = [];
  const teamOf = new Array<number>(n).fill(-1);
  for (const members of groups.values()) {
    for (const m of members) teamOf[m] = teams.length;
    teams.push(plannedTeam(scenario, members));
  }
  return { teams, teamOf };
}

function plannedTeam(scenario: Scenario, members: readonly number[]): PlannedTeam {
  const specs = members.map((m) => scenario.teams[m]!);
  const capacity = specs.reduce((a, s) => a + s.staff * WeeklyCalendar.fromIntervals(s.hours).openMinutesPerWeek, 0);
  const first = specs[0]!;
  if (specs.length === 1) return { id: first.id, name: first.name, role: first.role, staff: first.staff, capacity, members };
  return {
    id: `owners:${specs.map((s) => s.id).join("+")}`,
    name: `case owners (${specs.map((s) => s.name).join(", ")})`,
    role: "caseWork",
    staff: specs.reduce((a, s) => a + s.staff, 0),
    capacity,
    members,
  };
}

/** The planned front team per channel, as `frontTeams` in src/model/world.ts (e-forms go to the e-mail team). */
function frontTeams(scenario: Scenario, layout: Layout): number[] {
  const answering = (channel: string) => scenario.teams.findIndex((t) => t.role === "front" && t.channels.some((c) => c === channel));
  const anyFront = Math.max(0, scenario.teams.findIndex((t) => t.role === "front"));
  return CHANNELS.map((c) => {
    let i = answering(c === "eform" ? "email" : c);
    if (i < 0) i = answering("phone");
    if (i < 0) i = anyFront;
    return layout.teamOf[i] as number;
  });
}

/** Share of enquiries the front resolves: demand types ranked below the repertoire (servicePlan.ts). */
function frontResolvedShare(service: ServiceSpec, policy: Policy): number {
  const repertoire = Math.ceil(policy.frontOffice.skillCoverage * service.frontResolvableShare * service.demandTypes - 1e-9);
  const weights = Array.from({ length: service.demandTypes }, (_, r) => 1 / (r + 1) ** service.typeConcentration);
  const total = weights.reduce((a, w) => a + w, 0);
  return Math.min(1, weights.slice(0, Math.max(0, repertoire)).reduce((a, w) => a + w, 0) / total);
}

/** Whether a step's work waits for batch sweeps under the policy (batchRule in servicePlan.ts). */
function isBatched(scenario: Scenario, policy: Policy, service: ServiceSpec, k: number): boolean {
  const step = service.steps[k]!;
  const own = policy.batching.steps[`${service.id}.${step.id}`];
  const role = scenario.teams.find((t) => t.id === step.team)!.role;
  const byRole = policy.batching.byRole[role];
  const every = own !== undefined ? own : byRole !== undefined ? byRole : policy.batching.everyMinutes;
  return every !== null && every > 0;
}

/**
 * The chain of one service (arise.ts, front.ts): a need is a case with caseShare, needs a
 * specialist with specialistShare, has complete information with informationQuality, picks a
 * channel by channelMix; informed enquiries serve themselves with selfServiceShare; e-form
 * cases go straight to the steps; every other need makes a first contact at its channel's
 * front team. Enquiries outside the front's repertoire go to the back office.
 */
function serviceChain(scenario: Scenario, policy: Policy, layout: Layout, s: number): Chain {
  const service = scenario.services[s]!;
  const m = scenario.mechanisms;
  const chain: Chain = { stations: [], entry: [], moves: [] };
  const station = (team: number, label: string, minutes: number, entry = 0): number => {
    chain.stations.push({ team, label, minutes });
    chain.entry.push(entry);
    return chain.stations.length - 1;
  };
  const teamIndex = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const backOffice = layout.teamOf[teamIndex.get(service.backOffice) as number] as number;
  const { caseShare: c, informationQuality: q, specialistShare: sp } = service;
  const cases = [0, 1].map((inc) => [0, 1].map((spec) => caseChain(scenario, policy, layout, s, spec === 1, inc === 1, station, chain)));
  // where a case goes once it is taken in: by specialist need (sp) and completeness (inc)
  const intoCases = (from: number | null, p: number, complete: number) => {
    const shares: [number, number][] = [[0, complete], [1, 1 - complete]];
    for (const [inc, share] of shares) {
      for (const [spec, pSpec] of [[0, 1 - sp], [1, sp]] as const) {
        const to = cases[inc]![spec]!;
        const w = p * share * pSpec;
        if (to === null || w === 0) continue;
        if (from === null) chain.entry[to]! += w;
        else chain.moves.push([from, to, w]);
      }
    }
  };
  const scope = policy.frontOffice.scope;
  const answerMinutes = scope === "resolve" ? m.consultShare * service.backOfficeWork.mean : service.backOfficeWork.mean;
  const answer = station(backOffice, scope === "resolve" ? "consult (enquiry)" : "call-back (enquiry)", answerMinutes);
  const resolved = frontResolvedShare(service, policy);
  const helps = policy.completenessCheck === "firstContact";
  const front = frontTeams(scenario, layout);
  CHANNELS.forEach((ch, k) => {
    const mix = service.channelMix[k] ?? 0;
    if (mix === 0) return;
    const team = front[k] as number;
    const enquiry = station(team, "first contact (enquiry)", service.frontWork.mean, (1 - c) * (1 - q * service.selfServiceShare) * mix);
    chain.moves.push([enquiry, answer, 1 - resolved]);
    if (ch === "eform") return intoCases(null, c * mix, q);
    const complete = station(team, "first contact (case)", service.frontWork.mean, c * q * mix);
    intoCases(complete, 1, 1);
    const helpMinutes = helps ? m.completenessHelpMinutes : 0;
    const label = helps ? "first contact (case, completeness help)" : "first contact (case)";
    const incomplete = station(team, label, service.frontWork.mean + helpMinutes, c * (1 - q) * mix);
    intoCases(incomplete, 1, helps ? m.completenessHelpSuccess : 0);
  });
  return chain;
}

/**
 * The case flow of one class of case (cases.ts, closure.ts): each step once in order,
 * specialist steps only when a specialist is needed (a consult under "caseOwner"); a
 * clarification first at the first completeness-checking step when information is incomplete;
 * a step that fails with probability p is redone (self-loop, 1/(1 − p) visits); a case owner
 * doing a pooled team's step takes 1 + generalistPenalty of the work; work that lands in a
 * batched inbox (a hand-off, or the reply to a clarification) or waits for a structural run
 * saves batchSetupSaving; a confirmation by the owner under "citizenConfirms".
 *
 * @returns the first station of the class, or null if the case passes no station
 */
function caseChain(
  scenario: Scenario, policy: Policy, layout: Layout, s: number, specialist: boolean, incomplete: boolean,
  station: (team: number, label: string, minutes: number) => number, chain: Chain,
): number | null {
  const service = scenario.services[s]!;
  const m = scenario.mechanisms;
  const teamIndex = new Map(scenario.teams.map((t, i) => [t.id, i]));
  const planned = (id: string) => layout.teamOf[teamIndex.get(id) as number] as number;
  let first: number | null = null;
  let prev: { at: number; stay: number } | null = null;
  const link = (at: number, stay = 0) => {
    if (prev === null) first = at;
    else chain.moves.push([prev.at, at, 1 - prev.stay]);
    if (stay > 0) chain.moves.push([at, at, stay]);
    prev = { at, stay };
  };
  let owner = -1;
  let missing = incomplete;
  service.steps.forEach((step, k) => {
    if (step.specialist && !specialist) return;
    const team = planned(step.team);
    const consult = policy.caseHandling === "caseOwner" && step.specialist;
    const handOff = !consult && team !== owner;
    if (handOff) owner = team;
    const clarify = missing && step.checksCompleteness;
    if (clarify) {
      missing = false;
      link(station(team, `${step.name}: clarification`, m.clarificationWork.mean));
    }
    // after the citizen's reply the step joins its team's inbox as ordinary work (responseArrived)
    const asConsult = consult && !clarify;
    const saving = !asConsult && (step.scheduled !== null || ((handOff || clarify) && isBatched(scenario, policy, service, k)));
    const penalty = !asConsult && layout.teams[team]!.members.length > 1;
    const minutes = step.work.mean * (penalty ? 1 + m.generalistPenalty : 1) * (saving ? 1 - m.batchSetupSaving : 1);
    link(station(team, step.name, minutes), step.failureProbability);
  });
  if (policy.closure === "citizenConfirms") {
    const backOffice = planned(service.backOffice);
    link(station(owner >= 0 ? owner : backOffice, "confirmation", m.confirmationMinutes));
  }
  return first;
}
