/**
 * Plausibility against the evidence (docs/evidence.md, ranges and entries): bands on
 * mechanism-level outputs of each preset, one at a time. The mechanisms produce the figures;
 * docs/model.md §6 records how `soderhamn` was calibrated and which inputs moved. No test here
 * compares the presets: which design does better is a result to report (docs/validation.md),
 * never a requirement.
 */
import { describe, expect, it } from "vitest";
import { loadScenario, policies, simulate, summarise, type RunResult, type RunSummary } from "../../src/index.js";

const R = 3;
function replicate(name: string, policy: typeof policies.minutes): { runs: RunResult[]; summaries: RunSummary[] } {
  const s = loadScenario(name);
  const runs = Array.from({ length: R }, (_, r) => simulate(s, policy, { seed: 2026, replication: r }));
  return { runs, summaries: runs.map(summarise) };
}
const mean = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0) / xs.length;

/** Cases only: hand-offs per case, and the share of closed cases reopened (the citizen came back after closing). */
function caseFigures(run: RunResult): { handoffsPerCase: number; reopenedShare: number } {
  const n = run.needs;
  let cases = 0;
  let handoffs = 0;
  let closed = 0;
  let reopened = 0;
  for (let i = 0; i < n.length; i++) {
    if (n.isCase[i] !== 1) continue;
    cases++;
    handoffs += n.handoffs[i]!;
    if (n.status[i] === 1) {
      closed++;
      reopened += n.reopened[i]!;
    }
  }
  return { handoffsPerCase: handoffs / cases, reopenedShare: reopened / closed };
}

describe("soderhamn under minutes, one year, three replications", () => {
  const { runs, summaries } = replicate("soderhamn", policies.minutes);

  it("failure demand 30–80% of contacts (the ranges' 40–70% for regime A, widened by ten points: consultancy figures, E6)", () => {
    const fd = mean(summaries, (m) => m.failureDemandShare);
    expect(fd).toBeGreaterThanOrEqual(0.3);
    expect(fd).toBeLessThanOrEqual(0.8);
  });

  it("first-contact resolution 35–60% (KKiK: 51–53% of simple questions answered directly, E22)", () => {
    const fcr = mean(summaries, (m) => m.firstContactResolution);
    expect(fcr).toBeGreaterThanOrEqual(0.35);
    expect(fcr).toBeLessThanOrEqual(0.6);
  });

  it("reopens 5–22.5% of closed cases (10–15% for symptom-only closures, E42: vendor data, bounds × 0.5 and × 1.5)", () => {
    const share = mean(runs, (r) => caseFigures(r).reopenedShare);
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.225);
  });

  it("hands a case on 1–6 times (every flow changes team at least once; the ranges' GUESS top for regime A is 6)", () => {
    const h = mean(runs, (r) => caseFigures(r).handoffsPerCase);
    expect(h).toBeGreaterThanOrEqual(1);
    expect(h).toBeLessThanOrEqual(6);
  });

  it("keeps today's organisation stable: no team is run past capacity, nearly every need ends", () => {
    for (const m of summaries) for (const [team, u] of Object.entries(m.utilisation)) expect(u, team).toBeLessThan(0.95);
    for (const m of summaries) expect(m.open, "needs still open at the end").toBeLessThan(0.01 * m.arrived);
    for (const m of summaries) expect(m.unstableTeams).toEqual([]);
  });
});

describe("soderhamn under whole, one year, three replications", () => {
  const { runs, summaries } = replicate("soderhamn", policies.whole);

  it("first-contact resolution 70–92% (Knivsta 78% after building a contact centre, E23; world class 80%, E33)", () => {
    const fcr = mean(summaries, (m) => m.firstContactResolution);
    expect(fcr).toBeGreaterThanOrEqual(0.7);
    expect(fcr).toBeLessThanOrEqual(0.92);
  });

  it("reopens 1.5–7.5% of closed cases (3–5% for root-cause closures, E42, E43: vendor data, bounds × 0.5 and × 1.5)", () => {
    const share = mean(runs, (r) => caseFigures(r).reopenedShare);
    expect(share).toBeGreaterThanOrEqual(0.015);
    expect(share).toBeLessThanOrEqual(0.075);
  });

  it("hands a case on at most once, plus misroutes (the ranges' regime B: 0–1)", () => {
    expect(mean(runs, (r) => caseFigures(r).handoffsPerCase)).toBeLessThanOrEqual(1.3);
  });

  it("has failure demand of its own: above 2% of contacts", () => {
    expect(mean(summaries, (m) => m.failureDemandShare)).toBeGreaterThan(0.02);
  });
});

describe("standard-work: standard, low-variety work", () => {
  const minutes = replicate("standard-work", policies.minutes).summaries;

  it("is handled within what citizens expect (two weeks) under the minutes preset, with few giving up", () => {
    // weekly batch sweeps still cost days (docs/model.md), but stay inside the promise
    expect(mean(minutes, (m) => m.endToEndDays.mean)).toBeLessThanOrEqual(14);
    expect(mean(minutes, (m) => m.abandonedShare)).toBeLessThan(0.05);
  });
});
