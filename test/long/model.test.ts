/**
 * Long version of test/robustness/model.test.ts: 1,000 generated scenarios, each under two
 * random policies (8 runs per scenario). Runs only under `npm run test:long` (HELHET_LONG=1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modelProperty, newTally } from "../robustness/modelProperty.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: random valid scenarios and policies", () => {
  it("keep every invariant over 1,000 generated scenarios", () => {
    const tally = newTally();
    fc.assert(modelProperty(tally), { seed: 20261128, numRuns: 1000 });
    expect(tally.cases + tally.refused + tally.large).toBe(1000);
    expect(tally.refused).toBeLessThan(50);
    expect(tally.large).toBeLessThan(50);
    console.log(`model: ${JSON.stringify(tally)}`);
  });
});
