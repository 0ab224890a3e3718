/**
 * Memory benchmark: long horizons and large populations. Run with `npm run bench:memory`
 * (node --expose-gc). Each case runs in a child process of its own, so its peak resident
 * memory (maxRSS) is its own; the child prints one JSON line:
 *
 * - `heapBeforeMB`: heap used after gc with the scenario loaded, before the run;
 * - `heapAfterMB`: heap used after gc at the end, the run's result still held;
 * - `retainedMB` = after − before: what the run keeps, almost all of it its records;
 * - `recordBytes`: the typed arrays of the result (need rows, contact rows, journal, daily series);
 * - `bytesPerCohortNeed` = retained ÷ cohort needs: the run keeps one row of 22 numbers per
 *   cohort need (176 bytes) and one row of 10 per contact in the window (80 bytes), so
 *   memory at the end is proportional to the needs and contacts measured, by design;
 * - `needsAliveEnd`, `needsAlivePeak`: needs alive (daily series) at the end and at most;
 * - `peakDuringRunMB`: the most memory (heap + buffers, after gc, above `heapBefore`) sampled
 *   every few thousand events in a second, untimed run of the same case; `workingMB` = that
 *   peak − the final records: an upper bound of the working state (need objects, tasks,
 *   waiting lines, the calendar; need objects are pooled and reused), and
 *   `bytesPerNeedAlive` = workingMB ÷ peak needs alive;
 * - `maxRssMB`: the child's peak resident memory; `seconds`: the run's time.
 *
 * Cases: 10 simulated years of soderhamn (`horizon: "520 weeks"`), one year of soderhamn for
 * comparison, and one year of 10× Söderhamn (every service's arrivals and every team's staff
 * times ten, through the input format). `journal: { every: 0 }` everywhere.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Simulation, builtinScenarioInput, formatRate, parseRate, parseScenario, policies, simulate, type Policy, type RunOptions, type ScenarioInput } from "../src/index.js";

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
  const before = gcHeap();
  const t0 = performance.now();
  const run = simulate(scenario, policy, { seed: 1, horizon: c.horizon, ...(c.warmup === undefined ? {} : { warmup: c.warmup }), journal: { every: 0 } });
  const seconds = (performance.now() - t0) / 1000;
  const after = gcHeap();
  const sampled = sampledPeak(Math.max(10_000, Math.round(run.events / 40)), () => simulate(scenario, policy, { seed: 1, horizon: c.horizon, ...(c.warmup === undefined ? {} : { warmup: c.warmup }), journal: { every: 0 } }));
  const records = typedBytes(run.needs) + typedBytes(run.contacts) + typedBytes(run.journal) + run.dailyOpenNeeds.byteLength;
  const retained = after - before;
  const daily = Array.from(run.dailyOpenNeeds);
  const peak = Math.max(0, ...daily);
  // during the run: the records so far (growing columns) plus the working state (needs alive,
  // tasks, waiting lines, the calendar); the peak less the final records bounds the working state
  const working = sampled.peak - before - records;
  console.log(
    JSON.stringify({
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
      needsAliveEnd: daily[daily.length - 1] ?? 0,
      needsAlivePeak: peak,
      peakDuringRunMB: Number(((sampled.peak - before) / MB).toFixed(1)),
      peakSamples: sampled.samples,
      workingMB: Number((working / MB).toFixed(2)),
      bytesPerNeedAlive: Math.round(working / Math.max(1, peak)),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  // keep the run alive until after the measurement
  if (run.needs.length < 0) console.log(run);
}

const self = fileURLToPath(import.meta.url);
const only = process.argv[2];
if (process.argv[1] !== self) {
  // imported (for scaledSoderhamn): measure nothing
} else if (only !== undefined) {
  const c = CASES[Number(only)];
  if (c === undefined) throw new Error(`no case ${only}`);
  runCase(c);
} else {
  CASES.forEach((_, i) => {
    process.stdout.write(execFileSync(process.execPath, [...process.execArgv, self, String(i)], { encoding: "utf8", maxBuffer: 1 << 24 }));
  });
}
