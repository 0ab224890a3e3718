/**
 * The worker-thread entry of `compareParallel` (built to dist/worker.js, loaded by tinypool).
 * It only runs tasks: everything it needs arrives with the task, so it holds no state.
 *
 * @packageDocumentation
 */
import type { ReplicationResult } from "../experiment/index.js";
import { runTask, type ReplicationTask } from "./tasks.js";

/**
 * Runs one task in a worker thread.
 *
 * @param task - the task (structured-cloned from the calling thread)
 * @returns the replication results (structured-cloned back)
 * @example
 * ```ts
 * const pool = new Tinypool({ filename: new URL("./worker.js", import.meta.url).href });
 * const results = await pool.run({ scenario, policies: [policies.whole], from: 0, to: 1, step: 1, options: {} });
 * ```
 */
export default function runWorkerTask(task: ReplicationTask): ReplicationResult[] {
  return runTask(task);
}
