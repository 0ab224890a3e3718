/**
 * `touchpoints`: which touchpoints matter most. For each team as the policy runs it, rerun
 * every replication with that team's failures removed (`withoutFailuresAt`, same seeds, so the
 * same citizens and the same random numbers) and measure the change in citizen outcomes with a
 * paired 95% interval against the baseline runs; rank the teams by the improvement.
 *
 * @packageDocumentation
 */
import { checkExperimentCost, type ExperimentOptions } from "../experiment/index.js";
import { summarise } from "../metrics/index.js";
import { isFailureReason, NeedStatus, Outcome, planTeams, Reason, simulate, type RunResult } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { pairedDifference } from "../stats/index.js";

/** The outcome a ranking is by. */
export type TouchpointMetric = "failureDemand" | "endToEndDays" | "contactsPerNeed";

/** Options of {@link touchpoints}: those of an experiment, plus what to rank by. */
export interface TouchpointsOptions extends ExperimentOptions {
  /** Default "failureDemand". */
  readonly rankBy?: TouchpointMetric;
  /**
   * Measure the outcomes of one service's citizens only (its id, name or index): its failure
   * demand, end-to-end days and contacts per need. The what-ifs still remove a team's failures
   * for every service. Default: all services.
   */
  readonly service?: string | number;
}

/** An outcome under the baseline and the what-if, with the paired difference (what-if − baseline). */
export interface TouchpointEffect {
  readonly baseline: number;
  readonly whatIf: number;
  readonly change: number;
  /** 95% paired t interval of the change; null with one replication. */
  readonly ci95: readonly [number, number] | null;
}

/** One row of the ranking. */
export interface TouchpointRow {
  readonly rank: number;
  /** Team id and name as run (pooled case-owner teams under `caseOwner`). */
  readonly teamId: string;
  readonly touchpoint: string;
  /** The scenario teams it is made of; the first is the one passed to `withoutFailuresAt`. */
  readonly members: readonly string[];
  /** Handled failure-demand contacts per week in the window (all touchpoints). */
  readonly failureDemand: TouchpointEffect;
  /** Of them, attributed to this touchpoint (its origin), chases and complaints while it held the need included. */
  readonly attributedFailureDemand: TouchpointEffect;
  /** Of the attributed ones, those caused by a failure at this touchpoint (what the what-if removes). */
  readonly causedFailureDemand: TouchpointEffect;
  readonly endToEndDays: TouchpointEffect;
  readonly contactsPerNeed: TouchpointEffect;
  /** Baseline − what-if of the ranking metric (positive = better without the failures). */
  readonly improvement: number;
  /** Whether the interval of the ranking metric's change lies below zero. */
  readonly clearImprovement: boolean;
}

/** The ranked table of {@link touchpoints}. */
export interface TouchpointRanking {
  readonly scenario: string;
  readonly policy: string;
  readonly replications: number;
  readonly seed: number | string;
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  readonly rankBy: TouchpointMetric;
  /** The service whose citizens were measured (its id), or null for all. */
  readonly service: string | null;
  readonly rows: readonly TouchpointRow[];
}

/** The outcomes of one run that a ranking compares. */
export interface TouchpointMeasures {
  readonly failureDemand: number;
  readonly attributed: number;
  /** Of the attributed ones, those caused by a failure there (not chases or complaints). */
  readonly caused: number;
  readonly endToEndDays: number;
  readonly contactsPerNeed: number;
  /** The run's window (minutes), carried for the ranking's header. */
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
}

/**
 * Ranks the touchpoints of a scenario under a policy by what removing their failures would do
 * for citizens. Runs (1 + teams) × replications simulations; deterministic for a seed.
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param options - replications (default 10), seed, horizon, warm-up, drain, rankBy; the
 *   run-cost check of all the runs before the first (`allowLarge`, `onWarning`; see `compare`)
 * @returns the table, biggest improvement first (ties by team id)
 * @throws RangeError if replications is not a whole number ≥ 1, or the runs are too large to run (unless `allowLarge`)
 * @example
 * ```ts
 * const t = touchpoints(loadScenario("teaching"), policies.minutes, { replications: 3, horizon: "12 weeks", warmup: "2 weeks" });
 * t.rows[0]?.teamId; //=> "desk"
 * ```
 */
export function touchpoints(scenario: Scenario, policy: Policy, options: TouchpointsOptions = {}): TouchpointRanking {
  const plan = touchpointPlan(scenario, policy, options);
  checkExperimentCost(scenario, [policy], { ...options, replications: plan.replications.length }, 1 + plan.teams.length);
  const base = plan.replications.map((r) => touchpointRun(scenario, policy, { ...plan.run, replication: r }));
  const whatIf = plan.teams.map((_, k) => plan.replications.map((r) => touchpointRun(scenario, policy, { ...plan.run, replication: r, team: k })[0] as TouchpointMeasures));
  return rankTouchpoints(plan, base, whatIf);
}

/** What a touchpoint ranking runs: the teams as the policy plans them, the replications and the run options. */
export interface TouchpointPlan {
  readonly scenario: string;
  readonly policy: string;
  readonly seed: number | string;
  readonly rankBy: TouchpointMetric;
  /** The measured service's id, or null for all. */
  readonly service: string | null;
  /** Replication indices 0 … R−1. */
  readonly replications: readonly number[];
  /** The planned teams, in the order of RunResult.teams: id, name and the scenario teams they are made of. */
  readonly teams: readonly { readonly id: string; readonly name: string; readonly members: readonly string[] }[];
  /** Seed and time window of every run (plain data: it can travel to a worker thread). */
  readonly run: TouchpointRunOptions;
}

/** One run of a ranking: replication r, the baseline (no `team`) or the what-if without team k's failures. */
export interface TouchpointRunOptions {
  readonly seed: number | string;
  readonly horizon?: number | string;
  readonly warmup?: number | string;
  readonly drain?: number | string;
  readonly replication?: number;
  /** Index of the planned team made free of failures (a what-if); absent for the baseline. */
  readonly team?: number;
  /** Index of the service whose citizens are measured; absent for all. */
  readonly service?: number;
  /** Run past the run-cost limits (see `simulate`). */
  readonly allowLarge?: boolean;
}

/**
 * Plans a touchpoint ranking: checks the options and lists the teams and replications.
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param options - replications (default 10), seed, horizon, warm-up, drain, rankBy
 * @returns the plan
 * @throws RangeError if replications is not a whole number ≥ 1, or the service is unknown
 * @example
 * ```ts
 * touchpointPlan(loadScenario("teaching"), policies.minutes, { replications: 3 }).teams.length; //=> 3
 * ```
 */
export function touchpointPlan(scenario: Scenario, policy: Policy, options: TouchpointsOptions = {}): TouchpointPlan {
  const replications = options.replications ?? 10;
  if (!(Number.isInteger(replications) && replications >= 1)) throw new RangeError(`touchpoints: replications must be a whole number ≥ 1, got ${replications}`);
  const layout = planTeams(scenario, policy);
  const service = options.service === undefined ? -1 : scenarioService(scenario, options.service);
  return {
    scenario: scenario.name,
    policy: policy.name,
    seed: options.seed ?? 1,
    rankBy: options.rankBy ?? "failureDemand",
    service: service < 0 ? null : (scenario.services[service]?.id ?? null),
    replications: Array.from({ length: replications }, (_, r) => r),
    teams: layout.teams.map((team) => ({ id: team.id, name: team.name, members: team.members.map((m) => scenario.teams[m]?.id ?? "?") })),
    run: {
      seed: options.seed ?? 1,
      ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
      ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
      ...(options.drain === undefined ? {} : { drain: options.drain }),
      ...(service < 0 ? {} : { service }),
      ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
    },
  };
}

/** A service of the scenario by id, name or index; RangeError naming the choices otherwise. */
function scenarioService(scenario: Scenario, service: string | number): number {
  const ids = scenario.services.map((x) => x.id);
  const i = typeof service === "number" ? service : Math.max(ids.indexOf(service), scenario.services.findIndex((x) => x.name === service));
  if (!(Number.isInteger(i) && i >= 0 && i < ids.length)) throw new RangeError(`touchpoints: unknown service ${JSON.stringify(service)}; the scenario has ${ids.join(", ")}`);
  return i;
}

/**
 * One run of a ranking and its measures: for the baseline, the measures with failure demand
 * attributed to each planned team in turn; for the what-if without team k's failures, the one
 * measure attributed to team k. Pure and plain data in and out (a worker thread can run it).
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param options - seed, window, replication, and `team` for a what-if
 * @returns one measure per planned team (baseline), or one (what-if)
 * @example
 * ```ts
 * const [m] = touchpointRun(loadScenario("teaching"), policies.minutes, { seed: 1, replication: 0, team: 0 });
 * m?.caused; //=> 0
 * ```
 */
export function touchpointRun(scenario: Scenario, policy: Policy, options: TouchpointRunOptions): TouchpointMeasures[] {
  const layout = planTeams(scenario, policy);
  const k = options.team;
  const without = k === undefined ? undefined : scenario.teams[layout.teams[k]?.members[0] ?? -1]?.id;
  if (k !== undefined && without === undefined) throw new RangeError(`touchpointRun: team must be the index of a planned team (0 to ${layout.teams.length - 1}), got ${k}`);
  const run = simulate(scenario, policy, {
    seed: options.seed,
    replication: options.replication ?? 0,
    journal: { every: 0 },
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...(options.drain === undefined ? {} : { drain: options.drain }),
    ...(without === undefined ? {} : { withoutFailuresAt: without }),
    ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
  });
  const all = measures(run, options.service);
  return k === undefined ? all : [all[k] as TouchpointMeasures];
}

/**
 * Builds the ranked table from the measures of the runs of a plan.
 *
 * @param plan - from {@link touchpointPlan}
 * @param base - per replication, the baseline measures of every team ({@link touchpointRun} without `team`)
 * @param whatIf - per team, per replication, the what-if measure ({@link touchpointRun} with `team`)
 * @returns the table, biggest improvement first (ties by team id)
 * @example
 * ```ts
 * const ranking = rankTouchpoints(plan, base, whatIf);
 * ```
 */
export function rankTouchpoints(plan: TouchpointPlan, base: readonly (readonly TouchpointMeasures[])[], whatIf: readonly (readonly TouchpointMeasures[])[]): TouchpointRanking {
  const rows = plan.teams.map((team, k) => {
    const b = base.map((perTeam) => perTeam[k] as TouchpointMeasures);
    const w = whatIf[k] as readonly TouchpointMeasures[];
    const effect = (f: (m: TouchpointMeasures) => number) => effectOf(b.map(f), w.map(f));
    const effects = {
      failureDemand: effect((m) => m.failureDemand),
      attributedFailureDemand: effect((m) => m.attributed),
      causedFailureDemand: effect((m) => m.caused),
      endToEndDays: effect((m) => m.endToEndDays),
      contactsPerNeed: effect((m) => m.contactsPerNeed),
    };
    const ranked = effects[plan.rankBy];
    // 0 − x, not −x: never −0, which JSON cannot carry
    const improvement = 0 - ranked.change;
    return { teamId: team.id, touchpoint: team.name, members: team.members, ...effects, improvement, clearImprovement: ranked.ci95 !== null && ranked.ci95[1] < 0 };
  });
  rows.sort((a, b) => b.improvement - a.improvement || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  const first = base[0]?.[0];
  return {
    scenario: plan.scenario,
    policy: plan.policy,
    replications: plan.replications.length,
    seed: plan.seed,
    horizonMinutes: first?.horizonMinutes ?? 0,
    warmupMinutes: first?.warmupMinutes ?? 0,
    rankBy: plan.rankBy,
    service: plan.service,
    rows: rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

/**
 * The outcomes of one run that the ranking compares, with failure demand attributed to one team.
 *
 * @param run - the run
 * @param team - index into RunResult.teams
 * @returns failure demand per week (all; attributed to the team; caused by a failure there), end-to-end days, contacts per need
 * @example
 * ```ts
 * measure(run, 0).failureDemand; //=> 41.5
 * ```
 */
export function measure(run: RunResult, team: number): TouchpointMeasures {
  const all = measures(run);
  const m = all[team];
  if (m === undefined) throw new RangeError(`measure: team must be an index into the run's teams (0 to ${all.length - 1}), got ${team}`);
  return m;
}

/**
 * {@link measure} for every team of the run, in one pass over the contacts.
 *
 * @param run - the run
 * @param service - measure only this service's citizens (index into RunResult.serviceIds); default all
 * @returns one measure per entry of RunResult.teams
 * @example
 * ```ts
 * measures(run).map((m) => m.caused); //=> [33.2, 2.6, 0.1]
 * ```
 */
export function measures(run: RunResult, service?: number): TouchpointMeasures[] {
  const c = run.contacts;
  const weeks = (run.horizonMinutes - run.warmupMinutes) / 10080;
  const own = new Float64Array(run.teams.length);
  const caused = new Float64Array(run.teams.length);
  let all = 0;
  for (let i = 0; i < c.length; i++) {
    const reason = c.reason[i] as number;
    if (c.outcome[i] === Outcome.abandoned || !isFailureReason(reason) || (service !== undefined && c.service[i] !== service)) continue;
    all++;
    const origin = c.origin[i] as number;
    if (!(origin >= 0 && origin < own.length)) continue;
    own[origin]!++;
    if (reason !== Reason.progressChasing && reason !== Reason.complaint) caused[origin]!++;
  }
  const m = service === undefined ? summarise(run) : serviceOutcomes(run, service);
  return run.teams.map((_, k) => ({
    failureDemand: all / weeks,
    attributed: (own[k] as number) / weeks,
    caused: (caused[k] as number) / weeks,
    endToEndDays: m.endToEndDays.mean,
    contactsPerNeed: m.contactsPerNeed,
    horizonMinutes: run.horizonMinutes,
    warmupMinutes: run.warmupMinutes,
  }));
}

/** The mean end-to-end days and contacts per resolved need of one service's cohort (as `summarise` computes them for all). */
function serviceOutcomes(run: RunResult, service: number): { endToEndDays: { mean: number }; contactsPerNeed: number } {
  const n = run.needs;
  let resolved = 0;
  let days = 0;
  let contacts = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.service[i] !== service || n.status[i] !== NeedStatus.resolved) continue;
    resolved++;
    days += ((n.end[i] as number) - (n.arrival[i] as number)) / 1440;
    contacts += n.contacts[i] as number;
  }
  return { endToEndDays: { mean: resolved === 0 ? 0 : days / resolved }, contactsPerNeed: resolved === 0 ? 0 : contacts / resolved };
}

function effectOf(base: readonly number[], what: readonly number[]): TouchpointEffect {
  const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const d = pairedDifference(what, base);
  return { baseline: mean(base), whatIf: mean(what), change: d.mean, ci95: d.ci };
}
