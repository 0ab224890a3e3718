/**
 * Random valid scenarios under random policies keep every invariant of a run (quick version:
 * a few dozen scenarios; `npm run test:long` runs 1,000). See docs/reliability.md.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, loadScenario, policies, simulate, summarise, type RunResult } from "../../src/index.js";
import { comparisonViolations, firstDifference, runViolations, summaryViolations } from "./invariants.js";
import { modelCaseArb, modelProperty, newTally } from "./modelProperty.js";

const SEED = 20261127;

describe("random valid scenarios and policies", () => {
  it("keep every invariant over 30 generated scenarios, each under two random policies", () => {
    const tally = newTally();
    fc.assert(modelProperty(tally), { seed: SEED, numRuns: 30 });
    expect(tally.cases + tally.refused + tally.large).toBe(30);
    expect(tally.refused).toBeLessThan(3);
    expect(tally.large).toBeLessThan(3);
    // 2 policies × 2 runs (determinism) + 2 policies × 2 replications (Comparison)
    expect(tally.runs).toBe(tally.cases * 8);
    expect(tally.cohortNeeds).toBeGreaterThan(500);
  });

  it("are valid input: every generated scenario and policy loads", () => {
    // the generators must not produce what validation refuses, or the property tests nothing
    for (const c of fc.sample(modelCaseArb, { seed: SEED + 1, numRuns: 100 })) {
      expect(() => loadScenario(c.scenario.input as object)).not.toThrow();
    }
  });
});

describe("the checks have teeth: each catches a broken run", () => {
  const run = simulate(loadScenario("teaching"), policies.minutes, { seed: 3, horizon: "8 weeks", warmup: "2 weeks" });
  const broken = (f: (r: { -readonly [K in keyof RunResult]: RunResult[K] }) => void): string[] => {
    const copy = structuredClone(run) as { -readonly [K in keyof RunResult]: RunResult[K] };
    f(copy);
    return runViolations(copy);
  };

  it("passes the real run", () => {
    expect(runViolations(run)).toEqual([]);
  });

  it("catches a lost need, a negative or infinite time, a share out of range and minutes that do not add up", () => {
    expect(broken((r) => (r.needs.status[0] = 7)).join()).toMatch(/need status/);
    expect(broken((r) => (r.needs.end[0] = r.needs.arrival[0]! - 1)).join()).toMatch(/need end/);
    expect(broken((r) => (r.contacts.wait[0] = -1)).join()).toMatch(/contact wait/);
    expect(broken((r) => (r.contacts.minutes[0] = Infinity)).join()).toMatch(/contact minutes/);
    expect(broken((r) => (r.needs.staffMinutes[0] = -0.5)).join()).toMatch(/need staffMinutes/);
    expect(broken((r) => (r.teams = r.teams.map((t, i) => (i === 0 ? { ...t, valueMinutes: t.valueMinutes + 1 } : t)))).join()).toMatch(/staff minutes add up/);
    expect(broken((r) => (r.teams = r.teams.map((t, i) => (i === 0 ? { ...t, stats: { ...t.stats, utilisation: 1.01 } } : t)))).join()).toMatch(/team utilisation/);
    expect(broken((r) => (r.phoneAbandoned = r.phoneAttempts + 1)).join()).toMatch(/callAbandonment/);
    expect(broken((r) => (r.dailyOpenNeeds[0] = NaN)).join()).toMatch(/daily open needs/);
  });

  it("catches a need's journal rows out of time order", () => {
    const j = run.journal;
    const i = Array.from({ length: j.length - 1 }, (_, k) => k).find((k) => j.need[k] === j.need[k + 1] && j.time[k + 1]! > j.time[k]!);
    expect(i).toBeDefined();
    expect(broken((r) => (r.journal.time[i! + 1] = r.journal.time[i!]! - 1e-3)).join()).toMatch(/journal order/);
  });

  it("catches broken conservation and NaN in a summary and in a Comparison", () => {
    const m = summarise(run);
    expect(summaryViolations({ ...m, open: m.open + 1 }).join()).toMatch(/need conservation/);
    expect(summaryViolations({ ...m, costPerNeed: NaN }).join()).toMatch(/costPerNeed = NaN/);
    const c = compare(loadScenario("teaching"), [policies.minutes], { replications: 2, horizon: "6 weeks", warmup: "1 week" });
    expect(comparisonViolations(c)).toEqual([]);
    const metrics = c.policies["minutes"]!;
    const first = Object.keys(metrics)[0]!;
    expect(comparisonViolations({ ...c, policies: { minutes: { ...metrics, [first]: { mean: NaN, sd: null, ci95: null } } } }).join()).toMatch(/NaN|null/);
  });

  it("tells two runs apart, NaN for NaN", () => {
    const other = simulate(loadScenario("teaching"), policies.minutes, { seed: 4, horizon: "8 weeks", warmup: "2 weeks" });
    expect(firstDifference(run, structuredClone(run))).toBeUndefined();
    expect(firstDifference(run, other)).toBeDefined();
    expect(firstDifference({ x: NaN }, { x: NaN })).toBeUndefined();
    expect(firstDifference({ x: 0 }, { x: -0 })).toBeDefined();
  });
});
