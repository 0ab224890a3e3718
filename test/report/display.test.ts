import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vl from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import {
  JUPYTER_DISPLAY,
  compare,
  displayKind,
  displayable,
  journeyMap,
  loadScenario,
  policies,
  runReplication,
  simulate,
  summarise,
  sweep,
  touchpoints,
  type Comparison,
  type DisplayInput,
  type DisplayKind,
  type Displayable,
  type JourneyMap,
  type RunSummary,
  type SweepResult,
  type TouchpointRanking,
  type VegaLiteSpec,
} from "../../src/index.js";

const OPTIONS = { replications: 2, horizon: "10 weeks", warmup: "2 weeks" } as const;

/** Compiles with vega-lite and parses with vega, collecting every warning and error. */
function problemsOf(spec: VegaLiteSpec): string[] {
  const problems: string[] = [];
  const logger = {
    level: (() => logger) as never,
    error: (...a: unknown[]) => (problems.push(`error: ${a.join(" ")}`), logger),
    warn: (...a: unknown[]) => (problems.push(`warn: ${a.join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  vega.parse(vl.compile(spec as unknown as vl.TopLevelSpec, { logger }).spec);
  return problems;
}

let comparison: Comparison;
let days: Record<string, number[]>;
let swept: SweepResult;
let summary: RunSummary;
let maps: JourneyMap[];
let ranking: TouchpointRanking;

beforeAll(() => {
  const s = loadScenario("teaching");
  comparison = compare(s, [policies.minutes, policies.whole], OPTIONS);
  days = Object.fromEntries([policies.minutes, policies.whole].map((p) => [p.name, [...runReplication(s, p, 0, OPTIONS).endToEndDays]]));
  swept = sweep(s, [policies.minutes, policies.whole], { path: "policy.handlingTime.frontMinutes", values: [4, 8] }, OPTIONS);
  const runs = [policies.minutes, policies.whole].map((p) => simulate(s, p, { seed: 1, horizon: "10 weeks", warmup: "2 weeks" }));
  summary = summarise(runs[0]!);
  maps = runs.map((r) => journeyMap(r));
  ranking = touchpoints(s, policies.minutes, OPTIONS);
});

describe("displayKind", () => {
  it("recognises each result by its shape, also after a JSON round trip", () => {
    const cases: [unknown, DisplayKind][] = [
      [comparison, "comparison"],
      [swept, "sweep"],
      [summary, "runSummary"],
      [maps[0], "journeyMap"],
      [maps, "journeyMap"],
      [ranking, "touchpoints"],
      [[ranking, ranking], "touchpoints"],
    ];
    for (const [x, kind] of cases) {
      expect(displayKind(x)).toBe(kind);
      expect(displayKind(JSON.parse(JSON.stringify(x)))).toBe(kind);
    }
  });

  it("recognises nothing else", () => {
    for (const x of [null, undefined, 42, "comparison", {}, [], [summary, ranking], { rows: [] }, { path: "x", rows: [{ comparison: {} }] }]) {
      expect(displayKind(x), JSON.stringify(x)).toBeNull();
    }
  });

  it("makes displayable throw a TypeError naming what it takes", async () => {
    await expect(displayable({ answer: 42 } as unknown as DisplayInput)).rejects.toThrow(/displayable takes a Comparison .*got an object with answer/);
  });
});

/** The checks every kind passes: a bundle with the four types, consistent with the plain methods. */
async function checkDisplay(x: DisplayInput, kind: DisplayKind, options = {}): Promise<Displayable> {
  const d = await displayable(x, options);
  expect(d.kind).toBe(kind);
  expect(d.value).toBe(x);
  const bundle = d[JUPYTER_DISPLAY]();
  expect(Object.keys(bundle).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/html", "text/plain"]);
  expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
  // the SVG: standalone, drawn by vega, with sizes
  expect(d.toSVG()).toMatch(/^<svg[^>]* width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
  expect(d.toSVG()).toMatch(/<\/svg>$/);
  expect(bundle["image/svg+xml"]).toBe(d.toSVG());
  // the HTML: a fragment with a table; the bundle's HTML adds the chart (a frontend shows one type)
  expect(d.toHTML()).toMatch(/^<div class="helhet-display helhet-\w+">/);
  expect(d.toHTML()).toMatch(/<table>[\s\S]*<\/table>/);
  expect(d.toHTML()).not.toContain("<svg");
  expect(bundle["text/html"].startsWith(d.toHTML())).toBe(true);
  expect(bundle["text/html"]).toContain(d.toSVG());
  // the live spec compiles without warnings, and each call gives a fresh copy
  const spec = d.toVegaLite();
  expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
  expect(problemsOf(spec)).toEqual([]);
  expect(bundle["application/vnd.vegalite.v5+json"]).toEqual(spec);
  (spec as Record<string, unknown>).title = "changed";
  expect(d.toVegaLite().title).not.toBe("changed");
  // Markdown and text
  expect(d.toMarkdown()).toMatch(/^\*\*.+\*\*\n/);
  expect(d.toMarkdown()).toMatch(/^\|.*\|$/m);
  expect(bundle["text/plain"]).toBe(String(d));
  expect(String(d).startsWith(d.title)).toBe(true);
  // JSON-able data only in the bundle
  expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  return d;
}

describe("displayable", () => {
  it("shows a Comparison: the three blocks with intervals and paired differences, the reading, five charts", async () => {
    const d = await checkDisplay(comparison, "comparison");
    expect(d.title).toBe("teaching: minutes vs whole");
    const html = d.toHTML();
    for (const block of ["What citizens experience", "The whole", "The parts"]) expect(html).toContain(block);
    expect(html).toContain("whole − minutes");
    expect(html).toMatch(/<td align="right" class="helhet-diff helhet-clear"><b>−\d/); // a clear difference, in bold
    expect(html).toContain('class="helhet-reading">Under minutes the parts look');
    expect(d.toMarkdown()).toContain("| metric |");
    expect(String(d)).toContain("What citizens experience");
    const spec = d.toVegaLite() as { vconcat: { concat?: unknown[]; columns?: number }[] };
    // five charts, then the backlog and the end-to-end time over time
    expect(spec.vconcat).toHaveLength(7);
    expect(spec.vconcat[1]?.concat).toHaveLength(2); // capability charts side by side
    expect(spec.vconcat[1]?.columns).toBe(2);
    expect(d.toSVG()).toContain("End-to-end time");
    expect(d.toSVG()).toContain("end-to-end days need by need (XmR)");
  });

  it("draws every need on the capability charts when given the per-need days", async () => {
    const without = await displayable(comparison);
    const withDays = await displayable(comparison, { endToEndDays: days, title: "My title" });
    expect(withDays.title).toBe("My title");
    expect(withDays.toVegaLite().title).toBe("My title");
    expect(withDays.toSVG().length).toBeGreaterThan(without.toSVG().length);
    expect(JSON.stringify(withDays.toVegaLite())).toContain("share of resolved needs per");
    expect(problemsOf(withDays.toVegaLite())).toEqual([]);
  });

  it("shows a SweepResult: each value and policy, paired differences, each key metric against the value", async () => {
    const d = await checkDisplay(swept, "sweep");
    const html = d.toHTML();
    expect(html).toContain("policy.handlingTime.frontMinutes");
    expect(html.match(/<tr class="helhet-group">/g)).toHaveLength(2); // one group per value
    expect(html).toContain("whole − minutes");
    expect(String(d)).toContain("failure demand %");
    const spec = d.toVegaLite() as { data: { values: { value: unknown }[] }; facet: unknown };
    expect(new Set(spec.data.values.map((v) => v.value))).toEqual(new Set([4, 8]));
  });

  it("shows a sweep over values that are not numbers on an ordinal axis", async () => {
    const s = sweep(loadScenario("teaching"), [policies.minutes], { path: "policy.caseHandling", values: ["handoffs", "caseOwner"] }, { ...OPTIONS, replications: 2 });
    const d = await checkDisplay(s, "sweep");
    expect(JSON.stringify(d.toVegaLite())).toContain('"type":"ordinal"');
  });

  it("shows a RunSummary: every metric of the run, the demand by reason and the end-to-end quantiles", async () => {
    const d = await checkDisplay(summary, "runSummary");
    expect(d.title).toBe("teaching: one run under minutes");
    const html = d.toHTML();
    for (const s of ["needs that arose in the window", "failure demand (of contacts)", "repeat (unresolved)", "What citizens say afterwards", "utilisation, desk"]) expect(html).toContain(s);
    expect(d.toSVG()).toContain("value demand");
  });

  it("shows a JourneyMap, alone or one per policy", async () => {
    const one = await checkDisplay(maps[0]!, "journeyMap");
    expect(one.title).toContain("minutes");
    const both = await checkDisplay(maps, "journeyMap");
    expect(both.title).toBe("Journey map — teaching, all services: minutes vs whole");
    for (const s of ["The three phases", "Pain points", "What citizens said afterwards", "▼1"]) expect(both.toHTML()).toContain(s);
    expect(String(both)).toContain("Journey map — teaching, minutes");
    expect(String(both)).toContain("Journey map — teaching, whole");
  });

  it("shows a TouchpointRanking, alone or several", async () => {
    const d = await checkDisplay(ranking, "touchpoints");
    expect(d.toHTML()).toContain("front desk");
    expect(d.toHTML()).toContain("change without its failures");
    await checkDisplay([ranking, ranking], "touchpoints");
  });

  it("draws the same result the same way every time (outputs of a notebook do not depend on cell order)", async () => {
    const a = await displayable(comparison);
    const b = await displayable(comparison);
    expect(b.toSVG()).toBe(a.toSVG());
    expect(b[JUPYTER_DISPLAY]()).toEqual(a[JUPYTER_DISPLAY]());
  });

  it("prints the table, not the object, in Node's console", async () => {
    const d = await displayable(summary);
    const { inspect } = await import("node:util");
    expect(inspect(d)).toBe(String(d));
  });
});

describe("the core import path", () => {
  it("keeps vega out: the built package loads it only with import(), when the first chart is drawn", () => {
    const dist = join(__dirname, "..", "..", "dist");
    const built = readdirSync(dist).filter((f) => /\.(c?js)$/.test(f) && f !== "cli.js");
    expect(built.length).toBeGreaterThan(0);
    for (const f of built) {
      const text = readFileSync(join(dist, f), "utf8");
      expect(text, f).not.toMatch(/\bfrom\s*["']vega(-lite)?["']|require\(\s*["']vega(-lite)?["']\s*\)/);
    }
    const lazy = built.filter((f) => /import\(\s*["']vega["']\s*\)/.test(readFileSync(join(dist, f), "utf8")));
    expect(lazy.length).toBeGreaterThan(0);
  });

  it("keeps display.ts on renderSvg: no import of vega of its own", () => {
    const src = readFileSync(join(__dirname, "..", "..", "src", "report", "display.ts"), "utf8");
    expect(src).not.toMatch(/from\s*["']vega|import\(\s*["']vega/);
  });
});
