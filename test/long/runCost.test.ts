/**
 * Long version of test/robustness/runCost.test.ts: 500 large and odd scenarios through the
 * run-cost check. Runs only under `npm run test:long` (HELHET_LONG=1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRunCostTally, runCostProperty } from "../robustness/runCostProperty.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: large and odd scenarios", () => {
  it("are refused before anything runs, or run within a few times their estimate, over 500 cases", () => {
    const tally = newRunCostTally();
    fc.assert(runCostProperty(tally), { seed: 20261205, numRuns: 500 });
    expect(tally.refused + tally.ran + tally.skipped).toBe(500);
    console.log(`run cost: ${JSON.stringify(tally)}`);
  });
});
