import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compare, loadScenario, policies, type Policy } from "../../src/index.js";
import {
  mergeShards,
  parseShard,
  readShardFile,
  runShard,
  ShardError,
  stringifyShard,
  writeShardFile,
  type ShardResult,
} from "../../src/node.js";

const scenario = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];
const OPTIONS = { replications: 7, seed: 4, horizon: "16 weeks", warmup: "4 weeks" };
const serial = compare(scenario, pair, OPTIONS);
const shards = [0, 1, 2].map((index) => runShard(scenario, pair, { ...OPTIONS, shard: { index, count: 3 } }));

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "helhet-shard-"));
}

/** A copy of a shard with some fields changed. */
function edit(s: ShardResult, change: Partial<ShardResult>): ShardResult {
  return { ...s, ...change };
}

describe("runShard", () => {
  it("runs the replications r ≡ k (mod n) of every policy, in compare order", () => {
    expect(shards[1]!.results.map((r) => `${r.replication}${r.policy[0]}`)).toEqual(["1m", "1w", "4m", "4w"]);
    expect(shards[0]!.results).toHaveLength(3 * 2);
    expect(shards[0]).toMatchObject({
      format: "helhet-shard",
      version: 1,
      scenario: "teaching",
      seed: 4,
      policies: ["minutes", "whole"],
      options: { replications: 7, horizonMinutes: 16 * 10080, warmupMinutes: 4 * 10080, drainMinutes: scenario.drainMinutes },
      shard: { index: 0, count: 3 },
    });
    expect(shards[0]!.fingerprint.scenario).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("reports progress within the shard", () => {
    const seen: Array<[number, number]> = [];
    runShard(scenario, pair, { ...OPTIONS, replications: 5, horizon: "6 weeks", warmup: "1 week", shard: { index: 1, count: 2 }, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  it("names a bad shard", () => {
    expect(() => runShard(scenario, pair, { ...OPTIONS, shard: { index: 3, count: 3 } })).toThrow(/shard index must be a whole number from 0 to 2 \(shards are numbered from 0\), got 3/);
    expect(() => runShard(scenario, pair, { ...OPTIONS, shard: { index: 0, count: 0 } })).toThrow(/shard count must be a whole number ≥ 1, got 0/);
    expect(() => runShard(scenario, pair, { ...OPTIONS, shard: { index: -1, count: 2 } })).toThrow(/shard index/);
  });
});

describe("mergeShards", () => {
  it("gives exactly the serial Comparison, whatever order the shards come in", () => {
    for (const order of [[2, 0, 1], [1, 2, 0], [0, 1, 2]]) {
      const merged = mergeShards(order.map((i) => shards[i]!));
      expect(merged).toEqual(serial);
      expect(JSON.stringify(merged)).toBe(JSON.stringify(serial));
    }
  });

  it("merges the series over time exactly: by week by default, by day when asked", () => {
    expect(serial.series?.period).toBe("week");
    const day = { ...OPTIONS, replications: 3, series: "day" as const };
    const parts = [0, 1].map((index) => runShard(scenario, pair, { ...day, shard: { index, count: 2 } }));
    expect(parts[0]!.options.series).toBe("day");
    const merged = mergeShards(parts.map((p) => parseShard(stringifyShard(p))));
    const direct = compare(scenario, pair, day);
    expect(merged.series?.period).toBe("day");
    expect(JSON.stringify(merged)).toBe(JSON.stringify(direct));
    const week = runShard(scenario, pair, { ...day, shard: { index: 1, count: 2 }, series: "week" });
    expect(() => mergeShards([parts[0]!, week])).toThrow(/its options is/);
  });

  it("merges shards written to and read from files", () => {
    const dir = tempDir();
    shards.forEach((s, i) => writeShardFile(join(dir, `shard-${i}.json`), s));
    expect(readdirSync(dir).sort()).toEqual(["shard-0.json", "shard-1.json", "shard-2.json"]);
    const back = ["shard-2.json", "shard-0.json", "shard-1.json"].map((f) => readShardFile(join(dir, f)));
    expect(back[1]).toEqual(shards[0]);
    expect(JSON.stringify(mergeShards(back))).toBe(JSON.stringify(serial));
  });

  it("refuses more shards than replications (some would be empty)", () => {
    const opts = { ...OPTIONS, replications: 3 };
    expect(() => runShard(scenario, pair, { ...opts, shard: { index: 0, count: 5 } })).toThrow(/shard count must be at most the replications \(3\), got 5/);
    const three = [2, 1, 0].map((index) => runShard(scenario, pair, { ...opts, shard: { index, count: 3 } }));
    expect(mergeShards(three)).toEqual(compare(scenario, pair, opts));
  });

  it("carries warnings, which must be the same in every shard", () => {
    const w = [0, 1].map((index) => runShard(scenario, pair, { ...OPTIONS, replications: 2, horizon: "6 weeks", warmup: "1 week", warnings: ["load above 1"], shard: { index, count: 2 } }));
    expect(mergeShards(w).warnings).toEqual(["load above 1"]);
    expect(() => mergeShards([w[0]!, edit(w[1]!, { warnings: [] })])).toThrow(/shard 1\/2 does not belong with shard 0\/2: its warnings is \[\], not \["load above 1"\]/);
  });

  it("says which shard is missing or given twice", () => {
    expect(() => mergeShards([])).toThrow(ShardError);
    expect(() => mergeShards([])).toThrow("no shards to merge");
    expect(() => mergeShards([shards[0]!, shards[2]!])).toThrow("shard 1/3 is missing (have 0/3, 2/3)");
    expect(() => mergeShards([shards[2]!])).toThrow("shard 0/3, shard 1/3 are missing (have 2/3)");
    expect(() => mergeShards([shards[0]!, shards[1]!, shards[1]!, shards[2]!])).toThrow("shard 1/3 is given twice");
  });

  it("refuses shards that do not belong together, naming what differs", () => {
    const [a, b, c] = shards as [ShardResult, ShardResult, ShardResult];
    expect(() => mergeShards([a, edit(b, { seed: 5 }), c])).toThrow("shard 1/3 does not belong with shard 0/3: its seed is 5, not 4");
    expect(() => mergeShards([a, b, edit(c, { scenario: "soderhamn" })])).toThrow(/its scenario is "soderhamn", not "teaching"/);
    expect(() => mergeShards([a, b, edit(c, { policies: ["whole", "minutes"] })])).toThrow(/its policies is \["whole","minutes"\]/);
    expect(() => mergeShards([a, b, edit(c, { options: { ...c.options, replications: 8 } })])).toThrow(/its options is/);
    expect(() => mergeShards([a, edit(b, { shard: { index: 1, count: 4 } }), c])).toThrow(/its shard count is 4, not 3/);
    // an edited policy of the same name
    const edited: Policy = { ...policies.whole, frontOffice: { ...policies.whole.frontOffice, skillCoverage: policies.whole.frontOffice.skillCoverage / 2 } };
    const other = runShard(scenario, [policies.minutes, edited], { ...OPTIONS, shard: { index: 1, count: 3 } });
    expect(() => mergeShards([a, other, c])).toThrow(/policy fingerprint \(a policy was edited between runs\)/);
  });

  it("refuses a shard that lacks, repeats or misplaces a replication", () => {
    const [a, b, c] = shards as [ShardResult, ShardResult, ShardResult];
    expect(() => mergeShards([a, edit(b, { results: b.results.slice(0, 3) }), c])).toThrow('shard 1/3 lacks replication 4 of "whole"');
    expect(() => mergeShards([a, edit(b, { results: [...b.results, b.results[0]!] }), c])).toThrow('shard 1/3 has replication 1 of "minutes" twice');
    expect(() => mergeShards([a, edit(b, { results: [...b.results, c.results[0]!] }), c])).toThrow('shard 1/3 has replication 2 of "minutes", which belongs to shard 2/3');
    expect(() => mergeShards([a, edit(b, { results: [...b.results, { ...b.results[0]!, policy: "hybrid" }] }), c])).toThrow(/policy "hybrid", which is not among its policies/);
  });
});

describe("shard files", () => {
  it("keeps NaN, infinities and −0 exact through JSON", () => {
    const s = shards[1]!;
    const r0 = s.results[0]!;
    const odd = edit(s, { results: [{ ...r0, metrics: { ...r0.metrics, a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY, d: -0 } }, ...s.results.slice(1)] });
    const back = parseShard(stringifyShard(odd), "odd");
    const m = back.results[0]!.metrics;
    expect(Number.isNaN(m["a"])).toBe(true);
    expect(m["b"]).toBe(Number.POSITIVE_INFINITY);
    expect(m["c"]).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(m["d"], -0)).toBe(true);
    expect(back).toEqual(odd);
  });

  it("writes atomically: no temporary file is left, and a failed write names the path", () => {
    const dir = tempDir();
    const path = join(dir, "s.json");
    writeShardFile(path, shards[0]!);
    writeShardFile(path, shards[0]!); // replaces
    expect(readdirSync(dir)).toEqual(["s.json"]);
    expect(readFileSync(path, "utf8").endsWith("}\n")).toBe(true);
    const missing = join(dir, "no-such-folder", "s.json");
    expect(() => writeShardFile(missing, shards[0]!)).toThrow(`cannot write shard file ${missing}: its folder does not exist`);
    expect(readdirSync(dir)).toEqual(["s.json"]);
  });

  it("reads with errors that name the file and the problem", () => {
    const dir = tempDir();
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const good = stringifyShard(shards[0]!);
    expect(() => readShardFile(join(dir, "nope.json"))).toThrow(/cannot read shard file .*nope\.json: the file does not exist/);
    expect(() => readShardFile(dir)).toThrow(/it is a folder/);
    const cut = file("cut.json", good.slice(0, 200));
    expect(() => readShardFile(cut)).toThrow(new RegExp(`^${cut}: not valid JSON .*cut short`));
    expect(() => readShardFile(file("other.json", '{"scenario":"x"}'))).toThrow(/other\.json: not a helhet shard \(it should have "format": "helhet-shard", got none\)/);
    expect(() => readShardFile(file("v2.json", '{"format":"helhet-shard","version":2}'))).toThrow(/v2\.json: shard format version 2 is not supported; this helhet reads version 1/);
    const json = JSON.parse(good);
    json.results[1].endToEndDays[3] = "soon";
    expect(() => readShardFile(file("bad.json", JSON.stringify(json)))).toThrow(/bad\.json: results\[1\]\.endToEndDays\[3\] should be a number, got "soon"/);
    const json2 = JSON.parse(good);
    json2.shard.index = 3;
    expect(() => readShardFile(file("idx.json", JSON.stringify(json2)))).toThrow(/idx\.json: shard\.index should be below shard\.count \(3\), got 3/);
    const json3 = JSON.parse(good);
    delete json3.options.replications;
    expect(() => readShardFile(file("opt.json", JSON.stringify(json3)))).toThrow(/opt\.json: options\.replications should be a number, got nothing/);
    // a metric or series name that is a property of every object is refused, not read as a name
    expect(() => parseShard(good.replace('"metrics":{', '"metrics":{"__proto__":1,'))).toThrow(/results\[0\]\.metrics should be metric names, got "__proto__"/);
    const json4 = JSON.parse(good);
    json4.results[0].series = { period: "week", start: [0], end: [1], values: { arrived: [1] } };
    const withSeries = JSON.stringify(json4);
    expect(parseShard(withSeries).results[0]!.series?.values).toEqual({ arrived: [1] });
    expect(() => parseShard(withSeries.replace('"values":{', '"values":{"__proto__":[1],'))).toThrow(/results\[0\]\.series\.values should be series names, got "__proto__"/);
    expect(() => parseShard(withSeries.replace('"values":{', '"values":{"constructor":[1],'))).toThrow(/series names, got "constructor"/);
  });
});
