import { describe, expect, it } from "vitest";
import { hourlyRateProfile, rateProfile } from "../../src/random/index.js";

const WEEK = 10080;
const officeHours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 1 : 0));

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe("rateProfile", () => {
  it("is flat (all multipliers 1) when byDay and byHour are omitted", () => {
    const p = rateProfile({});
    expect(p.hourly).toHaveLength(168);
    expect(p.hourly.every((m) => m === 1)).toBe(true);
    expect(p.maxMultiplier).toBe(1);
    expect(p.meanMultiplier).toBe(1);
  });

  it("is the product byDay × byHour, normalised to mean 1 over the week", () => {
    const byDay = [1, 1, 1, 1, 1.2, 0.6, 0];
    const byHour = Array.from({ length: 24 }, (_, h) => 1 + (h % 5));
    const p = rateProfile({ byDay, byHour });
    expect(mean(p.hourly)).toBeCloseTo(1, 14);
    // Raw weekly sum: Σ byDay × Σ byHour = 5.8 × 70 (Σ_h (1 + h mod 5) = 24 + 46), so each raw
    // product is scaled by 168 / 406.
    const scale = 168 / (5.8 * 70);
    expect(p.hourly[4 * 24 + 3]).toBeCloseTo(1.2 * 4 * scale, 14); // Friday 03:00
    expect(p.hourly[6 * 24 + 10]).toBe(0); // Sunday
    expect(p.maxMultiplier).toBeCloseTo(1.2 * 5 * scale, 14);
  });

  it("spreads the week's average over open hours (doc example)", () => {
    const p = rateProfile({ byDay: [1, 1, 1, 1, 1, 0, 0], byHour: officeHours });
    expect(p.multiplierAt(9 * 60)).toBeCloseTo(168 / 40, 14); // Monday 09:00
    expect(p.multiplierAt(5 * 1440 + 9 * 60)).toBe(0); // Saturday 09:00
    expect(p.multiplierAt(7 * 60 + 59.999)).toBe(0); // Monday 07:59.999
  });

  it("maps times to half-open hours of the week, wrapping weeks and negative times", () => {
    const p = hourlyRateProfile(Array.from({ length: 168 }, (_, h) => h + 1));
    const at = (t: number) => p.multiplierAt(t) / (p.hourly[0] as number); // = hour index + 1
    expect(at(0)).toBeCloseTo(1, 12);
    expect(at(59.999)).toBeCloseTo(1, 12);
    expect(at(60)).toBeCloseTo(2, 12);
    expect(at(WEEK - 0.001)).toBeCloseTo(168, 12);
    expect(at(WEEK)).toBeCloseTo(1, 12);
    expect(at(3 * WEEK + 61)).toBeCloseTo(2, 12);
    expect(at(-1)).toBeCloseTo(168, 12);
    expect(at(-WEEK)).toBeCloseTo(1, 12);
    expect(p.multiplierAt(Number.NaN)).toBeNaN();
    expect(p.multiplierAt(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("keeps an all-zero profile at zero (mean 0, max 0)", () => {
    const p = rateProfile({ byDay: [0, 0, 0, 0, 0, 0, 0] });
    expect(p.meanMultiplier).toBe(0);
    expect(p.maxMultiplier).toBe(0);
    expect(p.hourly.every((m) => m === 0)).toBe(true);
  });

  it("rejects wrong lengths and bad entries, naming them", () => {
    expect(() => rateProfile({ byDay: [1, 1, 1] })).toThrow(
      /rateProfile: options.byDay must be an array of 7 numbers; got an array of length 3/,
    );
    expect(() => rateProfile({ byHour: Array(23).fill(1) })).toThrow(
      /rateProfile: options.byHour must be an array of 24 numbers/,
    );
    expect(() => rateProfile({ byDay: [1, 1, -1, 1, 1, 1, 1] })).toThrow(
      /rateProfile: options.byDay\[2\] must be a finite number >= 0; got -1/,
    );
    expect(() => rateProfile(null as never)).toThrow(TypeError);
  });
});

describe("hourlyRateProfile", () => {
  it("normalises 168 values to mean 1 (doc example)", () => {
    const p = hourlyRateProfile(Array.from({ length: 168 }, (_, h) => (h < 84 ? 3 : 1)));
    expect(p.hourly[0]).toBe(1.5);
    expect(p.hourly[167]).toBe(0.5);
    expect(p.maxMultiplier).toBe(1.5);
    expect(mean(p.hourly)).toBe(1);
  });

  it("does not keep a reference to the input", () => {
    const values = Array(168).fill(2) as number[];
    const p = hourlyRateProfile(values);
    values[0] = 100;
    expect(p.multiplierAt(0)).toBe(1);
    expect(Object.isFrozen(p.hourly)).toBe(true);
  });

  it("rejects a wrong length and bad entries", () => {
    expect(() => hourlyRateProfile(Array(167).fill(1))).toThrow(
      /hourlyRateProfile: multipliers must be an array of 168 numbers; got an array of length 167/,
    );
    const bad = Array(168).fill(1) as number[];
    bad[100] = Number.NaN;
    expect(() => hourlyRateProfile(bad)).toThrow(
      /hourlyRateProfile: multipliers\[100\] must be a finite number >= 0; got NaN/,
    );
    expect(() => hourlyRateProfile(undefined as never)).toThrow(
      /hourlyRateProfile: multipliers must be an array of 168 numbers; got undefined/,
    );
  });
});
