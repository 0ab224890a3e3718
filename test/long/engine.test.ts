/**
 * Long version of test/robustness/engine.test.ts: 300 M/M/c and Jackson networks against
 * theory and 2,000 general networks (most with reneging) for conservation and Little's law. Runs only under
 * `npm run test:long` (HELHET_LONG=1).
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { jacksonArb, networkArb, networkViolations, runNetwork, theoryViolations, type NetworkParams } from "../robustness/engineNetwork.js";

function check(p: NetworkParams, theory: boolean): void {
  const o = runNetwork(p);
  const v = [...networkViolations(p, o), ...(theory ? theoryViolations(p, o) : [])];
  if (v.length > 0) throw new Error(v.join("\n"));
}

describe.runIf(process.env["HELHET_LONG"] === "1")("long: random queueing networks on the engine", () => {
  it("300 M/M/c and Jackson networks: conservation, Little, theory", () => {
    fc.assert(fc.property(jacksonArb(40_000), (p) => check(p, true)), { seed: 20261128, numRuns: 300 });
  });

  it("2,000 general networks with reneging: conservation, Little, patience kept", () => {
    fc.assert(fc.property(networkArb(5_000), (p) => check(p, false)), { seed: 20261128, numRuns: 2000 });
  });
});
