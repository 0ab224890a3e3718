import { describe, expect, it } from "vitest";
import { TimeWeighted } from "../../src/stats/index.js";

describe("TimeWeighted", () => {
  it("averages a piecewise-constant signal (hand example)", () => {
    // 0 on [0,2), 3 on [2,5), 1 on [5,10): area = 0·2 + 3·3 + 1·5 = 14 over 10 time units.
    const tw = new TimeWeighted(0, 0).update(2, 3).update(5, 1);
    expect(tw.mean(10)).toBeCloseTo(1.4, 15);
    // Up to t = 5 only: area 9 over 5.
    expect(tw.mean(5)).toBeCloseTo(1.8, 15);
    expect(tw.value).toBe(1);
  });

  it("restarts the average at reset(t) and keeps the current value (warm-up)", () => {
    // After reset(4) the signal is 3 on [4,5) and 1 on [5,10): (3·1 + 1·5)/6 = 4/3.
    const tw = new TimeWeighted(0, 0).update(2, 3).reset(4).update(5, 1);
    expect(tw.mean(10)).toBeCloseTo(4 / 3, 15);
  });

  it("gives zero weight to values that last no time", () => {
    const tw = new TimeWeighted(0, 5).update(2, 100).update(2, 1);
    // 5 on [0,2), 1 on [2,4): (10 + 2)/4 = 3.
    expect(tw.mean(4)).toBe(3);
  });

  it("returns the current value for an empty window", () => {
    expect(new TimeWeighted(7, 2).mean(7)).toBe(2);
    expect(new TimeWeighted(0, 2).update(3, 9).reset(3).mean(3)).toBe(9);
  });

  it("does not depend on the origin of time", () => {
    const a = new TimeWeighted(0, 1).update(1.5, 4).update(2.25, 0).mean(3);
    const b = new TimeWeighted(1000, 1).update(1001.5, 4).update(1002.25, 0).mean(1003);
    expect(b).toBeCloseTo(a, 12);
  });

  it("rejects time going backwards and non-finite input", () => {
    const tw = new TimeWeighted(0, 1).update(5, 2);
    expect(() => tw.update(4, 1)).toThrow(/t must be finite and >= 5, got 4/);
    expect(() => tw.mean(4.9)).toThrow(RangeError);
    expect(() => tw.reset(1)).toThrow(RangeError);
    expect(() => tw.update(6, NaN)).toThrow(/value must be finite/);
    expect(() => new TimeWeighted(NaN, 0)).toThrow(/t0/);
    expect(() => new TimeWeighted(0, Infinity)).toThrow(/value/);
  });
});
