import { describe, expect, it } from "vitest";
import { xmrLimits } from "../../src/stats/index.js";

describe("xmrLimits", () => {
  it("computes the limits by hand and flags a point beyond them", () => {
    // Mean 70/8 = 8.75. Moving ranges 1,1,2,1,1,1,24: mR̄ = 31/7.
    // UNPL = 8.75 + 2.66·31/7 = 20.53; LNPL = max(0, 8.75 − 11.78) = 0; URL = 3.267·31/7.
    const r = xmrLimits([5, 6, 5, 7, 6, 5, 6, 30]);
    expect(r.mean).toBe(8.75);
    expect(r.movingRangeMean).toBeCloseTo(31 / 7, 14);
    expect(r.upperLimit).toBeCloseTo(20.53, 12);
    expect(r.lowerLimit).toBe(0);
    expect(r.movingRangeUpperLimit).toBeCloseTo((3.267 * 31) / 7, 12);
    expect(r.signals).toEqual([{ index: 7, rule: "beyond-limits", side: "above" }]);
  });

  it("flags a run of eight above the centre line and a point below the lower limit", () => {
    // Indices 0–9 wander around 100, 10–17 sit at 102, 18 drops to 90.
    // Sum = 1000 + 8·102 + 90 = 1906, mean = 1906/19 = 100.3158.
    // Moving ranges: 1,2,1,1,2,1,1,2,1 (=12), then |102 − 100| = 2, seven 0s, then 12: mR̄ = 26/18.
    // LNPL = 100.3158 − 2.66·1.4444 = 96.474 > 90; UNPL = 104.158 > 102.
    // Index 9 (100) is below the mean, so the run above starts at 10 and reaches 8 at 17.
    const xs = [100, 101, 99, 100, 101, 99, 100, 101, 99, 100, ...Array(8).fill(102), 90];
    const r = xmrLimits(xs);
    expect(r.mean).toBeCloseTo(1906 / 19, 12);
    expect(r.movingRangeMean).toBeCloseTo(26 / 18, 12);
    expect(r.lowerLimit).toBeCloseTo(1906 / 19 - (2.66 * 26) / 18, 12);
    expect(r.signals).toEqual([
      { index: 17, rule: "run-of-8", side: "above" },
      { index: 18, rule: "beyond-limits", side: "below" },
    ]);
  });

  it("reports a long run once, at its eighth point", () => {
    // Ten values alternating 1, 1.5 then ten alternating 2.5, 3: mean (12.5 + 27.5)/20 = 2.
    // Moving ranges: nine 0.5s, one 1, nine 0.5s: mR̄ = 10/19, limits 2 ± 1.40 hold every value.
    // The run below reaches 8 at index 7, the run above at index 17; later points add nothing.
    const below = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 1 : 1.5));
    const above = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 2.5 : 3));
    const r = xmrLimits([...below, ...above]);
    expect(r.mean).toBe(2);
    expect(r.signals).toEqual([
      { index: 7, rule: "run-of-8", side: "below" },
      { index: 17, rule: "run-of-8", side: "above" },
    ]);
  });

  it("lets a value exactly on the centre line end a run", () => {
    // 7 below (0.5/1.5, sum 6.5), one 2, 7 below, then 19 above (nine pairs 2.5, 3 and a 3.5,
    // sum 53). Sum = 6.5 + 2 + 6.5 + 53 = 68 over 34 values: mean exactly 2, the 2 is on the line.
    // mR̄ = (6 + 1.5 + 1.5 + 6 + 2 + 8.5 + 0.5)/33 = 26/33: limits [0, 4.10] hold every value.
    // Neither run of 7 below signals; the run above reaches 8 at index 15 + 7 = 22.
    const seven = [0.5, 1.5, 0.5, 1.5, 0.5, 1.5, 0.5];
    const high = [...Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? 2.5 : 3)), 3.5];
    const r = xmrLimits([...seven, 2, ...seven, ...high]);
    expect(r.mean).toBe(2);
    expect(r.movingRangeMean).toBeCloseTo(26 / 33, 14);
    expect(r.signals).toEqual([{ index: 22, rule: "run-of-8", side: "above" }]);
  });

  it("finds nothing in a stable series", () => {
    // Mean 10.7 is crossed at every step (10 below, 11/12 above), so no run exceeds 1;
    // mR̄ = (2+3+2+1+2+3+2+1+1)/9 = 17/9, limits 10.7 ± 5.02 contain every value.
    const r = xmrLimits([10, 12, 9, 11, 10, 12, 9, 11, 10, 11]);
    expect(r.movingRangeMean).toBeCloseTo(17 / 9, 14);
    expect(r.signals).toEqual([]);
  });

  it("rejects fewer than two values and non-finite values", () => {
    expect(() => xmrLimits([1])).toThrow(/at least 2 elements, got 1/);
    expect(() => xmrLimits([1, NaN, 2])).toThrow(/values\[1\] must be finite/);
  });
});
