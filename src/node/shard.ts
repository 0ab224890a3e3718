/**
 * Sharding an experiment over many machines: shard k of n runs the replications whose index is
 * k modulo n, for every policy, and returns plain data; `mergeShards` checks that the shards
 * belong together and builds exactly the Comparison one `compare` run gives. Shard files are
 * JSON, written atomically and read with validation (shardFile.ts).
 *
 * @packageDocumentation
 */
import { buildComparison, checkExperimentCost, checkPolicies, type Comparison, type ExperimentOptions, type ReplicationResult } from "../experiment/index.js";
import type { SeriesPeriod } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { fingerprintOf } from "./exactNumbers.js";
import { inCompareOrder, resolveWindow, runTask, taskOptions } from "./tasks.js";

/**
 * The `format` field of every shard.
 *
 * @example
 * ```ts
 * JSON.parse(text).format === SHARD_FORMAT; // a helhet shard
 * ```
 */
export const SHARD_FORMAT = "helhet-shard";

/**
 * The shard format version this helhet writes and reads.
 *
 * @example
 * ```ts
 * readShardFile("results/shard-0-of-4.json").version === SHARD_VERSION; //=> true
 * ```
 */
export const SHARD_VERSION = 1;

/** Which shard: `index` from 0 to `count` − 1. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** Options of {@link runShard}. */
export interface ShardOptions extends ExperimentOptions {
  /** This shard: it runs the replications r with r mod count = index. */
  readonly shard: ShardSpec;
  /** Called after each replication of each policy with (done, total) for this shard. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Warnings to carry into the merged Comparison (every shard must carry the same). */
  readonly warnings?: readonly string[];
}

/** The experiment settings every shard of one experiment shares (durations resolved to minutes). */
export interface ShardSettings {
  /** Replications of the whole experiment (not of this shard). */
  readonly replications: number;
  readonly horizonMinutes: number;
  readonly warmupMinutes: number;
  readonly drainMinutes: number;
  /** The period of the series over time, or false for none (absent in shards of earlier versions: read as none). */
  readonly series?: SeriesPeriod | false;
}

/**
 * One shard's results: plain JSON-ready data that {@link mergeShards} merges. Write it with
 * {@link writeShardFile} or {@link stringifyShard}, which keep every number exact (plain
 * `JSON.stringify` would turn a NaN or an infinite metric into null).
 */
export interface ShardResult {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_VERSION;
  readonly scenario: string;
  readonly seed: number | string;
  /** Policy names in order; the first is the baseline. */
  readonly policies: readonly string[];
  readonly options: ShardSettings;
  /** SHA-256 of the scenario and of the policies, so that shards of edited inputs do not merge. */
  readonly fingerprint: { readonly scenario: string; readonly policies: string };
  readonly shard: ShardSpec;
  readonly warnings: readonly string[];
  /** This shard's replications of every policy, in `compare` order. */
  readonly results: readonly ReplicationResult[];
}

/**
 * A shard that cannot be read, or shards that do not merge; the message names the problem.
 *
 * @example
 * ```ts
 * try {
 *   mergeShards(shards);
 * } catch (e) {
 *   if (e instanceof ShardError) console.error(e.message); // e.g. "shard 1/3 is missing (have 0/3, 2/3)"
 *   else throw e;
 * }
 * ```
 */
export class ShardError extends Error {
  /**
   * @param message - what is wrong, naming the shard or file
   * @example
   * ```ts
   * throw new ShardError("shard 1/3 is missing");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "ShardError";
  }
}

/**
 * Runs shard `index` of `count`: the replications r < `replications` with r mod count = index,
 * for every policy. Merging all `count` shards with {@link mergeShards} gives exactly the
 * Comparison of `compare` with the same scenario, policies and options.
 *
 * @param scenario - the scenario
 * @param policies - the policies; the first is the baseline of the paired differences
 * @param options - replications (of the whole experiment), seed, time window and the shard
 * @returns the shard's results
 * @throws RangeError for a bad shard (the count must be at most the replications, so that no
 *   shard is empty), replication count, time window or policy list, or for a shard too large to
 *   run (the run-cost check of its own runs; unless `allowLarge`)
 * @example
 * ```ts
 * const k = Number(process.env.SLURM_ARRAY_TASK_ID);
 * const shard = runShard(loadScenario("soderhamn"), [policies.minutes, policies.whole], { replications: 100, seed: 1, shard: { index: k, count: 10 } });
 * writeShardFile(`results/shard-${k}.json`, shard);
 * ```
 */
export function runShard(scenario: Scenario, policies: readonly Policy[], options: ShardOptions): ShardResult {
  const replications = checkPolicies(policies, options, scenario);
  const shard = checkShardSpec(options.shard);
  if (shard.count > replications) {
    throw new RangeError(`shard count must be at most the replications (${replications}), got ${shard.count}: shard k runs the replications r with r mod count = k, so the shards past them would be empty`);
  }
  const window = resolveWindow(scenario, policies, options);
  const seed = options.seed ?? 1;
  const series = options.series ?? "week";
  const mine = shard.index < replications ? Math.ceil((replications - shard.index) / shard.count) : 0;
  // the cost of this shard's runs only: a large experiment spread over machines is what shards are for
  checkExperimentCost(scenario, policies, { ...options, replications: mine });
  const total = mine * policies.length;
  let done = 0;
  const results = runTask(
    {
      scenario,
      policies,
      from: shard.index,
      to: replications,
      step: shard.count,
      options: taskOptions(window, { ...options, seed }, series),
    },
    () => options.onProgress?.(++done, total),
  );
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: scenario.name,
    seed,
    policies: policies.map((p) => p.name),
    options: { replications, ...window, series },
    fingerprint: { scenario: fingerprintOf(scenario), policies: fingerprintOf(policies) },
    shard,
    warnings: [...(options.warnings ?? [])],
    results,
  };
}

/**
 * Merges the shards of one experiment into its Comparison: exactly the one `compare` gives
 * with the same scenario, policies and options, whatever order the shards come in. Besides their
 * shape (checked when they are read), their contents are checked: every replication once, the
 * same metrics in every result, every metric and time finite.
 *
 * @param shards - every shard of the experiment, each once, in any order
 * @param sources - where each shard came from (file names), for the messages; optional
 * @returns the Comparison
 * @throws {ShardError} when there are no shards, when they do not belong together (scenario,
 *   seed, policies, options, shard count, warnings or fingerprints differ), when a shard is
 *   missing or given twice, when a shard lacks, repeats or misplaces a replication, or when a
 *   result has other metrics than the rest, a metric or time that is not a finite number, or a
 *   window that does not make sense, or when values are too large to combine (a standard
 *   deviation would overflow)
 * @example
 * ```ts
 * const files = readdirSync("results").map((f) => join("results", f));
 * const comparison = mergeShards(files.map(readShardFile), files);
 * ```
 */
export function mergeShards(shards: readonly ShardResult[], sources?: readonly string[]): Comparison {
  if (shards.length === 0) throw new ShardError("no shards to merge");
  const sorted = shards.map((shard, i) => ({ shard, source: sources?.[i] })).sort((a, b) => a.shard.shard.index - b.shard.shard.index);
  const ref = sorted[0]!;
  const name = (s: { shard: ShardResult; source: string | undefined }): string => `shard ${s.shard.shard.index}/${s.shard.shard.count}${s.source === undefined ? "" : ` (${s.source})`}`;
  for (const s of sorted) {
    try {
      checkShardSpec(s.shard.shard);
      checkShardOptions(s.shard);
    } catch (e) {
      throw new ShardError(`${name(s)}: ${(e as Error).message}`);
    }
  }
  const count = ref.shard.shard.count;
  const same: ReadonlyArray<readonly [string, (s: ShardResult) => unknown]> = [
    ["scenario", (s) => s.scenario],
    ["seed", (s) => s.seed],
    ["policies", (s) => s.policies],
    ["shard count", (s) => s.shard.count],
    ["options", (s) => s.options],
    ["scenario fingerprint (the scenario was edited between runs)", (s) => s.fingerprint.scenario],
    ["policy fingerprint (a policy was edited between runs)", (s) => s.fingerprint.policies],
    ["warnings", (s) => s.warnings],
  ];
  for (const s of sorted.slice(1)) {
    for (const [what, get] of same) {
      const mine = JSON.stringify(get(s.shard));
      const theirs = JSON.stringify(get(ref.shard));
      if (mine !== theirs) throw new ShardError(`${name(s)} does not belong with ${name(ref)}: its ${what} is ${cut(mine)}, not ${cut(theirs)}`);
    }
  }
  const seen = new Map<number, (typeof sorted)[number]>();
  for (const s of sorted) {
    const twin = seen.get(s.shard.shard.index);
    if (twin !== undefined) throw new ShardError(`${name(s)} is given twice${s.source === undefined || twin.source === undefined ? "" : ` (${twin.source} and ${s.source})`}`);
    seen.set(s.shard.shard.index, s);
  }
  if (seen.size < count) throw new ShardError(missingMessage([...seen.keys()], count));
  const metricNames = Object.keys(ref.shard.results[0]?.metrics ?? {}).sort();
  for (const s of sorted) checkShardResults(s.shard, name(s), metricNames, `results[0] of ${name(ref)}`);
  const comparison = buildComparison(
    { scenario: ref.shard.scenario, seed: ref.shard.seed, policies: ref.shard.policies, warnings: ref.shard.warnings },
    inCompareOrder(sorted.flatMap((s) => s.shard.results), ref.shard.policies),
  );
  // finite values can still be too large to combine (a standard deviation of 1e308 overflows)
  const bad = firstNonFinite(comparison);
  if (bad !== undefined) {
    let culprit = "";
    if (bad.metric !== undefined) {
      let largest = -1;
      for (const s of sorted) {
        for (const [i, r] of s.shard.results.entries()) {
          const v = Math.abs(r.metrics[bad.metric] ?? 0);
          if (v > largest) {
            largest = v;
            culprit = `; the largest is ${r.metrics[bad.metric]} in ${name(s)}, results[${i}]`;
          }
        }
      }
    }
    const all = `${sorted.slice(0, 5).map(name).join(", ")}${sorted.length > 5 ? ` and ${sorted.length - 5} more` : ""}`;
    throw new ShardError(`the shards do not combine into a comparison: ${bad.where} would be ${bad.value}${bad.metric === undefined ? ` (shards ${all})` : ` (metric "${bad.metric}" has values too large${culprit})`}`);
  }
  return comparison;
}

/** The first NaN or infinite number of a comparison, with where it is and its metric. */
function firstNonFinite(c: Comparison): { where: string; metric?: string; value: number } | undefined {
  const estimates: Array<[string, Readonly<Record<string, { mean: number; sd?: number | null; ci95: readonly [number, number] | null }>>]> = [
    ...Object.entries(c.policies).map(([p, m]) => [`policies["${p}"]`, m] as [string, typeof m]),
    ...Object.entries(c.differences).map(([p, m]) => [`differences["${p}"]`, m] as [string, typeof m]),
  ];
  for (const [where, metrics] of estimates) {
    for (const [metric, e] of Object.entries(metrics)) {
      for (const value of [e.mean, e.sd ?? 0, ...(e.ci95 ?? [])]) if (!Number.isFinite(value)) return { where: `${where}["${metric}"]`, metric, value };
    }
  }
  const walk = (v: unknown, where: string): { where: string; value: number } | undefined => {
    if (typeof v === "number") return Number.isFinite(v) ? undefined : { where, value: v };
    if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const found = walk(x, `${where}.${k}`);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk({ horizonDays: c.horizonDays, warmupDays: c.warmupDays, pooled: c.pooled, capability: c.capability, suggestedWarmupDays: c.suggestedWarmupDays }, "comparison");
}

/** "shard 1/3 is missing (have 0/3, 2/3)": at most five missing and five present shards named. */
function missingMessage(have: readonly number[], count: number): string {
  const present = new Set(have);
  const missing: number[] = [];
  for (let i = 0; i < count && missing.length < 5; i++) if (!present.has(i)) missing.push(i);
  const more = count - present.size - missing.length;
  const listed = `${missing.map((i) => `shard ${i}/${count}`).join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-US")} more` : ""}`;
  const haveList = [...have].sort((a, b) => a - b);
  const haveText = `${haveList.slice(0, 5).map((i) => `${i}/${count}`).join(", ")}${haveList.length > 5 ? ` and ${haveList.length - 5} more` : ""}`;
  return `${listed} ${missing.length + more === 1 ? "is" : "are"} missing (have ${haveText})`;
}

/** A JSON text cut to 200 characters for a message. */
function cut(json: string | undefined): string {
  if (json === undefined) return "nothing";
  return json.length > 200 ? `${json.slice(0, 197)}...` : json;
}

// ---------------------------------------------------------------------------------------------

function checkShardSpec(spec: ShardSpec | undefined): ShardSpec {
  if (spec === undefined || spec === null || typeof spec !== "object") throw new RangeError("a shard needs shard: { index, count }");
  const { index, count } = spec;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count must be a whole number ≥ 1, got ${count}`);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`shard index must be a whole number from 0 to ${count - 1} (shards are numbered from 0), got ${index}`);
  }
  return { index, count };
}

/** A shard's window makes sense: a positive horizon, a shorter warm-up, a drain ≥ 0, all finite. */
function checkShardOptions(s: ShardResult): void {
  const { replications, horizonMinutes, warmupMinutes, drainMinutes } = s.options;
  if (!(Number.isFinite(horizonMinutes) && horizonMinutes > 0)) throw new RangeError(`options.horizonMinutes should be a positive number of minutes, got ${horizonMinutes}`);
  if (!(Number.isFinite(warmupMinutes) && warmupMinutes >= 0 && warmupMinutes < horizonMinutes)) {
    throw new RangeError(`options.warmupMinutes should be ≥ 0 and shorter than the horizon (${horizonMinutes} min), got ${warmupMinutes}`);
  }
  if (!(Number.isFinite(drainMinutes) && drainMinutes >= 0)) throw new RangeError(`options.drainMinutes should be ≥ 0 minutes, got ${drainMinutes}`);
  if (s.shard.count > replications) throw new RangeError(`shard count ${s.shard.count} should be at most options.replications (${replications})`);
}

/**
 * Every policy has exactly the replications r < R with r ≡ index (mod count), each once, with
 * the shard's window, the metrics `metricNames` and finite numbers. The work is bounded by the
 * results the shard holds, whatever its header says.
 */
function checkShardResults(s: ShardResult, name: string, metricNames: readonly string[], reference: string): void {
  const { index, count } = s.shard;
  const { replications, horizonMinutes, warmupMinutes } = s.options;
  const byPolicy = new Map(s.policies.map((p) => [p, new Set<number>()]));
  const expectedNames = metricNames.join("\u0000");
  for (const [i, r] of s.results.entries()) {
    const set = byPolicy.get(r.policy);
    if (set === undefined) throw new ShardError(`${name} has a result for policy "${r.policy}", which is not among its policies (${s.policies.join(", ")})`);
    if (!Number.isInteger(r.replication) || r.replication < 0 || r.replication >= replications) {
      throw new ShardError(`${name} has replication ${r.replication} of "${r.policy}", outside 0…${replications - 1}`);
    }
    if (r.replication % count !== index) {
      throw new ShardError(`${name} has replication ${r.replication} of "${r.policy}", which belongs to shard ${r.replication % count}/${count}`);
    }
    if (set.has(r.replication)) throw new ShardError(`${name} has replication ${r.replication} of "${r.policy}" twice`);
    if (r.horizonMinutes !== horizonMinutes || r.warmupMinutes !== warmupMinutes) {
      throw new ShardError(`${name}: replication ${r.replication} of "${r.policy}" ran with horizon ${r.horizonMinutes} and warm-up ${r.warmupMinutes} min, the shard says ${horizonMinutes} and ${warmupMinutes}`);
    }
    const where = `${name}: results[${i}] (replication ${r.replication} of "${r.policy}")`;
    const names = Object.keys(r.metrics).sort();
    if (names.join("\u0000") !== expectedNames) {
      const lacks = metricNames.filter((m) => !Object.hasOwn(r.metrics, m));
      const extra = names.filter((m) => !metricNames.includes(m));
      const differences = [lacks.length > 0 ? `lacks ${list(lacks)}` : "", extra.length > 0 ? `has ${list(extra)} besides` : ""].filter(Boolean).join(" and ");
      throw new ShardError(`${where} has other metrics than ${reference} (${names.length} against ${metricNames.length}): it ${differences}`);
    }
    for (const m of names) {
      const value = r.metrics[m] as number;
      if (!Number.isFinite(value)) throw new ShardError(`${where}: metric "${m}" should be a finite number, got ${value}`);
    }
    for (const [field, values] of [["endToEndDays", r.endToEndDays], ["dailyOpenNeeds", r.dailyOpenNeeds]] as const) {
      const k = values.findIndex((x) => !(Number.isFinite(x) && x >= 0));
      if (k >= 0) throw new ShardError(`${where}: ${field}[${k}] should be a finite number ≥ 0, got ${values[k]}`);
    }
    set.add(r.replication);
  }
  const mine = index < replications ? Math.ceil((replications - index) / count) : 0;
  for (const [policy, set] of byPolicy) {
    if (set.size === mine) continue;
    // fewer than its share (more is impossible: each is in range, in this shard and once)
    let r = index;
    while (set.has(r)) r += count;
    throw new ShardError(`${name} lacks replication ${r} of "${policy}"`);
  }
}

/** Up to five names in quotes. */
function list(names: readonly string[]): string {
  return `${names.slice(0, 5).map((n) => JSON.stringify(n)).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`;
}
