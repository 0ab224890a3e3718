/**
 * Property tests of issue 14 (quick versions; `npm run test:long` runs more): generated output
 * paths for --out and --html (test/robustness/outputPaths.ts) and generated shard files
 * (test/robustness/shardHeaders.ts). See docs/reliability.md.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tempDir } from "../regressions/cliHelpers.js";
import { expectedOf, outputProblems, outputSituationArb, snapshot, THINGS } from "./outputPaths.js";
import { baseShards, editedTexts, shardEditArb, shardProblems } from "./shardHeaders.js";

const SEED = 20261127;

describe("generated output paths", () => {
  it("150 situations: refused exactly when the oracle says, with the option and path named, and nothing but the outputs changed", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(outputSituationArb, async (s) => {
        const dir = tempDir("helhet-outputs-");
        try {
          seen.add(expectedOf(s).kind);
          expect(await outputProblems(dir, s)).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(seen).toEqual(new Set(["ok", "usage", "output"]));
  });

  it("the situations are varied, and the checks have teeth", () => {
    const sample = fc.sample(outputSituationArb, { seed: SEED, numRuns: 300 });
    expect(new Set(sample.flatMap((s) => [s.out?.thing, s.html?.thing]).filter(Boolean)).size).toBe(THINGS.length + 1);
    const dir = tempDir("helhet-outputs-");
    writeFileSync(join(dir, "a"), "1");
    const before = snapshot(dir);
    writeFileSync(join(dir, "a"), "2");
    expect(snapshot(dir)).not.toEqual(before);
  });
});

describe("generated shard files", () => {
  const base = baseShards();

  it("unedited, they merge into the comparison of one run", () => {
    expect(shardProblems(base, [])).toEqual([]);
    // teeth: a comparison that differs is reported
    expect(shardProblems({ ...base, serial: "{}" }, [])).toEqual(["the unedited shards do not merge into the comparison of one run"]);
  });

  it("300 edited pairs: a ShardError naming the file, or a merged comparison without NaN; never another error, never slow", () => {
    fc.assert(
      fc.property(fc.array(shardEditArb, { minLength: 1, maxLength: 3 }), (edits) => {
        expect(shardProblems(base, edits)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("the edits reach every field they aim at", () => {
    const sample = fc.sample(shardEditArb, { seed: SEED, numRuns: 400 });
    expect(new Set(sample.map((e) => e.kind)).size).toBe(6);
    const nested = editedTexts(base.texts, [{ kind: "nest", shard: 0, at: 0, depth: 5000 }]);
    expect(nested[0]).toContain("[".repeat(5000));
  });
});
