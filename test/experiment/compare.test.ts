import { describe, expect, it } from "vitest";
import {
  buildComparison,
  compare,
  demandAnalysis,
  independentDifference,
  loadScenario,
  pairedDifference,
  policies,
  runReplication,
  setPath,
  simulate,
  sweep,
  xmrLimits,
  type ReplicationResult,
} from "../../src/index.js";

const SHORT = { horizon: "16 weeks", warmup: "4 weeks" };
const scenario = loadScenario("teaching");
const R = 8;
const results: ReplicationResult[] = [];
for (let r = 0; r < R; r++) for (const p of [policies.minutes, policies.whole]) results.push(runReplication(scenario, p, r, { seed: 4, ...SHORT }));
const meta = { scenario: scenario.name, seed: 4, policies: ["minutes", "whole"] };
const comparison = buildComparison(meta, results);

describe("compare: series over time", () => {
  it("gives per policy, series and week the mean over replications with its interval", () => {
    const s = comparison.series!;
    expect(s.period).toBe("week");
    expect(s.startDays).toEqual(Array.from({ length: 12 }, (_, k) => 28 + 7 * k));
    expect(s.endDays[11]).toBe(112);
    for (const policy of ["minutes", "whole"]) {
      const mine = results.filter((r) => r.policy === policy);
      for (const name of ["arrived", "openNeeds", "endToEndDays", "failureDemandShare", "utilisation.desk", "queueLength.desk"]) {
        const e = s.policies[policy]![name]!;
        expect(e.mean).toHaveLength(12);
        for (let p = 0; p < 12; p++) {
          const values = mine.map((r) => r.series!.values[name]![p]!);
          expect(e.mean[p]).toBeCloseTo(values.reduce((a, x) => a + x, 0) / R, 9);
          expect(e.low![p]).toBeLessThanOrEqual(e.mean[p]! + 1e-12);
          expect(e.high![p]).toBeGreaterThanOrEqual(e.mean[p]! - 1e-12);
        }
      }
      // the weekly arrivals of each replication add up to its cohort
      for (const r of mine) expect(r.series!.values["arrived"]!.reduce((a, x) => a + x, 0)).toBe(r.metrics["arrived"]);
    }
  });

  it("has no interval with one replication, and no series when switched off", () => {
    const one = compare(scenario, [policies.whole], { replications: 1, seed: 4, ...SHORT, series: "day" });
    expect(one.series!.period).toBe("day");
    expect(one.series!.policies["whole"]!["openNeeds"]).toMatchObject({ low: null, high: null });
    expect(one.series!.startDays).toHaveLength(84);
    const none = compare(scenario, [policies.whole], { replications: 2, seed: 4, ...SHORT, series: false });
    expect("series" in none).toBe(false);
  });
});

describe("compare", () => {
  it("keeps the JSON contract", () => {
    const json = JSON.parse(JSON.stringify(comparison));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["scenario", "seed", "replications", "horizonDays", "warmupDays", "policies", "differences", "capability", "warnings"]),
    );
    expect(json.replications).toBe(R);
    expect(json.horizonDays).toBe(112);
    expect(json.warmupDays).toBe(28);
    for (const name of ["minutes", "whole"]) {
      for (const metric of ["endToEndDays.mean", "endToEndDays.p85", "failureDemandShare", "firstContactResolution", "contactsPerNeed", "staffMinutesPerNeed", "costPerContact"]) {
        const e = json.policies[name][metric];
        expect(e.ci95[0]).toBeLessThanOrEqual(e.mean);
        expect(e.ci95[1]).toBeGreaterThanOrEqual(e.mean);
        expect(e.sd).toBeGreaterThanOrEqual(0);
      }
      expect(json.capability[name].upperLimit).toBeGreaterThan(json.capability[name].mean);
      expect(json.pooled[name].endToEndDays.p95).toBeGreaterThanOrEqual(json.pooled[name].endToEndDays.median);
    }
    expect(Object.keys(json.differences)).toEqual(["whole-vs-minutes"]);
  });

  it("computes means, intervals and paired differences from the replications", () => {
    const fd = (p: string) => results.filter((r) => r.policy === p).map((r) => r.metrics["failureDemandShare"]!);
    const mean = fd("minutes").reduce((a, x) => a + x, 0) / R;
    expect(comparison.policies["minutes"]!["failureDemandShare"]!.mean).toBeCloseTo(mean, 12);
    const d = pairedDifference(fd("whole"), fd("minutes"));
    expect(comparison.differences["whole-vs-minutes"]!["failureDemandShare"]).toEqual({ mean: d.mean, ci95: d.ci });
  });

  it("shows that pairing on common random numbers narrows the interval", () => {
    // for metrics that the shared citizens drive under both policies (volume, work content);
    // a metric one policy holds nearly constant (contacts per need under "whole") has little
    // correlation to exploit, and pairing then neither helps nor hurts much
    for (const metric of ["endToEndDays.mean", "staffMinutesPerNeed", "citizenEffortMinutes"]) {
      const a = results.filter((r) => r.policy === "whole").map((r) => r.metrics[metric]!);
      const b = results.filter((r) => r.policy === "minutes").map((r) => r.metrics[metric]!);
      const paired = pairedDifference(a, b);
      const independent = independentDifference(a, b);
      expect(paired.halfWidth!, metric).toBeLessThan(independent.halfWidth!);
    }
  });

  it("gives the same Comparison whatever order the results come in (shards merge exactly)", () => {
    const shuffled = [...results].reverse();
    expect(buildComparison(meta, shuffled)).toEqual(comparison);
    const odd = results.filter((r) => r.replication % 2 === 1);
    const even = results.filter((r) => r.replication % 2 === 0);
    expect(buildComparison(meta, [...odd, ...even])).toEqual(comparison);
  });

  it("equals running compare() serially", () => {
    expect(compare(scenario, [policies.minutes, policies.whole], { replications: R, seed: 4, ...SHORT })).toEqual(comparison);
  });

  it("charts capability on replication 0 in completion order", () => {
    const first = results.find((r) => r.policy === "whole" && r.replication === 0)!;
    const x = xmrLimits(first.endToEndDays);
    expect(comparison.capability["whole"]!.upperLimit).toBe(x.upperLimit);
    expect(comparison.capability["whole"]!.points).toBe(first.endToEndDays.length);
  });

  it("suggests a warm-up from the daily series of needs alive", () => {
    expect(comparison.suggestedWarmupDays).toBeGreaterThanOrEqual(0);
    expect(comparison.suggestedWarmupDays).toBeLessThan(112);
  });

  it("rejects bad input with the reason", () => {
    expect(() => compare(scenario, [])).toThrow(/at least one policy/);
    expect(() => compare(scenario, [policies.minutes, policies.minutes])).toThrow(/two policies are named "minutes"/);
    expect(() => compare(scenario, [policies.minutes], { replications: 0 })).toThrow(/replications must be a whole number/);
    expect(() => buildComparison(meta, results.filter((r) => !(r.policy === "whole" && r.replication === 3)))).toThrow(/replications/);
  });
});

describe("sweep", () => {
  it("varies a policy choice and shows its effect", () => {
    const s = sweep(scenario, [policies.minutes], { path: "policy.handlingTime.cutShortProbability", values: [0, 1] }, { replications: 3, seed: 2, ...SHORT });
    expect(s.rows.map((r) => r.value)).toEqual([0, 1]);
    const fd = s.rows.map((r) => r.comparison.policies["minutes"]!["failureDemandShare"]!.mean);
    expect(fd[1]).toBeGreaterThan(fd[0]!);
  });

  it("varies a scenario parameter by id, with units", () => {
    const s = sweep(scenario, policies.whole, { path: "services.questions.frontWork.mean", values: ["4 min", "16 min"] }, { replications: 2, seed: 2, ...SHORT });
    const minutes = s.rows.map((r) => r.comparison.policies["whole"]!["handlingMinutesPerContact"]!.mean);
    expect(minutes[1]).toBeGreaterThan(minutes[0]!);
  });

  it("names a wrong path and what exists there", () => {
    expect(() => setPath(scenario, "services.nosuch.caseShare", 0.5)).toThrow(/"nosuch" is not an index or id here; there are 2 elements: questions, permit/);
    expect(() => setPath(policies.minutes, "handlingTime.frontMinute", 3)).toThrow(/does not exist; the keys there are frontMinutes/);
  });
});

describe("demand analysis", () => {
  it("splits contacts by service, touchpoint and reason, adding up to the failure-demand share", () => {
    const run = simulate(scenario, policies.minutes, { seed: 3, ...SHORT });
    const rows = demandAnalysis(run);
    const total = rows.reduce((a, r) => a + r.share, 0);
    expect(total).toBeCloseTo(1, 12);
    const failure = rows.filter((r) => r.failure).reduce((a, r) => a + r.share, 0);
    const c = run.contacts;
    let handled = 0;
    let fail = 0;
    for (let i = 0; i < c.length; i++) if (c.outcome[i] !== 3) { handled++; if (c.reason[i]! > 0) fail++; }
    expect(failure).toBeCloseTo(fail / handled, 12);
    expect(rows[0]!.contacts).toBeGreaterThanOrEqual(rows[rows.length - 1]!.contacts);
  });
});

describe("overload", () => {
  it("marks a run whose backlog grows at full capacity as unstable, and says so in the warnings", async () => {
    const { builtinScenarioInput, parseScenario } = await import("../../src/index.js");
    const input = builtinScenarioInput("teaching") as { services: { arrivals: string }[] };
    input.services[0]!.arrivals = "12000 / year";
    const busy = parseScenario(input);
    const c = compare(busy, [policies.minutes], { replications: 2, seed: 1, horizon: "16 weeks", warmup: "4 weeks" });
    expect(c.warnings.some((w) => /offered \d+% of their capacity/.test(w))).toBe(true);
    expect(c.warnings.some((w) => /minutes: unstable — the queue at officers grew/.test(w))).toBe(true);
    const r = runReplication(busy, policies.minutes, 0, { seed: 1, horizon: "16 weeks", warmup: "4 weeks" });
    expect(r.unstableTeams).toContain("officers");
    expect(comparison.warnings.filter((w) => w.includes("unstable"))).toEqual([]);
  });
});
