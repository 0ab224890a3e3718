import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vl from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { compare, loadScenario, policies, runReplication, xmrLimits, type Comparison } from "../../src/index.js";
import { capabilityChart, comparisonCharts, endToEndChart, failureDemandChart, seriesChart, seriesCharts, seriesCsv, type VegaLiteSpec } from "../../src/report/index.js";

const OPTIONS = { replications: 2, horizon: "10 weeks", warmup: "2 weeks" } as const;

/** Compiles with vega-lite and parses with vega, collecting every warning and error. */
function check(spec: VegaLiteSpec): string[] {
  const problems: string[] = [];
  const logger = {
    level: (() => logger) as never,
    error: (...a: unknown[]) => (problems.push(`error: ${a.join(" ")}`), logger),
    warn: (...a: unknown[]) => (problems.push(`warn: ${a.join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec, { logger }).spec;
  vega.parse(compiled);
  return problems;
}

/** Every `data` object in a spec, at any depth. */
function dataOf(x: unknown): Record<string, unknown>[] {
  if (Array.isArray(x)) return x.flatMap(dataOf);
  if (x === null || typeof x !== "object") return [];
  const o = x as Record<string, unknown>;
  return [...(o.data !== undefined ? [o.data as Record<string, unknown>] : []), ...Object.values(o).flatMap(dataOf)];
}

describe("comparison charts (Vega-Lite specs)", () => {
  let c: Comparison;
  let days: Record<string, number[]>;
  beforeAll(() => {
    const s = loadScenario("teaching");
    c = compare(s, [policies.minutes, policies.whole], OPTIONS);
    days = Object.fromEntries([policies.minutes, policies.whole].map((p) => [p.name, [...runReplication(s, p, 0, OPTIONS).endToEndDays]]));
  });

  it("lists the charts in report order, with the extra charts last", () => {
    const extra = { title: "Journey map", spec: { data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } } };
    expect(comparisonCharts(c, { extraCharts: [extra] }).map((ch) => ch.id)).toEqual([
      "end-to-end", "capability-minutes", "capability-whole", "failure-demand", "failure-demand-cause", "contacts",
      "over-time-openNeeds", "over-time-endToEndDays", "over-time-arrived", "over-time-failureDemandShare", "extra-journey-map",
    ]);
  });

  it("makes ids unique when names give the same slug", () => {
    const same = { title: "A b", spec: {} };
    const ids = comparisonCharts(c, { extraCharts: [same, { ...same, title: "a-b" }] }).map((ch) => ch.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("builds valid Vega-Lite v5 that compiles without a warning, with and without per-need times", () => {
    for (const options of [{}, { endToEndDays: days }]) {
      for (const ch of comparisonCharts(c, options)) {
        expect(ch.spec.$schema, ch.id).toBe("https://vega.github.io/schema/vega-lite/v5.json");
        expect(check(ch.spec), ch.id).toEqual([]);
      }
    }
  });

  it("would notice a compiler warning (the check above is not vacuous)", () => {
    const bad = { data: { values: [] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" }, size: { field: "b", type: "nominal" } } };
    expect(check(bad).length).toBeGreaterThan(0);
  });

  it("is plain JSON with inline data only (no URLs to fetch)", () => {
    for (const ch of comparisonCharts(c, { endToEndDays: days })) {
      expect(JSON.parse(JSON.stringify(ch.spec)), ch.id).toEqual(ch.spec);
      for (const d of dataOf(ch.spec)) expect(Object.keys(d), ch.id).toEqual(["values"]);
    }
  });

  it("draws the histogram as shares of each policy's needs, and the quantiles from the pooled figures", () => {
    const values = (endToEndChart(c, days).data as { values: { kind: string; policy: string; share?: number; days?: number; label?: string }[] }).values;
    for (const p of ["minutes", "whole"]) {
      const total = values.filter((v) => v.kind === "bin" && v.policy === p).reduce((s, v) => s + (v.share ?? 0), 0);
      expect(total).toBeCloseTo(1, 9);
      expect(values.find((v) => v.kind === "q" && v.policy === p && v.label === "85th")?.days).toBe(c.pooled[p]?.endToEndDays.p85);
    }
  });

  it("takes the capability limits from the Comparison and marks every need when given", () => {
    const spec = capabilityChart(c, "whole", days.whole);
    const layers = spec.layer as { data: { values: Record<string, unknown>[] } }[];
    const limits = layers.at(-1)!.data.values.map((v) => v.y);
    expect(limits).toEqual([c.capability.whole!.upperLimit, c.capability.whole!.mean, c.capability.whole!.lowerLimit]);
    expect((spec.data as { values: unknown[] }).values).toHaveLength(c.capability.whole!.points);
    expect((capabilityChart(c, "whole").layer as unknown[]).length).toBe(2);
  });

  it("thins a long series for drawing, keeping every bucket's first, lowest, highest and last need", () => {
    const all = days.minutes!;
    const spec = capabilityChart(c, "minutes", all, 40);
    const drawn = (spec.data as { values: { need: number; days: number }[] }).values;
    expect(all.length).toBeGreaterThan(40);
    expect(drawn.length).toBeLessThanOrEqual(40);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    expect(Math.max(...drawn.map((d) => d.days))).toBe(round(Math.max(...all)));
    expect(Math.min(...drawn.map((d) => d.days))).toBe(round(Math.min(...all)));
    expect(drawn[0]).toEqual({ need: 1, days: round(all[0]!) });
    expect(drawn.at(-1)).toEqual({ need: all.length, days: round(all.at(-1)!) });
    for (let k = 1; k < drawn.length; k++) expect(drawn[k]!.need).toBeGreaterThan(drawn[k - 1]!.need);
    for (const d of drawn) expect(d.days).toBe(round(all[d.need - 1]!));
    // the limits and counts still come from every need
    expect(spec.subtitle ?? JSON.stringify(spec)).toMatch(/line drawn through the first, lowest, highest and last of every \d+ needs/);
    // short series are drawn whole
    expect((capabilityChart(c, "minutes", all.slice(0, 30), 40).data as { values: unknown[] }).values).toHaveLength(30);
  });

  it("shows every failure reason of the metrics, each policy's mean", () => {
    const rows = ((failureDemandChart(c).layer as { data: { values: { policy: string; reason: string; share: number }[] } }[])[0]!).data.values;
    const reasons = Object.keys(c.policies.minutes!).filter((m) => m.startsWith("failureDemandByReason."));
    expect(rows).toHaveLength(2 * reasons.length);
    const sum = rows.filter((r) => r.policy === "minutes").reduce((s, r) => s + r.share, 0);
    expect(sum).toBeCloseTo(c.policies.minutes!["failureDemandShare"]!.mean, 9);
  });

  it("keeps vega out of the spec builders", () => {
    const text = readFileSync(join(__dirname, "../../src/report/charts.ts"), "utf8");
    expect(text).not.toMatch(/from\s+["']vega|import\(\s*["']vega/);
  });
});

describe("failure demand by cause", () => {
  it("draws each cause some policy shows, with intervals, and leaves out causes nobody has", async () => {
    const { compare, failureDemandByCauseChart, loadScenario, policies } = await import("../../src/index.js");
    const cmp = compare(loadScenario("teaching"), [policies.minutes, policies.whole], { replications: 2, seed: 1, horizon: "12 weeks", warmup: "2 weeks" });
    const spec = failureDemandByCauseChart(cmp) as unknown as { layer?: { data?: { values: { cause?: string }[] } }[]; data?: { values: { cause?: string }[] } };
    const text = JSON.stringify(spec);
    expect(text).toContain("wrong answer");
    expect(text).toContain("cut short");
    expect(text).not.toContain("owner absent");
  });
});

describe("the system over time (series charts and CSV)", () => {
  const s = loadScenario("teaching");
  const c = compare(s, [policies.minutes, policies.whole], { replications: 3, horizon: "16 weeks", warmup: "2 weeks" });

  it("draws each series per policy with its interval and the XmR band of the line, compiling cleanly", () => {
    const spec = seriesChart(c, "openNeeds", "Backlog", "needs open");
    expect(check(spec)).toEqual([]);
    const rows = (spec.data as { values: Record<string, unknown>[] }).values;
    for (const policy of ["minutes", "whole"]) {
      const mean = c.series!.policies[policy]!["openNeeds"]!.mean;
      const x = xmrLimits(mean);
      const limits = rows.find((r) => r.kind === "limits" && r.policy === policy)!;
      expect(limits).toMatchObject({ mean: x.mean, upper: x.upperLimit, lower: x.lowerLimit });
      const points = rows.filter((r) => r.kind === "point" && r.policy === policy);
      expect(points.map((p) => p.value)).toEqual(mean);
      expect(points.filter((p) => p.beyond).length).toBe(mean.filter((m) => m > x.upperLimit || m < x.lowerLimit).length);
    }
    for (const ch of seriesCharts(c)) expect(check(ch.spec), ch.id).toEqual([]);
  });

  it("writes one CSV row per policy and week, one column per series", () => {
    const lines = seriesCsv(c.series).trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 2 * 14);
    const header = lines[0]!.split(",");
    expect(header.slice(0, 5)).toEqual(["policy", "period", "startDay", "endDay", "arrived"]);
    const row = lines[1]!.split(",");
    expect(row.slice(0, 4)).toEqual(["minutes", "2", "14", "21"]);
    expect(Number(row[header.indexOf("openNeeds")])).toBe(c.series!.policies["minutes"]!["openNeeds"]!.mean[0]);
    expect(() => seriesCsv(undefined)).toThrow(/no series over time/);
  });
});
