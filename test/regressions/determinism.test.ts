/**
 * D27 (evidence that must stay true), from 27-determinism.sh of ../shared/reliability-cases:
 * the same comparison, run twice, on 1, 2 or 3 worker threads, and split into 2 or 3 shards
 * merged in any order, is byte for byte the same JSON — with a policy file among the policies
 * (teaching, not the reproducer's soderhamn, to keep it quick).
 * Through the built command (dist/cli.js), as the reproducer runs it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runBuilt, tempDir } from "./cliHelpers.js";

const W = ["--scenario", "teaching", "--policies", "minutes,whole,examples/policies/hybrid.yaml", "--replications", "4", "--seed", "7", "--horizon", "4weeks", "--warmup", "1week", "--quiet", "--format", "json"];

describe.skipIf(!existsSync(CLI))("D27: determinism across repeats, worker threads and shards", () => {
  it("compare twice, with --workers 1, 2 and 3, and 2 or 3 shards merged in any order: byte-identical JSON", async () => {
    const dir = tempDir("helhet-d27-");
    const out = (name: string) => join(dir, name);
    const ok = async (args: string[]) => {
      const r = await runBuilt(args);
      expect(r.code, r.err).toBe(0);
    };
    await ok(["compare", ...W, "--out", out("w1.json")]);
    await ok(["compare", ...W, "--out", out("w1b.json")]);
    await ok(["compare", ...W, "--workers", "2", "--out", out("w2.json")]);
    await ok(["compare", ...W, "--workers", "3", "--out", out("w3.json")]);
    for (const k of [0, 1]) await ok(["compare", ...W, "--shard", `${k}/2`, "--out", out(`a${k}.json`)]);
    await ok(["merge", out("a1.json"), out("a0.json"), "--format", "json", "--out", out("m2.json")]);
    for (const k of [0, 1, 2]) await ok(["compare", ...W, "--shard", `${k}/3`, "--out", out(`b${k}.json`)]);
    await ok(["merge", out("b2.json"), out("b0.json"), out("b1.json"), "--format", "json", "--out", out("m3.json")]);
    const first = readFileSync(out("w1.json"), "utf8");
    expect(JSON.parse(first).policies.hybrid).toBeDefined();
    for (const f of ["w1b", "w2", "w3", "m2", "m3"]) expect(readFileSync(out(`${f}.json`), "utf8"), f).toBe(first);
  }, 300_000);
});
