/**
 * The engine against the minimal kernel, counted instruction by instruction: `npm run
 * bench:engine:instructions`. Needs Valgrind (not the tests or CI); about 7 minutes.
 *
 * bench:engine times the engine and the kernel; on this shared machine a timed ratio moves by
 * ±10% from run to run. Here each implementation runs each model under Valgrind's cachegrind
 * (node `--predictable`, instruction counts only) at two sizes, and the difference of the two
 * counts over the difference in customers is the steady state's instructions per customer, free
 * of start-up, compiling and the machine's load. Three implementations
 * (bench/engineInstructionsRun.ts): the kernel, the kernel's M/M/c logic on the engine's
 * calendar (a closure per event kind, no team: bench/engineModels.ts `calendarMmc`), and the
 * engine (Simulation and Team, as bench:engine runs it). Both Math.log calls per customer run in
 * V8's C library and count for all three alike.
 *
 * `MODELS` (default `mm1,mm5,rework`) picks the models. With `LINES=N` it also runs the engine's
 * M/M/1 (or, with `LINES_OF=calendar`, the calendar variant's) under callgrind with V8's listing
 * of the code it optimised (bench/optimisedCode.ts) and prints the N source lines of the bundle
 * with the most instructions per customer, and the lines that allocate in optimised code.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ALLOCATION, bundleForValgrind, bundleLines, compiledCode, instructionCounts, positionAt } from "./optimisedCode.js";

const SMALL = 100_000;
const LARGE = 300_000;
const lines = Number(process.env.LINES ?? 0);
/** The implementation whose lines `LINES=N` lists: `engine` (default) or `calendar`. */
const linesOf = process.env.LINES_OF ?? "engine";
if (linesOf !== "engine" && linesOf !== "calendar") throw new Error(`LINES_OF must be engine or calendar, got ${linesOf}`);
const models = (process.env.MODELS ?? "mm1,mm5,rework").split(",");

const { work, bundle } = await bundleForValgrind("bench:engine:instructions", "bench/engineInstructionsRun.ts", "helhet-engine-instructions-");

/** Runs the bundle under Valgrind with `tool` options (stdout to `listing` if given): its instruction count and the mean wait it printed. */
function underValgrind(tool: string, args: readonly string[], listing?: string): { instructions: number; meanWait: number } {
  const to = listing === undefined ? "" : ` > ${listing}`;
  const r = spawnSync("sh", ["-c", `valgrind ${tool} ${process.execPath} --predictable ${args.join(" ")}${to}`], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`the run under Valgrind failed:\n${r.stderr.slice(-2000)}`);
  const stdout = listing === undefined ? r.stdout : readFileSync(listing, "utf8");
  return { instructions: Number(/I\s+refs:\s+([\d,]+)/.exec(r.stderr)?.[1]?.replaceAll(",", "") ?? NaN), meanWait: Number(/MEANWAIT (\S+)/.exec(stdout)?.[1] ?? NaN) };
}

/**
 * Instructions per customer in the steady state (the count at LARGE less that at SMALL, over
 * 3 × (LARGE − SMALL) customers) and the mean wait of the large run.
 */
function perCustomer(variant: string, model: string): { instructions: number; meanWait: number } {
  const count = (n: number) => underValgrind("--tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null", [bundle, variant, model, String(n)]);
  const small = count(SMALL);
  const large = count(LARGE);
  return { instructions: (large.instructions - small.instructions) / (3 * (LARGE - SMALL)), meanWait: large.meanWait };
}

for (const model of models) {
  const kernel = perCustomer("kernel", model);
  const calendar = model === "rework" ? null : perCustomer("calendar", model);
  const engine = perCustomer("engine", model);
  // the calendar variant is the kernel's logic: it must give the kernel's mean wait exactly
  if (calendar !== null && calendar.meanWait !== kernel.meanWait) throw new Error(`${model}: the calendar variant's mean wait ${calendar.meanWait} is not the kernel's ${kernel.meanWait}`);
  console.log(
    JSON.stringify({
      model,
      kernelPerCustomer: Math.round(kernel.instructions),
      calendarPerCustomer: calendar === null ? null : Math.round(calendar.instructions),
      enginePerCustomer: Math.round(engine.instructions),
      kernelOverCalendar: calendar === null ? null : Number((kernel.instructions / calendar.instructions).toFixed(3)),
      kernelOverEngine: Number((kernel.instructions / engine.instructions).toFixed(3)),
      kernelMeanWait: Number(kernel.meanWait.toFixed(4)),
      engineMeanWait: Number(engine.meanWait.toFixed(4)),
    }),
  );
}

if (lines > 0) {
  const out = join(work, "callgrind.out");
  const listing = join(work, "opt.txt");
  underValgrind(`--tool=callgrind --dump-instr=yes --callgrind-out-file=${out}`, ["--no-compact-code-space", "--print-opt-code", "--code-comments", bundle, linesOf, "mm1", String(LARGE)], listing);
  const customers = SMALL + 3 * LARGE;
  const costs = instructionCounts(readFileSync(out, "utf8"));
  const { lineAt, text } = bundleLines(readFileSync(bundle, "utf8"));
  const byLine = new Map<number, number>();
  const allocationsByLine = new Map<number, number>();
  let optimised = 0;
  let allocations = 0;
  for (const code of compiledCode(readFileSync(listing, "utf8"))) {
    for (const ins of code.instructions) {
      const n = costs.get(ins.address) ?? 0;
      if (n === 0) continue;
      optimised += n;
      const position = positionAt(code, ins.address - code.start);
      const line = position < 0 ? -1 : lineAt(position);
      if (ALLOCATION.test(ins.text)) {
        allocations += n;
        allocationsByLine.set(line, (allocationsByLine.get(line) ?? 0) + n);
      }
      byLine.set(line, (byLine.get(line) ?? 0) + n);
    }
  }
  const name = linesOf === "engine" ? "the engine's M/M/1" : "the kernel's M/M/1 on the engine's calendar";
  console.log(`\n${name}: ${(optimised / customers).toFixed(0)} instructions per customer in optimised code (warm-up included), ${(allocations / customers).toFixed(2)} allocations; by line of the bundle:`);
  for (const [line, n] of [...byLine].sort((a, b) => b[1] - a[1]).slice(0, lines)) {
    console.log(`${(n / customers).toFixed(1).padStart(7)}  L${line + 1}: ${line < 0 ? "?" : text(line)}`);
  }
  console.log("\nallocations per customer, by line of the bundle:");
  for (const [line, n] of [...allocationsByLine].sort((a, b) => b[1] - a[1])) {
    if (n / customers < 0.005) break;
    console.log(`${(n / customers).toFixed(2).padStart(7)}  L${line + 1}: ${line < 0 ? "?" : text(line)}`);
  }
}
rmSync(work, { recursive: true, force: true });
