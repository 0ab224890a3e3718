import { describe, expect, it } from "vitest";
import { formatDuration, formatRate, parseDuration, parseRate, ScenarioError } from "../../src/scenario/index.js";
import { readDuration, readRate } from "../../src/scenario/units.js";

function problemOf(r: ReturnType<typeof readDuration>): string {
  if (r.ok) throw new Error(`expected a problem, got ${r.value}`);
  return r.problem;
}

describe("durations", () => {
  it.each([
    ["45 min", 45],
    ["45 minutes", 45],
    ["90 s", 1.5],
    ["1.5 hours", 90],
    ["2 h", 120],
    ["3 days", 4320],
    ["1 day", 1440],
    ["2 weeks", 20160],
    ["1 month", 43830], // mathjs: 30.4375 days
    ["1 year", 525600], // the model year: 365 days, not mathjs' 365.25
    ["  17 days ", 24480],
    [".5 hours", 30],
    ["1e3 min", 1000],
  ])("reads %j as %d minutes", (text, minutes) => {
    expect(parseDuration(text)).toBeCloseTo(minutes, 9);
  });

  it('rejects "45m" (45 metres) and suggests "45 min"', () => {
    expect(problemOf(readDuration("45m"))).toMatch(/metre.*Did you mean "45 min"\?/);
    expect(problemOf(readDuration("45 m"))).toMatch(/Did you mean "45 min"\?/);
  });

  it.each([
    ["3 d", "3 days"],
    ["2 wk", "2 weeks"],
    ["1 wk", "1 week"],
    ["45 Min", "45 min"],
    ["3 Days", "3 days"],
    ["5 mo", "5 months"],
    ["2 yr", "2 years"],
    ["3 dagar", "3 days"],
  ])("rejects %j and suggests %j", (text, suggestion) => {
    expect(problemOf(readDuration(text))).toContain(`Did you mean "${suggestion}"?`);
  });

  it("rejects a bare number and suggests a unit", () => {
    expect(problemOf(readDuration("45"))).toMatch(/bare number.*"45 min"/);
  });

  it.each([
    ["5 kg", /a mass, not a duration/],
    ["120 / week", /a rate, not a duration/],
    ["3 m^2", /an area, not a duration/],
    ["2 weeks 3 days", /not one number with one unit/],
    ["1 decade", /not used here/],
    ["1 ms", /not used here/],
    ["", /empty/],
    ["min", /does not start with a number/],
    ["NaN min", /does not start with a number/],
    ["1e999 min", /not a finite amount/],
    ["-3 days", /negative/],
    ["0 min", /zero/],
  ])("rejects %j", (text, problem) => {
    expect(problemOf(readDuration(text))).toMatch(problem);
  });

  it("accepts zero only when allowed", () => {
    expect(readDuration("0 min", { allowZero: true })).toEqual({ ok: true, value: 0 });
    expect(readDuration("0 min").ok).toBe(false);
  });

  it("throws a ScenarioError naming the value and the expectation", () => {
    expect(() => parseDuration("3 d")).toThrow(ScenarioError);
    try {
      parseDuration("3 d");
    } catch (e) {
      const issue = (e as ScenarioError).issues[0];
      expect(issue?.value).toBe("3 d");
      expect(issue?.expected).toMatch(/duration/);
      expect(issue?.message).toContain('Did you mean "3 days"?');
    }
  });
});

describe("rates", () => {
  it.each([
    ["120 / week", 120 / 10080],
    ["120/week", 120 / 10080],
    ["300 / year", 300 / 525600],
    ["0.5 / week", 0.5 / 10080],
    ["2 / day", 2 / 1440],
    ["6 / hour", 0.1],
    ["120 week^-1", 120 / 10080],
  ])("reads %j per minute", (text, perMinute) => {
    expect(parseRate(text)).toBeCloseTo(perMinute, 15);
    expect(parseRate(text) / perMinute).toBeCloseTo(1, 12);
  });

  it.each([
    ["120 week", 'Did you mean "120 / week"?'],
    ["120 per week", 'Did you mean "120 / week"?'],
    ["120 / wk", 'Did you mean "120 / week"?'],
    ["120 / m", 'Did you mean "120 / min"?'],
    ["120 / weeks", undefined],
    ["120", "bare number"],
    ["5 kg", "a mass, not a rate"],
    ["3 days / week", "a pure number, not a rate"],
    ["-1 / week", "negative"],
    ["0 / week", "zero"],
  ])("handles %j", (text, hint) => {
    const r = readRate(text);
    if (hint === undefined) {
      expect(r.ok).toBe(true);
      return;
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(hint);
  });

  it("accepts a zero rate only when allowed", () => {
    expect(readRate("0 / week", { allowZero: true })).toEqual({ ok: true, value: 0 });
  });
});

describe("formatting", () => {
  it("writes durations in the largest exact unit", () => {
    expect(formatDuration(20160)).toBe("2 weeks");
    expect(formatDuration(10080)).toBe("1 week");
    expect(formatDuration(4320)).toBe("3 days");
    expect(formatDuration(90)).toBe("90 min");
    expect(formatDuration(120)).toBe("2 hours");
    expect(formatDuration(0)).toBe("0 min");
  });

  it("writes rates with the fewest digits", () => {
    expect(formatRate(120 / 10080)).toBe("120 / week");
    expect(formatRate(300 / 525600)).toBe("300 / year");
    expect(formatRate(0.5 / 10080)).toBe("0.5 / week");
  });

  it("reads back what it writes", () => {
    for (const minutes of [0.1, 1, 7.5, 45, 61, 1440, 4321, 24480, 43830, 123456.789]) {
      expect(parseDuration(formatDuration(minutes)) / minutes).toBeCloseTo(1, 11);
    }
    for (const perMinute of [1e-7, 3.3e-5, 120 / 10080, 0.05, 2.5]) {
      expect(parseRate(formatRate(perMinute)) / perMinute).toBeCloseTo(1, 11);
    }
  });
});
