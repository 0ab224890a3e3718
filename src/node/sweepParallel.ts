/**
 * `sweepParallel`: `sweep` with every value's replications spread over worker threads. All the
 * values' comparisons run at once on one set of threads (the caller's pool, or threads started
 * for the call), so the threads stay busy from the first value to the last; each comparison is
 * `compareParallel`'s, bit for bit the serial one, and the sweep is bit for bit `sweep`'s.
 *
 * @packageDocumentation
 */
import { sweepPlan, type CompareOptions, type Comparison, type SweepResult, type SweepSpec } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { compareParallel, planTasks, type ParallelPlan } from "./parallel.js";
import { followSignal, openWorkers, runThreads, type WorkerPool } from "./pool.js";

/** Options of {@link sweepParallel}: those of `sweep`, plus how to spread the work. */
export interface ParallelSweepOptions extends CompareOptions {
  /** Worker threads at most (default: `os.availableParallelism()`); never more than there are tasks. */
  readonly workers?: number;
  /** Threads kept open from `openWorkers`, instead of `workers`: used, and left open. */
  readonly pool?: WorkerPool;
  /** Replications (of every policy) per task (default: about four tasks per worker and value, at least one). */
  readonly replicationsPerTask?: number;
  /** Called once, before any work starts, with how the work will be run (tasks of all values together). */
  readonly onPlan?: (plan: ParallelPlan) => void;
  /** Cancels the run: the promise rejects and the threads are stopped (a pool's stay open). */
  readonly signal?: AbortSignal;
}

/**
 * Runs a comparison at each value of one parameter, like `sweep`, with the replications of every
 * value spread over worker threads. The result is bit for bit the one `sweep` gives with the
 * same options, for any number of workers; every value is checked, and the cost of the whole
 * sweep estimated and bounded, before anything runs.
 *
 * @param scenario - the scenario
 * @param policies - one policy or several (the first is the baseline of paired differences)
 * @param spec - the dotted path and its values
 * @param options - replications, seed, time window, progress, `allowLarge`, `onWarning`, and
 *   workers (or a pool from `openWorkers`), `replicationsPerTask`, `onPlan` and `signal`
 * @returns a Comparison per value
 * @throws as `sweep`, or RangeError for a bad `workers` or `replicationsPerTask`, for `workers`
 *   and `pool` both given, or for a closed pool
 * @example
 * ```ts
 * import { loadScenario, policies, sweepParallel } from "helhet/node";
 * const s = await sweepParallel(loadScenario("teaching"), [policies.minutes, policies.whole], { path: "services.questions.demandTypes", values: [2, 8, 20] }, { replications: 10, workers: 2 });
 * s.rows.length; //=> 3
 * ```
 */
export async function sweepParallel(scenario: Scenario, policies: Policy | readonly Policy[], spec: SweepSpec, options: ParallelSweepOptions = {}): Promise<SweepResult> {
  const plan = sweepPlan(scenario, policies, spec, options);
  const on = runThreads(options.workers, options.pool);
  const perValue = planTasks(plan.replications, { workers: on.workers, ...(options.replicationsPerTask === undefined ? {} : { replicationsPerTask: options.replicationsPerTask }) });
  const tasksPerValue = Math.ceil(plan.replications / perValue.replicationsPerTask);
  const tasks = tasksPerValue * plan.cases.length;
  const threads = on.workerFile === null ? 0 : Math.min(on.workers, tasks);
  options.onPlan?.({ threads, tasks, replicationsPerTask: perValue.replicationsPerTask, workerFile: on.workerFile });
  options.signal?.throwIfAborted();
  // the threads of the caller's pool, else threads started for the sweep and stopped after it
  const pool = options.pool ?? (threads > 0 ? await openWorkers({ workers: threads }) : undefined);
  // a failed value stops the others, as the caller's cancel does
  const { controller: stop, release } = followSignal(options.signal);
  // each value checks itself again (cheap), but the warnings came once, from the plan
  const { onWarning: _once, onProgress, workers: _w, pool: _p, onPlan: _o, signal: _s, ...compareOptions } = options;
  const perRun = plan.replications * (plan.cases[0]?.policies.length ?? 0);
  const done = plan.cases.map(() => 0);
  try {
    const comparisons = await Promise.all(
      plan.cases.map(async ({ scenario: s, policies: ps }, k): Promise<Comparison> => {
        try {
          return await compareParallel(s, ps, {
            ...compareOptions,
            ...(pool === undefined ? { workers: 1 } : { pool }),
            signal: stop.signal,
            ...(onProgress === undefined
              ? {}
              : {
                  onProgress: (n: number) => {
                    done[k] = n;
                    onProgress(done.reduce((a, b) => a + b, 0), perRun * plan.cases.length);
                  },
                }),
          });
        } catch (e) {
          stop.abort(e);
          throw e;
        }
      }),
    );
    return { path: plan.path, values: plan.values, rows: plan.cases.map(({ value }, k) => ({ value, comparison: comparisons[k] as Comparison })) };
  } finally {
    release();
    if (options.pool === undefined) await pool?.close();
  }
}
