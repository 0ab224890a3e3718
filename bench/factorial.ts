/**
 * Factorial-study benchmark: `factorial` of "soderhamn" with the presets as low and high (nine
 * factors, a 32-cell resolution IV fraction), 10 replications of one year each (the scenario's
 * 52-week horizon, plus its warm-up and drain): 320 runs, in this thread. Prints one JSON line:
 * cells, replications, runs, seconds, seconds per run, cpuSeconds and the run-cost estimate's
 * events, so that a slow study can be told from a large one.
 *
 * With WORKERS > 1 it runs `factorialParallel` of the built package (run `npm run build`
 * first) and checks nothing else. Environment: SCENARIO (default soderhamn), REPLICATIONS
 * (default 10), HORIZON and WARMUP (default the scenario's, e.g. HORIZON="8 weeks" for a quick
 * look), WORKERS (default 1).
 *
 *   npm run bench:factorial
 *   REPLICATIONS=1 HORIZON="8 weeks" WARMUP="2 weeks" npm run bench:factorial   # a quick look
 */
import { checkExperimentCost, factorial, factorialPlan, loadScenario, policies, type FactorialStudy } from "../src/index.js";

const scenario = loadScenario(process.env.SCENARIO ?? "soderhamn");
const replications = Number(process.env.REPLICATIONS ?? 10);
const workers = Number(process.env.WORKERS ?? 1);
const options = {
  replications,
  seed: 1,
  ...(process.env.HORIZON === undefined ? {} : { horizon: process.env.HORIZON }),
  ...(process.env.WARMUP === undefined ? {} : { warmup: process.env.WARMUP }),
};

const plan = factorialPlan(scenario, policies.minutes, policies.whole, options);
const cost = checkExperimentCost(scenario, plan.cells, options);
const t0 = performance.now();
const c0 = process.cpuUsage();
let study: FactorialStudy;
if (workers > 1) {
  const specifier = "helhet/node";
  const h = (await import(specifier)) as typeof import("../src/node.js");
  study = await h.factorialParallel(scenario, policies.minutes, policies.whole, { ...options, workers });
} else {
  study = factorial(scenario, policies.minutes, policies.whole, options);
}
const seconds = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const runs = study.design.cells * replications;
console.log(
  JSON.stringify({
    scenario: scenario.name,
    cells: study.design.cells,
    resolution: study.design.resolution,
    replications,
    horizonDays: study.horizonDays,
    workers,
    runs,
    seconds: round3(seconds),
    secondsPerRun: round3(seconds / runs),
    cpuSeconds: round3((c.user + c.system) / 1e6),
    estimatedEvents: cost.events,
  }),
);

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
