/**
 * Regression tests for bugs the robustness tests found (docs/reliability.md lists them).
 */
import { describe, expect, it } from "vitest";
import {
  builtinScenarioInput,
  parsePolicyText,
  parseScenario,
  parseScenarioText,
  policies,
  ScenarioError,
  simulate,
  Simulation,
  Team,
  WeeklyCalendar,
} from "../src/index.js";

describe("regressions", () => {
  it("waitingLineDoubleFree: entities arriving after many reneges are all served", () => {
    const sim = new Simulation();
    const done: number[] = [];
    const team = new Team(sim, { servers: 1 }, { done: (e) => done.push(e) });
    team.arrive(0, 1000);
    for (let e = 1; e <= 300; e++) team.arrive(e, 1, 0, 0, 10);
    sim.run({ until: 20 });
    team.arrive(1001, 1);
    team.arrive(1002, 1);
    sim.run();
    expect(done).toContain(1001);
    expect(done).toContain(1002);
    expect(team.queueLength).toBe(0);
  });

  it("failureProbabilityOne: work that always fails is refused by validation, naming the field", () => {
    const input = builtinScenarioInput("teaching") as { services: { steps?: { failureProbability?: number }[] }[] };
    input.services[1]!.steps![1]!.failureProbability = 1;
    expect(() => parseScenario(input)).toThrow(/steps\[1\]\.failureProbability: got 1; expected a number from 0 up to \(not including\) 1/);
  });

  it("hugeArrivals: an absurd volume is refused, and an overloaded run stops with a message instead of running out of memory", () => {
    const input = builtinScenarioInput("teaching") as { services: { arrivals: string }[] };
    input.services[0]!.arrivals = "1e9 / week";
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    input.services[0]!.arrivals = "90000000 / year";
    const busy = parseScenario(input);
    // the run-cost check refuses it before it starts (issue 14); let past it, the run stops at the open-needs cap
    expect(() => simulate(busy, policies.minutes, { horizon: "4 weeks", warmup: 0, maxOpenNeeds: 20_000 })).toThrow(/^too large to run: /);
    expect(() => simulate(busy, policies.minutes, { horizon: "4 weeks", warmup: 0, maxOpenNeeds: 20_000, allowLarge: true })).toThrow(/the run was stopped on day \d+: more than 20,000 needs were open at once/);
  });

  it("slowSpikyProfile: a run with a long zero-rate stretch ends quickly", () => {
    const input = builtinScenarioInput("teaching") as { services: { profile?: unknown }[]; horizon?: string; warmup?: string; drain?: string };
    for (const s of input.services) s.profile = { byMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    const s = parseScenario({ ...input, horizon: "1 hour", warmup: "0 min", drain: "0 min" });
    const t0 = performance.now();
    const run = simulate(s, policies.whole);
    expect(run.needsArisen).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2000); // a loose bound: the bug took seconds to a minute
  });

  it("jsonByteOrderMark: a file that starts with a byte-order mark reads", () => {
    const text = `\uFEFF${JSON.stringify(builtinScenarioInput("teaching"))}`;
    expect(parseScenarioText(text, "json").name).toBe("teaching");
    expect(parsePolicyText("\uFEFFname: p\nextends: whole").name).toBe("p");
  });

  it("overtimeRounding: overtime is never negative", () => {
    const sim = new Simulation();
    const team = new Team(sim, { servers: 2, openingHours: WeeklyCalendar.weekdays("08:00", "16:30") }, { done: () => {} });
    for (let i = 0; i < 200; i++) sim.schedule(i * 37.3, () => team.arrive(i, 13.7));
    sim.run({ until: 20_000 });
    expect(team.stats().overtime).toBeGreaterThanOrEqual(0);
  });

  it("journalRowsNotInTimeOrder: the journal is sorted by need, then time", () => {
    const run = simulate(parseScenario(builtinScenarioInput("teaching")), policies.minutes, { horizon: "10 weeks", warmup: "2 weeks", journal: { every: 2 } });
    const j = run.journal;
    for (let i = 1; i < j.length; i++) {
      if (j.need[i] === j.need[i - 1]) expect(j.time[i]!).toBeGreaterThanOrEqual(j.time[i - 1]!);
      else expect(j.need[i]!).toBeGreaterThan(j.need[i - 1]!);
    }
  });

  it("unsafeIntegerMessage: an absurd staff number is refused with the range", () => {
    const input = builtinScenarioInput("teaching") as { teams: { staff: number }[] };
    input.teams[0]!.staff = 1e20;
    expect(() => parseScenario(input)).toThrow(/teams\[0\]\.staff: got 100000000000000000000; expected a whole number from 1 to 100,000/);
  });
});
