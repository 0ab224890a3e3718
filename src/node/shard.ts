/**
 * Sharding an experiment over many machines: shard k of n runs the replications whose index is
 * k modulo n, for every policy, and returns plain data; `mergeShards` checks that the shards
 * belong together and builds exactly the Comparison one `compare` run gives. Shard files are
 * JSON, written atomically and read with validation.
 *
 * @packageDocumentation
 */
import { createHash, randomUUID } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildComparison, checkExperimentCost, checkPolicies, type Comparison, type ExperimentOptions, type ReplicationResult } from "../experiment/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { inCompareOrder, resolveWindow, runTask } from "./tasks.js";

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
 * @throws RangeError for a bad shard, replication count, time window or policy list, or for a
 *   shard too large to run (the run-cost check of its own runs; unless `allowLarge`)
 * @example
 * ```ts
 * const k = Number(process.env.SLURM_ARRAY_TASK_ID);
 * const shard = runShard(loadScenario("soderhamn"), [policies.minutes, policies.whole], { replications: 100, seed: 1, shard: { index: k, count: 10 } });
 * writeShardFile(`results/shard-${k}.json`, shard);
 * ```
 */
export function runShard(scenario: Scenario, policies: readonly Policy[], options: ShardOptions): ShardResult {
  const replications = checkPolicies(policies, options);
  const shard = checkShardSpec(options.shard);
  const window = resolveWindow(scenario, policies, options);
  const seed = options.seed ?? 1;
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
      options: {
        seed,
        horizon: window.horizonMinutes,
        warmup: window.warmupMinutes,
        drain: window.drainMinutes,
        ...(options.allowLarge === undefined ? {} : { allowLarge: options.allowLarge }),
      },
    },
    () => options.onProgress?.(++done, total),
  );
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: scenario.name,
    seed,
    policies: policies.map((p) => p.name),
    options: { replications, ...window },
    fingerprint: { scenario: fingerprintOf(scenario), policies: fingerprintOf(policies) },
    shard,
    warnings: [...(options.warnings ?? [])],
    results,
  };
}

/**
 * Merges the shards of one experiment into its Comparison: exactly the one `compare` gives
 * with the same scenario, policies and options, whatever order the shards come in.
 *
 * @param shards - every shard of the experiment, each once, in any order
 * @returns the Comparison
 * @throws {ShardError} when there are no shards, when they do not belong together (scenario,
 *   seed, policies, options, shard count, warnings or fingerprints differ), when a shard is
 *   missing or given twice, or when a shard lacks, repeats or misplaces a replication
 * @example
 * ```ts
 * const shards = readdirSync("results").map((f) => readShardFile(join("results", f)));
 * const comparison = mergeShards(shards);
 * ```
 */
export function mergeShards(shards: readonly ShardResult[]): Comparison {
  if (shards.length === 0) throw new ShardError("no shards to merge");
  const sorted = [...shards].sort((a, b) => a.shard.index - b.shard.index);
  const ref = sorted[0]!;
  const count = ref.shard.count;
  const name = (s: ShardResult): string => `shard ${s.shard.index}/${s.shard.count}`;
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
      const mine = JSON.stringify(get(s));
      const theirs = JSON.stringify(get(ref));
      if (mine !== theirs) throw new ShardError(`${name(s)} does not belong with ${name(ref)}: its ${what} is ${mine}, not ${theirs}`);
    }
  }
  const seen = new Set<number>();
  for (const s of sorted) {
    try {
      checkShardSpec(s.shard);
    } catch (e) {
      throw new ShardError(`${name(s)}: ${(e as Error).message}`);
    }
    if (seen.has(s.shard.index)) throw new ShardError(`${name(s)} is given twice`);
    seen.add(s.shard.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new ShardError(`${missing.map((i) => `shard ${i}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing (have ${[...seen].map((i) => `${i}/${count}`).join(", ")})`);
  }
  for (const s of sorted) checkShardResults(s, name(s));
  return buildComparison(
    { scenario: ref.scenario, seed: ref.seed, policies: ref.policies, warnings: ref.warnings },
    inCompareOrder(sorted.flatMap((s) => s.results), ref.policies),
  );
}

/**
 * Turns a shard into JSON text that keeps every number exact: NaN, ±Infinity and −0 are written
 * as the strings "NaN", "Infinity", "-Infinity" and "-0" and read back as numbers by
 * {@link parseShard}.
 *
 * @param shard - the shard
 * @returns JSON text ending in a newline
 * @example
 * ```ts
 * process.stdout.write(stringifyShard(runShard(scenario, [policies.minutes, policies.whole], { shard: { index: 0, count: 4 } })));
 * ```
 */
export function stringifyShard(shard: ShardResult): string {
  return `${JSON.stringify(shard, (_key, value: unknown) => (typeof value === "number" ? encodeNumber(value) : value))}\n`;
}

/**
 * Reads shard JSON text (as written by {@link stringifyShard}), checking its shape.
 *
 * @param text - the JSON text
 * @param source - where it came from, for error messages (a file name, say)
 * @returns the shard
 * @throws {ShardError} naming the problem: not JSON, not a shard, an unsupported version, or a
 *   field with the wrong type (with its path)
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const shard = parseShard(readFileSync(0, "utf8"), "stdin"); // a shard piped in on stdin
 * ```
 */
export function parseShard(text: string, source = "shard"): ShardResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ShardError(`${source}: not valid JSON (${(e as Error).message}); was the file cut short?`);
  }
  return validateShard(value, source);
}

/**
 * Writes a shard file atomically: the JSON goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over `path`, so a reader never sees half a file even if the job
 * is killed while writing.
 *
 * @param path - the file to write (its folder must exist)
 * @param shard - the shard
 * @throws {ShardError} naming the path when the file cannot be written
 * @example
 * ```ts
 * writeShardFile("results/shard-3.json", runShard(scenario, [policies.minutes, policies.whole], { replications: 100, shard: { index: 3, count: 10 } }));
 * ```
 */
export function writeShardFile(path: string, shard: ShardResult): void {
  const text = stringifyShard(shard);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = openSync(temp, "wx");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new ShardError(`cannot write shard file ${path}: ${why}`);
  }
}

/**
 * Reads and checks a shard file written by {@link writeShardFile}.
 *
 * @param path - the file
 * @returns the shard
 * @throws {ShardError} naming the file and the problem (missing, not JSON, not a shard, wrong
 *   version, a field with the wrong type)
 * @example
 * ```ts
 * const comparison = mergeShards(["a.json", "b.json", "c.json"].map(readShardFile));
 * ```
 */
export function readShardFile(path: string): ShardResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "the file does not exist" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new ShardError(`cannot read shard file ${path}: ${why}`);
  }
  return parseShard(text, path);
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

/** Every policy has exactly the replications r < R with r ≡ index (mod count), each once. */
function checkShardResults(s: ShardResult, name: string): void {
  const { index, count } = s.shard;
  const { replications, horizonMinutes, warmupMinutes } = s.options;
  const byPolicy = new Map(s.policies.map((p) => [p, new Set<number>()]));
  for (const r of s.results) {
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
    set.add(r.replication);
  }
  for (const [policy, set] of byPolicy) {
    for (let r = index; r < replications; r += count) {
      if (!set.has(r)) throw new ShardError(`${name} lacks replication ${r} of "${policy}"`);
    }
  }
}

/** SHA-256 of a canonical JSON form (Maps, Sets and typed arrays included). */
function fingerprintOf(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { $map: [...v.entries()] };
    if (v instanceof Set) return { $set: [...v] };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { $typed: Array.from(v as unknown as ArrayLike<number>) };
    return typeof v === "number" ? encodeNumber(v) : v;
  });
  return `sha256:${createHash("sha256").update(json ?? "").digest("hex")}`;
}

/** The number a special string written by {@link encodeNumber} stands for, or undefined. */
function decodeNumber(text: string): number | undefined {
  switch (text) {
    case "NaN":
      return Number.NaN;
    case "Infinity":
      return Number.POSITIVE_INFINITY;
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    case "-0":
      return -0;
    default:
      return undefined;
  }
}

function encodeNumber(x: number): number | string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (Object.is(x, -0)) return "-0";
  return x;
}

// --- validation of parsed JSON ---------------------------------------------------------------

type Json = Record<string, unknown>;

function fail(source: string, path: string, expected: string, got: unknown): never {
  const shown = got === undefined ? "nothing" : JSON.stringify(got)?.slice(0, 60);
  throw new ShardError(`${source}: ${path} should be ${expected}, got ${shown}`);
}

function object(source: string, path: string, v: unknown): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(source, path, "an object", v);
  return v as Json;
}

function array(source: string, path: string, v: unknown): unknown[] {
  if (!Array.isArray(v)) fail(source, path, "a list", v);
  return v;
}

function string(source: string, path: string, v: unknown): string {
  if (typeof v !== "string") fail(source, path, "a string", v);
  return v;
}

/** A number, or one of the strings that {@link stringifyShard} writes for NaN, ±Infinity, −0. */
function number(source: string, path: string, v: unknown): number {
  if (typeof v === "number") return v;
  const special = typeof v === "string" ? decodeNumber(v) : undefined;
  if (special === undefined) fail(source, path, "a number", v);
  return special;
}

function wholeNumber(source: string, path: string, v: unknown, min: number): number {
  const n = number(source, path, v);
  if (!Number.isInteger(n) || n < min) fail(source, path, `a whole number ≥ ${min}`, v);
  return n;
}

function validateShard(value: unknown, source: string): ShardResult {
  const o = object(source, "the file", value);
  if (o["format"] !== SHARD_FORMAT) throw new ShardError(`${source}: not a helhet shard (it should have "format": "${SHARD_FORMAT}", got ${JSON.stringify(o["format"]) ?? "none"})`);
  if (o["version"] !== SHARD_VERSION) {
    throw new ShardError(`${source}: shard format version ${JSON.stringify(o["version"]) ?? "(none)"} is not supported; this helhet reads version ${SHARD_VERSION}`);
  }
  const seed = o["seed"];
  if (typeof seed !== "string" && typeof seed !== "number") fail(source, "seed", "a number or a string", seed);
  const policies = array(source, "policies", o["policies"]).map((p, i) => string(source, `policies[${i}]`, p));
  if (policies.length === 0) fail(source, "policies", "a non-empty list", o["policies"]);
  const opts = object(source, "options", o["options"]);
  const fp = object(source, "fingerprint", o["fingerprint"]);
  const sh = object(source, "shard", o["shard"]);
  const count = wholeNumber(source, "shard.count", sh["count"], 1);
  const index = wholeNumber(source, "shard.index", sh["index"], 0);
  if (index >= count) fail(source, "shard.index", `below shard.count (${count})`, sh["index"]);
  const results = array(source, "results", o["results"]).map((r, i) => validateResult(source, `results[${i}]`, r));
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: string(source, "scenario", o["scenario"]),
    seed,
    policies,
    options: {
      replications: wholeNumber(source, "options.replications", opts["replications"], 1),
      horizonMinutes: number(source, "options.horizonMinutes", opts["horizonMinutes"]),
      warmupMinutes: number(source, "options.warmupMinutes", opts["warmupMinutes"]),
      drainMinutes: number(source, "options.drainMinutes", opts["drainMinutes"]),
    },
    fingerprint: { scenario: string(source, "fingerprint.scenario", fp["scenario"]), policies: string(source, "fingerprint.policies", fp["policies"]) },
    shard: { index, count },
    warnings: array(source, "warnings", o["warnings"]).map((w, i) => string(source, `warnings[${i}]`, w)),
    results,
  };
}

function validateResult(source: string, path: string, value: unknown): ReplicationResult {
  const r = object(source, path, value);
  const m = object(source, `${path}.metrics`, r["metrics"]);
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) metrics[k] = number(source, `${path}.metrics[${JSON.stringify(k)}]`, v);
  return {
    policy: string(source, `${path}.policy`, r["policy"]),
    replication: wholeNumber(source, `${path}.replication`, r["replication"], 0),
    metrics,
    endToEndDays: array(source, `${path}.endToEndDays`, r["endToEndDays"]).map((x, i) => number(source, `${path}.endToEndDays[${i}]`, x)),
    dailyOpenNeeds: array(source, `${path}.dailyOpenNeeds`, r["dailyOpenNeeds"]).map((x, i) => number(source, `${path}.dailyOpenNeeds[${i}]`, x)),
    horizonMinutes: number(source, `${path}.horizonMinutes`, r["horizonMinutes"]),
    warmupMinutes: number(source, `${path}.warmupMinutes`, r["warmupMinutes"]),
    unstableTeams: array(source, `${path}.unstableTeams`, r["unstableTeams"] ?? []).map((x, i) => string(source, `${path}.unstableTeams[${i}]`, x)),
  };
}
