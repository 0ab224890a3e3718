import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBuilt, ROOT, type NodeEntry } from "../helpers/builtPackage.js";
import { compare, factorial, loadScenario, policies, sensitivity, touchpoints, winnerMap, type Policy } from "../../src/index.js";
import { compareParallel as compareFromSource, openWorkers as openFromSource, type ParallelPlan, type WorkerPool } from "../../src/node.js";
import { openPool, runAgainIfStopped } from "../../src/node/pool.js";
import { resolveWindow, taskOptions, type ReplicationTask } from "../../src/node/tasks.js";

/**
 * Worker threads kept open across parallel runs (`openWorkers` and the `pool` option): every
 * parallel function run on one pool gives its serial result byte for byte, the runs start no
 * threads of their own, a cancelled run leaves the pool usable, and a misused pool is refused by
 * name. The threaded runs use the built package (dist/, which `npm test` builds first).
 */
const scenario = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];
const OPTIONS = { replications: 4, seed: 4, horizon: "8 weeks", warmup: "2 weeks" };
const serial = JSON.stringify(compare(scenario, pair, OPTIONS));

let built: NodeEntry;
let pool: WorkerPool;

beforeAll(async () => {
  built = await importBuilt();
  pool = await built.openWorkers({ workers: 2 });
});

afterAll(async () => {
  await pool?.close();
});

/** The threads of this process (Linux), or null where /proc cannot tell. */
function osThreads(): number | null {
  return existsSync("/proc/self/task") ? readdirSync("/proc/self/task").length : null;
}

describe("openWorkers and the pool option (built package)", () => {
  it("opens the threads asked for", () => {
    expect(pool.threads).toBe(2);
    expect(pool.closed).toBe(false);
  });

  it("compareParallel on the pool gives the serial Comparison twice, and starts no thread of its own", async () => {
    for (let run = 0; run < 2; run++) {
      const plans: ParallelPlan[] = [];
      const before = osThreads();
      let during: number | null = null;
      const c = await built.compareParallel(scenario, pair, {
        ...OPTIONS,
        pool,
        onPlan: (p) => plans.push(p),
        onProgress: (done) => {
          if (done === 2) during = osThreads();
        },
      });
      expect(JSON.stringify(c)).toBe(serial);
      expect(plans[0]).toMatchObject({ threads: 2, workerFile: join(ROOT, "dist", "worker.js") });
      // the pool's threads are already running: the process has no more threads mid-run than
      // before it (a run that started its own would have two more)
      if (before !== null) expect(during).toBeLessThanOrEqual(before);
    }
    expect(pool.closed).toBe(false);
  });

  it("the same pool runs factorialParallel, touchpointsParallel, sensitivityParallel and winnerMapParallel bit for bit", async () => {
    const f = await built.factorialParallel(scenario, policies.minutes, policies.whole, { ...OPTIONS, replications: 2, pool });
    expect(JSON.stringify(f)).toBe(JSON.stringify(factorial(scenario, policies.minutes, policies.whole, { ...OPTIONS, replications: 2 })));

    const t = await built.touchpointsParallel(scenario, policies.minutes, { ...OPTIONS, replications: 2, pool });
    expect(JSON.stringify(t)).toBe(JSON.stringify(touchpoints(scenario, policies.minutes, { ...OPTIONS, replications: 2 })));

    const broad: Policy = { ...policies.minutes, name: "broad", frontOffice: { ...policies.minutes.frontOffice, skillCoverage: 1 } };
    const study = { ...OPTIONS, replications: 2, params: ["mechanisms.payGeneralist", "citizens.searchTime"], bisectionSteps: 1, samples: 2 };
    const s = await built.sensitivityParallel(scenario, [policies.minutes, broad], { ...study, pool });
    expect(JSON.stringify(s)).toBe(JSON.stringify(sensitivity(scenario, [policies.minutes, broad], study)));

    const grid = { x: { path: "services.questions.demandTypes", values: [2, 20] }, y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.9] } };
    const m = await built.winnerMapParallel(scenario, [policies.minutes, broad], grid, { ...OPTIONS, replications: 2, pool });
    expect(JSON.stringify(m)).toBe(JSON.stringify(winnerMap(scenario, [policies.minutes, broad], grid, { ...OPTIONS, replications: 2 })));
    expect(pool.closed).toBe(false);
  });

  it("a run cancelled midway rejects, and the pool still gives the serial Comparison afterwards", async () => {
    const ac = new AbortController();
    const run = built.compareParallel(scenario, pair, { ...OPTIONS, replications: 8, replicationsPerTask: 1, pool, signal: ac.signal, onProgress: () => ac.abort(new Error("stop")) });
    await expect(run).rejects.toThrow();
    expect(pool.closed).toBe(false);
    expect(JSON.stringify(await built.compareParallel(scenario, pair, { ...OPTIONS, pool }))).toBe(serial);
  });

  it("does not keep a script from exiting when it is left open (fresh process, ESM build)", () => {
    const body = `
      const h = await import("helhet/node");
      const pool = await h.openWorkers({ workers: 2 });
      const c = await h.compareParallel(h.loadScenario("teaching"), [h.policies.minutes, h.policies.whole], { ...${JSON.stringify(OPTIONS)}, pool });
      console.log(JSON.stringify({ threads: pool.threads, c }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", body], { cwd: ROOT, encoding: "utf8", timeout: 60_000 })) as { threads: number; c: unknown };
    expect(out.threads).toBe(2);
    expect(JSON.stringify(out.c)).toBe(serial);
  });

  it("refuses workers and pool together, a pool not from openWorkers, and a closed pool, by name", async () => {
    await expect(built.compareParallel(scenario, pair, { ...OPTIONS, workers: 2, pool })).rejects.toThrow(/give workers or pool, not both: the pool has 2 threads/);
    const fake = { threads: 2, closed: false, close: async () => {} };
    await expect(built.compareParallel(scenario, pair, { ...OPTIONS, pool: fake })).rejects.toThrow(/pool must be a pool from openWorkers\(\)/);
    await expect(built.openWorkers({ workers: 0 })).rejects.toThrow(/workers must be a whole number ≥ 1, got 0/);
    const short = await built.openWorkers({ workers: 1 });
    await short.close();
    await short.close();
    expect(short.closed).toBe(true);
    await expect(built.compareParallel(scenario, pair, { ...OPTIONS, pool: short })).rejects.toThrow(/pool is closed: open another with openWorkers\(\)/);
    await expect(built.factorialParallel(scenario, policies.minutes, policies.whole, { ...OPTIONS, pool: short })).rejects.toThrow(/pool is closed/);
    await expect(built.touchpointsParallel(scenario, policies.minutes, { ...OPTIONS, pool: short })).rejects.toThrow(/pool is closed/);
  });
});

describe("threads kept open, when a task fails (the pool under openWorkers, on the built worker)", () => {
  it("withdraws the batch's other tasks, so the threads are not left busy, and runs the next batch", async () => {
    const options = taskOptions(resolveWindow(scenario, pair, OPTIONS), { seed: 4 }, false);
    const good: ReplicationTask = { scenario, policies: pair, from: 0, to: 1, step: 1, options };
    // a task the worker cannot run: no scenario
    const bad = { ...good, scenario: null } as unknown as ReplicationTask;
    const threads = await openPool(join(ROOT, "dist", "worker.js"), 1);
    try {
      let finished = 0;
      await expect(threads.run([bad, good, good, good, good, good, good], () => finished++)).rejects.toThrow();
      // give withdrawn work time to show up if it ran anyway (one task takes well under this)
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(finished).toBe(0);
      const [again] = await threads.run<ReplicationTask, unknown[]>([good]);
      expect(again).toHaveLength(2);
    } finally {
      await threads.close();
    }
  });
});

describe("openWorkers from the sources", () => {
  it("has no threads when there is no built worker, and runs given it go in this thread with the same result", async () => {
    const local = await openFromSource({ workers: 2 });
    try {
      expect(local.threads).toBe(0);
      const plans: ParallelPlan[] = [];
      const c = await compareFromSource(scenario, pair, { ...OPTIONS, pool: local, onPlan: (p) => plans.push(p) });
      expect(plans[0]).toMatchObject({ threads: 0, workerFile: null });
      expect(JSON.stringify(c)).toBe(serial);
    } finally {
      await local.close();
    }
  });
});

describe("runAgainIfStopped", () => {
  /** A task that fails with `errors` in turn, then gives 42; counts its starts. */
  function task(errors: readonly Error[]): { run: () => Promise<number>; starts: () => number } {
    let n = 0;
    return {
      run: async () => {
        const e = errors[n++];
        if (e !== undefined) throw e;
        return 42;
      },
      starts: () => n,
    };
  }
  const stopped = () => new Error("Terminating worker thread");

  it("runs a task again when its thread was stopped under it and nobody asked for that", async () => {
    const t = task([stopped()]);
    await expect(runAgainIfStopped(t.run, () => false)).resolves.toBe(42);
    expect(t.starts()).toBe(2);
  });

  it("lets the error stand when the stop was asked for, for any other error, and after three stops", async () => {
    const asked = task([stopped()]);
    await expect(runAgainIfStopped(asked.run, () => true)).rejects.toThrow(/Terminating worker thread/);
    expect(asked.starts()).toBe(1);
    const other = task([new RangeError("bad scenario")]);
    await expect(runAgainIfStopped(other.run, () => false)).rejects.toThrow(/bad scenario/);
    expect(other.starts()).toBe(1);
    const again = task([stopped(), stopped(), stopped()]);
    await expect(runAgainIfStopped(again.run, () => false)).rejects.toThrow(/Terminating worker thread/);
    expect(again.starts()).toBe(3);
  });
});
