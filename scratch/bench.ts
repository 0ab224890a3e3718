import { loadScenario, policies, simulate } from "../src/index.js";
import { createHash } from "node:crypto";
const s = loadScenario(process.env.SCENARIO ?? "soderhamn");
function feed(h: any, v: any, depth = 0): void {
  if (ArrayBuffer.isView(v)) { h.update(Buffer.from((v as any).buffer, (v as any).byteOffset, (v as any).byteLength)); return; }
  if (v && typeof v === "object" && depth < 6) { for (const k of Object.keys(v).sort()) { h.update(k); feed(h, v[k], depth + 1); } return; }
  h.update(JSON.stringify(v) ?? "u");
}
for (const name of (process.argv[2] ?? "minutes,whole").split(",")) {
const p = (policies as any)[name];
simulate(s, p, { seed: 999 });
let best = Infinity, needs = 0, ev = 0; const h = createHash("sha1");
for (let r = 0; r < Number(process.env.ROUNDS ?? 3); r++) { const t = performance.now(); const run = simulate(s, p, { seed: 1, replication: r }); best = Math.min(best, (performance.now() - t) / 1000); needs = run.needsArisen; ev = run.events; feed(h, run); }
console.log(JSON.stringify({ policy: name, needsPerSecond: Math.round(needs / best), eventsPerNeed: ev / needs, hash: h.digest("hex").slice(0, 12) }));
}
