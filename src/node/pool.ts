/**
 * The worker-thread pool that `compareParallel` and `touchpointsParallel` share: finding the
 * built worker, starting tinypool with only harmless Node flags, running plain-data tasks and
 * stopping the threads before the promise settles.
 *
 * @packageDocumentation
 */
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
 * order; the threads are stopped before the promise settles.
 *
 * @param workerFile - the built worker module
 * @param threads - threads to start
 * @param tasks - plain-data tasks (structured-cloned to the threads)
 * @param onResult - called as each task's result arrives (any order)
 * @param signal - cancels the run: the promise rejects
 * @returns the results, in the order of `tasks`
 * @example
 * ```ts
 * const results = await runOnPool(builtWorkerFile()!, 2, tasks);
 * ```
 */
export async function runOnPool<T, R>(workerFile: string, threads: number, tasks: readonly T[], onResult?: (result: R) => void, signal?: AbortSignal): Promise<R[]> {
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
  return {
    run: <T, R>(tasks: readonly T[], onResult?: (result: R) => void, signal?: AbortSignal) =>
      Promise.all(
        tasks.map(async (task) => {
          const result = (await pool.run(task, signal === undefined ? {} : { signal })) as R;
          onResult?.(result);
          return result;
        }),
      ),
    close: () => pool.destroy(),
  };
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
