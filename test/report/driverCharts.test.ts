import * as vega from "vega";
import * as vl from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildFactorial,
  factorial,
  factorialPlan,
  loadScenario,
  policies,
  renderSvg,
  sensitivity,
  winnerMap,
  type FactorialStudy,
  type Policy,
  type ReplicationResult,
  type SensitivityStudy,
  type VegaLiteSpec,
  type WinnerMap,
} from "../../src/index.js";
import { factorialCharts, factorialInteractionChart, factorialParetoChart, interactionCells } from "../../src/report/factorialCharts.js";
import { sensitivityCharts, sensitivityTornadoChart } from "../../src/report/sensitivityCharts.js";
import { winnerMapChart, winnerMapCharts } from "../../src/report/winnerMapCharts.js";

const teaching = loadScenario("teaching");
const OPTIONS = { replications: 2, horizon: "6 weeks", warmup: "1 week" } as const;
const both = [policies.minutes, policies.whole];

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

/** The inline data of a spec and of its layers, nested layers included. */
function dataOf(spec: VegaLiteSpec): Record<string, unknown>[][] {
  const own = (spec.data as { values?: Record<string, unknown>[] } | undefined)?.values;
  return [...(own === undefined ? [] : [own]), ...((spec.layer as VegaLiteSpec[] | undefined) ?? []).flatMap(dataOf)];
}

/** A result of a cell with one metric, "y". */
function result(policy: string, replication: number, y: number): ReplicationResult {
  return { policy, replication, metrics: { y }, endToEndDays: [], dailyOpenNeeds: [], horizonMinutes: 1440 * 14, warmupMinutes: 0, unstableTeams: [] };
}

let study: FactorialStudy;
let sens: SensitivityStudy;
let map: WinnerMap;

beforeAll(() => {
  study = factorial(teaching, policies.minutes, policies.whole, OPTIONS);
  sens = sensitivity(teaching, both, { ...OPTIONS, params: ["mechanisms.handoffInfoLoss", "citizens.chaseRate", "teams.desk.staff"] });
  map = winnerMap(teaching, both, { x: { path: "services.questions.demandTypes", values: [2, 20] }, y: { path: "policy.frontOffice.skillCoverage", values: [0.3, 0.8] } }, OPTIONS);
});

describe("driver charts, drawn", () => {
  it("compile without a warning, title every axis and scale down to their column", async () => {
    const charts = [...factorialCharts(study), ...sensitivityCharts(sens), ...winnerMapCharts(map)];
    expect(charts.map((c) => c.id)).toEqual([
      "pareto-endToEndDays-mean", "interaction-endToEndDays-mean", "pareto-failureDemandShare", "interaction-failureDemandShare", "pareto-costPerNeed", "interaction-costPerNeed",
      "tornado-endToEndDays-mean", "tornado-failureDemandShare", "tornado-costPerNeed",
      "map-endToEndDays-mean", "map-failureDemandShare", "map-costPerNeed",
    ]);
    for (const { id, spec } of charts) {
      expect(problemsOf(spec), id).toEqual([]);
      const svg = await renderSvg(spec);
      const axes = [...svg.matchAll(/class="mark-group role-axis"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1] as string);
      expect(axes.length, id).toBeGreaterThanOrEqual(2);
      expect(axes.filter((a) => !/titled '[^']+'/.test(a)), id).toEqual([]);
      expect(svg.startsWith('<svg style="max-width: 100%; height: auto" '), id).toBe(true);
      // visible marks: bars, points or cells
      expect(svg, id).toMatch(/role="graphics-symbol" aria-roledescription="(bar|point|rect mark)"/);
    }
  }, 60_000);
});

describe("factorialParetoChart", () => {
  // two factors by hand, as in test/experiment/factorial.test.ts: effects A 6.25, B 3.25, AB 2.75
  const high: Policy = { ...policies.minutes, name: "informed", progressInformation: "proactive", closure: "citizenConfirms" };
  const plan = factorialPlan(teaching, policies.minutes, high, { replications: 2 });
  const y = [
    [10, 14, 11, 19],
    [12, 15, 12, 22],
  ];
  const small = buildFactorial(plan, [0, 1].flatMap((r) => plan.cells.map((c, i) => result(c.name, r, y[r]![i]!))));

  it("ranks the bars by |effect| with the intervals folded with them and the cumulative share rising to the explained share", () => {
    const rows = dataOf(factorialParetoChart(small, "y"))[0]!;
    expect(rows.map((r) => r.effect)).toEqual(["A: progressInformation", "B: closure", "AB: progressInformation × closure"]);
    expect(rows.map((r) => r.size)).toEqual([6.25, 3.25, 2.75].map((x) => expect.closeTo(x, 12)));
    const effects = small.outcomes["y"]!.effects;
    rows.forEach((r, k) => expect([r.lo, r.hi]).toEqual(effects[k]!.ci95!.map((x) => expect.closeTo(x, 9))));
    expect(rows.map((r) => r.cumulative)).toEqual([39.0625, 39.0625 + 10.5625, 57.1875].map((x) => expect.closeTo(x / 57.1875, 12)));
  });

  it("folds a negative effect's interval with its bar, and on the real study ranks as the study does", () => {
    const flipped = buildFactorial(plan, [0, 1].flatMap((r) => plan.cells.map((c, i) => result(c.name, r, -y[r]![i]!))));
    const row = dataOf(factorialParetoChart(flipped, "y"))[0]![0]!;
    const e = flipped.outcomes["y"]!.effects[0]!;
    expect(e.mean).toBeCloseTo(-6.25, 12);
    expect(row).toMatchObject({ size: expect.closeTo(6.25, 12), lo: expect.closeTo(-e.ci95![1], 9), hi: expect.closeTo(-e.ci95![0], 9), direction: "lowers it (+ level)" });
    const real = dataOf(factorialParetoChart(study, "costPerNeed", { top: 5 }))[0]!;
    expect(real.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(real.map((r) => r.size)).toEqual(study.outcomes["costPerNeed"]!.effects.slice(0, 5).map((e) => expect.closeTo(Math.abs(e.mean), 9)));
    expect(() => factorialParetoChart(study, "nothing")).toThrow(/no outcome "nothing"/);
    expect(() => factorialParetoChart({} as never, "y")).toThrow(/needs a factorial study/);
  });
});

describe("factorialInteractionChart", () => {
  const high: Policy = { ...policies.minutes, name: "informed", progressInformation: "proactive", closure: "citizenConfirms" };
  const plan = factorialPlan(teaching, policies.minutes, high, { replications: 2 });
  const y = [
    [10, 14, 11, 19],
    [12, 15, 12, 22],
  ];
  const small = buildFactorial(plan, [0, 1].flatMap((r) => plan.cells.map((c, i) => result(c.name, r, y[r]![i]!))));

  it("draws the cell means at the four combinations, two lines", () => {
    const cells = interactionCells(small, "y")!;
    expect(cells.effect.letters).toBe("AB");
    expect(cells.means).toEqual([
      { a: -1, b: -1, mean: 11, cells: 1 },
      { a: 1, b: -1, mean: 14.5, cells: 1 },
      { a: -1, b: 1, mean: 11.5, cells: 1 },
      { a: 1, b: 1, mean: 20.5, cells: 1 },
    ]);
    const spec = factorialInteractionChart(small, "y");
    const rows = dataOf(spec)[0]!;
    expect(rows.map((r) => [r.a, r.b, r.mean])).toEqual([
      ["− none", "− targetDriven", 11],
      ["+ proactive", "− targetDriven", 14.5],
      ["− none", "+ citizenConfirms", 11.5],
      ["+ proactive", "+ citizenConfirms", 20.5],
    ]);
    expect(new Set(rows.map((r) => r.b)).size).toBe(2);
  });

  it("on a fraction: the strongest interaction, balanced cells whose means average to the grand mean, aliases named", () => {
    for (const m of ["endToEndDays.mean", "costPerNeed"]) {
      const cells = interactionCells(study, m)!;
      expect(cells.effect).toBe(study.outcomes[m]!.effects.find((e) => e.kind === "interaction"));
      expect(cells.means.map((c) => c.cells)).toEqual([8, 8, 8, 8]);
      expect(cells.means.reduce((a, c) => a + c.mean, 0) / 4).toBeCloseTo(study.outcomes[m]!.mean, 9);
      // the interaction effect is half the difference of the two lines' slopes
      const at = (a: number, b: number) => cells.means.find((c) => c.a === a && c.b === b)!.mean;
      expect(((at(1, 1) - at(-1, 1)) - (at(1, -1) - at(-1, -1))) / 2).toBeCloseTo(cells.effect.mean, 9);
      const subtitle = JSON.stringify((factorialInteractionChart(study, m).title as { subtitle: unknown }).subtitle);
      if (cells.effect.aliases.length > 0) expect(subtitle).toContain(`aliased with ${cells.effect.aliases[0]}`);
    }
  });

  it("says so for a study with one factor or without cell means", () => {
    const one: Policy = { ...policies.minutes, name: "informed", progressInformation: "proactive" };
    const p1 = factorialPlan(teaching, policies.minutes, one, { replications: 2 });
    const single = buildFactorial(p1, [0, 1].flatMap((r) => p1.cells.map((c, i) => result(c.name, r, i + r))));
    expect(interactionCells(single, "y")).toBeNull();
    expect(() => factorialInteractionChart(single, "y")).toThrow(/no two-factor interaction/);
    expect(factorialCharts(single, ["y"]).map((c) => c.id)).toEqual(["pareto-y"]);
    const old = { ...small, outcomes: { y: { ...small.outcomes["y"]!, cellMeans: undefined } } } as unknown as FactorialStudy;
    expect(() => factorialInteractionChart(old, "y")).toThrow(/carries no cellMeans/);
  });
});

describe("sensitivityTornadoChart", () => {
  it("has a row per parameter and end, sorted by swing, a zero line, and marks flips", () => {
    const metric = "costPerNeed";
    const spec = sensitivityTornadoChart(sens, metric);
    const order = ((spec.layer as VegaLiteSpec[])[0]!.encoding as { y: { sort: string[] } }).y.sort;
    const swings = sens.parameters.map((p) => [p.path, Math.abs(p.swing[metric]!)] as const).sort((a, b) => b[1] - a[1]).map((x) => x[0]);
    expect(order.map((o) => o.split(" (")[0])).toEqual(swings);
    const [ends] = dataOf(spec);
    expect(ends!.length).toBe(2 * sens.parameters.length);
    for (const p of sens.parameters) {
      const rows = ends!.filter((r) => String(r.parameter).startsWith(`${p.path} (`));
      expect(rows.map((r) => r.end)).toEqual(["at the low end", "at the high end"]);
      expect(rows.map((r) => r.mean)).toEqual([p.atLow[metric]!.mean, p.atHigh[metric]!.mean]);
      expect(rows.map((r) => [r.lo, r.hi])).toEqual([p.atLow[metric]!.ci95, p.atHigh[metric]!.ci95]);
    }
    expect(dataOf(spec).some((d) => d.length === 1 && d[0]!.x === 0 && d[0]!.what === "no difference")).toBe(true);
    // a flip, marked in words at its row
    const flipped: SensitivityStudy = {
      ...sens,
      parameters: sens.parameters.map((p, k) => (k === 0 ? { ...p, flips: { ...p.flips, [metric]: { flips: true, at: 2.5, atText: "2.5", bracket: [2, 3], steps: 2 } } } : p)),
    };
    const marks = dataOf(sensitivityTornadoChart(flipped, metric)).find((d) => d.some((r) => "text" in r))!;
    expect(marks).toEqual([expect.objectContaining({ text: "sign flips at 2.5", parameter: expect.stringMatching(new RegExp(`^${sens.parameters[0]!.path.replace(/\./g, "\\.")} `)) })]);
    expect(JSON.stringify((sensitivityTornadoChart(flipped, metric).title as { subtitle: unknown }).subtitle)).toContain("1 parameter across whose range the sign flips");
    expect(dataOf(spec).some((d) => d.some((r) => "text" in r))).toBe(sens.parameters.some((p) => p.flips[metric]?.flips === true));
    expect(() => sensitivityTornadoChart(sens, "nothing")).toThrow(/no outcome "nothing"/);
  });

  it("scales failure demand to percentage points", () => {
    const rows = dataOf(sensitivityTornadoChart(sens, "failureDemandShare"))[0]!;
    const p = sens.parameters.find((q) => rows[0]!.parameter === `${q.path} (${q.text.low} – ${q.text.high})`)!;
    expect(rows[0]!.mean).toBeCloseTo(100 * p.atLow["failureDemandShare"]!.mean, 9);
  });
});

describe("winnerMapChart", () => {
  it("has a cell per grid point with its difference and winner, and marks ties", () => {
    const metric = "endToEndDays.mean";
    const spec = winnerMapChart(map, metric);
    const rows = dataOf(spec)[0]!;
    expect(rows.length).toBe(4);
    for (const c of map.cells.flat()) {
      const r = rows.find((x) => x.x === String(c.x) && x.y === String(c.y))!;
      expect(r).toMatchObject({ mean: c.outcomes[metric]!.mean, winner: c.outcomes[metric]!.winner, tie: c.outcomes[metric]!.winner === "tie" });
    }
    // a tie, outlined, with "tie" written in the cell
    const tied: WinnerMap = { ...map, cells: map.cells.map((row, j) => row.map((c, i) => (i === 0 && j === 0 ? { ...c, outcomes: { ...c.outcomes, [metric]: { ...c.outcomes[metric]!, ci95: [-1, 1], sign: 0, winner: "tie" } } } : c))) };
    const t = winnerMapChart(tied, metric);
    expect(dataOf(t)[0]!.filter((r) => r.tie).length).toBeGreaterThanOrEqual(1);
    const layers = t.layer as VegaLiteSpec[];
    expect(layers.some((l) => JSON.stringify(l.transform) === JSON.stringify([{ filter: "datum.tie" }]) && (l.mark as { strokeDash?: unknown }).strokeDash !== undefined)).toBe(true);
    expect(layers.some((l) => JSON.stringify((l.encoding as { text?: unknown } | undefined)?.text) === JSON.stringify({ field: "winner" }))).toBe(true);
    // y drawn upward: the first value at the bottom
    expect((spec.encoding as { y: { sort: string[] } }).y.sort).toEqual(["0.8", "0.3"]);
    expect(() => winnerMapChart({} as never, metric)).toThrow(/needs a winner map/);
    expect(() => winnerMapChart(map, "nothing")).toThrow(/winnerMapChart: the map has no outcome "nothing"; it has /);
  });
});
