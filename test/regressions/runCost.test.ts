/**
 * Issue 14, the defects about what a run costs, each made from its reproducer in
 * ../shared/reliability-cases/: D1 (the load analysis cubic in the case steps), D6 (demandTypes
 * without a limit), D7 (no limit on the horizon, the replications or the workers), D8 (event
 * storms from tiny intervals), D28 (overload and memory). The command runs in this process, as in
 * test/cli.test.ts; the library is called directly where the reproducer's input would take long
 * to write or read (20 services of 5,000 steps is an 8 MB file).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { checkRunCost, compare, estimateRunCost, offeredLoad, parseScenarioText, policies, RUN_COST_LIMITS, runWindow, simulate, type Scenario } from "../../src/index.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join("\n"), err: err.join("\n"), errLines: err.join("\n").split("\n") };
}

const SMALL_TOWN = readFileSync(join(__dirname, "..", "..", "examples", "scenarios", "small-town.yaml"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "helhet-runcost-"));

/** Writes a scenario file and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** small-town with a shorter window, as the reproducers do it with sed. */
function shortTown(horizon: string, warmup: string, drain: string): string {
  return SMALL_TOWN.replace("horizon: 52 weeks", `horizon: ${horizon}`).replace("warmup: 8 weeks", `warmup: ${warmup}`).replace("drain: 26 weeks", `drain: ${drain}`);
}

/** The D1 reproducer's file: small-town, one week, the permit service's steps replaced by `n`. */
function stepsFile(n: number): string {
  const t = shortTown("1 week", "1 day", "1 week");
  const steps = Array.from({ length: n }, (_, k) => `      - id: st${k}\n        team: ${k % 2 ? "officers" : "expert"}\n        work: { mean: 10 min, cv: 0.5 }\n`).join("");
  return `${t.slice(0, t.indexOf("    steps:"))}    steps:\n${steps}`;
}

/** A refusal by the run-cost check, as the command prints it: one line, the estimate, the way out. */
function expectRefusal(r: { code: number; errLines: string[] }, what: RegExp): void {
  expect(r.code).toBe(2);
  const last = r.errLines[r.errLines.length - 1] as string;
  expect(last).toMatch(/^helhet: too large to run: /);
  expect(last).toMatch(what);
  expect(last).toContain("--allow-large");
  expect(r.errLines.join("\n")).not.toMatch(/\n\s+at /); // no stack trace
}

describe("D1: the load analysis is linear in the case steps", () => {
  it("runs and compares one service of 500 steps (a 42 KB file; it took 40–100 s)", async () => {
    const f = file("steps500.yaml", stepsFile(500));
    const r = await run(["run", "--scenario", f, "--replications", "1", "--quiet", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).replications).toBe(1);
    const c = await run(["compare", "--scenario", f, "--replications", "1", "--quiet", "--format", "json"]);
    expect(c.code, c.err).toBe(0);
    expect(Object.keys(JSON.parse(c.out).policies)).toEqual(["minutes", "whole"]);
  }, 60_000);

  it("refuses 20 services of 5,000 steps with a message (it ended in a V8 out-of-memory abort), and runs them when allowed", () => {
    const base = parseScenarioText(stepsFile(1), "yaml");
    const permit = base.services.find((s) => s.id === "permit")!;
    const step = permit.steps[0]!;
    const steps = Array.from({ length: 5000 }, (_, k) => ({ ...step, id: `st${k}`, name: `st${k}`, team: k % 2 ? "officers" : "expert" }));
    const big: Scenario = {
      ...base,
      services: Array.from({ length: 20 }, (_, j) => ({ ...permit, id: `s${j}`, name: `s${j}`, arrivalsPerMinute: 10 / 525_600, steps })),
    };
    let message = "";
    try {
      compare(big, [policies.minutes, policies.whole], { replications: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^too large to run: 100,000 case steps in all \(a run takes at most 10,000\)/);
    expect(message).not.toContain("\n");
    // past the limit on purpose (three of those services): the analysis and the run are quick (few needs), with a warning
    const warnings: string[] = [];
    const three = { ...big, services: big.services.slice(0, 3) };
    const c = compare(three, [policies.minutes], { replications: 1, allowLarge: true, onWarning: (w) => warnings.push(w) });
    expect(c.replications).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/^running past the limits \(--allow-large\): 15,000 case steps in all/)]);
  }, 60_000);

  it("refuses the reproducer's 8 MB file of 20 × 5,000 steps before parsing it (it took 9 s and 950 MB to read, then was refused)", async () => {
    const t = shortTown("1 week", "1 day", "1 week");
    const steps = Array.from({ length: 5000 }, (_, k) => `      - id: st${k}\n        team: ${k % 2 ? "officers" : "expert"}\n        work: { mean: 10 min, cv: 0.5 }\n`).join("");
    const svc = (j: number) =>
      `  - id: s${j}\n    arrivals: 10 / year\n    demandTypes: 6\n    frontResolvableShare: 0.4\n    caseShare: 0.5\n    frontWork: { mean: 10 min, cv: 0.6 }\n` +
      `    backOfficeWork: { mean: 20 min, cv: 0.6 }\n    backOffice: officers\n    informationQuality: 0.6\n    channelMix: { phone: 0.4, visit: 0.1, email: 0.1, eform: 0.4 }\n    expectation: 4 weeks\n    steps:\n${steps}`;
    const text = `${t.slice(0, t.indexOf("services:"))}services:\n${Array.from({ length: 20 }, (_, j) => svc(j)).join("")}`;
    expect(text.length).toBeGreaterThan(8e6);
    const f = file("big.yaml", text);
    for (const args of [["validate", f], ["run", "--scenario", f, "--replications", "1", "--quiet"], ["compare", "--scenario", f, "--replications", "1", "--quiet"]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\(scenario\): got a text of 8,\d{3},\d{3} characters; expected a scenario file of at most 4,000,000 characters \(about 4 MB\)/);
    }
    expect(() => parseScenarioText(text, "json")).toThrow(/got a text of 8,\d{3},\d{3} characters/);
  }, 60_000);
});

describe("D6: demandTypes has a limit", () => {
  const d6 = () => file("d6.yaml", shortTown("2 weeks", "1 week", "2 weeks").replace("demandTypes: 10", "demandTypes: 1000000000"));

  it("validate and run refuse a billion demand types, naming the field and the range (run went past 900 MB)", async () => {
    const f = d6();
    for (const args of [["validate", f], ["run", "--scenario", f, "--replications", "1", "--quiet"]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/services\[0\]\.demandTypes: got 1000000000; expected a whole number from 1 to 1,000,000/);
    }
  });

  it("a scenario built in code with a billion types: the analysis stays quick and small, the run is refused by validation, and the cost check alone would refuse it for its tables", () => {
    const s = parseScenarioText(SMALL_TOWN, "yaml");
    const huge: Scenario = { ...s, services: s.services.map((sv, i) => (i === 0 ? { ...sv, demandTypes: 1e9 } : sv)) };
    for (const t of offeredLoad(huge, policies.whole)) expect(Number.isFinite(t.offeredMinutesPerWeek)).toBe(true);
    const window = { horizon: "2 weeks", warmup: "1 week", drain: "2 weeks" };
    // simulate validates a scenario built in code by the rules of a file (one validation)
    expect(() => simulate(huge, policies.whole, window)).toThrow(/services\[0\]\.demandTypes: got 1000000000; expected a whole number from 1 to 1,000,000/);
    expect(() => checkRunCost(estimateRunCost(huge, [policies.whole], runWindow(huge, window)))).toThrow(/^too large to run: about 24 GB of memory, mostly demand-type tables/);
  });
});

describe("D7: the size of a run is bounded", () => {
  it("refuses a horizon of 10,000 years before it starts (it ran past 60 s and 1.2 GB)", async () => {
    expectRefusal(await run(["run", "--scenario", "teaching", "--replications", "1", "--horizon", "10000 years", "--quiet"]), /events in one run/);
  });

  it("refuses a billion replications (accepted, and run, before)", async () => {
    const r = await run(["compare", "--scenario", "teaching", "--quiet", "--replications", "1000000000", "--horizon", "1 day", "--warmup", "0 min"]);
    expectRefusal(r, /about \d+(\.\d+)? trillion events in 2 billion runs/);
    expect(r.errLines.at(-1)).toMatch(/run fewer replications, or split them into shards/);
  });

  it("uses at most as many worker threads as processors, and says so", async () => {
    const cores = availableParallelism();
    const r = await run(["compare", "--scenario", "teaching", "--quiet", "--replications", "2", "--workers", String(cores + 1), "--horizon", "1 day", "--warmup", "0 min", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`warning: --workers ${cores + 1} is more than the ${cores} processors here; using ${cores}`);
  });
});

describe("D8: storms of tiny intervals are refused before they start", () => {
  it("a proactive update every second: a two-week run is warned about (millions of events, seconds), a year and a half refused (it ran past 60 s and 1.27 GB)", async () => {
    const mechanisms = "mechanisms:\n  updateInterval: 1 s\n  updateWork: 0 min\n";
    const short = file("update.yaml", `${shortTown("2 weeks", "1 week", "2 weeks")}${mechanisms}`);
    const r = await run(["run", "--scenario", short, "--replications", "1", "--quiet", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^warning: a large run: about \d+ million events in one run, mostly proactive progress updates; .*lengthen mechanisms\.updateInterval/m);
    const long = file("update-long.yaml", `${SMALL_TOWN}${mechanisms}`);
    expectRefusal(await run(["run", "--scenario", long, "--replications", "1", "--quiet"]), /events in one run, mostly proactive progress updates .*lengthen mechanisms\.updateInterval/);
  }, 60_000);

  it("callers who always redial after a thousandth of a second (2.8 GB in 60 s)", async () => {
    const citizens = "citizens:\n  redialProbability: 1\n  giveUpProbability: 0\n  redialDelay: { mean: 0.001 s, cv: 0 }\n  phonePatience: { mean: 0.001 s, cv: 0 }\n";
    const f = file("redial.yaml", `${SMALL_TOWN}${citizens}`);
    expectRefusal(await run(["run", "--scenario", f, "--replications", "1", "--quiet"]), /events in one run, mostly hang-ups and redials .*citizens\.redialDelay/);
  });

  it("a run that fires more events than it may is stopped with a message, not run for hours", () => {
    const s = parseScenarioText(SMALL_TOWN, "yaml");
    expect(() => simulate(s, policies.whole, { maxEvents: 5000 })).toThrow(/^the run was stopped on day \d+ after 5,000 events, the most it may fire \(about [\d,.]+ (million )?were estimated before it started\)/);
    expect(() => simulate(s, policies.whole, { maxEvents: 0 })).toThrow(/maxEvents must be a number ≥ 1, got 0/);
  });
});

describe("D28: overload", () => {
  it("the largest accepted volume is refused before the run, after the load warnings (it stopped at 1.44 GB after 44 s)", async () => {
    const f = file("max.yaml", SMALL_TOWN.replace("drain: 26 weeks", "drain: 4 weeks").replace("arrivals: 4000 / year", "arrivals: 99000000 / year"));
    const r = await run(["run", "--policy", "minutes", "--scenario", f, "--replications", "1", "--quiet"]);
    expectRefusal(r, /about [\d.]+ billion events in one run/);
    expect(r.err).toMatch(/^warning: minutes: .* are offered \d+% of their capacity/);
  });

  it("an overloaded team (119%) is warned about and the run goes ahead: its cost is small", async () => {
    const f = file("rho.yaml", SMALL_TOWN.replace("drain: 26 weeks", "drain: 4 weeks").replace("arrivals: 4000 / year", "arrivals: 12000 / year"));
    const s = parseScenarioText(readFileSync(f, "utf8"), "yaml");
    expect(estimateRunCost(s, [policies.minutes], runWindow(s, {})).eventsPerRun).toBeLessThan(RUN_COST_LIMITS.warnEventsPerRun);
    const r = await run(["run", "--policy", "minutes", "--scenario", f, "--replications", "1", "--quiet", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/are offered 1\d\d% of their capacity before any failure demand; queues will grow without limit/);
    expect(r.err).not.toMatch(/large run|too large/);
  }, 60_000);
});

describe("--allow-large", () => {
  it("runs what the check refuses, with a warning that says so", async () => {
    // one service of 10,001 quick steps and few needs: refused for its size, cheap to run
    const f = file("steps10001.yaml", stepsFile(10_001).replace("arrivals: 800 / year", "arrivals: 10 / year"));
    expectRefusal(await run(["run", "--scenario", f, "--replications", "1", "--quiet"]), /10,001 case steps in all/);
    const r = await run(["run", "--scenario", f, "--replications", "1", "--quiet", "--allow-large", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^warning: running past the limits \(--allow-large\): 10,001 case steps in all/m);
  }, 60_000);
});
