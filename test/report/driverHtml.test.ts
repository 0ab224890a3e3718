import { describe, expect, it } from "vitest";
import {
  buildFactorial,
  factorialCharts,
  factorialHtml,
  factorialPlan,
  loadScenario,
  policies,
  renderSvg,
  sensitivity,
  sensitivityHtml,
  winnerMap,
  winnerMapHtml,
  type Policy,
  type ReplicationResult,
} from "../../src/index.js";

/** The pages of the driver studies: everything inline, every name escaped. */
const teaching = loadScenario("teaching");
const OPTIONS = { replications: 2, horizon: "4 weeks", warmup: "1 week" } as const;
const EVIL = "<img src=x onerror=alert(1)>";

function result(policy: string, replication: number, y: number): ReplicationResult {
  return { policy, replication, metrics: { costPerNeed: y, "endToEndDays.mean": y / 10 }, endToEndDays: [], dailyOpenNeeds: [], horizonMinutes: 1440 * 14, warmupMinutes: 0, unstableTeams: [] };
}

const specsOf = (html: string) => [...html.matchAll(/<script type="application\/json" class="vega-lite-spec">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));

describe("driver pages", () => {
  const high: Policy = { ...policies.minutes, name: "informed", progressInformation: "proactive", closure: "citizenConfirms" };
  const plan = factorialPlan(teaching, policies.minutes, high, { replications: 2 });
  const study = buildFactorial(plan, [0, 1].flatMap((r) => plan.cells.map((c, i) => result(c.name, r, 100 + 3 * i + r))));

  it("factorial: the table and every chart as inline SVG, each with its spec", async () => {
    const html = await factorialHtml(study, { title: "Drivers & more" });
    expect(html).toContain("<title>Drivers &amp; more</title>");
    expect(html).toContain("Effects, largest first");
    const charts = factorialCharts(study);
    expect(specsOf(html)).toEqual(charts.map((c) => c.spec));
    const figures = [...html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>\n<figcaption>[^<]*<\/figcaption>\n(<svg[\s\S]*?<\/svg>)/g)];
    expect(figures.map((m) => m[1])).toEqual(charts.map((c) => c.id));
    // the drawing renderSvg makes, its ids scoped to the chart so that inline SVGs never collide
    const unscoped = (svg: string) => svg.replace(/(\sid="|url\(#|href="#)[^")]+/g, "$1ID");
    expect(unscoped(figures[0]![2]!)).toBe(unscoped(await renderSvg(charts[0]!.spec)));
  });

  it("escapes the scenario's and the policies' names in the page, the SVGs and the JSON", async () => {
    const pages = [
      await factorialHtml({ ...study, scenario: EVIL, low: EVIL, high: "a&b" }),
      await sensitivityHtml({ ...sensitivity(teaching, [policies.minutes, policies.whole], { ...OPTIONS, params: ["mechanisms.handoffInfoLoss"] }), scenario: EVIL, policies: [EVIL, "a&b"] }),
      await winnerMapHtml({ ...winnerMap(teaching, [policies.minutes, policies.whole], { x: { path: "services.questions.demandTypes", values: [2] }, y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.8] } }, OPTIONS), scenario: EVIL, policies: [EVIL, "a&b"] }),
    ];
    for (const page of pages) {
      expect(page).not.toContain("<img");
      expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(page).toContain("a&amp;b");
      expect(page).toContain("\\u003cimg src=x");
      for (const m of page.matchAll(/<script([^>]*)>/g)) expect(m[1]).toBe(` type="application/json" class="vega-lite-spec"`);
    }
  }, 60_000);

  it("refuses what is not a study", async () => {
    await expect(factorialHtml({} as never)).rejects.toThrow(/needs a factorial study/);
    await expect(sensitivityHtml({} as never)).rejects.toThrow(/needs a sensitivity study/);
    await expect(winnerMapHtml({} as never)).rejects.toThrow(/needs a winner map/);
  });
});
