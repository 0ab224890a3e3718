/**
 * Regression: the narrow count columns of the need records (issue "Twice as fast", item 5).
 * The long model property (test/long/model.test.ts, seed 20261128) found a valid generated
 * scenario — one citizen, ten years, a front team open a few hours a week, short patience and
 * redials — whose need hung up 445,125 times: more than a 16-bit count holds. The run stopped
 * with "more than the 65535 a need's record holds". Now the column is widened to 32 bits and the
 * case keeps every invariant. The case is the property's shrunk counterexample, as it printed it.
 * Since arrivals are drawn by inverting the cumulative rate (issue "Twice as fast"), the citizen
 * arrives at another time and hangs up 476,042 times.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePolicy, parseScenario, simulate } from "../../src/index.js";
import { checkModelCase, newTally, type ModelCase } from "../robustness/modelProperty.js";

const CASE = JSON.parse(readFileSync(join(__dirname, "cases", "countPast65535.json"), "utf8")) as ModelCase;

describe("regression: a need's count past 65,535", () => {
  it("keeps every invariant of the model property, the count exact in a 32-bit column", () => {
    const tally = newTally();
    expect(checkModelCase(CASE, tally)).toEqual([]);
    expect(tally.cases).toBe(1);
  });

  it("records the 476,042 hang-ups exactly, in a widened column", () => {
    const run = simulate(parseScenario(CASE.scenario.input), parsePolicy(CASE.policies[0]), { seed: CASE.seed, ...CASE.scenario.window });
    expect(run.needs.abandonedContacts).toBeInstanceOf(Uint32Array);
    expect(Math.max(...run.needs.abandonedContacts)).toBe(476_042);
    expect(run.needs.handoffs).toBeInstanceOf(Uint16Array); // the others stay 16-bit
  });
});
