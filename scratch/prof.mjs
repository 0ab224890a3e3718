import { loadScenario, policies, simulate } from "../dist/index.js";
const s = loadScenario("soderhamn");
const p = policies[process.argv[2] ?? "whole"];
simulate(s, p, { seed: 999 });
const t = performance.now();
let needs = 0, ev = 0;
for (let r = 0; r < 3; r++) { const run = simulate(s, p, { seed: 1, replication: r }); needs += run.needsArisen; ev += run.events; }
const sec = (performance.now() - t) / 1000;
console.log(JSON.stringify({ needsPerSecond: Math.round(needs / sec), eventsPerNeed: ev / needs }));
