/**
 * Issue 14, shards: the reproducers 02-merge-huge-shard-count.sh (D2),
 * 03-shards-drop-load-warnings.sh (D3), 25-crafted-shards.sh (D25) and item 4 of
 * 23-message-quality.sh (D23) of ../shared/reliability-cases, as tests.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeShards, parseShard, ShardError } from "../../src/node.js";
import { QUICK, ROOT, run, STACK, tempDir } from "./cliHelpers.js";

/** A shard of teaching (one replication, a week) as parsed JSON, to be edited. */
async function shardJson(dir: string): Promise<Record<string, any>> {
  const file = join(dir, "s.json");
  expect((await run([...QUICK, "--shard", "0/1", "--out", file])).code).toBe(0);
  return JSON.parse(readFileSync(file, "utf8"));
}

describe("D2: the shard count is bounded and a merge answers at once", () => {
  it("--shard K/N with N above the replications is refused", async () => {
    const r = await run([...QUICK, "--shard", "0/100000000", "--out", join(tempDir(), "big.json")]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("helhet: --shard 0/100000000: N must be at most the replications (1): shard K runs the replications r with r mod N = K, so shards past them would be empty");
    expect((await run(["--scenario", "teaching", "--shard", "3/11"])).err).toContain("N must be at most the replications (10, the default)");
  });

  it("a crafted file with a huge count is refused, or its missing shards named, at once and in little memory", async () => {
    const dir = tempDir();
    const s = await shardJson(dir);
    const cases: [string, (x: any) => void, RegExp][] = [
      ["e300.json", (x) => (x.shard.count = 1e300), /e300\.json: shard\.count should be at most options\.replications \(1\), got 1e\+300/],
      ["e8.json", (x) => (x.shard.count = 1e8), /e8\.json: shard\.count should be at most options\.replications \(1\), got 100000000/],
      ["many.json", (x) => ((x.shard.count = 1e8), (x.options.replications = 1e8)), /^helhet: shard 1\/100000000, shard 2\/100000000, shard 3\/100000000, shard 4\/100000000, shard 5\/100000000 and 99,999,994 more are missing \(have 0\/100000000\)$/],
    ];
    for (const [name, edit, message] of cases) {
      const x = structuredClone(s);
      edit(x);
      writeFileSync(join(dir, name), JSON.stringify(x));
      const t0 = performance.now();
      const r = await run(["merge", join(dir, name)]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(message);
      expect(performance.now() - t0, name).toBeLessThan(5000); // it took minutes and 1.5 GB
    }
    // every shard present but each claiming a huge share of replications: bounded by the results held
    const x = structuredClone(s);
    x.options.replications = 1e15;
    writeFileSync(join(dir, "lacks.json"), JSON.stringify(x));
    const lacks = await run(["merge", join(dir, "lacks.json")]);
    expect(lacks.err).toMatch(/shard 0\/1 \(.*lacks\.json\) lacks replication 1 of "minutes"/);
  });
});

describe("D3: a merge of shards is byte for byte the comparison of one run, load warnings included", () => {
  it("with the warnings of an overloaded team", async () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, "examples", "scenarios", "small-town.yaml"), "utf8")
      .replace(/^horizon: 52 weeks/m, "horizon: 2 weeks")
      .replace(/^warmup: 8 weeks/m, "warmup: 1 week")
      .replace(/^drain: 26 weeks/m, "drain: 2 weeks")
      .replace(/ {4}hours: Mon-Fri 08:00-16:00/, "    hours: Sun 23:59-24:00");
    writeFileSync(join(dir, "s.yaml"), text);
    const w = ["--scenario", join(dir, "s.yaml"), "--replications", "3", "--quiet", "--format", "json"];
    const one = await run([...w, "--out", join(dir, "one.json")]);
    expect(one.err).toMatch(/warning: minutes: .* are offered \d+% of their capacity/);
    for (const k of [0, 1]) expect((await run([...w, "--shard", `${k}/2`, "--out", join(dir, `s${k}.json`)])).code).toBe(0);
    expect((await run(["merge", join(dir, "s0.json"), join(dir, "s1.json"), "--format", "json", "--out", join(dir, "merged.json")])).code).toBe(0);
    const merged = readFileSync(join(dir, "merged.json"), "utf8");
    expect(JSON.parse(merged).warnings.filter((x: string) => /offered/.test(x)).length).toBeGreaterThan(0);
    expect(merged).toBe(readFileSync(join(dir, "one.json"), "utf8"));
  });
});

describe("D25: a shard's contents are checked, naming the file and the field", () => {
  it("a NaN metric, other metric sets, a negative horizon, deep nesting and __proto__", async () => {
    const dir = tempDir();
    const s = await shardJson(dir);
    const edits: [string, (x: any) => void, string | RegExp][] = [
      ["nan.json", (x) => x.results.forEach((r: any) => (r.metrics["endToEndDays.mean"] = "NaN")), `results[0] (replication 0 of "minutes"): metric "endToEndDays.mean" should be a finite number, got NaN`],
      ["inf.json", (x) => (x.results[1].endToEndDays[0] = "Infinity"), `results[1] (replication 0 of "whole"): endToEndDays[0] should be a finite number ≥ 0, got Infinity`],
      ["metrics.json", (x) => (x.results[0].metrics = { onlyOne: 1 }), /results\[1\] \(replication 0 of "whole"\) has other metrics than results\[0\] of shard 0\/1 \(.*metrics\.json\) \(\d+ against 1\): it lacks "onlyOne" and has "abandoned", .* besides/],
      ["neg.json", (x) => ((x.options.horizonMinutes = -5), x.results.forEach((r: any) => (r.horizonMinutes = -5))), "options.horizonMinutes should be a positive number of minutes, got -5"],
      ["warm.json", (x) => (x.options.warmupMinutes = x.options.horizonMinutes), "options.warmupMinutes should be ≥ 0 and shorter than the horizon"],
      ["drain.json", (x) => (x.options.drainMinutes = "NaN"), "options.drainMinutes should be ≥ 0 minutes, got NaN"],
      ["proto.json", (x) => (x.results[0].metrics = JSON.parse(`{"__proto__": 1, ${JSON.stringify(x.results[0].metrics).slice(1)}`)), 'results[0].metrics should be metric names, got "__proto__"'],
    ];
    for (const [name, edit, message] of edits) {
      const x = structuredClone(s);
      edit(x);
      writeFileSync(join(dir, name), JSON.stringify(x));
      const r = await run(["merge", join(dir, name), "--format", "json"]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toContain(join(dir, name));
      if (typeof message === "string") expect(r.err, name).toContain(message);
      else expect(r.err, name).toMatch(message);
      expect(r.err).not.toMatch(STACK);
      expect(r.err.split("\n")).toHaveLength(1);
    }
    const deep = JSON.stringify(s).replace(/"endToEndDays":\[[^\]]*\]/, `"endToEndDays":[${"[".repeat(20000)}1${"]".repeat(20000)}]`);
    writeFileSync(join(dir, "deep.json"), deep);
    const r = await run(["merge", join(dir, "deep.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`helhet: ${join(dir, "deep.json")}: results[0].endToEndDays[0] should be a number, got a list of 1`);
  });

  it("the library's parseShard keeps NaN exact (the format), and mergeShards refuses it (the contents)", async () => {
    const dir = tempDir();
    const s = await shardJson(dir);
    s.results[0].metrics["endToEndDays.mean"] = "NaN";
    const shard = parseShard(JSON.stringify(s), "x.json");
    expect(Number.isNaN(shard.results[0]!.metrics["endToEndDays.mean"])).toBe(true);
    expect(() => mergeShards([shard], ["x.json"])).toThrow(ShardError);
    expect(() => mergeShards([shard])).toThrow(/^shard 0\/1: results\[0\]/);
  });
});

describe("D23: shards that do not belong together are named by their files", () => {
  it("two shards 0/2 of different seeds", async () => {
    const dir = tempDir();
    const w = ["--scenario", "teaching", "--replications", "2", "--horizon", "1 week", "--warmup", "1 day", "--quiet", "--shard", "0/2"];
    expect((await run([...w, "--out", join(dir, "a.json")])).code).toBe(0);
    expect((await run([...w, "--seed", "2", "--out", join(dir, "b.json")])).code).toBe(0);
    const r = await run(["merge", join(dir, "a.json"), join(dir, "b.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`helhet: shard 0/2 (${join(dir, "b.json")}) does not belong with shard 0/2 (${join(dir, "a.json")}): its seed is 2, not 1`);
    const twice = await run(["merge", join(dir, "a.json"), join(dir, "a.json")]);
    expect(twice.err).toBe(`helhet: shard 0/2 (${join(dir, "a.json")}) is given twice (${join(dir, "a.json")} and ${join(dir, "a.json")})`);
  });
});
