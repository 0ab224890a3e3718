/**
 * The model of two builds counted instruction by instruction: `bash bench/instructions.sh COMMIT`
 * builds the package of another commit and of this tree and runs this with their two
 * `dist/index.js`. Each count is a process of bench/instructionsRun.mjs under Valgrind's
 * cachegrind, which executes every instruction of the process on a simulated CPU and counts the
 * instructions, and the first-level and last-level cache misses it would have (first level: the
 * host's, as Valgrind reads it; last level: 1 MB, 16-way, 64-byte lines, a second-level cache's
 * size, set by this script).
 *
 * Why: a count does not depend on what else the machine runs. On this shared two-core machine
 * two identical timed runs differ by up to 40%, and an in-process comparison of two builds
 * resolves about ±3% in 30 rounds (bench/README.md); repeated counts of one build agree within
 * 0.03–0.9% (bench/README.md, "Instructions counted"). It is not a time: a change can save
 * instructions and lose more in cache misses or branches, so read the misses beside it, and
 * confirm a kept change with a timed benchmark.
 *
 * Node runs with V8's `--predictable`: compiling and collecting garbage happen in the main
 * thread at fixed points instead of in helper threads whenever those get a turn, so two processes
 * with the same arguments execute the same instructions within a few parts in 10,000. Without it,
 * which run of a process the compiler's and collector's work lands in varies from process to
 * process by up to a sixth of a run's instructions (bench/README.md).
 *
 * How: per build and preset, one process simulates a year of `soderhamn` after the warm-up
 * (`RUNS0`, default 1, runs of seed 1) and one `RUNS` more (default 2); the difference of
 * their counts, divided by `RUNS`, is what `RUNS` warm runs cost, without the start of the
 * process, the loading of the package and the warm-up. Both runs of seed 1 simulate the same
 * needs (the output checks it). `PARALLEL` (default 2) processes run at once; the counts do not
 * depend on it. About four minutes of Valgrind per process on this machine.
 *
 * Prints per preset one line per build (instructions per need and per event; per need those of
 * the program, of the collector and of the compiler; first-level and last-level misses per need)
 * and one line of ratios: the base's count per need ÷ this tree's, so above 1 when this tree
 * executes fewer. Whether a major collection or a late compile falls within the counted runs
 * differs from build to build, so `programInstructionsRatio` is the steady measure of a change
 * to the model's code.
 *
 * Usage: `tsx bench/instructions.ts BASE_DIST HEAD_DIST` (RUNS, RUNS0, PARALLEL, POLICIES, KEEP).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Valgrind cachegrind's event names, in the order of its `events:` line. */
const EVENTS = ["Ir", "I1mr", "ILmr", "Dr", "D1mr", "DLmr", "Dw", "D1mw", "DLmw"] as const;
type Counts = Record<(typeof EVENTS)[number], number>;

/** Where instructions were executed: V8's optimising compiler, its garbage collector, or the rest. */
type Part = "compiler" | "collector" | "program";

interface Measured {
  readonly counts: Counts;
  readonly parts: Record<Part, number>;
  readonly needs: number;
  readonly events: number;
}

const [basePath, headPath] = process.argv.slice(2);
if (basePath === undefined || headPath === undefined) throw new Error("usage: tsx bench/instructions.ts BASE_DIST HEAD_DIST");
const runs = Math.max(1, Math.round(Number(process.env.RUNS ?? 2)));
const runs0 = Math.max(1, Math.round(Number(process.env.RUNS0 ?? 1)));
const parallel = Math.max(1, Math.round(Number(process.env.PARALLEL ?? 2)));
const policies = (process.env.POLICIES ?? "minutes,whole").split(",");
if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.error("bench:instructions needs Valgrind (on Debian or Ubuntu: apt-get install valgrind)");
  process.exit(1);
}
const runner = join(import.meta.dirname, "instructionsRun.mjs");
/** With KEEP=DIR the cachegrind files stay in DIR (for cg_annotate and cg_diff); else in a temporary directory, removed at the end. */
const keep = process.env.KEEP;
const work = keep ?? mkdtempSync(join(tmpdir(), "helhet-instructions-"));
if (keep !== undefined) mkdirSync(keep, { recursive: true });

/** The summary counts of a cachegrind output file's text (`file` names it in errors). */
function summary(text: string, file: string): Counts {
  const names = /^events: (.+)$/m.exec(text)?.[1]?.trim().split(/\s+/);
  const values = /^summary: (.+)$/m.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  if (names === undefined || values === undefined) throw new Error(`${file}: no events or summary line`);
  return Object.fromEntries(EVENTS.map((e) => [e, values[names.indexOf(e)] ?? NaN])) as Counts;
}

/** One process of the runner under cachegrind: `count` runs of seed 1 after the warm-up. */
function measure(dist: string, policy: string, count: number, tag: string): Promise<Measured> {
  const out = join(work, `${tag}.cg`);
  const args = ["--tool=cachegrind", "--cache-sim=yes", "--LL=1048576,16,64", "--smc-check=all-non-file", `--cachegrind-out-file=${out}`, process.execPath, "--predictable", runner, dist, policy, String(count)];
  return new Promise((resolve, reject) => {
    const child = spawn("valgrind", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${tag}: valgrind exited with ${code}\n${stderr.slice(-2000)}`));
      const line = JSON.parse(stdout.trim().split("\n").at(-1)!) as { needs: number; events: number };
      const text = readFileSync(out, "utf8");
      resolve({ counts: summary(text, out), parts: parts(text), needs: line.needs, events: line.events });
    });
  });
}

/** Runs the thunks `parallel` at a time, in order. */
async function pooled<T>(thunks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(thunks.length);
  let next = 0;
  const lane = async () => {
    while (next < thunks.length) {
      const i = next++;
      results[i] = await thunks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, thunks.length) }, lane));
  return results;
}
/**
 * Which part a function of the process belongs to, by its name (node is built with symbols; code
 * V8 compiled from JavaScript has none and counts as the program). The lists are V8's own
 * namespaces and class names of 11.3 (Node 20); a name they miss counts as the program.
 */
function partOf(fn: string): Part {
  if (/v8::internal::compiler::|v8::internal::maglev::|v8::internal::Compiler::|CompilationJob|v8::internal::interpreter::|v8::internal::baseline::|v8::internal::Parser|v8::internal::Zone::/.test(fn)) return "compiler";
  if (/heap::base::|Scaveng|MarkCompact|Marking|Sweeper|Evacuat|RememberedSet|SlotSet|LiveObjectRange|RecordMigratedSlot|MemoryAllocator|PagedSpace|v8::internal::Heap::|GCTracer|MinorMC|MemoryChunk|ArrayBufferSweeper|PointersUpdating|UpdatingItem/.test(fn)) return "collector";
  return "program";
}

/** The instructions of a cachegrind output file's text by part (its `fn=` records, first event Ir). */
function parts(text: string): Record<Part, number> {
  const out: Record<Part, number> = { compiler: 0, collector: 0, program: 0 };
  let part: Part = "program";
  for (const line of text.split("\n")) {
    if (line.startsWith("fn=")) part = partOf(line.slice(3));
    else if (line.charCodeAt(0) >= 48 && line.charCodeAt(0) <= 57) out[part] += Number(line.split(" ")[1] ?? 0);
  }
  return out;
}

const builds = [["base", basePath], ["head", headPath]] as const;
const jobs = policies.flatMap((policy) => builds.flatMap(([side, dist]) => [runs0, runs0 + runs].map((count) => ({ policy, side, dist, count }))));
const measured = await pooled(jobs.map((j) => () => measure(j.dist, j.policy, j.count, `${j.policy}-${j.side}-${j.count}`)));
if (keep === undefined) rmSync(work, { recursive: true, force: true });

const round = (x: number, digits: number) => Number(x.toFixed(digits));
for (const policy of policies) {
  const per: Record<string, { instructionsPerNeed: number; programInstructionsPerNeed: number; firstLevelMissesPerNeed: number; lastLevelMissesPerNeed: number }> = {};
  for (const [side] of builds) {
    const at = (count: number) => measured[jobs.findIndex((j) => j.policy === policy && j.side === side && j.count === count)]!;
    const [few, many] = [at(runs0), at(runs0 + runs)];
    if (few.needs !== many.needs || few.events !== many.events) throw new Error(`${policy} ${side}: the runs of seed 1 differ (${few.needs} and ${many.needs} needs)`);
    const diff = (e: (typeof EVENTS)[number]) => (many.counts[e] - few.counts[e]) / runs;
    const part = (p: Part) => round((many.parts[p] - few.parts[p]) / runs / many.needs, 0);
    const line = {
      policy,
      build: side,
      runs,
      needs: many.needs,
      events: many.events,
      instructionsPerNeed: round(diff("Ir") / many.needs, 0),
      instructionsPerEvent: round(diff("Ir") / many.events, 0),
      programInstructionsPerNeed: part("program"),
      collectorInstructionsPerNeed: part("collector"),
      compilerInstructionsPerNeed: part("compiler"),
      firstLevelMissesPerNeed: round((diff("I1mr") + diff("D1mr") + diff("D1mw")) / many.needs, 1),
      dataFirstLevelMissesPerNeed: round((diff("D1mr") + diff("D1mw")) / many.needs, 1),
      lastLevelMissesPerNeed: round((diff("ILmr") + diff("DLmr") + diff("DLmw")) / many.needs, 2),
    };
    per[side] = line;
    console.log(JSON.stringify(line));
  }
  const ratio = (key: keyof (typeof per)[string]) => round(per["base"]![key] / per["head"]![key], 3);
  console.log(JSON.stringify({ policy, instructionsRatio: ratio("instructionsPerNeed"), programInstructionsRatio: ratio("programInstructionsPerNeed"), firstLevelMissesRatio: ratio("firstLevelMissesPerNeed"), lastLevelMissesRatio: ratio("lastLevelMissesPerNeed") }));
}
