// When does optimising each part's minutes win? On standard, low-variety work it can be the
// cheaper way; on varied work the failure demand it makes costs more than it saves.
// Run: node examples/when-does-it-matter.mjs
import { compare, loadScenario, policies, sweep } from "helhet";

const options = { replications: 3, seed: 3, horizon: "26 weeks", warmup: "4 weeks" };
for (const name of ["standard-work", "teaching"]) {
  const c = compare(loadScenario(name), [policies.minutes, policies.whole], options);
  const d = c.differences["whole-vs-minutes"];
  const cheaper = d.staffMinutesPerNeed.mean > 0 ? "minutes" : "whole";
  console.log(
    `${name}: staff minutes per need ${c.policies.minutes.staffMinutesPerNeed.mean.toFixed(1)} (minutes) vs ` +
      `${c.policies.whole.staffMinutesPerNeed.mean.toFixed(1)} (whole) -> cheaper per need: ${cheaper}`,
  );
}

// how much of the minutes preset's failure demand comes from its narrow front-line repertoire?
const s = sweep(loadScenario("teaching"), policies.minutes, { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.6, 0.9] }, options);
for (const row of s.rows) {
  const m = row.comparison.policies.minutes;
  console.log(`skill coverage ${row.value}: failure demand ${(100 * m.failureDemandShare.mean).toFixed(1)}%, first-contact resolution ${(100 * m.firstContactResolution.mean).toFixed(1)}%`);
}
