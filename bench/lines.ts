/**
 * Where the model's time goes, line by line, in the built package as users run it:
 * `npm run bench:lines` builds the package, then per preset simulates a year of `soderhamn`
 * eight times (after three warm-up runs on other seeds) under V8's sampling CPU profiler
 * (node:inspector, a sample every 50 µs) and prints
 *
 * - the source lines of the bundle with the most samples (`LINES`, default 25), each with its
 *   share of all samples, the function V8 ran (`fn`: after inlining, often a caller), the source
 *   function and file the line belongs to (`in`, `file`: see bundleFunctions.ts) and its text;
 * - the source functions with the most samples (`FUNCTIONS`, default 20): every line's samples
 *   added up by the function it belongs to, so an inlined function is counted as itself and not
 *   as its callers;
 * - the share of the runs' wall time spent in the garbage collector (PerformanceObserver "gc"
 *   entries of the same eight runs, not profiled);
 * - the needs open at a time (the weekly series' `openNeeds`, seed 1): mean and largest;
 * - the event calendar's entries as each event fires (seed 1, one more run with the calendar's
 *   `fireTop` wrapped): mean and largest, and the mean share of them that are cancelled events
 *   not yet dropped.
 *
 * bench:profile gives whole functions and flame graphs; this is for the next step down, when a
 * function is known to be hot and the question is which of its lines. A line that first touches
 * a task or a need after it has waited (a cache miss) shows up here as a plain field read.
 */
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleLines, type LineSource } from "./bundleFunctions.js";

interface Build {
  readonly EventCalendar: { prototype: { fireTop(): void } };
  readonly loadScenario: (name: string) => unknown;
  readonly policies: Readonly<Record<string, unknown>>;
  readonly simulate: (scenario: unknown, policy: unknown, options: Record<string, unknown>) => {
    readonly series?: { readonly values: Readonly<Record<string, readonly number[]>> };
  };
}
interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly hitCount?: number;
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

const RUNS = 8;
const top = Math.max(1, Math.round(Number(process.env.LINES ?? 25)));
const topFunctions = Math.max(1, Math.round(Number(process.env.FUNCTIONS ?? 20)));
const parsed = new Map<string, (line: number) => LineSource>();
const sourceOf = (url: string, line: number): LineSource => {
  if (!url.startsWith("file://")) return { file: "", fn: "(not in the bundle)" };
  if (!parsed.has(url)) parsed.set(url, bundleLines(fileURLToPath(url)));
  return parsed.get(url)!(line);
};
const dist = join(import.meta.dirname, "..", "dist", "index.js");
const b = (await import(pathToFileURL(dist).href)) as Build;
const scenario = b.loadScenario("soderhamn");
const sources = new Map<string, string[]>();
const textOf = (url: string, line: number): string => {
  if (!url.startsWith("file://")) return "";
  if (!sources.has(url)) sources.set(url, readFileSync(new URL(url), "utf8").split("\n"));
  return (sources.get(url)![line - 1] ?? "").trim().slice(0, 120);
};

for (const name of ["minutes", "whole"]) {
  const policy = b.policies[name];
  for (let i = 0; i < 3; i++) b.simulate(scenario, policy, { seed: 900 + i });

  // the collector's share, in runs without the profiler
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc += e.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  let wall = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    b.simulate(scenario, policy, { seed: 1 + i });
    wall += performance.now() - t0;
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // gc entries arrive asynchronously
  observer.disconnect();

  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  for (let i = 0; i < RUNS; i++) b.simulate(scenario, policy, { seed: 1 + i });
  const { profile } = (await session.post("Profiler.stop")) as { profile: { nodes: readonly ProfileNode[] } };
  session.disconnect();

  let samples = 0;
  const byLine = new Map<string, { url: string; line: number; fn: string; ticks: number }>();
  for (const node of profile.nodes) {
    samples += node.hitCount ?? 0;
    for (const t of node.positionTicks ?? []) {
      const key = `${node.callFrame.url}:${t.line}`;
      const entry = byLine.get(key) ?? { url: node.callFrame.url, line: t.line, fn: node.callFrame.functionName, ticks: 0 };
      entry.ticks += t.ticks;
      byLine.set(key, entry);
    }
  }
  const open = b.simulate(scenario, policy, { seed: 1, series: "week" }).series?.values["openNeeds"] ?? [];
  const calendar = calendarSizes(() => b.simulate(scenario, policy, { seed: 1 }));
  console.log(
    JSON.stringify({
      policy: name,
      runs: RUNS,
      wallMs: Math.round(wall),
      gcShare: Number((gc / wall).toFixed(3)),
      openNeedsMean: Math.round(open.reduce((a, x) => a + x, 0) / Math.max(1, open.length)),
      openNeedsMax: Math.max(0, ...open),
      ...calendar,
    }),
  );
  const share = (ticks: number) => Number((ticks / samples).toFixed(4));
  for (const e of [...byLine.values()].sort((x, y) => y.ticks - x.ticks).slice(0, top)) {
    const src = sourceOf(e.url, e.line);
    console.log(JSON.stringify({ policy: name, share: share(e.ticks), fn: e.fn || "(anonymous)", in: src.fn, file: src.file, line: e.line, text: textOf(e.url, e.line) }));
  }
  const byFunction = new Map<string, { fn: string; file: string; ticks: number }>();
  for (const e of byLine.values()) {
    const src = sourceOf(e.url, e.line);
    const key = `${src.file}:${src.fn}`;
    const entry = byFunction.get(key) ?? { ...src, ticks: 0 };
    entry.ticks += e.ticks;
    byFunction.set(key, entry);
  }
  for (const f of [...byFunction.values()].sort((x, y) => y.ticks - x.ticks).slice(0, topFunctions)) {
    console.log(JSON.stringify({ policy: name, share: share(f.ticks), function: f.fn, file: f.file }));
  }
}

/**
 * The event calendar's size as each event fires during `run`: its entries (the heap, cancelled
 * ones included until dropped) on average and at most, and the mean share that are cancelled.
 * Reads the calendar's private counts through a wrapper of its `fireTop`, removed afterwards.
 */
function calendarSizes(run: () => void): { calendarMean: number; calendarMax: number; calendarCancelledShare: number } {
  const proto = b.EventCalendar.prototype as { fireTop(): void };
  const fireTop = proto.fireTop;
  let fires = 0;
  let entries = 0;
  let cancelled = 0;
  let max = 0;
  proto.fireTop = function (this: { heapSize: number; cancelled: number }) {
    fires++;
    entries += this.heapSize;
    cancelled += this.cancelled;
    max = Math.max(max, this.heapSize);
    fireTop.call(this);
  };
  try {
    run();
  } finally {
    proto.fireTop = fireTop;
  }
  return { calendarMean: Math.round(entries / fires), calendarMax: max, calendarCancelledShare: Number((cancelled / entries).toFixed(3)) };
}
