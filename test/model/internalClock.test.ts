/**
 * Internal clocks (issue 13, item 4): the organisation's own processing time per service, from
 * where its clock starts to its first closing, with or without pauses for the citizen, and its
 * target. Measurement only: setting clocks changes no other figure of a run.
 */
import { describe, expect, it } from "vitest";
import {
  loadScenario,
  NeedStatus,
  parseScenario,
  policies,
  ScenarioError,
  scenarioToInput,
  simulate,
  summarise,
  builtinScenarioInput,
  type InternalClockSpec,
  type RunResult,
  type Scenario,
} from "../../src/index.js";

const SHORT = { horizon: 20 * 10080, warmup: 4 * 10080, seed: 7 };
const WEEK = 10080;

/** The scenario with one service's internal clock replaced. */
function withClock(s: Scenario, service: string, clock: InternalClockSpec): Scenario {
  return { ...s, services: s.services.map((x) => (x.id === service ? { ...x, internalClock: clock } : x)) };
}

function permitRows(run: RunResult): number[] {
  const n = run.needs;
  const permit = run.serviceIds.indexOf("permit");
  const rows: number[] = [];
  for (let i = 0; i < n.length; i++) if (n.service[i] === permit && n.isCase[i] === 1) rows.push(i);
  return rows;
}

describe("internal clocks", () => {
  it("default to the clock of internalProcessingDays, with no target", () => {
    const run = simulate(loadScenario("teaching"), policies.minutes, SHORT);
    const m = summarise(run);
    expect(run.internalClocks.every((c) => c.startsAt === "completeApplication" && !c.pausesForCitizen && c.targetMinutes === null)).toBe(true);
    expect(m.internalClock.days.mean).toBeCloseTo(m.internalProcessingDays, 10);
    expect(m.internalClock.targetMetShare).toBeUndefined();
    expect(Object.keys(m.internalClock.byService)).toEqual(["permit"]); // "questions" has no case steps
    expect(run.series?.values["internalClockTargetMetShare"]).toBeUndefined();
  });

  it("are shorter than the citizen's end-to-end time when citizens wait for clarifications: paused, from the complete application", () => {
    const base = loadScenario("teaching");
    for (const policy of [policies.minutes, policies.whole]) {
      const run = simulate(withClock(base, "permit", { startsAt: "completeApplication", pausesForCitizen: true, targetMinutes: null }), policy, SHORT);
      const n = run.needs;
      let clock = 0;
      let e2e = 0;
      let waited = 0;
      for (const i of permitRows(run)) {
        if (n.status[i] !== NeedStatus.resolved || Number.isNaN(n.clockMinutes[i]!)) continue;
        const end = n.end[i]! - n.arrival[i]!;
        expect(n.clockMinutes[i]!).toBeGreaterThanOrEqual(0);
        expect(n.clockMinutes[i]!).toBeLessThanOrEqual(end + 1e-9);
        clock += n.clockMinutes[i]!;
        e2e += end;
        if (n.clarifications[i]! > 0) waited++;
      }
      expect(waited).toBeGreaterThan(20); // the point: many citizens were asked for missing information
      const m = summarise(run);
      expect(m.internalClock.byService["permit"]!.endToEndRatio).toBeCloseTo(e2e / clock, 10);
      expect(m.internalClock.byService["permit"]!.endToEndRatio).toBeGreaterThan(1);
      expect(m.internalClock.endToEndRatio).toBeGreaterThan(1);
      expect(clock).toBeLessThan(e2e);
    }
  });

  it("pause only for the citizen: from registration, a paused clock differs from a running one only for cases with clarifications", () => {
    const base = loadScenario("teaching");
    const clock = (pausesForCitizen: boolean) =>
      simulate(withClock(base, "permit", { startsAt: "registration", pausesForCitizen, targetMinutes: null }), policies.minutes, SHORT).needs;
    const paused = clock(true);
    const running = clock(false);
    let shorter = 0;
    for (let i = 0; i < paused.length; i++) {
      if (Number.isNaN(running.clockMinutes[i]!)) {
        expect(paused.clockMinutes[i]).toBeNaN();
        continue;
      }
      if (paused.clarifications[i] === 0) expect(paused.clockMinutes[i]).toBe(running.clockMinutes[i]);
      else {
        expect(paused.clockMinutes[i]!).toBeLessThanOrEqual(running.clockMinutes[i]!);
        if (paused.clockMinutes[i]! < running.clockMinutes[i]!) shorter++;
      }
    }
    expect(shorter).toBeGreaterThan(20);
  });

  it("equal the end-to-end time when they start at first contact and never pause (cases closed once, no confirmation round)", () => {
    const s = withClock(loadScenario("teaching"), "permit", { startsAt: "firstContact", pausesForCitizen: false, targetMinutes: null });
    // minutes closes at the step's end; whole asks the citizen to confirm first, which the clock leaves out
    const run = simulate(s, policies.minutes, SHORT);
    const n = run.needs;
    let compared = 0;
    for (const i of permitRows(run)) {
      if (n.status[i] !== NeedStatus.resolved || n.reopens[i] !== 0) continue;
      expect(n.clockMinutes[i]).toBe(n.end[i]! - n.arrival[i]!);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    const whole = simulate(s, policies.whole, SHORT).needs;
    for (let i = 0; i < whole.length; i++) {
      if (whole.status[i] === NeedStatus.resolved && !Number.isNaN(whole.clockMinutes[i]!)) {
        expect(whole.clockMinutes[i]!).toBeLessThanOrEqual(whole.end[i]! - whole.arrival[i]! + 1e-9);
      }
    }
  });

  it("give a target-met share computed from the recorded times", () => {
    const target = 3 * WEEK;
    const s = withClock(loadScenario("teaching"), "permit", { startsAt: "firstContact", pausesForCitizen: false, targetMinutes: target });
    for (const policy of [policies.minutes, policies.whole]) {
      const run = simulate(s, policy, SHORT);
      const n = run.needs;
      // independently: from first contact (the need's arrival) to the first closing, both in the records
      let clocked = 0;
      let met = 0;
      for (const i of permitRows(run)) {
        const minutes = n.firstClosedAt[i]! - n.arrival[i]!;
        if (Number.isNaN(minutes)) continue;
        expect(n.clockMinutes[i]).toBe(minutes);
        clocked++;
        if (minutes <= target) met++;
      }
      expect(clocked).toBeGreaterThan(100);
      const m = summarise(run);
      expect(m.internalClock.byService["permit"]!.targetMetShare).toBeCloseTo(met / clocked, 12);
      expect(m.internalClock.targetMetShare).toBeCloseTo(met / clocked, 12);
    }
    // the built-in building permit: 10 weeks from the complete application (E27, E49)
    const run = simulate(loadScenario("soderhamn"), policies.minutes, SHORT);
    const n = run.needs;
    const permit = run.serviceIds.indexOf("buildingPermit");
    expect(run.internalClocks[permit]).toEqual({ startsAt: "completeApplication", pausesForCitizen: false, targetMinutes: 10 * WEEK });
    let clocked = 0;
    let met = 0;
    for (let i = 0; i < n.length; i++) {
      if (n.service[i] !== permit || Number.isNaN(n.clockMinutes[i]!)) continue;
      clocked++;
      if (n.clockMinutes[i]! <= 10 * WEEK) met++;
      expect(n.clockTargetMet[i]).toBe(n.clockMinutes[i]! <= 10 * WEEK ? 1 : 0);
    }
    expect(clocked).toBeGreaterThan(20);
    expect(summarise(run).internalClock.byService["buildingPermit"]!.targetMetShare).toBeCloseTo(met / clocked, 12);
    expect(summarise(run).internalClock.byService["homeCare"]!.targetMetShare).toBeUndefined();
  });

  it("count the series' target-met share by when the clock stops", () => {
    const target = 3 * WEEK;
    const s = withClock(loadScenario("teaching"), "permit", { startsAt: "firstContact", pausesForCitizen: false, targetMinutes: target });
    // no warm-up: every clock that stops in the window belongs to a need in the records
    const run = simulate(s, policies.minutes, { horizon: 12 * WEEK, warmup: 0, seed: 3, series: "week" });
    const series = run.series!.values["internalClockTargetMetShare"]!;
    const stopped = new Array<number>(12).fill(0);
    const met = new Array<number>(12).fill(0);
    const n = run.needs;
    for (let i = 0; i < n.length; i++) {
      const stop = n.firstClosedAt[i]!;
      if (Number.isNaN(n.clockMinutes[i]!) || !(stop < 12 * WEEK)) continue;
      const p = Math.floor(stop / WEEK);
      stopped[p]!++;
      if (n.clockMinutes[i]! <= target) met[p]!++;
    }
    expect(series.length).toBe(12);
    for (let p = 0; p < 12; p++) expect(series[p]).toBeCloseTo(stopped[p]! > 0 ? met[p]! / stopped[p]! : 0, 12);
    expect(stopped.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  });

  it("are measurement only: clocks and targets change no other figure, event or series of a run", () => {
    const base = loadScenario("teaching");
    const clocked = withClock(base, "permit", { startsAt: "registration", pausesForCitizen: true, targetMinutes: 2 * WEEK });
    for (const policy of [policies.minutes, policies.whole]) {
      const options = { ...SHORT, series: "week" as const };
      const a = simulate(base, policy, options);
      const b = simulate(clocked, policy, options);
      expect(b.events).toBe(a.events);
      const { internalClock: _a, ...ma } = summarise(a);
      const { internalClock: _b, ...mb } = summarise(b);
      expect(mb).toEqual(ma);
      const { internalClockTargetMetShare, ...sb } = b.series!.values;
      expect(internalClockTargetMetShare).toBeDefined();
      expect(sb).toEqual(a.series!.values);
      for (const k of Object.keys(a.needs) as (keyof RunResult["needs"])[]) {
        if (k !== "clockMinutes" && k !== "clockTargetMet") expect(b.needs[k]).toEqual(a.needs[k]);
      }
      expect(b.contacts).toEqual(a.contacts);
    }
  });
});

describe("the internalClock field", () => {
  it("round-trips through scenarioToInput and refuses an unknown start", () => {
    const s = withClock(loadScenario("teaching"), "permit", { startsAt: "registration", pausesForCitizen: true, targetMinutes: 6 * WEEK });
    const input = scenarioToInput(s) as unknown as { services: { id: string; internalClock?: unknown }[] };
    expect(input.services.find((x) => x.id === "permit")?.internalClock).toEqual({ startsAt: "registration", pausesForCitizen: true, target: "6 weeks" });
    expect(parseScenario(input).services.find((x) => x.id === "permit")?.internalClock).toEqual(s.services[1]!.internalClock);
    const bad = builtinScenarioInput("teaching") as unknown as { services: Record<string, unknown>[] };
    bad.services[1]!["internalClock"] = { startsAt: "decision" };
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    expect(() => parseScenario(bad)).toThrow(/completeApplication, registration, firstContact/);
  });
});
