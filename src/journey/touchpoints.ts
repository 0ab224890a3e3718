/**
 * `touchpoints`: which touchpoints matter most. For each team as the policy runs it, rerun
 * every replication with that team's failures removed (`withoutFailuresAt`, same seeds, so the
 * same citizens and the same random numbers) and measure the change in citizen outcomes with a
 * paired 95% interval against the baseline runs; rank the teams by the improvement.
 *
 * @packageDocumentation
 */
import type { ExperimentOptions } from "../experiment/index.js";
import { summarise } from "../metrics/index.js";
import { isFailureReason, Outcome, planTeams, Reason, simulate, type RunResult } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { pairedDifference } from "../stats/index.js";

/** The outcome a ranking is by. */
export type TouchpointMetric = "failureDemand" | "endToEndDays" | "contactsPerNeed";

/** Options of {@link touchpoints}: those of an experiment, plus what to rank by. */
export interface TouchpointsOptions extends ExperimentOptions {
  /** Default "failureDemand". */
  readonly rankBy?: TouchpointMetric;
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
}

/**
 * Ranks the touchpoints of a scenario under a policy by what removing their failures would do
 * for citizens. Runs (1 + teams) × replications simulations; deterministic for a seed.
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param options - replications (default 10), seed, horizon, warm-up, drain, rankBy
 * @returns the table, biggest improvement first (ties by team id)
 * @throws RangeError if replications is not a whole number ≥ 1
 * @example
 * ```ts
 * const t = touchpoints(loadScenario("teaching"), policies.minutes, { replications: 3, horizon: "12 weeks", warmup: "2 weeks" });
 * t.rows[0]?.teamId; //=> "desk"
 * ```
 */
export function touchpoints(scenario: Scenario, policy: Policy, options: TouchpointsOptions = {}): TouchpointRanking {
  const replications = options.replications ?? 10;
  if (!(Number.isInteger(replications) && replications >= 1)) throw new RangeError(`touchpoints: replications must be a whole number ≥ 1, got ${replications}`);
  const rankBy = options.rankBy ?? "failureDemand";
  const seed = options.seed ?? 1;
  const layout = planTeams(scenario, policy);
  const run = runner(scenario, policy, options);
  const reps = Array.from({ length: replications }, (_, r) => r);
  const baseRuns = reps.map((r) => run(r));
  const first = baseRuns[0] as RunResult;
  const rows = layout.teams.map((team, k) => {
    const members = team.members.map((m) => scenario.teams[m]?.id ?? "?");
    const base = baseRuns.map((b) => measure(b, k));
    const what = reps.map((r) => measure(run(r, members[0]), k));
    const effect = (f: (m: TouchpointMeasures) => number) => effectOf(base.map(f), what.map(f));
    const effects = {
      failureDemand: effect((m) => m.failureDemand),
      attributedFailureDemand: effect((m) => m.attributed),
      causedFailureDemand: effect((m) => m.caused),
      endToEndDays: effect((m) => m.endToEndDays),
      contactsPerNeed: effect((m) => m.contactsPerNeed),
    };
    const ranked = effects[rankBy];
    return { teamId: team.id, touchpoint: team.name, members, ...effects, improvement: -ranked.change, clearImprovement: ranked.ci95 !== null && ranked.ci95[1] < 0 };
  });
  rows.sort((a, b) => b.improvement - a.improvement || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  return {
    scenario: scenario.name,
    policy: policy.name,
    replications,
    seed,
    horizonMinutes: first.horizonMinutes,
    warmupMinutes: first.warmupMinutes,
    rankBy,
    rows: rows.map((r, i) => ({ rank: i + 1, ...r })),
  };
}

/** Runs replication r of the baseline, or of the what-if without one team's failures (no journal: speed). */
function runner(scenario: Scenario, policy: Policy, options: TouchpointsOptions): (replication: number, without?: string) => RunResult {
  return (replication, without) =>
    simulate(scenario, policy, {
      seed: options.seed ?? 1,
      replication,
      journal: { every: 0 },
      ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
      ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
      ...(options.drain === undefined ? {} : { drain: options.drain }),
      ...(without === undefined ? {} : { withoutFailuresAt: without }),
    });
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
  const c = run.contacts;
  const weeks = (run.horizonMinutes - run.warmupMinutes) / 10080;
  let all = 0;
  let own = 0;
  let caused = 0;
  for (let i = 0; i < c.length; i++) {
    const reason = c.reason[i] as number;
    if (c.outcome[i] === Outcome.abandoned || !isFailureReason(reason)) continue;
    all++;
    if (c.origin[i] !== team) continue;
    own++;
    if (reason !== Reason.progressChasing && reason !== Reason.complaint) caused++;
  }
  const m = summarise(run);
  return { failureDemand: all / weeks, attributed: own / weeks, caused: caused / weeks, endToEndDays: m.endToEndDays.mean, contactsPerNeed: m.contactsPerNeed };
}

function effectOf(base: readonly number[], what: readonly number[]): TouchpointEffect {
  const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const d = pairedDifference(what, base);
  return { baseline: mean(base), whatIf: mean(what), change: d.mean, ci95: d.ci };
}
