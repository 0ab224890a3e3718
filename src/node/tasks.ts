/**
 * The unit of work that worker threads and shards share: a contiguous run of replications of
 * every policy. Plain data in, plain data out, so a task runs the same in the calling thread, in
 * a worker thread or on another machine, and gives the same numbers: each replication depends
 * only on (seed, replication index, stream name).
 *
 * @packageDocumentation
 */
import { runReplication, type ExperimentOptions, type ReplicationResult } from "../experiment/index.js";
import { validatePolicy, type Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { runWindow, type RunWindow } from "../model/index.js";
import { touchpointRun, type TouchpointMeasures, type TouchpointRunOptions } from "../journey/index.js";

/** A batch of work: replications `from` (inclusive) to `to` (exclusive), every `step`th one, of every policy. */
export interface ReplicationTask {
  readonly kind?: "replications";
  readonly scenario: Scenario;
  readonly policies: readonly Policy[];
  /** First replication index. */
  readonly from: number;
  /** One past the last replication index. */
  readonly to: number;
  /** Distance between replication indices (1 for a contiguous run). */
  readonly step: number;
  /** Seed and time window (durations already in minutes or as given). */
  readonly options: Pick<ExperimentOptions, "seed" | "horizon" | "warmup" | "drain" | "series" | "allowLarge">;
}

/**
 * Runs a task: for each replication index in turn, every policy in order (the order of
 * `compare`).
 *
 * @param task - the task
 * @param onResult - called after each replication of each policy
 * @returns the replication results, replication-major then policy order
 * @example
 * ```ts
 * const rs = runTask({ scenario: loadScenario("teaching"), policies: [policies.minutes], from: 0, to: 2, step: 1, options: { seed: 1 } });
 * rs.map((r) => r.replication); //=> [0, 1]
 * ```
 */
export function runTask(task: ReplicationTask, onResult?: (result: ReplicationResult) => void): ReplicationResult[] {
  const out: ReplicationResult[] = [];
  for (let r = task.from; r < task.to; r += task.step) {
    for (const p of task.policies) {
      const result = runReplication(task.scenario, p, r, task.options);
      out.push(result);
      onResult?.(result);
    }
  }
  return out;
}

/**
 * Puts results in the order `compare` produces them (replication, then policy order), so that a
 * Comparison built from results gathered in any order is bit-for-bit the serial one.
 *
 * @param results - results in any order
 * @param policyNames - the policy order
 * @returns a new, sorted array
 * @example
 * ```ts
 * inCompareOrder(results, ["minutes", "whole"])[0]?.replication; //=> 0
 * ```
 */
export function inCompareOrder(results: readonly ReplicationResult[], policyNames: readonly string[]): ReplicationResult[] {
  const rank = new Map(policyNames.map((n, i) => [n, i]));
  return [...results].sort((a, b) => a.replication - b.replication || (rank.get(a.policy) ?? -1) - (rank.get(b.policy) ?? -1));
}

/** The time window of an experiment, in minutes, with the scenario's defaults filled in. */
export type ResolvedWindow = RunWindow;

/**
 * The options of a task's runs: the seed, the resolved window in minutes, the series (left out
 * when undefined: the run's default) and `allowLarge` when given. Every way of spreading an
 * experiment (threads, shards) builds its tasks' options here, so they run alike.
 *
 * @param window - the resolved window
 * @param options - the experiment's seed (default 1) and `allowLarge`
 * @param series - the series' period, false for none, undefined for the run's default
 * @returns the options
 * @example
 * ```ts
 * taskOptions(resolveWindow(loadScenario("teaching"), [policies.whole], { horizon: "2 weeks", warmup: 0 }), { seed: 3 }, false).horizon; //=> 20160
 * ```
 */
export function taskOptions(window: ResolvedWindow, options: Pick<ExperimentOptions, "seed" | "allowLarge">, series: ExperimentOptions["series"] | undefined): ReplicationTask["options"] {
  return {
    seed: options.seed ?? 1,
    horizon: window.horizonMinutes,
    warmup: window.warmupMinutes,
    drain: window.drainMinutes,
    ...(series === undefined ? {} : { series }),
    ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
  };
}

/**
 * Resolves and checks an experiment's time window and policies in the calling thread, before
 * any work is handed out, so that a bad option fails at once with a clear message instead of
 * once per worker. Resolving changes no number: `simulate` reads durations the same way.
 *
 * @param scenario - the scenario (its defaults fill the gaps)
 * @param policies - the policies, each checked with `validatePolicy`
 * @param options - horizon, warm-up and drain as minutes or durations such as "52 weeks"
 * @returns the window in minutes
 * @throws RangeError naming the bad option
 * @example
 * ```ts
 * resolveWindow(loadScenario("teaching"), [policies.whole], { horizon: "2 weeks", warmup: 0 }).horizonMinutes; //=> 20160
 * ```
 */
export function resolveWindow(scenario: Scenario, policies: readonly Policy[], options: ExperimentOptions): ResolvedWindow {
  for (const p of policies) validatePolicy(p);
  return runWindow(scenario, options);
}


/** A batch of touchpoint runs (baselines and what-ifs) of one policy, for `touchpointsParallel`. */
export interface TouchpointTask {
  readonly kind: "touchpoints";
  readonly scenario: Scenario;
  readonly policy: Policy;
  readonly runs: readonly TouchpointRunOptions[];
}

/**
 * Runs a touchpoint task: each run in turn.
 *
 * @param task - the task
 * @returns per run, its measures (every team for a baseline, one for a what-if)
 * @example
 * ```ts
 * runTouchpointTask({ kind: "touchpoints", scenario: loadScenario("teaching"), policy: policies.minutes, runs: [{ seed: 1, replication: 0 }] })[0]?.length; //=> 3
 * ```
 */
export function runTouchpointTask(task: TouchpointTask): TouchpointMeasures[][] {
  return task.runs.map((run) => touchpointRun(task.scenario, task.policy, run));
}
