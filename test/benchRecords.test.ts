/**
 * The benchmark figures of docs/performance.md are records written by the benchmarks
 * themselves (`npm run bench:engine|model|compare|memory|profile -- --write`, bench/record.ts): timings depend
 * on the machine and its load, so no test can rerun them. This checks that each region is such
 * a record — its heading (when, on what, by which command) and lines of the benchmark's shape —
 * and that the figures in it follow from one another (events per second, speed-up).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RECORD_BYTES } from "../src/analysis/runCost.js";
import { region } from "../scripts/headlines.js";

const DOC = readFileSync(join(__dirname, "..", "docs", "performance.md"), "utf8");
const HEADING = /^Measured \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC on Node v\d+\.\d+\.\d+, \d+ processors, load average \d+\.\d\d at the start, by `npm run bench:(\w+) -- --write`:$/;

/** The heading's command and the JSON lines of a bench region. */
function record(name: string): { command: string; lines: Record<string, unknown>[] } {
  const text = region(DOC, `bench-${name}`);
  const [heading, blank, open, ...rest] = text.split("\n");
  const m = HEADING.exec(heading ?? "");
  expect(m, `bench-${name}: heading "${heading}"`).not.toBeNull();
  expect(blank).toBe("");
  expect(open).toBe("```text");
  expect(rest.at(-1)).toBe("```");
  return { command: m![1]!, lines: rest.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe("docs/performance.md: benchmark records", () => {
  it("bench-engine: each reference model and the minimal kernel, events per second = events ÷ seconds, the engine's share of the kernel's speed", () => {
    const { command, lines } = record("engine");
    expect(command).toBe("engine");
    expect(lines.map((l) => l["model"])).toEqual(["mm1", "mm5", "rework", "mm1-minimal-kernel", "mm5-minimal-kernel", "rework-minimal-kernel"]);
    // the kernel sees the same random numbers, so it gives the same mean wait and events
    for (const m of ["mm1", "mm5", "rework"]) {
      const [engine, kernel] = [lines.find((l) => l["model"] === m)!, lines.find((l) => l["model"] === `${m}-minimal-kernel`)!];
      expect(kernel["meanWait"], m).toBe(engine["meanWait"]);
      expect(kernel["events"], m).toBe(engine["events"]);
      // both are the fastest of the same rounds, and ofKernel is the engine's share of the kernel's speed
      expect(engine["rounds"], m).toBe(kernel["rounds"]);
      expect(close(engine["ofKernel"] as number, (engine["eventsPerSecond"] as number) / (kernel["eventsPerSecond"] as number), 0.01), m).toBe(true);
    }
    for (const l of lines) expect(close(l["eventsPerSecond"] as number, (l["events"] as number) / (l["seconds"] as number), 0.01), String(l["model"])).toBe(true);
    for (const l of lines.slice(0, 3)) expect(close(l["relError"] as number, Math.abs((l["meanWait"] as number) / (l["analyticWait"] as number) - 1), 0.001)).toBe(true);
  });

  it("bench-model: both presets on soderhamn, needs per second = needs ÷ seconds", () => {
    const { command, lines } = record("model");
    expect(command).toBe("model");
    expect(lines.map((l) => l["policy"])).toEqual(["minutes", "whole"]);
    for (const l of lines) expect(close(l["needsPerSecond"] as number, (l["needs"] as number) / (l["seconds"] as number), 0.01)).toBe(true);
    // the yardstick of the same run: needs per second ÷ the minimal kernel's events per second
    for (const l of lines) expect(close(l["kernelRatio"] as number, (l["needsPerSecond"] as number) / (l["kernelEventsPerSecond"] as number), 0.01), String(l["policy"])).toBe(true);
  });

  it("bench-memory: every case, the need rows at their 186 bytes, a million cohort needs' rows under 200 MB", () => {
    const { command, lines } = record("memory");
    expect(command).toBe("memory");
    expect(lines.map((l) => l["case"])).toEqual([
      "soderhamn-1y", "soderhamn-10y", "soderhamn-10y", "soderhamn-x10-1y", "soderhamn-x10-1y",
      "soderhamn-1y-cohort1w", "soderhamn-10y-cohort1w", "soderhamn-x10-1y-cohort1w", "soderhamn-x10-3y",
    ]);
    const MB = 1024 * 1024;
    for (const l of lines as Record<string, number>[]) {
      expect(l["recordBytesPerCohortNeed"], String(l["case"])).toBe(RECORD_BYTES.need);
      expect(close(l["retainedMB"]!, l["heapAfterMB"]! - l["heapBeforeMB"]!, 0.01), String(l["case"])).toBe(true);
      expect(Math.abs(l["bytesPerCohortNeed"]! - (l["retainedMB"]! * MB) / l["cohortNeeds"]!), String(l["case"])).toBeLessThan(Math.max(2, 0.001 * l["bytesPerCohortNeed"]!) + (0.05 * MB) / l["cohortNeeds"]!);
    }
    const million = lines.at(-1) as Record<string, number>;
    expect(million["cohortNeeds"]).toBeGreaterThan(1e6);
    expect(million["recordBytesPerCohortNeed"]! * 1e6).toBeLessThan(200e6);
  });

  it("bench-profile: per preset the functions by self time, each within its inclusive time, and the flame graphs", () => {
    const { command, lines } = record("profile");
    expect(command).toBe("profile");
    for (const policy of ["minutes", "whole"]) {
      const rows = lines.filter((l) => l["policy"] === policy) as Record<string, number>[];
      expect(rows.length, policy).toBe(15);
      const self = rows.map((r) => r["selfPercent"]!);
      expect(self, policy).toEqual([...self].sort((a, b) => b - a));
      expect(self.reduce((a, x) => a + x, 0)).toBeLessThanOrEqual(100.5);
      for (const r of rows) expect(r["selfPercent"]!, String(r["label"])).toBeLessThanOrEqual(r["totalPercent"]! + 0.05);
      const svg = readFileSync(join(__dirname, "..", "docs", `profile-${policy}.svg`), "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(`soderhamn under ${policy}`);
    }
  });

  it("bench-compare: serial, then 1, 2 (and more) worker threads, speed-up = serial seconds ÷ threaded seconds", () => {
    const { command, lines } = record("compare");
    expect(command).toBe("compare");
    const runs = lines.filter((l) => l["mode"] !== "ceiling" && l["mode"] !== "pool");
    expect(runs.map((l) => l["mode"])).toEqual(["serial", ...runs.slice(1).map(() => "workers")]);
    const [serial, ...threaded] = runs as Record<string, number>[];
    expect(threaded.map((l) => l["workers"]).slice(0, 2)).toEqual([1, 2]);
    for (const l of threaded) expect(close(l["speedup"]!, serial!["seconds"]! / l["seconds"]!, 0.01), `${l["workers"]} workers`).toBe(true);
  });

  it("bench-compare: each run's CPU split by thread (calling, workers, helpers) is part of its CPU seconds, and only threaded runs have workers", () => {
    const { lines } = record("compare");
    const runs = lines.filter((l) => l["mode"] !== "ceiling") as Record<string, number | string | null>[];
    for (const l of runs) {
      const parts = [l["cpuCalling"], l["cpuWorkers"], l["cpuHelpers"]];
      // null where the machine shows no thread times (not Linux); this record was made on Linux
      expect(parts.every((x) => typeof x === "number" && x >= 0), `${l["mode"]} ${l["workers"]}: ${JSON.stringify(parts)}`).toBe(true);
      const sum = (parts as number[]).reduce((a, x) => a + x, 0);
      // threads count in hundredths of a second: three parts may round up by 0.01 each
      expect(sum, `${l["mode"]} ${l["workers"]}`).toBeLessThanOrEqual((l["cpuSeconds"] as number) + 0.03);
      if (l["mode"] === "serial") expect(l["cpuWorkers"]).toBe(0);
      else expect(l["cpuWorkers"] as number, `${l["mode"]} ${l["workers"]}`).toBeGreaterThan(0);
    }
  });

  it("bench-compare: the same comparison on a warm pool of 2 (and more) threads, speed-up = the serial run's seconds before it ÷ its seconds", () => {
    const { lines } = record("compare");
    const pooled = lines.filter((l) => l["mode"] === "pool") as Record<string, number>[];
    expect(pooled.map((l) => l["workers"])).toContain(2);
    for (const l of pooled) expect(close(l["speedup"]!, l["serialSeconds"]! / l["seconds"]!, 0.01), `pool of ${l["workers"]}`).toBe(true);
    // after the cold runs, before the ceiling
    const modes = lines.map((l) => l["mode"]);
    expect(modes.indexOf("pool")).toBeGreaterThan(modes.lastIndexOf("workers"));
    expect(modes.lastIndexOf("pool")).toBeLessThan(modes.indexOf("ceiling"));
  });

  it("bench-compare: the machine's ceiling for each thread count above 1, ceiling = threads × alone ÷ together, after the runs", () => {
    const { lines } = record("compare");
    const first = lines.findIndex((l) => l["mode"] === "ceiling");
    const ceilings = lines.slice(first) as Record<string, number | string>[];
    expect(first).toBeGreaterThan(0);
    expect(ceilings.every((l) => l["mode"] === "ceiling")).toBe(true);
    // a model job, a cpu-only job and a fresh-pages job for 2 threads at least
    expect(ceilings.filter((l) => l["workers"] === 2).map((l) => l["job"])).toEqual(["model", "cpu", "pages"]);
    for (const l of ceilings) {
      const [threads, alone, together] = [l["workers"], l["aloneSeconds"], l["togetherSeconds"]] as number[];
      expect(close(l["ceiling"] as number, (threads! * alone!) / together!, 0.01), `${l["job"]} on ${threads}`).toBe(true);
      // the page faults of its last rounds, alone and together: counts (how many depends on the
      // machine: with huge pages, a first touch maps 512 pages at once)
      for (const k of ["faultsAlone", "faultsTogether"]) expect(Number.isInteger(l[k]) && (l[k] as number) >= 0, `${k} of ${l["job"]} on ${threads}`).toBe(true);
    }
  });
});
