import { describe, expect, it } from "vitest";
import { compare, comparisonCharts, journeyMap, journeyMapChart, loadScenario, policies, renderSvg, runReplication, simulate, touchpointChart, touchpoints } from "../../src/index.js";

/**
 * Every chart, drawn by Vega as a notebook or the report draws it: each axis it shows has a
 * title, the SVG scales down to the column it is shown in, and the capability charts show
 * their points, not only their limits.
 */
const scenario = loadScenario("teaching");
const OPTIONS = { replications: 2, horizon: "6 weeks", warmup: "1 week" } as const;
const both = [policies.minutes, policies.whole];

async function allCharts(): Promise<{ id: string; svg: string }[]> {
  const c = compare(scenario, both, OPTIONS);
  const endToEndDays = Object.fromEntries(both.map((p) => [p.name, [...runReplication(scenario, p, 0, OPTIONS).endToEndDays]]));
  const run = simulate(scenario, policies.minutes, { seed: 1, journal: { every: 2 } });
  const specs: { id: string; spec: object }[] = [
    ...comparisonCharts(c, { endToEndDays }).map((x) => ({ id: x.id, spec: x.spec })),
    { id: "journey-map", spec: journeyMapChart(journeyMap(run)) },
    { id: "touchpoints", spec: touchpointChart(touchpoints(scenario, policies.minutes, { replications: 2, horizon: "4 weeks", warmup: "0 min" })) },
  ];
  return Promise.all(specs.map(async (s) => ({ id: s.id, svg: await renderSvg(s.spec) })));
}

describe("charts as drawn", () => {
  it("title every axis, scale down to their column, and show the capability points", async () => {
    const charts = await allCharts();
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const { id, svg } of charts) {
      // Vega labels each axis for screen readers, with "titled '…'" when it has a title
      const axes = [...svg.matchAll(/class="mark-group role-axis"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1] as string);
      expect(axes.length, id).toBeGreaterThan(0);
      expect(axes.filter((a) => !/titled '[^']+'/.test(a)), id).toEqual([]);
      expect(svg.startsWith('<svg style="max-width: 100%; height: auto" '), id).toBe(true);
      expect(svg, id).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
      if (id.startsWith("capability-")) {
        // the points: a group of symbol marks with one path per point drawn
        const points = /<g class="mark-symbol role-mark[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
        expect((points.match(/<path/g) ?? []).length, id).toBeGreaterThan(10);
      }
    }
  }, 120_000);
});
