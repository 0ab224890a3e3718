import { beforeAll, describe, expect, it } from "vitest";
import { importBuilt, type NodeEntry } from "../helpers/builtPackage.js";
import { loadScenario, policies, ScenarioError, sweep } from "../../src/index.js";
import { sweepParallel as fromSource, type ParallelPlan } from "../../src/node.js";

/**
 * sweepParallel: every value's comparison at once on one set of worker threads (the built
 * package, which `npm test` builds first), bit for bit the serial sweep.
 */
const scenario = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];
const OPTIONS = { replications: 3, seed: 6, horizon: "8 weeks", warmup: "2 weeks" };
const SPEC = { path: "services.questions.demandTypes", values: [2, 8, 20] };
const POLICY_SPEC = { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.9] };
const serial = JSON.stringify(sweep(scenario, pair, SPEC, OPTIONS));

let built: NodeEntry;

beforeAll(async () => {
  built = await importBuilt();
});

describe("sweepParallel (built package, real threads)", () => {
  it("gives the serial sweep bit for bit on 2 threads, with one plan for all values and progress to the end", async () => {
    const plans: ParallelPlan[] = [];
    const progress: [number, number][] = [];
    const s = await built.sweepParallel(scenario, pair, SPEC, { ...OPTIONS, workers: 2, onPlan: (p) => plans.push(p), onProgress: (d, t) => progress.push([d, t]) });
    expect(JSON.stringify(s)).toBe(serial);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ threads: 2, tasks: 9, replicationsPerTask: 1 });
    expect(progress.at(-1)).toEqual([18, 18]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });

  it("sweeps a policy path bit for bit, on a pool that stays open", async () => {
    const pool = await built.openWorkers({ workers: 2 });
    try {
      const s = await built.sweepParallel(scenario, pair, POLICY_SPEC, { ...OPTIONS, pool });
      expect(JSON.stringify(s)).toBe(JSON.stringify(sweep(scenario, pair, POLICY_SPEC, OPTIONS)));
      expect(pool.closed).toBe(false);
      expect(JSON.stringify(await built.sweepParallel(scenario, pair, SPEC, { ...OPTIONS, pool }))).toBe(serial);
    } finally {
      await pool.close();
    }
  });

  it("a cancelled sweep rejects with the reason", async () => {
    const ac = new AbortController();
    const run = built.sweepParallel(scenario, pair, SPEC, { ...OPTIONS, replications: 6, workers: 2, signal: ac.signal, onProgress: () => ac.abort(new Error("enough")) });
    await expect(run).rejects.toThrow();
    const before = new AbortController();
    before.abort(new Error("stop"));
    await expect(built.sweepParallel(scenario, pair, SPEC, { ...OPTIONS, workers: 2, signal: before.signal })).rejects.toThrow("stop");
  });
});

describe("sweepParallel from the sources", () => {
  it("runs in this thread with the same result when there is no built worker", async () => {
    const plans: ParallelPlan[] = [];
    const s = await fromSource(scenario, pair, SPEC, { ...OPTIONS, workers: 2, onPlan: (p) => plans.push(p) });
    expect(plans[0]).toMatchObject({ threads: 0, workerFile: null });
    expect(JSON.stringify(s)).toBe(serial);
  });

  it("checks every value and its options before anything runs, as sweep does", async () => {
    let ran = 0;
    const bad = fromSource(scenario, pair, { path: "services.questions.caseShare", values: [0, 7] }, { ...OPTIONS, onProgress: () => ran++ });
    await expect(bad).rejects.toThrow(ScenarioError);
    await expect(bad).rejects.toThrow(/Invalid scenario with services.questions.caseShare = 7/);
    expect(ran).toBe(0);
    await expect(fromSource(scenario, pair, SPEC, { ...OPTIONS, workers: 0 })).rejects.toThrow(/workers must be a whole number ≥ 1, got 0/);
    await expect(fromSource(scenario, pair, { path: "services.questions.demandTypes", values: [] }, OPTIONS)).rejects.toThrow(/needs at least one value/);
  });
});
