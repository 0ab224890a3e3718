import { describe, expect, it } from "vitest";
import { jacksonNetwork, mmc } from "../../src/analysis/index.js";

describe("jacksonNetwork", () => {
  const reference = {
    externalArrivals: [1, 0, 0],
    routing: [
      [0, 1, 0],
      [0, 0, 1],
      [0.2, 0, 0],
    ],
    serviceRates: [0.8, 0.5, 1.5],
    servers: [2, 3, 1],
  };

  it("reproduces the reference network of the issue (checked by hand below)", () => {
    // Traffic: λ₁ = 1 + 0.2λ₃, λ₂ = λ₁, λ₃ = λ₂ ⇒ λ = 1/0.8 = 1.25 at each station.
    // Station 1: c = 2, a = 1.5625. B(1) = 1.5625/2.5625 = 0.609756, B(2) = 0.952744/2.952744
    //   = 0.322664; C = 0.645328/(2 − 1.5625·0.677336) = 0.685307; Wq = C/(1.6 − 1.25) = 1.958020.
    // Station 2: c = 3, a = 2.5. B = 0.714286, 0.471698, 0.282167; C = 0.846501/(3 − 2.5·0.717833)
    //   = 0.702247; Wq = C/(1.5 − 1.25) = 2.808989.
    // Station 3: M/M/1, ρ = 5/6: Wq = ρ/(μ − λ) = 0.833333/0.25 = 3.333333.
    // Wait per visit (equal λ, so a plain average) = (1.958020 + 2.808989 + 3.333333)/3 = 2.700114.
    // T = Σλᵢ(Wqᵢ + 1/μᵢ)/γ = 1.25·(3.208020 + 4.808989 + 4.000000) = 15.021261.
    const r = jacksonNetwork(reference);
    r.arrivalRates.forEach((l) => expect(l).toBeCloseTo(1.25, 12));
    r.visitsPerCustomer.forEach((v) => expect(v).toBeCloseTo(1.25, 12));
    expect(r.stations.map((s) => s.meanWait)).toEqual([
      expect.closeTo(1.95802, 5),
      expect.closeTo(2.808989, 6),
      expect.closeTo(3.333333, 6),
    ]);
    const total = r.arrivalRates.reduce((a, l) => a + l, 0);
    const waitPerVisit = r.stations.reduce((a, s, i) => a + s.meanWait * (r.arrivalRates[i] as number), 0) / total;
    expect(waitPerVisit).toBeCloseTo(2.7001, 4);
    expect(r.meanTimeInSystem).toBeCloseTo(15.0213, 4);
    expect(r.stable).toBe(true);
  });

  it("solves a two-station feedback system (hand: λ = (9/7, 8/7))", () => {
    // λ₁ = 1 + 0.25λ₂, λ₂ = 0.5 + 0.5λ₁ ⇒ λ₁ = 1.125/0.875 = 9/7, λ₂ = 0.5 + 9/14 = 8/7.
    const r = jacksonNetwork({ externalArrivals: [1, 0.5], routing: [[0, 0.5], [0.25, 0]], serviceRates: [3, 3], servers: [1, 1] });
    expect(r.arrivalRates[0]).toBeCloseTo(9 / 7, 14);
    expect(r.arrivalRates[1]).toBeCloseTo(8 / 7, 14);
    expect(r.visitsPerCustomer[0]).toBeCloseTo(9 / 7 / 1.5, 14);
  });

  it("reduces to independent M/M/c queues in tandem", () => {
    const r = jacksonNetwork({ externalArrivals: [2, 0], routing: [[0, 1], [0, 0]], serviceRates: [1, 3], servers: [3, 1] });
    expect(r.stations[0]).toEqual(mmc({ arrivalRate: 2, serviceRate: 1, servers: 3 }));
    expect(r.stations[1]).toEqual(mmc({ arrivalRate: 2, serviceRate: 3, servers: 1 }));
    const w = (r.stations[0]?.meanTimeInSystem as number) + (r.stations[1]?.meanTimeInSystem as number);
    expect(r.meanTimeInSystem).toBeCloseTo(w, 14);
  });

  it("flags an overloaded station", () => {
    const r = jacksonNetwork({ ...reference, serviceRates: [0.8, 0.5, 1.2] });
    expect(r.stable).toBe(false);
    expect(r.stations[2]?.stable).toBe(false);
    expect(r.meanTimeInSystem).toBe(Infinity);
  });

  it("rejects routing that traps customers and malformed input", () => {
    const loop = { externalArrivals: [1, 0], routing: [[0, 1], [1, 0]], serviceRates: [1, 1], servers: [1, 1] };
    expect(() => jacksonNetwork(loop)).toThrow(/routing must be such that every station can eventually be left/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, 0.7], [0.6, 0.6]] })).toThrow(/routing\[1\] \(row sum\) must be at most 1, got 1.2/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, -0.1], [0, 0]] })).toThrow(/routing\[0\]\[1\] must be a probability/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, 0.5]] })).toThrow(/routing.length must be 2/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, 0.5], [0]] })).toThrow(/routing\[1\].length must be 2/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, 0.5], [0, 0]], servers: [1, 0] })).toThrow(/servers\[1\] must be a positive integer/);
    expect(() => jacksonNetwork({ ...loop, routing: [[0, 0.5], [0, 0]], externalArrivals: [0, 0] })).toThrow(/externalArrivals must be positive somewhere/);
    expect(() => jacksonNetwork({ externalArrivals: [], routing: [], serviceRates: [], servers: [] })).toThrow(/non-empty/);
  });
});
