import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { guessLabels } from "../src/index.js";
import { CLI, runBuilt } from "./regressions/cliHelpers.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false, env: {} });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const OUTCOMES = ["endToEndDays.mean", "failureDemandShare", "costPerNeed"];

describe("helhet sensitivity", () => {
  it("--format json varies every GUESS parameter (or says why not), with both ends and a flips field per outcome", async () => {
    const r = await run(["sensitivity", "--scenario", "teaching", "--replications", "3", "--horizon", "3 weeks", "--warmup", "1 week", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect([...s.parameters.map((p: { path: string }) => p.path), ...s.skipped.map((p: { path: string }) => p.path)].sort()).toEqual(guessLabels().map((g) => g.path).sort());
    for (const p of s.parameters) {
      expect(p.low, p.path).toBeLessThan(p.high);
      for (const end of [p.atLow, p.atHigh]) for (const m of OUTCOMES) expect(end[m], `${p.path} ${m}`).toMatchObject({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
      expect(Object.keys(p.flips)).toEqual(OUTCOMES);
    }
  });

  it("--params with a range, as a table and as CSV", async () => {
    const args = ["sensitivity", "teaching", "--replications", "2", "--horizon", "3 weeks", "--warmup", "1 week", "--params", "mechanisms.misrouteWork=2 min..10 min,teams.desk.staff"];
    const t = await run(args);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/mechanisms\.misrouteWork +2 min – 10 min \(given\)/);
    expect(t.out).toMatch(/teams\.desk\.staff +1 – 4 \(½–2×\)/);
    const c = await run([...args, "--format", "csv"]);
    expect(c.out.split("\n")[0]).toBe("outcome,parameter,range_from,end,value,mean,ci95_low,ci95_high,sign,flips,flip_at");
    expect(c.out.split("\n").filter((l) => l !== "").length).toBe(1 + 3 * 2 * 2);
    expect(await run([...args.slice(0, -1), "mechanisms.nothing"])).toMatchObject({ code: 2, err: expect.stringMatching(/mechanisms\.nothing does not exist/) });
  });
});

describe("helhet map", () => {
  it("--format json gives a grid of winners, ties marked", async () => {
    const r = await run(["map", "--scenario", "teaching", "--x", "services.questions.demandTypes=2,20", "--y", "policy.frontOffice.skillCoverage=0.3,0.8", "--replications", "2", "--horizon", "3 weeks", "--warmup", "1 week", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.x).toEqual({ path: "services.questions.demandTypes", values: [2, 20] });
    expect(m.cells).toHaveLength(2);
    for (const cell of m.cells.flat()) {
      for (const k of OUTCOMES) {
        const e = cell.outcomes[k];
        expect(e.winner).toBe(e.ci95[1] < 0 ? "whole" : e.ci95[0] > 0 ? "minutes" : "tie");
      }
    }
  });
});

describe("helhet sensitivity and map on threads and in shards", () => {
  const SENS = ["sensitivity", "teaching", "--replications", "2", "--horizon", "4 weeks", "--warmup", "1 week", "--seed", "3", "--params", "mechanisms.payGeneralist=0.1..10,mechanisms.misrouteProbability,citizens.searchTime", "--samples", "3"];
  const MAP = ["map", "teaching", "--replications", "2", "--horizon", "4 weeks", "--warmup", "1 week", "--seed", "3", "--x", "services.questions.demandTypes=2,20", "--y", "policy.frontOffice.skillCoverage=0.3,0.6,0.9"];

  it.skipIf(!existsSync(CLI))("--workers 2 prints the same bytes as one thread (built command, real worker threads)", async () => {
    for (const args of [SENS, MAP]) {
      const one = await runBuilt([...args, "--format", "json", "--quiet"]);
      const two = await runBuilt([...args, "--format", "json", "--quiet", "--workers", "2"]);
      expect(one.code, one.err).toBe(0);
      expect(two.code, two.err).toBe(0);
      expect(two.out).toBe(one.out);
    }
  }, 120_000);

  it("--shard K/N writes shards that helhet merge turns into the study or map one run gives, byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-study-"));
    for (const [name, args, count] of [["s", SENS, 3], ["m", MAP, 4]] as const) {
      const files = Array.from({ length: count }, (_, k) => join(dir, `${name}${k}.json`));
      for (const [k, file] of files.entries()) {
        const r = await run([...args, "--shard", `${k}/${count}`, "--out", file]);
        expect(r.code, r.err).toBe(0);
      }
      const serial = await run([...args, "--format", "json", "--quiet"]);
      const merged = await run(["merge", ...[...files].reverse(), "--format", "json"]);
      expect(merged.code, merged.err).toBe(0);
      expect(merged.out).toBe(serial.out);
      const missing = await run(["merge", ...files.slice(1)]);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/shard 0\/\d is missing/);
      expect((await run(["merge", ...files, "--html", join(dir, `${name}.html`), "--quiet"])).code).toBe(0);
      expect(readFileSync(join(dir, `${name}.html`), "utf8")).toMatch(/<figure class="chart"/);
    }
    // the table of a merged study names its joint samples
    expect((await run(["merge", ...[0, 1, 2].map((k) => join(dir, `s${k}.json`))])).out).toMatch(/All at once: every parameter varied together at 3 points/);
    expect((await run([...SENS, "--shard", "0/9"])).err).toMatch(/at most the study's 6 items \(3 parameters and 3 joint samples\)/);
    expect((await run([...MAP, "--shard", "0/2", "--workers", "2"])).code).toBe(2);
    expect((await run([...SENS.slice(0, -2), "--samples", "1"])).err).toMatch(/--samples must be 0 \(none\) or at least 2/);
  }, 120_000);
});
