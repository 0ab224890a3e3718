/**
 * Scenario events in the input format: the forms they are written in, the messages for the
 * wrong ones (field, value and what was expected), the way back (scenarioToInput), the
 * `--event` grammar, and the load analysis of their periods.
 */
import { describe, expect, it } from "vitest";
import { capacityWarnings, estimateRunCost, loadScenario, parseEventText, parseScenario, parseScenarioText, policies, scenarioToInput, scenarioYaml, ScenarioError, sweep, validateScenario, type ScenarioInput } from "../../src/index.js";
import { eventPeriods, scenarioAt } from "../../src/scenario/events.js";

const WEEK = 10080;
const input = scenarioToInput(loadScenario("teaching"));
const withEvents = (events: unknown[]) => ({ ...input, events }) as unknown as ScenarioInput;

function problems(events: unknown[]): string[] {
  try {
    parseScenario(withEvents(events));
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => i.message);
    throw e;
  }
  return [];
}

describe("scenario events", () => {
  it("reads the documented forms into the model form", () => {
    const s = parseScenario(
      withEvents([
        { at: "20 weeks", until: "28 weeks", demand: "+15%" },
        { at: "10 weeks", demand: "x1.3", service: "permit" },
        { at: "0 min", until: "2 weeks", demand: "-10%" },
        { at: "1 week", until: "2 weeks", demand: 0.5 },
        { at: "30 weeks", until: "34 weeks", team: "officers", staff: -1 },
        { at: "30 weeks", until: "34 weeks", team: "desk", staff: "+2" },
        { at: "40 weeks", until: "44 weeks", team: "officers", hours: "Mon-Fri 09:00-12:00" },
      ]),
    );
    expect(s.events).toEqual([
      { atMinutes: 20 * WEEK, untilMinutes: 28 * WEEK, demand: 1.15 },
      { atMinutes: 10 * WEEK, untilMinutes: null, demand: 1.3, service: "permit" },
      { atMinutes: 0, untilMinutes: 2 * WEEK, demand: 0.9 },
      { atMinutes: WEEK, untilMinutes: 2 * WEEK, demand: 0.5 },
      { atMinutes: 30 * WEEK, untilMinutes: 34 * WEEK, team: "officers", staff: -1 },
      { atMinutes: 30 * WEEK, untilMinutes: 34 * WEEK, team: "desk", staff: 2 },
      { atMinutes: 40 * WEEK, untilMinutes: 44 * WEEK, team: "officers", hours: [0, 1, 2, 3, 4].map((d) => [d * 1440 + 540, d * 1440 + 720]) },
    ]);
    // the way back reads to the same scenario
    expect(parseScenario(scenarioToInput(s)).events).toEqual(s.events);
    // a scenario without events has no events field (the same object as before events)
    expect("events" in loadScenario("teaching")).toBe(false);
  });

  it("names the field, the value and what was expected for a wrong event", () => {
    const all = problems([
      { at: "3 weeks", demand: "15%" },
      { at: "3 weeks", until: "2 weeks", demand: "+5%" },
      { at: "3 weeks", demand: "+5%", staff: -1, team: "desk" },
      { at: "3 weeks", demand: "+5%", service: "permits" },
      { at: "3 weeks", team: "desks", staff: -1 },
      { at: "3 weeks", team: "desk", staff: -3 },
      { at: "3 weeks", team: "desk", staff: 0 },
      { at: "3 weeks", team: "desk", hours: "Mon-Fri 08:00-12:00" },
      { at: "3 weeks", staff: -1 },
      { at: "3 weeks" },
      { at: "3 weeks", demand: "x1000" },
    ]);
    const expected = [
      'events[0].demand: got "15%"; expected a demand change: a signed percentage such as "+15%" or "-10%", or a factor such as "x1.3" or 1.3 (from 0 to 100). Write the sign: "+15%" or "-15%".',
      'events[1].until: got "2 weeks"; expected a time later than at (3 weeks)',
      'events[2]: got {"at":"3 weeks","demand":"+5%","staff":-1,"team":"desk"}; expected exactly one change: demand, staff or hours. It has demand and staff: write one event for each.',
      'events[3].service: got "permits"; expected the id of a service (questions, permit). Did you mean "permit"?',
      'events[4].team: got "desks"; expected the id of a team (desk, officers, expert). Did you mean "desk"?',
      "events[5].staff: got -3; expected at most 2 fewer people: the team has 2",
      'events[6].staff: got 0; expected a change in people, a whole number other than 0: "+2" (two more people), "-2" (two fewer). A change of 0 changes nothing.',
      'events[7].hours: got "Mon-Fri 08:00-12:00"; expected hours within the team\'s usual hours (Mon-Fri 09:00-12:00). An event can shorten a team\'s hours, not lengthen them.',
      "events[8].team: missing; expected the id of the team whose staff changes (desk, officers, expert)",
      'events[9]: got {"at":"3 weeks"}; expected exactly one change: demand, staff or hours. The event changes nothing.',
      'events[10].demand: got "x1000"; expected a demand change: a signed percentage such as "+15%" or "-10%", or a factor such as "x1.3" or 1.3 (from 0 to 100). A factor of 1000 is out of range.',
    ];
    for (const m of expected) expect(all).toContain(m);
  });

  it("reports hours of the wrong kind instead of failing, and goes through the commented YAML export", () => {
    const wrong = problems([{ at: "3 weeks", team: "desk", hours: [[540, 600]] }]);
    expect(wrong.some((m) => m.startsWith("events[0].hours"))).toBe(true);
    const s = parseScenario(withEvents([{ at: "20 weeks", until: "28 weeks", demand: "+15%" }, { at: "3 weeks", team: "desk", hours: "Mon-Fri 09:00-10:00" }]));
    expect(parseScenarioText(scenarioYaml(scenarioToInput(s))).events).toEqual(s.events);
  });

  it("reads the --event grammar", () => {
    expect(parseEventText("demand +15% weeks 20-28")).toEqual({ at: "20 weeks", until: "28 weeks", demand: "+15%" });
    expect(parseEventText("demand x1.3 service permit weeks 10-")).toEqual({ at: "10 weeks", demand: "x1.3", service: "permit" });
    expect(parseEventText("staff officers -2 weeks 30-34")).toEqual({ at: "30 weeks", until: "34 weeks", team: "officers", staff: "-2" });
    expect(parseEventText("hours desk Mon-Fri 09:00-12:00 weeks 40-44")).toEqual({ at: "40 weeks", until: "44 weeks", team: "desk", hours: "Mon-Fri 09:00-12:00" });
    expect(parseEventText("demand -10% from 3 days until 2 weeks")).toEqual({ at: "3 days", until: "2 weeks", demand: "-10%" });
    for (const bad of ["demand 15% weeks 1-2", "staff desk 2 weeks 1-2", "surge +15% weeks 1-2", "demand +15%", "hours desk Mon 25:00-26:00 weeks 1-2", "demand +15% weeks one-two"]) {
      expect(() => parseEventText(bad)).toThrow(/^--event "/);
    }
  });

  it("a sweep over an event's size reads demand changes and checks them like a file's", () => {
    const s = parseScenario(withEvents([{ at: "4 weeks", until: "8 weeks", demand: "+0%" }]));
    const r = sweep(s, [policies.minutes], { path: "events.0.demand", values: ["+0%", "+15%", "x1.3"] }, { replications: 1, horizon: 10 * WEEK, warmup: 2 * WEEK });
    expect(r.rows.length).toBe(3);
    expect(() => sweep(s, [policies.minutes], { path: "events.0.demand", values: ["x500"] }, { replications: 1 })).toThrow(/events\[0\]\.demand: got "x500".*A factor of 500 is out of range/);
    // a swept scenario validates like a file
    expect(validateScenario({ ...s, events: [{ ...s.events![0]!, demand: 1.3 }] }).events![0]!.demand).toBe(1.3);
  });

  it("the load analysis warns of a team's worst event period; the run-cost estimate plans for the peak demand", () => {
    const s = loadScenario("teaching");
    expect(capacityWarnings(s, [policies.minutes])).toEqual([]);
    const surge = parseScenario(withEvents([{ at: "20 weeks", until: "28 weeks", demand: "x2" }]));
    const w = capacityWarnings(surge, [policies.minutes]);
    expect(w.length).toBeGreaterThan(0);
    for (const line of w) expect(line).toMatch(/^minutes: from 20 weeks until 28 weeks \(scenario events\), /);
    const window = { horizonMinutes: s.horizonMinutes, warmupMinutes: s.warmupMinutes, drainMinutes: s.drainMinutes };
    expect(estimateRunCost(surge, [policies.minutes], window).needsPerRun).toBeGreaterThan(1.9 * estimateRunCost(s, [policies.minutes], window).needsPerRun);
    // the scenario in force in a period, and the periods
    const mixed = parseScenario(withEvents([{ at: "2 weeks", until: "4 weeks", team: "desk", staff: -1 }, { at: "3 weeks", team: "desk", hours: "Mon 09:00-10:00" }]));
    expect(eventPeriods(mixed, 10 * WEEK).map((p) => [p.from / WEEK, p.to / WEEK])).toEqual([[2, 3], [3, 4], [4, 10]]);
    expect(scenarioAt(mixed, 3.5 * WEEK).teams[0]).toMatchObject({ id: "desk", staff: 1, hours: [[540, 600]] });
    expect(scenarioAt(mixed, WEEK)).toBe(mixed);
  });
});
