/**
 * Generated shard files (issue 14): the two shards of a small experiment with their headers and
 * contents edited — counts and indices (0, huge, 1e300, fractions, strings), replications, the
 * window (negative, zero, NaN, infinite), seeds, policies, warnings, fingerprints, results
 * dropped, repeated or moved, metrics set to NaN, infinities or huge values, metric names such as
 * `__proto__`, end-to-end times nested thousands deep. `shardProblems` reads and merges them and
 * returns every way that went wrong: an error other than a ShardError, a message that does not
 * name the file or spans lines, a slow answer, or a merged comparison with NaN, infinities or
 * another replication count; and, with no edit, anything but the comparison of one run.
 */
import fc from "fast-check";
import { compare, loadScenario, policies } from "../../src/index.js";
import { mergeShards, parseShard, runShard, ShardError, stringifyShard } from "../../src/node.js";
import { comparisonViolations } from "./invariants.js";

const OPTIONS = { replications: 2, seed: 3, horizon: "1 week", warmup: "1 day" };
type Json = Record<string, any>;

/** The two shards as written, and the comparison one run gives. */
export function baseShards(): { texts: string[]; serial: string } {
  const scenario = loadScenario("teaching");
  const pair = [policies.minutes, policies.whole];
  const texts = [0, 1].map((index) => stringifyShard(runShard(scenario, pair, { ...OPTIONS, shard: { index, count: 2 } })));
  return { texts, serial: JSON.stringify(compare(scenario, pair, OPTIONS)) };
}

const NUMBERS: unknown[] = [0, 1, 2, 3, -1, 0.5, 1e8, 1e15, 1e300, "NaN", "Infinity", "-0", "2", null, 1e308];

export type ShardEdit =
  | { kind: "set"; shard: 0 | 1; path: string; value: unknown }
  | { kind: "dropResult" | "repeatResult"; shard: 0 | 1; at: number }
  | { kind: "metric"; shard: 0 | 1; at: number; name: string; value: unknown }
  | { kind: "deleteMetric"; shard: 0 | 1; at: number }
  | { kind: "nest"; shard: 0 | 1; at: number; depth: number };

const shardIx = fc.constantFrom<0 | 1>(0, 1);
const at = fc.nat({ max: 3 });

/** One edit of one of the two shards. */
export const shardEditArb: fc.Arbitrary<ShardEdit> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    shard: shardIx,
    path: fc.constantFrom("shard.count", "shard.index", "options.replications", "options.horizonMinutes", "options.warmupMinutes", "options.drainMinutes", "seed", "results.0.replication", "results.0.horizonMinutes", "format", "version"),
    value: fc.constantFrom(...NUMBERS),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    shard: shardIx,
    path: fc.constantFrom("policies", "warnings", "fingerprint.scenario", "results.0.policy", "scenario", "results.0.unstableTeams"),
    value: fc.constantFrom<unknown>([], ["minutes"], ["whole", "minutes"], ["minutes", "minutes"], ["load"], "sha256:0", "hybrid", "soderhamn", 7),
  }),
  fc.record({ kind: fc.constantFrom("dropResult" as const, "repeatResult" as const), shard: shardIx, at }),
  fc.record({ kind: fc.constant("metric" as const), shard: shardIx, at, name: fc.constantFrom("endToEndDays.mean", "arrived", "__proto__", "constructor", "toString", "extra"), value: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant("deleteMetric" as const), shard: shardIx, at }),
  fc.record({ kind: fc.constant("nest" as const), shard: shardIx, at, depth: fc.constantFrom(1, 2, 50, 5000) }),
);

function setPath(o: Json, path: string, value: unknown): void {
  const keys = path.split(".");
  let x: any = o;
  for (const k of keys.slice(0, -1)) {
    if (x === null || typeof x !== "object") return;
    x = x[k];
  }
  if (x !== null && typeof x === "object") x[keys.at(-1)!] = structuredClone(value);
}

/** The shard files' texts after the edits. */
export function editedTexts(texts: readonly string[], edits: readonly ShardEdit[]): string[] {
  const docs: Json[] = texts.map((t) => JSON.parse(t));
  const nests: Array<{ shard: number; mark: string; depth: number }> = [];
  for (const e of edits) {
    const d = docs[e.shard]!;
    const results: Json[] = Array.isArray(d["results"]) ? d["results"] : [];
    const r = e.kind === "set" ? undefined : results[e.at % Math.max(1, results.length)];
    switch (e.kind) {
      case "set":
        setPath(d, e.path, e.value);
        break;
      case "dropResult":
        results.splice(e.at % Math.max(1, results.length), 1);
        break;
      case "repeatResult":
        if (r !== undefined) results.push(structuredClone(r));
        break;
      case "metric":
        if (r !== undefined) Object.defineProperty(r["metrics"], e.name, { value: e.value, enumerable: true, writable: true, configurable: true });
        break;
      case "deleteMetric":
        if (r !== undefined) delete r["metrics"][Object.keys(r["metrics"])[0]!];
        break;
      case "nest":
        // the first end-to-end time nested `depth` deep: a mark now, text surgery at the end
        // (JSON.stringify of a deep structure would need a deep stack)
        if (r !== undefined && Array.isArray(r["endToEndDays"]) && r["endToEndDays"].length > 0) {
          const mark = `@nest${nests.length}@`;
          r["endToEndDays"][0] = mark;
          nests.push({ shard: e.shard, mark, depth: e.depth });
        }
        break;
    }
  }
  return docs.map((d, i) => {
    let text = JSON.stringify(d);
    for (const n of nests.filter((x) => x.shard === i)) text = text.replace(`"${n.mark}"`, `${"[".repeat(n.depth)}1${"]".repeat(n.depth)}`);
    return text;
  });
}

/** Reads and merges the edited files; returns what went wrong (an empty list when all is well). */
export function shardProblems(base: { texts: string[]; serial: string }, edits: readonly ShardEdit[]): string[] {
  const texts = editedTexts(base.texts, edits);
  const names = ["a.json", "b.json"];
  const problems: string[] = [];
  const t0 = performance.now();
  let merged;
  try {
    merged = mergeShards(
      texts.map((t, i) => parseShard(t, names[i])),
      names,
    );
  } catch (e) {
    if (!(e instanceof ShardError)) return [`${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`];
    if (edits.length === 0) problems.push(`the unedited shards were refused: ${e.message}`);
    if (!names.some((n) => e.message.includes(n))) problems.push(`the message names no file: ${e.message}`);
    if (e.message.includes("\n") || e.message.length > 600) problems.push(`the message has several lines or ${e.message.length} characters: ${e.message.slice(0, 200)}`);
  }
  const ms = performance.now() - t0;
  if (ms > 2000) problems.push(`took ${Math.round(ms)} ms`);
  if (merged !== undefined) {
    problems.push(...comparisonViolations(merged));
    if (merged.replications !== OPTIONS.replications) problems.push(`merged ${merged.replications} replications, not ${OPTIONS.replications}`);
    if (edits.length === 0 && JSON.stringify(merged) !== base.serial) problems.push("the unedited shards do not merge into the comparison of one run");
  }
  return problems;
}
