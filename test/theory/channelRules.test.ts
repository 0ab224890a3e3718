/**
 * Channel rules against the engine (issue 13, item 7): with phone calls that queue while the
 * team is closed and patience counted from arrival, a one-team office-hours scenario with
 * exponential service and exponential patience is a plain M/M/c+M queue with opening hours.
 * The model's contact records must agree with a direct engine run of that queue (the same
 * hours, rates and window, its own random numbers): for the mean wait, the share that reneged
 * and the throughput, the 99% Welch interval of the difference of the replication means must
 * hold 0, and each side's interval must be narrow enough to mean something.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { independentDifference } from "../../src/stats/index.js";
import { interval } from "./network.js";
import { officeHours, officeHoursParagraph } from "./officeHours.js";

describe("channel rules: queue while closed, patience from arrival", () => {
  it("an office-hours phone line agrees with the engine run of the same M/M/2+M queue (wait, reneged share, throughput)", () => {
    const { model, engine } = officeHours();
    for (const key of ["meanWait", "renegedShare", "servedPerWeek"] as const) {
      const m = model.map((x) => x[key]);
      const e = engine.map((x) => x[key]);
      const d = independentDifference(m, e, 0.99);
      const [lo, hi] = d.ci as [number, number];
      expect(0, `${key}: model ${interval(m).mean} vs engine ${interval(e).mean}, 99% interval of the difference [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
      expect(0, key).toBeLessThanOrEqual(hi);
      // the test has teeth: each side's 99% interval within ±5% of its mean
      expect(interval(m).halfWidth / interval(m).mean, `${key} (model)`).toBeLessThan(0.05);
      expect(interval(e).halfWidth / interval(e).mean, `${key} (engine)`).toBeLessThan(0.05);
    }
    // a queue where the rules matter: many calls wait overnight and many hang up
    expect(interval(engine.map((x) => x.renegedShare)).mean).toBeGreaterThan(0.2);
    expect(interval(engine.map((x) => x.meanWait)).mean).toBeGreaterThan(60);
  }, 300_000);

  it("docs/engine.md gives the figures these runs give (else: npx tsx scripts/theoryReport.ts --write)", () => {
    const text = readFileSync(join(__dirname, "..", "..", "docs", "engine.md"), "utf8");
    const region = /<!-- officeHours:begin -->\n([\s\S]*?)\n<!-- officeHours:end -->/.exec(text);
    expect(region, "engine.md has no officeHours region").not.toBeNull();
    expect(region![1]).toBe(officeHoursParagraph());
  }, 300_000);
});
