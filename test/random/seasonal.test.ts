import { describe, expect, it } from "vitest";
import { createStream, rateProfile, seasonalArrivals, type Rng } from "../../src/random/index.js";

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

describe("seasonalArrivals: inversion of the cumulative rate", () => {
  const HOURS = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? 1 + (h % 3) : h < 6 ? 0 : 0.1));
  const profile = rateProfile({ byDay: [2, 1, 1, 1, 1, 0, 0], byHour: HOURS });
  const months = [3, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2];
  // the inversion written plainly: the rate worked out by rateAt at the start of every stretch
  const reference = (a: ReturnType<typeof seasonalArrivals>, now: number, rng: () => number): number => {
    let e = -Math.log(1 - rng());
    let from = now;
    for (;;) {
      const to = (Math.floor(from / 60) + 1) * 60;
      const rate = a.rateAt(from);
      if (e < rate * (to - from)) return from + e / rate;
      e -= rate * (to - from);
      from = to;
    }
  };

  it("gives exactly the arrivals of the inversion with the rate worked out by rateAt at every hour", () => {
    const a = seasonalArrivals(0.02, profile, months);
    const fast = createStream(11, 0, "arrivals");
    const slow = createStream(11, 0, "arrivals");
    let t = 0;
    let r = 0;
    for (let k = 0; k < 50_000; k++) {
      t = a.next(t, fast);
      r = reference(a, r, slow);
      expect(t).toBe(r);
    }
    // past a year: the months come round again
    expect(t).toBeGreaterThan(365 * 1440);
  });

  it("draws one number per arrival, and spends it across an hour's edge where the rate changes", () => {
    const a = seasonalArrivals(0.02, profile, new Array(12).fill(1));
    const once = (u: number): Rng => {
      let calls = 0;
      return (() => {
        calls++;
        if (calls > 1) throw new Error("drew a second number");
        return u;
      }) as unknown as Rng;
    };
    // Monday 16:30, half an hour before the rate falls from 2 to 0.1 of the profile
    const now = 16 * 60 + 30;
    const before = a.rateAt(now);
    const after = a.rateAt(17 * 60);
    expect(before).toBeGreaterThan(after);
    // a number that takes three quarters of the half hour's expected arrivals lands before the edge
    const inside = 0.75 * before * 30;
    expect(a.next(now, once(1 - Math.exp(-inside)))).toBeCloseTo(now + inside / before, 9);
    // one that takes the half hour and 10 minutes' worth at the lower rate lands 10 minutes past it
    const across = before * 30 + after * 10;
    expect(a.next(now, once(1 - Math.exp(-across)))).toBeCloseTo(17 * 60 + 10, 6);
    // nothing at night (the profile is 0 from midnight to 6): the next arrival after 23:59 comes from 6:00 on
    expect(a.next(1440 - 1, once(0.999))).toBeGreaterThanOrEqual(1440 + 6 * 60);
    // and none past `until`
    expect(a.next(now, once(1 - Math.exp(-across)), 17 * 60)).toBe(Infinity);
  });

  it("moves every arrival earlier when the rate is higher, with the same stream (common random numbers)", () => {
    const low = seasonalArrivals(0.02, profile, months);
    const high = seasonalArrivals(0.03, profile, months);
    const a = createStream(5, 0, "arrivals");
    const b = createStream(5, 0, "arrivals");
    let tl = 0;
    let th = 0;
    for (let k = 0; k < 20_000; k++) {
      tl = low.next(tl, a);
      th = high.next(th, b);
      expect(th, `arrival ${k}`).toBeLessThanOrEqual(tl);
    }
  });
});
