/**
 * `factorialParallel`: `factorial` with the replications spread over worker threads, as
 * `compareParallel` spreads a comparison's: tasks of contiguous replications, each running every
 * cell of the design on its replications (the same worker and the same tasks as a comparison's,
 * with the cells as the policies), and the study built from the results in any order. The study
 * is bit-for-bit the serial one whatever the number of workers.
 *
 * @packageDocumentation
 */
import { buildFactorial, checkExperimentCost, factorialPlan, type FactorialOptions, type FactorialStudy, type ReplicationResult } from "../experiment/index.js";
import { policies as presets, type Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { planTasks, type ParallelPlan } from "./parallel.js";
import { runOnPool, runThreads, type WorkerPool } from "./pool.js";
import { resolveWindow, runTask, taskOptions, type ReplicationTask } from "./tasks.js";

/** Options of {@link factorialParallel}: those of `factorial`, plus how to spread the work. */
export interface ParallelFactorialOptions extends FactorialOptions {
  /** Worker threads at most (default: `os.availableParallelism()`); never more than there are tasks. */
  readonly workers?: number;
  /** Threads kept open from `openWorkers`, instead of `workers`: used, and left open. */
  readonly pool?: WorkerPool;
  /** Replications (of every cell) per task (default: about four tasks per worker, at least one). */
  readonly replicationsPerTask?: number;
  /** Called once, before any work starts, with how the work will be run. */
  readonly onPlan?: (plan: ParallelPlan) => void;
  /** Cancels the run: the promise rejects and the threads are stopped (a pool's stay open). */
  readonly signal?: AbortSignal;
}

/**
 * Runs a factorial study like `factorial`, with the replications spread over worker threads.
 * The study is bit-for-bit the one `factorial` gives with the same options, for any number of
 * workers. The threads are stopped before the promise settles.
 *
 * @param scenario - the scenario
 * @param low - the policy at level − (default: the `minutes` preset)
 * @param high - the policy at level + (default: the `whole` preset)
 * @param options - replications, seed, window, workers (or a pool from `openWorkers`), progress callback
 * @returns the study
 * @throws RangeError as `factorial`, or for a bad `workers` or `replicationsPerTask`, for
 *   `workers` and `pool` both given, or for a closed pool
 * @throws {ScenarioError} for a scenario, policy or cell that does not pass its check
 * @example
 * ```ts
 * import { factorialParallel, loadScenario, policies } from "helhet/node";
 * const study = await factorialParallel(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 5, workers: 2 });
 * study.outcomes["endToEndDays.mean"]?.effects[0]?.name;
 * ```
 */
export async function factorialParallel(scenario: Scenario, low: Policy = presets.minutes, high: Policy = presets.whole, options: ParallelFactorialOptions = {}): Promise<FactorialStudy> {
  const plan = factorialPlan(scenario, low, high, options);
  const window = resolveWindow(scenario, plan.cells, options);
  const on = runThreads(options.workers, options.pool);
  const tasksPlan = planTasks(plan.replications, { ...options, workers: on.workers });
  const workerFile = on.workerFile;
  checkExperimentCost(scenario, plan.cells, options, 1, workerFile === null ? 1 : tasksPlan.threads);
  const runOptions = taskOptions(window, options, false);
  const tasks: ReplicationTask[] = [];
  for (let from = 0; from < plan.replications; from += tasksPlan.replicationsPerTask) {
    tasks.push({ scenario, policies: plan.cells, from, to: Math.min(plan.replications, from + tasksPlan.replicationsPerTask), step: 1, options: runOptions });
  }
  const threads = workerFile === null ? 0 : tasksPlan.threads;
  options.onPlan?.({ threads, tasks: tasks.length, replicationsPerTask: tasksPlan.replicationsPerTask, workerFile });
  const total = plan.replications * plan.cells.length;
  options.signal?.throwIfAborted();
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  let results: ReplicationResult[];
  if (workerFile === null) {
    results = tasks.flatMap((task) =>
      runTask(task, () => {
        options.signal?.throwIfAborted();
        progress(1);
      }),
    );
  } else {
    results = (await runOnPool<ReplicationTask, ReplicationResult[]>(workerFile, threads, tasks, (rs) => progress(rs.length), options.signal, on.shared)).flat();
  }
  return buildFactorial(plan, results);
}
