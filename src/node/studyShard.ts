/**
 * Sharding a sensitivity study or a winner map over many machines: shard k of n runs the
 * study's items i with i mod n = k (a sensitivity study's parameters, each with its bisection,
 * then its joint samples; a map's cells, row by row), and every shard runs the baseline. A
 * shard file carries its part, and fingerprints of the scenario, the policies and the options;
 * {@link mergeStudyShards} checks that the shards belong together (same fingerprints, same
 * study, every shard once) and assembles exactly the study a single run gives.
 *
 * @packageDocumentation
 */
import { z } from "zod";
import {
  assembleSensitivity,
  assembleWinnerMap,
  runStudySteps,
  sensitivityRun,
  studyCompareOptions,
  winnerMapRun,
  type SensitivityOptions,
  type SensitivityPart,
  type SensitivityStudy,
  type WinnerMap,
  type WinnerMapAxis,
  type WinnerMapOptions,
  type WinnerMapPart,
} from "../experiment/index.js";
import { runWindow } from "../model/index.js";
import type { Policy } from "../policy/index.js";
import type { Scenario } from "../scenario/index.js";
import { fingerprintOf } from "./exactNumbers.js";
import { ShardError, type ShardSpec } from "./shard.js";
import { readShardText, shardJson } from "./shardFile.js";

/**
 * The `format` field of a study shard file.
 *
 * @example
 * ```ts
 * JSON.parse(text).format === STUDY_SHARD_FORMAT; // a shard of a sensitivity study or a winner map
 * ```
 */
export const STUDY_SHARD_FORMAT = "helhet-study-shard";

/** Fingerprints of what a shard ran: shards merge only when all three agree. */
export interface StudyFingerprint {
  readonly scenario: string;
  readonly policies: string;
  /** The study's options: window, replications, seed, and the parameters, ranges and steps or the grid. */
  readonly options: string;
}

/** One shard of a sensitivity study or a winner map. */
export type StudyShard =
  | { readonly format: typeof STUDY_SHARD_FORMAT; readonly version: 1; readonly kind: "sensitivity"; readonly fingerprint: StudyFingerprint; readonly part: SensitivityPart }
  | { readonly format: typeof STUDY_SHARD_FORMAT; readonly version: 1; readonly kind: "map"; readonly fingerprint: StudyFingerprint; readonly part: WinnerMapPart };

/** What merging gives: the study of the shards' kind. */
export type MergedStudy = { readonly kind: "sensitivity"; readonly study: SensitivityStudy } | { readonly kind: "map"; readonly study: WinnerMap };

/**
 * Runs shard `index` of `count` of a sensitivity study: the parameters (and joint samples) i
 * with i mod count = index, and the baseline.
 *
 * @param scenario - the scenario
 * @param policies - two policies
 * @param options - as `sensitivity`, and the shard (count at most the parameters and samples)
 * @returns the shard
 * @throws as `sensitivity`, or RangeError for a bad shard
 * @example
 * ```ts
 * const shard = runSensitivityShard(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 3, shard: { index: 0, count: 4 } });
 * ```
 */
export function runSensitivityShard(scenario: Scenario, policies: readonly Policy[], options: SensitivityOptions & { readonly shard: ShardSpec }): StudyShard {
  const { shard, ...study } = options;
  const part = runStudySteps(sensitivityRun(scenario, policies, study, shard), studyCompareOptions(study));
  const settings = { window: runWindow(scenario, study), replications: part.study.replications, seed: part.study.seed, params: study.params ?? null, ranges: study.ranges ?? {}, bisectionSteps: part.study.bisectionSteps, samples: part.samples };
  return { format: STUDY_SHARD_FORMAT, version: 1, kind: "sensitivity", fingerprint: fingerprints(scenario, policies, settings), part };
}

/**
 * Runs shard `index` of `count` of a winner map: the cells i (row by row) with i mod count = index.
 *
 * @param scenario - the scenario
 * @param policies - two policies
 * @param grid - the x and y axes
 * @param options - as `winnerMap`, and the shard (count at most the cells)
 * @returns the shard
 * @throws as `winnerMap`, or RangeError for a bad shard
 * @example
 * ```ts
 * const shard = runWinnerMapShard(loadScenario("teaching"), [policies.minutes, policies.whole], grid, { replications: 3, shard: { index: 1, count: 2 } });
 * ```
 */
export function runWinnerMapShard(
  scenario: Scenario,
  policies: readonly Policy[],
  grid: { readonly x: WinnerMapAxis; readonly y: WinnerMapAxis },
  options: WinnerMapOptions & { readonly shard: ShardSpec },
): StudyShard {
  const { shard, onWarning, ...rest } = options;
  const part = runStudySteps(winnerMapRun(scenario, policies, grid, { ...rest, ...(onWarning === undefined ? {} : { onWarning }) }, shard), rest);
  const settings = { window: runWindow(scenario, rest), replications: part.map.replications, seed: part.map.seed, x: part.map.x, y: part.map.y };
  return { format: STUDY_SHARD_FORMAT, version: 1, kind: "map", fingerprint: fingerprints(scenario, policies, settings), part };
}

function fingerprints(scenario: Scenario, policies: readonly Policy[], settings: unknown): StudyFingerprint {
  return { scenario: fingerprintOf(scenario), policies: fingerprintOf(policies), options: fingerprintOf(settings) };
}

/**
 * Merges every shard of one study into the study: exactly the one a single run gives
 * (`JSON.stringify` of both is the same text), whatever order the shards come in.
 *
 * @param shards - every shard of the study, each once
 * @param sources - where each came from (file names), for the messages; optional
 * @returns the study and its kind
 * @throws {ShardError} when there are none, when they do not belong together (kind,
 *   fingerprints, shard count or the study's settings differ), or when a shard is missing or
 *   given twice
 * @example
 * ```ts
 * const merged = mergeStudyShards(["s0.json", "s1.json"].map(readStudyShardFile), ["s0.json", "s1.json"]);
 * if (merged.kind === "sensitivity") console.log(merged.study.parameters.length);
 * ```
 */
export function mergeStudyShards(shards: readonly StudyShard[], sources?: readonly string[]): MergedStudy {
  const ref = shards[0];
  if (ref === undefined) throw new ShardError("no shards to merge");
  const name = (i: number) => `shard ${shards[i]!.part.part.index}/${shards[i]!.part.part.count}${sources?.[i] === undefined ? "" : ` (${sources[i]})`}`;
  const meta = (s: StudyShard) => JSON.stringify(s.kind === "sensitivity" ? [s.part.study, s.part.items, s.part.samples] : s.part.map);
  const count = ref.part.part.count;
  const seen = new Map<number, number>();
  shards.forEach((s, i) => {
    if (s.kind !== ref.kind) throw new ShardError(`${name(i)} is a shard of a ${s.kind === "map" ? "winner map" : "sensitivity study"}, ${name(0)} of a ${ref.kind === "map" ? "winner map" : "sensitivity study"}`);
    for (const [field, what] of [
      ["scenario", "the scenario was edited between runs"],
      ["policies", "a policy was edited between runs"],
      ["options", "the options differ"],
    ] as const) {
      if (s.fingerprint[field] !== ref.fingerprint[field]) throw new ShardError(`${name(i)} does not belong with ${name(0)}: its ${field} fingerprint differs (${what})`);
    }
    if (s.part.part.count !== count) throw new ShardError(`${name(i)} does not belong with ${name(0)}: it is one of ${s.part.part.count} shards, not ${count}`);
    if (meta(s) !== meta(ref)) throw new ShardError(`${name(i)} does not belong with ${name(0)}: their baselines or settings differ (written by another version of helhet?)`);
    const twice = seen.get(s.part.part.index);
    if (twice !== undefined) throw new ShardError(`${name(i)} is given twice (also ${name(twice)})`);
    seen.set(s.part.part.index, i);
  });
  for (let k = 0; k < count; k++) if (!seen.has(k)) throw new ShardError(`shard ${k}/${count} is missing (have ${[...seen.keys()].sort((a, b) => a - b).map((x) => `${x}/${count}`).join(", ")})`);
  try {
    if (ref.kind === "sensitivity") return { kind: "sensitivity", study: assembleSensitivity(shards.map((s) => s.part as SensitivityPart)) };
    return { kind: "map", study: assembleWinnerMap(shards.map((s) => s.part as WinnerMapPart)) };
  } catch (e) {
    if (e instanceof RangeError) throw new ShardError(`the shards do not make one study: ${e.message}`);
    throw e;
  }
}

/**
 * A study shard as JSON text ending in a newline.
 *
 * @param shard - the shard
 * @returns the text
 * @example
 * ```ts
 * writeFileSync("s0.json", stringifyStudyShard(shard));
 * ```
 */
export function stringifyStudyShard(shard: StudyShard): string {
  return `${JSON.stringify(shard)}\n`;
}

/**
 * Whether parsed JSON is a study shard (by its `format` field), so `helhet merge` can tell it
 * from a comparison's or a factorial study's shard.
 *
 * @param value - parsed JSON
 * @returns true for a study shard
 * @example
 * ```ts
 * isStudyShardJson({ format: "helhet-study-shard" }); //=> true
 * ```
 */
export function isStudyShardJson(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === STUDY_SHARD_FORMAT;
}

// JSON writes NaN and ±Infinity as null: a number field may hold null
const num = z.number().nullable();
const int = z.number().int().nonnegative();
const value = z.union([z.number(), z.string()]);
const diff = z.strictObject({ mean: num, ci95: z.tuple([num, num]).nullable(), sign: z.union([z.literal(-1), z.literal(0), z.literal(1)]) });
const diffs = z.record(z.string(), diff);
const strings = z.array(z.string());
const head = {
  scenario: z.string(),
  seed: z.union([z.number(), z.string()]),
  replications: z.number().int().min(2),
  horizonDays: z.number(),
  warmupDays: z.number(),
  policies: z.tuple([z.string(), z.string()]),
  outcomes: z.array(z.strictObject({ metric: z.string(), label: z.string() })),
};
const partSpec = z.strictObject({ index: int, count: z.number().int().min(1) });
const row = z.strictObject({
  path: z.string(),
  kind: z.enum(["number", "duration", "rate"]),
  value: z.number(),
  low: z.number(),
  high: z.number(),
  text: z.strictObject({ value, low: value, high: value }),
  rangeFrom: z.enum(["documented", "halfToDouble", "given"]),
  atLow: diffs,
  atHigh: diffs,
  swing: z.record(z.string(), num),
  flips: z.record(z.string(), z.strictObject({ flips: z.boolean(), at: num, atText: value.nullable(), bracket: z.tuple([z.number(), z.number()]).nullable(), steps: int })),
  warnings: strings,
});
const point = z.strictObject({ values: z.array(z.number()), text: z.array(value), differences: diffs, warnings: strings });
const sensitivityPart = z.strictObject({
  study: z.strictObject({ ...head, baseline: diffs, bisectionSteps: z.number().int().min(0).max(10), skipped: z.array(z.strictObject({ path: z.string(), reason: z.string() })), warnings: strings }),
  items: z.number().int().min(1),
  samples: int,
  part: partSpec,
  rows: z.array(z.strictObject({ index: int, row })),
  points: z.array(z.strictObject({ index: int, point })),
});
const axis = z.strictObject({ path: z.string(), values: z.array(value).min(1) });
const mapPart = z.strictObject({
  map: z.strictObject({ ...head, x: axis, y: axis }),
  part: partSpec,
  cells: z.array(z.strictObject({ index: int, cell: z.strictObject({ x: value, y: value, outcomes: z.record(z.string(), diff.extend({ winner: z.string() })), warnings: strings }) })),
});
const fingerprint = z.strictObject({ scenario: z.string(), policies: z.string(), options: z.string() });
const shardSchema = z.discriminatedUnion("kind", [
  z.strictObject({ format: z.literal(STUDY_SHARD_FORMAT), version: z.literal(1), kind: z.literal("sensitivity"), fingerprint, part: sensitivityPart }),
  z.strictObject({ format: z.literal(STUDY_SHARD_FORMAT), version: z.literal(1), kind: z.literal("map"), fingerprint, part: mapPart }),
]);

/**
 * Reads study shard JSON text, checking its shape.
 *
 * @param text - the JSON text
 * @param source - where it came from, for messages
 * @returns the shard (the parsed JSON as written, so that merging keeps its field order)
 * @throws {ShardError} naming the problem: not JSON, not a study shard, or a field with the wrong type (with its path)
 * @example
 * ```ts
 * const shard = parseStudyShard(readFileSync("s0.json", "utf8"), "s0.json");
 * ```
 */
export function parseStudyShard(text: string, source = "shard"): StudyShard {
  const value = shardJson(text, source);
  if (!isStudyShardJson(value)) throw new ShardError(`${source}: not a study shard (its format should be "${STUDY_SHARD_FORMAT}")`);
  const checked = shardSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const path = issue.path.length === 0 ? "the file" : issue.path.map(String).join(".");
    throw new ShardError(`${source}: ${path}: ${issue.message}`);
  }
  // the shape is checked; the value as parsed keeps the order of its fields
  return value as StudyShard;
}

/**
 * Reads and checks a study shard file.
 *
 * @param path - the file
 * @returns the shard
 * @throws {ShardError} naming the file and the problem
 * @example
 * ```ts
 * const merged = mergeStudyShards(["s0.json", "s1.json"].map(readStudyShardFile));
 * ```
 */
export function readStudyShardFile(path: string): StudyShard {
  return parseStudyShard(readShardText(path), path);
}
