import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { factorialFactors, policies, type FactorialStudy } from "../src/index.js";
import { CLI, runBuilt } from "./regressions/cliHelpers.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const FAST = ["--replications", "2", "--horizon", "8 weeks", "--warmup", "2 weeks", "--quiet"];

describe("helhet factorial", () => {
  it("--scenario teaching --replications 5 --format json: per outcome the main effect of every differing choice with a 95% interval, the estimable interactions, and the design's resolution", async () => {
    const r = await run(["factorial", "--scenario", "teaching", "--replications", "5", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    const study = JSON.parse(r.out) as FactorialStudy;
    const choices = factorialFactors(policies.minutes, policies.whole).map((f) => f.name);
    expect(study.design.resolution).toBe(4);
    expect(study.design.factors.map((f) => f.name)).toEqual(choices);
    expect(study.replications).toBe(5);
    const outcomes = Object.entries(study.outcomes);
    expect(outcomes.length).toBeGreaterThan(20);
    for (const m of ["endToEndDays.mean", "failureDemandShare", "costPerNeed", "contactsPerNeed", "abandonedShare"]) expect(study.outcomes[m], m).toBeDefined();
    for (const [m, o] of outcomes) {
      const mains = o.effects.filter((e) => e.kind === "main");
      expect(mains.map((e) => e.name).sort(), m).toEqual([...choices].sort());
      for (const e of o.effects) {
        expect(e.ci95, `${m} ${e.name}`).toHaveLength(2);
        expect(e.ci95![0]).toBeLessThanOrEqual(e.mean + 1e-9);
        expect(e.ci95![1]).toBeGreaterThanOrEqual(e.mean - 1e-9);
      }
      const interactions = o.effects.filter((e) => e.kind === "interaction");
      expect(interactions.length, m).toBe(21);
      // every pair of choices is estimated, alone or in an alias chain
      expect(interactions.reduce((n, e) => n + 1 + e.aliases.length, 0)).toBe((choices.length * (choices.length - 1)) / 2);
    }
  }, 120_000);

  it("prints the design and a ranked table per headline outcome; CSV has a row per outcome and effect", async () => {
    const table = await run(["factorial", "teaching", ...FAST]);
    expect(table.code, table.err).toBe(0);
    expect((await run(["factorial", "teaching", ...FAST, "--format", "text"])).out).toBe(table.out);
    expect(table.out).toMatch(/fractional factorial 2\^\(9-4\), 32 cells, resolution IV; generators F = BCDE, G = ACDE, H = ABDE, J = ABCE/);
    for (const label of ["end-to-end time, mean (days)", "failure demand", "cost per need", "contacts per need", "needs abandoned"]) expect(table.out).toContain(label);
    expect(table.out).toMatch(/Aliased two-factor interactions/);
    const csv = await run(["factorial", "teaching", ...FAST, "--format", "csv"]);
    const lines = csv.out.split("\n");
    expect(lines[0]).toBe("outcome,rank,kind,letters,effect,aliases,mean,ci95_low,ci95_high,share");
    expect(lines.filter((l) => l.startsWith("failureDemandShare,"))).toHaveLength(30);
  }, 60_000);

  it("two policies that differ in one choice make a full factorial; --low and --high take presets or policy files", async () => {
    const file = join(__dirname, "..", "examples", "policies", "hybrid.yaml");
    const r = await run(["factorial", "teaching", ...FAST, "--low", "minutes", "--high", file, "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    const study = JSON.parse(r.out) as FactorialStudy;
    expect(study.design.kind).toBe(study.design.factors.length <= 5 ? "full" : "fractional");
    expect(study.design.cells).toBe(study.design.factors.length <= 5 ? 2 ** study.design.factors.length : 32);
  }, 60_000);

  it("refuses, with exit status 2, two policies with no choice between them and options it does not use", async () => {
    const same = await run(["factorial", "teaching", ...FAST, "--low", "whole", "--high", "whole"]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/needs two policies that differ: "whole" and "whole" make the same design choices/);
    expect((await run(["factorial", "--policies", "minutes,whole"])).err).toMatch(/factorial takes the two policies as --low and --high/);
    expect((await run(["factorial", "--low", "nowhere"])).err).toMatch(/--low: "nowhere" is neither a preset/);
    expect((await run(["factorial", "--format", "markdown"])).code).toBe(2);
    const help = await run(["factorial", "--help"]);
    expect(help.out).toMatch(/--low NAME\|FILE/);
    expect(help.out).toMatch(/--high NAME\|FILE/);
  });

  it.skipIf(!existsSync(CLI))("--workers 2 prints the same bytes as one thread (built command, real worker threads)", async () => {
    const args = ["factorial", "teaching", "--replications", "3", "--horizon", "8 weeks", "--warmup", "2 weeks", "--seed", "5", "--format", "json", "--quiet"];
    const one = await runBuilt([...args, "--workers", "1"]);
    const two = await runBuilt([...args, "--workers", "2"]);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    expect(JSON.parse(one.out).replications).toBe(3);
  }, 120_000);

  it("--shard K/N writes factorial shards that helhet merge turns into the study one run gives, byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-factorial-"));
    const args = ["factorial", "teaching", "--replications", "3", "--horizon", "6 weeks", "--warmup", "1 week", "--seed", "2"];
    const files = [0, 1, 2].map((k) => join(dir, `f${k}.json`));
    for (const [k, file] of files.entries()) expect((await run([...args, "--shard", `${k}/3`, "--out", file])).code).toBe(0);
    const serial = await run([...args, "--format", "json", "--quiet"]);
    const merged = await run(["merge", files[2]!, files[0]!, files[1]!, "--format", "json"]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(serial.out);
    expect((await run(["merge", ...files])).out).toMatch(/resolution IV/);
    const missing = await run(["merge", files[0]!, files[1]!]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/shard 2\/3 is missing/);
    // merged factorial shards write the study's page too
    expect((await run(["merge", ...files, "--html", join(dir, "x.html"), "--quiet"])).code).toBe(0);
    expect(readFileSync(join(dir, "x.html"), "utf8")).toMatch(/<figure class="chart" id="pareto-endToEndDays-mean"/);
    expect((await run(["merge", ...files, "--format", "markdown"])).err).toMatch(/table, json or csv, not markdown/);
    expect((await run([...args, "--shard", "0/3", "--workers", "2"])).code).toBe(2);
  }, 60_000);
});
