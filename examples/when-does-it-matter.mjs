// When does optimising each part's minutes win? For standard, low-variety work and for varied
// work, this prints the three outcomes (end-to-end time, failure demand, cost per need) with
// which preset is lower on each, and the warnings of the runs (a team near or past capacity
// makes the intervals wide). Then how much of the minutes preset's failure demand comes from
// its narrow front-line repertoire.
// Run: node examples/when-does-it-matter.mjs
import { compare, loadScenario, policies, sweep } from "helhet";

const options = { replications: 3, seed: 3, horizon: "26 weeks", warmup: "4 weeks" };

// The three outcomes, each as the paired difference whole − minutes with its 95% interval
// (the same citizens under both presets), and which preset is lower: lower is better on all three.
const outcomes = [
  { key: "endToEndDays.mean", label: "end-to-end days (mean)", scale: 1, digits: 2 },
  { key: "failureDemandShare", label: "failure-demand share (points)", scale: 100, digits: 1 },
  { key: "costPerNeed", label: "cost per need", scale: 1, digits: 0 },
];
const direction = (d) =>
  d.ci95 === null ? "no interval" : d.ci95[1] < 0 ? "whole lower" : d.ci95[0] > 0 ? "minutes lower" : "no clear difference";
const fmt = (x, o) => (x * o.scale).toFixed(o.digits);

for (const name of ["standard-work", "teaching"]) {
  const scenario = loadScenario(name);
  const c = compare(scenario, [policies.minutes, policies.whole], options);
  const d = c.differences["whole-vs-minutes"];
  const cheaper = d.staffMinutesPerNeed.mean > 0 ? "minutes" : "whole";
  console.log(
    `${name}: staff minutes per need ${c.policies.minutes.staffMinutesPerNeed.mean.toFixed(1)} (minutes) vs ` +
      `${c.policies.whole.staffMinutesPerNeed.mean.toFixed(1)} (whole) -> cheaper per need: ${cheaper}`,
  );
  for (const o of outcomes) {
    const m = c.policies.minutes[o.key].mean;
    const w = c.policies.whole[o.key].mean;
    const diff = d[o.key];
    const ci = diff.ci95 === null ? "" : ` [${fmt(diff.ci95[0], o)}, ${fmt(diff.ci95[1], o)}]`;
    const unit = o.key === "costPerNeed" ? ` ${scenario.currency}` : "";
    console.log(
      `  ${o.label.padEnd(30)} minutes ${fmt(m, o)}${unit}, whole ${fmt(w, o)}${unit}; ` +
        `whole − minutes ${fmt(diff.mean, o)}${ci} -> ${direction(diff)}`,
    );
  }
  for (const w of c.warnings) console.log(`  warning: ${w}`);
}

// how much of the minutes preset's failure demand comes from its narrow front-line repertoire?
const s = sweep(loadScenario("teaching"), policies.minutes, { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.6, 0.9] }, options);
for (const row of s.rows) {
  const m = row.comparison.policies.minutes;
  console.log(`skill coverage ${row.value}: failure demand ${(100 * m.failureDemandShare.mean).toFixed(1)}%, first-contact resolution ${(100 * m.firstContactResolution.mean).toFixed(1)}%`);
}
