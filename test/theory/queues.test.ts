/**
 * The engine against queueing theory. Each model runs R = 20 replications with fixed seeds;
 * the theoretical value must lie inside the 99% Student-t interval of the replication means
 * (style.md §4.8c). Sample sizes are chosen from the precision needed, not bigger. The runs are
 * shared with the table of docs/engine.md and docs/validation.md (test/theory/reference.ts),
 * which the last test checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interval } from "./network.js";
import { JACKSON, runs, theory, theoryTable, visitsPerCustomer } from "./reference.js";

const inside = (value: number, values: number[], maxRelativeHalfWidth?: number) => {
  const ci = interval(values);
  expect(value).toBeGreaterThanOrEqual(ci.lo);
  expect(value).toBeLessThanOrEqual(ci.hi);
  if (maxRelativeHalfWidth !== undefined) expect(ci.halfWidth / value).toBeLessThan(maxRelativeHalfWidth); // the test has teeth
};

describe("engine vs queueing theory", () => {
  it("M/M/1, λ = 0.9, μ = 1: mean wait Wq = λ/(μ(μ−λ)) = 9", () => {
    expect(theory.mm1).toBeCloseTo(9, 12);
    inside(theory.mm1, runs.mm1().map((x) => x.meanWait), 0.05);
  });

  it("M/M/5, λ = 4.5, μ = 1: Erlang C gives Wq = 1.525", () => {
    expect(theory.mm5).toBeCloseTo(1.525, 3);
    inside(theory.mm5, runs.mm5().map((x) => x.meanWait), 0.05);
  });

  it("M/G/1 with lognormal service (mean 1, cv 1.5), λ = 0.5: Pollaczek–Khinchine Wq = λE[S²]/(2(1−ρ)) = 1.625", () => {
    // E[S²] = Var + mean² = 2.25 + 1 = 3.25; ρ = 0.5
    expect(theory.mg1).toBeCloseTo(1.625, 12);
    inside(theory.mg1, runs.mg1().map((x) => x.meanWait), 0.08);
  });

  it("a 3-station Jackson network with rework: 1.25 visits per node, 2.7001 wait per visit, 15.0213 in system", () => {
    JACKSON.arrivalRates.forEach((l) => expect(l).toBeCloseTo(1.25, 12));
    expect(theory.jacksonWaitPerVisit).toBeCloseTo(2.7001, 4);
    expect(theory.jacksonTimeInSystem).toBeCloseTo(15.0213, 4);
    const j = runs.jackson();
    inside(theory.jacksonWaitPerVisit, j.map((x) => x.meanWait));
    inside(theory.jacksonTimeInSystem, j.map((x) => x.meanTimeInSystem));
    // node visits per customer: 3 stations × 1/(1 − 0.2) = 3.75 (1.25 per node)
    inside(theory.jacksonVisits, j.map(visitsPerCustomer));
  });

  it("M/M/c with exponential patience matches the Erlang-A abandonment probability", () => {
    expect(theory.erlangA).toBeGreaterThan(0.05); // a case where abandonment matters
    inside(theory.erlangA, runs.erlangA().map((x) => x.abandonShare));
  });

  it("keeps Little's law L = λW on every model run above (a sample-path identity: end effects only)", () => {
    const run = runs.little();
    const littleL = run.arrivalRate * run.meanTimeInSystem;
    // end effects (customers present at the warm-up boundary) are O(1/N): well under 1% here
    expect(Math.abs(run.meanInSystem - littleL) / littleL).toBeLessThan(0.01);
  });

  it("docs/engine.md and docs/validation.md show the table these runs give (else: npx tsx scripts/theoryReport.ts --write)", () => {
    const table = theoryTable();
    for (const doc of ["engine.md", "validation.md"]) {
      const text = readFileSync(join(__dirname, "..", "..", "docs", doc), "utf8");
      const region = /<!-- theory:begin -->\n([\s\S]*?)\n<!-- theory:end -->/.exec(text);
      expect(region, `${doc} has no theory region`).not.toBeNull();
      expect(region![1], doc).toBe(table);
    }
  });
});
