import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("helhet command (first version)", () => {
  it("prints help and version", () => {
    expect(run(["--help"])).toMatchObject({ code: 0 });
    expect(run(["--help"]).out).toContain("Usage:");
    expect(run(["--version"]).out).toMatch(/^\d+\.\d+\.\d+|dev/);
  });

  it("lists the built-in scenarios", () => {
    const r = run(["scenarios"]);
    expect(r.code).toBe(0);
    for (const name of ["soderhamn", "teaching", "standard-work"]) expect(r.out).toContain(name);
  });

  it("compares the presets on a scenario", () => {
    const r = run(["compare", "--scenario", "teaching", "--seed", "3"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/minutes\s+whole/);
    expect(r.out).toContain("failure demand share");
  });

  it("exits 2 with a clear message on usage and validation errors", () => {
    const unknown = run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const badSeed = run(["--seed", "x"]);
    expect(badSeed.code).toBe(2);
    expect(badSeed.err).toContain("--seed must be an integer");
    const badScenario = run(["--scenario", "nowhere"]);
    expect(badScenario.code).toBe(2);
    expect(badScenario.err).toContain("soderhamn");
    expect(badScenario.err).not.toMatch(/\n\s+at /);
    const badOption = run(["--frob"]);
    expect(badOption.code).toBe(2);
  });
});

describe("helhet compare with a scenario file", () => {
  it("reads the file", () => {
    const r = run(["--scenario", "examples/scenarios/small-town.yaml"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("small-town");
  });

  it("exits 2 for a missing file, without a stack trace", () => {
    const r = run(["--scenario", "nowhere/none.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("does not exist");
  });
});
