import { describe, expect, it } from "vitest";
import {
  createStream,
  exponential,
  poissonArrivals,
  profiledArrivals,
  rateProfile,
  streamState,
} from "../../src/random/index.js";
import {
  expectCdfWithinSE,
  expectMeanWithinSE,
  expectVarianceWithinSE,
} from "../helpers/expectWithinSE.js";

const WEEK = 10080;

/** All arrival times in [0, horizon). */
function arrivalsUntil(
  process: { next(now: number, rng: () => number): number },
  horizon: number,
  rng: () => number,
): number[] {
  const times: number[] = [];
  for (let t = process.next(0, rng); t < horizon; t = process.next(t, rng)) times.push(t);
  return times;
}

describe("poissonArrivals", () => {
  it("has constant rate and mean rate", () => {
    const p = poissonArrivals(0.5);
    expect(p.kind).toBe("poisson");
    expect(p.meanRate).toBe(0.5);
    expect(p.rateAt(12345)).toBe(0.5);
  });

  it("gives λT arrivals over a long horizon (within 4 SE, Poisson variance λT)", () => {
    const rate = 0.5;
    const horizon = 400_000; // λT = 2e5
    const rng = createStream(2024, 0, "test:poisson");
    const times = arrivalsUntil(poissonArrivals(rate), horizon, rng);
    const expected = rate * horizon;
    expect(Math.abs(times.length - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
  });

  it("has exponential gaps: mean, variance and CDF of exponential(1/λ) (n = 2e5, 4 SE)", () => {
    const rng = createStream(2024, 0, "test:poisson:gaps");
    const process = poissonArrivals(0.2);
    const gaps = new Float64Array(200_000);
    let now = 1000;
    for (let i = 0; i < gaps.length; i++) {
      const next = process.next(now, rng);
      gaps[i] = next - now;
      now = next;
    }
    const d = exponential(5);
    expectMeanWithinSE(gaps, d.mean, d.variance);
    expectVarianceWithinSE(gaps, d.variance, 4, 9 * d.mean ** 4);
    expectCdfWithinSE(gaps, (x) => d.cdf(x), [0.5, 2, 5, 10, 20]);
  });

  it("is reproducible: the same stream gives the same times", () => {
    const p = poissonArrivals(1 / 7);
    expect(arrivalsUntil(p, 5000, createStream(1, 2, "arrivals"))).toEqual(
      arrivalsUntil(p, 5000, createStream(1, 2, "arrivals")),
    );
  });

  it("returns Infinity for rate 0, without consuming uniforms", () => {
    const rng = createStream(1, 0, "test:zero");
    const before = streamState(rng);
    expect(poissonArrivals(0).next(0, rng)).toBe(Number.POSITIVE_INFINITY);
    expect(poissonArrivals(0).meanRate).toBe(0);
    expect(streamState(rng)).toEqual(before);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects rate %s", (rate) => {
    expect(() => poissonArrivals(rate)).toThrow(
      /poissonArrivals: ratePerMinute must be a finite number >= 0; got/,
    );
  });
});

describe("profiledArrivals", () => {
  // Monday-Saturday with a busier Friday and a quiet Saturday; Sunday closed; nothing 00-07.
  const byDay = [1, 1, 1, 1, 1.2, 0.6, 0];
  const byHour = [
    0, 0, 0, 0, 0, 0, 0, 0.5, 2, 2, 2, 2, 1, 2, 2, 2, 2, 0.8, 0.8, 0.8, 0.8, 0.8, 0.2, 0.2,
  ];
  const profile = rateProfile({ byDay, byHour });
  const rate = 0.25; // per minute, weekly average
  const weeks = 100;

  it("has rateAt = base × multiplier and meanRate = base", () => {
    const p = profiledArrivals(rate, profile);
    expect(p.kind).toBe("profiled");
    expect(p.meanRate).toBe(rate);
    const friday14 = profile.hourly[4 * 24 + 14] as number;
    expect(p.rateAt(4 * 1440 + 14 * 60 + 30)).toBeCloseTo(rate * friday14, 15);
    expect(p.rateAt(6 * 1440 + 600)).toBe(0);
    expect(p.maxRate).toBeCloseTo(rate * profile.maxMultiplier, 15);
  });

  it("gives hour-of-week counts λ·m_h·60·weeks (4 SE), exactly 0 in zero-rate hours", () => {
    const p = profiledArrivals(rate, profile);
    const times = arrivalsUntil(p, weeks * WEEK, createStream(2024, 0, "test:profiled"));
    const counts = new Array<number>(168).fill(0);
    for (const t of times) counts[Math.floor((t % WEEK) / 60)]! += 1;
    const expected = (h: number) => rate * (profile.hourly[h] as number) * 60 * weeks;

    // Mon 09, Wed 07 (low), Thu 22, Fri 14 (busiest), Sat 10 (quiet).
    for (const h of [9, 2 * 24 + 7, 3 * 24 + 22, 4 * 24 + 14, 5 * 24 + 10]) {
      const mu = expected(h);
      expect(mu).toBeGreaterThan(100);
      const diff = Math.abs((counts[h] as number) - mu);
      expect(diff, `hour ${h}`).toBeLessThanOrEqual(4 * Math.sqrt(mu));
    }
    // Every zero-rate hour (all of Sunday, 00-07 every day) gets exactly 0 arrivals.
    const zeroHours = profile.hourly.flatMap((m, h) => (m === 0 ? [h] : []));
    expect(zeroHours.length).toBe(24 + 6 * 7);
    for (const h of zeroHours) expect(counts[h], `zero-rate hour ${h}`).toBe(0);

    // Total: Poisson with mean λT (the profile has mean 1).
    const total = rate * weeks * WEEK;
    expect(Math.abs(times.length - total)).toBeLessThanOrEqual(4 * Math.sqrt(total));

    // All 102 non-zero hours together: Pearson's X² against χ²(102), threshold at the normal
    // z = 4 level by the Wilson–Hilferty approximation (Wilson & Hilferty, PNAS 17 (1931) 684).
    let x2 = 0;
    let k = 0;
    for (let h = 0; h < 168; h++) {
      if (profile.hourly[h] === 0) continue;
      x2 += ((counts[h] as number) - expected(h)) ** 2 / expected(h);
      k++;
    }
    const threshold = k * (1 - 2 / (9 * k) + 4 * Math.sqrt(2 / (9 * k))) ** 3;
    expect(x2).toBeLessThanOrEqual(threshold);
  });

  it("gives strictly increasing times and skips closed periods", () => {
    const p = profiledArrivals(rate, profile);
    const rng = createStream(3, 0, "test:profiled:order");
    let t = 0;
    for (let i = 0; i < 5000; i++) {
      const next = p.next(t, rng);
      expect(next).toBeGreaterThan(t);
      t = next;
    }
    // From Sunday noon the next arrival is Monday 07:00 of the next week at the earliest.
    for (let i = 0; i < 200; i++) {
      expect(p.next(6 * 1440 + 720, rng)).toBeGreaterThanOrEqual(WEEK + 7 * 60);
    }
  });

  it("returns Infinity for rate 0, for an all-zero profile and from now = Infinity", () => {
    const rng = createStream(1, 0, "test:zero");
    expect(profiledArrivals(0, profile).next(0, rng)).toBe(Number.POSITIVE_INFINITY);
    const closed = profiledArrivals(1, rateProfile({ byHour: new Array(24).fill(0) }));
    expect(closed.meanRate).toBe(0);
    expect(closed.next(0, rng)).toBe(Number.POSITIVE_INFINITY);
    const never = Number.POSITIVE_INFINITY;
    expect(profiledArrivals(1, profile).next(never, rng)).toBe(never);
  });

  it("rejects invalid arguments, naming the parameter", () => {
    expect(() => profiledArrivals(-0.1, profile)).toThrow(
      /profiledArrivals: ratePerMinute must be a finite number >= 0; got -0.1/,
    );
    expect(() => profiledArrivals(1, { byDay } as never)).toThrow(
      /profiledArrivals: profile must be a RateProfile/,
    );
    const rng = createStream(1, 0, "x");
    expect(() => profiledArrivals(1, profile).next(Number.NaN, rng)).toThrow(
      /now must be a finite number; got NaN/,
    );
  });
});
