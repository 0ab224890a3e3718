// A hybrid is just another value: keep the minutes preset's targets and batches but give each
// need one case owner, and see which choice buys what.
// Run: node examples/hybrid-policy.mjs
import { compare, loadScenario, policies, validatePolicy } from "helhet";

const hybrid = validatePolicy({ ...policies.minutes, name: "owner", caseHandling: "caseOwner" });
const flow = validatePolicy({ ...policies.minutes, name: "flow", batching: { everyMinutes: null, byRole: {}, steps: {} } });
const c = compare(loadScenario("teaching"), [policies.minutes, hybrid, flow, policies.whole], {
  replications: 3,
  seed: 2,
  horizon: "26 weeks",
  warmup: "4 weeks",
});
console.log("policy".padEnd(10), "failure demand".padStart(15), "end-to-end days".padStart(16), "staff min/need".padStart(15));
for (const [name, m] of Object.entries(c.policies)) {
  console.log(
    name.padEnd(10),
    `${(100 * m.failureDemandShare.mean).toFixed(1)}%`.padStart(15),
    m["endToEndDays.mean"].mean.toFixed(1).padStart(16),
    m.staffMinutesPerNeed.mean.toFixed(1).padStart(15),
  );
}
