/**
 * Counts, run by run, how often removing a team's failures raises the failure demand attributed
 * to that team (docs/journeys.md §6.3): every planned team of `teaching` and `soderhamn`, both
 * presets, seeds 1–6, 10 weeks with 2 of warm-up. Prints each rise (caused there and in total,
 * per week) and the count. The tests check "caused there" run by run and the total over
 * replications; this script is the evidence for the per-run sentence of the docs.
 *
 *   npx tsx scripts/touchpointRises.ts
 */
import { loadScenario, planTeams, policies, simulate } from "../src/index.js";
import { measure } from "../src/journey/touchpoints.js";

const WINDOW = { horizon: "10 weeks", warmup: "2 weeks", journal: { every: 0 } } as const;
let rises = 0;
let checks = 0;
for (const name of ["teaching", "soderhamn"] as const) {
  const scenario = loadScenario(name);
  for (const policyName of ["minutes", "whole"] as const) {
    const policy = policies[policyName];
    const layout = planTeams(scenario, policy);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const base = simulate(scenario, policy, { ...WINDOW, seed });
      layout.teams.forEach((team, k) => {
        const id = scenario.teams[team.members[0] as number]?.id ?? "?";
        const what = simulate(scenario, policy, { ...WINDOW, seed, withoutFailuresAt: id });
        const b = measure(base, k);
        const a = measure(what, k);
        checks++;
        if (a.attributed > b.attributed) {
          rises++;
          console.log(`${name} ${policyName} seed ${seed} ${team.id}: caused ${b.caused.toFixed(3)} → ${a.caused.toFixed(3)}, attributed ${b.attributed.toFixed(3)} → ${a.attributed.toFixed(3)} a week`);
        }
      });
    }
  }
}
console.log(`${rises} rises in ${checks} team × run checks`);
