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
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { buildComparison, checkPolicies, type CompareOptions, type Comparison, type ReplicationResult } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { inCompareOrder, resolveWindow, runTask, type ReplicationTask } from "./tasks.js";

/** Options of {@link compareParallel}: those of `compare`, plus how to spread the work. */
export interface ParallelCompareOptions extends CompareOptions {
  /** Worker threads at most (default: `os.availableParallelism()`); never more than there are tasks. */
  readonly workers?: number;
  /** Replications (of every policy) per task (default: about four tasks per worker, at least one). */
  readonly replicationsPerTask?: number;
  /** Called once, before any work starts, with how the work will be run. */
  readonly onPlan?: (plan: ParallelPlan) => void;
  /** Cancels the run: the promise rejects and the threads are stopped. */
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
 * @param options - replications, seed, time window, workers, progress callback
 * @returns the Comparison
 * @throws RangeError for fewer than one policy, duplicate policy names, a bad replication count,
 *   a bad time window, or a bad `workers` or `replicationsPerTask`
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
  const replications = checkPolicies(policies, options);
  const window = resolveWindow(scenario, policies, options);
  const plan = planTasks(replications, options);
  const runOptions = { seed: options.seed ?? 1, horizon: window.horizonMinutes, warmup: window.warmupMinutes, drain: window.drainMinutes };
  const tasks: ReplicationTask[] = [];
  for (let from = 0; from < replications; from += plan.replicationsPerTask) {
    tasks.push({ scenario, policies, from, to: Math.min(replications, from + plan.replicationsPerTask), step: 1, options: runOptions });
  }
  const workerFile = builtWorkerFile();
  const threads = workerFile === null ? 0 : plan.threads;
  options.onPlan?.({ threads, tasks: tasks.length, replicationsPerTask: plan.replicationsPerTask, workerFile });
  const total = replications * policies.length;
  options.signal?.throwIfAborted();
  const results = workerFile === null ? runInThisThread(tasks, total, options) : await runOnThreads(workerFile, threads, tasks, total, options);
  const names = policies.map((p) => p.name);
  return buildComparison({ scenario: scenario.name, seed: options.seed ?? 1, policies: names, warnings: options.warnings ?? [] }, inCompareOrder(results, names));
}

/** Threads and task size for a run; throws RangeError naming a bad option. */
function planTasks(replications: number, options: ParallelCompareOptions): { threads: number; replicationsPerTask: number } {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
  const most = Math.min(workers, replications);
  const perTask = options.replicationsPerTask ?? Math.max(1, Math.floor(replications / (most * 4)));
  if (!Number.isInteger(perTask) || perTask < 1) throw new RangeError(`replicationsPerTask must be a whole number ≥ 1, got ${perTask}`);
  return { threads: Math.min(most, Math.ceil(replications / perTask)), replicationsPerTask: perTask };
}

/**
 * The built worker next to this module (dist/worker.js; the CJS build finds it through tsup's
 * `import.meta.url` shim), or null when there is none, as when running from the sources.
 */
function builtWorkerFile(): string | null {
  const url = new URL("./worker.js", import.meta.url);
  if (url.protocol !== "file:") return null;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
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
): Promise<ReplicationResult[]> {
  // loaded only when threads are used: importing helhet/node stays cheap, and a dynamic import
  // loads the ESM-only tinypool from the CJS build on any Node 20
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({ filename: workerFile, minThreads: threads, maxThreads: threads, ...workerExecArgv(process.execArgv) });
  try {
    let done = 0;
    const runs = tasks.map(async (task) => {
      const rs = (await pool.run(task, options.signal === undefined ? {} : { signal: options.signal })) as ReplicationResult[];
      done += rs.length;
      options.onProgress?.(done, total);
      return rs;
    });
    return (await Promise.all(runs)).flat();
  } finally {
    await pool.destroy();
  }
}

/** Node flags passed on to the worker threads; the others are left out (see {@link workerExecArgv}). */
const WORKER_FLAGS: readonly string[] = Object.freeze(["--enable-source-maps", "--no-warnings", "--no-deprecation", "--trace-warnings", "--trace-uncaught"]);

/**
 * Worker threads would inherit all of Node's command-line flags, but the workers run one
 * bundled file and need none: `--input-type` (as in `node --input-type=module -e
 * "…"`) stops a worker from loading its file, loaders such as tsx's `--import` would load and
 * transform again in every thread, and process-wide flags (such as --max-old-space-size) are
 * refused when given to a worker. So only a few harmless diagnostic flags are passed on.
 */
function workerExecArgv(execArgv: readonly string[]): { execArgv: string[] } {
  return { execArgv: execArgv.filter((a) => WORKER_FLAGS.includes(a)) };
}
