import * as vega from "vega";
import * as vl from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import {
  JUPYTER_DISPLAY,
  displayKind,
  displayable,
  factorial,
  loadScenario,
  policies,
  sensitivity,
  winnerMap,
  type FactorialStudy,
  type SensitivityStudy,
  type VegaLiteSpec,
  type WinnerMap,
} from "../../src/index.js";

/**
 * The driver studies in a notebook: `displayable` recognises a FactorialStudy, a
 * SensitivityStudy and a WinnerMap and shows each as its table and its charts.
 */
const teaching = loadScenario("teaching");
const OPTIONS = { replications: 2, horizon: "6 weeks", warmup: "1 week" } as const;
const both = [policies.minutes, policies.whole];

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

let study: FactorialStudy;
let sens: SensitivityStudy;
let map: WinnerMap;

beforeAll(() => {
  study = factorial(teaching, policies.minutes, policies.whole, OPTIONS);
  sens = sensitivity(teaching, both, { ...OPTIONS, params: ["mechanisms.handoffInfoLoss", "teams.desk.staff"] });
  map = winnerMap(teaching, both, { x: { path: "services.questions.demandTypes", values: [2, 20] }, y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.8] } }, OPTIONS);
});

describe("displayable, for the driver studies", () => {
  it("recognises each by its shape, also after a JSON round trip", () => {
    for (const [x, kind] of [[study, "factorial"], [sens, "sensitivity"], [map, "winnerMap"]] as const) {
      expect(displayKind(x)).toBe(kind);
      expect(displayKind(JSON.parse(JSON.stringify(x)))).toBe(kind);
    }
  });

  it("factorial: the factors and the largest effects as a table, the Pareto charts and interaction plots as one chart", async () => {
    const d = await displayable(study);
    expect(d.kind).toBe("factorial");
    expect(d.title).toBe("teaching: what drives minutes → whole (factorial study)");
    const bundle = d[JUPYTER_DISPLAY]();
    expect(bundle["text/html"]).toContain("<table");
    for (const m of ["end-to-end time, mean (days)", "failure demand (percentage points of contacts)", "cost per need"]) expect(d.toHTML()).toContain(m);
    const top = study.outcomes["costPerNeed"]!.effects[0]!;
    expect(d.toHTML()).toContain(`${top.letters}: ${top.name}`);
    expect(d.toString()).toContain("Effects, largest first");
    expect(d.toMarkdown()).toMatch(/^\*\*teaching: what drives minutes → whole/);
    const spec = d.toVegaLite();
    expect(problemsOf(spec)).toEqual([]);
    expect((spec.vconcat as unknown[]).length).toBe(3);
    expect(d.toSVG()).toContain("What drives cost per need");
    expect(d.toSVG()).toContain("the strongest interaction on cost per need");
    // one outcome
    const one = await displayable(study, { outcome: "contactsPerNeed" });
    expect(one.toHTML()).toContain("contacts per need");
    expect(one.toHTML()).not.toContain("cost per need");
    expect((one.toVegaLite().vconcat as unknown[]).length).toBe(1);
    await expect(displayable(study, { outcome: "nothing" })).rejects.toThrow(/no outcome "nothing"/);
    // a study without the headline outcomes shows the outcomes it has
    const other = await displayable({ ...study, outcomes: { contactsPerNeed: study.outcomes["contactsPerNeed"]! } });
    expect((other.toVegaLite().vconcat as unknown[]).length).toBe(1);
  }, 60_000);

  it("sensitivity: the parameters by swing with flips, and a tornado chart per outcome", async () => {
    const d = await displayable(sens);
    expect(d.kind).toBe("sensitivity");
    const html = d.toHTML();
    expect(html).toContain("<table");
    expect(html).toContain("mechanisms.handoffInfoLoss");
    expect(html).toMatch(/no flip|flips at/);
    expect(problemsOf(d.toVegaLite())).toEqual([]);
    expect((d.toVegaLite().vconcat as unknown[]).length).toBe(3);
    expect(d.toSVG()).toContain("Does the conclusion hold?");
    expect(d.toString()).toContain("Differences whole − minutes");
    const one = await displayable(sens, { outcome: "costPerNeed" });
    expect((one.toVegaLite().vconcat as unknown[]).length).toBe(1);
    // no joint part asked for: none shown
    expect(html).not.toContain("All at once");
  }, 60_000);

  it("sensitivity with joint samples: a row per outcome with the signs' counts, the range and the strongest rank correlation", async () => {
    const joint = sensitivity(teaching, both, { ...OPTIONS, params: ["mechanisms.handoffInfoLoss", "teams.desk.staff"], samples: 4, bisectionSteps: 0 });
    const d = await displayable(joint);
    const html = d.toHTML();
    expect(html).toContain("All at once: every parameter varied together at 4 points of a Latin hypercube");
    for (const o of joint.outcomes) {
      const r = joint.joint!.outcomes[o.metric]!;
      expect(html).toContain(`${r.below} / ${r.tie} / ${r.above}`);
    }
    expect(d.toString()).toContain("All at once");
    const one = await displayable(joint, { outcome: "costPerNeed" });
    expect(one.toHTML().match(/ \/ \d+ \/ /g)).toHaveLength(1);
  }, 60_000);

  it("winner map: the grid of winners and a heat map per outcome", async () => {
    const d = await displayable(map);
    expect(d.kind).toBe("winnerMap");
    const html = d.toHTML();
    expect(html).toContain("policy.frontOffice.skillCoverage \\ services.questions.demandTypes");
    for (const c of map.cells.flat()) expect(html).toContain(c.outcomes["costPerNeed"]!.winner);
    expect(problemsOf(d.toVegaLite())).toEqual([]);
    expect(d.toSVG()).toContain("Where each design wins: cost per need");
    expect(d.toString()).toContain("Winner per cell");
  }, 60_000);
});
