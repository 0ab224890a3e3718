import { describe, expect, it } from "vitest";
import { createStream, rateProfile, seasonalArrivals } from "../../src/random/index.js";

describe("seasonalArrivals", () => {
  const byMonth = [3, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  it("normalises the months to a day-weighted mean of 1", () => {
    const a = seasonalArrivals(0.01, rateProfile({}), byMonth);
    const mean = a.byMonth.reduce((s, m, i) => s + m * days[i]!, 0) / 365;
    expect(mean).toBeCloseTo(1, 12);
    expect(a.meanRate).toBeCloseTo(0.01, 12);
  });

  it("puts counts per month within 4 standard errors of theory, and none in a zero month", () => {
    const rate = 0.02; // per minute: about 10,500 a year
    const a = seasonalArrivals(rate, rateProfile({ byDay: [2, 1, 1, 1, 1, 0.5, 0.5] }), byMonth);
    const rng = createStream(7, 0, "arrivals");
    const years = 20;
    const counts = new Array(12).fill(0);
    const start = new Array(12).fill(0);
    days.reduce((acc, d, i) => ((start[i] = acc), acc + d), 0);
    let t = 0;
    for (;;) {
      t = a.next(t, rng);
      if (t >= years * 365 * 1440) break;
      const day = Math.floor(t / 1440) % 365;
      let m = 11;
      while (start[m] > day) m--;
      counts[m]++;
    }
    // expected counts: the rate integrated hour by hour (it is constant within an hour)
    const expected = new Array(12).fill(0);
    for (let h = 0; h < years * 365 * 24; h++) {
      const day = Math.floor(h / 24) % 365;
      let m = 11;
      while (start[m] > day) m--;
      expected[m] += a.rateAt(h * 60 + 30) * 60;
    }
    for (let m = 0; m < 12; m++) {
      const tol = 4 * Math.sqrt(expected[m]); // Poisson: variance = mean
      expect(Math.abs(counts[m] - expected[m]), `month ${m}`).toBeLessThanOrEqual(tol);
    }
    expect(counts[6]).toBe(0);
  });

  it("rejects bad months", () => {
    expect(() => seasonalArrivals(0.1, rateProfile({}), [1, 2])).toThrow(/byMonth/);
    expect(() => seasonalArrivals(-1, rateProfile({}), byMonth)).toThrow(/ratePerMinute/);
  });
});
