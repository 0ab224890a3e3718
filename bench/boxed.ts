/**
 * Numbers boxed on the model's hot paths, site by site: `npm run bench:boxed` (POLICY, default
 * whole; RUNS, default 6; TOP, default 30; ENTRY, default src/index.ts: another tree's entry, say
 * of a commit checked out elsewhere, to compare). Needs Valgrind (not the tests or CI).
 *
 * V8 keeps a fraction unboxed (a raw double in a register or a typed array) inside a function it
 * has compiled, but where the number leaves through a call it did not inline (an argument, a
 * return value) or merges with a value it cannot type as a number, it allocates a HeapNumber:
 * about a dozen instructions there, the unboxing at the other end, and the collector's work
 * later. No profiler shows it: the cost is spread over every function.
 *
 * This bundles `src/index.ts` into one file (esbuild), simulates a year of `soderhamn` RUNS times
 * under Valgrind's callgrind (per instruction, node `--predictable`) with V8 printing the code it
 * optimises (`--print-opt-code`, with `--no-compact-code-space` so that code stays where it was
 * printed), and joins the two: each instruction's count with the instruction. An allocation is
 * a store to the young generation's allocation top; V8's source positions give the line of the
 * bundle it belongs to (the nearest position before it, so the line is approximate within a
 * statement or two). It prints the allocations per need, the sites with the most, and the
 * compiled functions with the most instructions per need. Counts cover every run of the process,
 * the two warm-up runs on other seeds included.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALLOCATION, bundleForValgrind, bundleLines, compiledCode, instructionCounts, positionAt } from "./optimisedCode.js";

const policy = process.env.POLICY ?? "whole";
const runs = Math.max(3, Number(process.env.RUNS ?? 6));
const top = Number(process.env.TOP ?? 30);

const { work, bundle } = await bundleForValgrind("bench:boxed", process.env.ENTRY ?? "src/index.ts", "helhet-boxed-");
const runner = join(work, "run.mjs");
writeFileSync(
  runner,
  `import * as h from ${JSON.stringify(bundle)};
const scenario = h.loadScenario("soderhamn");
let needs = 0;
for (let r = 0; r < ${runs}; r++) needs += h.simulate(scenario, h.policies[${JSON.stringify(policy)}], { seed: r < 2 ? 999 - r : 1 }).needsArisen;
console.error("NEEDS " + needs);
`,
);
const callgrindOut = join(work, "callgrind.out");
const listing = join(work, "opt.txt");
const run = spawnSync(
  "sh",
  ["-c", `valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=${callgrindOut} ${process.execPath} --predictable --no-compact-code-space --print-opt-code --code-comments ${runner} > ${listing}`],
  { cwd: process.cwd(), encoding: "utf8", maxBuffer: 1 << 26 },
);
const needs = Number(/NEEDS (\d+)/.exec(run.stderr)?.[1] ?? NaN);
if (run.status !== 0 || !(needs > 0)) throw new Error(`the run under Valgrind failed:\n${run.stderr.slice(-2000)}`);

const costs = instructionCounts(readFileSync(callgrindOut, "utf8"));
const codes = compiledCode(readFileSync(listing, "utf8"));
const bundleText = bundleLines(readFileSync(bundle, "utf8"));

const sites = new Map<string, number>();
const byCode: { name: string; instructions: number; allocations: number }[] = [];
let allocations = 0;
for (const code of codes) {
  let instructions = 0;
  let allocated = 0;
  for (const ins of code.instructions) {
    const n = costs.get(ins.address) ?? 0;
    instructions += n;
    if (n === 0 || !ALLOCATION.test(ins.text)) continue;
    allocated += n;
    const key = `${code.name.padEnd(24)} ${lineOf(positionAt(code, ins.address - code.start))}`;
    sites.set(key, (sites.get(key) ?? 0) + n);
  }
  allocations += allocated;
  byCode.push({ name: code.name, instructions, allocations: allocated });
}
rmSync(work, { recursive: true, force: true });

const perNeed = (n: number) => (n / needs).toFixed(3).padStart(8);
console.log(`soderhamn under ${policy}, ${runs} runs, ${needs} needs: ${(allocations / needs).toFixed(2)} allocations per need in optimised code`);
console.log("\nallocations per need by site (function compiled, line of the bundle):");
for (const [site, n] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${perNeed(n)} ${site}`);
console.log("\ncompiled functions by instructions per need (allocations per need):");
for (const c of byCode.sort((a, b) => b.instructions - a.instructions).slice(0, top)) console.log(`${(c.instructions / needs).toFixed(1).padStart(9)} ${c.name.padEnd(28)} ${perNeed(c.allocations)}`);

/** "L<line>: <text>" of a script position in the bundle. */
function lineOf(position: number): string {
  if (position < 0) return "?";
  const line = bundleText.lineAt(position);
  return `L${line + 1}: ${bundleText.text(line)}`;
}
