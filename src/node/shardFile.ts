/**
 * Shard files: a shard written as JSON (numbers that JSON cannot hold kept exactly),
 * atomically, and read back with every field checked by a zod schema, so that a wrong or
 * damaged file is named with the field, the value and what was expected. Running and merging shards is in
 * shard.ts.
 *
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { SERIES_PERIODS } from "../model/index.js";
import { formatPath } from "../scenario/errors.js";
import { valueAt } from "../scenario/zodIssues.js";
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

// The shape of a shard file. Each schema's message is what it expects, for "<path> should be
// <expected>, got <value>". A number may be a string stringifyShard writes for NaN, ±Infinity or
// −0; z.number() is the quick test, but refuses the infinity JSON.parse gives for, say, 1e400.
const plainNumber = z.custom<number>((v) => typeof v === "number");
const aNumber = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity", "-0"]).transform((t) => decodeNumber(t)!), plainNumber], { error: "a number" });
const numbers = z.array(aNumber, { error: "a list" });
const whole = (min: number) => aNumber.refine((n) => Number.isInteger(n) && n >= min, `a whole number ≥ ${min}`);
const aString = z.string({ error: "a string" });
const strings = z.array(aString, { error: "a list" });
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { error: "an object" });
const period = z.enum(SERIES_PERIODS, { error: `one of ${SERIES_PERIODS.join(", ")}` });
// a key that names a property of every object ("constructor", "__proto__") is refused: a record
// would drop "__proto__" unseen
const record = <T extends z.ZodType>(value: T, names: string) =>
  z.preprocess((m, ctx) => {
    const odd = typeof m === "object" && m !== null ? Object.keys(m).find((k) => k in Object.prototype) : undefined;
    if (odd !== undefined) ctx.addIssue({ code: "custom", message: names, params: { got: odd } });
    return m;
  }, z.record(z.string(), value, { error: "an object" }));
const series = object({
  period,
  start: numbers,
  end: numbers,
  values: record(numbers, "series names"),
}).superRefine((s, ctx) => {
  const n = s.start.length;
  if (s.end.length !== n) ctx.addIssue({ code: "custom", path: ["end"], message: `a list of ${n} numbers, like start` });
  for (const [k, v] of Object.entries(s.values)) if (v.length !== n) ctx.addIssue({ code: "custom", path: ["values", k], message: `a list of ${n} numbers, one per period` });
});
const result = object({
  policy: aString,
  replication: whole(0),
  metrics: record(aNumber, "metric names"),
  endToEndDays: numbers,
  dailyOpenNeeds: numbers,
  horizonMinutes: aNumber,
  warmupMinutes: aNumber,
  unstableTeams: strings.nullish().transform((t) => t ?? []), // absent in shards of earlier versions
  series: series.optional(),
});
const shardSchema = object({
  format: z.literal(SHARD_FORMAT),
  version: z.literal(SHARD_VERSION),
  scenario: aString,
  seed: z.union([plainNumber, aString], { error: "a number or a string" }),
  policies: strings.min(1, "a non-empty list"),
  options: object({
    replications: whole(1),
    horizonMinutes: aNumber,
    warmupMinutes: aNumber,
    drainMinutes: aNumber,
    series: z.union([period, z.literal(false)], { error: `one of ${SERIES_PERIODS.join(", ")} or false` }).optional(),
  }),
  fingerprint: object({ scenario: aString, policies: aString }),
  shard: object({ index: whole(0), count: whole(1) }),
  warnings: strings,
  results: z.array(result, { error: "a list" }),
}).superRefine(({ shard, options }, ctx) => {
  if (shard.index >= shard.count) ctx.addIssue({ code: "custom", path: ["shard", "index"], message: `below shard.count (${shard.count})` });
  else if (shard.count > options.replications) ctx.addIssue({ code: "custom", path: ["shard", "count"], message: `at most options.replications (${options.replications})` });
});

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
  const value = shardJson(text, source);
  // a list or a lone value is "the file should be an object" (from the schema)
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { format, version } = value as { format?: unknown; version?: unknown };
    if (format !== SHARD_FORMAT) throw new ShardError(`${source}: not a helhet shard (it should have "format": "${SHARD_FORMAT}", got ${JSON.stringify(format) ?? "none"})`);
    if (version !== SHARD_VERSION) throw new ShardError(`${source}: shard format version ${JSON.stringify(version) ?? "(none)"} is not supported; this helhet reads version ${SHARD_VERSION}`);
  }
  const checked = shardSchema.safeParse(value);
  if (checked.success) return checked.data;
  // the first problem: each schema's message says what it expects; the value is the one in the file
  const issue = checked.error.issues[0]!;
  const where = issue.path.length === 0 ? "the file" : formatPath(issue.path);
  const got = issue.code === "custom" && issue.params?.["got"] !== undefined ? issue.params["got"] : valueAt(value, issue.path);
  throw new ShardError(`${source}: ${where} should be ${issue.message}, got ${shown(got)}`);
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

/** A value for a message: short, and never walking a deep structure. */
function shown(v: unknown): string {
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v !== null && typeof v === "object") return "an object";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
