/**
 * Each design's own failure modes and costs, one mechanism at a time: every failure contact
 * carries the mechanism that caused it, each mechanism shows up only under the design choice
 * that has it, switching its strength to 0 removes it, and its costs are booked. These tests
 * hold mechanisms, never which preset does better.
 */
import { describe, expect, it } from "vitest";
import {
  Cause,
  CAUSE_NAMES,
  Outcome,
  Reason,
  Task,
  loadScenario,
  policies,
  simulate,
  summarise,
  type Policy,
  type RunResult,
  type Scenario,
} from "../../src/index.js";

const SHORT = { seed: 4, horizon: "20 weeks", warmup: "4 weeks" } as const;
const soderhamn = loadScenario("soderhamn");
const teaching = loadScenario("teaching");

/** Handled contacts by cause (abandoned attempts not counted). */
function byCause(run: RunResult): number[] {
  const out = CAUSE_NAMES.map(() => 0);
  const c = run.contacts;
  for (let i = 0; i < c.length; i++) if (c.outcome[i] !== Outcome.abandoned) out[c.cause[i]!]! += 1;
  return out;
}

/** Contacts of one cause with the reasons they came with. */
function reasonsOf(run: RunResult, cause: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < run.contacts.length; i++) if (run.contacts.cause[i] === cause) out.add(run.contacts.reason[i]!);
  return out;
}

const withMechanisms = (s: Scenario, m: Partial<Scenario["mechanisms"]>): Scenario => ({ ...s, mechanisms: { ...s.mechanisms, ...m } });

describe("whole's own failure modes on soderhamn (one year, defaults)", () => {
  const run = simulate(soderhamn, policies.whole, { seed: 1 });
  const m = summarise(run);

  it("at least three of its own causes each make more than 0.1% of contacts", () => {
    const own = ["wrongAnswer", "consultLoss", "ownerAbsent", "missedUpdate", "measureGaming"];
    const above = own.filter((k) => (m.failureDemandByCause[k] ?? 0) > 0.001);
    expect(above.length, JSON.stringify(m.failureDemandByCause)).toBeGreaterThanOrEqual(3);
  });

  it("never shows the minutes design's causes: no work is cut short, no case closed for a count", () => {
    const counts = byCause(run);
    expect(counts[Cause.cutShort]).toBe(0);
    expect(counts[Cause.prematureClosure]).toBe(0);
  });

  it("labels what the citizen says by its cause: wrong answers and lost relays come back as 'not done right'", () => {
    expect([...reasonsOf(run, Cause.wrongAnswer)]).toEqual([Reason.notDoneRight]);
    expect(reasonsOf(run, Cause.consultLoss).has(Reason.notDoneRight)).toBe(true);
    expect([...reasonsOf(run, Cause.missedUpdate)]).toEqual([Reason.progressChasing]);
    expect([...reasonsOf(run, Cause.measureGaming)]).toEqual([Reason.reopened]);
  });
});

describe("the minutes design's failure modes (one year, defaults)", () => {
  const run = simulate(soderhamn, policies.minutes, { seed: 1 });
  const counts = byCause(run);

  it("cuts work short and closes cases early, and has none of whole's own causes", () => {
    expect(counts[Cause.cutShort]).toBeGreaterThan(0);
    expect(counts[Cause.prematureClosure]).toBeGreaterThan(0);
    for (const k of [Cause.wrongAnswer, Cause.consultLoss, Cause.missedUpdate, Cause.measureGaming]) expect(counts[k], CAUSE_NAMES[k]).toBe(0);
  });
});

describe("wrong answers beyond the basic repertoire", () => {
  const coverage = (p: Policy, c: number): Policy => ({ ...p, name: `coverage ${c}`, frontOffice: { ...p.frontOffice, skillCoverage: c } });

  it("never happen within the basic repertoire, and grow with the breadth the front line covers", () => {
    const wrong = [0.3, 0.6, 1].map((c) => byCause(simulate(teaching, coverage(policies.whole, c), SHORT))[Cause.wrongAnswer]!);
    expect(wrong[0]).toBe(0);
    expect(wrong[1]).toBeGreaterThan(0);
    expect(wrong[2]).toBeGreaterThan(wrong[1]!);
  });

  it("vanish with wrongAnswerProbability 0", () => {
    const s = withMechanisms(teaching, { wrongAnswerProbability: 0 });
    expect(byCause(simulate(s, policies.whole, SHORT))[Cause.wrongAnswer]).toBe(0);
  });

  it("do not count as first-contact resolution", () => {
    const all = summarise(simulate(withMechanisms(teaching, { wrongAnswerProbability: 0 }), policies.whole, SHORT)).firstContactResolution;
    const some = summarise(simulate(withMechanisms(teaching, { wrongAnswerProbability: 0.5 }), policies.whole, SHORT)).firstContactResolution;
    expect(some).toBeLessThan(all);
  });
});

describe("consults", () => {
  it("cost the specialist's full work by default and a relay of the answer, booked as relay work", () => {
    const run = simulate(teaching, policies.whole, SHORT);
    const relay = run.teams.reduce((a, t) => a + (t.minutesByTask[Task.relay] ?? 0), 0);
    expect(relay).toBeGreaterThan(0);
    const cheap = simulate(withMechanisms(teaching, { consultRelayMinutes: 0 }), policies.whole, SHORT);
    expect(cheap.teams.reduce((a, t) => a + (t.minutesByTask[Task.relay] ?? 0), 0)).toBe(0);
    expect(soderhamn.mechanisms.consultShare).toBe(1);
  });

  it("lose information in the relay only with consultRelayLoss above 0", () => {
    const lossless = simulate(withMechanisms(teaching, { consultRelayLoss: 0 }), policies.whole, SHORT);
    expect(byCause(lossless)[Cause.consultLoss]).toBe(0);
    const lossy = simulate(withMechanisms(teaching, { consultRelayLoss: 0.3 }), policies.whole, SHORT);
    expect(byCause(lossy)[Cause.consultLoss]).toBeGreaterThan(0);
  });

  it("wait behind the specialist's own work unless the policy puts them first", () => {
    expect(policies.whole.consultPriority).toBe("queue");
    const first: Policy = { ...policies.whole, name: "consults first", consultPriority: "first" };
    const [q, f] = [policies.whole, first].map((p) => simulate(soderhamn, p, SHORT));
    // same citizens, same work; only the order in the specialists' lines differs
    expect(summarise(q!).arrived).toBe(summarise(f!).arrived);
    expect(summarise(q!).endToEndDays.mean).not.toBe(summarise(f!).endToEndDays.mean);
  });
});

describe("proactive progress updates", () => {
  it("are booked as staff work, and chasing by citizens whose update came late is a missed update", () => {
    const run = simulate(soderhamn, policies.whole, SHORT);
    expect(run.teams.reduce((a, t) => a + (t.minutesByTask[Task.update] ?? 0), 0)).toBeGreaterThan(0);
    expect(byCause(run)[Cause.missedUpdate]).toBeGreaterThan(0);
  });

  it("lower chasing only for citizens they reached: with no chasing at all there is nothing to miss", () => {
    const quiet = { ...soderhamn, citizens: { ...soderhamn.citizens, chaseRatePerMinute: 0 } };
    const counts = byCause(simulate(quiet, policies.whole, SHORT));
    expect(counts[Cause.missedUpdate]).toBe(0);
    expect(counts[Cause.waitBeyondExpectation]).toBe(0);
  });

  it("are never missed when none are promised", () => {
    const none: Policy = { ...policies.whole, name: "no updates", progressInformation: "none" };
    const counts = byCause(simulate(soderhamn, none, SHORT));
    expect(counts[Cause.missedUpdate]).toBe(0);
    expect(counts[Cause.waitBeyondExpectation]).toBeGreaterThan(0);
  });
});

describe("what staff are held to", () => {
  it("end-to-end time tempts closing late cases early (measureGaming), cases closed tempts every case (prematureClosure)", () => {
    const e2e: Policy = { ...policies.minutes, name: "minutes held to e2e", activityMeasure: "endToEndTime" };
    const [a, b] = [policies.minutes, e2e].map((p) => byCause(simulate(soderhamn, p, SHORT)));
    expect(a![Cause.prematureClosure]).toBeGreaterThan(0);
    expect(a![Cause.measureGaming]).toBe(0);
    expect(b![Cause.prematureClosure]).toBe(0);
    expect(b![Cause.measureGaming]).toBeGreaterThan(0);
  });

  it("measureGaming 0 removes the end-to-end measure's dysfunction", () => {
    const s = withMechanisms(soderhamn, { measureGaming: 0 });
    expect(byCause(simulate(s, policies.whole, SHORT))[Cause.measureGaming]).toBe(0);
  });
});

describe("handling-time targets (M3), drawn fairly", () => {
  it("hold a front target relative to each service's front work, or an absolute one", () => {
    expect(policies.minutes.handlingTime.frontFactor).toBe(1.2);
    expect(policies.minutes.handlingTime.frontMinutes).toBeNull();
    const absolute: Policy = { ...policies.minutes, name: "4-minute line", handlingTime: { ...policies.minutes.handlingTime, frontMinutes: 4, frontFactor: null } };
    const [rel, abs] = [policies.minutes, absolute].map((p) => byCause(simulate(teaching, p, SHORT))[Cause.cutShort]!);
    expect(abs).toBeGreaterThan(rel!);
  });

  it("leave a cut contact unresolved only with cutUnresolvedProbability", () => {
    const never = withMechanisms(teaching, { cutUnresolvedProbability: 0 });
    expect(byCause(simulate(never, policies.minutes, SHORT))[Cause.cutShort]).toBe(0);
  });

  it("pass a cut enquiry on instead of leaving it to the citizen with cutPassOnProbability", () => {
    const repeats = (s: Scenario) => {
      const run = simulate(s, policies.minutes, SHORT);
      let n = 0;
      for (let i = 0; i < run.contacts.length; i++) if (run.contacts.reason[i] === Reason.repeatUnresolved) n++;
      return n;
    };
    expect(repeats(withMechanisms(teaching, { cutPassOnProbability: 0 }))).toBeGreaterThan(repeats(withMechanisms(teaching, { cutPassOnProbability: 1 })));
  });
});

describe("breadth costs", () => {
  it("price each team's minutes at its role's pay: cost per need is the pay-weighted minutes", () => {
    const run = simulate(teaching, policies.whole, SHORT);
    const m = summarise(run);
    const cost = run.teams.reduce((a, t) => a + (t.valueMinutes + t.failureMinutes) * t.pay, 0) * (run.costPerStaffHour / 60);
    expect(m.costPerNeed).toBeCloseTo(cost / run.resolvedInWindow, 9);
    const front = run.teams.find((t) => t.role === "front")!;
    const p = teaching.mechanisms.pay;
    const breadth = (policies.whole.frontOffice.skillCoverage - teaching.mechanisms.basicRepertoire) / (1 - teaching.mechanisms.basicRepertoire);
    expect(front.pay).toBeCloseTo(p.scripted + breadth * (p.generalist - p.scripted), 12);
    const scripted = simulate(teaching, policies.minutes, SHORT).teams.find((t) => t.role === "front")!;
    expect(scripted.pay).toBeCloseTo(p.scripted, 12);
  });

  it("take training hours from a broad front line and from pooled case owners, none from a scripted line", () => {
    const training = (p: Policy) => simulate(soderhamn, p, SHORT).teams.map((t) => [t.id, t.role, t.minutesByTask[Task.training] ?? 0] as const);
    for (const [, , minutes] of training(policies.minutes)) expect(minutes).toBe(0);
    const whole = training(policies.whole);
    for (const [id, role, minutes] of whole) {
      if (role === "front" || id.startsWith("owners:")) expect(minutes, id).toBeGreaterThan(0);
      else expect(minutes, id).toBe(0);
    }
  });
});

describe("case owners are people", () => {
  const pool: Policy = { ...policies.whole, name: "pooled owners", ownership: "pool" };
  const nobodyAway = (s: Scenario): Scenario => withMechanisms(s, { sicknessSpellsPerMinute: 0, holidayWeeks: 0 });

  it("are away at the same times under every policy: the same absent time per scenario team", () => {
    const absent = (p: Policy) => simulate(soderhamn, p, SHORT).teams.reduce((a, t) => a + t.stats.absentTime, 0);
    const [a, b, c] = [policies.minutes, policies.whole, pool].map(absent);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeCloseTo(a!, 6);
    expect(c).toBeCloseTo(a!, 6);
  });

  it("make a need wait for its own owner: personal lines wait longer than a pooled line of the same people", () => {
    const s = nobodyAway(soderhamn);
    const [personal, pooled] = [policies.whole, pool].map((p) => simulate(s, p, SHORT));
    const owners = (r: RunResult) => r.teams.filter((t) => t.id.startsWith("owners:"));
    const wait = (r: RunResult) => owners(r).reduce((a, t) => a + t.stats.meanWait * t.stats.started, 0) / owners(r).reduce((a, t) => a + t.stats.started, 0);
    expect(wait(personal!)).toBeGreaterThan(wait(pooled!));
    // the same people and hours: the same capacity
    const capacity = (r: RunResult) => owners(r).reduce((a, t) => a + t.stats.capacityTime, 0);
    expect(capacity(personal!)).toBeCloseTo(capacity(pooled!), 6);
  });

  it("hand a need to a colleague who reads in when the owner is away long, booked as failure work, and chasing meanwhile is ownerAbsent", () => {
    const longAway = withMechanisms(soderhamn, { holidayWeeks: 6 });
    const SUMMER = { seed: 4, horizon: "36 weeks", warmup: "20 weeks" } as const;
    const run = simulate(longAway, policies.whole, SUMMER);
    const counts = byCause(run);
    expect(counts[Cause.ownerAbsent]).toBeGreaterThan(0);
    const failure = run.teams.filter((t) => t.id.startsWith("owners:")).reduce((a, t) => a + t.failureMinutes, 0);
    const noReadIn = simulate(withMechanisms(longAway, { readInWork: { mean: 0, cv: 0 } }), policies.whole, SUMMER);
    const failure0 = noReadIn.teams.filter((t) => t.id.startsWith("owners:")).reduce((a, t) => a + t.failureMinutes, 0);
    expect(failure).toBeGreaterThan(failure0);
  });

  it("are never away, and never the cause of chasing, with no sickness and no holidays", () => {
    const run = simulate(nobodyAway(soderhamn), policies.whole, SHORT);
    expect(run.teams.every((t) => t.stats.absentTime === 0)).toBe(true);
    expect(byCause(run)[Cause.ownerAbsent]).toBe(0);
  });

  it("share one line under pool ownership: nobody's absence is the cause of a chase", () => {
    expect(byCause(simulate(soderhamn, pool, SHORT))[Cause.ownerAbsent]).toBe(0);
  });
});

describe("limits of personal ownership", () => {
  it("refuses a team of more than 2,000 personal case owners, naming the way out", () => {
    const big: Scenario = { ...teaching, teams: teaching.teams.map((t) => (t.id === "officers" ? { ...t, staff: 2001 } : t)) };
    expect(() => simulate(big, policies.whole, SHORT)).toThrow(/2,001 personal case owners.*ownership "pool"/);
    expect(() => simulate(big, { ...policies.whole, name: "pooled", ownership: "pool" }, SHORT)).not.toThrow();
  });
});
