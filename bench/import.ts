/**
 * Import-time benchmark: how long `import("helhet")` (the built ESM core) and `require("helhet")`
 * (the CJS build) take, as a ratio to starting bare node, measured in the same run. Each figure
 * is the median of 11 fresh processes. Run with `npm run bench:import` after `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const bare = time(["-e", ""]);
const esm = time(["--input-type=module", "-e", "await import('helhet')"]);
const cjs = time(["-e", "require('helhet')"]);
for (const [what, ms] of [["bare node", bare], ["import('helhet') ESM", esm], ["require('helhet') CJS", cjs]] as const) {
  console.log(JSON.stringify({ what, milliseconds: Math.round(ms), ratioToBareNode: Number((ms / bare).toFixed(2)) }));
}
