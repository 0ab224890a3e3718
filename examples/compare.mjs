// Compare the two preset policies on the built-in "soderhamn" scenario: one simulated year
// (after an 8-week warm-up) of the same citizens under each policy. Until the `helhet` command
// exists, this is the project's main job (`npm start`).
import { loadScenario, policies, simulate, summarise } from "helhet";

const scenario = loadScenario("soderhamn");
const seed = Number(process.argv[2] ?? 1);
const rows = [
  ["end-to-end days (mean)", (m) => m.endToEndDays.mean, 1],
  ["end-to-end days (p85)", (m) => m.endToEndDays.p85, 1],
  ["first-contact resolution", (m) => m.firstContactResolution, 2],
  ["contacts per need", (m) => m.contactsPerNeed, 2],
  ["failure demand share", (m) => m.failureDemandShare, 2],
  ["needs given up (share)", (m) => m.abandonedShare, 2],
  ["staff minutes per need", (m) => m.staffMinutesPerNeed, 1],
  ["handling minutes per contact", (m) => m.handlingMinutesPerContact, 1],
  [`cost per contact (${scenario.currency})`, (m) => m.costPerContact, 0],
  [`cost per need (${scenario.currency})`, (m) => m.costPerNeed, 0],
];
const results = [policies.minutes, policies.whole].map((p) => summarise(simulate(scenario, p, { seed })));
console.log(`${scenario.name}: ${scenario.description}`);
console.log(`one replication, seed ${seed}; ${results[0].arrived} needs arrived in the measured year\n`);
console.log("metric".padEnd(34) + results.map((r) => r.policy.padStart(12)).join(""));
for (const [label, get, digits] of rows) {
  console.log(label.padEnd(34) + results.map((r) => get(r).toFixed(digits).padStart(12)).join(""));
}
console.log("\nOne replication proves little: the comparison with confidence intervals comes with the experiment layer.");
