/**
 * `compareParallel`: `compare` with the replications spread over worker threads (tinypool).
 *
 * The work is cut into tasks of contiguous replications, each task running every policy on its
 * replications; scenario and policies are plain data and travel to the workers by structured
 * clone. Each replication depends only on (seed, replication index, stream name), and the results
 * are put back in `compare`'s order before the Comparison is built, so the Comparison is
 * bit-for-bit the serial one whatever the number of workers.
 *
 * @packageDocumentation
 */
import { buildComparison, capacityWarnings, checkExperimentCost, checkPolicies, type CompareOptions, type Comparison, type ReplicationResult } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { checkWorkers, runOnPool, runThreads, type OpenPool, type WorkerPool } from "./pool.js";
import { inCompareOrder, resolveWindow, runTask, taskOptions, type ReplicationTask } from "./tasks.js";

/** Options of {@link compareParallel}: those of `compare`, plus how to spread the work. */
export interface ParallelCompareOptions extends CompareOptions {
  /** Worker threads at most (default: `os.availableParallelism()`); never more than there are tasks. */
  readonly workers?: number;
  /**
   * Threads kept open from `openWorkers`, instead of `workers`: the run uses them and leaves
   * them open, so a second run on them does not start and warm up threads again.
   */
  readonly pool?: WorkerPool;
  /** Replications (of every policy) per task (default: about four tasks per worker, at least one). */
  readonly replicationsPerTask?: number;
  /** Called once, before any work starts, with how the work will be run. */
  readonly onPlan?: (plan: ParallelPlan) => void;
  /** Cancels the run: the promise rejects and the threads are stopped (a pool's stay open). */
  readonly signal?: AbortSignal;
}

/** How {@link compareParallel} runs the work. */
export interface ParallelPlan {
  /** Worker threads started (0 when running in the calling thread). */
  readonly threads: number;
  /** Number of tasks. */
  readonly tasks: number;
  /** Replications of every policy per task (the last task may have fewer). */
  readonly replicationsPerTask: number;
  /**
   * The worker module, or null when there is no built worker next to this module (running from
   * the TypeScript sources, or bundled into another program): then the tasks run one after the
   * other in the calling thread, with the same results.
   */
  readonly workerFile: string | null;
}

/**
 * Runs every policy on the same citizens, like `compare`, with the replications spread over
 * worker threads. The Comparison is bit-for-bit the one `compare` gives with the same options,
 * for any number of workers. The threads are stopped before the promise settles.
 *
 * @param scenario - the scenario
 * @param policies - the policies; the first is the baseline of the paired differences
 * @param options - replications, seed, time window, workers (or a pool from `openWorkers`), progress callback
 * @returns the Comparison
 * @throws RangeError for fewer than one policy, duplicate policy names, a bad replication count,
 *   a bad time window, a bad `workers` or `replicationsPerTask`, `workers` and `pool` both given,
 *   or a closed pool; or for a comparison too large to
 *   run (the run-cost check of `compare`, with one run in memory per thread; unless `allowLarge`)
 * @example
 * ```ts
 * import { compareParallel, loadScenario, policies } from "helhet/node";
 * const c = await compareParallel(loadScenario("soderhamn"), [policies.minutes, policies.whole], {
 *   replications: 20,
 *   workers: 4,
 *   onProgress: (done, total) => console.error(`${done}/${total}`),
 * });
 * c.differences["whole-vs-minutes"]?.["failureDemandShare"]?.mean;
 * ```
 */
export async function compareParallel(scenario: Scenario, policies: readonly Policy[], options: ParallelCompareOptions = {}): Promise<Comparison> {
  const replications = checkPolicies(policies, options, scenario);
  const window = resolveWindow(scenario, policies, options);
  const on = runThreads(options.workers, options.pool);
  const plan = planTasks(replications, { ...options, workers: on.workers });
  checkExperimentCost(scenario, policies, options, 1, on.workerFile === null ? 1 : plan.threads);
  const runOptions = taskOptions(window, options, options.series);
  const tasks: ReplicationTask[] = [];
  for (let from = 0; from < replications; from += plan.replicationsPerTask) {
    tasks.push({ scenario, policies, from, to: Math.min(replications, from + plan.replicationsPerTask), step: 1, options: runOptions });
  }
  const workerFile = on.workerFile;
  const threads = workerFile === null ? 0 : plan.threads;
  options.onPlan?.({ threads, tasks: tasks.length, replicationsPerTask: plan.replicationsPerTask, workerFile });
  const total = replications * policies.length;
  options.signal?.throwIfAborted();
  const results = workerFile === null ? runInThisThread(tasks, total, options) : await runOnThreads(workerFile, threads, tasks, total, options, on.shared);
  const names = policies.map((p) => p.name);
  // the same warnings as compare's: the load analysis of every policy unless given
  const warnings = options.warnings ?? capacityWarnings(scenario, policies);
  return buildComparison({ scenario: scenario.name, seed: options.seed ?? 1, policies: names, warnings }, inCompareOrder(results, names));
}

/** Threads and task size for a run (compare's, and factorial's); throws RangeError naming a bad option. */
export function planTasks(replications: number, options: Pick<ParallelCompareOptions, "workers" | "replicationsPerTask">): { threads: number; replicationsPerTask: number } {
  const workers = checkWorkers(options.workers);
  const most = Math.min(workers, replications);
  const perTask = options.replicationsPerTask ?? Math.max(1, Math.floor(replications / (most * 4)));
  if (!Number.isInteger(perTask) || perTask < 1) throw new RangeError(`replicationsPerTask must be a whole number ≥ 1, got ${perTask}`);
  return { threads: Math.min(most, Math.ceil(replications / perTask)), replicationsPerTask: perTask };
}

function runInThisThread(tasks: readonly ReplicationTask[], total: number, options: ParallelCompareOptions): ReplicationResult[] {
  const results: ReplicationResult[] = [];
  for (const task of tasks) {
    runTask(task, (r) => {
      options.signal?.throwIfAborted();
      results.push(r);
      options.onProgress?.(results.length, total);
    });
  }
  return results;
}

async function runOnThreads(
  workerFile: string,
  threads: number,
  tasks: readonly ReplicationTask[],
  total: number,
  options: ParallelCompareOptions,
  shared: OpenPool | null,
): Promise<ReplicationResult[]> {
  let done = 0;
  const results = await runOnPool<ReplicationTask, ReplicationResult[]>(workerFile, threads, tasks, (rs) => {
    done += rs.length;
    options.onProgress?.(done, total);
  }, options.signal, shared);
  return results.flat();
}
