/**
 * Offered load before a run: hand-checked arithmetic on a tiny scenario, pooling under one case
 * owner, the words of the warnings, the built-in scenarios, and the analysis against the
 * simulation with every failure mechanism switched off.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOAD_CHECK_SCENARIOS, loadComparisons } from "./loadCheck.js";
import { create, lusolveDependencies, type FactoryFunctionMap } from "mathjs";
import { loadWarnings, offeredLoad, presentShare, serviceRouting, type TeamLoad } from "../../src/analysis/index.js";
import { loadAnalysis } from "../../src/analysis/offeredLoad.js";
import { solveVisits } from "../../src/analysis/visits.js";
import { planTeams } from "../../src/model/index.js";
import { loadScenario, parseScenario, policies, simulate, summarise, type Policy, type Scenario } from "../../src/index.js";

/**
 * Four teams, two services. Opening hours: desk and case workers Mon–Fri 08:00–16:00 = 2,400
 * min/wk, expert Mon–Fri 08:00–13:00 = 1,500, field crew Mon–Fri 07:00–16:00 = 2,700.
 */
const tiny: Scenario = parseScenario({
  name: "tiny",
  population: 1000,
  costPerStaffHour: 500,
  teams: [
    { id: "desk", name: "front desk", role: "front", staff: 1, hours: "Mon-Fri 08:00-16:00", channels: ["phone", "visit", "email"] },
    { id: "caseWorkers", name: "case workers", role: "caseWork", staff: 1, hours: "Mon-Fri 08:00-16:00" },
    { id: "expert", name: "technical expert", role: "specialist", staff: 1, hours: "Mon-Fri 08:00-13:00" },
    { id: "crew", name: "field crew", role: "field", staff: 1, hours: "Mon-Fri 07:00-16:00" },
  ],
  services: [
    {
      id: "permit",
      name: "building permit",
      arrivals: "100 / week",
      demandTypes: 4,
      typeConcentration: 0, // four equally common types
      frontResolvableShare: 0.5,
      caseShare: 0.5,
      frontWork: { mean: "10 min", cv: 0.5 },
      backOfficeWork: { mean: "20 min", cv: 0.5 },
      backOffice: "caseWorkers",
      specialistShare: 0.4,
      informationQuality: 0.8,
      selfServiceShare: 0.5,
      channelMix: { phone: 0.5, visit: 0.1, email: 0.2, eform: 0.2 },
      expectation: "4 weeks",
      steps: [
        { id: "intake", team: "caseWorkers", work: { mean: "30 min", cv: 0.5 }, checksCompleteness: true },
        { id: "review", team: "expert", work: { mean: "60 min", cv: 0.5 }, specialist: true },
        { id: "visit", team: "crew", work: { mean: "40 min", cv: 0.5 }, failureProbability: 0.2 },
        { id: "decision", team: "caseWorkers", work: { mean: "19 min", cv: 0.5 } },
      ],
    },
    {
      id: "questions",
      name: "general questions",
      arrivals: "40 / week",
      demandTypes: 2,
      typeConcentration: 0,
      frontResolvableShare: 1,
      caseShare: 0,
      frontWork: { mean: "6 min", cv: 0.5 },
      backOfficeWork: { mean: "8 min", cv: 0.5 },
      backOffice: "caseWorkers",
      informationQuality: 0.5,
      selfServiceShare: 0.5,
      channelMix: { phone: 1 },
      expectation: "3 days",
    },
  ],
  // nobody is away: the hand arithmetic below is about routing (absence is checked on its own)
  mechanisms: { sicknessSpells: "0 / year", holidayWeeks: 0 },
});

/** The minutes preset without batches: hand-offs, log and pass, closure at the step's end, completeness by letter. */
const flowHandoffs: Policy = { ...policies.minutes, name: "flow hand-offs", batching: { everyMinutes: null, byRole: {}, steps: {} } };

function byTeam(loads: readonly TeamLoad[]): Record<string, TeamLoad> {
  return Object.fromEntries(loads.map((t) => [t.team, t]));
}

describe("offeredLoad on a scenario small enough to check by hand", () => {
  // Per week, permit: 100 needs, C = 50 cases, 50 enquiries of which 50 × 0.8 × 0.5 = 20 serve
  // themselves, so E = 30 make contact (all channels reach the desk; e-forms go to the e-mail
  // team). Cases by e-form (50 × 0.2 = 10) skip the desk: 40 case contacts. Questions: 40
  // needs, 40 × 0.5 × 0.5 = 10 self-served, 30 contacts. Clarifications: 50 × (1 − 0.8) = 10
  // incomplete cases at intake (clarificationWork 10 min, the default). Specialists: 50 × 0.4 =
  // 20 reviews. The field visit fails with p = 0.2: 1/(1 − 0.2) = 1.25 visits per case.

  it("under hand-offs in flow (logAndPass, coverage 0.3)", () => {
    // Repertoire: permit ceil(0.3 × 0.5 × 4) = 1 of 4 types: 1/4 resolved, 3/4 passed on;
    // questions ceil(0.3 × 1 × 2) = 1 of 2: 1/2 passed on.
    // desk: permit (30 + 40) × 10 = 700, questions 30 × 6 = 180: 880 ÷ 2,400 = 0.3667
    // case workers: call-backs 30 × 0.75 × 20 = 450 + intake 50 × 30 = 1,500 + clarifications
    //   10 × 10 = 100 + decision 50 × 19 = 950 + questions 30 × 0.5 × 8 = 120: 3,120 ÷ 2,400 = 1.3
    // expert: 20 × 60 = 1,200 ÷ 1,500 = 0.8;  crew: 50 × 1.25 × 40 = 2,500 ÷ 2,700 = 0.9259
    const t = byTeam(offeredLoad(tiny, flowHandoffs));
    expect(t["desk"]?.offeredMinutesPerWeek).toBeCloseTo(880, 9);
    expect(t["desk"]?.byService).toEqual({ permit: expect.closeTo(700, 9), questions: expect.closeTo(180, 9) });
    expect(t["caseWorkers"]?.offeredMinutesPerWeek).toBeCloseTo(3120, 9);
    expect(t["caseWorkers"]?.utilisation).toBeCloseTo(1.3, 12);
    expect(t["expert"]?.offeredMinutesPerWeek).toBeCloseTo(1200, 9);
    expect(t["crew"]?.offeredMinutesPerWeek).toBeCloseTo(2500, 9);
    expect(t["crew"]?.utilisation).toBeCloseTo(2500 / 2700, 12);
    expect(t["crew"]).toMatchObject({ staff: 1, openMinutesPerWeek: 2700, role: "field", name: "field crew" });
  });

  it("counts the first contacts by citizens with a patience: phone and visit, written channels only when given one", () => {
    // permit enquiries 30 (phone 15, visit 3, e-mail 6, e-form 6) and cases 40 at the desk
    // (phone 25, visit 5, e-mail 10), 10 min each; questions 30 by phone, 6 min each.
    // Patient by default (phone, visit): 18 × 10 + 30 × 10 + 30 × 6 = 660 of the desk's 880.
    const desk = (s: Scenario) => byTeam(offeredLoad(s, flowHandoffs))["desk"]!;
    expect(desk(tiny).patientMinutesPerWeek).toBeCloseTo(660, 9);
    // an e-mail patience adds the e-mailed enquiries and cases (6 + 10) × 10; an e-form one the e-formed enquiries 6 × 10
    const email = { ...tiny, citizens: { ...tiny.citizens, emailPatience: { mean: 2880, cv: 1 } } };
    expect(desk(email).patientMinutesPerWeek).toBeCloseTo(820, 9);
    expect(desk({ ...email, citizens: { ...email.citizens, eformPatience: { mean: 2880, cv: 1 } } }).patientMinutesPerWeek).toBeCloseTo(880, 9);
    // no other team answers first contacts
    for (const t of offeredLoad(tiny, flowHandoffs)) if (t.team !== "desk") expect(t.patientMinutesPerWeek, t.team).toBe(0);
  });

  it("solves the rework loop: 1.25 visits per case to a step that fails with p = 0.2", () => {
    const visit = serviceRouting(tiny, flowHandoffs).find((r) => r.service === "permit" && r.label === "visit");
    expect(visit?.visits).toBeCloseTo(0.5 * 1.25, 12); // per need: case share 0.5 × 1/(1 − 0.2)
    expect(visit).toMatchObject({ team: "crew", minutes: 40 });
  });

  it("rejects a step that always fails (its work would never end)", () => {
    const [permit, questions] = tiny.services;
    const steps = permit!.steps.map((st) => (st.id === "visit" ? { ...st, failureProbability: 1 } : st));
    const broken: Scenario = { ...tiny, services: [{ ...permit!, steps }, questions!] };
    expect(() => offeredLoad(broken, flowHandoffs)).toThrow(/services\.permit\.steps\.visit\.failureProbability must be below 1, got 1/);
  });

  it("under the minutes preset: weekly batches save set-up on work that lands in an inbox", () => {
    // Every step is a hand-off (none follows a step of the same team), so every step saves
    // batchSetupSaving 0.1; call-backs and clarifications do not.
    // case workers: 450 + 1,500 × 0.9 + 100 + 950 × 0.9 + 120 = 2,875; expert 1,080; crew 2,250
    const t = byTeam(offeredLoad(tiny, policies.minutes));
    expect(t["caseWorkers"]?.offeredMinutesPerWeek).toBeCloseTo(2875, 9);
    expect(t["expert"]?.offeredMinutesPerWeek).toBeCloseTo(1080, 9);
    expect(t["crew"]?.offeredMinutesPerWeek).toBeCloseTo(2250, 9);
  });

  it("under the whole preset: pooled owners, consults, help at the first contact, confirmations", () => {
    // Pool: case workers + crew (the permit's non-specialist step teams and its back office),
    // 2 staff, capacity 2,400 + 2,700 = 5,100. Repertoire: permit ceil(0.8 × 0.5 × 4) = 2 of 4,
    // questions ceil(0.8 × 2) = 2 of 2 (all resolved). Generalist penalty 0.15 × the share of
    // the pool not from the step's own team (1 − 1/2) = 0.075 on every pooled step.
    // Breadth (0.8 − 0.3) / (1 − 0.3) = 5/7: own-request front contacts take 1 + 0.15 × 5/7 of
    // the front work, and the desk trains 40 h × 5/7 a year; the pooled owners 40 h each.
    // desk: enquiries 30 × 10 f; case contacts complete 40 × 0.8 × 10 f, incomplete
    //   40 × 0.2 × (10 f + 10 help); questions 30 × 6 f: 880 f + 80; relays of the permit's
    //   consults 15 × 5 = 75; training 2,400 × 5/7 ÷ 52
    // owners: consults 30 × 0.5 × 1 × 20 = 300 (consultShare 1); clarifications (8 × (1 − 0.8)
    //   by the front + 10 × 0.2 by e-form) × 10 = 36; intake 50 × 30 × 1.075 = 1,612.5; visit
    //   50 × 1.25 × 40 × 1.075 = 2,687.5; decision 50 × 19 × 1.075 = 1,021.25; confirmations
    //   50 × 3 = 150; relays of the 20 reviews × 5 = 100; training 2 × 2,400 ÷ 52
    // expert: 20 consults × 60 = 1,200 (a consult has no generalist penalty)
    const b = 5 / 7;
    const f = 1 + 0.15 * b;
    const ownersLoad = 300 + 36 + 1612.5 + 2687.5 + 1021.25 + 150 + 100 + 4800 / 52;
    const loads = offeredLoad(tiny, policies.whole);
    const t = byTeam(loads);
    expect(loads.map((x) => x.team)).toEqual(["desk", "owners:caseWorkers+crew", "expert"]);
    const owners = t["owners:caseWorkers+crew"]!;
    expect(owners).toMatchObject({ staff: 2, role: "caseWork", name: "case owners (case workers, field crew)" });
    expect(owners.staff * owners.openMinutesPerWeek).toBeCloseTo(5100, 9);
    expect(owners.offeredMinutesPerWeek).toBeCloseTo(ownersLoad, 9);
    expect(owners.trainingMinutesPerWeek).toBeCloseTo(4800 / 52, 9);
    expect(owners.utilisation).toBeCloseTo(ownersLoad / 5100, 12);
    expect(t["desk"]?.offeredMinutesPerWeek).toBeCloseTo(880 * f + 80 + 75 + (2400 * b) / 52, 9);
    expect(t["expert"]?.offeredMinutesPerWeek).toBeCloseTo(1200, 9);
  });
});

describe("absence", () => {
  it("takes the expected time away from capacity: sickness spells × their length and the holiday weeks", () => {
    const away: Scenario = { ...tiny, mechanisms: { ...tiny.mechanisms, sicknessSpellsPerMinute: 4 / (52 * 10080), sicknessLength: { mean: 3 * 1440, cv: 1 }, holidayWeeks: 4 } };
    const share = 1 - (4 * 3) / (52 * 7) - 4 / 52;
    expect(presentShare(away)).toBeCloseTo(share, 12);
    const [a, b] = [offeredLoad(tiny, flowHandoffs), offeredLoad(away, flowHandoffs)];
    a.forEach((t, i) => {
      expect(b[i]!.offeredMinutesPerWeek).toBeCloseTo(t.offeredMinutesPerWeek, 9);
      expect(b[i]!.utilisation).toBeCloseTo(t.utilisation / share, 9);
    });
  });
});

describe("pooling under one case owner", () => {
  const owner: Policy = { ...flowHandoffs, caseHandling: "caseOwner" };
  const total = (loads: readonly TeamLoad[], f: (t: TeamLoad) => number) => loads.reduce((a, t) => a + f(t), 0);

  it("keeps total staff and capacity", () => {
    const [a, b] = [offeredLoad(tiny, flowHandoffs), offeredLoad(tiny, owner)];
    expect(total(b, (t) => t.staff)).toBe(total(a, (t) => t.staff));
    expect(total(b, (t) => t.staff * t.openMinutesPerWeek)).toBeCloseTo(total(a, (t) => t.staff * t.openMinutesPerWeek), 9);
  });

  it("keeps total load but for the generalist penalty, the owners' training and relays of consults", () => {
    // pooled steps: intake 1,500 + visit 2,500 + decision 950 = 4,950; × 0.15 × (1 − 1/2) = 371.25;
    // 2 owners train 40 h a year: 4,800 ÷ 52 a week; 20 reviews a week become consults relayed in 5 min
    const [a, b] = [offeredLoad(tiny, flowHandoffs), offeredLoad(tiny, owner)];
    expect(total(b, (t) => t.offeredMinutesPerWeek) - total(a, (t) => t.offeredMinutesPerWeek)).toBeCloseTo(371.25 + 4800 / 52 + 100, 9);
    const mechanisms = { ...tiny.mechanisms, generalistPenalty: 0, trainingMinutesPerYear: 0, consultRelayMinutes: 0 };
    const noPenalty: Scenario = { ...tiny, mechanisms };
    expect(total(offeredLoad(noPenalty, owner), (t) => t.offeredMinutesPerWeek)).toBeCloseTo(
      total(offeredLoad(noPenalty, flowHandoffs), (t) => t.offeredMinutesPerWeek),
      9,
    );
  });
});

/** A text with its line breaks and runs of spaces made single spaces (docs wrap their quotes). */
const oneLine = (text: string) => text.replace(/\s+/g, " ");
const ANALYSIS_DOC = readFileSync(join(__dirname, "..", "..", "docs", "analysis.md"), "utf8");

describe("loadWarnings", () => {
  it("warns in plain words when a team is over capacity, and when it is near", () => {
    const warnings = loadWarnings(offeredLoad(tiny, flowHandoffs));
    // docs/analysis.md ("Reading the warnings") quotes both as the code gives them
    for (const w of warnings) expect(oneLine(ANALYSIS_DOC)).toContain(oneLine(w.message));
    expect(warnings).toEqual([
      {
        team: "caseWorkers",
        utilisation: expect.closeTo(1.3, 12),
        level: "over",
        message: "case workers (building permit) are offered 130% of their capacity before any failure demand; queues will grow without limit",
      },
      {
        team: "crew",
        utilisation: expect.closeTo(0.9259, 4),
        level: "near",
        message:
          "field crew (building permit) are offered 93% of their capacity before any failure demand; expect long queues, and failure demand will push them over",
      },
    ]);
  });

  it("names the services that make up most of the load, the largest first", () => {
    const team: TeamLoad = {
      team: "front", name: "contact centre", role: "front", staff: 1, openMinutesPerWeek: 1000,
      offeredMinutesPerWeek: 1100, utilisation: 1.1, byService: { a: 100, b: 600, c: 400 },
      serviceNames: { a: "waste", b: "general enquiries", c: "school choice" }, trainingMinutesPerWeek: 0, presentShare: 1,
    };
    expect(loadWarnings([team])[0]?.message).toBe(
      "contact centre (general enquiries and school choice) are offered 110% of their capacity before any failure demand; queues will grow without limit",
    );
  });

  it("says a queue grows unless citizens leave where callers who hang up bring enough of the load, and flatly where the rest alone fills the team", () => {
    const team = (patientMinutesPerWeek: number): TeamLoad => ({
      team: "front", name: "reception", role: "front", staff: 1, openMinutesPerWeek: 1000,
      offeredMinutesPerWeek: 1100, utilisation: 1.1, byService: { a: 1100 }, serviceNames: { a: "general enquiries" },
      patientMinutesPerWeek, trainingMinutesPerWeek: 0, presentShare: 1,
    });
    // 900 of 1,100 from callers: the other 200 is 20% of capacity, so callers who hang up can free enough time
    expect(loadWarnings([team(900)])[0]?.message).toBe(
      "reception (general enquiries) are offered 110% of their capacity before any failure demand, 90% from citizens who leave when they wait too long; queues will grow without limit unless enough of them leave",
    );
    // 50 from callers: the other 1,050 alone is over capacity
    const flat = "reception (general enquiries) are offered 110% of their capacity before any failure demand; queues will grow without limit";
    expect(loadWarnings([team(50)])[0]?.message).toBe(flat);
    expect(loadWarnings([team(0)])[0]?.message).toBe(flat);
  });

  it("soderhamn's reception under whole: over capacity mostly from callers, who hang up, and its queue stays bounded in a run", () => {
    const scenario = loadScenario("soderhamn");
    const reception = loadWarnings(offeredLoad(scenario, policies.whole)).find((w) => w.team === "reception");
    expect(reception?.level).toBe("over");
    expect(reception?.message).toMatch(/are offered 101% of their capacity before any failure demand, 90% from citizens who leave when they wait too long; queues will grow without limit unless enough of them leave$/);
    // docs/analysis.md ("Reading the warnings") quotes it as the code gives it
    expect(oneLine(ANALYSIS_DOC)).toContain(oneLine(reception!.message));
    const run = simulate(scenario, policies.whole, { seed: 1 });
    const stats = run.teams.find((t) => t.id === "reception")!.stats;
    // callers leave (about three in ten contacts at the desk) and the desk has idle time left
    expect(stats.reneged / stats.arrivals).toBeGreaterThan(0.1);
    expect(stats.busyTime / stats.capacityTime).toBeLessThan(0.95);
    expect(summarise(run).unstableTeams).not.toContain("reception");
  });

  it("puts the services of a pooled team, whose name has parentheses already, after \"for\"", () => {
    const [owners] = loadWarnings(offeredLoad(tiny, policies.whole)); // 5,999.56 ÷ 5,100 = 118%
    expect(owners?.message).toBe(
      "case owners (case workers, field crew) for building permit are offered 118% of their capacity before any failure demand; queues will grow without limit",
    );
  });

  it("takes another threshold for near, and rejects one outside (0, 1]", () => {
    const loads = offeredLoad(tiny, flowHandoffs);
    expect(loadWarnings(loads, { near: 0.75 }).map((w) => w.team)).toEqual(["caseWorkers", "crew", "expert"]);
    expect(() => loadWarnings(loads, { near: 0 })).toThrow(RangeError);
    expect(() => loadWarnings(loads, { near: 1.2 })).toThrow(/near must be a number in \(0, 1\]/);
  });
});

describe("the built-in scenarios", () => {
  for (const name of ["soderhamn", "teaching", "standard-work"] as const) {
    for (const policy of [policies.minutes, policies.whole]) {
      it(`${name} under ${policy.name}: finite loads on every team, the same staff in total`, () => {
        const s = loadScenario(name);
        const loads = offeredLoad(s, policy);
        for (const t of loads) {
          expect(Number.isFinite(t.offeredMinutesPerWeek) && t.offeredMinutesPerWeek >= 0, t.team).toBe(true);
          expect(Number.isFinite(t.utilisation) && t.utilisation >= 0, t.team).toBe(true);
        }
        expect(loads.reduce((a, t) => a + t.staff, 0)).toBe(s.teams.reduce((a, t) => a + t.staff, 0));
      });
    }
  }

  it("soderhamn under minutes: no team over capacity before failure demand", () => {
    expect(loadWarnings(offeredLoad(loadScenario("soderhamn"), policies.minutes)).filter((w) => w.level === "over")).toEqual([]);
  });
});

describe("the analysis against the simulation with every failure mechanism off", () => {
  for (const name of LOAD_CHECK_SCENARIOS) {
    for (const preset of [policies.minutes, policies.whole]) {
      it(`${name} under ${preset.name}: simulated staff minutes per week per team within 4 SD of the offered load`, () => {
        for (const c of loadComparisons(name, preset, 1)) {
          expect(Math.abs(c.simulated - c.offered), `${c.team}: simulated ${c.simulated.toFixed(1)} vs offered ${c.offered.toFixed(1)} (SD ${c.sd.toFixed(1)})`).toBeLessThanOrEqual(4 * c.sd);
        }
      });
    }
  }
});

describe("the traffic equations, solved in linear time", () => {
  it("a chain with a rework self-loop: v = γ + flow in, over 1 − p", () => {
    expect(solveVisits([1, 0, 0], [[0, 1, 0.5], [1, 1, 0.2], [1, 2, 0.8]])).toEqual([1, 0.625, 0.5]);
  });

  it("a longer loop (which no routing makes today) is solved by LU: a → b → c → a half the time, 2 visits each", () => {
    const v = solveVisits([1, 0, 0, 0], [[0, 1, 1], [1, 2, 1], [2, 0, 0.5], [2, 3, 0.5]]);
    for (const [i, want] of [2, 2, 2, 1].entries()) expect(v[i]).toBeCloseTo(want, 12);
  });

  it("equals the dense LU solve of (I − Rᵀ)v = γ on random chains with self-loops and forward moves", () => {
    const math = create({ lusolveDependencies: lusolveDependencies as FactoryFunctionMap });
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rand() * 30);
      const entry = Array.from({ length: n }, () => (rand() < 0.3 ? rand() : 0));
      const moves: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        if (rand() < 0.4) moves.push([i, i, 0.9 * rand()]);
        // out of i at most 1 in all, to later stations only (a DAG, as the routing is)
        let left = 1;
        for (let j = i + 1; j < n && left > 0.05; j++) {
          if (rand() < 0.3) {
            const p = left * rand();
            moves.push([i, j, p]);
            left -= p;
          }
        }
      }
      const a = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (__, i) => (i === j ? 1 : 0)));
      for (const [from, to, p] of moves) a[to]![from]! -= p;
      const dense = (math.lusolve(a, entry) as number[][]).map((r) => r[0] as number);
      const linear = solveVisits(entry, moves);
      dense.forEach((d, i) => expect(Math.abs(linear[i]! - d), `trial ${trial}, station ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(d))));
    }
  });

  it("analyses 20 services of 1,000 steps each (a size the dense solve could not reach), with the visits the chain implies", () => {
    // the permit service with 1,000 copies of its field visit (which fails with p = 0.2), every need a case
    const [permit] = tiny.services;
    const visit = permit!.steps[2]!;
    const steps = Array.from({ length: 1000 }, (_, k) => ({ ...visit, id: `st${k}`, name: `st${k}`, team: k % 2 ? "caseWorkers" : "crew" }));
    const big: Scenario = { ...tiny, services: Array.from({ length: 20 }, (_, j) => ({ ...permit!, id: `s${j}`, name: `s${j}`, caseShare: 1, steps })) };
    const routing = serviceRouting(big, policies.minutes).filter((r) => r.label === "st999");
    expect(routing).toHaveLength(20);
    // every case passes every step, each redone with probability 0.2: 1/(1 − 0.2) visits
    for (const r of routing) expect(r.visits).toBeCloseTo(1.25, 9);
  });
});

describe("the layout behind the run-cost estimate", () => {
  for (const name of ["soderhamn", "teaching", "standard-work"] as const) {
    for (const preset of [policies.minutes, policies.whole]) {
      it(`${name} under ${preset.name}: the same personal owners and front teams as the model`, () => {
        const s = loadScenario(name);
        const a = loadAnalysis(s, preset);
        const layout = planTeams(s, preset);
        expect(a.personalTeams).toEqual(layout.teams.filter((t) => t.personal).map((t) => t.id));
        expect(a.loads.map((t) => t.team)).toEqual(layout.teams.map((t) => t.id));
      });
    }
  }
});
