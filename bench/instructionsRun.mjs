// The process bench/instructions.ts runs under Valgrind: `node bench/instructionsRun.mjs DIST POLICY RUNS`
// loads the built package at DIST, simulates a year of `soderhamn` twice on other seeds (the JIT
// warm-up, as bench/modelInProcess.ts does), then RUNS more times with seed 1, and prints one
// JSON line: the needs and events of the last run and the runs made. Plain JavaScript, so that
// nothing but node and the package runs under the instrumentation.
import { pathToFileURL } from "node:url";

const [dist, policy, runs] = process.argv.slice(2);
if (dist === undefined || policy === undefined || runs === undefined) throw new Error("usage: node bench/instructionsRun.mjs DIST POLICY RUNS");
const build = await import(pathToFileURL(dist).href);
const scenario = build.loadScenario("soderhamn");
build.simulate(scenario, build.policies[policy], { seed: 999 });
build.simulate(scenario, build.policies[policy], { seed: 998 });
let last = { needsArisen: 0, events: 0 };
for (let r = 0; r < Number(runs); r++) last = build.simulate(scenario, build.policies[policy], { seed: 1 });
console.log(JSON.stringify({ policy, runs: Number(runs), needs: last.needsArisen, events: last.events }));
