import { describe, expect, it } from "vitest";
import { erlangA, erlangC, mm1, mmc, pollaczekKhinchine } from "../../src/analysis/index.js";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/**
 * Erlang C by the textbook closed form (Gross et al. 2008, ch. 2):
 * C = (aᶜ/c!)·(c/(c − a)) / (Σ_{k<c} aᵏ/k! + (aᶜ/c!)·(c/(c − a))). Overflows for large c,
 * so it is only an independent reference for small c.
 */
function erlangCDirect(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

describe("erlangC", () => {
  it("matches hand values", () => {
    // c = 1: C = ρ. c = 2, a = 1: B(1) = 1/2, B(2) = 0.5/2.5 = 0.2, C = 0.4/(2 − 0.8) = 1/3.
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 15);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
    expect(erlangC(3, 0)).toBe(0);
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 7)).toBe(1);
  });

  it("agrees with the closed form for small c", () => {
    for (const c of [1, 2, 3, 5, 10, 25, 50]) {
      for (const rho of [0.1, 0.5, 0.8, 0.95, 0.999]) {
        expect(rel(erlangC(c, rho * c), erlangCDirect(c, rho * c))).toBeLessThan(1e-12);
      }
    }
  });

  it("stays finite for thousands of servers (where aᶜ/c! overflows)", () => {
    const big = erlangC(5000, 4900);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(1);
    // More servers at the same load per server: less waiting (economies of scale).
    expect(erlangC(5000, 0.98 * 5000)).toBeLessThan(erlangC(500, 0.98 * 500));
  });

  it("rejects bad arguments", () => {
    expect(() => erlangC(0, 1)).toThrow(/servers must be a positive integer, got 0/);
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
    expect(() => erlangC(2, -1)).toThrow(/offeredLoad must be a finite number >= 0, got -1/);
    expect(() => erlangC(2, NaN)).toThrow(RangeError);
  });
});

describe("mmc and mm1", () => {
  it("gives the M/M/1 formulas", () => {
    // λ = 0.9, μ = 1: Wq = λ/(μ(μ − λ)) = 9, Lq = λWq = 8.1, W = Wq + 1/μ = 10, L = λW = 9.
    const q = mm1({ arrivalRate: 0.9, serviceRate: 1 });
    expect(q.utilisation).toBeCloseTo(0.9, 15);
    expect(q.probWait).toBeCloseTo(0.9, 15);
    expect(q.meanWait).toBeCloseTo(9, 12);
    expect(q.meanQueueLength).toBeCloseTo(8.1, 12);
    expect(q.meanTimeInSystem).toBeCloseTo(10, 12);
    expect(q.meanInSystem).toBeCloseTo(9, 12);
    expect(q.stable).toBe(true);
    expect(mmc({ arrivalRate: 0.9, serviceRate: 1, servers: 1 })).toEqual(q);
  });

  it("gives Erlang C waits for M/M/5 (Wq = C/(cμ − λ) ≈ 1.525 at λ = 4.5, μ = 1)", () => {
    const q = mmc({ arrivalRate: 4.5, serviceRate: 1, servers: 5 });
    expect(rel(q.meanWait, erlangCDirect(5, 4.5) / 0.5)).toBeLessThan(1e-13);
    expect(q.meanWait).toBeCloseTo(1.525, 3);
    expect(q.meanInSystem).toBeCloseTo(4.5 * q.meanTimeInSystem, 12); // Little
  });

  it("reports an unstable queue explicitly", () => {
    for (const lambda of [5, 6]) {
      const q = mmc({ arrivalRate: lambda, serviceRate: 1, servers: 5 });
      expect(q.stable).toBe(false);
      expect(q.utilisation).toBe(lambda / 5);
      expect(q.probWait).toBe(1);
      expect([q.meanWait, q.meanQueueLength, q.meanTimeInSystem, q.meanInSystem]).toEqual([Infinity, Infinity, Infinity, Infinity]);
    }
  });

  it("handles an idle station (λ = 0)", () => {
    const q = mmc({ arrivalRate: 0, serviceRate: 2, servers: 3 });
    expect(q).toEqual({ utilisation: 0, probWait: 0, meanWait: 0, meanQueueLength: 0, meanTimeInSystem: 0.5, meanInSystem: 0, stable: true });
  });

  it("rejects bad options, naming them", () => {
    expect(() => mmc({ arrivalRate: -1, serviceRate: 1, servers: 1 })).toThrow(/mmc: arrivalRate must be a finite number >= 0, got -1/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 0, servers: 1 })).toThrow(/serviceRate must be a finite number > 0, got 0/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 1, servers: 0 })).toThrow(/servers must be a positive integer/);
  });
});

describe("pollaczekKhinchine", () => {
  it("reduces to M/M/1 for exponential service (Var = mean²) and halves the wait for constant service", () => {
    // Different formulas, so equal up to rounding: Wq = 0.9·2/(2·0.1) = λ/(μ(μ − λ)) = 9.
    const mg1 = pollaczekKhinchine({ arrivalRate: 0.9, serviceMean: 1, serviceVariance: 1 });
    const m1 = mm1({ arrivalRate: 0.9, serviceRate: 1 });
    for (const key of ["utilisation", "probWait", "meanWait", "meanQueueLength", "meanTimeInSystem", "meanInSystem"] as const) {
      expect(rel(mg1[key], m1[key])).toBeLessThan(1e-14);
    }
    // M/D/1: Wq = ρ/(2μ(1 − ρ)) = 0.9/0.2 = 4.5.
    expect(pollaczekKhinchine({ arrivalRate: 0.9, serviceMean: 1, serviceVariance: 0 }).meanWait).toBeCloseTo(4.5, 12);
  });

  it("matches a hand computation with cv = 1.5", () => {
    // E[S²] = 2.25 + 1 = 3.25, ρ = 0.5: Wq = 0.5·3.25/(2·0.5) = 1.625; W = 2.625; L = 1.3125.
    const q = pollaczekKhinchine({ arrivalRate: 0.5, serviceMean: 1, serviceVariance: 2.25 });
    expect(q.meanWait).toBe(1.625);
    expect(q.meanTimeInSystem).toBe(2.625);
    expect(q.meanInSystem).toBe(1.3125);
    expect(q.probWait).toBe(0.5);
  });

  it("flags overload and rejects bad options", () => {
    expect(pollaczekKhinchine({ arrivalRate: 1, serviceMean: 1, serviceVariance: 0 }).stable).toBe(false);
    expect(() => pollaczekKhinchine({ arrivalRate: 1, serviceMean: 1, serviceVariance: -1 })).toThrow(/serviceVariance/);
  });
});

describe("erlangA", () => {
  it("matches a hand computation for c = 1 with θ = μ (then N is Poisson(λ/μ))", () => {
    // Death rate μ + (n − 1)θ = n when μ = θ = 1, so πₙ = e^(−λ)λⁿ/n!.
    // λ = 1: Lq = E[N] − P(N ≥ 1) = 1 − (1 − 1/e) = 1/e; P(ab) = θLq/λ = 1/e; P(wait) = 1 − 1/e.
    const one = erlangA({ arrivalRate: 1, serviceRate: 1, servers: 1, patienceRate: 1 });
    expect(one.meanQueueLength).toBeCloseTo(Math.exp(-1), 14);
    expect(one.probAbandon).toBeCloseTo(Math.exp(-1), 14);
    expect(one.meanWait).toBeCloseTo(Math.exp(-1), 14);
    expect(one.probWait).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(one.utilisation).toBeCloseTo(1 - Math.exp(-1), 14);
    // λ = 2 (overloaded, still stable): Lq = 2 − (1 − e⁻²) = 1 + e⁻², P(ab) = (1 + e⁻²)/2.
    const two = erlangA({ arrivalRate: 2, serviceRate: 1, servers: 1, patienceRate: 1 });
    expect(two.meanQueueLength).toBeCloseTo(1 + Math.exp(-2), 14);
    expect(two.probAbandon).toBeCloseTo((1 + Math.exp(-2)) / 2, 14);
    expect(two.utilisation).toBeCloseTo(1 - Math.exp(-2), 14);
  });

  it("matches the Poisson sum for c = 3 with θ = μ", () => {
    // N ~ Poisson(2.5); Lq = E[(N − 3)⁺], P(wait) = P(N ≥ 3), summed directly here.
    let p = Math.exp(-2.5);
    let lq = 0;
    let below = 0;
    for (let n = 0; n < 200; n++) {
      if (n < 3) below += p;
      else lq += (n - 3) * p;
      p *= 2.5 / (n + 1);
    }
    const q = erlangA({ arrivalRate: 2.5, serviceRate: 1, servers: 3, patienceRate: 1 });
    expect(rel(q.meanQueueLength, lq)).toBeLessThan(1e-13);
    expect(rel(q.probWait, 1 - below)).toBeLessThan(1e-13);
  });

  it("tends to Erlang C as θ → 0 (θ = 1e-9)", () => {
    // The first-order effect of θ on Lq is about θ·E[queueing time]·(a few): below 1e-7 here.
    for (const [lambda, c] of [[0.9, 1], [4, 5], [4.5, 5], [40, 50]] as const) {
      const a = erlangA({ arrivalRate: lambda, serviceRate: 1, servers: c, patienceRate: 1e-9 });
      const m = mmc({ arrivalRate: lambda, serviceRate: 1, servers: c });
      expect(rel(a.probWait, m.probWait)).toBeLessThan(1e-6);
      expect(rel(a.meanWait, m.meanWait)).toBeLessThan(1e-6);
      expect(rel(a.meanQueueLength, m.meanQueueLength)).toBeLessThan(1e-6);
      expect(rel(a.utilisation, m.utilisation)).toBeLessThan(1e-6);
      expect(a.probAbandon).toBeLessThan(1e-6);
    }
  });

  it("balances flow: λ(1 − P(ab)) = cμ·utilisation, also under overload and for large c", () => {
    for (const o of [
      { arrivalRate: 6, serviceRate: 1, servers: 5, patienceRate: 0.5 },
      { arrivalRate: 2.5, serviceRate: 1, servers: 3, patienceRate: 0.5 },
      { arrivalRate: 950, serviceRate: 1, servers: 1000, patienceRate: 0.1 }, // a^c/c! ≈ e^950: rescaled
      { arrivalRate: 1200, serviceRate: 1, servers: 1000, patienceRate: 0.01 },
    ]) {
      const q = erlangA(o);
      const served = o.arrivalRate * (1 - q.probAbandon);
      expect(rel(served, o.servers * o.serviceRate * q.utilisation)).toBeLessThan(1e-9);
      expect(q.utilisation).toBeLessThanOrEqual(1);
      expect(q.probAbandon).toBeGreaterThan(0);
    }
  });

  it("rejects bad options and a chain too long to sum", () => {
    expect(() => erlangA({ arrivalRate: 1, serviceRate: 1, servers: 1, patienceRate: 0 })).toThrow(/patienceRate must be a finite number > 0, got 0/);
    expect(() => erlangA({ arrivalRate: 0, serviceRate: 1, servers: 1, patienceRate: 1 })).toThrow(/arrivalRate/);
    // Overloaded by 1 with θ = 1e-9: the queue settles near (λ − cμ)/θ = 1e9 waiting.
    expect(() => erlangA({ arrivalRate: 6, serviceRate: 1, servers: 5, patienceRate: 1e-9 })).toThrow(/over 1e7 states/);
  });
});
