/**
 * The worker-thread pool that `compareParallel` and `touchpointsParallel` share: finding the
 * built worker, starting tinypool with only harmless Node flags, running plain-data tasks and
 * stopping the threads before the promise settles.
 *
 * @packageDocumentation
 */
import { setMaxListeners } from "node:events";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The built worker next to this module (dist/worker.js, from the ESM and the CJS build alike),
 * or null when there is none, as when running from the sources.
 *
 * @returns the path, or null
 * @example
 * ```ts
 * builtWorkerFile(); //=> "/…/node_modules/helhet/dist/worker.js"
 * ```
 */
export function builtWorkerFile(): string | null {
  // the CJS build has no import.meta (its module path is __filename); the ESM build and the
  // sources have no __filename
  const here = typeof __filename === "string" ? pathToFileURL(__filename).href : import.meta.url;
  const url = new URL("./worker.js", here);
  if (url.protocol !== "file:") return null;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/**
 * The number of worker threads asked for, checked.
 *
 * @param workers - the option (default: `os.availableParallelism()`)
 * @returns a whole number ≥ 1
 * @throws RangeError for anything else
 * @example
 * ```ts
 * checkWorkers(2); //=> 2
 * ```
 */
export function checkWorkers(workers: number | undefined): number {
  const n = workers ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${n}`);
  return n;
}

/**
 * Runs tasks on `threads` worker threads of `workerFile` and returns their results in task
 * order; the threads are stopped before the promise settles (unless they are the caller's
 * `shared` ones).
 *
 * @param workerFile - the built worker module
 * @param threads - threads to start
 * @param tasks - plain-data tasks (structured-cloned to the threads)
 * @param onResult - called as each task's result arrives (any order)
 * @param signal - cancels the run: the promise rejects
 * @param shared - threads the caller keeps open (from a {@link WorkerPool}): used, and left open
 * @returns the results, in the order of `tasks`
 * @example
 * ```ts
 * const results = await runOnPool(builtWorkerFile()!, 2, tasks);
 * ```
 */
export async function runOnPool<T, R>(workerFile: string, threads: number, tasks: readonly T[], onResult?: (result: R) => void, signal?: AbortSignal, shared: OpenPool | null = null): Promise<R[]> {
  if (shared !== null) return shared.run<T, R>(tasks, onResult, signal);
  const pool = await openPool(workerFile, threads);
  try {
    return await pool.run<T, R>(tasks, onResult, signal);
  } finally {
    await pool.close();
  }
}

/** Worker threads kept open for several batches of tasks: see {@link openPool}. */
export interface OpenPool {
  /** Runs tasks and returns their results in task order (as {@link runOnPool}), the threads staying open. */
  run<T, R>(tasks: readonly T[], onResult?: (result: R) => void, signal?: AbortSignal): Promise<R[]>;
  /** Stops the threads. */
  close(): Promise<void>;
}

/**
 * Starts `threads` worker threads of `workerFile` for several batches of tasks, so that a
 * study of many batches (a sensitivity study's rounds of bisection) starts its threads, and
 * warms their JIT, once. Close it when done.
 *
 * @param workerFile - the built worker module
 * @param threads - threads to start
 * @returns the pool
 * @example
 * ```ts
 * const pool = await openPool(builtWorkerFile()!, 2);
 * try {
 *   const first = await pool.run(tasks);
 *   const second = await pool.run(moreTasks);
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export async function openPool(workerFile: string, threads: number): Promise<OpenPool> {
  // loaded only when threads are used: importing helhet/node stays cheap, and a dynamic import
  // loads the ESM-only tinypool from the CJS build on any Node 20
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({ filename: workerFile, minThreads: threads, maxThreads: threads, ...workerExecArgv(process.execArgv) });
  let closing = false;
  return {
    run: async <T, R>(tasks: readonly T[], onResult?: (result: R) => void, signal?: AbortSignal) => {
      // the batch's own signal: the caller's cancel, or the first task that fails, withdraws the
      // batch's other tasks, so that a pool kept open is not left busy with work nobody awaits
      const { controller: batch, release } = followSignal(signal);
      try {
        return await Promise.all(
          tasks.map(async (task) => {
            try {
              const result = (await runAgainIfStopped(() => pool.run(task, { signal: batch.signal }) as Promise<R>, () => batch.signal.aborted || closing)) as R;
              onResult?.(result);
              return result;
            } catch (e) {
              batch.abort(e);
              throw e;
            }
          }),
        );
      } finally {
        release();
      }
    },
    close: () => {
      closing = true;
      return pool.destroy();
    },
  };
}

/** Tinypool's message for a task whose thread was stopped under it. */
const THREAD_STOPPED = "Terminating worker thread";

/**
 * Runs a task, and runs it again (twice at most) when its thread was stopped under it while
 * nobody asked for that (`asked` is false). After a batch is cancelled, tinypool stops the
 * threads that ran its tasks; when one of them answers just before it stops, tinypool can hand
 * it a task of the next batch, which then fails with "Terminating worker thread" although the
 * next batch was not cancelled. A task is a pure function of its input, so running it again
 * gives the same result.
 *
 * @param run - starts the task
 * @param asked - whether a stop was asked for (the batch cancelled, the pool closing): then the
 *   error stands
 * @returns the task's result
 * @example
 * ```ts
 * const result = await runAgainIfStopped(() => pool.run(task, { signal }), () => signal.aborted);
 * ```
 */
export async function runAgainIfStopped<R>(run: () => Promise<R>, asked: () => boolean): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= 2 || asked() || !(e instanceof Error && e.message === THREAD_STOPPED)) throw e;
    }
  }
}

/**
 * An AbortController of one's own that also aborts when `signal` does (with its reason), so
 * that work can be withdrawn for a reason of its own (a task that failed) as well as the
 * caller's. Any number may listen to it. Call `release` when done, to stop following `signal`.
 *
 * @param signal - the caller's signal, if any
 * @returns the controller, and `release`
 * @example
 * ```ts
 * const { controller, release } = followSignal(options.signal);
 * try { await work(controller.signal); } finally { release(); }
 * ```
 */
export function followSignal(signal: AbortSignal | undefined): { controller: AbortController; release: () => void } {
  const controller = new AbortController();
  // every queued task listens to it: as many listeners as tasks is no leak
  setMaxListeners(0, controller.signal);
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted === true) stop();
  return { controller, release: () => signal?.removeEventListener("abort", stop) };
}

/**
 * Worker threads kept open for several parallel runs, from {@link openWorkers}: give it as the
 * `pool` option of `compareParallel`, `sweepParallel`, `factorialParallel`, `touchpointsParallel`,
 * `sensitivityParallel` and `winnerMapParallel`. Each run on it leaves the threads open, so only
 * the first run pays for starting them and warming their JIT.
 */
export interface WorkerPool {
  /**
   * Worker threads in the pool; 0 when there is no built worker next to the package (running from
   * the TypeScript sources, or bundled into another program), and then runs given the pool go
   * in the calling thread, with the same results.
   */
  readonly threads: number;
  /** Whether {@link WorkerPool.close} has been called: a closed pool refuses runs. */
  readonly closed: boolean;
  /** Stops the threads (work still running on them rejects). Closing again does nothing. */
  close(): Promise<void>;
}

/** The pool {@link openWorkers} gives; the parallel runs take its threads with {@link SharedPool.lease}. */
class SharedPool implements WorkerPool {
  readonly #open: OpenPool | null;
  #closed = false;

  constructor(
    readonly threads: number,
    open: OpenPool | null,
  ) {
    this.#open = open;
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#open?.close();
  }

  /** The open threads for a run, or null to run in the calling thread; throws once closed. */
  lease(): OpenPool | null {
    if (this.#closed) throw new RangeError("pool is closed: open another with openWorkers()");
    return this.#open;
  }
}

/**
 * Starts worker threads that stay open for several parallel runs, so that only the first run
 * pays for starting them and warming up their JIT compiler — about a second per thread for a
 * year of `soderhamn` (bench/README.md). Give the pool as the `pool` option of the `…Parallel`
 * functions instead of `workers`, and close it when done; results are bit-for-bit the same as
 * without it.
 *
 * @param options - `workers`: threads to start (default: `os.availableParallelism()`)
 * @returns the pool (0 threads when there is no built worker: runs then go in the calling thread)
 * @throws RangeError for a bad `workers`
 * @example
 * ```ts
 * import { compareParallel, loadScenario, openWorkers, policies } from "helhet/node";
 * const pool = await openWorkers({ workers: 2 });
 * try {
 *   const pair = [policies.minutes, policies.whole];
 *   const first = await compareParallel(loadScenario("soderhamn"), pair, { replications: 20, pool });
 *   const second = await compareParallel(loadScenario("teaching"), pair, { replications: 20, pool });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export async function openWorkers(options: { readonly workers?: number } = {}): Promise<WorkerPool> {
  const threads = checkWorkers(options.workers);
  const workerFile = builtWorkerFile();
  return workerFile === null ? new SharedPool(0, null) : new SharedPool(threads, await openPool(workerFile, threads));
}

/** The threads of one parallel run: the caller's pool, or none given (the run starts its own). */
export interface RunThreads {
  /** The caller's open threads, or null: none given, or a pool that runs in the calling thread. */
  readonly shared: OpenPool | null;
  /** The built worker, or null when the run goes in the calling thread. */
  readonly workerFile: string | null;
  /** Threads at most: the pool's, else the `workers` asked for (checked). */
  readonly workers: number;
}

/**
 * Checks a parallel run's `workers` and `pool` options and says which threads it runs on.
 *
 * @param workers - the `workers` option
 * @param pool - the `pool` option
 * @returns the threads
 * @throws RangeError for a bad `workers`, for both options at once, for a pool not made by
 *   {@link openWorkers}, or for a closed pool
 * @example
 * ```ts
 * runThreads(2, undefined).workers; //=> 2
 * ```
 */
export function runThreads(workers: number | undefined, pool: WorkerPool | undefined): RunThreads {
  if (pool === undefined) return { shared: null, workerFile: builtWorkerFile(), workers: checkWorkers(workers) };
  if (workers !== undefined) throw new RangeError(`give workers or pool, not both: the pool has ${pool.threads} threads`);
  if (!(pool instanceof SharedPool)) throw new RangeError("pool must be a pool from openWorkers()");
  const shared = pool.lease();
  return { shared, workerFile: shared === null ? null : builtWorkerFile(), workers: Math.max(1, pool.threads) };
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
