/**
 * Memory benchmark: long horizons and large populations. Run with `npm run bench:memory`
 * (node --expose-gc; `-- --write` also records the lines in docs/performance.md). Each case runs in a child process of its own, so its peak resident
 * memory (maxRSS) is its own; the child prints one JSON line:
 *
 * - `heapBeforeMB`: heap used after gc with the scenario loaded, before the run;
 * - `heapAfterMB`: heap used after gc at the end, the run's result still held;
 * - `retainedMB` = after − before: what the run keeps, almost all of it its records;
 * - `recordMB`: the typed arrays of the result (need rows, contact rows, journal, daily series);
 * - `bytesPerCohortNeed` = retained ÷ cohort needs: the run keeps one need row per cohort need
 *   (186 bytes: times of 8, counts of 2, codes of 1; see `NeedRecords`) and one contact row of
 *   39 bytes per contact in the window, so memory at the end is proportional to the needs and
 *   contacts measured, by design; `recordBytesPerCohortNeed` is the need rows alone;
 * - `rowsMB`: the rows the run holds just before it turns them into columns (186 bytes a need
 *   row, 39 a contact row, in chunks of 4,096 rows); while it turns them, it holds both for a moment;
 * - `needsAliveEnd`, `needsAlivePeak`: needs alive (daily series) at the end and at most;
 * - `peakDuringRunMB`: the most memory (heap + buffers, after gc, above `heapBefore`) sampled
 *   every few thousand events in a second, untimed run of the same case, with the first run's
 *   result let go; `workingMB` = that peak − `rowsMB`: the working state (need objects, tasks,
 *   waiting lines, the calendar; need objects are pooled and reused) where the rows are few (the
 *   one-week cohorts), a lower bound of it otherwise, and `bytesPerNeedAlive` = workingMB ÷ peak
 *   needs alive;
 * - `maxRssMB`: the child's peak resident memory; `seconds`: the run's time.
 *
 * Cases: 10 simulated years of soderhamn (`horizon: "520 weeks"`), one year of soderhamn for
 * comparison, one year of 10× Söderhamn (every service's arrivals and every team's staff
 * times ten, through the input format), and three years of it (case 8: over a million cohort
 * needs, issue "Twice as fast", item 5). `journal: { every: 0 }` everywhere.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { RECORD_BYTES } from "../src/analysis/runCost.js";
import { benchOutput } from "./record.js";
import { Simulation, builtinScenarioInput, formatRate, parseRate, parseScenario, policies, simulate, type Policy, type RunOptions, type RunResult, type ScenarioInput } from "../src/index.js";

interface Case {
  readonly name: string;
  readonly scale: number;
  readonly horizon: string;
  /** Default: the scenario's (8 weeks). A warm-up one week short of the horizon keeps the records tiny, so the peak shows the working state. */
  readonly warmup?: string;
  readonly policy: "minutes" | "whole";
}

const CASES: readonly Case[] = [
  { name: "soderhamn-1y", scale: 1, horizon: "52 weeks", policy: "whole" },
  { name: "soderhamn-10y", scale: 1, horizon: "520 weeks", policy: "whole" },
  { name: "soderhamn-10y", scale: 1, horizon: "520 weeks", policy: "minutes" },
  { name: "soderhamn-x10-1y", scale: 10, horizon: "52 weeks", policy: "whole" },
  { name: "soderhamn-x10-1y", scale: 10, horizon: "52 weeks", policy: "minutes" },
  // the same simulated time with a one-week cohort: what the run holds while it runs
  { name: "soderhamn-1y-cohort1w", scale: 1, horizon: "52 weeks", warmup: "51 weeks", policy: "minutes" },
  { name: "soderhamn-10y-cohort1w", scale: 1, horizon: "520 weeks", warmup: "519 weeks", policy: "minutes" },
  { name: "soderhamn-x10-1y-cohort1w", scale: 10, horizon: "52 weeks", warmup: "51 weeks", policy: "minutes" },
  // a million cohort needs and more
  { name: "soderhamn-x10-3y", scale: 10, horizon: "156 weeks", policy: "minutes" },
];

/** Söderhamn with every service's arrivals and every team's staff multiplied by `k`. */
export function scaledSoderhamn(k: number): ScenarioInput {
  const input = builtinScenarioInput("soderhamn");
  return {
    ...input,
    name: k === 1 ? input.name : `${input.name}-x${k}`,
    population: input.population * k,
    teams: input.teams.map((t) => ({ ...t, staff: t.staff * k })),
    services: input.services.map((s) => ({ ...s, arrivals: formatRate(parseRate(s.arrivals) * k) })),
  };
}

/** Heap used plus typed-array buffers (the records live in ArrayBuffers, outside the JS heap), after gc. */
function gcHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc (npm run bench:memory)");
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Samples memory during a run (after gc, every `every` events) by wrapping the engine's run
 * loop with its `trace` option: bench instrumentation only, in a second, untimed run.
 */
function sampledPeak<T>(every: number, f: () => T): { result: T; peak: number; samples: number } {
  const proto = Simulation.prototype as unknown as { run: (o?: RunOptions) => unknown };
  const original = proto.run;
  let peak = 0;
  let samples = 0;
  proto.run = function (this: Simulation, options: RunOptions = {}) {
    return original.call(this, {
      ...options,
      trace: (_t: number, n: number) => {
        if (n % every === 0) {
          peak = Math.max(peak, gcHeap());
          samples++;
        }
      },
    });
  };
  try {
    return { result: f(), peak, samples };
  } finally {
    proto.run = original;
  }
}

function typedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value !== "object" || value === null) return 0;
  return Object.values(value).reduce((a: number, v) => a + typedBytes(v), 0);
}

const MB = 1024 * 1024;

function runCase(c: Case): void {
  const scenario = parseScenario(scaledSoderhamn(c.scale));
  const policy: Policy = policies[c.policy];
  // allowLarge: the cost estimate refuses ten years of soderhamn under whole (its load analysis
  // offers whole's reception 101% of its capacity, so it expects redials to grow for ten years)
  const options = { seed: 1, horizon: c.horizon, ...(c.warmup === undefined ? {} : { warmup: c.warmup }), journal: { every: 0 }, allowLarge: true };
  const before = gcHeap();
  const t0 = performance.now();
  let run: RunResult | undefined = simulate(scenario, policy, options);
  const seconds = (performance.now() - t0) / 1000;
  const after = gcHeap();
  const records = typedBytes(run.needs) + typedBytes(run.contacts) + typedBytes(run.journal) + run.dailyOpenNeeds.byteLength;
  // the rows the run held just before turning them into columns (chunks not yet full left out)
  const rows = run.needs.length * RECORD_BYTES.need + run.contacts.length * RECORD_BYTES.contact;
  const retained = after - before;
  const daily = Array.from(run.dailyOpenNeeds);
  const peak = Math.max(0, ...daily);
  const summary = {
    case: c.name,
    policy: c.policy,
    horizon: c.horizon,
    warmup: c.warmup ?? "8 weeks",
    simulatedWeeks: Number((run.endMinutes / 10080).toFixed(1)),
    needsArisen: run.needsArisen,
    cohortNeeds: run.needs.length,
    contacts: run.contacts.length,
    events: run.events,
    seconds: Number(seconds.toFixed(2)),
    heapBeforeMB: Number((before / MB).toFixed(1)),
    heapAfterMB: Number((after / MB).toFixed(1)),
    retainedMB: Number((retained / MB).toFixed(1)),
    recordMB: Number((records / MB).toFixed(1)),
    bytesPerCohortNeed: Math.round(retained / Math.max(1, run.needs.length)),
    recordBytesPerCohortNeed: Math.round(typedBytes(run.needs) / Math.max(1, run.needs.length)),
    rowsMB: Number((rows / MB).toFixed(1)),
    needsAliveEnd: daily[daily.length - 1] ?? 0,
    needsAlivePeak: peak,
  };
  const events = run.events;
  run = undefined; // the second run is measured alone
  const sampled = sampledPeak(Math.max(10_000, Math.round(events / 40)), () => simulate(scenario, policy, options).needs.length);
  // during the run: the rows so far plus the working state (needs alive, tasks, waiting lines,
  // the calendar); less the rows at the end, a lower bound of the working state at the peak, and
  // the working state itself where the rows are few (the one-week cohorts)
  const working = sampled.peak - before - rows;
  console.log(
    JSON.stringify({
      ...summary,
      peakDuringRunMB: Number(((sampled.peak - before) / MB).toFixed(1)),
      peakSamples: sampled.samples,
      workingMB: Number((working / MB).toFixed(2)),
      bytesPerNeedAlive: Math.round(working / Math.max(1, peak)),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

const self = fileURLToPath(import.meta.url);
const only = process.argv.slice(2).find((a) => a !== "--write");
if (process.argv[1] !== self) {
  // imported (for scaledSoderhamn): measure nothing
} else if (only !== undefined) {
  const c = CASES[Number(only)];
  if (c === undefined) throw new Error(`no case ${only}`);
  runCase(c);
} else {
  const out = benchOutput("memory");
  CASES.forEach((_, i) => {
    const text = execFileSync(process.execPath, [...process.execArgv, self, String(i)], { encoding: "utf8", maxBuffer: 1 << 24 });
    for (const line of text.trim().split("\n")) out.line(JSON.parse(line) as object);
  });
  out.finish();
}
