/**
 * The need records add up: each need's contacts by reason and by cause, chases, hung-up
 * attempts, closings and reopenings agree with the need's own totals and, summed over the
 * cohort, with the contact records of the run (mechanisms, not outcomes).
 */
import { describe, expect, it } from "vitest";
import { CAUSE_NAMES, loadScenario, Outcome, policies, Reason, REASON_NAMES, simulate, type RunResult } from "../../src/index.js";

const SHORT = { horizon: 16 * 10080, warmup: 4 * 10080 };

/** Counts of the contact records of cohort needs that their need records count (not after the record). */
function recordCounts(run: RunResult) {
  const cohort = new Set(Array.from(run.needs.id));
  const c = run.contacts;
  const handledByReason = new Array<number>(REASON_NAMES.length).fill(0);
  const failureByCause = new Array<number>(CAUSE_NAMES.length).fill(0);
  let abandoned = 0;
  let chases = 0;
  for (let i = 0; i < c.length; i++) {
    if (!cohort.has(c.need[i]!) || c.afterRecord[i] === 1) continue;
    const reason = c.reason[i]!;
    if (reason === Reason.progressChasing) chases++;
    if (c.outcome[i] === Outcome.abandoned) {
      abandoned++;
      continue;
    }
    handledByReason[reason]! += 1;
    if (reason !== Reason.firstRequest) failureByCause[c.cause[i]!]! += 1;
  }
  return { handledByReason, failureByCause, abandoned, chases };
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

describe("need records", () => {
  for (const scenario of ["teaching", "soderhamn"] as const) {
    for (const policy of [policies.minutes, policies.whole]) {
      it(`${scenario}, ${policy.name}: each row adds up, and the cohort's counts are the contact records' (drain 0)`, () => {
        const run = simulate(loadScenario(scenario), policy, { ...SHORT, drain: 0, seed: 3 });
        const n = run.needs;
        expect(n.length).toBeGreaterThan(100);
        for (let i = 0; i < n.length; i++) {
          expect(sum(n.contactsByReason.map((col) => col[i]!))).toBe(n.contacts[i]);
          expect(sum(n.failureContactsByCause.map((col) => col[i]!))).toBe(n.failureContacts[i]);
          expect(n.contacts[i]! - n.contactsByReason[Reason.firstRequest]![i]!).toBe(n.failureContacts[i]);
          expect(n.reopened[i]).toBe(n.reopens[i]! > 0 ? 1 : 0);
          expect(n.closings[i]! > 0).toBe(Number.isFinite(n.firstClosedAt[i]));
          if (n.closings[i]! > 0) expect(n.lastClosedAt[i]).toBeGreaterThanOrEqual(n.firstClosedAt[i]!);
          if (n.reopens[i]! > 0) {
            expect(n.lastReopenAt[i]).toBeGreaterThanOrEqual(n.firstReopenAt[i]!);
            // a need is reopened after it was closed
            expect(n.firstReopenAt[i]).toBeGreaterThanOrEqual(n.firstClosedAt[i]!);
          }
          expect(Number.isFinite(n.firstContactAt[i])).toBe(n.contacts[i]! > 0);
          if (n.contacts[i]! > 0) expect(n.firstContactAt[i]).toBeGreaterThanOrEqual(n.arrival[i]!);
          expect(n.clarifications[i]).toBeLessThanOrEqual(n.outbound[i]!);
          expect(n.chases[i]).toBeGreaterThanOrEqual(n.contactsByReason[Reason.progressChasing]![i]!);
        }
        const r = recordCounts(run);
        expect(n.contactsByReason.map(sum)).toEqual(r.handledByReason);
        expect(n.failureContactsByCause.map(sum)).toEqual(r.failureByCause);
        expect(sum(n.abandonedContacts)).toBe(r.abandoned);
        expect(sum(n.chases)).toBe(r.chases);
        // every failure contact carries its cause
        expect(sum(n.failureContactsByCause[0]!)).toBe(0);
      });
    }
  }

  it("with a drain, the need records also count contacts after the horizon (never fewer)", () => {
    const run = simulate(loadScenario("teaching"), policies.minutes, { ...SHORT, seed: 3 });
    const r = recordCounts(run);
    run.needs.contactsByReason.forEach((col, k) => expect(sum(col)).toBeGreaterThanOrEqual(r.handledByReason[k]!));
    expect(sum(run.needs.chases)).toBeGreaterThanOrEqual(r.chases);
  });

  it("consults appear only where the policy pulls expertise, clarifications only where information is asked for", () => {
    const whole = simulate(loadScenario("teaching"), policies.whole, { ...SHORT, seed: 3 });
    const minutes = simulate(loadScenario("teaching"), policies.minutes, { ...SHORT, seed: 3 });
    expect(sum(whole.needs.consults)).toBeGreaterThan(0);
    expect(sum(minutes.needs.consults)).toBe(0);
    expect(sum(minutes.needs.clarifications)).toBeGreaterThan(0);
  });
});
