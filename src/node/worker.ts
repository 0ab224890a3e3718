/**
 * The worker-thread entry of `compareParallel` and `touchpointsParallel` (built to dist/worker.js, loaded by tinypool).
 * It only runs tasks: everything it needs arrives with the task, so it holds no state.
 *
 * @packageDocumentation
 */
import type { ReplicationResult } from "../experiment/index.js";
import type { TouchpointMeasures } from "../journey/index.js";
import { runTask, runTouchpointTask, type ReplicationTask, type TouchpointTask } from "./tasks.js";

/**
 * Runs one task in a worker thread: replications of a comparison, or touchpoint runs.
 *
 * @param task - the task (structured-cloned from the calling thread)
 * @returns the replication results (structured-cloned back)
 * @example
 * ```ts
 * const pool = new Tinypool({ filename: new URL("./worker.js", import.meta.url).href });
 * const results = await pool.run({ scenario, policies: [policies.whole], from: 0, to: 1, step: 1, options: {} });
 * ```
 */
export default function runWorkerTask(task: ReplicationTask | TouchpointTask): ReplicationResult[] | TouchpointMeasures[][] {
  return task.kind === "touchpoints" ? runTouchpointTask(task) : runTask(task);
}
