import { describe, expect, it } from "vitest";
import { compare, headlineDifferences, loadScenario, policies, winnerMap, winnerOf } from "../../src/index.js";

const SHORT = { horizon: "8 weeks", warmup: "2 weeks", replications: 3 };
const teaching = loadScenario("teaching");
const pair = [policies.minutes, policies.whole];
const grid = { x: { path: "services.questions.demandTypes", values: [2, 20] }, y: { path: "mechanisms.misrouteWork", values: ["2 min", "10 min"] } };

describe("winnerMap", () => {
  it("compares in every cell, with the winner the lower side of an interval clear of 0", () => {
    const m = winnerMap(teaching, pair, grid, SHORT);
    expect(m.x).toEqual({ path: grid.x.path, values: [2, 20] });
    expect(m.y).toEqual({ path: grid.y.path, values: ["2 min", "10 min"] });
    expect(m.cells.map((row) => row.map((c) => [c.x, c.y]))).toEqual([[[2, "2 min"], [20, "2 min"]], [[2, "10 min"], [20, "10 min"]]]);
    for (const c of m.cells.flat()) {
      expect(Object.keys(c.outcomes)).toEqual(["endToEndDays.mean", "failureDemandShare", "costPerNeed"]);
      for (const e of Object.values(c.outcomes)) {
        const [lo, hi] = e.ci95!;
        expect(e.winner).toBe(hi < 0 ? "whole" : lo > 0 ? "minutes" : "tie");
      }
    }
    // a cell is the comparison at its two values
    const s = loadScenario("teaching");
    const cell = compare(
      { ...s, services: s.services.map((sv) => (sv.id === "questions" ? { ...sv, demandTypes: 20 } : sv)), mechanisms: { ...s.mechanisms, misrouteMinutes: 10 } },
      pair,
      { ...SHORT, series: false },
    );
    const d = headlineDifferences(cell);
    for (const [k, v] of Object.entries(d)) expect(m.cells[1]![1]!.outcomes[k]!.mean).toBeCloseTo(v.mean, 9);
    // the same seed gives the same map
    expect(JSON.stringify(winnerMap(teaching, pair, grid, SHORT))).toBe(JSON.stringify(m));
  });

  it("marks a tie when the interval holds 0: two policies that are the same", () => {
    const twin = { ...policies.whole, name: "twin" };
    const m = winnerMap(teaching, [policies.whole, twin], { x: { path: "policy.frontOffice.skillCoverage", values: [0.5, 0.8] }, y: grid.y }, SHORT);
    for (const c of m.cells.flat()) for (const e of Object.values(c.outcomes)) expect([e.winner, e.mean, e.sign]).toEqual(["tie", 0, 0]);
    expect(winnerOf({ mean: 0.1, ci95: null, sign: 0 }, ["a", "b"])).toBe("tie");
  });

  it("refuses bad input, naming the axis or option", () => {
    expect(() => winnerMap(teaching, pair, { x: grid.x, y: { path: "services.questions.demandTypes", values: [3] } }, SHORT)).toThrow(/x and y are both services\.questions\.demandTypes/);
    expect(() => winnerMap(teaching, pair, { x: { path: "mechanisms.misrouteWork", values: [] }, y: grid.x }, SHORT)).toThrow(/x \(mechanisms\.misrouteWork\) needs at least one value/);
    expect(() => winnerMap(teaching, pair, { x: grid.x } as never, SHORT)).toThrow(/y must be \{ path/);
    expect(() => winnerMap(teaching, pair, { x: grid.x, y: { path: "teams.nobody.staff", values: [1] } }, SHORT)).toThrow(/teams\.nobody\.staff: "nobody" is not an index or id/);
    expect(() => winnerMap(teaching, pair, { x: grid.x, y: { path: "mechanisms.misrouteWork", values: ["5 kg"] } }, SHORT)).toThrow(/mechanisms\.misrouteWork: "5 kg" is not a duration/);
    expect(() => winnerMap(teaching, pair, { x: { path: "services.questions.demandTypes", values: [0] }, y: grid.y }, SHORT)).toThrow(/Invalid scenario with services\.questions\.demandTypes = 0/);
    expect(() => winnerMap(teaching, [policies.minutes, policies.whole, policies.whole], grid, SHORT)).toThrow(/two policies are named|compares two policies/);
  });
});
