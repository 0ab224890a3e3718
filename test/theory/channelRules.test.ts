/**
 * Channel rules against the engine (issue 13, item 7): with phone calls that queue while the
 * team is closed and patience counted from arrival, a one-team office-hours scenario with
 * exponential service and exponential patience is a plain M/M/c+M queue with opening hours.
 * The model's contact records must agree with a direct engine run of that queue (the same
 * hours, rates and window, its own random numbers): for the mean wait, the share that reneged
 * and the throughput, the 99% Welch interval of the difference of the replication means must
 * hold 0, and each side's interval must be narrow enough to mean something.
 */
import { describe, expect, it } from "vitest";
import { Simulation, Team, WeeklyCalendar } from "../../src/engine/index.js";
import { simulate } from "../../src/model/index.js";
import { Outcome } from "../../src/model/codes.js";
import { validatePolicy, wholePolicy } from "../../src/policy/index.js";
import { createStream, exponential } from "../../src/random/index.js";
import { parseHours, parseScenario, type ScenarioInput } from "../../src/scenario/index.js";
import { independentDifference } from "../../src/stats/index.js";
import { interval } from "./network.js";

const R = 20;
const WEEK = 10080;
const WARMUP = 2 * WEEK;
const HORIZON = 22 * WEEK;
const HOURS = "Mon-Fri 08:00-16:00";
const STAFF = 2;
const ARRIVALS_PER_WEEK = 300; // around the clock, so most calls are made while the line is closed
const SERVICE_MEAN = 10; // minutes
const PATIENCE_MEAN = 180; // minutes

/** One front team answering the phone in office hours; every call is resolved at first contact. */
function officeHoursScenario(rules: ScenarioInput["channelRules"]): ScenarioInput {
  const ones = (n: number) => Array.from({ length: n }, () => 1);
  return {
    name: "office-hours queue",
    population: 1000,
    costPerStaffHour: 1,
    horizon: `${HORIZON / WEEK} weeks`,
    warmup: `${WARMUP / WEEK} weeks`,
    drain: "4 weeks",
    teams: [
      { id: "line", role: "front", staff: STAFF, hours: HOURS, channels: ["phone"] },
      { id: "back", role: "caseWork", staff: 1, hours: HOURS },
    ],
    services: [{
      id: "calls",
      arrivals: `${ARRIVALS_PER_WEEK} / week`,
      profile: { byDay: ones(7), byHour: ones(24), byMonth: ones(12) },
      demandTypes: 1,
      typeConcentration: 0,
      frontResolvableShare: 1,
      caseShare: 0,
      frontWork: { exponential: `${SERVICE_MEAN} min` },
      backOfficeWork: { exponential: "10 min" },
      backOffice: "back",
      informationQuality: 1,
      channelMix: { phone: 1 },
      expectation: "52 weeks",
    }],
    // a caller who hangs up gives the need up: no redial, no chase, nothing after an answer
    citizens: { phonePatience: { exponential: `${PATIENCE_MEAN} min` }, giveUpProbability: 1, chaseRate: "0 / week", complaintPropensity: 0, searchTime: "0 min" },
    mechanisms: { sicknessSpells: "0 / year", holidayWeeks: 0, trainingTime: "0 hours", breadthContactTime: 0, wrongAnswerProbability: 0 },
    ...(rules === undefined ? {} : { channelRules: rules }),
  };
}

/** A front line that resolves every call in full, with no handling-time target. */
const resolveEverything = validatePolicy({
  ...wholePolicy,
  name: "resolve",
  frontOffice: { scope: "resolve", skillCoverage: 1 },
  handlingTime: { frontMinutes: null, frontFactor: null, stepFactor: null, cutShortProbability: 0 },
  progressInformation: "none",
});

interface QueueStats {
  readonly meanWait: number;
  readonly renegedShare: number;
  readonly servedPerWeek: number;
}

/** The model's contact records of the window, as queue statistics. */
function modelRun(replication: number): QueueStats {
  const run = simulate(parseScenario(officeHoursScenario({ phone: { whenClosed: "queue", patienceFrom: "arrival" } })), resolveEverything, {
    seed: 13,
    replication,
    journal: { every: 0 },
  });
  const c = run.contacts;
  let waits = 0;
  let reneged = 0;
  let served = 0;
  for (let i = 0; i < c.length; i++) {
    waits += c.wait[i] as number;
    if (c.outcome[i] === Outcome.abandoned) reneged++;
    else served++;
  }
  expect(served + reneged).toBe(c.length);
  return { meanWait: waits / c.length, renegedShare: reneged / c.length, servedPerWeek: served / ((HORIZON - WARMUP) / WEEK) };
}

/** The same queue run directly on the engine: Poisson calls, exponential service and patience. */
function engineRun(replication: number): QueueStats {
  const sim = new Simulation();
  const hours = WeeklyCalendar.fromIntervals(parseHours(HOURS));
  const gap = exponential(WEEK / ARRIVALS_PER_WEEK);
  const service = exponential(SERVICE_MEAN);
  const patience = exponential(PATIENCE_MEAN);
  const rng = createStream(17, replication, "engine:queue");
  const arrivedAt: number[] = [];
  let waits = 0;
  let reneged = 0;
  let served = 0;
  let counted = 0;
  const inWindow = (c: number) => (arrivedAt[c] as number) >= WARMUP && (arrivedAt[c] as number) < HORIZON;
  const line = new Team(sim, { servers: STAFF, serverHours: Array.from({ length: STAFF }, () => hours), discipline: "priority" }, {
    started: (c, _tag, waited) => {
      if (!inWindow(c)) return;
      waits += waited;
      served++;
    },
    done: () => {},
    reneged: (c, _tag, waited) => {
      if (!inWindow(c)) return;
      waits += waited;
      reneged++;
    },
  });
  const call = () => {
    const c = arrivedAt.length;
    arrivedAt.push(sim.now);
    if (inWindow(c)) counted++;
    line.arrive(c, service.sample(rng), 0, 0, patience.sample(rng));
    const next = sim.now + gap.sample(rng);
    if (next < HORIZON) sim.scheduleAt(next, call);
  };
  sim.scheduleAt(gap.sample(rng), call);
  sim.run({ until: HORIZON + 4 * WEEK });
  expect(served + reneged).toBe(counted);
  return { meanWait: waits / counted, renegedShare: reneged / counted, servedPerWeek: served / ((HORIZON - WARMUP) / WEEK) };
}

describe("channel rules: queue while closed, patience from arrival", () => {
  it("an office-hours phone line agrees with the engine run of the same M/M/2+M queue (wait, reneged share, throughput)", () => {
    const model = Array.from({ length: R }, (_, r) => modelRun(r));
    const engine = Array.from({ length: R }, (_, r) => engineRun(r));
    for (const key of ["meanWait", "renegedShare", "servedPerWeek"] as const) {
      const m = model.map((x) => x[key]);
      const e = engine.map((x) => x[key]);
      const d = independentDifference(m, e, 0.99);
      const [lo, hi] = d.ci as [number, number];
      expect(0, `${key}: model ${interval(m).mean} vs engine ${interval(e).mean}, 99% interval of the difference [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
      expect(0, key).toBeLessThanOrEqual(hi);
      // the test has teeth: each side's 99% interval within ±5% of its mean
      expect(interval(m).halfWidth / interval(m).mean, `${key} (model)`).toBeLessThan(0.05);
      expect(interval(e).halfWidth / interval(e).mean, `${key} (engine)`).toBeLessThan(0.05);
    }
    // a queue where the rules matter: many calls wait overnight and many hang up
    expect(interval(engine.map((x) => x.renegedShare)).mean).toBeGreaterThan(0.2);
    expect(interval(engine.map((x) => x.meanWait)).mean).toBeGreaterThan(60);
  }, 300_000);
});
