import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importBuilt, ROOT, type NodeEntry } from "../helpers/builtPackage.js";
import { loadScenario, policies, sensitivity, winnerMap, type Policy } from "../../src/index.js";
import {
  mergeStudyShards,
  parseStudyShard,
  runSensitivityShard,
  runWinnerMapShard,
  sensitivityParallel as fromSource,
  ShardError,
  stringifyStudyShard,
  type ParallelPlan,
} from "../../src/node.js";

/**
 * sensitivityParallel and winnerMapParallel on real worker threads (the built package, which
 * `npm test` builds first), and the shards of both: every way of running a study gives the
 * serial study's JSON, byte for byte.
 */
const scenario = loadScenario("teaching");
const WINDOW = { replications: 3, seed: 4, horizon: "6 weeks", warmup: "2 weeks" };
// a broad front line against a scripted one: the cost difference flips in the generalist's pay,
// so the bisection runs (rounds of midpoints) as well as the ends
const broad: Policy = { ...policies.minutes, name: "broad", frontOffice: { ...policies.minutes.frontOffice, skillCoverage: 1 } };
const pair = [policies.minutes, broad];
const STUDY = { ...WINDOW, params: ["mechanisms.payGeneralist", "mechanisms.misrouteProbability", "citizens.searchTime"], ranges: { "mechanisms.payGeneralist": ["0.1", "10"] }, bisectionSteps: 3, samples: 4 };
const GRID = { x: { path: "services.questions.demandTypes", values: [2, 20] }, y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.6, 0.9] } };
const serialStudy = JSON.stringify(sensitivity(scenario, pair, STUDY));
const serialMap = JSON.stringify(winnerMap(scenario, pair, GRID, WINDOW));

let built: NodeEntry;

beforeAll(async () => {
  built = await importBuilt();
});

describe("sensitivityParallel", () => {
  it("the study has a flip to bisect and joint samples (so every kind of batch runs)", () => {
    const s = JSON.parse(serialStudy);
    expect(s.parameters[0].flips.costPerNeed.flips).toBe(true);
    expect(s.parameters[0].flips.costPerNeed.steps).toBe(3);
    expect(s.joint.points).toHaveLength(4);
  });

  it("gives the serial study bit for bit on 2 worker threads, with progress to the end", async () => {
    const plans: ParallelPlan[] = [];
    const progress: [number, number][] = [];
    const s = await built.sensitivityParallel(scenario, pair, { ...STUDY, workers: 2, onPlan: (p) => plans.push(p), onProgress: (d, t) => progress.push([d, t]) });
    expect(JSON.stringify(s)).toBe(serialStudy);
    // the ends, baseline and samples in one batch, then a batch per bisection round
    expect(plans).toHaveLength(1 + 3);
    expect(plans[0]).toMatchObject({ threads: 2, workerFile: join(ROOT, "dist", "worker.js") });
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(progress.every(([d, t], i) => d <= t && (i === 0 || d >= progress[i - 1]![0]))).toBe(true);
  });

  it("from the sources runs in the calling thread with the same study, and checks its options first", async () => {
    expect(JSON.stringify(await fromSource(scenario, pair, { ...STUDY, workers: 2 }))).toBe(serialStudy);
    await expect(fromSource(scenario, pair, { ...STUDY, workers: 0 })).rejects.toThrow(/workers must be a whole number/);
    await expect(fromSource(scenario, pair, { ...STUDY, samples: 1 })).rejects.toThrow(/at least 2/);
  });
});

describe("winnerMapParallel", () => {
  it("gives the serial map bit for bit on 2 worker threads", async () => {
    const m = await built.winnerMapParallel(scenario, pair, GRID, { ...WINDOW, workers: 2 });
    expect(JSON.stringify(m)).toBe(serialMap);
  });
});

describe("study shards", () => {
  const sensitivityShards = (count: number) => Array.from({ length: count }, (_, index) => parseStudyShard(stringifyStudyShard(runSensitivityShard(scenario, pair, { ...STUDY, shard: { index, count } })), `s${index}.json`));
  const mapShards = (count: number) => Array.from({ length: count }, (_, index) => parseStudyShard(stringifyStudyShard(runWinnerMapShard(scenario, pair, GRID, { ...WINDOW, shard: { index, count } })), `m${index}.json`));

  it("of a sensitivity study, merged in any order, give the serial study's JSON", () => {
    const shards = sensitivityShards(3);
    const merged = mergeStudyShards([shards[2]!, shards[0]!, shards[1]!]);
    expect(merged.kind).toBe("sensitivity");
    expect(JSON.stringify(merged.study)).toBe(serialStudy);
    // parameters (items 0–2) and samples (3–6) are spread: shard 0 runs items 0, 3 and 6
    const first = shards[0]!;
    if (first.kind !== "sensitivity") throw new Error("a sensitivity shard");
    expect([first.part.rows.map((r) => r.index), first.part.points.map((p) => p.index)]).toEqual([[0], [3, 6]]);
  });

  it("of a winner map, merged in any order, give the serial map's JSON", () => {
    const shards = mapShards(4);
    expect(JSON.stringify(mergeStudyShards([shards[3]!, shards[1]!, shards[0]!, shards[2]!]).study)).toBe(serialMap);
  });

  it("that do not belong together are refused, each with a reason", () => {
    const s = sensitivityShards(2);
    const m = mapShards(2);
    expect(() => mergeStudyShards([s[0]!])).toThrow(/shard 1\/2 is missing/);
    expect(() => mergeStudyShards([s[0]!, s[0]!])).toThrow(/given twice/);
    expect(() => mergeStudyShards([s[0]!, m[1]!])).toThrow(/winner map/);
    const edited = runSensitivityShard(scenario, pair, { ...STUDY, seed: 5, shard: { index: 1, count: 2 } });
    expect(() => mergeStudyShards([s[0]!, edited])).toThrow(/options fingerprint differs/);
    const otherPolicy = runWinnerMapShard(scenario, [policies.minutes, policies.whole], GRID, { ...WINDOW, shard: { index: 1, count: 2 } });
    expect(() => mergeStudyShards([m[0]!, otherPolicy])).toThrow(/policies fingerprint differs/);
    expect(() => mergeStudyShards([])).toThrow(ShardError);
  });

  it("files that are not shards, or are damaged, are refused with the field named", () => {
    expect(() => parseStudyShard("{", "a.json")).toThrow(/a.json: not valid JSON/);
    expect(() => parseStudyShard("{}", "a.json")).toThrow(/a.json: not a study shard/);
    const text = stringifyStudyShard(runWinnerMapShard(scenario, pair, GRID, { ...WINDOW, shard: { index: 0, count: 6 } }));
    const broken = JSON.parse(text);
    broken.part.cells[0].cell.outcomes.costPerNeed.sign = 2;
    expect(() => parseStudyShard(JSON.stringify(broken), "b.json")).toThrow(/b.json: part\.cells\.0\.cell\.outcomes\.costPerNeed\.sign/);
    const extra = JSON.parse(text);
    extra.part.map.surprise = 1;
    expect(() => parseStudyShard(JSON.stringify(extra), "c.json")).toThrow(/c.json: part\.map/);
    const far = JSON.parse(text);
    far.part.cells[0].index = 99;
    const rest = mapShards(6).slice(1);
    expect(() => mergeStudyShards([parseStudyShard(JSON.stringify(far)), ...rest])).toThrow(/cell 99 is out of range/);
  });

  it("count at most the study's items", () => {
    expect(() => runWinnerMapShard(scenario, pair, GRID, { ...WINDOW, shard: { index: 0, count: 7 } })).toThrow(/at most the map's 6 cells/);
    expect(() => runSensitivityShard(scenario, pair, { ...STUDY, shard: { index: 0, count: 8 } })).toThrow(/at most the study's 7 items \(3 parameters and 4 joint samples\)/);
  });
});
