import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runBuilt } from "./regressions/cliHelpers.js";

/**
 * Commands that make several parallel runs share one set of worker threads (`openWorkers`):
 * `compare --html` (the comparison, then each policy's what-ifs), `sweep` (every value's
 * comparison at once) and `journey` (each policy's what-ifs). On real threads (the built
 * command) they must print and write the same bytes as on one thread.
 */
describe.skipIf(!existsSync(CLI))("commands whose runs share their worker threads (built command, real threads)", () => {
  it("compare --html --workers 2 writes the same report and prints the same table as --workers 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-pool-"));
    const args = ["compare", "--scenario", "teaching", "--replications", "3", "--horizon", "8 weeks", "--warmup", "2 weeks", "--seed", "3", "--quiet"];
    const one = await runBuilt([...args, "--workers", "1", "--html", join(dir, "one.html")]);
    const two = await runBuilt([...args, "--workers", "2", "--html", join(dir, "two.html")]);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    const html = readFileSync(join(dir, "two.html"), "utf8");
    expect(html).toContain("Touchpoints that matter most");
    expect(html).toBe(readFileSync(join(dir, "one.html"), "utf8"));
  }, 180_000);

  it("sweep --workers 2 prints the same CSV as --workers 1", async () => {
    const args = ["sweep", "--scenario", "teaching", "--param", "services.questions.demandTypes", "--values", "2,20", "--replications", "2", "--horizon", "6 weeks", "--warmup", "1 week", "--format", "csv", "--quiet"];
    const one = await runBuilt([...args, "--workers", "1"]);
    const two = await runBuilt([...args, "--workers", "2"]);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    expect(one.out.split("\n")[0]).toMatch(/^value,policy,metric/);
  }, 180_000);

  it("journey --workers 2 with two policies prints the same JSON as --workers 1", async () => {
    const args = ["journey", "--scenario", "teaching", "--policies", "minutes,whole", "--replications", "2", "--horizon", "6 weeks", "--warmup", "1 week", "--format", "json", "--quiet"];
    const one = await runBuilt([...args, "--workers", "1"]);
    const two = await runBuilt([...args, "--workers", "2"]);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    expect(Object.keys(JSON.parse(one.out))).toEqual(["minutes", "whole"]);
  }, 180_000);
});
