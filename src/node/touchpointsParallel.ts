/**
 * `touchpointsParallel`: `touchpoints` with its runs (a baseline per replication, a what-if per
 * team and replication) spread over worker threads. Each run depends only on (seed,
 * replication, team), so the ranking is bit-for-bit the serial one whatever the number of
 * workers.
 *
 * @packageDocumentation
 */
import { checkExperimentCost } from "../experiment/index.js";
import { rankTouchpoints, touchpointPlan, type TouchpointMeasures, type TouchpointRanking, type TouchpointRunOptions, type TouchpointsOptions } from "../journey/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { runOnPool, runThreads, type WorkerPool } from "./pool.js";
import { resolveWindow, runTouchpointTask, type TouchpointTask } from "./tasks.js";

/** Options of {@link touchpointsParallel}: those of `touchpoints`, plus how to spread the work. */
export interface ParallelTouchpointsOptions extends TouchpointsOptions {
  /** Worker threads at most (default: `os.availableParallelism()`). */
  readonly workers?: number;
  /** Threads kept open from `openWorkers`, instead of `workers`: used, and left open. */
  readonly pool?: WorkerPool;
  /** Called after each run with (runs done, runs in all). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Cancels the run: the promise rejects and the threads are stopped (a pool's stay open). */
  readonly signal?: AbortSignal;
}

/**
 * Ranks the touchpoints like `touchpoints`, with the (1 + teams) × replications runs spread over
 * worker threads; the ranking is bit-for-bit the serial one. Without a built worker (running
 * from the TypeScript sources) the runs go one after the other in this thread.
 *
 * @param scenario - the scenario
 * @param policy - the policy
 * @param options - those of `touchpoints`, plus workers (or a pool from `openWorkers`), progress and a cancel signal
 * @returns the ranked table
 * @throws RangeError for a bad replication count, time window or `workers`, for `workers` and
 *   `pool` both given or a closed pool, or for runs too large
 *   to run (the run-cost check of `touchpoints`; unless `allowLarge`)
 * @example
 * ```ts
 * import { loadScenario, policies, touchpointsParallel } from "helhet/node";
 * const t = await touchpointsParallel(loadScenario("soderhamn"), policies.minutes, { replications: 10, workers: 4 });
 * t.rows[0]?.touchpoint; //=> "contact centre"
 * ```
 */
export async function touchpointsParallel(scenario: Scenario, policy: Policy, options: ParallelTouchpointsOptions = {}): Promise<TouchpointRanking> {
  const plan = touchpointPlan(scenario, policy, options);
  const window = resolveWindow(scenario, [policy], options);
  const on = runThreads(options.workers, options.pool);
  const threads = Math.min(on.workers, plan.replications.length);
  checkExperimentCost(scenario, [policy], { ...options, replications: plan.replications.length }, 1 + plan.teams.length, on.workerFile === null ? 1 : threads);
  const run = { ...plan.run, horizon: window.horizonMinutes, warmup: window.warmupMinutes, drain: window.drainMinutes };
  // one task per replication: its baseline and every team's what-if
  const tasks: TouchpointTask[] = plan.replications.map((r) => ({
    kind: "touchpoints",
    scenario,
    policy,
    runs: [{ ...run, replication: r }, ...plan.teams.map((_, k): TouchpointRunOptions => ({ ...run, replication: r, team: k }))],
  }));
  const total = tasks.length * (1 + plan.teams.length);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  options.signal?.throwIfAborted();
  const workerFile = on.workerFile;
  const results: TouchpointMeasures[][][] = [];
  // one thread: in this one, unless the caller's threads are open and warm
  if (workerFile === null || (threads === 1 && on.shared === null)) {
    for (const task of tasks) {
      options.signal?.throwIfAborted();
      results.push(runTouchpointTask(task));
      progress(task.runs.length);
    }
  } else {
    results.push(...(await runOnPool<TouchpointTask, TouchpointMeasures[][]>(workerFile, threads, tasks, (r) => progress(r.length), options.signal, on.shared)));
  }
  const base = results.map((perRun) => perRun[0] as TouchpointMeasures[]);
  const whatIf = plan.teams.map((_, k) => results.map((perRun) => perRun[1 + k]?.[0] as TouchpointMeasures));
  return rankTouchpoints(plan, base, whatIf);
}
