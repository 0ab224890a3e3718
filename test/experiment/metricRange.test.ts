import { describe, expect, it } from "vitest";
import { compare, loadScenario, metricRange, policies, withinRange } from "../../src/index.js";

describe("intervals within their range", () => {
  it("classifies every metric of a Comparison: shares and utilisations in [0, 1], the rest non-negative", () => {
    const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, horizon: "4 weeks", warmup: "1 week" });
    for (const [name, est] of Object.entries(c.policies["whole"] ?? {})) {
      const [low, high] = metricRange(name);
      expect(est.mean, name).toBeGreaterThanOrEqual(low);
      expect(est.mean, name).toBeLessThanOrEqual(high);
    }
    expect(metricRange("failureDemandShare")).toEqual([0, 1]);
    expect(metricRange("utilisation.desk")).toEqual([0, 1]);
    expect(metricRange("failureDemandByCause.wrongAnswer")).toEqual([0, 1]);
    expect(metricRange("callAbandonment")).toEqual([0, 1]);
    expect(metricRange("costPerNeed")).toEqual([0, Infinity]);
  });

  it("cuts an interval at its range's ends and leaves one inside unchanged", () => {
    expect(withinRange([-0.02, 0.07], [0, 1])).toEqual([0, 0.07]);
    expect(withinRange([0.86, 1.05], [0, 1])).toEqual([0.86, 1]);
    expect(withinRange([0.2, 0.3], [0, 1])).toEqual([0.2, 0.3]);
    expect(withinRange([-3, 12], [0, Infinity])).toEqual([0, 12]);
    expect(withinRange(null, [0, 1])).toBeNull();
  });

  it("keeps every interval of a two-replication comparison (wide t intervals) within range", () => {
    // two replications of a short run: t(0.975, 1) = 12.7, so raw t intervals leave [0, 1] often
    const c = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, horizon: "3 weeks", warmup: "0 min" });
    let cut = 0;
    for (const policy of Object.values(c.policies)) {
      for (const [name, est] of Object.entries(policy)) {
        const [low, high] = metricRange(name);
        const ci = est.ci95 as [number, number];
        expect(ci[0], name).toBeGreaterThanOrEqual(low);
        expect(ci[1], name).toBeLessThanOrEqual(high);
        expect(ci[0], name).toBeLessThanOrEqual(est.mean);
        expect(ci[1], name).toBeGreaterThanOrEqual(est.mean);
        if (ci[0] === low && est.sd !== null && est.sd > 0) cut++;
      }
    }
    // the test reaches the cut: some raw intervals went below 0
    expect(cut).toBeGreaterThan(5);
    for (const diffs of Object.values(c.differences)) {
      for (const [name, d] of Object.entries(diffs)) {
        const [low, high] = metricRange(name);
        const ci = d.ci95 as [number, number];
        expect(ci[0], name).toBeGreaterThanOrEqual(low - high);
        expect(ci[1], name).toBeLessThanOrEqual(high - low);
      }
    }
  });
});
