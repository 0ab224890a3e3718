/**
 * Prints the validation table of docs/engine.md: for each reference model, the theoretical
 * value and the 99% interval of 20 replication means, with the same seeds and sample sizes as
 * test/theory/queues.test.ts. Run with `npx tsx scripts/theoryReport.ts`.
 */
import { erlangA, jacksonNetwork, mmc } from "../src/analysis/index.js";
import { exponential, lognormal } from "../src/random/index.js";
import { interval, runNetwork, type StationSpec } from "../test/theory/network.js";

const R = 20;
const rows: string[] = ["| model | quantity | theory | simulated mean | 99% interval | inside |", "|---|---|---|---|---|---|"];
function row(model: string, quantity: string, theory: number, values: number[]): void {
  const ci = interval(values);
  const inside = theory >= ci.lo && theory <= ci.hi ? "yes" : "NO";
  rows.push(`| ${model} | ${quantity} | ${theory.toFixed(4)} | ${ci.mean.toFixed(4)} | [${ci.lo.toFixed(4)}, ${ci.hi.toFixed(4)}] | ${inside} |`);
}
const reps = (f: (r: number) => ReturnType<typeof runNetwork>) => Array.from({ length: R }, (_, r) => f(r));
const one = (servers: number, service: StationSpec["service"], patience?: StationSpec["patience"]): StationSpec[] =>
  [patience ? { servers, service, patience } : { servers, service }];

const mm1 = reps((r) => runNetwork(101, r, 0.9, one(1, exponential(1)), 0, 200_000, 20_000));
row("M/M/1 λ=0.9 μ=1", "Wq", mmc({ arrivalRate: 0.9, serviceRate: 1, servers: 1 }).meanWait, mm1.map((x) => x.meanWait));
const mm5 = reps((r) => runNetwork(102, r, 4.5, one(5, exponential(1)), 0, 200_000, 20_000));
row("M/M/5 λ=4.5 μ=1", "Wq (Erlang C)", mmc({ arrivalRate: 4.5, serviceRate: 1, servers: 5 }).meanWait, mm5.map((x) => x.meanWait));
const ln = lognormal({ mean: 1, cv: 1.5 });
const mg1 = reps((r) => runNetwork(103, r, 0.5, one(1, ln), 0, 200_000, 10_000));
row("M/G/1 λ=0.5, lognormal mean 1 cv 1.5", "Wq (Pollaczek–Khinchine)", (0.5 * (ln.variance + 1)) / (2 * 0.5), mg1.map((x) => x.meanWait));
const net = [
  { servers: 2, service: exponential(1 / 0.8) },
  { servers: 3, service: exponential(1 / 0.5) },
  { servers: 1, service: exponential(1 / 1.5) },
];
const j = jacksonNetwork({ externalArrivals: [1, 0, 0], routing: [[0, 1, 0], [0, 0, 1], [0.2, 0, 0]], serviceRates: [0.8, 0.5, 1.5], servers: [2, 3, 1] });
const total = j.arrivalRates.reduce((a, x) => a + x, 0);
const jr = reps((r) => runNetwork(104, r, 1, net, 0.2, 100_000, 10_000));
row("Jackson network with rework p=0.2", "wait per visit", j.stations.reduce((a, s, i) => a + s.meanWait * j.arrivalRates[i]!, 0) / total, jr.map((x) => x.meanWait));
row("Jackson network with rework p=0.2", "time in system", j.meanTimeInSystem, jr.map((x) => x.meanTimeInSystem));
row("Jackson network with rework p=0.2", "node visits per customer", 3.75, jr.map((x) => x.visits / 90_000));
const ea = reps((r) => runNetwork(105, r, 2.5, one(3, exponential(1), exponential(2)), 0, 100_000, 10_000));
row("M/M/3+M λ=2.5 μ=1 θ=0.5", "P(abandon) (Erlang A)", erlangA({ arrivalRate: 2.5, serviceRate: 1, servers: 3, patienceRate: 0.5 }).probAbandon, ea.map((x) => x.abandonShare));
const little = runNetwork(106, 0, 1, net, 0.2, 200_000, 10_000);
rows.push(`| Jackson network, one run of 200,000 | Little's law L vs λW | ${(little.arrivalRate * little.meanTimeInSystem).toFixed(4)} | ${little.meanInSystem.toFixed(4)} | relative difference ${(Math.abs(little.meanInSystem / (little.arrivalRate * little.meanTimeInSystem) - 1) * 100).toFixed(3)}% | yes |`);
console.log(rows.join("\n"));
