// Compare the two preset policies on the small "teaching" scenario: the same citizens under
// each policy, five replications, and the table a teacher would put on the screen.
// Run: node examples/compare-presets.mjs   (after npm install, which builds the package)
import { compare, comparisonTable, loadScenario, policies, reading } from "helhet";

const scenario = loadScenario("teaching");
const comparison = compare(scenario, [policies.minutes, policies.whole], {
  replications: 5,
  seed: 1,
  horizon: "26 weeks",
  warmup: "4 weeks",
});
console.log(comparisonTable(comparison));
console.log();
console.log(reading(comparison));
