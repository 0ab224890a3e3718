/**
 * The run-cost estimate and check (src/analysis/runCost.ts): against what runs of the built-in
 * scenarios really fire, the one-line refusal, how figures are put into words, and the figures
 * of docs/performance.md ("What a run costs"), which must be the code's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RECORD_BYTES } from "../../src/analysis/runCost.js";
import { bytes, count } from "../../src/analysis/runCostCheck.js";
import {
  checkExperimentCost,
  checkRunCost,
  combineRunCosts,
  estimateRunCost,
  loadScenario,
  offeredLoad,
  Outcome,
  parseScenarioText,
  policies,
  RUN_COST_LIMITS,
  runWindow,
  simulate,
  type Policy,
  type RunCost,
  type Scenario,
} from "../../src/index.js";
import { MAX_DEMAND_TYPES } from "../../src/scenario/schema.js";
import { MAX_TEXT_CHARACTERS } from "../../src/scenario/parse.js";
import { swampedTeaching } from "./swampedTeaching.js";

const DOC = readFileSync(join(__dirname, "..", "..", "docs", "performance.md"), "utf8");
const SMALL_TOWN = readFileSync(join(__dirname, "..", "..", "examples", "scenarios", "small-town.yaml"), "utf8");

const windowOf = (s: Scenario, o: { horizon?: string; warmup?: string; drain?: string } = {}) => runWindow(s, o);

/**
 * The estimate's hang-ups (half its redial events: a hang-up and the try after it) within a factor
 * of 3 of a run's: the contacts abandoned in the window, scaled to the whole run. Before Erlang A
 * (2026-12-06) a year of soderhamn under whole, whose reception is offered 101% of its capacity,
 * came out at 3.8 times the run's, since every try at a line at or over capacity hung up.
 */
function expectHangUpsNear(cost: RunCost, run: ReturnType<typeof simulate>): void {
  let abandoned = 0;
  for (let i = 0; i < run.contacts.length; i++) if (run.contacts.outcome[i] === Outcome.abandoned) abandoned++;
  const inRun = (abandoned * run.endMinutes) / (run.horizonMinutes - run.warmupMinutes);
  const estimated = cost.eventsBySource.redials / 2;
  if (inRun < 50) return expect(estimated).toBeLessThan(150); // too few to compare as a ratio
  expect(estimated / inRun).toBeGreaterThan(1 / 3);
  expect(estimated / inRun).toBeLessThan(3);
}

describe("the estimate against real runs", () => {
  // every built-in scenario and the example file, one run of each preset with its own window
  const cases: [string, Scenario][] = [
    ["soderhamn", loadScenario("soderhamn")],
    ["teaching", loadScenario("teaching")],
    ["standard-work", loadScenario("standard-work")],
    ["small-town", parseScenarioText(SMALL_TOWN, "yaml")],
  ];
  for (const [name, s] of cases) {
    for (const p of [policies.minutes, policies.whole]) {
      it(`${name} under ${p.name}: the events of a run within a factor of 3 of the estimate`, () => {
        const cost = estimateRunCost(s, [p], windowOf(s));
        const run = simulate(s, p, { seed: 1, journal: { every: 0 } });
        expect(cost.eventsPerRun / run.events).toBeGreaterThan(1 / 3);
        expect(cost.eventsPerRun / run.events).toBeLessThan(3);
        expectHangUpsNear(cost, run);
        // far below every limit: an ordinary run is neither warned about nor refused
        expect(checkRunCost(estimateRunCost(s, [policies.minutes, policies.whole], windowOf(s), { replications: 10 }))).toEqual([]);
      });
    }
  }

  it("an overloaded desk whose callers hang up sheds load: ten years of soderhamn under whole cost about ten times one, as the run does", () => {
    // whole puts more on the reception desk than it can answer (utilisation about 1.06): callers
    // who will not wait hang up, so its line does not grow all run long, and neither do the lives
    // of needs, their chases nor the redials (the estimate used to grow with the square of the
    // run and beyond, refusing this run at about 600 million events where it fires 1.6 million)
    const s = loadScenario("soderhamn");
    const ten = windowOf(s, { horizon: "520 weeks" });
    const cost = estimateRunCost(s, [policies.whole], ten);
    const year = estimateRunCost(s, [policies.whole], windowOf(s));
    expect(cost.eventsPerRun / year.eventsPerRun).toBeLessThan(12);
    expect(() => checkRunCost(cost)).not.toThrow();
    const run = simulate(s, policies.whole, { seed: 1, horizon: "520 weeks", journal: { every: 0 } });
    expect(cost.eventsPerRun / run.events).toBeGreaterThan(1 / 3);
    expect(cost.eventsPerRun / run.events).toBeLessThan(3);
  });

  it("a desk swamped by callers never answers written chases, so their citizens chase about once: teaching at 4.33 times its arrivals, as the run does", () => {
    // the desk is offered 153% of its capacity, 73% of it first calls and visits (which go
    // first), the officers 339%. Written chases wait at the desk for good, and callers who hang
    // up at the first contact mostly write instead, so few needs chase at the chase rate all
    // their long lives. The estimate used to let every open need chase at that rate: 3.8 million
    // events for a year that fires 0.28 million, and 177 million for ten years (refused) where
    // the run fires 3.1 million (test/long/runCost.test.ts runs the ten years)
    const year = swampedTeaching("52 weeks");
    const cost = estimateRunCost(year, [policies.minutes], windowOf(year));
    const run = simulate(year, policies.minutes, { seed: 1, journal: { every: 0 } });
    expect(cost.eventsPerRun / run.events).toBeGreaterThan(1 / 3);
    expect(cost.eventsPerRun / run.events).toBeLessThan(3);
    expectHangUpsNear(cost, run);
    // docs/performance.md quotes the run's events
    expect(DOC).toContain(`a year's run fires ${count(run.events)} events`);
    expect(DOC).toContain(`so the estimate is ${(cost.eventsPerRun / run.events).toFixed(1)} and`);
    const load = new Map(offeredLoad(year, policies.minutes).map((t) => [t.team, t]));
    const pct = (team: string) => Math.round(100 * load.get(team)!.utilisation);
    expect(DOC.replace(/\s+/g, " ")).toContain(`(desk offered ${pct("desk")}% of its capacity, officers ${pct("officers")}%;`);
    const ten = swampedTeaching("520 weeks");
    expect(() => checkRunCost(estimateRunCost(ten, [policies.minutes], windowOf(ten)))).not.toThrow();
  });

  it("adds up over replications and policies; memory counts the runs at once and what every run keeps", () => {
    const s = loadScenario("teaching");
    const one = estimateRunCost(s, [policies.minutes], windowOf(s));
    const both = estimateRunCost(s, [policies.minutes, policies.whole], windowOf(s), { replications: 10 });
    const whole = estimateRunCost(s, [policies.whole], windowOf(s));
    expect(both.runs).toBe(20);
    expect(both.events).toBeCloseTo(10 * (one.events + whole.events), 3);
    expect(both.eventsPerRun).toBe(Math.max(one.eventsPerRun, whole.eventsPerRun));
    const four = estimateRunCost(s, [policies.minutes], windowOf(s), { replications: 10, concurrent: 4 });
    const serial = estimateRunCost(s, [policies.minutes], windowOf(s), { replications: 10 });
    expect(four.bytes - serial.bytes).toBeCloseTo(3 * serial.bytesPerRun, 3);
    expect(serial.bytesBySource.results).toBeCloseTo(10 * one.bytesBySource.results, 3);
    const sum = combineRunCosts([one, whole]);
    expect(sum.runs).toBe(2);
    expect(sum.events).toBeCloseTo(one.events + whole.events, 6);
    expect(() => estimateRunCost(s, [policies.minutes], windowOf(s), { concurrent: 0 })).toThrow(/concurrent must be a number ≥ 1, got 0/);
  });

  it("counts the journal a run keeps: simulate's, or none for the replications of an experiment", () => {
    const s = loadScenario("soderhamn");
    const w = windowOf(s);
    const byDefault = estimateRunCost(s, [policies.minutes], w);
    const none = estimateRunCost(s, [policies.minutes], w, { journal: { every: 0 } });
    const dense = estimateRunCost(s, [policies.minutes], w, { journal: { every: 1, max: 1e9 } });
    expect(none.bytesBySource.journal).toBe(0);
    expect(byDefault.bytesPerRun - none.bytesPerRun).toBeCloseTo(byDefault.bytesBySource.journal, 3);
    expect(dense.bytesBySource.journal).toBeGreaterThan(5 * byDefault.bytesBySource.journal);
    // the cap is on the run's journaled needs, not on each service's: a cap of one need keeps about one need's rows
    const one = estimateRunCost(s, [policies.minutes], w, { journal: { every: 1, max: 1 } });
    expect(one.bytesBySource.journal).toBeLessThan(1e4);
    // an experiment's replications keep none (runReplication), and its estimate counts none
    expect(checkExperimentCost(s, [policies.minutes], { replications: 2 }).bytesBySource.journal).toBe(0);
    expect(() => estimateRunCost(s, [policies.minutes], w, { journal: { every: -1 } })).toThrow(/journal.every must be a number ≥ 0, got -1/);
    // a run's journal rows: the estimate of simulate's default within a factor of 3 of a run's
    const run = simulate(s, policies.minutes, { seed: 1 });
    const rows = byDefault.bytesBySource.journal / (RECORD_BYTES.journal * 2.5);
    expect(rows / run.journal.length).toBeGreaterThan(1 / 3);
    expect(rows / run.journal.length).toBeLessThan(3);
  });

  it("grows with the window and with storms, as the run does", () => {
    const s = loadScenario("teaching");
    const year = estimateRunCost(s, [policies.whole], windowOf(s)).eventsPerRun;
    const tenYears = estimateRunCost(s, [policies.whole], windowOf(s, { horizon: "520 weeks" })).eventsPerRun;
    expect(tenYears / year).toBeGreaterThan(5);
    const storm: Scenario = { ...s, mechanisms: { ...s.mechanisms, updateIntervalMinutes: 1 / 60 } };
    const cost = estimateRunCost(storm, [policies.whole], windowOf(s));
    expect(cost.eventsBySource.updates / cost.eventsPerRun).toBeGreaterThan(0.9);
    expect(estimateRunCost(storm, [policies.minutes], windowOf(s)).eventsBySource.updates).toBe(0); // no updates promised
  });

  it("counts hang-ups on written channels that have a patience, not on those without", () => {
    const s = loadScenario("teaching");
    const patient: Scenario = {
      ...s,
      citizens: { ...s.citizens, eformPatience: { mean: 0.01, cv: 0 }, emailPatience: { mean: 0.01, cv: 0 }, redialProbability: 1, giveUpProbability: 0, redialDelay: { mean: 0.01, cv: 0 } },
      services: s.services.map((v) => ({ ...v, channelMix: [0, 0, 0.5, 0.5] })),
    };
    const none: Scenario = { ...patient, citizens: { ...patient.citizens, eformPatience: null, emailPatience: null } };
    expect(estimateRunCost(none, [policies.whole], windowOf(s)).eventsBySource.redials).toBe(0);
    // a written contact with a patience of a second is given up and sent again until a server
    // is free for it: behind the backlog of the night, for hours
    const o = { horizon: "6 weeks", warmup: "1 week", drain: "1 week" };
    const storm = estimateRunCost(patient, [policies.whole], windowOf(s, o));
    expect(storm.eventsBySource.redials / storm.eventsPerRun).toBeGreaterThan(0.9);
    const run = simulate(patient, policies.whole, { ...o, allowLarge: true, journal: { every: 0 } });
    expect(storm.eventsPerRun / run.events).toBeGreaterThan(1 / 3);
    expect(storm.eventsPerRun / run.events).toBeLessThan(3);
    expect(() => checkRunCost(estimateRunCost(patient, [policies.whole], windowOf(s, { horizon: "520 weeks" })))).toThrow(/mostly hang-ups and redials/);
  });

  it("counts the bytes per row of a run's records", () => {
    const s = loadScenario("teaching");
    const run = simulate(s, policies.whole, { horizon: "4 weeks", warmup: "1 week" });
    const bytesPerRow = (r: object) =>
      Object.values(r).reduce<number>((a, v) => a + (ArrayBuffer.isView(v) ? (v as Float64Array).BYTES_PER_ELEMENT : Array.isArray(v) ? v.reduce<number>((b, c: Float64Array) => b + c.BYTES_PER_ELEMENT, 0) : 0), 0);
    expect(bytesPerRow(run.needs)).toBe(RECORD_BYTES.need);
    expect(bytesPerRow(run.contacts)).toBe(RECORD_BYTES.contact);
    expect(bytesPerRow(run.journal)).toBe(RECORD_BYTES.journal);
  });

  it("stops a run whose records pass the memory stop, with one line, unless allowLarge", () => {
    const s = loadScenario("teaching");
    const w = { horizon: "12 weeks", warmup: "2 weeks" };
    expect(() => simulate(s, policies.minutes, { ...w, maxRecordBytes: 2e5 })).toThrow(/^the run was stopped on day \d+ when its records passed 200 KB \(the most a run may keep; about .* were estimated before it started\): .* or pass --allow-large/);
    expect(() => simulate(s, policies.minutes, { ...w, maxRecordBytes: 2e5, allowLarge: true })).toThrow(/records passed 200 KB \(the most a run may keep\)/); // asked for, it holds
    expect(simulate(s, policies.minutes, { ...w, maxRecordBytes: 1e9 }).needs.length).toBeGreaterThan(0);
    expect(() => simulate(s, policies.minutes, { maxRecordBytes: -1 })).toThrow(/maxRecordBytes must be a number of bytes ≥ 0, got -1/);
  });
});

describe("the check", () => {
  const s = loadScenario("teaching");
  const huge = estimateRunCost(s, [policies.whole], windowOf(s, { horizon: "10000 years" }));

  it("refuses past a limit with one line: the estimate, the limit, the cause, the way out", () => {
    let message = "";
    try {
      checkRunCost(huge);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^too large to run: about \d+ million events in one run, mostly .* \(limit 50 million\); about \d+ GB of memory, mostly need and contact records \(limit 4 GB\)/);
    expect(message).toContain('(docs/performance.md, "What a run costs")');
    expect(message).toMatch(/or pass --allow-large \(allowLarge: true\) to run it anyway$/);
    expect(message).not.toContain("\n");
  });

  it("under allowLarge warns instead, and warns near the limits", () => {
    expect(checkRunCost(huge, { allowLarge: true })).toEqual([expect.stringMatching(/^running past the limits \(--allow-large\): about \d+ million events in one run/)]);
    const near: RunCost = { ...huge, runs: 1, events: 3e7, eventsPerRun: 3e7, bytes: 1e6, bytesPerRun: 1e6, caseSteps: 4 };
    expect(checkRunCost(near)).toEqual([expect.stringMatching(/^a large run: about 30 million events in one run, mostly /)]);
  });

  it("puts figures into words", () => {
    expect([count(999), count(12_345), count(3.2e6), count(4.55e9), count(7e12), count(2e18)]).toEqual(["999", "12,345", "3.2 million", "4.5 billion", "7 trillion", "2.0e18"]);
    expect([bytes(512), bytes(540e6), bytes(2.6e10), bytes(3.1e12), bytes(2e18)]).toEqual(["512 bytes", "540 MB", "26 GB", "3.1 TB", "2.0e18 bytes"]);
  });
});

/** small-town with changes, for the table of examples in docs/performance.md. */
function town(change: (text: string) => string): Scenario {
  return parseScenarioText(change(SMALL_TOWN), "yaml");
}

/** The table of examples: what the estimate says of some runs, and the verdict of the check. */
function examples(): string[] {
  const rows: [string, Scenario, Policy[], { horizon?: string; warmup?: string }, number][] = [
    ["soderhamn, both presets, 10 replications (the default)", loadScenario("soderhamn"), [policies.minutes, policies.whole], {}, 10],
    ["soderhamn, both presets, 1,000 replications", loadScenario("soderhamn"), [policies.minutes, policies.whole], {}, 1000],
    ["teaching, whole, one run of 10,000 years", loadScenario("teaching"), [policies.whole], { horizon: "10000 years" }, 1],
    ["teaching, both presets, 10⁹ replications of a day", loadScenario("teaching"), [policies.minutes, policies.whole], { horizon: "1 day", warmup: "0 min" }, 1e9],
    ["small-town, whole, an update every second, 2 weeks", town((t) => `${t.replace("horizon: 52 weeks", "horizon: 2 weeks").replace("warmup: 8 weeks", "warmup: 1 week").replace("drain: 26 weeks", "drain: 2 weeks")}mechanisms:\n  updateInterval: 1 s\n`), [policies.whole], {}, 1],
    ["small-town, whole, an update every second", town((t) => `${t}mechanisms:\n  updateInterval: 1 s\n`), [policies.whole], {}, 1],
    ["small-town, whole, callers redialling every millisecond", town((t) => `${t}citizens:\n  redialProbability: 1\n  giveUpProbability: 0\n  redialDelay: { mean: 0.001 s, cv: 0 }\n  phonePatience: { mean: 0.001 s, cv: 0 }\n`), [policies.whole], {}, 1],
    ["teaching at 4.33 times its arrivals, minutes, one year", swampedTeaching("52 weeks"), [policies.minutes], {}, 1],
    ["teaching at 4.33 times its arrivals, minutes, ten years", swampedTeaching("520 weeks"), [policies.minutes], {}, 1],
    ["small-town, minutes, 99,000,000 permits a year", town((t) => t.replace("arrivals: 4000 / year", "arrivals: 99000000 / year")), [policies.minutes], {}, 1],
  ];
  return rows.map(([what, s, ps, w, replications]) => {
    // as compare and run check them: their replications keep no journal
    const cost = estimateRunCost(s, ps, windowOf(s, w), { replications, journal: { every: 0 } });
    let verdict: string;
    try {
      verdict = checkRunCost(cost).length > 0 ? "warned" : "runs";
    } catch {
      verdict = "**refused**";
    }
    return `| ${what} | ${count(cost.runs)} | ${count(cost.eventsPerRun)} | ${count(cost.events)} | ${bytes(cost.bytes)} | ${verdict} |`;
  });
}

describe("docs/performance.md, \"What a run costs\"", () => {
  it("lists the limits of the code", () => {
    const L = RUN_COST_LIMITS;
    const rows: [string, string][] = [
      ["warnEventsPerRun", count(L.warnEventsPerRun)],
      ["refuseEventsPerRun", count(L.refuseEventsPerRun)],
      ["stopEventsPerRun", count(L.stopEventsPerRun)],
      ["stopBytesPerRun", bytes(L.stopBytesPerRun)],
      ["warnEvents", count(L.warnEvents)],
      ["refuseEvents", count(L.refuseEvents)],
      ["warnBytes", bytes(L.warnBytes)],
      ["refuseBytes", bytes(L.refuseBytes)],
      ["caseSteps", count(L.caseSteps)],
    ];
    for (const [key, value] of rows) expect(DOC, key).toMatch(new RegExp(`\\| \`${key}\` \\| ${value} \\|`));
    expect(Object.keys(L).sort()).toEqual(rows.map(([k]) => k).sort());
    expect(DOC).toContain(`| \`demandTypes\` of a service (validation) | ${MAX_DEMAND_TYPES.toLocaleString("en")} |`);
    expect(DOC).toContain(`| characters of a scenario or policy text | ${MAX_TEXT_CHARACTERS.toLocaleString("en")} |`);
  });

  it("gives the estimates the code makes (else: paste the rows printed here)", () => {
    const want = examples();
    const missing = want.filter((row) => !DOC.includes(row));
    if (missing.length > 0) expect.fail(`docs/performance.md lacks these rows:\n${want.join("\n")}`);
  });
});
