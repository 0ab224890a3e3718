/**
 * Load-analysis benchmark: the time `offeredLoad` (and so every `compare`, `run` and `journey`
 * before its first replication, and the run-cost estimate) takes for one service of 10, 100,
 * 1,000 and 10,000 case steps, under each preset. The scenario is the one of issue 14's D1
 * reproducer: examples/scenarios/small-town.yaml with the first service's steps replaced by N
 * steps alternating between two teams. Best of `ROUNDS` (default 5) after a warm-up; prints one
 * JSON line per size and policy with the time per step, and the ratio of each size's time to the
 * 10-step one divided by the ratio of the sizes (1 = linear). Run with `npm run bench:analysis`.
 */
import { readFileSync } from "node:fs";
import { estimateRunCost, offeredLoad, parseScenarioText, policies, type Scenario } from "../src/index.js";

const SIZES = [10, 100, 1_000, 10_000];
const rounds = Number(process.env.ROUNDS ?? 5);
const base = readFileSync(new URL("../examples/scenarios/small-town.yaml", import.meta.url), "utf8");

/** small-town with its first service's steps replaced by `n` steps (the D1 reproducer's file). */
function withSteps(n: number): Scenario {
  const steps = Array.from({ length: n }, (_, k) => `      - id: st${k}\n        team: ${k % 2 ? "officers" : "expert"}\n        work: { mean: 10 min, cv: 0.5 }\n`).join("");
  return parseScenarioText(`${base.slice(0, base.indexOf("    steps:"))}    steps:\n${steps}`, "yaml");
}

function best(f: () => void): number {
  let t = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

const scenarios = SIZES.map(withSteps);
// warm the JIT on the largest size
for (const p of [policies.minutes, policies.whole]) offeredLoad(scenarios[SIZES.length - 1]!, p);
for (const p of [policies.minutes, policies.whole]) {
  let first = 0;
  scenarios.forEach((s, i) => {
    const n = SIZES[i]!;
    const ms = best(() => offeredLoad(s, p));
    const costMs = best(() => estimateRunCost(s, [p], { horizonMinutes: s.horizonMinutes, warmupMinutes: s.warmupMinutes, drainMinutes: s.drainMinutes }));
    if (i === 0) first = ms;
    console.log(JSON.stringify({
      what: "offeredLoad",
      policy: p.name,
      steps: n,
      milliseconds: Number(ms.toFixed(3)),
      microsecondsPerStep: Number(((ms * 1000) / n).toFixed(2)),
      growthOverLinear: Number((ms / first / (n / SIZES[0]!)).toFixed(2)),
      estimateRunCostMilliseconds: Number(costMs.toFixed(3)),
    }));
  });
}
