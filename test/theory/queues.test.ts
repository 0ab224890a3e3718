/**
 * The engine against queueing theory. Each model runs R = 20 replications with fixed seeds;
 * the theoretical value must lie inside the 99% Student-t interval of the replication means
 * (style.md §4.8c). Sample sizes are chosen from the precision needed, not bigger.
 */
import { describe, expect, it } from "vitest";
import { exponential, lognormal } from "../../src/random/index.js";
import { erlangA, jacksonNetwork, mmc } from "../../src/analysis/index.js";
import { interval, runNetwork } from "./network.js";

const R = 20;
const replicate = <T,>(f: (r: number) => T): T[] => Array.from({ length: R }, (_, r) => f(r));

describe("engine vs queueing theory", () => {
  it("M/M/1, λ = 0.9, μ = 1: mean wait Wq = λ/(μ(μ−λ)) = 9", () => {
    const analytic = mmc({ arrivalRate: 0.9, serviceRate: 1, servers: 1 }).meanWait;
    expect(analytic).toBeCloseTo(9, 12);
    const runs = replicate((r) => runNetwork(101, r, 0.9, [{ servers: 1, service: exponential(1) }], 0, 200_000, 20_000));
    const ci = interval(runs.map((x) => x.meanWait));
    expect(analytic).toBeGreaterThanOrEqual(ci.lo);
    expect(analytic).toBeLessThanOrEqual(ci.hi);
    expect(ci.halfWidth / analytic).toBeLessThan(0.05); // the test has teeth: ±5% at most
  });

  it("M/M/5, λ = 4.5, μ = 1: Erlang C gives Wq = 1.525", () => {
    const analytic = mmc({ arrivalRate: 4.5, serviceRate: 1, servers: 5 }).meanWait;
    expect(analytic).toBeCloseTo(1.525, 3);
    const runs = replicate((r) => runNetwork(102, r, 4.5, [{ servers: 5, service: exponential(1) }], 0, 200_000, 20_000));
    const ci = interval(runs.map((x) => x.meanWait));
    expect(analytic).toBeGreaterThanOrEqual(ci.lo);
    expect(analytic).toBeLessThanOrEqual(ci.hi);
    expect(ci.halfWidth / analytic).toBeLessThan(0.05);
  });

  it("M/G/1 with lognormal service (mean 1, cv 1.5), λ = 0.5: Pollaczek–Khinchine Wq = λE[S²]/(2(1−ρ)) = 1.625", () => {
    // E[S²] = Var + mean² = 2.25 + 1 = 3.25; ρ = 0.5 (Kleinrock, Queueing Systems I, eq. 5.105)
    const service = lognormal({ mean: 1, cv: 1.5 });
    const analytic = (0.5 * (service.variance + service.mean ** 2)) / (2 * (1 - 0.5));
    expect(analytic).toBeCloseTo(1.625, 12);
    const runs = replicate((r) => runNetwork(103, r, 0.5, [{ servers: 1, service }], 0, 200_000, 10_000));
    const ci = interval(runs.map((x) => x.meanWait));
    expect(analytic).toBeGreaterThanOrEqual(ci.lo);
    expect(analytic).toBeLessThanOrEqual(ci.hi);
    expect(ci.halfWidth / analytic).toBeLessThan(0.08);
  });

  it("a 3-station Jackson network with rework: 1.25 visits per node, 2.7001 wait per visit, 15.0213 in system", () => {
    const jackson = jacksonNetwork({
      externalArrivals: [1, 0, 0],
      routing: [
        [0, 1, 0],
        [0, 0, 1],
        [0.2, 0, 0],
      ],
      serviceRates: [0.8, 0.5, 1.5],
      servers: [2, 3, 1],
    });
    const lambdas = jackson.arrivalRates;
    lambdas.forEach((l) => expect(l).toBeCloseTo(1.25, 12));
    const total = lambdas.reduce((a, x) => a + x, 0);
    const waitPerVisit = jackson.stations.reduce((a, s, i) => a + s.meanWait * lambdas[i]!, 0) / total;
    expect(waitPerVisit).toBeCloseTo(2.7001, 4);
    expect(jackson.meanTimeInSystem).toBeCloseTo(15.0213, 4);
    const stations = [
      { servers: 2, service: exponential(1 / 0.8) },
      { servers: 3, service: exponential(1 / 0.5) },
      { servers: 1, service: exponential(1 / 1.5) },
    ];
    const runs = replicate((r) => runNetwork(104, r, 1, stations, 0.2, 100_000, 10_000));
    const waits = interval(runs.map((x) => x.meanWait));
    expect(waitPerVisit).toBeGreaterThanOrEqual(waits.lo);
    expect(waitPerVisit).toBeLessThanOrEqual(waits.hi);
    const sojourn = interval(runs.map((x) => x.meanTimeInSystem));
    expect(jackson.meanTimeInSystem).toBeGreaterThanOrEqual(sojourn.lo);
    expect(jackson.meanTimeInSystem).toBeLessThanOrEqual(sojourn.hi);
    // node visits per customer: 3 stations × 1/(1 − 0.2) = 3.75 (1.25 per node)
    const visitsPerCustomer = interval(runs.map((x) => x.visits / 90_000));
    expect(3.75).toBeGreaterThanOrEqual(visitsPerCustomer.lo);
    expect(3.75).toBeLessThanOrEqual(visitsPerCustomer.hi);
  });

  it("M/M/c with exponential patience matches the Erlang-A abandonment probability", () => {
    const a = erlangA({ arrivalRate: 2.5, serviceRate: 1, servers: 3, patienceRate: 0.5 });
    const stations = [{ servers: 3, service: exponential(1), patience: exponential(1 / 0.5) }];
    const runs = replicate((r) => runNetwork(105, r, 2.5, stations, 0, 100_000, 10_000));
    const ci = interval(runs.map((x) => x.abandonShare));
    expect(a.probAbandon).toBeGreaterThan(0.05); // a case where abandonment matters
    expect(a.probAbandon).toBeGreaterThanOrEqual(ci.lo);
    expect(a.probAbandon).toBeLessThanOrEqual(ci.hi);
  });

  it("keeps Little's law L = λW on every model run above (a sample-path identity: end effects only)", () => {
    const run = runNetwork(106, 0, 1, [
      { servers: 2, service: exponential(1 / 0.8) },
      { servers: 3, service: exponential(1 / 0.5) },
      { servers: 1, service: exponential(1 / 1.5) },
    ], 0.2, 200_000, 10_000);
    const littleL = run.arrivalRate * run.meanTimeInSystem;
    // end effects (customers present at the warm-up boundary) are O(1/N): well under 1% here
    expect(Math.abs(run.meanInSystem - littleL) / littleL).toBeLessThan(0.01);
  });
});
