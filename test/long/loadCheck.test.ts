/**
 * The figure of docs/analysis.md and docs/validation.md on the load analysis against the
 * simulation (ten seeds of three scenarios under both presets, every failure mechanism off):
 * the docs must show what the code gives now (else: `npx tsx scripts/loadCheckReport.ts
 * --write`), and the standardised differences must show no bias and a spread near one. Runs only
 * under `npm run test:long` (HELHET_LONG=1).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckSentence, reworkFigures, reworkSentences, standardisedDifferences } from "../analysis/loadCheck.js";

describe.runIf(process.env["HELHET_LONG"] === "1")("long: the load analysis against ten seeds of the simulation", () => {
  it("docs/analysis.md and docs/validation.md give the figure the code gives", () => {
    const sentence = loadCheckSentence(10);
    for (const doc of ["analysis.md", "validation.md"]) {
      const text = readFileSync(join(__dirname, "..", "..", "docs", doc), "utf8");
      const region = /<!-- loadCheck:begin -->([\s\S]*?)<!-- loadCheck:end -->/.exec(text);
      expect(region, `${doc} has no loadCheck region`).not.toBeNull();
      expect(region![1], doc).toBe(sentence);
    }
    // no bias, and the Poisson bound close to the real spread (an upper bound: sd at most about 1)
    const z = standardisedDifferences(10);
    const mean = z.reduce((a, x) => a + x, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(z.length));
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(4);
  }, 1_200_000);

  it("docs/analysis.md gives what failed work (M8) does in the model and in the analysis; the rework is what the routing predicts", () => {
    const text = readFileSync(join(__dirname, "..", "..", "docs", "analysis.md"), "utf8");
    const region = /<!-- rework:begin -->([\s\S]*?)<!-- rework:end -->/.exec(text);
    expect(region, "analysis.md has no rework region").not.toBeNull();
    expect(region![1]).toBe(reworkSentences());
    for (const f of reworkFigures()) {
      // the model's rework within 10% of pν/(1 − pν) reworks per case (a Poisson count over 1,000 weeks)
      expect(Math.abs(f.rework / f.predicted.minutes - 1), f.team).toBeLessThan(0.1);
      // the analysis offers more than the model books: 1/(1 − p) full repeats against rework at a share
      expect(f.offered, f.team).toBeGreaterThan(f.simulated);
    }
  }, 600_000);
});
