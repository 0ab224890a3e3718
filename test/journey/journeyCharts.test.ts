import * as vega from "vega";
import * as vl from "vega-lite";
import { describe, expect, it } from "vitest";
import { loadScenario, policies, simulate } from "../../src/index.js";
import { journeyMap, touchpoints, PHASES } from "../../src/journey/index.js";
import { journeyMapChart, touchpointChart } from "../../src/report/journeyCharts.js";

const OPTIONS = { seed: 2, horizon: "10 weeks", warmup: "2 weeks" } as const;
const scenario = loadScenario("teaching");
const maps = [policies.minutes, policies.whole].map((p) => journeyMap(simulate(scenario, p, { ...OPTIONS, journal: { every: 2 } })));
const rankings = [policies.minutes, policies.whole].map((p) => touchpoints(scenario, p, { ...OPTIONS, replications: 2 }));

/** Compiles with vega-lite and parses with vega, collecting every warning and error. */
function problemsOf(spec: object): string[] {
  const problems: string[] = [];
  const logger = {
    level: (() => logger) as never,
    error: (...a: unknown[]) => (problems.push(`error: ${a.join(" ")}`), logger),
    warn: (...a: unknown[]) => (problems.push(`warn: ${a.join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  vega.parse(vl.compile(spec as vl.TopLevelSpec, { logger }).spec);
  return problems;
}

describe("journey charts (Vega-Lite v5 specs)", () => {
  it("draws a journey map: phases across, the emotion curve with pain points, and the waits", () => {
    const spec = journeyMapChart(maps);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(problemsOf(spec)).toEqual([]);
    const data = spec.datasets as { curve: { phase: string; series: string; emotion: number }[]; waits: unknown[]; pains: unknown[] };
    expect([...new Set(data.curve.map((p) => p.phase))]).toEqual([...PHASES]);
    expect([...new Set(data.curve.map((p) => p.series))]).toEqual(["minutes", "whole"]);
    expect(data.pains.length).toBe(maps.reduce((s, m) => s + m.painPoints.length, 0));
    // the curve of each policy ends at its map's final emotion
    for (const m of maps) {
      const last = data.curve.filter((p) => p.series === m.policy).at(-1);
      expect(last?.emotion).toBeCloseTo(m.phases[2]!.emotionAtEnd, 9);
    }
  });

  it("draws one map alone", () => {
    expect(problemsOf(journeyMapChart(maps[0]!, { title: "one" }))).toEqual([]);
  });

  it("draws the touchpoint ranking with paired intervals", () => {
    const spec = touchpointChart(rankings);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(problemsOf(spec)).toEqual([]);
    const blocks = spec.vconcat as { data: { values: { touchpoint: string; improvement: number; low: number; high: number }[] } }[];
    expect(blocks).toHaveLength(2);
    for (const b of blocks) for (const v of b.data.values) expect(v.low).toBeLessThanOrEqual(v.high);
    expect(problemsOf(touchpointChart(touchpoints(scenario, policies.minutes, { ...OPTIONS, replications: 1 })))).toEqual([]);
  });
});
