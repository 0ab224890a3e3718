/**
 * Model benchmark: one simulated year (plus warm-up and drain) of "soderhamn" under each
 * preset, single-threaded. Prints one JSON line per policy with needs (all needs that arose in
 * the run), events, seconds and needs per second. Run with `npm run bench:model`.
 */
import { loadScenario, policies, simulate } from "../src/index.js";
import { benchOutput } from "./record.js";

const out = benchOutput("model");

const scenario = loadScenario(process.env.SCENARIO ?? "soderhamn");
const rounds = Number(process.env.ROUNDS ?? 3);
// warm the JIT on other seeds first, as a long-running process would be
for (const p of [policies.minutes, policies.whole]) simulate(scenario, p, { seed: 999 });
for (const p of [policies.minutes, policies.whole]) {
  let best = Infinity;
  let events = 0;
  let needs = 0;
  let arisen = 0;
  let weeks = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const run = simulate(scenario, p, { seed: 1, replication: r });
    const seconds = (performance.now() - t0) / 1000;
    best = Math.min(best, seconds);
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
  });
}
out.finish();
