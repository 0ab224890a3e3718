/**
 * Long version of test/robustness/outputs.test.ts (issue 14): 1,000 generated output-path
 * situations and 5,000 edited shard pairs. Runs only under `npm run test:long` (HELHET_LONG=1).
 */
import { rmSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tempDir } from "../regressions/cliHelpers.js";
import { outputProblems, outputSituationArb } from "../robustness/outputPaths.js";
import { baseShards, shardEditArb, shardProblems } from "../robustness/shardHeaders.js";

const SEED = 20261128;

describe.runIf(process.env["HELHET_LONG"] === "1")("long: generated output paths and shard files", () => {
  it("1,000 output-path situations", async () => {
    await fc.assert(
      fc.asyncProperty(outputSituationArb, async (s) => {
        const dir = tempDir("helhet-outputs-");
        try {
          expect(await outputProblems(dir, s)).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("5,000 edited shard pairs", () => {
    const base = baseShards();
    fc.assert(
      fc.property(fc.array(shardEditArb, { minLength: 1, maxLength: 5 }), (edits) => {
        expect(shardProblems(base, edits)).toEqual([]);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
