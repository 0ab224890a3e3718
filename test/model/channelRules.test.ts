// Channel rules (issue 13, item 7): what each rule does to a contact, seen in the contact
// records of small scenarios. Agreement with the engine is in test/theory/channelRules.test.ts.
import { describe, expect, it } from "vitest";
import { WeeklyCalendar } from "../../src/engine/index.js";
import { simulate } from "../../src/model/index.js";
import { Outcome } from "../../src/model/codes.js";
import { validatePolicy, wholePolicy } from "../../src/policy/index.js";
import { CHANNEL_RULE_DEFAULTS, CHANNELS, loadScenario, parseHours, parseScenario, ScenarioError, scenarioToInput, type ScenarioInput } from "../../src/scenario/index.js";

const HOURS = "Mon-Fri 08:00-16:00";
const calendar = WeeklyCalendar.fromIntervals(parseHours(HOURS));
const ones = (n: number) => Array.from({ length: n }, () => 1);

/** One front team in office hours; calls (or e-mails) around the clock, each resolved at first contact. */
function scenario(channel: "phone" | "email" | "eform", extra: Partial<ScenarioInput> = {}, citizens: Record<string, unknown> = {}, arrivals = "150 / week"): ScenarioInput {
  return {
    name: "rules",
    population: 1000,
    costPerStaffHour: 1,
    horizon: "6 weeks",
    warmup: "1 week",
    drain: "4 weeks",
    teams: [
      { id: "line", role: "front", staff: 1, hours: HOURS, channels: ["phone", "email"] },
      { id: "back", role: "caseWork", staff: 1, hours: HOURS },
    ],
    services: [{
      id: "calls",
      arrivals,
      profile: { byDay: ones(7), byHour: ones(24), byMonth: ones(12) },
      demandTypes: 1,
      typeConcentration: 0,
      frontResolvableShare: 1,
      caseShare: 0,
      frontWork: { exponential: "15 min" },
      backOfficeWork: { exponential: "10 min" },
      backOffice: "back",
      informationQuality: 1,
      channelMix: { [channel]: 1 },
      expectation: "52 weeks",
    }],
    citizens: { phonePatience: { deterministic: "30 min" }, giveUpProbability: 1, chaseRate: "0 / week", complaintPropensity: 0, ...citizens },
    mechanisms: { sicknessSpells: "0 / year", holidayWeeks: 0, trainingTime: "0 hours", breadthContactTime: 0, wrongAnswerProbability: 0 },
    ...extra,
  };
}

const resolveEverything = validatePolicy({
  ...wholePolicy,
  name: "resolve",
  frontOffice: { scope: "resolve", skillCoverage: 1 },
  handlingTime: { frontMinutes: null, frontFactor: null, stepFactor: null, cutShortProbability: 0 },
  progressInformation: "none",
});

function contacts(input: ScenarioInput) {
  const c = simulate(parseScenario(input), resolveEverything, { seed: 21, journal: { every: 0 } }).contacts;
  return Array.from({ length: c.length }, (_, i) => ({ need: c.need[i] as number, time: c.time[i] as number, wait: c.wait[i] as number, outcome: c.outcome[i] as number, channel: c.channel[i] as number }));
}

/** Minutes from t until the line next opens (0 when open). */
const untilOpen = (t: number) => (calendar.isOpen(t) ? 0 : calendar.nextOpening(t) - t);

describe("reading channel rules", () => {
  it("defaults to today's rules for every channel", () => {
    expect(loadScenario("teaching").channelRules).toEqual(CHANNEL_RULE_DEFAULTS);
    expect(CHANNEL_RULE_DEFAULTS.phone).toEqual({ whenClosed: "comeBack", patienceFrom: "joining" });
    expect(CHANNEL_RULE_DEFAULTS.email.whenClosed).toBe("queue");
    expect(loadScenario("teaching").citizens.emailPatience).toBeNull();
  });

  it("reads a rule per channel, filling in the rest", () => {
    const s = parseScenario(scenario("phone", { channelRules: { phone: { whenClosed: "queue" }, email: { patienceFrom: "arrival" } } }));
    expect(s.channelRules.phone).toEqual({ whenClosed: "queue", patienceFrom: "joining" });
    expect(s.channelRules.visit).toEqual(CHANNEL_RULE_DEFAULTS.visit);
    expect(s.channelRules.email).toEqual({ whenClosed: "queue", patienceFrom: "arrival" });
  });

  it("are written back by scenarioToInput (only where they differ from today's) and read again the same", () => {
    const s = parseScenario(scenario("phone", { channelRules: { visit: { whenClosed: "queue", patienceFrom: "arrival" } } }, { emailPatience: { exponential: "2 days" } }));
    const input = scenarioToInput(s);
    expect(input.channelRules).toEqual({ visit: { whenClosed: "queue", patienceFrom: "arrival" } });
    expect(input.citizens?.emailPatience).toEqual({ exponential: "2 days" });
    expect(input.citizens?.eformPatience).toBeUndefined();
    const again = parseScenario(input);
    expect(again.channelRules).toEqual(s.channelRules);
    expect(again.citizens.emailPatience).toEqual({ family: "exponential", mean: 2880, cv: 1 });
    expect(again.citizens.eformPatience).toBeNull();
    expect(scenarioToInput(loadScenario("teaching")).channelRules).toBeUndefined();
  });

  it.each<[string, unknown, string, RegExp]>([
    ["an unknown rule value", { phone: { whenClosed: "wait" } }, "channelRules.phone.whenClosed", /expected comeBack or queue/],
    ["an unknown patience start", { visit: { patienceFrom: "opening" } }, "channelRules.visit.patienceFrom", /expected joining or arrival/],
    ["a closed-team rule for a written channel", { email: { whenClosed: "queue" } }, "channelRules.email.whenClosed", /expected one of the keys patienceFrom/],
    ["an unknown channel", { fax: {} }, "channelRules.fax", /unknown key/],
  ])("refuses %s, naming the field", (_what, rules, path, message) => {
    try {
      parseScenario(scenario("phone", { channelRules: rules as never }));
      throw new Error("expected a ScenarioError");
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const issue = (e as ScenarioError).issues.find((i) => i.path === path);
      expect(issue?.message).toMatch(message);
    }
  });
});

describe("what the rules do", () => {
  it("comeBack (today's rule): no call waits in a closed line; the caller tries again in opening hours", () => {
    const all = contacts(scenario("phone"));
    expect(all.length).toBeGreaterThan(500);
    for (const c of all) expect(calendar.isOpen(c.time), `a call at ${c.time}`).toBe(true);
  });

  it("queue: calls made while closed wait in the line; patience from arrival counts the closed time (30 minutes, then the caller hangs up)", () => {
    const all = contacts(scenario("phone", { channelRules: { phone: { whenClosed: "queue", patienceFrom: "arrival" } } }));
    const closed = all.filter((c) => !calendar.isOpen(c.time));
    expect(closed.length).toBeGreaterThan(300);
    const abandoned = all.filter((c) => c.outcome === Outcome.abandoned);
    expect(abandoned.length).toBeGreaterThan(300);
    for (const c of abandoned) expect(c.wait).toBeCloseTo(30, 9);
    // a call made more than 30 minutes before the opening never reaches anyone
    for (const c of closed) if (untilOpen(c.time) > 30) expect(c.outcome).toBe(Outcome.abandoned);
  });

  it("queue with patience from joining: a call made while closed waits for the opening, then 30 minutes at most", () => {
    const all = contacts(scenario("phone", { channelRules: { phone: { whenClosed: "queue", patienceFrom: "joining" } } }));
    const abandoned = all.filter((c) => c.outcome === Outcome.abandoned);
    expect(abandoned.filter((c) => untilOpen(c.time) > 0).length).toBeGreaterThan(100);
    for (const c of abandoned) expect(c.wait).toBeCloseTo(untilOpen(c.time) + 30, 6);
    for (const c of all) if (c.outcome !== Outcome.abandoned) expect(c.wait).toBeLessThanOrEqual(untilOpen(c.time) + 30 + 1e-6);
  });

  it("a written patience: an e-mail not answered within it is given up (2 days from sending); without one, none is", () => {
    const email = CHANNELS.indexOf("email");
    const none = contacts(scenario("email"));
    expect(none.length).toBeGreaterThan(500);
    expect(none.every((c) => c.channel === email && c.outcome !== Outcome.abandoned)).toBe(true);
    // one person answering 250 e-mails a week of 15 minutes in 40 open hours: a backlog that grows
    const patient = contacts(scenario("email", { channelRules: { email: { patienceFrom: "arrival" } } }, { emailPatience: { deterministic: "2 days" } }, "250 / week"));
    const abandoned = patient.filter((c) => c.outcome === Outcome.abandoned);
    expect(abandoned.length).toBeGreaterThan(100);
    for (const c of abandoned) expect(c.wait).toBeCloseTo(2880, 6);
    for (const c of patient) expect(c.wait).toBeLessThanOrEqual(2880 + 1e-6);
  });

  it("an e-form writer whose form went unanswered writes an e-mail, which waits with the e-mail patience (none here: it is never given up)", () => {
    // regression: the e-mail kept the form's patience, and with a patience near zero a need was
    // given up and written again every minute for ever (92 million events in a generated case)
    const [eform, email] = [CHANNELS.indexOf("eform"), CHANNELS.indexOf("email")];
    const rows = contacts(scenario("eform", { channelRules: { eform: { patienceFrom: "arrival" } } }, { eformPatience: { deterministic: "2 days" }, giveUpProbability: 0, redialProbability: 0 }, "250 / week"));
    const abandoned = rows.filter((c) => c.outcome === Outcome.abandoned);
    expect(abandoned.length).toBeGreaterThan(100);
    expect(abandoned.every((c) => c.channel === eform)).toBe(true);
    // each given-up form is followed by an e-mail of the same need, and no need gives up twice
    expect(new Set(abandoned.map((c) => c.need)).size).toBe(abandoned.length);
    const emailed = new Set(rows.filter((c) => c.channel === email).map((c) => c.need));
    expect(abandoned.filter((c) => emailed.has(c.need)).length).toBeGreaterThan(0.9 * abandoned.length);
  });
});
