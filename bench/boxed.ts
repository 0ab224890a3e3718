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
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

/** A store to V8's young-generation allocation top (x64): one object allocated in line. */
const ALLOCATION = /movq \[r13\+0x[0-9a-f]+\] \(external value \(Heap::NewSpaceAllocationTopAddress\(\)\)\)/;

const policy = process.env.POLICY ?? "whole";
const runs = Math.max(3, Number(process.env.RUNS ?? 6));
const top = Number(process.env.TOP ?? 30);

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.error("bench:boxed needs Valgrind (on Debian or Ubuntu: apt-get install valgrind)");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "helhet-boxed-"));
// the bundle leaves the packages out; they resolve through this
symlinkSync(resolve("node_modules"), join(work, "node_modules"));
const bundle = join(work, "helhet.mjs");
await build({
  entryPoints: [process.env.ENTRY ?? "src/index.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  outfile: bundle,
  packages: "external",
  define: { __HELHET_VERSION__: '"bench"' },
  logLevel: "warning",
});
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
const source = readFileSync(bundle, "utf8");
const lineStarts = [0];
for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);

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

interface Code {
  readonly name: string;
  readonly start: number;
  readonly instructions: { address: number; text: string }[];
  /** (pc offset, script position), by pc offset. */
  readonly positions: [number, number][];
}

/** Each instruction's count (its address → Ir) from callgrind's `--dump-instr=yes` output, calls' inclusive costs left out. */
function instructionCounts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  let address = 0;
  let line = 0;
  let callLine = false;
  const step = (token: string, previous: number): number => {
    if (token === "*") return previous;
    if (token.startsWith("+")) return previous + Number(token.slice(1));
    if (token.startsWith("-")) return previous - Number(token.slice(1));
    return Number(token);
  };
  for (const row of text.split("\n")) {
    const c = row.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 42) {
      const [a = "0", l = "0", ir = "0"] = row.split(" ");
      address = step(a, address);
      line = step(l, line);
      if (callLine) callLine = false;
      else out.set(address, (out.get(address) ?? 0) + Number(ir));
    } else if (row.startsWith("calls=")) callLine = true;
  }
  return out;
}

/** The functions V8 printed as it optimised them: name, instructions with addresses, source positions. */
function compiledCode(text: string): Code[] {
  const out: Code[] = [];
  let name = "?";
  let id = "?";
  let current: { name: string; instructions: { address: number; text: string }[]; positions: [number, number][] } | null = null;
  let mode: "none" | "instructions" | "positions" = "none";
  for (const row of text.split("\n")) {
    if (row.startsWith("name = ")) name = row.slice(7).trim();
    else if (row.startsWith("optimization_id = ")) id = row.slice(18).trim();
    else if (row.startsWith("Instructions (size")) {
      current = { name: `${name}#${id}`, instructions: [], positions: [] };
      out.push(current as unknown as Code);
      mode = "instructions";
    } else if (row.startsWith("Source positions:")) mode = "positions";
    else if (current !== null && mode === "instructions") {
      const m = /^0x([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(.*)$/.exec(row);
      if (m) current.instructions.push({ address: parseInt(m[1]!, 16), text: m[2]! });
      else if (/^(Inlined functions|Deoptimization|Safepoints|RelocInfo|Source positions)/.test(row)) mode = "none";
    } else if (current !== null && mode === "positions") {
      const m = /^\s+([0-9a-f]+)\s+(\d+)/.exec(row);
      if (m) current.positions.push([parseInt(m[1]!, 16), Number(m[2])]);
      else if (!row.startsWith(" pc offset")) mode = "none";
    }
  }
  return out
    .filter((c) => c.instructions.length > 0)
    .map((c) => ({ ...c, start: c.instructions[0]!.address }));
}

/** The script position of the nearest source position at or before a pc offset, or -1. */
function positionAt(code: Code, offset: number): number {
  let found = -1;
  for (const [pc, position] of code.positions) {
    if (pc > offset) break;
    found = position;
  }
  return found;
}

/** "L<line>: <text>" of a script position in the bundle. */
function lineOf(position: number): string {
  if (position < 0) return "?";
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  const end = source.indexOf("\n", lineStarts[lo]!);
  return `L${lo + 1}: ${source.slice(lineStarts[lo]!, end < 0 ? undefined : end).trim().slice(0, 100)}`;
}
