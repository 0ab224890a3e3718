/**
 * One replication of one policy, reduced to what a Comparison needs: its metric table, the
 * end-to-end times of its resolved needs in completion order (for pooled quantiles and the
 * capability chart) and its daily series of needs alive (for the warm-up check). Plain data,
 * so it can travel between worker threads and machines and be merged exactly.
 *
 * @packageDocumentation
 */
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { simulate, NeedStatus } from "../model/index.js";
import { summarise } from "../metrics/index.js";
import { metricTable, type MetricTable } from "./metricTable.js";

/** Run options shared by every replication of an experiment. */
export interface ExperimentOptions {
  /** Number of replications (default 10). */
  readonly replications?: number;
  /** Master seed (default 1). */
  readonly seed?: number | string;
  /** Measured period end: minutes or a duration such as "52 weeks" (default: the scenario's). */
  readonly horizon?: number | string;
  /** Warm-up excluded from statistics (default: the scenario's). */
  readonly warmup?: number | string;
  /** Time after the horizon for counted needs to finish (default: the scenario's). */
  readonly drain?: number | string;
  /**
   * Run even past the run-cost limits (`RUN_COST_LIMITS`, docs/performance.md): a warning
   * instead of a refusal, and no stop at `stopEventsPerRun` events (default false;
   * `--allow-large` on the command line).
   */
  readonly allowLarge?: boolean;
  /** Called with each warning of the run-cost check, before anything runs (default: none). */
  readonly onWarning?: (message: string) => void;
}

/** What one replication contributes to a Comparison. */
export interface ReplicationResult {
  readonly policy: string;
  readonly replication: number;
  readonly metrics: MetricTable;
  /** End-to-end days of resolved cohort needs, in completion order. */
  readonly endToEndDays: readonly number[];
  /** Needs alive at the end of each day. */
  readonly dailyOpenNeeds: readonly number[];
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  /** Teams whose backlog grew through the window (see `RunSummary.unstableTeams`). */
  readonly unstableTeams: readonly string[];
}

/**
 * Runs replication `replication` of `policy`: the same citizens as replication `replication`
 * of every other policy (common random numbers).
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param replication - the replication index
 * @param options - seed, time window, and the run-cost check (`allowLarge`, `onWarning`; see `simulate`)
 * @returns the replication's contribution
 * @throws RangeError for a bad window, or a run too large to run (unless `allowLarge`)
 * @example
 * ```ts
 * const r = runReplication(loadScenario("teaching"), policies.whole, 0, { seed: 1 });
 * r.endToEndDays.length > 0; //=> true
 * ```
 */
export function runReplication(scenario: Scenario, policy: Policy, replication: number, options: ExperimentOptions = {}): ReplicationResult {
  const run = simulate(scenario, policy, {
    seed: options.seed ?? 1,
    replication,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.warmup === undefined ? {} : { warmup: options.warmup }),
    ...(options.drain === undefined ? {} : { drain: options.drain }),
    ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
  });
  const n = run.needs;
  const done: number[] = [];
  for (let i = 0; i < n.length; i++) if (n.status[i] === NeedStatus.resolved) done.push(i);
  // completion order (rows of needs with after-care are written a little later than their end)
  done.sort((a, b) => n.end[a]! - n.end[b]! || a - b);
  const e2e = done.map((i) => (n.end[i]! - n.arrival[i]!) / 1440);
  const summary = summarise(run);
  return {
    policy: policy.name,
    replication,
    metrics: metricTable(summary),
    unstableTeams: summary.unstableTeams,
    endToEndDays: e2e,
    dailyOpenNeeds: Array.from(run.dailyOpenNeeds),
    horizonMinutes: run.horizonMinutes,
    warmupMinutes: run.warmupMinutes,
  };
}
