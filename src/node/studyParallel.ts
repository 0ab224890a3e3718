/**
 * `sensitivityParallel` and `winnerMapParallel`: the studies of many comparisons with each
 * batch's replications spread over worker threads. A study is written once, as steps
 * (`sensitivityRun`, `winnerMapRun`); here each batch of comparisons is cut into tasks of
 * contiguous replications (the tasks of `compareParallel`), run on a pool, and every
 * Comparison built from its results in `compare`'s order, so the study is bit-for-bit the
 * serial one whatever the number of workers.
 *
 * @packageDocumentation
 */
import {
  assembleSensitivity,
  assembleWinnerMap,
  buildComparison,
  sensitivityRun,
  studyCompareOptions,
  winnerMapRun,
  type Comparison,
  type ComparisonRequest,
  type ExperimentOptions,
  type ReplicationResult,
  type SensitivityOptions,
  type SensitivityStudy,
  type StudyRun,
  type WinnerMap,
  type WinnerMapAxis,
  type WinnerMapOptions,
} from "../experiment/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import type { ParallelPlan } from "./parallel.js";
import { builtWorkerFile, openPool, runThreads, type OpenPool, type WorkerPool } from "./pool.js";
import { inCompareOrder, runTask, taskOptions, type ReplicationTask } from "./tasks.js";

/** How a study spreads its work over threads. */
export interface StudyThreads {
  /** Worker threads at most (default: `os.availableParallelism()`). */
  readonly workers?: number;
  /** Threads kept open from `openWorkers`, instead of `workers`: used, and left open. */
  readonly pool?: WorkerPool;
  /** Called once per batch of comparisons, before it starts, with how it will be run. */
  readonly onPlan?: (plan: ParallelPlan) => void;
  /** Cancels the run: the promise rejects and the threads are stopped (a pool's stay open). */
  readonly signal?: AbortSignal;
}

/** Options of {@link sensitivityParallel}: those of `sensitivity`, plus how to spread the work. */
export type ParallelSensitivityOptions = SensitivityOptions & StudyThreads;

/** Options of {@link winnerMapParallel}: those of `winnerMap`, plus how to spread the work. */
export type ParallelWinnerMapOptions = WinnerMapOptions & StudyThreads;

/**
 * Runs a sensitivity study like `sensitivity`, each batch of comparisons (the ends and joint
 * samples of every parameter, then each round of bisection) spread over worker threads. The
 * study is bit-for-bit the one `sensitivity` gives with the same options.
 *
 * @param scenario - the scenario
 * @param policies - two policies; differences are the second minus the first
 * @param options - as `sensitivity`, plus workers (or a pool from `openWorkers`), onPlan and signal
 * @returns the study
 * @throws as `sensitivity`, or RangeError for a bad `workers`, for `workers` and `pool` both given, or for a closed pool
 * @example
 * ```ts
 * import { loadScenario, policies, sensitivityParallel } from "helhet/node";
 * const s = await sensitivityParallel(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3, workers: 2 });
 * ```
 */
export async function sensitivityParallel(scenario: Scenario, policies: readonly Policy[], options: ParallelSensitivityOptions = {}): Promise<SensitivityStudy> {
  const { workers, pool, onPlan, signal, ...study } = options;
  const on = runThreads(workers, pool);
  const threads = on.workerFile === null ? 1 : on.workers;
  const run = sensitivityRun(scenario, policies, study, undefined, threads);
  return assembleSensitivity([await runStudyOnThreads(run, { ...studyCompareOptions(study), threads, onPlan, signal, shared: on.shared })]);
}

/**
 * Runs a winner map like `winnerMap`, its cells' replications spread over worker threads. The
 * map is bit-for-bit the one `winnerMap` gives with the same options.
 *
 * @param scenario - the scenario
 * @param policies - two policies; differences are the second minus the first
 * @param grid - the x and y axes
 * @param options - as `winnerMap`, plus workers (or a pool from `openWorkers`), onPlan and signal
 * @returns the map
 * @throws as `winnerMap`, or RangeError for a bad `workers`, for `workers` and `pool` both given, or for a closed pool
 * @example
 * ```ts
 * import { loadScenario, policies, winnerMapParallel } from "helhet/node";
 * const m = await winnerMapParallel(loadScenario("teaching"), [policies.minutes, policies.whole], {
 *   x: { path: "services.questions.demandTypes", values: [2, 20] },
 *   y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.8] },
 * }, { replications: 3, workers: 2 });
 * ```
 */
export async function winnerMapParallel(
  scenario: Scenario,
  policies: readonly Policy[],
  grid: { readonly x: WinnerMapAxis; readonly y: WinnerMapAxis },
  options: ParallelWinnerMapOptions = {},
): Promise<WinnerMap> {
  const { workers, pool, onPlan, signal, onWarning, ...rest } = options;
  const on = runThreads(workers, pool);
  const threads = on.workerFile === null ? 1 : on.workers;
  const run = winnerMapRun(scenario, policies, grid, { ...rest, ...(onWarning === undefined ? {} : { onWarning }) }, undefined, threads);
  return assembleWinnerMap([await runStudyOnThreads(run, { ...rest, threads, onPlan, signal, shared: on.shared })]);
}

type DriverOptions = Pick<ExperimentOptions, "replications" | "seed" | "horizon" | "warmup" | "drain" | "allowLarge"> & {
  readonly threads: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly onPlan?: ((plan: ParallelPlan) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The caller's open threads (from a `WorkerPool`): used, and left open; else the run opens its own. */
  readonly shared?: OpenPool | null;
};

/**
 * Runs a study's steps with each batch's replications on worker threads (in the calling thread
 * when there is no built worker), progress counted in replication runs as the serial driver does.
 *
 * @param run - the study's steps and bounds
 * @param options - the comparisons' options, the threads, progress, plan and signal
 * @returns what the steps return
 * @example
 * ```ts
 * const part = await runStudyOnThreads(sensitivityRun(s, ps, { replications: 3 }), { replications: 3, threads: 2 });
 * ```
 */
export async function runStudyOnThreads<T>(run: StudyRun<T>, options: DriverOptions): Promise<T> {
  const shared = options.shared ?? null;
  const workerFile = builtWorkerFile();
  let done = 0;
  let total = run.comparisons * run.replications * 2;
  const progress = (n: number) => {
    done += n;
    total = Math.max(total, done);
    options.onProgress?.(done, total);
  };
  // one pool for every batch: the threads start, and warm up, once (or the caller's, already open)
  const pool = shared ?? (workerFile === null || options.threads < 1 ? null : await openPool(workerFile, options.threads));
  try {
    let next = run.steps.next([]);
    while (next.done !== true) {
      options.signal?.throwIfAborted();
      const comparisons = await runBatch(next.value, run.replications, options, workerFile, pool, progress);
      next = run.steps.next(comparisons);
    }
    options.onProgress?.(total, total);
    return next.value;
  } finally {
    if (shared === null) await pool?.close();
  }
}

/** One batch: every comparison's replications cut into tasks, run, and put back per comparison. */
async function runBatch(batch: readonly ComparisonRequest[], replications: number, options: DriverOptions, workerFile: string | null, pool: OpenPool | null, progress: (n: number) => void): Promise<Comparison[]> {
  const runs = replications * batch.length;
  const threads = pool === null ? 0 : Math.min(options.threads, runs);
  // about four tasks per thread over the whole batch, none spanning two comparisons
  const perTask = Math.max(1, Math.min(replications, Math.floor(runs / (Math.max(1, threads) * 4))));
  const tasks: (ReplicationTask & { readonly request: number })[] = [];
  batch.forEach((q, request) => {
    const window = runWindow(q.scenario, options);
    const runOptions = taskOptions(window, options, false);
    for (let from = 0; from < replications; from += perTask) {
      tasks.push({ scenario: q.scenario, policies: q.policies, from, to: Math.min(replications, from + perTask), step: 1, options: runOptions, request });
    }
  });
  options.onPlan?.({ threads, tasks: tasks.length, replicationsPerTask: perTask, workerFile });
  let results: ReplicationResult[][];
  if (pool === null) {
    results = tasks.map((t) =>
      runTask(t, () => {
        options.signal?.throwIfAborted();
        progress(1);
      }),
    );
  } else {
    const plain = tasks.map(({ request: _r, ...t }) => t);
    results = await pool.run<ReplicationTask, ReplicationResult[]>(plain, (rs) => progress(rs.length), options.signal);
  }
  return batch.map((q, request) => {
    const mine = tasks.flatMap((t, k) => (t.request === request ? results[k]! : []));
    const names = q.policies.map((p) => p.name);
    return buildComparison({ scenario: q.scenario.name, seed: options.seed ?? 1, policies: names, warnings: [] }, inCompareOrder(mine, names));
  });
}
