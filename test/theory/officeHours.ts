/**
 * The office-hours queue of test/theory/channelRules.test.ts: the model's run of a one-team
 * scenario whose calls queue while closed with patience from arrival, and the direct engine run
 * of the same M/M/2+M queue with opening hours. Shared by the test and by the sentence of
 * docs/engine.md (`officeHoursSentence`, written by scripts/theoryReport.ts --write).
 */
import { Simulation, Team, WeeklyCalendar } from "../../src/engine/index.js";
import { simulate } from "../../src/model/index.js";
import { Outcome } from "../../src/model/codes.js";
import { validatePolicy, wholePolicy } from "../../src/policy/index.js";
import { createStream, exponential } from "../../src/random/index.js";
import { parseHours, parseScenario, type ScenarioInput } from "../../src/scenario/index.js";
import { interval } from "./network.js";

/** Replications of each side. */
export const R = 20;
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

export interface QueueStats {
  readonly meanWait: number;
  readonly renegedShare: number;
  readonly servedPerWeek: number;
}

/** The model's contact records of the window, as queue statistics. */
export function modelRun(replication: number): QueueStats {
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
  if (served + reneged !== c.length) throw new Error("a contact neither served nor reneged");
  return { meanWait: waits / c.length, renegedShare: reneged / c.length, servedPerWeek: served / ((HORIZON - WARMUP) / WEEK) };
}

/** The same queue run directly on the engine: Poisson calls, exponential service and patience. */
export function engineRun(replication: number): QueueStats {
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
  if (served + reneged !== counted) throw new Error("a call neither served nor reneged");
  return { meanWait: waits / counted, renegedShare: reneged / counted, servedPerWeek: served / ((HORIZON - WARMUP) / WEEK) };
}


function once<T>(f: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
}

/** The R replications of each side, run at the first call. */
export const officeHours = once(() => ({
  model: Array.from({ length: R }, (_, r) => modelRun(r)),
  engine: Array.from({ length: R }, (_, r) => engineRun(r)),
}));

/** Words wrapped at 96 characters, as the docs are. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > 96) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

/** The paragraph of docs/engine.md on this check, with each side's mean ± 99% half-width. */
export function officeHoursParagraph(): string {
  const { model, engine } = officeHours();
  const pm = (values: number[], digits: number) => {
    const ci = interval(values);
    return `${ci.mean.toFixed(digits)} ± ${ci.halfWidth.toFixed(digits)}`;
  };
  const both = (key: keyof QueueStats, digits: number) => [pm(model.map((x) => x[key]), digits), pm(engine.map((x) => x[key]), digits)];
  const [wm, we] = both("meanWait", 1);
  const [rm, re] = both("renegedShare", 3);
  const [sm, se] = both("servedPerWeek", 1);
  return wrap(
    "The model on top of the engine is checked the same way where it reduces to a plain queue: a " +
      "one-team office-hours scenario whose phone calls queue while the team is closed, with patience " +
      "from arrival (channel rules), exponential work and exponential patience, against a direct engine " +
      `run of that M/M/2+M queue with the same hours (\`test/theory/channelRules.test.ts\`, ${R} ` +
      `replications each): mean wait ${wm} minutes in the model and ${we} in the engine, ` +
      `share reneged ${rm} and ${re}, calls served a week ${sm} and ${se} ` +
      "(99% intervals); the 99% Welch interval of each difference holds 0.",
  );
}
