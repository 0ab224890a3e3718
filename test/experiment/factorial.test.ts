import { describe, expect, it } from "vitest";
import {
  buildFactorial,
  cellPolicy,
  compare,
  effectColumn,
  factorial,
  factorialFactors,
  factorialPlan,
  interactionChains,
  loadScenario,
  policies,
  ScenarioError,
  twoLevelDesign,
  type Policy,
  type ReplicationResult,
  type TwoLevelDesign,
} from "../../src/index.js";

const SHORT = { horizon: "8 weeks", warmup: "2 weeks" };
const teaching = loadScenario("teaching");

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

/** Every product of a subset of generator words, letters meeting twice cancelling: the defining relation. */
function shortestWord(d: TwoLevelDesign): number | null {
  if (d.generators.length === 0) return null;
  const words = d.generators.map((g) => {
    const [lhs, rhs] = g.split(" = ") as [string, string];
    return new Set([...rhs, lhs]);
  });
  let shortest = Infinity;
  for (let s = 1; s < 2 ** words.length; s++) {
    const w = new Set<string>();
    words.forEach((word, i) => {
      if (((s >> i) & 1) === 1) for (const l of word) (w.has(l) ? w.delete(l) : w.add(l));
    });
    shortest = Math.min(shortest, w.size);
  }
  return shortest;
}

describe("twoLevelDesign", () => {
  it.each(Array.from({ length: 11 }, (_, i) => i + 1))("%i factors: ±1 levels, distinct balanced cells, orthogonal main effects", (k) => {
    const d = twoLevelDesign(k);
    expect(d.matrix.length).toBe(k <= 5 ? 2 ** k : 32);
    expect(d.kind).toBe(k <= 5 ? "full" : "fractional");
    expect(new Set(d.matrix.map((r) => r.join(","))).size).toBe(d.matrix.length);
    const mains = d.letters.map((_, j) => effectColumn(d, [j]));
    for (const [i, a] of mains.entries()) {
      expect(a.every((x) => x === 1 || x === -1)).toBe(true);
      expect(a.reduce((s, x) => s + x, 0)).toBe(0);
      for (const b of mains.slice(i + 1)) expect(dot(a, b)).toBe(0);
    }
  });

  it.each(Array.from({ length: 11 }, (_, i) => i + 1))("%i factors: the generators give the columns and the stated resolution; res IV+: main effects orthogonal to every two-factor interaction", (k) => {
    const d = twoLevelDesign(k);
    // each generated column is the product of the columns its generator names
    for (const g of d.generators) {
      const [lhs, rhs] = g.split(" = ") as [string, string];
      expect(effectColumn(d, [d.letters.indexOf(lhs)])).toEqual(effectColumn(d, [...rhs].map((l) => d.letters.indexOf(l))));
    }
    expect(d.resolution).toBe(shortestWord(d));
    expect(d.resolution === null || d.resolution >= 4).toBe(true);
    const mains = d.letters.map((_, j) => effectColumn(d, [j]));
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const ij = effectColumn(d, [i, j]);
        for (const m of mains) expect(dot(m, ij)).toBe(0);
      }
    }
  });

  it("groups two-factor interactions into alias chains: none aliased in a full factorial or at resolution VI, chains of equal columns at resolution IV", () => {
    for (let k = 1; k <= 6; k++) {
      const chains = interactionChains(twoLevelDesign(k));
      expect(chains.length).toBe((k * (k - 1)) / 2);
      expect(chains.every((c) => c.pairs.length === 1)).toBe(true);
    }
    for (let k = 7; k <= 11; k++) {
      const d = twoLevelDesign(k);
      const chains = interactionChains(d);
      expect(chains.some((c) => c.pairs.length > 1)).toBe(true);
      expect(chains.reduce((s, c) => s + c.pairs.length, 0)).toBe((k * (k - 1)) / 2);
      for (const c of chains) for (const p of c.pairs) expect(effectColumn(d, p)).toEqual(c.column);
      // chains are orthogonal to each other: at most cells − 1 − k of them
      for (const [i, a] of chains.entries()) for (const b of chains.slice(i + 1)) expect(dot(a.column, b.column)).toBe(0);
      expect(chains.length).toBeLessThanOrEqual(31 - k);
    }
    expect(twoLevelDesign(9).generators).toEqual(["F = BCDE", "G = ACDE", "H = ABDE", "J = ABCE"]);
  });

  it("refuses a number of factors it has no design for", () => {
    expect(() => twoLevelDesign(0)).toThrow(RangeError);
    expect(() => twoLevelDesign(12)).toThrow(/1 to 11 factors, got 12/);
    expect(() => twoLevelDesign(2.5)).toThrow(RangeError);
  });
});

describe("factors and cells", () => {
  it("makes a factor of every choice on which the presets differ, grouping handlingTime and batching", () => {
    const fs = factorialFactors(policies.minutes, policies.whole);
    expect(fs.map((f) => `${f.letter}:${f.name}`)).toEqual([
      "A:frontOffice.scope",
      "B:frontOffice.skillCoverage",
      "C:handlingTime",
      "D:caseHandling",
      "E:batching",
      "F:progressInformation",
      "G:closure",
      "H:completenessCheck",
      "J:activityMeasure",
    ]);
    expect(fs[2]).toMatchObject({ low: policies.minutes.handlingTime, high: policies.whole.handlingTime });
  });

  it("a cell is the low policy with the high policy's value of each factor at +", () => {
    const fs = factorialFactors(policies.minutes, policies.whole);
    const levels = fs.map((f) => (f.name === "batching" || f.name === "frontOffice.scope" ? 1 : -1));
    const c = cellPolicy(policies.minutes, fs, levels, 4);
    expect(c.name).toBe("cell 5 (+---+----)");
    expect(c.batching).toEqual(policies.whole.batching);
    expect(c.frontOffice).toEqual({ scope: "resolve", skillCoverage: 0.3 });
    expect({ ...c, name: "", description: "", batching: null, frontOffice: null }).toEqual({ ...policies.minutes, name: "", description: "", batching: null, frontOffice: null });
  });

  it("refuses two policies that make the same choices, naming them", () => {
    expect(() => factorial(teaching, policies.whole, policies.whole, { replications: 2 })).toThrow(
      'a factorial study needs two policies that differ: "whole" and "whole" make the same design choices, so there is no factor to vary',
    );
    const renamed: Policy = { ...policies.minutes, name: "copy", description: "the same", batching: { ...policies.minutes.batching, steps: {} } };
    expect(() => factorial(teaching, policies.minutes, renamed, { replications: 2 })).toThrow(/no factor to vary/);
  });

  it("refuses a bad option or policy before anything runs", () => {
    expect(() => factorial(teaching, policies.minutes, policies.whole, { replications: 0 })).toThrow(/replications must be a whole number ≥ 1/);
    expect(() => factorial(teaching, "minutes" as never, policies.whole)).toThrow(ScenarioError);
    expect(() => factorial(teaching, policies.minutes, { ...policies.whole, closure: "never" as never })).toThrow(ScenarioError);
    expect(() => factorial(teaching, policies.minutes, policies.whole, { replications: 2, horizon: "1000000 weeks" })).toThrow(/too large to run/);
  });
});

/** A result of a cell with one metric, "y". */
function result(policy: string, replication: number, y: number): ReplicationResult {
  return { policy, replication, metrics: { y, failureDemandShare: 0.5 }, endToEndDays: [], dailyOpenNeeds: [], horizonMinutes: 1440 * 14, warmupMinutes: 0, unstableTeams: [] };
}

describe("effects", () => {
  // two factors (progressInformation = A, closure = B): a full 2² design, cells (−−), (+−), (−+), (++)
  const high: Policy = { ...policies.minutes, name: "informed", progressInformation: "proactive", closure: "citizenConfirms" };
  const plan = factorialPlan(teaching, policies.minutes, high, { replications: 2 });
  const names = plan.cells.map((c) => c.name);
  const y = [
    [10, 14, 11, 19],
    [12, 15, 12, 22],
  ];
  const study = buildFactorial(plan, [1, 0].flatMap((r) => names.map((n, i) => result(n, r, y[r]![i]!))).reverse());

  it("equal the hand-computed contrasts per replication, with their t intervals and shares of variation", () => {
    expect(study.design).toMatchObject({ kind: "full", cells: 4, resolution: null, generators: [], aliases: [] });
    expect(study.design.matrix).toEqual([
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ]);
    const o = study.outcomes["y"]!;
    // A: rep 0 (14+19)/2 − (10+11)/2 = 6, rep 1 (15+22)/2 − (12+12)/2 = 6.5; B: 3, 3.5; AB: 2, 3.5
    expect(o.effects.map((e) => [e.letters, e.name, e.kind])).toEqual([
      ["A", "progressInformation", "main"],
      ["B", "closure", "main"],
      ["AB", "progressInformation × closure", "interaction"],
    ]);
    const t = 12.706204736174696; // t(0.975, 1)
    const expected = [
      [6.25, 0.25],
      [3.25, 0.25],
      [2.75, 0.75],
    ];
    o.effects.forEach((e, k) => {
      const [mean, half] = expected[k] as [number, number]; // half = sd/√2 of the two values
      expect(e.mean).toBeCloseTo(mean, 12);
      expect(e.ci95![0]).toBeCloseTo(mean - t * half, 9);
      expect(e.ci95![1]).toBeCloseTo(mean + t * half, 9);
    });
    // cell means 11, 14.5, 11.5, 20.5: total SS 57.1875; SS = 4 (effect/2)²
    expect(o.mean).toBeCloseTo(14.375, 12);
    expect(o.effects.map((e) => e.share)).toEqual([39.0625 / 57.1875, 10.5625 / 57.1875, 7.5625 / 57.1875].map((x) => expect.closeTo(x, 12)));
    expect(o.explainedShare).toBeCloseTo(1, 12);
    // the mean of each cell over replications, in the order of the cells
    expect(o.cellMeans).toEqual([11, 14.5, 11.5, 20.5]);
    // an outcome that does not vary: effects 0, shares 0
    expect(study.outcomes["failureDemandShare"]!.effects.every((e) => e.mean === 0 && e.share === 0)).toBe(true);
  });

  it("are the same whatever order the results come in, and refuse results that do not pair", () => {
    const again = buildFactorial(plan, [0, 1].flatMap((r) => names.map((n, i) => result(n, r, y[r]![i]!))));
    expect(JSON.stringify(again)).toBe(JSON.stringify(study));
    expect(() => buildFactorial(plan, names.slice(1).map((n, i) => result(n, 0, i)))).toThrow(/replications/);
    expect(() => buildFactorial(plan, [result("stranger", 0, 1)])).toThrow(/no cell/);
  });

  it("with one factor, the main effect is compare's paired difference (the same citizens in every cell)", () => {
    const owner: Policy = { ...policies.minutes, name: "owner", caseHandling: "caseOwner" };
    const options = { replications: 3, seed: 5, ...SHORT };
    const f = factorial(teaching, policies.minutes, owner, options);
    const c = compare(teaching, [policies.minutes, owner], options);
    expect(f.design.cells).toBe(2);
    for (const m of ["endToEndDays.mean", "failureDemandShare", "costPerNeed", "contactsPerNeed", "abandonedShare"]) {
      const e = f.outcomes[m]!.effects[0]!;
      const d = c.differences["owner-vs-minutes"]![m]!;
      expect(e.mean, m).toBeCloseTo(d.mean, 9);
      expect(e.ci95![0], m).toBeCloseTo(d.ci95![0], 9);
      expect(f.outcomes[m]!.effects[0]!.share).toBeCloseTo(d.mean === 0 ? 0 : 1, 9);
    }
  });
});

describe("factorial of the presets", () => {
  const options = { replications: 2, seed: 3, ...SHORT };
  const progress: number[] = [];
  const study = factorial(teaching, policies.minutes, policies.whole, { ...options, onProgress: (done, total) => progress.push(done / total) });

  it("reports the design: 9 factors in a 32-cell resolution IV fraction with its aliases", () => {
    expect(study.design).toMatchObject({ kind: "fractional", cells: 32, resolution: 4, generators: ["F = BCDE", "G = ACDE", "H = ABDE", "J = ABCE"] });
    expect(study.design.factors).toHaveLength(9);
    expect(study.design.aliases.length).toBeGreaterThan(0);
    expect(study.design.aliases.every((a) => a.length >= 2)).toBe(true);
    expect(progress).toHaveLength(64);
    expect(progress.at(-1)).toBe(1);
  });

  it("gives every headline outcome a main effect per factor and the estimable interactions, each with an interval", () => {
    for (const m of ["endToEndDays.mean", "failureDemandShare", "costPerNeed", "contactsPerNeed", "abandonedShare"]) {
      const o = study.outcomes[m]!;
      expect(o.effects.filter((e) => e.kind === "main").map((e) => e.name).sort()).toEqual(study.design.factors.map((f) => f.name).sort());
      expect(o.effects.filter((e) => e.kind === "interaction")).toHaveLength(21);
      for (const e of o.effects) {
        expect(e.ci95).not.toBeNull();
        expect(e.share).toBeGreaterThanOrEqual(0);
      }
      const sizes = o.effects.map((e) => Math.abs(e.mean));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(o.explainedShare).toBeLessThanOrEqual(1);
    }
  });

  it("is deterministic: the same seed gives the same JSON, another seed other numbers", () => {
    expect(JSON.stringify(factorial(teaching, undefined, undefined, options))).toBe(JSON.stringify(study));
    const other = factorial(teaching, undefined, undefined, { ...options, seed: 4 });
    expect(other.outcomes["endToEndDays.mean"]!.mean).not.toBe(study.outcomes["endToEndDays.mean"]!.mean);
  });
});
