import { describe, expect, it } from "vitest";
import { isFailureReason, loadScenario, Outcome, policies, simulate, summarise, type RunResult } from "../../src/index.js";
import { attribution, attributionText, journeyMap, journeyMapText, journeys, PHASES } from "../../src/journey/index.js";

const OPTIONS = { seed: 5, horizon: "14 weeks", warmup: "2 weeks", journal: { every: 2 } } as const;
const runs: RunResult[] = [policies.minutes, policies.whole].map((p) => simulate(loadScenario("teaching"), p, OPTIONS));

describe.each(runs.map((run) => [run.policy, run] as const))("journey map under %s", (_, run) => {
  const map = journeyMap(run);
  const ended = journeys(run).filter((j) => j.endToEndMinutes !== null);

  it("covers the three phases, whose before and during add up to the mean end-to-end time", () => {
    expect(map.phases.map((p) => p.phase)).toEqual([...PHASES]);
    expect(map.citizens).toBe(ended.length);
    expect(map.resolved + map.abandoned).toBe(map.citizens);
    const [before, during] = map.phases;
    expect((before!.minutes + during!.minutes) / 1440).toBeCloseTo(map.endToEndDays, 9);
    for (const p of map.phases) expect(p.waitingMinutes).toBeLessThanOrEqual(p.minutes + 1e-9);
  });

  it("counts contacts and failure demand per phase as the journeys do", () => {
    const contacts = map.phases.reduce((s, p) => s + p.contacts, 0);
    const failure = map.phases.reduce((s, p) => s + p.failureContacts, 0);
    expect(contacts).toBeCloseTo(ended.reduce((s, j) => s + j.contacts, 0) / ended.length, 9);
    expect(failure).toBeCloseTo(ended.reduce((s, j) => s + j.failureContacts, 0) / ended.length, 9);
    expect(map.phases[0]!.contacts).toBe(0);
  });

  it("ends its emotion curve at the citizens' mean final emotion", () => {
    const mean = ended.reduce((s, j) => s + j.emotion, 0) / ended.length;
    expect(map.phases[2]!.emotionAtEnd).toBeCloseTo(mean, 9);
    expect(map.moments[map.moments.length - 1]!.emotion).toBeCloseTo(mean, 9);
    const order = map.moments.map((m) => PHASES.indexOf(m.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("marks the biggest drops as pain points, in order", () => {
    const drops = map.moments.filter((m) => m.emotionChange < 0).map((m) => m.emotionChange).sort((a, b) => a - b);
    expect(map.painPoints.map((m) => m.painPoint)).toEqual([1, 2, 3].slice(0, Math.min(3, drops.length)));
    expect(map.painPoints.map((m) => m.emotionChange)).toEqual(drops.slice(0, 3));
  });

  it("takes what citizens said afterwards from the need records", () => {
    const shares = Object.values(map.expression);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    const m = summarise(run).expression;
    for (const [name, share] of Object.entries(map.expression)) expect(share).toBeCloseTo(m[name] as number, 9);
  });

  it("maps one service, and reads as text", () => {
    const permit = journeyMap(run, { service: "permit" });
    expect(permit.service).toBe("permit");
    expect(permit.citizens).toBe(ended.filter((j) => j.service === "permit").length);
    const text = journeyMapText(map);
    expect(text).toContain("Journey map — teaching");
    for (const phase of PHASES) expect(text).toMatch(new RegExp(`\\n${phase} `));
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(map))).toEqual(map);
  });
});

describe.each(runs.map((run) => [run.policy, run] as const))("attribution under %s", (_, run) => {
  const a = attribution(run);

  it("attributes every handled failure-demand contact of the window to its origin", () => {
    const c = run.contacts;
    let count = 0;
    for (let i = 0; i < c.length; i++) if (c.outcome[i] !== Outcome.abandoned && isFailureReason(c.reason[i] as number)) count++;
    expect(a.failureContacts).toBe(count);
    expect(a.rows.reduce((s, r) => s + r.failureContacts, 0)).toBe(count);
    for (const r of a.rows) expect(r.failureCaused + r.waitCaused).toBe(r.failureContacts);
  });

  it("splits the mean end-to-end time over touchpoints without loss", () => {
    const ended = journeys(run).filter((j) => j.endToEndMinutes !== null);
    const mean = ended.reduce((s, j) => s + (j.endToEndMinutes as number), 0) / ended.length;
    expect(a.endToEndMinutes).toBeCloseTo(mean, 6);
    expect(a.rows.reduce((s, r) => s + r.endToEndMinutes, 0)).toBeCloseTo(mean, 6);
    expect(a.rows.reduce((s, r) => s + r.endToEndShare, 0)).toBeCloseTo(1, 9);
  });

  it("lists the touchpoints that matter most first, and reads as text", () => {
    for (let k = 1; k < a.rows.length; k++) expect(a.rows[k - 1]!.failureContacts).toBeGreaterThanOrEqual(a.rows[k]!.failureContacts);
    expect(attributionText(a).split("\n")).toHaveLength(a.rows.length + 2);
  });
});
