/**
 * A run's series over time add up to the run's totals, read the backlog the run itself keeps,
 * and change nothing else in the run (mechanisms, not outcomes).
 */
import { describe, expect, it } from "vitest";
import { loadScenario, Outcome, policies, seriesBounds, simulate, summarise, type RunResult, type RunSeries } from "../../src/index.js";

const SHORT = { horizon: 16 * 10080, warmup: 4 * 10080, seed: 5 };
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

function seriesOf(run: RunResult): RunSeries {
  expect(run.series).not.toBeNull();
  return run.series as RunSeries;
}

function checkTotals(run: RunResult): void {
  const s = seriesOf(run);
  const v = s.values;
  const handled = Array.from(run.contacts.outcome).filter((o) => o !== Outcome.abandoned).length;
  expect(sum(v["arrived"]!)).toBe(run.needs.length);
  expect(sum(v["contacts"]!)).toBe(run.contacts.length);
  expect(sum(v["valueDemand"]!) + sum(v["failureDemand"]!)).toBe(handled);
  expect(sum(v["resolved"]!)).toBe(run.resolvedInWindow);
  const m = summarise(run);
  expect(sum(v["failureDemand"]!) / handled).toBeCloseTo(m.failureDemandShare, 12);
  for (let p = 0; p < s.start.length; p++) {
    const h = v["valueDemand"]![p]! + v["failureDemand"]![p]!;
    expect(v["failureDemandShare"]![p]).toBeCloseTo(h > 0 ? v["failureDemand"]![p]! / h : 0, 12);
    expect(s.end[p]).toBeGreaterThan(s.start[p]!);
  }
  expect(s.start[0]).toBe(run.warmupMinutes);
  expect(s.end[s.end.length - 1]).toBe(run.horizonMinutes);
  // each team's queue, averaged over the periods by their length, is the team's mean queue over the window
  const length = Array.from(s.start, (t, p) => s.end[p]! - t);
  for (const team of run.teams) {
    for (const id of team.members) {
      const q = v[`queueLength.${id}`]!;
      const mean = sum(q.map((x, p) => x * length[p]!)) / sum(length);
      expect(mean).toBeCloseTo(team.stats.meanQueueLength, 6);
      for (const u of v[`utilisation.${id}`]!) expect(u >= 0 && u <= 1).toBe(true);
    }
  }
}

describe("series over time", () => {
  for (const scenario of ["teaching", "soderhamn"] as const) {
    for (const policy of [policies.minutes, policies.whole]) {
      it(`${scenario}, ${policy.name}: the weekly series add up to the run's totals`, () => {
        checkTotals(simulate(loadScenario(scenario), policy, SHORT));
      });
    }
  }

  it("has one row per week of the window by default; the backlog is the run's own count of needs alive", () => {
    const run = simulate(loadScenario("teaching"), policies.minutes, SHORT);
    const s = seriesOf(run);
    expect(s.period).toBe("week");
    expect(s.start.length).toBe(12);
    for (let p = 0; p < s.start.length; p++) {
      const day = s.end[p]! / 1440;
      expect(s.values["openNeeds"]![p]).toBe(run.dailyOpenNeeds[day - 1]);
    }
  });

  it("days and hours add up to the weeks; a window off the period boundaries gives part periods at the ends", () => {
    const opts = { ...SHORT, warmup: 3.5 * 1440, horizon: 3 * 10080 + 600 };
    const week = seriesOf(simulate(loadScenario("teaching"), policies.whole, { ...opts, series: "week" }));
    const day = seriesOf(simulate(loadScenario("teaching"), policies.whole, { ...opts, series: "day" }));
    const hour = seriesOf(simulate(loadScenario("teaching"), policies.whole, { ...opts, series: "hour" }));
    expect(Array.from(week.start)).toEqual(Array.from(seriesBounds(opts.warmup, opts.horizon, 10080)).slice(0, -1));
    expect(week.start.length).toBe(4);
    expect(day.start.length).toBe(19);
    expect(hour.start.length).toBe((opts.horizon - opts.warmup) / 60);
    for (const name of ["arrived", "contacts", "valueDemand", "failureDemand", "resolved", "abandoned"]) {
      expect(sum(day.values[name]!)).toBe(sum(week.values[name]!));
      expect(sum(hour.values[name]!)).toBe(sum(week.values[name]!));
    }
    checkTotals(simulate(loadScenario("teaching"), policies.whole, { ...opts, series: "day" }));
  });

  it("changes nothing else: the same run with the series off, by week or by hour", () => {
    const runs = ([false, "week", "hour"] as const).map((series) => simulate(loadScenario("soderhamn"), policies.minutes, { ...SHORT, series }));
    expect(runs[0]!.series).toBeNull();
    for (const r of runs.slice(1)) {
      expect(r.events).toBe(runs[0]!.events);
      expect(Array.from(r.needs.end)).toEqual(Array.from(runs[0]!.needs.end));
      expect(Array.from(r.contacts.wait)).toEqual(Array.from(runs[0]!.contacts.wait));
      expect(r.teams.map((t) => t.stats)).toEqual(runs[0]!.teams.map((t) => t.stats));
    }
  });

  it("refuses an unknown period", () => {
    expect(() => simulate(loadScenario("teaching"), policies.whole, { ...SHORT, series: "month" as never })).toThrow(/series must be one of week, day, hour/);
  });
});
