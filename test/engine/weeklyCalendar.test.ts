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
