import { describe, expect, it } from "vitest";
import { compare, headlineDifferences, jointSummary, latinHypercube, loadScenario, partialRankCorrelations, policies, sensitivity, sensitivityKnobs, spearman } from "../../src/index.js";

describe("latinHypercube", () => {
  it("puts one point in each stratum of every dimension, at places that differ between dimensions", () => {
    const n = 50;
    const u = latinHypercube(n, 3, 7);
    expect(u).toHaveLength(n);
    for (let d = 0; d < 3; d++) {
      const strata = u.map((row) => Math.floor(row[d]! * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const row of u) expect(row[d]!).toBeGreaterThanOrEqual(0), expect(row[d]!).toBeLessThan(1);
    }
    // the dimensions are paired at random, not in step: their ranks are nearly unrelated
    const rho = spearman(u.map((r) => r[0]!), u.map((r) => r[1]!));
    expect(Math.abs(rho)).toBeLessThan(3 / Math.sqrt(n - 1));
  });

  it("is the same for the same seed and differs for another", () => {
    expect(latinHypercube(5, 2, 1)).toEqual(latinHypercube(5, 2, 1));
    expect(latinHypercube(5, 2, 2)).not.toEqual(latinHypercube(5, 2, 1));
    expect(() => latinHypercube(0, 2, 1)).toThrow(/samples must be a whole number/);
  });
});

describe("spearman", () => {
  it("is ±1 for monotone relations, shares ranks between ties, 0 for a constant", () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // ties: ranks x = 1, 2.5, 2.5, 4 against y = 1, 2, 3, 4: 0.9486832980505138 (by hand)
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 12);
    expect(spearman([5, 5, 5], [1, 2, 3])).toBe(0);
    expect(() => spearman([1], [1, 2])).toThrow(/one length/);
  });
});

describe("partialRankCorrelations", () => {
  const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const b = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  const y = [2, 1, 5, 3, 8, 9, 6, 10, 7, 4];

  it("with two inputs is the first-order partial correlation of the Spearman correlations", () => {
    const [ry, rb, rby] = [spearman(a, y), spearman(a, b), spearman(b, y)];
    const expected = (ry - rb * rby) / Math.sqrt((1 - rb * rb) * (1 - rby * rby));
    const [pa, pb] = partialRankCorrelations([a, b], y);
    expect(pa!).toBeCloseTo(expected, 10);
    expect(pb!).toBeCloseTo((rby - rb * ry) / Math.sqrt((1 - rb * rb) * (1 - ry * ry)), 10);
  });

  it("with one input is Spearman's correlation; a constant input or too few samples give null", () => {
    expect(partialRankCorrelations([a], y)[0]!).toBeCloseTo(spearman(a, y), 12);
    expect(partialRankCorrelations([a, a.map(() => 7)], y)).toEqual([partialRankCorrelations([a], y)[0], null]);
    expect(partialRankCorrelations([a.slice(0, 3), b.slice(0, 3)], y.slice(0, 3))).toEqual([null, null]);
    expect(partialRankCorrelations([a, b], y.map(() => 1))).toEqual([null, null]);
  });
});

describe("jointSummary", () => {
  it("counts signs and ranks each parameter against the mean difference", () => {
    const d = (mean: number, sign: -1 | 0 | 1) => ({ mean, ci95: [mean - 1, mean + 1] as [number, number], sign });
    const points = [1, 2, 3, 4].map((v, i) => ({ values: [v, 4 - v], text: [v, 4 - v], differences: { c: d(i - 1.5, i < 1 ? -1 : i > 2 ? 1 : 0) }, warnings: [] }));
    const j = jointSummary(["a", "b"], ["c"], points);
    expect(j.outcomes["c"]).toEqual({ below: 1, tie: 2, above: 1, min: -1.5, max: 1.5, correlation: { a: 1, b: -1 }, partial: { a: null, b: null } });
    expect(j.clearCorrelation).toBeCloseTo(1.96 / Math.sqrt(3), 12);
  });
});

describe("sensitivity with samples", () => {
  const teaching = loadScenario("teaching");
  const pair = [policies.minutes, policies.whole];
  const SHORT = { horizon: "6 weeks", warmup: "2 weeks", replications: 2 };
  const params = ["mechanisms.misrouteProbability", "teams.desk.staff"];

  it("compares at every point with every parameter at its sampled value, inside its range", () => {
    const s = sensitivity(teaching, pair, { ...SHORT, params, samples: 3, bisectionSteps: 0 });
    const j = s.joint!;
    expect(j.paths).toEqual(params);
    expect(j.points).toHaveLength(3);
    const knobs = sensitivityKnobs(teaching, pair, params).knobs;
    for (const p of j.points) {
      p.values.forEach((v, d) => {
        expect(v).toBeGreaterThanOrEqual(knobs[d]!.low);
        expect(v).toBeLessThanOrEqual(knobs[d]!.high);
      });
      // staff is a whole number
      expect(Number.isInteger(p.values[1])).toBe(true);
    }
    // a point is the comparison with both parameters set (the second on what the first made)
    const p = j.points[1]!;
    const first = knobs[0]!.at(p.values[0]!);
    const both = sensitivityKnobs(first.scenario, first.policies, [params[1]!], { [params[1]!]: [knobs[1]!.low, knobs[1]!.high] }).knobs[0]!.at(p.values[1]!);
    expect(p.differences).toEqual(headlineDifferences(compare(both.scenario, both.policies, { ...SHORT, series: false })));
    for (const o of s.outcomes) {
      const r = j.outcomes[o.metric]!;
      expect(r.below + r.tie + r.above).toBe(3);
    }
    // two parameters and three points: too few for a partial rank correlation
    for (const o of s.outcomes) expect(Object.values(j.outcomes[o.metric]!.partial)).toEqual([null, null]);
    const more = sensitivity(teaching, pair, { ...SHORT, params, samples: 6, bisectionSteps: 0 }).joint!;
    for (const o of s.outcomes) {
      const r = more.outcomes[o.metric]!;
      const y = more.points.map((p) => p.differences[o.metric]!.mean);
      expect(Object.values(r.partial)).toEqual(partialRankCorrelations([0, 1].map((d) => more.points.map((p) => p.values[d]!)), y));
    }
    // without samples there is no joint part
    expect(sensitivity(teaching, pair, { ...SHORT, params: [params[0]!], bisectionSteps: 0 }).joint).toBeNull();
  });
});
