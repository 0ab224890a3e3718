/**
 * Peak measures: the busiest hour of the week is the hour with the most contacts offered, and
 * its figures are counted from the contact records of that hour (mechanisms, not outcomes).
 */
import { describe, expect, it } from "vitest";
import { CHANNELS, loadScenario, Outcome, peakHour, policies, simulate, summarise, type RunResult } from "../../src/index.js";

const PHONE = CHANNELS.indexOf("phone");
const EMAIL = CHANNELS.indexOf("email");

function fakeRun(rows: { t: number; need: number; channel: number; abandoned?: boolean; wait?: number }[], weeks: number): RunResult {
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows.map(f));
  const contacts = {
    length: rows.length,
    time: col((r) => r.t),
    need: col((r) => r.need),
    channel: col((r) => r.channel),
    outcome: col((r) => (r.abandoned ? Outcome.abandoned : Outcome.handled)),
    wait: col((r) => r.wait ?? 0),
  };
  return { contacts, warmupMinutes: 0, horizonMinutes: weeks * 10080 } as unknown as RunResult;
}

describe("peakHour", () => {
  it("counts by hand: offered contacts, callers once per clock hour, abandonment and answered waits", () => {
    const mon9 = 9 * 60;
    const run = fakeRun([
      { t: mon9 + 10, need: 1, channel: PHONE, abandoned: true, wait: 5 },
      { t: mon9 + 20, need: 1, channel: PHONE, wait: 2 }, // the same caller again
      { t: mon9 + 30, need: 2, channel: EMAIL, wait: 100 },
      { t: 10080 + mon9 + 50, need: 4, channel: PHONE, wait: 4 }, // Monday 09:50 of week 2
      { t: 1440 + 10 * 60, need: 3, channel: PHONE, wait: 6 }, // Tuesday 10:00
    ], 2);
    const { peak, allHours } = peakHour(run);
    expect(peak.hourOfWeek).toBe(9);
    expect(peak.offeredContacts).toBe(4 / 2);
    expect(peak.uniqueCallers).toBe(2 / 2);
    expect(peak.callAbandonment).toBe(1 / 3);
    expect(peak.phoneWaitMinutes).toBe((2 + 4) / 2);
    expect(allHours.offeredContacts).toBe(5 / 336);
    expect(allHours.uniqueCallers).toBe(3 / 336);
    expect(allHours.callAbandonment).toBe(1 / 4);
    expect(allHours.phoneWaitMinutes).toBe((2 + 4 + 6) / 3);
  });

  it("has no peak to speak of in a run without contacts", () => {
    const { peak, allHours } = peakHour(fakeRun([], 1));
    expect(peak).toEqual({ hourOfWeek: 0, offeredContacts: 0, uniqueCallers: 0, callAbandonment: 0, phoneWaitMinutes: 0 });
    expect(allHours.offeredContacts).toBe(0);
  });

  for (const policy of [policies.minutes, policies.whole]) {
    it(`soderhamn, ${policy.name}: the busiest hour has the most contacts offered, and the window's figures add up`, () => {
      const run = simulate(loadScenario("soderhamn"), policy, { horizon: "16 weeks", warmup: "4 weeks", seed: 2 });
      const m = summarise(run);
      const byHour = new Array<number>(168).fill(0);
      for (const t of run.contacts.time) byHour[Math.floor(t / 60) % 168]! += 1;
      expect(byHour[m.peak.hourOfWeek]).toBe(Math.max(...byHour));
      expect(m.peak.offeredContacts).toBe(Math.max(...byHour) / 12);
      expect(m.allHours.offeredContacts * 12 * 168).toBeCloseTo(run.contacts.length, 6);
      // the records' abandonment over every hour is the run's own, but for calls still waiting when it stopped
      expect(m.allHours.callAbandonment).toBeCloseTo(m.callAbandonment, 2);
      expect(m.peak.uniqueCallers).toBeLessThanOrEqual(m.peak.offeredContacts);
    });
  }
});
