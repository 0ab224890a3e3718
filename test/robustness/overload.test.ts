/**
 * A strange but valid scenario: a team offered three times the work it can do. The load
 * analysis warns before the run; the run still ends at horizon + drain; what grows is the
 * needs alive and the team's waiting line, bounded by the run's length, not by a cap.
 */
import { describe, expect, it } from "vitest";
import { builtinScenarioInput, compare, formatRate, loadWarnings, offeredLoad, parseRate, parseScenario, policies, simulate, summarise, type ScenarioInput } from "../../src/index.js";
import { main } from "../../src/cli/main.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { comparisonViolations, runViolations } from "./invariants.js";

/** Teaching with the general questions scaled until the front desk is offered `times` its capacity. */
function overloaded(times: number): ScenarioInput {
  const input = builtinScenarioInput("teaching");
  const desk = (s: ScenarioInput) => offeredLoad(parseScenario(s), policies.minutes).find((t) => t.team === "desk")!.utilisation;
  const k = times / desk(input);
  return { ...input, name: "overloaded", services: input.services.map((sv) => ({ ...sv, arrivals: formatRate(parseRate(sv.arrivals) * k) })) };
}

const WINDOW = { horizon: "6 weeks", warmup: "1 week", drain: "4 weeks" };

describe("a team offered 300% of its capacity", () => {
  const input = overloaded(3);
  const scenario = parseScenario(input);

  it("is warned about before the run, in words", () => {
    const warnings = loadWarnings(offeredLoad(scenario, policies.minutes));
    const desk = warnings.find((w) => w.team === "desk");
    expect(desk?.level).toBe("over");
    expect(desk?.utilisation).toBeCloseTo(3, 6);
    // most of the load is callers and visitors, who leave when they wait too long: the warning
    // says the queue grows unless enough of them leave, and here too few do (the run below is unstable)
    expect(desk?.message).toMatch(/are offered 300% of their capacity before any failure demand, 219% from citizens who leave when they wait too long; queues will grow without limit unless enough of them leave/);
    // docs/reliability.md ("Overload and limits") quotes it as the code gives it
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "reliability.md"), "utf8").replace(/\s+/g, " ");
    expect(doc).toContain(desk!.message);
  });

  it("still finishes within horizon + drain, keeps its books, and carries the warning in the Comparison", () => {
    const run = simulate(scenario, policies.minutes, { seed: 1, ...WINDOW });
    expect(run.endMinutes).toBeLessThanOrEqual((6 + 4) * 10080);
    expect(runViolations(run)).toEqual([]);
    const m = summarise(run);
    expect(m.open).toBeGreaterThan(0); // the cohort cannot finish: the run stops at horizon + drain
    expect(m.utilisation["desk"]).toBeGreaterThan(0.95);
    // the result is marked unstable: in the run's summary and in the Comparison's warnings
    expect(m.unstableTeams).toContain("desk");
    const c = compare(scenario, [policies.minutes], { replications: 2, seed: 1, ...WINDOW });
    expect(comparisonViolations(c)).toEqual([]);
    expect(c.warnings.join("\n")).toMatch(/300% of their capacity/);
    expect(c.warnings.join("\n")).toMatch(/minutes: unstable — the queue at desk grew/);
  });

  it("grows the needs alive about linearly with time, and the run's length bounds them", () => {
    const lengths = [4, 8].map((weeks) => simulate(scenario, policies.minutes, { seed: 1, horizon: `${weeks} weeks`, warmup: "1 week", drain: "0 min" }));
    const [short, long] = lengths.map((r) => r.dailyOpenNeeds[r.dailyOpenNeeds.length - 1]!);
    // an unstable queue: twice the time, about twice the backlog (not a plateau, not an explosion)
    expect(long! / short!).toBeGreaterThan(1.5);
    expect(long! / short!).toBeLessThan(3);
    // what is alive is at most what arrived
    for (const r of lengths) expect(r.dailyOpenNeeds[r.dailyOpenNeeds.length - 1]!).toBeLessThanOrEqual(r.needsArisen);
  });

  it("through the CLI: the warning comes first on stderr, the run succeeds, no NaN", async () => {
    const dir = mkdtempSync(join(tmpdir(), "helhet-overload-"));
    try {
      const file = join(dir, "overloaded.yaml");
      writeFileSync(file, stringify(input));
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(["run", "--scenario", file, "--replications", "1", "--horizon", "2 weeks", "--warmup", "1 week"], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
      expect(code).toBe(0);
      expect(err[0]).toMatch(/^warning: whole: .*% of their capacity/);
      expect(out.join("\n")).not.toMatch(/NaN/);
      expect(out.join("\n")).toMatch(/What citizens experience/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
