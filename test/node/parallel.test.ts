import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importBuilt, ROOT, type NodeEntry } from "../helpers/builtPackage.js";
import { compare, loadScenario, policies, type Comparison } from "../../src/index.js";
import { compareParallel as compareParallelFromSource, type ParallelPlan } from "../../src/node.js";

/**
 * compareParallel on real worker threads. Tinypool workers cannot load the TypeScript sources
 * on Node 20, so the threaded runs use the built package (dist/, which `npm test` builds
 * first): its ESM build here in the test process, its ESM and CJS builds in fresh processes
 * (which must also exit: the pool is destroyed). From the sources compareParallel runs the
 * tasks in the calling thread, and that is checked too.
 */
const scenario = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];
const OPTIONS = { replications: 6, seed: 4, horizon: "16 weeks", warmup: "4 weeks" };
const serial = compare(scenario, pair, OPTIONS);

let built: NodeEntry;

beforeAll(async () => {
  built = await importBuilt();
});

function expectSame(a: Comparison, b: Comparison): void {
  expect(a).toEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}

describe("compareParallel on worker threads (built package)", () => {
  for (const workers of [1, 2, 4]) {
    it(`gives the serial Comparison bit for bit with ${workers} worker${workers > 1 ? "s" : ""}`, async () => {
      const plans: ParallelPlan[] = [];
      const c = await built.compareParallel(scenario, pair, { ...OPTIONS, workers, onPlan: (p) => plans.push(p) });
      expectSame(c, serial);
      expect(plans).toHaveLength(1);
      const plan = plans[0]!;
      expect(plan.workerFile).toBe(join(ROOT, "dist", "worker.js"));
      expect(plan.threads).toBe(Math.min(workers, plan.tasks));
      expect(plan.tasks * plan.replicationsPerTask).toBeGreaterThanOrEqual(OPTIONS.replications);
    });
  }

  it("gives the serial series over time bit for bit, by day on two workers", async () => {
    const day = { ...OPTIONS, replications: 3, series: "day" as const };
    const c = await built.compareParallel(scenario, pair, { ...day, workers: 2 });
    expect(c.series?.period).toBe("day");
    expectSame(c, compare(scenario, pair, day));
  });

  it("carries the load warnings compare gives when none are given (soderhamn, whose reception whole loads past capacity)", async () => {
    // regression: compareParallel defaulted to no warnings, so its Comparison was not compare's
    const s = loadScenario("soderhamn");
    const opts = { replications: 2, seed: 1, horizon: "10 weeks", warmup: "2 weeks" };
    const expected = compare(s, pair, opts);
    expect(expected.warnings.length).toBeGreaterThan(0);
    expectSame(await built.compareParallel(s, pair, { ...opts, workers: 2 }), expected);
    expectSame(await compareParallelFromSource(s, pair, opts), expected);
  });

  it("batches contiguous replications into tasks and starts no more threads than tasks", async () => {
    const plans: ParallelPlan[] = [];
    const opts = { ...OPTIONS, replications: 7, seed: "crn" };
    const c = await built.compareParallel(scenario, pair, { ...opts, workers: 4, replicationsPerTask: 3, onPlan: (p) => plans.push(p) });
    expect(plans[0]).toMatchObject({ tasks: 3, threads: 3, replicationsPerTask: 3 });
    expectSame(c, compare(scenario, pair, opts));
  });

  it("reports progress up to the total and carries warnings", async () => {
    const seen: Array<[number, number]> = [];
    const c = await built.compareParallel(scenario, pair, { ...OPTIONS, workers: 2, warnings: ["a warning"], onProgress: (d, t) => seen.push([d, t]) });
    expect(c.warnings).toEqual(["a warning"]);
    expect(seen.at(-1)).toEqual([12, 12]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });

  it("rejects when cancelled", async () => {
    const ac = new AbortController();
    ac.abort(new Error("stop"));
    await expect(built.compareParallel(scenario, pair, { ...OPTIONS, workers: 2, signal: ac.signal })).rejects.toThrow("stop");
  });

  it("runs from the ESM and the CJS build in fresh processes, which exit when done", () => {
    const body = (load: string) => `
      (async () => {
        const h = ${load};
        const s = h.loadScenario("teaching");
        const o = ${JSON.stringify(OPTIONS)};
        let threads = -1;
        const c = await h.compareParallel(s, [h.policies.minutes, h.policies.whole], { ...o, workers: 2, onPlan: (p) => { threads = p.threads; } });
        console.log(JSON.stringify({ threads, c }));
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 })) as { threads: number; c: Comparison };
    const esm = run(["--input-type=module", "-e", body(`await import("helhet/node")`)]);
    const cjs = run(["-e", body(`require("helhet/node")`)]);
    expect(esm.threads).toBe(2);
    expect(cjs.threads).toBe(2);
    expect(JSON.stringify(esm.c)).toBe(JSON.stringify(serial));
    expect(JSON.stringify(cjs.c)).toBe(JSON.stringify(serial));
  });
});

describe("compareParallel from the sources", () => {
  it("runs the tasks in this thread when there is no built worker, with the same result", async () => {
    const plans: ParallelPlan[] = [];
    const c = await compareParallelFromSource(scenario, pair, { ...OPTIONS, workers: 2, onPlan: (p) => plans.push(p) });
    expect(plans[0]).toMatchObject({ threads: 0, workerFile: null });
    expectSame(c, serial);
  });

  it("names bad options before starting any work", async () => {
    await expect(compareParallelFromSource(scenario, pair, { ...OPTIONS, workers: 0 })).rejects.toThrow(/workers must be a whole number ≥ 1, got 0/);
    await expect(compareParallelFromSource(scenario, pair, { ...OPTIONS, replicationsPerTask: 1.5 })).rejects.toThrow(/replicationsPerTask/);
    await expect(compareParallelFromSource(scenario, pair, { ...OPTIONS, horizon: "3 parsecs" })).rejects.toThrow(/^horizon: /);
    await expect(compareParallelFromSource(scenario, pair, { ...OPTIONS, warmup: "20 weeks" })).rejects.toThrow(/warmup must be/);
    await expect(compareParallelFromSource(scenario, [policies.whole, policies.whole], OPTIONS)).rejects.toThrow(/two policies are named "whole"/);
    await expect(built.compareParallel(scenario, pair, { ...OPTIONS, replications: 0 })).rejects.toThrow(/replications must be/);
  });
});
