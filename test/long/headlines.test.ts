/**
 * The generated figures of the docs are up to date: runs scripts/headlines.ts's pieces in full
 * (a minute or two) and compares every marked region of docs/validation.md and docs/model.md
 * with what the model gives now. Runs only under `npm run test:long` (HELHET_LONG=1); when it
 * fails, run `npx tsx scripts/headlines.ts --write` and read what moved.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGIONS, blocks, region, runAll } from "../../scripts/headlines.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: the generated figures of the docs", () => {
  it("match what the model gives now (npx tsx scripts/headlines.ts --write)", () => {
    const made = blocks(runAll());
    for (const r of REGIONS) {
      const text = readFileSync(join(__dirname, "..", "..", r.file), "utf8");
      expect(region(text, r.name), `${r.file}: the ${r.name} region is stale; run npx tsx scripts/headlines.ts --write`).toBe(made[r.name]);
    }
  });
});
