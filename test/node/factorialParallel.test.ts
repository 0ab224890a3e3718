import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importBuilt, ROOT, type NodeEntry } from "../helpers/builtPackage.js";
import { factorial, loadScenario, policies } from "../../src/index.js";
import { factorialParallel as fromSource, mergeFactorialShards, parseFactorialShard, runFactorialShard, stringifyFactorialShard, ShardError, type ParallelPlan } from "../../src/node.js";

/**
 * factorialParallel on real worker threads: the built package (dist/, which `npm test` builds
 * first), as in parallel.test.ts; from the sources it runs the tasks in the calling thread.
 */
const scenario = loadScenario("teaching");
const OPTIONS = { replications: 3, seed: 4, horizon: "8 weeks", warmup: "2 weeks" };
const serial = JSON.stringify(factorial(scenario, policies.minutes, policies.whole, OPTIONS));

let built: NodeEntry;

beforeAll(async () => {
  built = await importBuilt();
});

describe("factorialParallel", () => {
  for (const workers of [1, 2]) {
    it(`gives the serial study bit for bit with ${workers} worker${workers > 1 ? "s" : ""}`, async () => {
      const plans: ParallelPlan[] = [];
      const progress: number[] = [];
      const s = await built.factorialParallel(scenario, policies.minutes, policies.whole, { ...OPTIONS, workers, replicationsPerTask: 1, onPlan: (p) => plans.push(p), onProgress: (d) => progress.push(d) });
      expect(JSON.stringify(s)).toBe(serial);
      expect(plans[0]).toMatchObject({ threads: workers, tasks: 3, replicationsPerTask: 1, workerFile: join(ROOT, "dist", "worker.js") });
      expect(progress.at(-1)).toBe(3 * 32);
    });
  }

  it("from the sources runs in the calling thread with the same study, and checks its options first", async () => {
    const s = await fromSource(scenario, policies.minutes, policies.whole, { ...OPTIONS, workers: 2 });
    expect(JSON.stringify(s)).toBe(serial);
    await expect(fromSource(scenario, policies.whole, policies.whole, OPTIONS)).rejects.toThrow(/no factor to vary/);
    await expect(fromSource(scenario, policies.minutes, policies.whole, { ...OPTIONS, workers: 0 })).rejects.toThrow(/workers must be a whole number/);
  });

  it("shards: every shard of the cells, merged in any order, give the serial study; shards of other policies do not merge", () => {
    const shards = [1, 0, 2].map((index) => parseFactorialShard(stringifyFactorialShard(runFactorialShard(scenario, policies.minutes, policies.whole, { ...OPTIONS, shard: { index, count: 3 } }))));
    expect(JSON.stringify(mergeFactorialShards(shards))).toBe(serial);
    const other = runFactorialShard(scenario, policies.minutes, { ...policies.whole, consultPriority: "first" }, { ...OPTIONS, shard: { index: 1, count: 3 } });
    expect(() => mergeFactorialShards([shards[1]!, other, shards[2]!])).toThrow(ShardError);
    expect(() => mergeFactorialShards([shards[1]!, other, shards[2]!])).toThrow(/high policy differs/);
    expect(() => parseFactorialShard("{}", "x.json")).toThrow(/x.json: not a factorial shard/);
  });
});
