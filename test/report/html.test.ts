import { beforeAll, describe, expect, it } from "vitest";
import { compare, loadScenario, policies, runReplication, type Comparison } from "../../src/index.js";
import { TABLE_BLOCKS, comparisonCharts, comparisonHtml, contactsChart, escapeHtml, reading, renderSvg } from "../../src/report/index.js";

const OPTIONS = { replications: 2, horizon: "10 weeks", warmup: "2 weeks" } as const;

/** The same comparison with the policies (and scenario) renamed, everywhere a name is a key. */
function renamed(c: Comparison, names: Record<string, string>, scenario: string): Comparison {
  const keys = <T>(o: Readonly<Record<string, T>>, f: (k: string) => string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [f(k), v]));
  const n = (k: string) => names[k] ?? k;
  return {
    ...c,
    scenario,
    policies: keys(c.policies, n),
    pooled: keys(c.pooled, n),
    capability: keys(c.capability, n),
    differences: keys(c.differences, (k) => k.split("-vs-").map(n).join("-vs-")),
  };
}

/** The inline SVGs of the page, by the id of their figure. */
function figures(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>[\s\S]*?(<svg[\s\S]*?<\/svg>)/g)].map((m) => [m[1] as string, m[2] as string]));
}

describe("renderSvg", () => {
  it("renders a Vega-Lite spec to standalone SVG markup", async () => {
    const svg = await renderSvg({ data: { values: [{ a: "x", b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toMatch(/<\/svg>$/);
    expect(svg).toMatch(/width="\d+" height="\d+"/);
  });

  it("throws for a spec it cannot draw", async () => {
    await expect(renderSvg({ data: { values: [] }, mark: "nonsense" })).rejects.toThrow();
  });
});

describe("comparisonHtml", () => {
  let c: Comparison;
  let days: Record<string, number[]>;
  let html: string;
  beforeAll(async () => {
    const s = loadScenario("teaching");
    c = { ...compare(s, [policies.minutes, policies.whole], OPTIONS), warnings: ["whole: the desk is offered 91% of its capacity"] };
    days = Object.fromEntries([policies.minutes, policies.whole].map((p) => [p.name, [...runReplication(s, p, 0, OPTIONS).endToEndDays]]));
    html = await comparisonHtml(c, { endToEndDays: days });
  });

  it("is one HTML document with every chart as inline SVG, the same SVG renderSvg draws", async () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const charts = comparisonCharts(c, { endToEndDays: days });
    const found = figures(html);
    expect([...found.keys()]).toEqual(charts.map((ch) => ch.id));
    for (const ch of charts) {
      const own = await renderSvg(ch.spec);
      // ids inside an SVG are renamed after the chart so that inline SVGs never collide
      const noIds = (svg: string) => svg.replace(/(\sid="|url\(#|href="#)[^")]+/g, "$1");
      expect(noIds(found.get(ch.id)!), ch.id).toBe(noIds(own));
    }
    expect(html.match(/<svg/g)).toHaveLength(charts.length);
  });

  it("holds the three-block table, the reading and the warnings", () => {
    for (const block of TABLE_BLOCKS) {
      expect(html).toContain(`>${block.title}</th>`);
      // a row whose metric the comparison lacks (a target-met share without targets) is left out
      for (const row of block.rows) expect(html.includes(escapeHtml(row.label))).toBe(c.policies["minutes"]?.[row.metric] !== undefined);
    }
    expect(html).toContain("utilisation, desk");
    expect(html).toContain(`<th scope="col">whole − minutes</th>`);
    expect(html).toContain(escapeHtml(reading(c)));
    expect(html).toContain("whole: the desk is offered 91% of its capacity");
  });

  it("needs nothing from the network: no external script, stylesheet, font or image", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=\s*["']?(https?:)?\/\//i);
    // the only scripts are inert JSON (the Vega-Lite specs)
    for (const m of html.matchAll(/<script([^>]*)>/g)) expect(m[1]).toBe(` type="application/json" class="vega-lite-spec"`);
  });

  it("embeds each chart's Vega-Lite spec as JSON that parses back to the spec", () => {
    const specs = [...html.matchAll(/<script type="application\/json" class="vega-lite-spec">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));
    expect(specs).toEqual(comparisonCharts(c, { endToEndDays: days }).map((ch) => ch.spec));
  });

  it("escapes HTML in scenario, policy names and warnings, in the page, the SVGs and the JSON", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const page = await comparisonHtml({ ...renamed(c, { whole: evil, minutes: "a&b" }, "<script>alert(2)</script>"), warnings: ["<b>load</b>"] }, { endToEndDays: { [evil]: days.whole!, "a&b": days.minutes! } });
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<b>load");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("a&amp;b");
    expect(page).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(page).toContain("\\u003cimg src=x");
  });

  it("draws the extra charts under their titles, and can leave out the JSON", async () => {
    const extra = { title: "Touchpoint <ranking>", spec: contactsChart(c) };
    const page = await comparisonHtml(c, { extraCharts: [extra], embedSpecs: false, title: "Report & more" });
    expect(page).toContain("<figcaption>Touchpoint &lt;ranking&gt;</figcaption>");
    expect(page).toContain("<title>Report &amp; more</title>");
    expect(figures(page).has("extra-touchpoint-ranking")).toBe(true);
    expect(page).not.toContain("<script");
  });

  it("keeps ids unique across the inline SVGs", async () => {
    const clipped = { data: { values: [{ a: 1, b: 2 }] }, mark: { type: "bar", clip: true }, encoding: { x: { field: "a", type: "quantitative", scale: { domain: [0, 0.5] } }, y: { field: "b", type: "quantitative" } } };
    const page = await comparisonHtml(c, { extraCharts: [{ title: "one", spec: clipped }, { title: "two", spec: clipped }] });
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of page.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it("gives the same page for the same comparison", async () => {
    expect(await comparisonHtml(c, { endToEndDays: days })).toBe(html);
    const clipped = { data: { values: [{ a: 1 }] }, mark: { type: "bar", clip: true }, encoding: { x: { field: "a", type: "quantitative", scale: { domain: [0, 0.5] } } } };
    const withClips = () => comparisonHtml(c, { extraCharts: [{ title: "clipped", spec: clipped }] });
    expect(await withClips()).toBe(await withClips());
  });
});
