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
import { simulate, NeedStatus, type NeedRecords, type RunSeries, type SeriesPeriod } from "../model/index.js";
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
  /** The period of the series over time: "week" (default), "day" or "hour"; false for none. */
  readonly series?: SeriesPeriod | false;
  /**
   * Run even past the run-cost limits (`RUN_COST_LIMITS`, docs/performance.md): a warning
   * instead of a refusal, and no stop at `stopEventsPerRun` events (default false;
   * `--allow-large` on the command line).
   */
  readonly allowLarge?: boolean;
  /** Called with each warning of the run-cost check, before anything runs (default: none). */
  readonly onWarning?: (message: string) => void;
}

/** A run's series over time as plain lists (see `RunSeries`): JSON-ready, for worker threads and shards. */
export interface ReplicationSeries {
  readonly period: SeriesPeriod;
  /** Start and end of each period, minutes from the start of the run. */
  readonly start: readonly number[];
  readonly end: readonly number[];
  /** One list per series, one value per period. */
  readonly values: Readonly<Record<string, readonly number[]>>;
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
  /** The run's series over time; absent when switched off (`series: false`). */
  readonly series?: ReplicationSeries;
}

/**
 * The journal a replication keeps: none, since its result uses no journey. The run-cost
 * estimates of experiments (`checkExperimentCost`, sweeps, studies) count the same.
 *
 * @example
 * ```ts
 * REPLICATION_JOURNAL.every; //=> 0
 * ```
 */
export const REPLICATION_JOURNAL = Object.freeze({ every: 0 });

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
    ...(options.series === undefined ? {} : { series: options.series }),
    ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
    journal: REPLICATION_JOURNAL,
  });
  const e2e = resolvedEndToEndDays(run.needs);
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
    ...(run.series === null ? {} : { series: plainSeries(run.series) }),
  };
}

/**
 * The end-to-end days of a run's resolved needs, in completion order (by end time, then row).
 * The loops are a function of their own, called once per replication: V8 compiles a small
 * function with a loop fast, where the whole of {@link runReplication} took a long compile on
 * every thread (bench/README.md, "Summaries compiled on every thread").
 *
 * @param n - the run's need rows
 * @returns days from arrival to end of each resolved need
 */
function resolvedEndToEndDays(n: NeedRecords): number[] {
  const { status, end, arrival } = n;
  let resolved = 0;
  for (let i = 0; i < n.length; i++) if (status[i] === NeedStatus.resolved) resolved++;
  const done = new Uint32Array(resolved);
  for (let i = 0, k = 0; i < n.length; i++) if (status[i] === NeedStatus.resolved) done[k++] = i;
  inCompletionOrder(done, end);
  const e2e: number[] = [];
  for (let k = 0; k < resolved; k++) e2e.push((end[done[k]!]! - arrival[done[k]!]!) / 1440);
  return e2e;
}

/**
 * A run's series as plain lists.
 *
 * @param s - the series of a run
 * @returns the same numbers in plain arrays
 * @example
 * ```ts
 * const s = plainSeries(simulate(loadScenario("teaching"), policies.whole).series!);
 * Array.isArray(s.values["openNeeds"]); //=> true
 * ```
 */
export function plainSeries(s: RunSeries): ReplicationSeries {
  return {
    period: s.period,
    start: Array.from(s.start),
    end: Array.from(s.end),
    values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, Array.from(v)])),
  };
}

/**
 * Sorts need rows (in row order) into completion order: by end time, then by row. Rows are
 * written when a need is finished, so they are nearly in that order already (a need with
 * after-care is written a little after its end): an insertion sort moves each row back past the
 * few that ended later, with no comparator calls, and leaves rows that ended together in row
 * order. Should the rows be far out of order (more moves than 16 per row), the rest is left to a
 * comparison sort with the same order.
 *
 * @param rows - row numbers, sorted in place
 * @param end - each row's end time (finite for every row in `rows`)
 * @example
 * ```ts
 * const rows = Uint32Array.of(0, 1, 2);
 * inCompletionOrder(rows, Float64Array.of(5, 3, 5));
 * rows; //=> Uint32Array [1, 0, 2]
 * ```
 */
export function inCompletionOrder(rows: Uint32Array, end: Float64Array): void {
  let budget = 16 * rows.length;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const t = end[row]!;
    let j = i - 1;
    while (j >= 0 && end[rows[j]!]! > t) {
      rows[j + 1] = rows[j]!;
      j--;
    }
    rows[j + 1] = row;
    budget -= i - 1 - j;
    if (budget < 0) {
      rows.sort((a, b) => end[a]! - end[b]! || a - b);
      return;
    }
  }
}
