/**
 * Long version of test/robustness/runCost.test.ts: 500 large and odd scenarios through the
 * run-cost check. Runs only under `npm run test:long` (HELHET_LONG=1).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { count } from "../../src/analysis/runCostCheck.js";
import { checkRunCost, estimateRunCost, policies, runWindow, simulate } from "../../src/index.js";
import { swampedTeaching } from "../analysis/swampedTeaching.js";
import { newRunCostTally, runCostProperty } from "../robustness/runCostProperty.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: large and odd scenarios", () => {
  it("are refused before anything runs, or run within a few times their estimate, over 500 cases", () => {
    const tally = newRunCostTally();
    fc.assert(runCostProperty(tally), { seed: 20261205, numRuns: 500 });
    expect(tally.refused + tally.ran + tally.skipped).toBe(500);
    console.log(`run cost: ${JSON.stringify(tally)}`);
  });

  it("ten years of teaching at 4.33 times its arrivals: let through with a warning, the estimate within 10 times the run, as docs/performance.md says", () => {
    const s = swampedTeaching("520 weeks");
    const cost = estimateRunCost(s, [policies.minutes], runWindow(s, {}));
    expect(checkRunCost(cost).length).toBeGreaterThan(0);
    const run = simulate(s, policies.minutes, { seed: 1, journal: { every: 0 }, allowLarge: true });
    const ratio = cost.eventsPerRun / run.events;
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(10);
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "performance.md"), "utf8").replace(/\s+/g, " ");
    expect(doc).toContain(`a ten years' run fires ${count(run.events)}`);
    expect(doc).toContain(`and ${ratio.toFixed(1)} times the run`);
  });
});
