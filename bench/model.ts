/**
 * Model benchmark: one simulated year (plus warm-up and drain) of "soderhamn" under each
 * preset, single-threaded. Prints one JSON line per policy with needs (all needs that arose in
 * the run), events, seconds and needs per second, and the yardstick measured in the same
 * process right after each round: the minimal kernel's M/M/1 events per second
 * (bench/minimalKernel.ts, best round) and `kernelRatio`, needs per second ÷ kernel events per
 * second (needs simulated in the time the kernel fires one event). The ratio moves far less
 * with the machine and its load than either figure, so it is the one to compare across
 * machines and sessions. Run with `npm run bench:model`.
 */
import { loadScenario, policies, simulate } from "../src/index.js";
import { minimalMmc } from "./minimalKernel.js";
import { benchOutput } from "./record.js";

const out = benchOutput("model");

const scenario = loadScenario(process.env.SCENARIO ?? "soderhamn");
const rounds = Number(process.env.ROUNDS ?? 3);
const KERNEL_CUSTOMERS = 500_000;
// warm the JIT on other seeds first, as a long-running process would be
for (const p of [policies.minutes, policies.whole]) simulate(scenario, p, { seed: 999 });
minimalMmc(100_000, 0.9, 1, 1, 999);
for (const p of [policies.minutes, policies.whole]) {
  let best = Infinity;
  let events = 0;
  let needs = 0;
  let arisen = 0;
  let weeks = 0;
  let kernel = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const run = simulate(scenario, p, { seed: 1, replication: r });
    const seconds = (performance.now() - t0) / 1000;
    best = Math.min(best, seconds);
    kernel = Math.min(kernel, minimalMmc(KERNEL_CUSTOMERS, 0.9, 1, 1, 1 + r).seconds);
    events = run.events;
    needs = run.needs.length;
    arisen = run.needsArisen;
    weeks = run.endMinutes / 10080;
  }
  out.line({
    scenario: scenario.name,
    policy: p.name,
    simulatedWeeks: Number(weeks.toFixed(1)),
    cohortNeeds: needs,
    needs: arisen,
    events,
    seconds: Number(best.toFixed(3)),
    needsPerSecond: Math.round(arisen / best),
    kernelEventsPerSecond: Math.round((2 * KERNEL_CUSTOMERS) / kernel),
    kernelRatio: Number((arisen / best / ((2 * KERNEL_CUSTOMERS) / kernel)).toFixed(5)),
  });
}
out.finish();
