/**
 * Shard files: a shard written as JSON (numbers that JSON cannot hold kept exactly),
 * atomically, and read back with every field validated, so that a wrong or damaged file is
 * named with the field, the value and what was expected. Running and merging shards is in
 * shard.ts.
 *
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import type { ReplicationResult, ReplicationSeries } from "../experiment/index.js";
import { SERIES_PERIODS, type SeriesPeriod } from "../model/index.js";
import { writeErrorReason, writeFileAtomic } from "./atomicWrite.js";
import { decodeNumber, encodeNumber } from "./exactNumbers.js";
import { SHARD_FORMAT, SHARD_VERSION, ShardError, type ShardResult } from "./shard.js";

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
  return validateShard(shardJson(text, source), source);
}

/**
 * A shard file's text as JSON, not yet validated; a ShardError naming the source if it is not
 * JSON (a file cut short, most likely). Study shards (studyShard.ts) are read with it too.
 *
 * @param text - the file's text
 * @param source - the file, for the message
 * @returns the parsed JSON
 * @throws {ShardError} when the text is not JSON
 * @example
 * ```ts
 * shardJson("{", "s0.json"); // throws ShardError "s0.json: not valid JSON (…); was the file cut short?"
 * ```
 */
export function shardJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ShardError(`${source}: not valid JSON (${(e as Error).message}); was the file cut short?`);
  }
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
  try {
    writeFileAtomic(path, stringifyShard(shard));
  } catch (e) {
    throw new ShardError(`cannot write shard file ${path}: ${writeErrorReason(e)}`);
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
  return parseShard(readShardText(path), path);
}

/**
 * The text of a shard file of any kind.
 *
 * @param path - the file
 * @returns its text
 * @throws {ShardError} naming the file when it cannot be read (missing, a folder, no access)
 * @example
 * ```ts
 * parseShard(readShardText("results/shard-0.json"), "results/shard-0.json");
 * ```
 */
export function readShardText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "the file does not exist" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new ShardError(`cannot read shard file ${path}: ${why}`);
  }
}

// --- validation of parsed JSON ---------------------------------------------------------------

type Json = Record<string, unknown>;

function fail(source: string, path: string, expected: string, got: unknown): never {
  throw new ShardError(`${source}: ${path} should be ${expected}, got ${shown(got)}`);
}

/** A value for a message: short, and never walking a deep structure. */
function shown(v: unknown): string {
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v !== null && typeof v === "object") return "an object";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
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
  const replications = wholeNumber(source, "options.replications", opts["replications"], 1);
  if (count > replications) fail(source, "shard.count", `at most options.replications (${replications})`, sh["count"]);
  const results = array(source, "results", o["results"]).map((r, i) => validateResult(source, `results[${i}]`, r));
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: string(source, "scenario", o["scenario"]),
    seed,
    policies,
    options: {
      replications,
      horizonMinutes: number(source, "options.horizonMinutes", opts["horizonMinutes"]),
      warmupMinutes: number(source, "options.warmupMinutes", opts["warmupMinutes"]),
      drainMinutes: number(source, "options.drainMinutes", opts["drainMinutes"]),
      ...(opts["series"] === undefined ? {} : { series: seriesPeriod(source, "options.series", opts["series"]) }),
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
  for (const [k, v] of Object.entries(m)) {
    if (k in Object.prototype) fail(source, `${path}.metrics`, "metric names", k);
    metrics[k] = number(source, `${path}.metrics[${JSON.stringify(k)}]`, v);
  }
  return {
    policy: string(source, `${path}.policy`, r["policy"]),
    replication: wholeNumber(source, `${path}.replication`, r["replication"], 0),
    metrics,
    endToEndDays: array(source, `${path}.endToEndDays`, r["endToEndDays"]).map((x, i) => number(source, `${path}.endToEndDays[${i}]`, x)),
    dailyOpenNeeds: array(source, `${path}.dailyOpenNeeds`, r["dailyOpenNeeds"]).map((x, i) => number(source, `${path}.dailyOpenNeeds[${i}]`, x)),
    horizonMinutes: number(source, `${path}.horizonMinutes`, r["horizonMinutes"]),
    warmupMinutes: number(source, `${path}.warmupMinutes`, r["warmupMinutes"]),
    unstableTeams: array(source, `${path}.unstableTeams`, r["unstableTeams"] ?? []).map((x, i) => string(source, `${path}.unstableTeams[${i}]`, x)),
    ...(r["series"] === undefined ? {} : { series: validateSeries(source, `${path}.series`, r["series"]) }),
  };
}

function seriesPeriod(source: string, path: string, v: unknown): SeriesPeriod | false {
  if (v === false || (typeof v === "string" && (SERIES_PERIODS as readonly string[]).includes(v))) return v as SeriesPeriod | false;
  return fail(source, path, `one of ${SERIES_PERIODS.join(", ")} or false`, v);
}

function numbers(source: string, path: string, v: unknown): number[] {
  return array(source, path, v).map((x, i) => number(source, `${path}[${i}]`, x));
}

function validateSeries(source: string, path: string, value: unknown): ReplicationSeries {
  const s = object(source, path, value);
  const period = seriesPeriod(source, `${path}.period`, s["period"]);
  if (period === false) fail(source, `${path}.period`, `one of ${SERIES_PERIODS.join(", ")}`, false);
  const start = numbers(source, `${path}.start`, s["start"]);
  const end = numbers(source, `${path}.end`, s["end"]);
  if (end.length !== start.length) fail(source, `${path}.end`, `a list of ${start.length} numbers, like start`, s["end"]);
  const values: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(object(source, `${path}.values`, s["values"]))) {
    values[k] = numbers(source, `${path}.values[${JSON.stringify(k)}]`, v);
    if (values[k].length !== start.length) fail(source, `${path}.values[${JSON.stringify(k)}]`, `a list of ${start.length} numbers, one per period`, v);
  }
  return { period, start, end, values };
}
