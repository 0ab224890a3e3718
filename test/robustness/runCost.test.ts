/**
 * The run-cost check on generated large and odd scenarios (quick version: a few dozen cases;
 * `npm run test:long` runs more). See runCostProperty.ts and docs/performance.md ("What a run
 * costs").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinScenarioInput, estimateRunCost } from "../../src/index.js";
import { checkRunCostCase, newRunCostTally, runCostProperty } from "./runCostProperty.js";

const SEED = 20261204;

describe("large and odd scenarios", () => {
  it("are refused before anything runs with the one-line message, or run within a few times their estimate", () => {
    const tally = newRunCostTally();
    fc.assert(runCostProperty(tally), { seed: SEED, numRuns: 40 });
    // the generator reaches every outcome, or the property tests less than it says
    expect(tally.refused).toBeGreaterThan(5);
    expect(tally.ran).toBeGreaterThan(5);
    expect(tally.refused + tally.ran + tally.skipped).toBe(40);
  }, 300_000);

  it("the property has teeth: a run far beyond its estimate is caught", () => {
    // teaching as it is (about 25,000 events a run), checked against an estimate a thousand times too small
    const c = { input: builtinScenarioInput("teaching"), policy: "minutes" as const, replications: 1 };
    expect(checkRunCostCase(c)).toEqual([]);
    const tooSmall: typeof estimateRunCost = (...args) => {
      const cost = estimateRunCost(...args);
      return { ...cost, events: cost.events / 1000, eventsPerRun: cost.eventsPerRun / 1000 };
    };
    expect(checkRunCostCase(c, newRunCostTally(), tooSmall)).toEqual([expect.stringMatching(/^one run fired \d+ events, more than 20 × the estimate of \d+/)]);
  });
});
