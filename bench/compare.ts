/**
 * Parallel-replication benchmark: `compare` of "soderhamn" under both presets, 20 replications
 * of one year each (the scenario's 52-week horizon, plus its warm-up and drain), first serially
 * in this thread, then with `compareParallel` on 1 and 2 worker threads (and 4 where the machine
 * has 4 processors), in one process. Prints one
 * JSON line per run: mode, workers, replications, seconds, speedup over the serial run (the
 * machine is shared, so read the ratio, not the seconds) and cpuSeconds (CPU time of every
 * thread of the process: the threads' overhead of start-up and separate JIT warm-up shows as
 * cpuSeconds above the serial run's). Where the system shows each thread's CPU time
 * (/proc/self/task on Linux; null elsewhere), the serial, workers and pool lines split it:
 * cpuCalling (this thread), cpuWorkers (the threads started for the runs) and cpuHelpers (the
 * threads the process had before them: V8's compiler and collector helpers, libuv's). On a
 * machine with as many cores as threads, the helpers compete with the workers; serially they
 * have a free core. The threaded run must give the same Comparison, bit for bit, or the
 * benchmark fails.
 *
 * Worker threads need the built worker (dist/worker.js), so this uses the built package: run
 * with `npm run bench:compare`, which builds first. Environment: SCENARIO, REPLICATIONS,
 * WORKERS (thread counts, comma-separated; default 1,2 or 1,2,4), ROUNDS (default 1; serial and
 * threaded runs alternate). The 1-thread line shows what the threads themselves cost.
 *
 * Then, for each thread count above 1, `pool` lines: the same comparison on threads kept open
 * (`openWorkers`), after a first comparison on them has started them and warmed up their JIT,
 * each against a serial run just before it (by then this thread is warm too). The difference
 * from the `workers` line is what starting and warming the threads costs every cold run.
 *
 * Then, for each thread count above 1, two `ceiling` lines: what this machine allows at all. The
 * same job runs in one worker thread alone and in that many threads at once (each doing the
 * whole job, warmed up, all starting together); ceiling = threads × alone ÷ together is the most
 * any split of work over the threads can gain here. Job "model" (REPLICATIONS_CEILING, default 4,
 * replications of both presets) shares the caches, the memory and the collector's threads; job
 * "cpu" (arithmetic touching no memory) shows whether the cores themselves are real; job "pages"
 * (writing one byte into each 4 KB page of fresh memory, 384 MB per thread) shows what the
 * machine's first touches of memory allow, since the model touches fresh memory too. Each is the
 * fastest of CEILING_ROUNDS (default 3) alternating rounds, and each line gives the minor page
 * faults of the process (every thread) in its last round alone and together: on a virtual
 * machine a first touch of a page can cost far more than on bare hardware.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
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
/** The threads this process had before any run: this one and its helpers. */
const startThreads = threadTimes();

/** The ceiling jobs' worker (CommonJS, evaluated): "model" runs replications of both presets of the built package, "cpu" a loop of arithmetic, "pages" writes into fresh memory a page at a time. */
const CEILING_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  let run;
  if (workerData.job === "pages") {
    run = () => { let s = 0; for (let r = 0; r < 12; r++) { const a = new Uint8Array(32 << 20); for (let i = 0; i < a.length; i += 4096) a[i] = 1; s += a[4096]; } return s; };
  } else if (workerData.job === "model") {
    const h = await import(workerData.url);
    const scenario = h.loadScenario(workerData.scenario);
    const pair = [h.policies.minutes, h.policies.whole];
    run = (n) => { for (let r = 0; r < n; r++) for (const p of pair) h.simulate(scenario, p, { seed: 1, replication: r }); };
    for (const p of pair) h.simulate(scenario, p, { seed: 999 });
  } else {
    run = () => { let x = 1.0001, s = 0; for (let i = 0; i < 3e8; i++) { x = x * 1.0000001 + 1e-9; s += x % 1.7; } return s; };
    run();
  }
  parentPort.postMessage(0);
  parentPort.once("message", () => {
    const t0 = performance.now();
    run(workerData.replications);
    parentPort.postMessage((performance.now() - t0) / 1000);
  });
})();
`;

for (let round = 0; round < rounds; round++) {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  let th0 = threadTimes();
  const serial = h.compare(scenario, pair, options);
  const serialSeconds = (performance.now() - t0) / 1000;
  const serialCpu = cpuSeconds(c0);
  out.line({ mode: "serial", workers: 0, replications, seconds: round3(serialSeconds), speedup: 1, cpuSeconds: round3(serialCpu), ...cpuSplit(th0, threadTimes()) });

  for (const workers of workerCounts) {
    let threads = 0;
    t0 = performance.now();
    c0 = process.cpuUsage();
    th0 = threadTimes();
    // the run's threads end with it: their times are read as each task comes back
    let th1 = th0;
    const threaded = await h.compareParallel(scenario, pair, { ...options, workers, onPlan: (p) => (threads = p.threads), onProgress: () => (th1 = threadTimes()) });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(c0);
    if (threads !== Math.min(workers, replications)) throw new Error(`expected ${workers} worker threads, got ${threads}`);
    if (JSON.stringify(threaded) !== JSON.stringify(serial)) throw new Error("the threaded Comparison differs from the serial one");
    out.line({ mode: "workers", workers: threads, replications, seconds: round3(seconds), speedup: round3(serialSeconds / seconds), cpuSeconds: round3(cpu), ...cpuSplit(th0, th1, threadTimes()) });
  }
}
// The same comparison on threads kept open (openWorkers): a first comparison on the pool starts
// and warms its threads; then a serial run (this thread is warm by now) and the comparison on the
// warm pool, ROUNDS times, each line against the serial run just before it.
for (const workers of workerCounts.filter((w) => w > 1)) {
  const pool = await h.openWorkers({ workers });
  try {
    await h.compareParallel(scenario, pair, { ...options, pool });
    for (let round = 0; round < rounds; round++) {
      let t0 = performance.now();
      const serial = JSON.stringify(h.compare(scenario, pair, options));
      const serialSeconds = (performance.now() - t0) / 1000;
      t0 = performance.now();
      const c0 = process.cpuUsage();
      const th0 = threadTimes();
      const pooled = await h.compareParallel(scenario, pair, { ...options, pool });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(c0);
      if (JSON.stringify(pooled) !== serial) throw new Error("the Comparison on the pool differs from the serial one");
      out.line({ mode: "pool", workers: pool.threads, replications, seconds: round3(seconds), serialSeconds: round3(serialSeconds), speedup: round3(serialSeconds / seconds), cpuSeconds: round3(cpu), ...cpuSplit(th0, threadTimes()) });
    }
  } finally {
    await pool.close();
  }
}
// The machine's ceiling for the threaded runs: the same job in one worker thread alone, then in
// as many threads at once (each thread runs the whole job, after warming its JIT, and all start
// together), so ceiling = threads × alone ÷ together (the slowest thread) is the most any split of
// the work over that many threads can gain here. "model" is REPLICATIONS_CEILING (default 4)
// replications of both presets, which contend for caches, memory and the collector's threads;
// "cpu" is a loop of arithmetic that touches no memory, which shows whether the cores are real;
// "pages" touches fresh memory, a page at a time, and nothing else.
const ceilingReplications = Number(process.env.REPLICATIONS_CEILING ?? 4);
const ceilingRounds = Number(process.env.CEILING_ROUNDS ?? 3);
for (const threads of workerCounts.filter((w) => w > 1)) {
  for (const job of ["model", "cpu", "pages"] as const) {
    // the machine's noise only ever slows a run, so the fastest of a few alternating rounds
    let alone = Infinity;
    let together = Infinity;
    let faultsAlone = 0;
    let faultsTogether = 0;
    for (let round = 0; round < ceilingRounds; round++) {
      const one = await onThreads(1, job);
      alone = Math.min(alone, Math.max(...one.seconds));
      faultsAlone = one.faults;
      const all = await onThreads(threads, job);
      together = Math.min(together, Math.max(...all.seconds));
      faultsTogether = all.faults;
    }
    out.line({ mode: "ceiling", job, workers: threads, replications: job === "model" ? ceilingReplications : 0, rounds: ceilingRounds, aloneSeconds: round3(alone), togetherSeconds: round3(together), ceiling: round3((threads * alone) / together), faultsAlone, faultsTogether });
  }
}
out.finish();

/**
 * Runs a ceiling job on `threads` worker threads at once: each warms up, then all are told to go
 * together; returns each thread's seconds for the job, and the process's minor page faults from
 * the start to the end of the job (every thread).
 */
async function onThreads(threads: number, job: "model" | "cpu" | "pages"): Promise<{ seconds: number[]; faults: number }> {
  const workers = Array.from({ length: threads }, () => new Worker(CEILING_WORKER, { eval: true, workerData: { job, url: pathToFileURL(join(root, "dist", "index.js")).href, scenario: process.env.SCENARIO ?? "soderhamn", replications: ceilingReplications } }));
  try {
    const message = (w: Worker) => new Promise<number>((resolve, reject) => { w.once("message", resolve); w.once("error", reject); });
    await Promise.all(workers.map(message));
    const seconds = workers.map(message);
    const faults = process.resourceUsage().minorPageFault;
    for (const w of workers) w.postMessage("go");
    const done = await Promise.all(seconds);
    return { seconds: done, faults: process.resourceUsage().minorPageFault - faults };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Each thread's CPU time (user + system, seconds) by thread id, from /proc/self/task; null where
 * the system does not show it (not Linux).
 */
function threadTimes(): Map<number, number> | null {
  try {
    const ticks = 100; // USER_HZ: Linux reports thread times in hundredths of a second
    return new Map(
      readdirSync("/proc/self/task").flatMap((tid) => {
        try {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return [[Number(tid), (Number(fields[11]) + Number(fields[12])) / ticks] as const];
        } catch {
          return []; // the thread ended while it was read
        }
      }),
    );
  } catch {
    return null;
  }
}

/**
 * The CPU time between two readings of {@link threadTimes}, split into this thread's, the
 * helpers' (threads the process had at the start) and the workers' (threads started since).
 * `during` is a reading taken while the run's threads still ran (they may have ended by `end`);
 * each thread counts its last reading. Null fields where the system does not show thread times.
 */
function cpuSplit(start: Map<number, number> | null, during: Map<number, number> | null, end: Map<number, number> | null = during): { cpuCalling: number | null; cpuWorkers: number | null; cpuHelpers: number | null } {
  if (start === null || during === null || end === null || startThreads === null) return { cpuCalling: null, cpuWorkers: null, cpuHelpers: null };
  const latest = new Map([...during, ...end]);
  let calling = 0;
  let workers = 0;
  let helpers = 0;
  for (const [tid, seconds] of latest) {
    const spent = seconds - (start.get(tid) ?? 0);
    if (tid === process.pid) calling += spent;
    else if (startThreads.has(tid)) helpers += spent;
    else workers += spent;
  }
  return { cpuCalling: round3(calling), cpuWorkers: round3(workers), cpuHelpers: round3(helpers) };
}

/** CPU time of the whole process (every thread, user + system) since `from`. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1e6;
}

function round3(x: number): number {
  return Number(x.toFixed(3));
}
