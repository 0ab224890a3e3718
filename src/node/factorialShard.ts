/**
 * Sharding a factorial study over many machines: a factorial shard is a comparison shard of the
 * study's cells (`runShard`, the replications r with r mod count = index of every cell) with the
 * two policies that define the cells. `mergeFactorialShards` checks the shards as `mergeShards`
 * does (every replication once, the same scenario, seed, window, cells and fingerprints) and
 * builds exactly the study one `factorial` run gives.
 *
 * @packageDocumentation
 */
import { buildFactorial, factorialPlan, factorialPlanOf, type FactorialStudy } from "../experiment/index.js";
import { policies as presets, type Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { mergeShards, runShard, ShardError, type ShardOptions, type ShardResult } from "./shard.js";
import { parseShard, readShardText, stringifyShard } from "./shardFile.js";

/**
 * The `format` field of a factorial shard file.
 *
 * @example
 * ```ts
 * JSON.parse(text).format === FACTORIAL_SHARD_FORMAT; // a shard of a factorial study
 * ```
 */
export const FACTORIAL_SHARD_FORMAT = "helhet-factorial-shard";

/** One shard of a factorial study: the two policies and a comparison shard of the cells. */
export interface FactorialShard {
  readonly format: typeof FACTORIAL_SHARD_FORMAT;
  readonly version: 1;
  /** The policies at level − and +, in full (the cells are made from them again when merging). */
  readonly low: Policy;
  readonly high: Policy;
  /** The cells' shard (its policies are the cells' names). */
  readonly shard: ShardResult;
}

/**
 * Runs shard `index` of `count` of a factorial study: every cell, replications r with
 * r mod count = index. Merging every shard with {@link mergeFactorialShards} gives exactly the
 * study `factorial` gives with the same options.
 *
 * @param scenario - the scenario
 * @param low - the policy at level − (default: the `minutes` preset)
 * @param high - the policy at level + (default: the `whole` preset)
 * @param options - replications (of the whole study), seed, window and the shard
 * @returns the shard
 * @throws RangeError or ScenarioError as `factorial` and `runShard`
 * @example
 * ```ts
 * const shard = runFactorialShard(loadScenario("teaching"), policies.minutes, policies.whole, { replications: 4, shard: { index: 0, count: 2 } });
 * ```
 */
export function runFactorialShard(scenario: Scenario, low: Policy = presets.minutes, high: Policy = presets.whole, options: ShardOptions): FactorialShard {
  const plan = factorialPlan(scenario, low, high, options);
  return { format: FACTORIAL_SHARD_FORMAT, version: 1, low, high, shard: runShard(scenario, plan.cells, { ...options, series: false }) };
}

/**
 * Merges the shards of one factorial study into the study: exactly the one `factorial` gives,
 * whatever order the shards come in.
 *
 * @param shards - every shard of the study, each once
 * @param sources - where each came from (file names), for the messages; optional
 * @returns the study
 * @throws {ShardError} when the shards do not belong together (other policies, or anything
 *   `mergeShards` refuses), or their cells are not the ones their policies make
 * @example
 * ```ts
 * const study = mergeFactorialShards(["f0.json", "f1.json"].map(readFactorialShardFile), ["f0.json", "f1.json"]);
 * ```
 */
export function mergeFactorialShards(shards: readonly FactorialShard[], sources?: readonly string[]): FactorialStudy {
  if (shards.length === 0) throw new ShardError("no shards to merge");
  const ref = shards[0]!;
  const name = (i: number) => `shard ${shards[i]!.shard.shard.index}/${shards[i]!.shard.shard.count}${sources?.[i] === undefined ? "" : ` (${sources[i]})`}`;
  shards.forEach((s, i) => {
    for (const which of ["low", "high"] as const) {
      if (JSON.stringify(s[which]) !== JSON.stringify(ref[which])) throw new ShardError(`${name(i)} does not belong with ${name(0)}: its ${which} policy differs`);
    }
  });
  // every check of a comparison's shards (the Comparison of the cells itself is not needed)
  mergeShards(shards.map((s) => s.shard), sources);
  let plan;
  try {
    plan = factorialPlanOf({ scenario: ref.shard.scenario, seed: ref.shard.seed, replications: ref.shard.options.replications }, ref.low, ref.high);
  } catch (e) {
    throw new ShardError(`${name(0)}: ${(e as Error).message}`);
  }
  const cells = plan.cells.map((c) => c.name);
  if (JSON.stringify(cells) !== JSON.stringify(ref.shard.policies)) throw new ShardError(`${name(0)}: its cells are not the ones its low and high policies make (was it written by another version of helhet?)`);
  return buildFactorial(plan, shards.flatMap((s) => s.shard.results));
}

/**
 * A factorial shard as JSON text that keeps every number exact (as {@link stringifyShard}).
 *
 * @param shard - the shard
 * @returns JSON text ending in a newline
 * @example
 * ```ts
 * writeFileSync("f0.json", stringifyFactorialShard(shard));
 * ```
 */
export function stringifyFactorialShard(shard: FactorialShard): string {
  const { shard: inner, ...head } = shard;
  return `${JSON.stringify(head).slice(0, -1)},"shard":${stringifyShard(inner).trimEnd()}}\n`;
}

/**
 * Whether parsed JSON is a factorial shard (by its `format`), to tell it from a comparison's.
 *
 * @param value - parsed JSON
 * @returns true for a factorial shard
 * @example
 * ```ts
 * isFactorialShardJson(JSON.parse(readFileSync("f0.json", "utf8"))); //=> true
 * ```
 */
export function isFactorialShardJson(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === FACTORIAL_SHARD_FORMAT;
}

/**
 * Reads a factorial shard from its JSON text, checking its shape.
 *
 * @param text - JSON text (from {@link stringifyFactorialShard})
 * @param source - where it came from, for messages
 * @returns the shard
 * @throws {ShardError} naming the problem
 * @example
 * ```ts
 * const shard = parseFactorialShard(readFileSync("f0.json", "utf8"), "f0.json");
 * ```
 */
export function parseFactorialShard(text: string, source = "shard"): FactorialShard {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ShardError(`${source}: not valid JSON (${(e as Error).message}); was the file cut short?`);
  }
  if (!isFactorialShardJson(value)) throw new ShardError(`${source}: not a factorial shard (its format is not "${FACTORIAL_SHARD_FORMAT}")`);
  if (value["version"] !== 1) throw new ShardError(`${source}: factorial shard version ${JSON.stringify(value["version"])}; this helhet reads version 1`);
  for (const which of ["low", "high"]) {
    const p = value[which];
    if (typeof p !== "object" || p === null || Array.isArray(p)) throw new ShardError(`${source}: ${which} should be a policy`);
  }
  const shard = parseShard(JSON.stringify(value["shard"]), source);
  return { format: FACTORIAL_SHARD_FORMAT, version: 1, low: value["low"] as Policy, high: value["high"] as Policy, shard };
}

/**
 * Reads and checks a factorial shard file.
 *
 * @param path - the file
 * @returns the shard
 * @throws {ShardError} naming the file and the problem
 * @example
 * ```ts
 * const study = mergeFactorialShards(["f0.json", "f1.json"].map(readFactorialShardFile));
 * ```
 */
export function readFactorialShardFile(path: string): FactorialShard {
  return parseFactorialShard(readShardText(path), path);
}
