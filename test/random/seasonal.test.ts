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

describe("seasonalArrivals: the rate remembered within an hour", () => {
  // the thinning as it was before the memo: rateAt at every candidate
  const reference = (a: ReturnType<typeof seasonalArrivals>, now: number, rng: () => number): number => {
    const maxRate = a.meanRate > 0 ? Math.max(...a.byMonth) * 0.02 * Math.max(...rateProfile({ byDay: [2, 1, 1, 1, 1, 0, 0], byHour: HOURS }).hourly) : 0;
    let t = now;
    for (;;) {
      t -= Math.log(1 - rng()) / maxRate;
      if (rng() * maxRate < a.rateAt(t)) return t;
    }
  };
  const HOURS = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? 1 + (h % 3) : 0.1));

  it("gives exactly the arrivals of thinning with the rate worked out at every candidate", () => {
    const a = seasonalArrivals(0.02, rateProfile({ byDay: [2, 1, 1, 1, 1, 0, 0], byHour: HOURS }), [3, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2]);
    const fast = createStream(11, 0, "arrivals");
    const slow = createStream(11, 0, "arrivals");
    let t = 0;
    let r = 0;
    for (let k = 0; k < 50_000; k++) {
      t = a.next(t, fast);
      r = reference(a, r, slow);
      expect(t).toBe(r);
    }
  });

  it("uses the rate at the candidate itself on either side of an hour's edge, near and far out in time", () => {
    const profile = rateProfile({ byDay: [2, 1, 1, 1, 1, 0, 0], byHour: HOURS });
    const a = seasonalArrivals(0.02, profile, new Array(12).fill(1));
    const maxRate = 0.02 * profile.maxMultiplier * Math.max(...a.byMonth); // as the thinning bounds it
    // a stream that first gives `first` and then 0.5 for ever; 0 as the step's uniform puts the
    // candidate exactly at `now`
    const stream = (...first: number[]): Rng => {
      let i = 0;
      // the thinning calls the stream as a function only
      return (() => (i < first.length ? first[i++]! : 0.5)) as unknown as Rng;
    };
    let probes = 0;
    // Monday 17:00 (the rate falls from 2 to 0.1 of the profile), Tuesday 00:00 (the day's weight
    // halves), the same Monday 17:00 about 10^12 minutes on, and far beyond where anything is remembered
    for (const edge of [17 * 60, 1440, 10080 * 1e8 + 17 * 60, 10080 * 3e9 + 17 * 60]) {
      const unit = Math.max(1e-9, edge * 2 ** -52);
      for (const d of [-1000 * unit, -unit, 0, unit, 1000 * unit]) {
        const at = edge + d;
        const rate = a.rateAt(at);
        for (const before of [at - 30, at + 30, at - 1e-3]) {
          // the thinning remembers the hour of `before`, then a candidate comes at `at`: it is
          // accepted by a draw just below the rate at `at`, and turned down by one just above
          a.next(before, stream(0, 0), before + 1e-3);
          if (rate > 0) {
            expect(a.next(at, stream(0, (rate / maxRate) * (1 - 1e-9)), at + 1e-3), `${at} after ${before}`).toBe(at);
            a.next(before, stream(0, 0), before + 1e-3);
          }
          expect(a.next(at, stream(0, rate > 0 ? (rate / maxRate) * (1 + 1e-9) : 0), at + 1e-3), `${at} after ${before}`).toBe(Infinity);
          probes++;
        }
      }
    }
    expect(probes).toBe(60);
    // the edges are where the rate changes, so a remembered rate from the wrong hour would show
    expect(a.rateAt(17 * 60 - 1)).not.toBe(a.rateAt(17 * 60));
    expect(a.rateAt(1440 - 1)).not.toBe(a.rateAt(1440));
  });
});
