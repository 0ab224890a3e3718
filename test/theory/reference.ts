/**
 * The reference models of the engine's theory tests, each run once per process (R = 20
 * replications with fixed seeds) and shared by test/theory/queues.test.ts, the table of
 * docs/engine.md and docs/validation.md (`theoryTable`) and scripts/theoryReport.ts.
 */
import { erlangA, jacksonNetwork, mmc } from "../../src/analysis/index.js";
import { exponential, lognormal } from "../../src/random/index.js";
import { interval, runNetwork, type ReplicationStats, type StationSpec } from "./network.js";

/** Replications of each reference model. */
export const R = 20;

const replicate = <T,>(f: (r: number) => T): T[] => Array.from({ length: R }, (_, r) => f(r));
const one = (servers: number, service: StationSpec["service"], patience?: StationSpec["patience"]): StationSpec[] =>
  [patience ? { servers, service, patience } : { servers, service }];

/** The M/G/1 service time: lognormal, mean 1, cv 1.5. */
export const LOGNORMAL_SERVICE = lognormal({ mean: 1, cv: 1.5 });

/** The three stations of the Jackson network with rework (p = 0.2 back to the first). */
export const NETWORK_STATIONS: StationSpec[] = [
  { servers: 2, service: exponential(1 / 0.8) },
  { servers: 3, service: exponential(1 / 0.5) },
  { servers: 1, service: exponential(1 / 1.5) },
];

/** The Jackson network's closed form. */
export const JACKSON = jacksonNetwork({
  externalArrivals: [1, 0, 0],
  routing: [
    [0, 1, 0],
    [0, 0, 1],
    [0.2, 0, 0],
  ],
  serviceRates: [0.8, 0.5, 1.5],
  servers: [2, 3, 1],
});

function once<T>(f: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
}

/** The simulated runs of each reference model, computed at the first call. */
export const runs = {
  mm1: once(() => replicate((r) => runNetwork(101, r, 0.9, one(1, exponential(1)), 0, 200_000, 20_000))),
  mm5: once(() => replicate((r) => runNetwork(102, r, 4.5, one(5, exponential(1)), 0, 200_000, 20_000))),
  mg1: once(() => replicate((r) => runNetwork(103, r, 0.5, one(1, LOGNORMAL_SERVICE), 0, 200_000, 10_000))),
  jackson: once(() => replicate((r) => runNetwork(104, r, 1, NETWORK_STATIONS, 0.2, 100_000, 10_000))),
  erlangA: once(() => replicate((r) => runNetwork(105, r, 2.5, one(3, exponential(1), exponential(2)), 0, 100_000, 10_000))),
  little: once((): ReplicationStats => runNetwork(106, 0, 1, NETWORK_STATIONS, 0.2, 200_000, 10_000)),
};

/** The theoretical values. */
export const theory = {
  mm1: mmc({ arrivalRate: 0.9, serviceRate: 1, servers: 1 }).meanWait,
  mm5: mmc({ arrivalRate: 4.5, serviceRate: 1, servers: 5 }).meanWait,
  // Pollaczek–Khinchine: λE[S²]/(2(1 − ρ)), E[S²] = Var + mean² (Kleinrock, Queueing Systems I, eq. 5.105)
  mg1: (0.5 * (LOGNORMAL_SERVICE.variance + LOGNORMAL_SERVICE.mean ** 2)) / (2 * (1 - 0.5)),
  jacksonWaitPerVisit: JACKSON.stations.reduce((a, s, i) => a + s.meanWait * JACKSON.arrivalRates[i]!, 0) / JACKSON.arrivalRates.reduce((a, x) => a + x, 0),
  jacksonTimeInSystem: JACKSON.meanTimeInSystem,
  // node visits per customer: 3 stations × 1/(1 − 0.2)
  jacksonVisits: 3.75,
  erlangA: erlangA({ arrivalRate: 2.5, serviceRate: 1, servers: 3, patienceRate: 0.5 }).probAbandon,
};

/** Node visits per customer in a Jackson run (90,000 customers after the warm-up). */
export const visitsPerCustomer = (x: ReplicationStats): number => x.visits / 90_000;

/**
 * The validation table of docs/engine.md and docs/validation.md: per model the theoretical
 * value, the mean and 99% interval of the replication means, and whether the interval holds it.
 */
export function theoryTable(): string {
  const rows: string[] = ["| model | quantity | theory | simulated mean | 99% interval | inside |", "|---|---|---|---|---|---|"];
  const row = (model: string, quantity: string, value: number, values: number[]) => {
    const ci = interval(values);
    const inside = value >= ci.lo && value <= ci.hi ? "yes" : "NO";
    rows.push(`| ${model} | ${quantity} | ${value.toFixed(4)} | ${ci.mean.toFixed(4)} | [${ci.lo.toFixed(4)}, ${ci.hi.toFixed(4)}] | ${inside} |`);
  };
  row("M/M/1 λ=0.9 μ=1", "Wq", theory.mm1, runs.mm1().map((x) => x.meanWait));
  row("M/M/5 λ=4.5 μ=1", "Wq (Erlang C)", theory.mm5, runs.mm5().map((x) => x.meanWait));
  row("M/G/1 λ=0.5, lognormal mean 1 cv 1.5", "Wq (Pollaczek–Khinchine)", theory.mg1, runs.mg1().map((x) => x.meanWait));
  const j = runs.jackson();
  row("Jackson network with rework p=0.2", "wait per visit", theory.jacksonWaitPerVisit, j.map((x) => x.meanWait));
  row("Jackson network with rework p=0.2", "time in system", theory.jacksonTimeInSystem, j.map((x) => x.meanTimeInSystem));
  row("Jackson network with rework p=0.2", "node visits per customer", theory.jacksonVisits, j.map(visitsPerCustomer));
  row("M/M/3+M λ=2.5 μ=1 θ=0.5", "P(abandon) (Erlang A)", theory.erlangA, runs.erlangA().map((x) => x.abandonShare));
  const little = runs.little();
  const littleL = little.arrivalRate * little.meanTimeInSystem;
  const relative = Math.abs(little.meanInSystem / littleL - 1);
  rows.push(`| Jackson network, one run of 200,000 | Little's law L vs λW | ${littleL.toFixed(4)} | ${little.meanInSystem.toFixed(4)} | relative difference ${(relative * 100).toFixed(3)}% | ${relative < 0.01 ? "yes" : "NO"} |`);
  return rows.join("\n");
}
