/**
 * Honesty of the model: nothing is lost, nothing is an input, both policies meet the same
 * citizens, and switching the failure mechanisms off leaves only the differences of flow.
 */
import { describe, expect, it } from "vitest";
import { loadScenario, policies, simulate, summarise, type Policy, type RunResult, type Scenario } from "../../src/index.js";

const SHORT = { horizon: 20 * 10080, warmup: 4 * 10080 };
const scenarios = ["teaching", "standard-work", "soderhamn"] as const;

function checkRun(run: RunResult): void {
  const m = summarise(run);
  expect(m.arrived).toBe(m.resolved + m.abandoned + m.open);
  const n = run.needs;
  for (let i = 0; i < n.length; i++) {
    expect(n.arrival[i]).toBeGreaterThanOrEqual(SHORT.warmup);
    expect(n.arrival[i]).toBeLessThan(SHORT.horizon);
    if (n.status[i] !== 0) expect(n.end[i]).toBeGreaterThanOrEqual(n.arrival[i]!);
    for (const col of [n.contacts, n.failureContacts, n.handoffs, n.effortMinutes, n.staffMinutes]) {
      expect(Number.isFinite(col[i]) && col[i]! >= 0).toBe(true);
    }
    expect(n.failureContacts[i]).toBeLessThanOrEqual(n.contacts[i]!);
  }
  const c = run.contacts;
  for (let i = 0; i < c.length; i++) {
    expect(c.wait[i]).toBeGreaterThanOrEqual(0);
    expect(c.minutes[i]).toBeGreaterThanOrEqual(0);
  }
  const shares = [m.firstContactResolution, m.failureDemandShare, m.cleanShare, m.reopenShare, m.abandonedShare, m.selfServedShare, m.callAbandonment];
  for (const s of shares) expect(s >= 0 && s <= 1).toBe(true);
  for (const u of Object.values(m.utilisation)) expect(u >= 0 && u <= 1).toBe(true);
  // staff minutes add up: by team = by task, and value + failure
  for (const t of run.teams) {
    const byTask = t.minutesByTask.reduce((a, x) => a + x, 0);
    expect(byTask).toBeCloseTo(t.valueMinutes + t.failureMinutes, 6);
    expect(t.stats.busyTime).toBeGreaterThanOrEqual(0);
  }
  const reasons = Object.values(m.failureDemandByReason).reduce((a, x) => a + x, 0);
  expect(reasons).toBeCloseTo(m.failureDemandShare, 12);
  // every failure contact carries the mechanism that caused it; value demand carries none
  for (let i = 0; i < c.length; i++) expect(c.cause[i] === 0, `contact ${i}`).toBe(c.reason[i] === 0);
  const causes = Object.values(m.failureDemandByCause).reduce((a, x) => a + x, 0);
  expect(causes).toBeCloseTo(m.failureDemandShare, 12);
}

describe("the model keeps its books", () => {
  for (const name of scenarios) {
    for (const policy of [policies.minutes, policies.whole]) {
      it(`${name} under ${policy.name}: needs are conserved and every figure is finite and in range`, () => {
        checkRun(simulate(loadScenario(name), policy, { seed: 11, ...SHORT }));
      });
    }
  }

  it("gives identical results for the same seed and different ones for another", () => {
    const s = loadScenario("teaching");
    const a = simulate(s, policies.minutes, { seed: 5, ...SHORT });
    const b = simulate(s, policies.minutes, { seed: 5, ...SHORT });
    expect(summarise(a)).toEqual(summarise(b));
    expect(Array.from(a.contacts.time)).toEqual(Array.from(b.contacts.time));
    const c = simulate(s, policies.minutes, { seed: 6, ...SHORT });
    expect(Array.from(c.needs.arrival)).not.toEqual(Array.from(a.needs.arrival));
  });
});

describe("common random numbers", () => {
  it("feeds both policies the very same citizens: arrival, service, channel, kind of need and patience", () => {
    const s = loadScenario("soderhamn");
    const runs = [policies.minutes, policies.whole].map((p) => simulate(s, p, { seed: 3, ...SHORT }));
    const rows = runs.map((r) => {
      const out = new Map<number, string>();
      for (let i = 0; i < r.needs.length; i++) {
        out.set(r.needs.id[i]!, [r.needs.arrival[i], r.needs.service[i], r.needs.channel[i], r.needs.isCase[i], r.needs.patience[i]].join("|"));
      }
      return out;
    });
    expect(rows[0]!.size).toBeGreaterThan(1000);
    expect([...rows[0]!.entries()].sort()).toEqual([...rows[1]!.entries()].sort());
  });
});

/** The scenario with every failure mechanism switched off. */
function withoutFailure(s: Scenario): Scenario {
  return {
    ...s,
    services: s.services.map((sv) => ({
      ...sv,
      informationQuality: 1,
      steps: sv.steps.map((st) => ({ ...st, failureProbability: 0 })),
    })),
    citizens: {
      ...s.citizens,
      phonePatience: { mean: 1e9, cv: 0 },
      visitPatience: { mean: 1e9, cv: 0 },
      giveUpProbability: 0,
      chaseRatePerMinute: 0,
      letterUnclearProbability: 0,
      complaintPropensity: 0,
    },
    mechanisms: {
      ...s.mechanisms,
      handoffInfoLoss: 0,
      misrouteProbability: 0,
      prematureClosure: 0,
      infoLossFailure: 0,
      wrongAnswerProbability: 0,
      consultRelayLoss: 0,
      measureGaming: 0,
      // the design costs and gains that are not failure: the same for both policies here
      consultShare: 1,
      updateMinutes: 0,
      confirmationMinutes: 0,
      generalistPenalty: 0,
      batchSetupSaving: 0,
      breadthContactTime: 0,
      consultRelayMinutes: 0,
      trainingMinutesPerYear: 0,
      // absence stays (it is not failure), but a colleague's reading in is failure work
      readInWork: { mean: 0, cv: 0 },
    },
  };
}

describe("ablation: every failure mechanism off", () => {
  const s = withoutFailure(loadScenario("soderhamn"));
  const same = (p: Policy): Policy => ({
    ...p,
    frontOffice: { ...p.frontOffice, skillCoverage: 0.8 },
    handlingTime: { ...p.handlingTime, cutShortProbability: 0 },
  });
  const [minutes, whole] = [same(policies.minutes), same(policies.whole)].map((p) => simulate(s, p, { seed: 9, ...SHORT }));
  const [mm, mw] = [summarise(minutes!), summarise(whole!)];

  it("leaves no failure demand, rework, reopening or giving up under either policy", () => {
    for (const m of [mm, mw]) {
      expect(m.failureDemandShare).toBe(0);
      expect(m.reopenShare).toBe(0);
      expect(m.abandoned).toBe(0);
      expect(m.cleanShare).toBeCloseTo(m.resolved / m.arrived, 12);
    }
  });

  it("leaves the same work for the same citizens: staff minutes of every need agree", () => {
    const perNeed = (r: RunResult) => new Map(Array.from(r.needs.id, (id, i) => [id, r.needs.staffMinutes[i]!]));
    const a = perNeed(minutes!);
    const b = perNeed(whole!);
    let compared = 0;
    for (const [id, m] of a) {
      const w = b.get(id);
      if (w === undefined) continue;
      expect(m).toBeCloseTo(w, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(mm.contactsPerNeed).toBeCloseTo(mw.contactsPerNeed, 12);
  });

  it("differs only through flow: batch sweeps add waiting (M6), and only specialised teams hand cases on (M4)", () => {
    // a mechanism, not a verdict: the same policy with its batches swept away is faster
    const flow = (p: Policy): Policy => ({ ...p, name: `${p.name} in flow`, batching: { everyMinutes: null, byRole: {}, steps: {} } });
    const mf = summarise(simulate(s, flow(same(policies.minutes)), { seed: 9, ...SHORT }));
    expect(mf.endToEndDays.mean).toBeLessThan(mm.endToEndDays.mean);
    expect(mm.handoffsPerNeed).toBeGreaterThan(mw.handoffsPerNeed);
  });
});
