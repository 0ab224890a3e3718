/**
 * Common random numbers need by need: every random draw about one citizen's need comes from
 * that need's own numbers (its bank of uniforms, then its own stream), never from a stream
 * shared with other needs. So what happens to one citizen cannot shift the luck of another.
 */
import { describe, expect, it } from "vitest";
import { JournalEvent, loadScenario, policies, simulate, type RunResult } from "../../src/index.js";

const SHORT = { horizon: 20 * 10080, warmup: 4 * 10080 };

/**
 * Two services that share no team and no channel: "roads" is answered by phone and at the
 * desk, "schools" only in writing, and each has its own back office and field or expert team.
 * Callers always redial rather than write, so a roads citizen never reaches the schools side.
 * Both services exercise every per-need draw: front cuts and returns, hang-ups and redials,
 * closed lines, hand-offs that lose information, clarifications, letters (and unclear ones),
 * external waits, failed field work, defects noticed later, complaints.
 */
const twoSides = loadScenario({
  name: "two-sides",
  description: "Two services with no team or channel in common (a test of common random numbers).",
  population: 20000,
  costPerStaffHour: 500,
  horizon: "20 weeks",
  warmup: "4 weeks",
  drain: "52 weeks",
  teams: [
    { id: "roadsDesk", role: "front", staff: 2, hours: "Mon-Fri 08:00-16:00", channels: ["phone", "visit"] },
    { id: "roadsOffice", role: "caseWork", staff: 2, hours: "Mon-Fri 08:00-16:00" },
    { id: "roadsCrew", role: "field", staff: 1, hours: "Mon-Fri 07:00-15:00" },
    { id: "schoolsDesk", role: "front", staff: 1, hours: "Mon-Fri 08:00-16:00", channels: ["email"] },
    { id: "schoolsOffice", role: "caseWork", staff: 2, hours: "Mon-Fri 08:00-16:00" },
    { id: "schoolsExpert", role: "specialist", staff: 1, hours: "Mon-Fri 09:00-12:00" },
  ],
  services: [
    {
      id: "roads",
      arrivals: "2500 / year",
      demandTypes: 8,
      frontResolvableShare: 0.5,
      caseShare: 0.5,
      frontWork: { mean: "6 min", cv: 1 },
      backOfficeWork: { mean: "20 min", cv: 0.8 },
      backOffice: "roadsOffice",
      informationQuality: 0.6,
      selfServiceShare: 0.2,
      channelMix: { phone: 0.8, visit: 0.2 },
      expectation: "2 weeks",
      steps: [
        { id: "intake", team: "roadsOffice", work: { mean: "20 min", cv: 0.6 }, checksCompleteness: true },
        { id: "repair", team: "roadsCrew", work: { mean: "60 min", cv: 0.8 }, failureProbability: 0.2, externalWait: { mean: "3 days", cv: 0.5 } },
        { id: "close", team: "roadsOffice", work: { mean: "15 min", cv: 0.5 } },
      ],
    },
    {
      id: "schools",
      arrivals: "1500 / year",
      demandTypes: 6,
      frontResolvableShare: 0.5,
      caseShare: 0.6,
      frontWork: { mean: "8 min", cv: 0.8 },
      backOfficeWork: { mean: "20 min", cv: 0.8 },
      backOffice: "schoolsOffice",
      specialistShare: 0.4,
      informationQuality: 0.6,
      selfServiceShare: 0.2,
      channelMix: { email: 0.5, eform: 0.5 },
      expectation: "3 weeks",
      steps: [
        { id: "intake", team: "schoolsOffice", work: { mean: "20 min", cv: 0.6 }, checksCompleteness: true, externalWait: { mean: "2 days", cv: 1 } },
        { id: "review", team: "schoolsExpert", work: { mean: "45 min", cv: 0.7 }, specialist: true, failureProbability: 0.1 },
        { id: "decision", team: "schoolsOffice", work: { mean: "30 min", cv: 0.6 }, failureProbability: 0.05 },
      ],
    },
  ],
  citizens: { redialProbability: 1, complaintPropensity: 0.1 },
});

/** Every need record of one service, by need id, as one comparable line. */
function needsOf(run: RunResult, service: number): Map<number, string> {
  const n = run.needs;
  const out = new Map<number, string>();
  for (let i = 0; i < n.length; i++) {
    if (n.service[i] !== service) continue;
    out.set(n.id[i]!, [n.arrival[i], n.end[i], n.status[i], n.contacts[i], n.failureContacts[i], n.outbound[i], n.handoffs[i], n.reworks[i], n.effortMinutes[i], n.staffMinutes[i], n.expression[i]].join("|"));
  }
  return out;
}

/** Every contact of one service: when the citizen got in touch, the wait, the minutes, the reason and outcome. */
function contactsOf(run: RunResult, service: number): string[] {
  const c = run.contacts;
  const out: string[] = [];
  for (let i = 0; i < c.length; i++) {
    if (c.service[i] === service) out.push([c.need[i], c.time[i], c.wait[i], c.minutes[i], c.reason[i], c.outcome[i], c.team[i]].join("|"));
  }
  return out.sort();
}

describe("common random numbers need by need", () => {
  const roads = twoSides.services.findIndex((s) => s.id === "roads");
  const schools = twoSides.services.findIndex((s) => s.id === "schools");

  for (const policy of [policies.minutes, policies.whole]) {
    it(`under ${policy.name}, removing the failures of one side's front leaves every citizen of the other side exactly as before`, () => {
      const base = simulate(twoSides, policy, { seed: 4 });
      const what = simulate(twoSides, policy, { seed: 4, withoutFailuresAt: "roadsDesk" });
      // the what-if changes the roads citizens' paths (else this would test nothing) ...
      expect(needsOf(what, roads)).not.toEqual(needsOf(base, roads));
      // ... and no schools citizen's: same arrival, contacts, end, effort and staff minutes
      const a = needsOf(base, schools);
      expect(a.size).toBeGreaterThan(300);
      expect(needsOf(what, schools)).toEqual(a);
      expect(contactsOf(what, schools)).toEqual(contactsOf(base, schools));
    });
  }

  it("gives the same need the same outside wait at the same step under both presets", () => {
    const s = loadScenario("soderhamn");
    const waits = (r: RunResult) => {
      const j = r.journal;
      const out = new Map<string, number>();
      for (let i = 0; i < j.length; i++) if (j.event[i] === JournalEvent.externalWait) out.set(`${j.need[i]}:${j.step[i]}`, j.wait[i]!);
      return out;
    };
    const [m, w] = [policies.minutes, policies.whole].map((p) => waits(simulate(s, p, { seed: 3, ...SHORT, journal: { every: 1 } })));
    let compared = 0;
    for (const [key, wait] of m!) {
      const other = w!.get(key);
      if (other === undefined) continue;
      expect(other, key).toBe(wait);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
