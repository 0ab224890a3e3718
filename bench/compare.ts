/**
 * Parallel-replication benchmark: `compare` of "soderhamn" under both presets, 20 replications
 * of one year each (the scenario's 52-week horizon, plus its warm-up and drain), first serially
 * in this thread, then with `compareParallel` on 1 and 2 worker threads (and 4 where the machine
 * has 4 processors), in one process. Prints one
 * JSON line per run: mode, workers, replications, seconds, speedup over the serial run (the
 * machine is shared, so read the ratio, not the seconds) and cpuSeconds (CPU time of every
 * thread of the process: the threads' overhead of start-up and separate JIT warm-up shows as
 * cpuSeconds above the serial run's). The threaded run must give the same
 * Comparison, bit for bit, or the benchmark fails.
 *
 * Worker threads need the built worker (dist/worker.js), so this uses the built package: run
 * with `npm run bench:compare`, which builds first. Environment: SCENARIO, REPLICATIONS,
 * WORKERS (thread counts, comma-separated; default 1,2 or 1,2,4), ROUNDS (default 1; serial and
 * threaded runs alternate). The 1-thread line shows what the threads themselves cost.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { benchOutput } from "./record.js";

type NodeEntry = typeof import("../src/node.js");

const root = join(import.meta.dirname, "..");
if (!existsSync(join(root, "dist", "worker.js"))) {
  console.error("dist/worker.js is missing: run `npm run build` first (npm run bench:compare does)");
  process.exit(1);
}
const specifier = "helhet/node";
const h = (await import(specifier)) as NodeEntry;

const scenario = h.loadScenario(process.env.SCENARIO ?? "soderhamn");
const pair = [h.policies.minutes, h.policies.whole];
const replications = Number(process.env.REPLICATIONS ?? 20);
// 1 thread (the threads' own cost), 2, and 4 where the machine has the cores
const workerCounts = (process.env.WORKERS ?? (availableParallelism() >= 4 ? "1,2,4" : "1,2")).split(",").map(Number);
const rounds = Number(process.env.ROUNDS ?? 1);
const options = { replications, seed: 1 };
const out = benchOutput("compare");

for (let round = 0; round < rounds; round++) {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const serial = h.compare(scenario, pair, options);
  const serialSeconds = (performance.now() - t0) / 1000;
  const serialCpu = cpuSeconds(c0);
  out.line({ mode: "serial", workers: 0, replications, seconds: round3(serialSeconds), speedup: 1, cpuSeconds: round3(serialCpu) });

  for (const workers of workerCounts) {
    let threads = 0;
    t0 = performance.now();
    c0 = process.cpuUsage();
    const threaded = await h.compareParallel(scenario, pair, { ...options, workers, onPlan: (p) => (threads = p.threads) });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(c0);
    if (threads !== Math.min(workers, replications)) throw new Error(`expected ${workers} worker threads, got ${threads}`);
    if (JSON.stringify(threaded) !== JSON.stringify(serial)) throw new Error("the threaded Comparison differs from the serial one");
    out.line({ mode: "workers", workers: threads, replications, seconds: round3(seconds), speedup: round3(serialSeconds / seconds), cpuSeconds: round3(cpu) });
  }
}
out.finish();

/** CPU time of the whole process (every thread, user + system) since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1e6;
}

function round3(x: number): number {
  return Number(x.toFixed(3));
}
