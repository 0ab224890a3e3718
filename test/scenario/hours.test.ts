import { describe, expect, it } from "vitest";
import { formatHours, parseHours, ScenarioError } from "../../src/scenario/index.js";
import { readHours } from "../../src/scenario/hours.js";

const DAY = 1440;

describe("opening hours", () => {
  it("reads a day range", () => {
    expect(parseHours("Mon-Fri 08:00-16:30")).toEqual([0, 1, 2, 3, 4].map((d) => [d * DAY + 480, d * DAY + 990]));
  });

  it("reads a list of entries (the issue's example)", () => {
    const h = parseHours(["Mon-Thu 08:00-16:30", "Fri 08:00-15:00"]);
    expect(h).toHaveLength(5);
    expect(h[4]).toEqual([4 * DAY + 480, 4 * DAY + 900]);
  });

  it('reads "always"', () => {
    expect(parseHours("always")).toEqual([[0, 10080]]);
    expect(parseHours("Always")).toEqual([[0, 10080]]);
  });

  it("reads day lists, several ranges, words and full day names", () => {
    expect(parseHours("Mon,Wed 09:00-12:00,13:00-15:00")).toEqual([
      [540, 720],
      [780, 900],
      [2 * DAY + 540, 2 * DAY + 720],
      [2 * DAY + 780, 2 * DAY + 900],
    ]);
    expect(parseHours("weekdays 08:00-16:00")).toEqual(parseHours("Mon-Fri 08:00-16:00"));
    expect(parseHours("weekends 10:00-14:00")).toEqual(parseHours("Sat-Sun 10:00-14:00"));
    expect(parseHours("daily 10:00-11:00")).toHaveLength(7);
    expect(parseHours("Tuesday 08:00-09:00")).toEqual([[DAY + 480, DAY + 540]]);
  });

  it("wraps day ranges and overnight ranges around the week", () => {
    expect(parseHours("Sat-Mon 10:00-11:00")).toEqual([
      [600, 660],
      [5 * DAY + 600, 5 * DAY + 660],
      [6 * DAY + 600, 6 * DAY + 660],
    ]);
    expect(parseHours("Sun 22:00-06:00")).toEqual([
      [0, 360],
      [6 * DAY + 1320, 7 * DAY],
    ]);
    expect(parseHours("Mon 08:00-24:00")).toEqual([[480, DAY]]);
  });

  it("merges overlapping and touching entries", () => {
    expect(parseHours(["Mon 08:00-12:00", "Mon 12:00-16:00", "Mon 10:00-11:00"])).toEqual([[480, 960]]);
  });

  it.each([
    ["Mon-Fry 08:00-16:30", 'Unknown day "Fry". Did you mean "Fri"?'],
    ["Mon-Fri 8-16", "not a time range"],
    ["Mon-Fri", "<days> <HH:MM-HH:MM>"],
    ["08:00-16:00", "<days> <HH:MM-HH:MM>"],
    ["Mon 25:00-26:00", "outside 00:00-24:00"],
    ["Mon 08:60-09:00", "outside 00:00-24:00"],
    ["Mon 08:00-08:00", "same time"],
  ])("rejects %j", (text, problem) => {
    const r = readHours(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(problem);
  });

  it("rejects an empty list", () => {
    expect(readHours([]).ok).toBe(false);
    expect(() => parseHours([])).toThrow(ScenarioError);
  });

  it("writes readable hours that read back to the same intervals", () => {
    expect(formatHours(parseHours("Mon-Fri 08:00-16:30"))).toBe("Mon-Fri 08:00-16:30");
    expect(formatHours(parseHours(["Mon-Thu 08:00-16:30", "Fri 08:00-15:00"]))).toEqual(["Mon-Thu 08:00-16:30", "Fri 08:00-15:00"]);
    expect(formatHours(parseHours("always"))).toBe("always");
    for (const spec of ["Sun 22:00-06:00", "Mon,Wed,Fri 09:00-12:00,13:00-15:00", "Sat-Mon 10:00-11:00", "Fri 20:00-02:00"]) {
      const h = parseHours(spec);
      expect(parseHours(formatHours(h))).toEqual(h);
    }
  });
});
