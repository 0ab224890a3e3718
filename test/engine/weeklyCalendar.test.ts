import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, WeeklyCalendar } from "../../src/engine/index.js";

const at = (day: number, hh: number, mm = 0, week = 0) =>
  week * MINUTES_PER_WEEK + day * MINUTES_PER_DAY + hh * 60 + mm;

describe("WeeklyCalendar", () => {
  const office = WeeklyCalendar.weekdays("08:00", "16:30");

  it("knows when it is open", () => {
    expect(office.isOpen(at(0, 8))).toBe(true);
    expect(office.isOpen(at(0, 16, 29))).toBe(true);
    expect(office.isOpen(at(0, 16, 30))).toBe(false);
    expect(office.isOpen(at(5, 10))).toBe(false);
    expect(office.isOpen(at(2, 12, 0, 7))).toBe(true);
    expect(office.openMinutesPerWeek).toBe(5 * 510);
  });

  it("finds the next opening, across the weekend and the week boundary", () => {
    expect(office.nextOpening(at(0, 9))).toBe(at(0, 9));
    expect(office.nextOpening(at(0, 17))).toBe(at(1, 8));
    expect(office.nextOpening(at(4, 17))).toBe(at(0, 8, 0, 1));
    expect(office.nextOpening(at(6, 23, 0, 3))).toBe(at(0, 8, 0, 4));
    expect(office.nextOpening(at(0, 7))).toBe(at(0, 8));
  });

  it("finds the next closing, following runs across midnight and the week boundary", () => {
    expect(office.nextClosing(at(0, 9))).toBe(at(0, 16, 30));
    expect(office.nextClosing(at(0, 20))).toBe(at(0, 20));
    const nights = WeeklyCalendar.fromIntervals([
      [at(6, 20), MINUTES_PER_WEEK],
      [0, at(0, 6)],
    ]);
    expect(nights.nextClosing(at(6, 22))).toBe(at(0, 6, 0, 1));
    expect(nights.nextClosing(at(0, 1, 0, 2))).toBe(at(0, 6, 0, 2));
    expect(WeeklyCalendar.always().nextClosing(5)).toBe(Infinity);
  });

  it("counts open minutes between two times", () => {
    expect(office.openMinutesBetween(0, MINUTES_PER_WEEK)).toBe(2550);
    expect(office.openMinutesBetween(at(0, 12), at(1, 9))).toBe(270 + 60);
    expect(office.openMinutesBetween(at(0, 12), at(0, 12, 0, 10))).toBe(10 * 2550);
    expect(office.openMinutesBetween(at(5, 1), at(6, 1))).toBe(0);
  });

  it("merges overlapping intervals and is never open when empty", () => {
    const c = WeeklyCalendar.fromIntervals([
      [100, 200],
      [150, 300],
      [300, 400],
    ]);
    expect(c.intervals).toEqual([[100, 400]]);
    const never = WeeklyCalendar.fromIntervals([]);
    expect(never.isOpen(5)).toBe(false);
    expect(never.nextOpening(5)).toBe(Infinity);
    expect(String(office)).toContain("Monday 08:00–Monday 16:30");
  });

  it("rejects bad input with the value in the message", () => {
    expect(() => WeeklyCalendar.fromIntervals([[5, 5]])).toThrow(/intervals\[0\].*\[5, 5\]/);
    expect(() => WeeklyCalendar.weekdays("8am", "16:00")).toThrow(/open must be a time of day "HH:MM".*"8am"/);
    expect(() => WeeklyCalendar.weekdays("10:00", "09:00")).toThrow(/close \(09:00\) must be later/);
    expect(() => WeeklyCalendar.weekdays("08:00", "09:00", [7])).toThrow(/days\[0\]/);
  });
});

describe("WeeklyCalendar: the remembered spell", () => {
  // calendars of up to six intervals, some with fractional ends, some running into each other
  const calendars = fc
    .array(fc.tuple(fc.integer({ min: 0, max: MINUTES_PER_WEEK - 1 }), fc.integer({ min: 1, max: 3 * MINUTES_PER_DAY }), fc.boolean()), { minLength: 0, maxLength: 6 })
    .map((list) => list.map(([s, len, half]): [number, number] => [s, Math.min(MINUTES_PER_WEEK, s + len) - (half && len > 1 ? 0.5 : 0)]))
    .map((intervals) => WeeklyCalendar.fromIntervals(intervals));
  // times as a run asks: mostly forward, a few steps back, fractional, up to a century
  const times = fc.array(fc.tuple(fc.double({ min: -200, max: 3000, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 60 });

  it("answers isOpen, nextOpening, nextClosing and openThroughout as a calendar that remembers nothing", () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 0, max: 5_000_000 }), times, (calendar, start, steps) => {
        const fresh = () => WeeklyCalendar.fromIntervals(calendar.intervals);
        let t = start;
        for (const [step, jump] of steps) {
          t = Math.max(0, t + (jump ? step * 7 : step));
          const b = t + Math.abs(step);
          expect(calendar.isOpen(t)).toBe(fresh().isOpen(t));
          expect(calendar.nextOpening(t)).toBe(fresh().nextOpening(t));
          expect(calendar.nextClosing(t)).toBe(fresh().nextClosing(t));
          const f = fresh();
          expect(calendar.openThroughout(t, b)).toBe(f.isOpen(t) && b <= f.nextClosing(t));
          // the spell's end, and just before and after it
          const edge = f.isOpen(t) ? f.nextClosing(t) : f.nextOpening(t);
          if (Number.isFinite(edge)) for (const u of [edge - 0.25, edge, edge + 0.25]) expect(calendar.isOpen(u), `at ${u}`).toBe(fresh().isOpen(u));
          // what a call made while its desk is closed asks: when it opens and when it closes
          // again, two spells in turn (the calendar remembers both), then now again
          const opens = calendar.nextOpening(t);
          expect(opens).toBe(fresh().nextOpening(t));
          if (Number.isFinite(opens)) expect(calendar.nextClosing(opens)).toBe(fresh().nextClosing(opens));
          expect(calendar.isOpen(t)).toBe(fresh().isOpen(t));
          expect(calendar.nextClosing(t)).toBe(fresh().nextClosing(t));
        }
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });

  it("within one open spell, below 10^8 minutes, the open minutes summed from weeks and intervals miss the spell's length by far less than 1e-6 (the team statistics skip the sum there)", () => {
    fc.assert(
      fc.property(calendars, fc.double({ min: 0, max: 1e8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (calendar, a, share) => {
        if (!calendar.isOpen(a) || calendar.isAlways) return;
        const b = Math.min(1e8, a + share * (calendar.nextClosing(a) - a));
        expect(calendar.openThroughout(a, b)).toBe(true);
        expect(Math.abs(b - a - calendar.openMinutesBetween(a, b))).toBeLessThan(1e-7);
      }),
      { seed: 20261205, numRuns: 2000 },
    );
  });
});
