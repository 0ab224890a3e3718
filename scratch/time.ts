import fc from "fast-check";
import { checkModelCase, modelCaseArb, newTally } from "../test/robustness/modelProperty.ts";
const n = Number(process.argv[2] ?? 40);
const cases = fc.sample(modelCaseArb, { seed: 20261128, numRuns: n });
let total = 0; const times: [number, string][] = [];
for (const [i, c] of cases.entries()) {
  const t = performance.now();
  let err = "";
  try { const v = checkModelCase(c, newTally()); if (v.length) err = v[0]!; } catch (e) { err = String((e as Error).message).slice(0, 80); }
  const dt = performance.now() - t; total += dt;
  const staff = c.scenario.input.teams.map((t: any) => t.staff).join(",");
  times.push([dt, `${i} h=${c.scenario.window.horizon} staff=${staff} own=${c.policies.map((p:any)=>p.ownership ?? p.extends).join("/")} ${err}`]);
}
times.sort((a, b) => b[0] - a[0]);
console.log("total s", (total / 1000).toFixed(1), "per case", (total / n / 1000).toFixed(2));
for (const [dt, s] of times.slice(0, 12)) console.log(dt.toFixed(0), s);
