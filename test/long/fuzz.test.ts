/**
 * Long version of test/robustness/fuzz.test.ts: 10,000 mutated scenario files, in two worker
 * threads (two seeds of 5,000) with a 30-second limit per case. Runs only under
 * `npm run test:long` (HELHET_LONG=1).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FuzzRunner } from "../robustness/fuzzRunner.js";
import { fuzzProperty, newFuzzTally } from "../robustness/fuzzProperty.js";

const runners = [new FuzzRunner({ timeoutMs: 30_000 }), new FuzzRunner({ timeoutMs: 30_000 })];
afterAll(() => Promise.all(runners.map((r) => r.close())));

describe.runIf(process.env["HELHET_LONG"] === "1")("long: fuzzing scenario files", () => {
  it("10,000 mutations: each loads or is refused with issues naming where; no throw, stack trace, NaN or hang", async () => {
    const tallies = runners.map(() => newFuzzTally());
    await Promise.all(runners.map((r, i) => fc.assert(fuzzProperty(r, tallies[i]!), { seed: 20261128 + i, numRuns: 5000 })));
    const cases = tallies.reduce((a, t) => a + t.cases, 0);
    expect(cases).toBe(10_000);
    console.log(`fuzz: ${JSON.stringify(tallies)}`);
  });
});
