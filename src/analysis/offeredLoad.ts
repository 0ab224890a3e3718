/**
 * Offered load per team before a run: the value-demand work every team must do for each need
 * to flow once, from the routing of the scenario's services under a policy.
 *
 * Each service's routing is written as an absorbing Markov chain over *stations* (one kind of
 * work at one team: a first contact, a call-back, a step, a completeness clarification, a
 * confirmation). Solving the traffic equations λ = γ + Rᵀλ per need (γ: where a need enters,
 * R: the routing probabilities, rework self-loops included) station by station in topological
 * order ({@link solveVisits} in visits.ts: linear in the stations) gives the mean visits per
 * need to every station (the chains are built in serviceChains.ts, the teams as the model runs
 * them in teamLayout.ts). Then
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
import { MINUTES_PER_WEEK } from "../engine/index.js";
import type { Policy } from "../policy/types.js";
import type { Scenario, TeamRole } from "../scenario/types.js";
import { frontTeams, serviceChain, type Context } from "./serviceChains.js";
import { planLayout, type PlannedTeam } from "./teamLayout.js";
import { solveVisits } from "./visits.js";

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

